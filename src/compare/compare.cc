// STUB: replaced by the real alignment.
#include "parallax/compare.h"
namespace parallax::compare {
Comparison compare(const std::vector<Article>&, const std::vector<Analysis>&, const analyze::Lexical&,
                   const Options&) { return {}; }
float sentence_similarity(const Analysis&, uint32_t, const Analysis&, uint32_t, const analyze::Lexical&) { return 0; }
}  // namespace parallax::compare
