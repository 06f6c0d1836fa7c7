// From the bytes of a page to UTF-8. The order follows the HTML standard's encoding
// sniffing (BOM, transport charset, meta prescan), with one change that matters on
// the real web: a declaration is checked against the bytes, because pages often lie
// (a UTF-8 page declared ISO-8859-1 by a server default, or the reverse).
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <cstring>
#include <memory>

#include "extract/html_internal.h"

namespace parallax::extract::internal {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

char lower_ascii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Case-insensitive search for a lower-case ASCII needle.
size_t find_ci(std::string_view hay, std::string_view needle, size_t from = 0) {
  if (needle.empty() || hay.size() < needle.size()) return std::string_view::npos;
  for (size_t i = from; i + needle.size() <= hay.size(); ++i) {
    if (lower_ascii(hay[i]) != needle[0]) continue;
    size_t k = 1;
    while (k < needle.size() && lower_ascii(hay[i + k]) == needle[k]) ++k;
    if (k == needle.size()) return i;
  }
  return std::string_view::npos;
}

// The value after "charset" in `s` ("text/html; charset=utf-8", "charset='x'").
std::string charset_param(std::string_view s) {
  size_t p = find_ci(s, "charset");
  while (p != std::string_view::npos) {
    size_t i = p + 7;
    while (i < s.size() && is_space(s[i])) ++i;
    if (i < s.size() && s[i] == '=') {
      ++i;
      while (i < s.size() && is_space(s[i])) ++i;
      char quote = 0;
      if (i < s.size() && (s[i] == '"' || s[i] == '\'')) quote = s[i++];
      size_t b = i;
      while (i < s.size() && s[i] != quote && s[i] != ';' && s[i] != '>' && s[i] != '/' &&
             !(quote == 0 && (is_space(s[i]) || s[i] == '"' || s[i] == '\''))) {
        ++i;
      }
      std::string v = ascii_lower(trim(s.substr(b, i - b)));
      if (!v.empty()) return v;
    }
    p = find_ci(s, "charset", p + 7);
  }
  return {};
}

// Counts of ill-formed and multi-byte sequences in `s` taken as UTF-8.
struct Utf8Scan {
  size_t invalid = 0;
  size_t multibyte = 0;
};

Utf8Scan scan_utf8(std::string_view s) {
  Utf8Scan r;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size(), i = 0;
  while (i < n) {
    // Runs of ASCII eight bytes at a time: most of any page.
    while (i + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, p + i, 8);
      if (w & 0x8080808080808080ull) break;
      i += 8;
    }
    if (i >= n) break;
    unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len = 0;
    uint32_t cp = 0;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      cp = c & 0x07;
    }
    bool ok = len > 0 && i + len <= n;
    for (size_t k = 1; ok && k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) ok = false;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    if (ok) {
      if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
          (len == 4 && (cp < 0x10000 || cp > 0x10FFFF))) {
        ok = false;
      }
    }
    if (ok) {
      ++r.multibyte;
      i += len;
    } else {
      ++r.invalid;
      ++i;
    }
  }
  return r;
}

// WHATWG maps these labels to a superset; ICU takes the superset's name.
std::string whatwg_name(const std::string& label) {
  if (label == "iso-8859-1" || label == "latin1" || label == "latin-1" || label == "us-ascii" ||
      label == "ascii" || label == "iso8859-1" || label == "iso_8859-1" || label == "cp1252" ||
      label == "x-cp1252" || label == "l1") {
    return "windows-1252";
  }
  if (label == "gb2312" || label == "gbk" || label == "x-gbk" || label == "gb_2312-80" ||
      label == "chinese" || label == "csgb2312") {
    return "gb18030";
  }
  if (label == "iso-8859-9" || label == "latin5") return "windows-1254";
  if (label == "tis-620" || label == "iso-8859-11") return "windows-874";
  if (label == "utf8" || label == "unicode-1-1-utf-8" || label == "x-unicode20utf8") return "utf-8";
  // A meta tag can't declare UTF-16 (the bytes would not have been readable).
  if (label == "utf-16" || label == "utf-16le" || label == "utf-16be") return "utf-8";
  return label;
}

bool icu_knows(const std::string& name) {
  UErrorCode err = U_ZERO_ERROR;
  UConverter* c = ucnv_open(name.c_str(), &err);
  if (c) ucnv_close(c);
  return U_SUCCESS(err);
}

// Converts with ICU; false when the converter does not exist.
bool convert(std::string_view bytes, const std::string& from, std::string& out) {
  UErrorCode err = U_ZERO_ERROR;
  // Every input byte (or pair for UTF-16) gives at most 3 bytes of UTF-8; a 4-byte
  // UTF-8 sequence comes from at least 2 input bytes (a surrogate pair or GB18030).
  out.resize(bytes.size() * 3 + 16);
  int32_t n = ucnv_convert("UTF-8", from.c_str(), out.data(), static_cast<int32_t>(out.size()),
                           bytes.data(), static_cast<int32_t>(bytes.size()), &err);
  if (err == U_BUFFER_OVERFLOW_ERROR) {
    err = U_ZERO_ERROR;
    out.resize(static_cast<size_t>(n) + 16);
    n = ucnv_convert("UTF-8", from.c_str(), out.data(), static_cast<int32_t>(out.size()),
                     bytes.data(), static_cast<int32_t>(bytes.size()), &err);
  }
  if (U_FAILURE(err)) {
    out.clear();
    return false;
  }
  out.resize(static_cast<size_t>(n));
  return true;
}

// Keeps valid UTF-8 and replaces every ill-formed byte with U+FFFD.
std::string repair_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 16);
  size_t i = 0;
  while (i < s.size()) {
    size_t j = i;
    // Copy the longest valid prefix in one go.
    while (j < s.size()) {
      auto c = static_cast<unsigned char>(s[j]);
      if (c < 0x80) {
        ++j;
        continue;
      }
      size_t len = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
      if (len == 0 || j + len > s.size()) break;
      Utf8Scan sc = scan_utf8(s.substr(j, len));
      if (sc.invalid) break;
      j += len;
    }
    out.append(s.data() + i, j - i);
    if (j < s.size()) {
      out.append("\xEF\xBF\xBD");
      ++j;
    }
    i = j;
  }
  return out;
}

// ICU's statistical detector over the page with markup filtered out.
std::string detect(std::string_view bytes) {
  UErrorCode err = U_ZERO_ERROR;
  UCharsetDetector* det = ucsdet_open(&err);
  if (U_FAILURE(err)) return {};
  std::unique_ptr<UCharsetDetector, void (*)(UCharsetDetector*)> guard(det, ucsdet_close);
  ucsdet_enableInputFilter(det, true);
  size_t n = std::min<size_t>(bytes.size(), 256u << 10);
  ucsdet_setText(det, bytes.data(), static_cast<int32_t>(n), &err);
  const UCharsetMatch* m = ucsdet_detect(det, &err);
  if (U_FAILURE(err) || !m) return {};
  const char* name = ucsdet_getName(m, &err);
  if (U_FAILURE(err) || !name) return {};
  return whatwg_name(ascii_lower(name));
}

}  // namespace

std::string charset_of_content_type(std::string_view content_type) {
  return charset_param(content_type);
}

std::string sniff_meta_charset(std::string_view bytes) {
  std::string_view head = bytes.substr(0, std::min<size_t>(bytes.size(), 16384));
  size_t p = find_ci(head, "<meta");
  while (p != std::string_view::npos) {
    size_t e = head.find('>', p);
    if (e == std::string_view::npos) break;
    std::string_view tag = head.substr(p, e - p);
    // <meta charset=x> and <meta http-equiv="Content-Type" content="...; charset=x">
    // both carry the word "charset" before the value.
    std::string cs = charset_param(tag);
    if (!cs.empty()) return cs;
    p = find_ci(head, "<meta", e);
  }
  return {};
}

Decoded decode_html(std::string_view bytes, std::string_view content_type) {
  Decoded d;
  // A byte order mark wins over every declaration.
  if (bytes.size() >= 3 && static_cast<unsigned char>(bytes[0]) == 0xEF &&
      static_cast<unsigned char>(bytes[1]) == 0xBB && static_cast<unsigned char>(bytes[2]) == 0xBF) {
    bytes.remove_prefix(3);
    d.encoding = "utf-8";
  } else if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xFF &&
             static_cast<unsigned char>(bytes[1]) == 0xFE) {
    d.encoding = "utf-16le";
    convert(bytes.substr(2), "UTF-16LE", d.utf8);
    return d;
  } else if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xFE &&
             static_cast<unsigned char>(bytes[1]) == 0xFF) {
    d.encoding = "utf-16be";
    convert(bytes.substr(2), "UTF-16BE", d.utf8);
    return d;
  }

  Utf8Scan scan = scan_utf8(bytes);
  if (d.encoding == "utf-8") {
    if (scan.invalid == 0) {
      d.utf8.assign(bytes);
    } else {
      d.utf8 = repair_utf8(bytes);
      d.replaced = true;
    }
    return d;
  }

  std::string declared = charset_of_content_type(content_type);
  if (declared.empty()) declared = sniff_meta_charset(bytes);
  declared = whatwg_name(declared);
  if (!declared.empty() && !icu_knows(declared)) declared.clear();

  // Text without NUL bytes that is valid UTF-8 and has non-ASCII characters is UTF-8
  // whatever it says: legacy single-byte text almost never forms valid sequences.
  bool has_nul = std::memchr(bytes.data(), 0, std::min<size_t>(bytes.size(), 4096)) != nullptr;
  if (!has_nul && scan.invalid == 0 && (declared.empty() || declared == "utf-8" || scan.multibyte > 0)) {
    d.encoding = "utf-8";
    d.utf8.assign(bytes);
    return d;
  }
  // A UTF-8 declaration with a stray bad byte or two in a page full of valid
  // sequences: keep UTF-8 and replace the bad bytes.
  if (!has_nul && (declared == "utf-8" || declared.empty()) && scan.multibyte >= 8 &&
      scan.invalid * 50 < scan.multibyte) {
    d.encoding = "utf-8";
    d.utf8 = repair_utf8(bytes);
    d.replaced = true;
    return d;
  }
  std::string chosen = declared;
  if (chosen.empty() || chosen == "utf-8") {
    chosen = detect(bytes);
    if (chosen.empty() || chosen == "utf-8" || !icu_knows(chosen)) chosen = "windows-1252";
  }
  if (convert(bytes, chosen, d.utf8)) {
    d.encoding = chosen;
    return d;
  }
  d.encoding = "utf-8";
  d.utf8 = repair_utf8(bytes);
  d.replaced = true;
  return d;
}

}  // namespace parallax::extract::internal
