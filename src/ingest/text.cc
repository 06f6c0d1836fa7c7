// Plain text and Markdown, with optional front matter. No YAML library: the front
// matter of news files is flat "key: value" lines, quoted values and short lists.
#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "core/lines.h"
#include "ingest/ingest_internal.h"

namespace parallax::ingest::internal {

namespace {

struct Line {
  std::string_view text;
  int number = 0;  // 1-based
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && (is_space(s.front()) || s.front() == '\n')) s.remove_prefix(1);
  while (!s.empty() && (is_space(s.back()) || s.back() == '\n')) s.remove_suffix(1);
  return s;
}

std::string lower(std::string_view s) {
  std::string r(s);
  for (char& c : r) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return r;
}

std::vector<Line> split_lines(std::string_view bytes) {
  std::vector<Line> lines;
  for_each_line(bytes, [&](std::string_view l, int n) { lines.push_back({l, n}); });
  return lines;
}

// ---------------------------------------------------------------------------
// Front matter
// ---------------------------------------------------------------------------

struct FrontMatter {
  bool present = false;
  size_t body = 0;  // index of the first line after it
  std::string id, title, outlet, url, published, language;
  std::vector<std::string> authors;
};

std::string unquote(std::string_view v) {
  v = trim(v);
  if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front()) {
    char q = v.front();
    std::string_view in = v.substr(1, v.size() - 2);
    std::string r;
    for (size_t i = 0; i < in.size(); ++i) {
      if (q == '"' && in[i] == '\\' && i + 1 < in.size()) {
        char e = in[++i];
        r += e == 'n' ? ' ' : e == 't' ? ' ' : e;
      } else if (q == '\'' && in[i] == '\'' && i + 1 < in.size() && in[i + 1] == '\'') {
        r += '\'';
        ++i;
      } else {
        r += in[i];
      }
    }
    return r;
  }
  return std::string(v);
}

// "[a, "b, c", d]" -> {a, "b, c", d}.
std::vector<std::string> parse_list(std::string_view v) {
  std::vector<std::string> out;
  v = trim(v);
  if (!v.empty() && v.front() == '[') v.remove_prefix(1);
  if (!v.empty() && v.back() == ']') v.remove_suffix(1);
  size_t start = 0;
  char quote = 0;
  for (size_t i = 0; i <= v.size(); ++i) {
    char c = i < v.size() ? v[i] : ',';
    if (quote) {
      if (c == quote) quote = 0;
      continue;
    }
    if ((c == '"' || c == '\'') && trim(v.substr(start, i - start)).empty()) {
      quote = c;
    } else if (c == ',') {
      std::string item = normalize_space(unquote(v.substr(start, i - start)));
      if (!item.empty()) out.push_back(std::move(item));
      start = i + 1;
    }
  }
  return out;
}

void set_field(FrontMatter& fm, const std::string& key, const std::string& value) {
  std::string v = normalize_space(value);
  if (key == "title" || key == "headline") {
    fm.title = v;
  } else if (key == "source" && (v.starts_with("http://") || v.starts_with("https://"))) {
    if (fm.url.empty()) fm.url = v;
  } else if (key == "outlet" || key == "source" || key == "site" || key == "publisher" ||
             key == "sitename" || key == "site_name") {
    fm.outlet = v;
  } else if (key == "url" || key == "link" || key == "canonical" || key == "canonical_url") {
    fm.url = v;
  } else if (key == "published" || key == "date" || key == "publish_date" ||
             key == "date_published" || key == "published_at") {
    fm.published = v;
  } else if (key == "language" || key == "lang") {
    fm.language = v;
  } else if (key == "id") {
    fm.id = v;
  } else if (key == "authors" || key == "author" || key == "byline") {
    for (auto& a : split_authors(v)) fm.authors.push_back(std::move(a));
  }
}

bool is_fence_line(std::string_view l) { return trim(l) == "---"; }

FrontMatter parse_front_matter(const std::vector<Line>& lines) {
  FrontMatter fm;
  if (lines.empty() || !is_fence_line(lines[0].text)) return fm;
  size_t close = 0;
  for (size_t i = 1; i < lines.size(); ++i) {
    std::string_view t = trim(lines[i].text);
    if (t == "---" || t == "...") {
      close = i;
      break;
    }
  }
  // Without a closing line the "---" is a rule in the text, not front matter.
  if (close == 0) return fm;
  fm.present = true;
  fm.body = close + 1;
  std::string list_key;
  for (size_t i = 1; i < close; ++i) {
    std::string_view t = trim(lines[i].text);
    if (t.empty() || t.front() == '#') continue;
    if (t.size() >= 2 && t[0] == '-' && (t[1] == ' ' || t[1] == '\t')) {
      if (!list_key.empty()) {
        std::string item = normalize_space(unquote(t.substr(2)));
        if (list_key == "authors" || list_key == "author") {
          if (!item.empty()) fm.authors.push_back(std::move(item));
        } else if (fm.title.empty() && list_key == "title") {
          fm.title = item;
        }
      }
      continue;
    }
    size_t colon = t.find(':');
    if (colon == std::string_view::npos) continue;
    std::string key = lower(trim(t.substr(0, colon)));
    std::string_view value = trim(t.substr(colon + 1));
    list_key.clear();
    if (value.empty()) {
      list_key = key;  // "- item" lines follow
      continue;
    }
    if (value.front() == '[' && (key == "authors" || key == "author")) {
      for (auto& a : parse_list(value)) fm.authors.push_back(std::move(a));
      continue;
    }
    if (value.front() == '[') {
      auto items = parse_list(value);
      set_field(fm, key, items.empty() ? std::string() : items.front());
      continue;
    }
    std::string v = unquote(value);
    if (key == "authors" || key == "author" || key == "byline") {
      // A quoted single name stays whole; an unquoted string may list several.
      if (value.front() == '"' || value.front() == '\'') {
        std::string a = normalize_space(v);
        if (!a.empty()) fm.authors.push_back(std::move(a));
        continue;
      }
    }
    set_field(fm, key, v);
  }
  return fm;
}

// ---------------------------------------------------------------------------
// Markdown inline markup
// ---------------------------------------------------------------------------

bool is_punct_or_space(char c) {
  return c == ' ' || c == '\t' || c == '.' || c == ',' || c == ';' || c == ':' || c == '!' ||
         c == '?' || c == '(' || c == ')' || c == '"' || c == '\'' || c == '[' || c == ']' ||
         c == '-';
}

// Finds the ')' closing a link target that opens at s[open] == '('.
size_t closing_paren(std::string_view s, size_t open) {
  int depth = 0;
  for (size_t i = open; i < s.size(); ++i) {
    if (s[i] == '(') ++depth;
    if (s[i] == ')' && --depth == 0) return i;
  }
  return std::string_view::npos;
}

// Links to their text, images out, autolinks to their URL, escapes resolved.
std::string strip_links(std::string_view s) {
  std::string r;
  r.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\\' && i + 1 < s.size() && std::ispunct(static_cast<unsigned char>(s[i + 1]))) {
      r += s[++i];
      continue;
    }
    bool image = c == '!' && i + 1 < s.size() && s[i + 1] == '[';
    if (c == '[' || image) {
      size_t open = image ? i + 1 : i;
      size_t close = s.find(']', open + 1);
      if (close != std::string_view::npos && close + 1 < s.size() &&
          (s[close + 1] == '(' || s[close + 1] == '[')) {
        size_t end = s[close + 1] == '(' ? closing_paren(s, close + 1) : s.find(']', close + 2);
        if (end != std::string_view::npos) {
          if (!image) r += strip_links(s.substr(open + 1, close - open - 1));
          i = end;
          continue;
        }
      }
    }
    if (c == '<' &&
        (s.substr(i + 1).starts_with("http://") || s.substr(i + 1).starts_with("https://"))) {
      size_t close = s.find('>', i);
      if (close != std::string_view::npos) {
        r += s.substr(i + 1, close - i - 1);
        i = close;
        continue;
      }
    }
    r += c;
  }
  return r;
}

std::string strip_emphasis(std::string_view s) {
  std::string r;
  r.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '`') continue;
    if ((c == '*' || c == '_' || c == '~') && i + 1 < s.size() && s[i + 1] == c) {
      ++i;  // "**", "__", "~~"
      continue;
    }
    if (c == '*' || c == '_') {
      // A single marker only at a word edge: "snake_case" and "5 * 3" stay.
      bool before = i == 0 || is_punct_or_space(s[i - 1]);
      bool after = i + 1 == s.size() || is_punct_or_space(s[i + 1]);
      if (before != after) continue;
    }
    r += c;
  }
  return r;
}

std::string inline_text(std::string_view s) {
  return normalize_space(strip_emphasis(strip_links(s)));
}

// ---------------------------------------------------------------------------
// Markdown blocks
// ---------------------------------------------------------------------------

struct Block {
  BlockKind kind = BlockKind::kParagraph;
  std::vector<std::string_view> lines;
  int line = -1;  // of the first line
};

// Length of a list marker ("- ", "* ", "+ ", "12. ", "3) ") at the start of `t`, or 0.
size_t list_marker(std::string_view t) {
  if (t.size() >= 2 && (t[0] == '-' || t[0] == '*' || t[0] == '+') &&
      (t[1] == ' ' || t[1] == '\t')) {
    return 2;
  }
  size_t i = 0;
  while (i < t.size() && i < 9 && std::isdigit(static_cast<unsigned char>(t[i]))) ++i;
  if (i > 0 && i + 1 < t.size() && (t[i] == '.' || t[i] == ')') &&
      (t[i + 1] == ' ' || t[i + 1] == '\t')) {
    return i + 2;
  }
  return 0;
}

bool only_of(std::string_view t, char c, size_t min_count) {
  size_t n = 0;
  for (char x : t) {
    if (x == c) {
      ++n;
    } else if (x != ' ' && x != '\t') {
      return false;
    }
  }
  return n >= min_count;
}

std::vector<Block> markdown_blocks(const std::vector<Line>& lines, size_t first) {
  std::vector<Block> blocks;
  Block cur;
  bool open = false;
  bool in_fence = false;
  bool in_comment = false;
  auto flush = [&] {
    if (open && !cur.lines.empty()) blocks.push_back(std::move(cur));
    cur = Block{};
    open = false;
  };
  int number = -1;  // of the line being read
  auto start = [&](BlockKind kind, std::string_view text) {
    flush();
    cur.kind = kind;
    cur.lines.push_back(text);
    cur.line = number;
    open = true;
  };
  for (size_t i = first; i < lines.size(); ++i) {
    number = lines[i].number;
    std::string_view t = trim(lines[i].text);
    if (in_comment) {
      if (t.find("-->") != std::string_view::npos) in_comment = false;
      continue;
    }
    if (t.starts_with("```") || t.starts_with("~~~")) {
      flush();
      in_fence = !in_fence;
      continue;
    }
    if (in_fence) {
      if (!t.empty()) start(BlockKind::kParagraph, t);
      continue;
    }
    if (t.empty()) {
      flush();
      continue;
    }
    if (t.starts_with("<!--")) {
      if (t.find("-->") == std::string_view::npos) in_comment = true;
      continue;
    }
    // Setext heading: a paragraph line underlined with "===" or "---".
    if (open && cur.kind == BlockKind::kParagraph && cur.lines.size() == 1 &&
        (only_of(t, '=', 1) || only_of(t, '-', 2))) {
      cur.kind = BlockKind::kHeading;
      flush();
      continue;
    }
    if (only_of(t, '-', 3) || only_of(t, '*', 3) || only_of(t, '_', 3)) {
      flush();
      continue;
    }
    if (t.front() == '#') {
      size_t h = t.find_first_not_of('#');
      if (h != std::string_view::npos && h <= 6 && (t[h] == ' ' || t[h] == '\t')) {
        std::string_view text = trim(t.substr(h));
        while (!text.empty() && text.back() == '#') text.remove_suffix(1);
        start(BlockKind::kHeading, trim(text));
        flush();
        continue;
      }
    }
    if (size_t m = list_marker(t); m > 0) {
      start(BlockKind::kListItem, t.substr(m));
      continue;
    }
    if (t.front() == '>') {
      std::string_view text = trim(t.substr(1));
      if (open && cur.kind == BlockKind::kBlockQuote) {
        if (text.empty()) {
          flush();
        } else {
          cur.lines.push_back(text);
        }
      } else if (!text.empty()) {
        start(BlockKind::kBlockQuote, text);
      }
      continue;
    }
    if (open) {
      cur.lines.push_back(t);
    } else {
      start(BlockKind::kParagraph, t);
    }
  }
  flush();
  return blocks;
}

std::string join_inline(const std::vector<std::string_view>& lines, size_t from) {
  std::string joined;
  for (size_t i = from; i < lines.size(); ++i) {
    if (!joined.empty()) joined += ' ';
    joined += lines[i];
  }
  return inline_text(joined);
}

}  // namespace

void read_text(std::string_view bytes, bool markdown, const std::string& source,
               const Options& options, Batch& out) {
  std::vector<Line> lines = split_lines(bytes);
  FrontMatter fm = parse_front_matter(lines);
  Article a;
  a.source = source;
  a.id = fm.id;
  a.title = fm.title;
  a.outlet = fm.outlet;
  a.url = fm.url;
  a.published = fm.published;
  a.language = fm.language;
  a.authors = std::move(fm.authors);
  bool need_title = a.title.empty();

  if (markdown) {
    for (Block& b : markdown_blocks(lines, fm.body)) {
      size_t from = 0;
      if (need_title) {
        // The first heading, or the first line of the first block, names the article.
        std::string t =
            b.kind == BlockKind::kHeading ? join_inline(b.lines, 0) : inline_text(b.lines.front());
        if (t.empty()) continue;
        a.title = std::move(t);
        need_title = false;
        if (b.kind == BlockKind::kHeading) continue;
        from = 1;
      }
      std::string p = join_inline(b.lines, from);
      // A block's lines are consecutive, so a title line taken from it moves the
      // start down by one.
      if (!p.empty()) a.add_paragraph(p, b.kind, b.line < 0 ? -1 : b.line + static_cast<int>(from));
    }
  } else {
    std::string p;
    for (size_t i = fm.body; i < lines.size(); ++i) {
      p.clear();
      append_normalized_space(p, lines[i].text);
      if (p.empty()) continue;
      if (need_title) {
        a.title = p;
        need_title = false;
        continue;
      }
      a.add_paragraph(p, BlockKind::kParagraph, lines[i].number);
    }
  }
  if (finish_article(a, options, out)) out.articles.push_back(std::move(a));
}

}  // namespace parallax::ingest::internal
