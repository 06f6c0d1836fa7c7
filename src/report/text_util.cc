#include "text_util.h"

#include <vector>

namespace parallax::report {
namespace {

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

bool is_space(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

// Byte offset after the first `n` code points of `s`.
size_t byte_after(std::string_view s, size_t n) {
  size_t i = 0;
  while (i < s.size() && n > 0) {
    ++i;
    while (i < s.size() && is_continuation(s[i])) ++i;
    --n;
  }
  return i;
}

}  // namespace

size_t display_width(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += !is_continuation(c);
  return n;
}

std::string squeeze(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (is_space(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

std::string shorten(std::string_view s, size_t width) {
  std::string t = squeeze(s);
  if (display_width(t) <= width) return t;
  if (width <= 1) return "…";
  size_t cut = byte_after(t, width - 1);
  // Back up to a space when one is within the last quarter, so words stay whole.
  size_t sp = t.rfind(' ', cut);
  if (sp != std::string::npos && sp > 0 &&
      display_width(std::string_view(t).substr(0, sp)) * 4 >= width * 3)
    cut = sp;
  std::string out = t.substr(0, cut);
  while (!out.empty() && (out.back() == ' ' || out.back() == ',' || out.back() == ';'))
    out.pop_back();
  return out + "…";
}

std::string wrap(std::string_view s, size_t width, std::string_view first, std::string_view rest) {
  std::string t = squeeze(s);
  std::string out(first);
  size_t col = display_width(first);
  const size_t rest_width = display_width(rest);
  bool line_empty = true;
  size_t i = 0;
  while (i < t.size()) {
    size_t j = t.find(' ', i);
    if (j == std::string::npos) j = t.size();
    std::string_view word = std::string_view(t).substr(i, j - i);
    size_t w = display_width(word);
    if (!line_empty && col + 1 + w > width) {
      out += "\n";
      out += rest;
      col = rest_width;
      line_empty = true;
    }
    if (!line_empty) {
      out += ' ';
      ++col;
    }
    out += word;
    col += w;
    line_empty = false;
    i = j + 1;
  }
  out += "\n";
  return out;
}

std::string pad(std::string_view s, size_t width) {
  std::string out(s);
  for (size_t w = display_width(s); w < width; ++w) out.push_back(' ');
  return out;
}

}  // namespace parallax::report
