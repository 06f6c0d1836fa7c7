// A pre-pass over the markup that bounds nesting before MyHTML sees it: MyHTML's
// scope checks walk the stack of open elements, so a page of 100,000 nested <div>s
// costs it minutes. Start tags deeper than the limit are dropped with their end tags;
// the text stays, attached to the element at the limit. Counting is by tag names
// only (no tree building): void elements and those whose end tag is optional do not
// count, which keeps sloppy pages from drifting.
#include <cstring>

#include "extract/html_internal.h"

namespace parallax::extract::internal {

namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == ':';
}

bool in_list(std::string_view name, std::initializer_list<std::string_view> list) {
  for (auto n : list) {
    if (n == name) return true;
  }
  return false;
}

// Elements that never hold children or whose end tag may be left out.
bool uncounted(std::string_view n) {
  return in_list(n, {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                     "source", "track", "wbr", "keygen", "p", "li", "dt", "dd", "option", "optgroup", "tr",
                     "td", "th", "thead", "tbody", "tfoot", "rb", "rt", "rp", "colgroup", "html", "head",
                     "body", "image"});
}

bool raw_text(std::string_view n) {
  return in_list(n, {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"});
}

// Case-insensitive search for "</name" from `from`.
size_t find_end_tag(std::string_view s, std::string_view name, size_t from) {
  while (true) {
    size_t p = s.find("</", from);
    if (p == std::string_view::npos) return p;
    size_t k = 0;
    while (k < name.size() && p + 2 + k < s.size() && lower(s[p + 2 + k]) == name[k]) ++k;
    if (k == name.size()) return p;
    from = p + 2;
  }
}

// The end of a tag starting at `lt` ('<'), quotes respected; npos when unterminated.
size_t tag_end(std::string_view s, size_t lt) {
  char quote = 0;
  for (size_t i = lt + 1; i < s.size(); ++i) {
    char c = s[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      // Quotes only open an attribute value after '='.
      size_t k = i;
      while (k > lt && (s[k - 1] == ' ' || s[k - 1] == '\t' || s[k - 1] == '\n')) --k;
      if (k > lt && s[k - 1] == '=') quote = c;
    } else if (c == '>') {
      return i;
    }
  }
  return std::string_view::npos;
}

// Walks the tags; calls keep(begin, end) for every byte range to copy when
// `out` is given. Returns the deepest nesting seen.
size_t walk(std::string_view s, size_t max_depth, std::string* out) {
  size_t depth = 0, deepest = 0, copied = 0;
  size_t i = 0;
  std::string name;
  auto drop = [&](size_t b, size_t e) {
    if (out) {
      out->append(s.data() + copied, b - copied);
      copied = e;
    }
  };
  while (true) {
    const void* hit = std::memchr(s.data() + i, '<', s.size() - i);
    if (!hit) break;
    size_t lt = static_cast<const char*>(hit) - s.data();
    if (lt + 1 >= s.size()) break;
    char c = s[lt + 1];
    if (c == '!') {
      if (s.compare(lt, 4, "<!--") == 0) {
        size_t e = s.find("-->", lt + 4);
        if (e == std::string_view::npos) break;
        i = e + 3;
      } else {
        size_t e = s.find('>', lt);
        if (e == std::string_view::npos) break;
        i = e + 1;
      }
      continue;
    }
    bool end = c == '/';
    size_t nb = lt + (end ? 2 : 1);
    if (nb >= s.size() || !((s[nb] >= 'a' && s[nb] <= 'z') || (s[nb] >= 'A' && s[nb] <= 'Z'))) {
      i = lt + 1;
      continue;
    }
    size_t ne = nb;
    name.clear();
    while (ne < s.size() && name_char(s[ne])) name.push_back(lower(s[ne++]));
    size_t gt = tag_end(s, lt);
    if (gt == std::string_view::npos) break;
    i = gt + 1;
    if (uncounted(name)) continue;
    if (end) {
      if (depth > max_depth) drop(lt, gt + 1);
      if (depth > 0) --depth;
      continue;
    }
    bool self_closing = gt > lt && s[gt - 1] == '/';
    if (raw_text(name)) {
      size_t e = find_end_tag(s, name, i);
      if (e == std::string_view::npos) break;
      i = e;  // the end tag is read (and not counted) next
      ++depth;
      deepest = std::max(deepest, depth);
      continue;
    }
    if (self_closing) continue;
    ++depth;
    deepest = std::max(deepest, depth);
    if (depth > max_depth) drop(lt, gt + 1);
  }
  if (out) out->append(s.data() + copied, s.size() - copied);
  return deepest;
}

}  // namespace

bool flatten_deep_markup(std::string_view html, size_t max_depth, std::string& out) {
  // A page can't nest deeper than it has tags.
  size_t tags = 0;
  for (const char* p = html.data(); (p = static_cast<const char*>(std::memchr(p, '<', html.data() + html.size() - p)));
       ++p) {
    if (++tags > max_depth) break;
  }
  if (tags <= max_depth) return false;
  if (walk(html, max_depth, nullptr) <= max_depth) return false;
  out.clear();
  out.reserve(html.size());
  walk(html, max_depth, &out);
  return true;
}

}  // namespace parallax::extract::internal
