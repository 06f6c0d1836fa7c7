// Private to the library: the one way text is split into lines (lexicons, WordNet
// files, JSON Lines, plain text).
#ifndef PARALLAX_SRC_CORE_LINES_H_
#define PARALLAX_SRC_CORE_LINES_H_

#include <string_view>

namespace parallax {

// Calls fn(line, number) for each line of `text`, numbered from 1, without its "\n"
// or "\r\n". A last line without a newline counts; an empty text has no lines.
template <typename Fn>
void for_each_line(std::string_view text, Fn&& fn) {
  size_t pos = 0;
  int number = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    fn(line, ++number);
  }
}

}  // namespace parallax

#endif  // PARALLAX_SRC_CORE_LINES_H_
