// STUB: replaced by the real framing finder.
#include "framing.h"
namespace parallax::analyze {
struct FramingLexicon::Data {};
Result<FramingLexicon> FramingLexicon::load() { return FramingLexicon{std::make_shared<Data>()}; }
void find_framing(std::string_view, const FramingLexicon&, Analysis&) {}
}  // namespace parallax::analyze
