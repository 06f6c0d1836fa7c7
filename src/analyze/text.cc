// STUB: replaced by the real segmenter.
#include "text.h"
namespace parallax::analyze {
std::string detect_language(std::string_view) { return "en"; }
std::string normalize(std::string_view w) { return std::string(w); }
std::string stem(std::string_view n, std::string_view) { return std::string(n); }
bool is_stopword(std::string_view, std::string_view) { return false; }
void segment(std::string_view, const std::vector<Paragraph>*, Analysis&) {}
}  // namespace parallax::analyze
