// STUB: replaced by the real cleaner.
#include "parallax/extract.h"
namespace parallax::extract {
size_t clean(Article&, const CleanOptions&) { return 0; }
}  // namespace parallax::extract
