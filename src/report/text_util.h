// Private to report: measuring, shortening and wrapping UTF-8 text for a terminal.
#ifndef PARALLAX_SRC_REPORT_TEXT_UTIL_H_
#define PARALLAX_SRC_REPORT_TEXT_UTIL_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace parallax::report {

// Display width as the number of code points (CJK double width is not counted).
size_t display_width(std::string_view s);

// Whitespace runs (newlines too) collapsed to one space, ends trimmed.
std::string squeeze(std::string_view s);

// At most `width` code points: cut at a word boundary when one is near, with "…".
std::string shorten(std::string_view s, size_t width);

// Words of `s` wrapped to `width` columns; the first line starts with `first`, the
// following ones with `rest` (both counted in the width). Ends with a newline.
std::string wrap(std::string_view s, size_t width, std::string_view first, std::string_view rest);

// Pads with spaces to `width` code points (never cuts).
std::string pad(std::string_view s, size_t width);

}  // namespace parallax::report

#endif  // PARALLAX_SRC_REPORT_TEXT_UTIL_H_
