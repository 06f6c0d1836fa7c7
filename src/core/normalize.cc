// Normalising the small text fields of news: spaces, UTF-8 checks, languages, URLs,
// author lists (dates are in dates.cc).
#include "core/normalize.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>

namespace parallax {

namespace {

bool is_ascii_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_ascii_space(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && is_ascii_space(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string ascii_lower(std::string_view s) {
  std::string r(s);
  for (char& c : r) c = ascii_lower(c);
  return r;
}

}  // namespace

void append_normalized_space(std::string& out, std::string_view s) {
  const size_t start = out.size();
  bool pending = false;
  size_t i = 0;
  const size_t n = s.size();
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (is_ascii_space(c)) {
      pending = true;
      ++i;
      continue;
    }
    if (c == 0xC2 && i + 1 < n && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      pending = true;
      i += 2;
      continue;
    }
    // Copy the run up to the next space (or NBSP lead byte) in one go.
    size_t j = i + 1;
    while (j < n) {
      unsigned char d = static_cast<unsigned char>(s[j]);
      if (is_ascii_space(d) || d == 0xC2) break;
      ++j;
    }
    if (pending && out.size() > start) out += ' ';
    pending = false;
    out.append(s.data() + i, j - i);
    i = j;
  }
}

std::string normalize_space(std::string_view s) {
  std::string r;
  r.reserve(s.size());
  append_normalized_space(r, s);
  return r;
}

size_t find_invalid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    // ICU checks the sequence (overlongs, surrogates, > U+10FFFF); it works on
    // int32_t offsets, so give it a window no longer than one code point.
    int32_t len = static_cast<int32_t>(std::min<size_t>(4, n - i));
    int32_t j = 0;
    UChar32 c;
    U8_NEXT(p + i, j, len, c);
    if (c < 0) return i;
    i += static_cast<size_t>(j);
  }
  return std::string_view::npos;
}

std::string normalize_language(std::string_view s) {
  std::string l = ascii_lower(trim(s));
  size_t sep = l.find_first_of("-_");
  if (sep == 2 || sep == 3) {
    std::string head = l.substr(0, sep);
    if (std::all_of(head.begin(), head.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
      return head;
    }
  }
  return l;
}

std::string canonical_url(std::string_view url) {
  std::string_view u = trim(url);
  if (auto hash = u.find('#'); hash != std::string_view::npos) u = u.substr(0, hash);
  std::string r;
  size_t host_begin = 0;
  if (auto scheme = u.find("://"); scheme != std::string_view::npos) {
    r = ascii_lower(u.substr(0, scheme + 3));
    host_begin = scheme + 3;
  }
  size_t host_end = u.find_first_of("/?", host_begin);
  if (host_end == std::string_view::npos) host_end = u.size();
  r += ascii_lower(u.substr(host_begin, host_end - host_begin));
  std::string_view rest = u.substr(host_end);
  // "https://x.org/a/" and "https://x.org/a" name the same page.
  if (rest.size() > 1 && rest.back() == '/') rest.remove_suffix(1);
  if (rest == "/") rest = {};
  r += rest;
  return r;
}

std::vector<std::string_view> space_words(std::string_view s) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    const size_t b = i;
    while (i < s.size() && s[i] != ' ') ++i;
    if (i > b) words.push_back(s.substr(b, i - b));
  }
  return words;
}

std::vector<std::string> split_authors(std::string_view s) {
  std::vector<std::string> out;
  std::string t(trim(s));
  if (t.empty()) return out;
  std::vector<std::string_view> parts;
  std::string_view v = t;
  char sep = v.find(';') != std::string_view::npos ? ';' : ',';
  size_t pos = 0;
  while (pos <= v.size()) {
    size_t e = v.find(sep, pos);
    if (e == std::string_view::npos) e = v.size();
    parts.push_back(v.substr(pos, e - pos));
    pos = e + 1;
  }
  for (std::string_view part : parts) {
    // "Jane Doe and John Roe" is two names.
    while (true) {
      size_t a = part.find(" and ");
      std::string name = normalize_space(a == std::string_view::npos ? part : part.substr(0, a));
      if (!name.empty()) out.push_back(std::move(name));
      if (a == std::string_view::npos) break;
      part = part.substr(a + 5);
    }
  }
  return out;
}

}  // namespace parallax
