// STUB: replaced by the HTML extractor.
#include "parallax/extract.h"
namespace parallax::extract {
Result<Extraction> extract_html(std::string_view, const HtmlOptions& o) {
  return invalid_input(o.source + ": HTML extraction not built yet");
}
}  // namespace parallax::extract
