#include "lexicon.h"

#include "lexicons_data.h"
#include "lines.h"

namespace parallax {

std::string_view embedded_lexicon(std::string_view name) {
  for (const auto& f : kEmbeddedLexicons) {
    if (name == f.name) return f.text;
  }
  return {};
}

std::vector<std::string> embedded_lexicon_names() {
  std::vector<std::string> names;
  for (const auto& f : kEmbeddedLexicons) names.emplace_back(f.name);
  return names;
}

std::vector<std::vector<std::string_view>> lexicon_rows(std::string_view text) {
  std::vector<std::vector<std::string_view>> rows;
  for_each_line(text, [&](std::string_view line, int) {
    if (line.empty() || line.front() == '#') return;
    if (line.find_first_not_of(" \t") == std::string_view::npos) return;
    std::vector<std::string_view> cols;
    size_t start = 0;
    while (true) {
      size_t tab = line.find('\t', start);
      cols.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    rows.push_back(std::move(cols));
  });
  return rows;
}

}  // namespace parallax
