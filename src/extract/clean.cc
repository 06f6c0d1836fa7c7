// Removing the residue of a scraped web page from an article's paragraphs.
//
// Every rule looks at a paragraph's form (length, punctuation, capitals, what it
// says when reduced to words) and its place (next to a section label, right after
// the title, among the first paragraphs, after the last sentence). A paragraph that
// ends like a sentence and has eight or more words is reporting and is never
// removed, whatever else it looks like.
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/lexicon.h"
#include "extract/clean_internal.h"
#include "core/normalize.h"
#include "parallax/extract.h"

namespace parallax::extract {

namespace internal {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// The code point at s[i], advancing i; -1 for an ill-formed byte.
UChar32 next_cp(std::string_view s, size_t& i) {
  int32_t len = static_cast<int32_t>(std::min<size_t>(4, s.size() - i));
  int32_t j = 0;
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data() + i), j, len, c);
  i += static_cast<size_t>(j);
  return c;
}

// The code point before s[end], moving end back to its start.
UChar32 prev_cp(std::string_view s, size_t& end) {
  int32_t j = static_cast<int32_t>(end);
  UChar32 c;
  U8_PREV(reinterpret_cast<const uint8_t*>(s.data()), 0, j, c);
  end = static_cast<size_t>(j);
  return c;
}

bool is_closing(UChar32 c) {
  return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D || c == 0x2019 ||
         c == 0x00BB || c == 0x203A || c == '*';
}

bool is_opening(UChar32 c) {
  return c == '"' || c == '\'' || c == '(' || c == '[' || c == 0x201C || c == 0x2018 ||
         c == 0x00AB || c == 0x2039 || c == 0x201E || c == '*';
}

// Lower-case function words that a Title Case headline leaves in lower case.
bool is_small_word(std::string_view w) {
  static const std::unordered_set<std::string_view> kSmall = {
      "a",   "an",   "the", "and",  "or",  "but", "nor", "of",  "in",   "on",   "at",  "to",
      "for", "with", "by",  "from", "as",  "vs",  "vs.", "via", "into", "over", "up",  "off",
      "per", "de",   "la",  "le",   "les", "des", "du",  "et",  "der",  "die",  "das", "und",
      "von", "zu",   "im",  "y",    "el",  "los", "las", "en",  "del",  "is",   "are", "be"};
  if (w.size() > 4) return false;
  char buf[4];
  for (size_t i = 0; i < w.size(); ++i) {
    char c = w[i];
    buf[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return kSmall.count(std::string_view(buf, w.size())) > 0;
}

// Whether a word (after opening quotes) starts with a capital, a lower-case
// letter, or neither (digits, symbols).
enum class Case { kUpper, kLower, kOther };

Case word_case(std::string_view w) {
  size_t i = 0;
  while (i < w.size()) {
    unsigned char b = static_cast<unsigned char>(w[i]);
    if (b < 0x80) {  // ASCII without a table lookup
      ++i;
      if (b >= 'A' && b <= 'Z') return Case::kUpper;
      if (b >= 'a' && b <= 'z') return Case::kLower;
      if (b == '"' || b == '\'' || b == '(' || b == '[' || b == '*') continue;
      return Case::kOther;
    }
    UChar32 c = next_cp(w, i);
    if (c < 0) return Case::kOther;
    if (is_opening(c)) continue;
    if (u_isupper(c) || u_istitle(c)) return Case::kUpper;
    if (u_islower(c)) return Case::kLower;
    if (u_isalpha(c)) return Case::kUpper;  // scripts without case count as capitals
    return Case::kOther;
  }
  return Case::kOther;
}

bool is_ascii_alnum(unsigned char b) {
  return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
}

bool has_alnum(std::string_view w) {
  size_t i = 0;
  while (i < w.size()) {
    unsigned char b = static_cast<unsigned char>(w[i]);
    if (b < 0x80) {
      if (is_ascii_alnum(b)) return true;
      ++i;
      continue;
    }
    UChar32 c = next_cp(w, i);
    if (c >= 0 && u_isalnum(c)) return true;
  }
  return false;
}

// Only letters, digits and the marks inside names ("O'Brien", "Jean-Paul", "U.S.").
bool is_plain_word(std::string_view w) {
  size_t k = 0;
  while (k < w.size()) {
    unsigned char b = static_cast<unsigned char>(w[k]);
    if (b < 0x80) {
      ++k;
      if (!(is_ascii_alnum(b) || b == '-' || b == '\'' || b == '.' || b == '&')) return false;
      continue;
    }
    UChar32 ch = next_cp(w, k);
    if (ch < 0 || !(u_isalnum(ch) || ch == 0x2019)) return false;
  }
  return true;
}

}  // namespace

Shape shape_of(std::string_view p) {
  Shape s;
  size_t i = 0;
  size_t capitalised = 0, lower_content = 0;
  bool first = true;
  while (i < p.size()) {
    while (i < p.size() && is_space(p[i])) ++i;
    size_t b = i;
    while (i < p.size() && !is_space(p[i])) ++i;
    if (i == b) break;
    std::string_view w = p.substr(b, i - b);
    if (!has_alnum(w)) continue;
    ++s.words;
    // Every rule that looks at capitals is about short paragraphs: past that, count.
    if (s.words > kDetailWords) continue;
    Case c = word_case(w);
    if (first) {
      s.starts_upper = c == Case::kUpper || (c == Case::kOther && w[0] >= '0' && w[0] <= '9');
      first = false;
    }
    if (c == Case::kUpper) {
      ++capitalised;
    } else if (c == Case::kLower && !is_small_word(w)) {
      ++lower_content;
    }
    if (s.plain_words && !is_plain_word(w)) s.plain_words = false;
  }
  if (capitalised + lower_content > 0) {
    s.title_case =
        static_cast<float>(capitalised) / static_cast<float>(capitalised + lower_content);
  }
  s.all_capitalised = s.words > 0 && lower_content == 0;
  // The last mark before closing quotes and brackets.
  size_t end = p.size();
  while (end > 0) {
    size_t at = end;
    UChar32 c = prev_cp(p, at);
    if (c == ' ' || is_closing(c)) {
      end = at;
      continue;
    }
    if (c == '.' || c == '!' || c == '?' || c == 0x2026 /* … */ || c == 0x3002 /* 。 */ ||
        c == 0xFF01 || c == 0xFF1F) {
      s.ends_sentence = true;
      s.ends_terminal = true;
    } else if (c == ':' || c == ';' || c == ',') {
      s.ends_terminal = true;
    }
    // "U.S." ends in a period that closes an abbreviation, not a sentence, when the
    // paragraph is short; the protection rule below needs 8+ words anyway.
    break;
  }
  return s;
}

// Case-folded words of `p`: "Comments (12):" -> "comments:" ("comments" when
// `trim_end`). Only for short paragraphs: ICU case folding is not free.
std::string key_of(std::string_view p, bool trim_end) {
  std::string folded;
  icu::UnicodeString::fromUTF8(icu::StringPiece(p.data(), static_cast<int32_t>(p.size())))
      .foldCase()
      .toUTF8String(folded);
  std::string mapped;
  mapped.reserve(folded.size());
  for (size_t i = 0; i < folded.size();) {
    size_t at = i;
    UChar32 c = next_cp(folded, i);
    if (c == 0x2019 || c == 0x2018) {
      mapped += '\'';
    } else if (c == 0x00A0 || c == 0x2013 || c == 0x2014 || c == 0x00BB || c == 0x00AB ||
               c == 0x203A || c == 0x2039 || c == 0x201C || c == 0x201D || c == 0x2026 ||
               c == 0x2022 || c == 0x00B7 || c == 0x25B6 || c == 0x2192) {
      mapped += ' ';
    } else if (c < 0x80 && c >= 0) {
      char ch = static_cast<char>(c);
      bool keep = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '\'' || ch == '&' ||
                  ch == '-' || ch == '.' || ch == ':';
      mapped += keep ? ch : ' ';
    } else {
      mapped.append(folded, at, i - at);
    }
  }
  // Words, dropping pure numbers ("12 comments").
  std::string out;
  size_t i = 0;
  while (i < mapped.size()) {
    while (i < mapped.size() && mapped[i] == ' ') ++i;
    size_t b = i;
    while (i < mapped.size() && mapped[i] != ' ') ++i;
    std::string_view w = std::string_view(mapped).substr(b, i - b);
    if (w.empty()) continue;
    if (w.find_first_not_of("0123456789.:") == std::string_view::npos &&
        w.find_first_of("0123456789") != std::string_view::npos) {
      continue;
    }
    if (!out.empty()) out += ' ';
    out += w;
  }
  if (trim_end) {
    while (!out.empty() &&
           (out.back() == '.' || out.back() == ':' || out.back() == '-' || out.back() == ' ')) {
      out.pop_back();
    }
    while (!out.empty() && (out.front() == '-' || out.front() == ' ' || out.front() == ':')) {
      out.erase(out.begin());
    }
  }
  return out;
}

const ResidueLexicon& residue_lexicon() {
  static const ResidueLexicon lex = [] {
    ResidueLexicon l;
    for (const auto& row : lexicon_rows(embedded_lexicon("residue.tsv"))) {
      if (row.size() < 3) continue;
      bool prefix = row[2] == "prefix";
      std::string key = key_of(row[1], !prefix);
      if (key.empty()) continue;
      if (prefix) {
        l.prefixes.push_back({std::move(key), std::string(row[0])});
      } else {
        l.whole.emplace(std::move(key), std::string(row[0]));
      }
    }
    // Longest first, so "share this article" wins over "share".
    std::sort(l.prefixes.begin(), l.prefixes.end(),
              [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
    return l;
  }();
  return lex;
}

std::string_view lexicon_reason(std::string_view p, const Shape& shape) {
  if (shape.words > kMaxPromptWords) return {};
  const ResidueLexicon& lex = residue_lexicon();
  std::string whole = key_of(p, true);
  if (whole.empty()) return {};
  if (auto it = lex.whole.find(whole); it != lex.whole.end()) return it->second;
  std::string raw = key_of(p, false);
  for (const auto& [phrase, reason] : lex.prefixes) {
    if (!raw.starts_with(phrase)) continue;
    char last = phrase.back();
    bool needs_edge = (last >= 'a' && last <= 'z') || (last >= '0' && last <= '9');
    if (!needs_edge || raw.size() == phrase.size() || raw[phrase.size()] == ' ' ||
        raw[phrase.size()] == ':') {
      return reason;
    }
  }
  return {};
}

bool is_section_label(std::string_view p) {
  // Breadcrumbs ("News / World", "World > Asia") are labels when every part is.
  size_t parts = 0;
  size_t pos = 0;
  while (pos <= p.size()) {
    size_t cut = std::string_view::npos;
    size_t cut_len = 0;
    for (std::string_view sep : {"/", ">", "|", "\xC2\xBB", "\xE2\x80\xBA", "\xE2\x80\xA2"}) {
      size_t f = p.find(sep, pos);
      if (f < cut) {
        cut = f;
        cut_len = sep.size();
      }
    }
    std::string_view part =
        p.substr(pos, cut == std::string_view::npos ? p.size() - pos : cut - pos);
    Shape s = shape_of(part);
    if (s.words > 0) {
      if (s.words > 3 || s.ends_terminal) return false;
      auto it = residue_lexicon().whole.find(key_of(part, true));
      if (it == residue_lexicon().whole.end() || it->second != kSectionLabel) return false;
      ++parts;
    }
    if (cut == std::string_view::npos) break;
    pos = cut + cut_len;
  }
  return parts > 0;
}

}  // namespace internal

namespace {

using internal::Shape;

enum class Role : uint8_t { kBody, kLabel, kTeaser, kRemoved };

struct Item {
  std::string_view text;
  BlockKind kind = BlockKind::kParagraph;
  int32_t line = -1;
  Shape shape;
  Role role = Role::kBody;
  std::string reason;
  bool heading = false;
};

// Headlines of other articles are full sentences without the period; subheadings
// are shorter.
constexpr size_t kInterleavedTeaserWords = 8;

// Reporting: never removed.
bool is_protected(const Shape& s) { return s.ends_sentence && s.words >= 8; }

// A sentence of the body around which a credit or caption may stand.
bool is_body(const Item& it) {
  return it.role == Role::kBody && it.shape.ends_sentence && it.shape.words >= 5;
}

bool headline_like(const Shape& s, size_t min_words, size_t max_words) {
  return s.words >= min_words && s.words <= max_words && !s.ends_terminal && s.starts_upper;
}

// "By Jane Doe and John Roe, Reuters": the names, or nothing when it isn't a byline.
std::vector<std::string> byline_names(std::string_view p, const Shape& s) {
  static constexpr std::string_view kBy[] = {"By ", "BY ", "by ", "Von ", "Par ", "Por "};
  if (s.words < 2 || s.words > 12 || s.ends_sentence) return {};
  std::string_view rest;
  for (std::string_view by : kBy) {
    if (p.starts_with(by)) rest = p.substr(by.size());
  }
  if (rest.empty()) return {};
  if (size_t cut = rest.find_first_of(",|("); cut != std::string_view::npos)
    rest = rest.substr(0, cut);
  if (size_t dash = rest.find(" - "); dash != std::string_view::npos) rest = rest.substr(0, dash);
  std::vector<std::string> names = parallax::split_authors(rest);
  for (const auto& n : names) {
    Shape ns = internal::shape_of(n);
    if (ns.words == 0 || ns.words > 4 || !ns.all_capitalised || !ns.starts_upper) return {};
  }
  return names;
}

// A picture credit or wire label standing alone: "Reuters", "Getty Images".
bool credit_like(const Shape& s) {
  return s.words >= 1 && s.words <= 2 && s.all_capitalised && s.plain_words && !s.ends_terminal;
}

// A caption naming a person or place: "French President Emmanuel Macron".
bool caption_like(const Shape& s) {
  return s.words >= 2 && s.words <= 6 && s.all_capitalised && s.title_case >= 0.99f &&
         s.plain_words && !s.ends_terminal && s.starts_upper;
}

// A subheading kept as a heading: short, capitalised, unpunctuated.
bool subheading_like(const Shape& s) { return headline_like(s, 1, 4); }

// The date of a dateline that opens the body ("6 June 2023 – (Tokyo) Officials..."),
// ISO 8601, or empty.
std::string dateline_date(std::string_view first) {
  size_t cut = std::string_view::npos;
  for (std::string_view sep : {" \xE2\x80\x93 ", " \xE2\x80\x94 ", " - ", " (", ": "}) {
    cut = std::min(cut, first.find(sep));
  }
  if (cut == std::string_view::npos || cut > 48) return {};
  std::string_view head = first.substr(0, cut);
  // "TOKYO, June 6, 2023" and "June 6, 2023" both open datelines.
  std::string iso = parallax::normalize_date(head);
  if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-' || iso == head) {
    size_t comma = head.find(", ");
    if (comma == std::string_view::npos) return {};
    std::string_view rest = head.substr(comma + 2);
    iso = parallax::normalize_date(rest);
    if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-' || iso == rest) return {};
  }
  return iso;
}

}  // namespace

size_t clean(Article& article, const CleanOptions& options) {
  if (!options.enabled || article.paragraphs.empty()) return 0;
  const std::string old_text = std::move(article.text);
  std::vector<Item> items;
  items.reserve(article.paragraphs.size());
  for (const Paragraph& p : article.paragraphs) {
    Item it;
    it.text = p.span.of(old_text);
    it.kind = p.kind;
    it.line = p.line;
    it.shape = internal::shape_of(it.text);
    items.push_back(it);
  }

  std::vector<Residue> residue;

  // A title taken from a first line that was only the section's name.
  // The next paragraph moves up unless it is a sentence of reporting; a headline
  // may be a question, so "?" and "!" don't hold it back.
  if (items.size() >= 2 && internal::is_section_label(article.title)) {
    const Item& next = items.front();
    bool exclaims = next.text.ends_with('?') || next.text.ends_with('!');
    if (next.shape.words > 0 && next.shape.words <= 30 && (!is_protected(next.shape) || exclaims)) {
      Residue r;
      r.text = article.title;
      r.reason = std::string(internal::kSectionLabel);
      residue.push_back(std::move(r));
      article.title = std::string(items.front().text);
      items.erase(items.begin());
    }
  }
  const size_t n = items.size();
  // The one place a paragraph leaves the body, so the protection can't be skipped.
  auto remove = [&](size_t i, std::string_view reason, Role role = Role::kRemoved) {
    if (is_protected(items[i].shape) || items[i].role != Role::kBody) return;
    items[i].role = role;
    items[i].reason = std::string(reason);
  };

  // Labels, prompts, credits from the lexicon, bylines, timestamps, repeats.
  std::unordered_set<std::string_view> seen;
  std::string title_norm = parallax::normalize_space(article.title);
  for (size_t i = 0; i < n; ++i) {
    Item& it = items[i];
    if (is_protected(it.shape)) {
      if (it.shape.words <= internal::kDetailWords) seen.insert(it.text);
      continue;
    }
    if (it.shape.words <= 3 && !it.shape.ends_terminal && internal::is_section_label(it.text)) {
      remove(i, internal::kSectionLabel, Role::kLabel);
      continue;
    }
    if (std::string_view reason = internal::lexicon_reason(it.text, it.shape); !reason.empty()) {
      // A label-like word that is not a section name ("Comments") is still a prompt.
      remove(i, reason, reason == internal::kSectionLabel ? Role::kLabel : Role::kRemoved);
      continue;
    }
    if (auto names = byline_names(it.text, it.shape); !names.empty()) {
      if (article.authors.empty()) article.authors = std::move(names);
      remove(i, "byline");
      continue;
    }
    if (it.shape.words <= 10 && it.shape.words >= 2) {
      std::string iso = parallax::normalize_date(it.text);
      if (iso.size() >= 10 && iso != it.text && iso[4] == '-' && iso[7] == '-') {
        if (article.published.empty()) article.published = iso;
        remove(i, "timestamp");
        continue;
      }
    }
    if (!seen.insert(it.text).second || (it.text == title_norm && it.shape.words <= 30)) {
      remove(i, "repeated");
      continue;
    }
  }

  // The next paragraph after i that is still in the body (bylines and timestamps
  // often stand between a caption and the text).
  auto next_body = [&](size_t i) -> const Item* {
    for (size_t j = i + 1; j < n; ++j) {
      if (items[j].role == Role::kBody) return &items[j];
    }
    return nullptr;
  };
  // A caption right under the title, before the first sentence of the body.
  if (n >= 2 && !article.title.empty() && items[0].role == Role::kBody &&
      items[0].kind == BlockKind::kParagraph && caption_like(items[0].shape)) {
    if (const Item* next = next_body(0); next && is_body(*next)) remove(0, "caption");
  }
  // A credit or wire label between the first sentences of the body.
  for (size_t i = 1; i + 1 < n && i <= 3; ++i) {
    if (items[i].role == Role::kBody && items[i].kind == BlockKind::kParagraph &&
        credit_like(items[i].shape) && is_body(items[i - 1]) && is_body(items[i + 1])) {
      remove(i, "credit");
    }
  }

  // Teaser headlines of related articles: after a label, before a label or another
  // teaser, or trailing after the last sentence of the body.
  auto teaser_like = [&](size_t i) {
    return items[i].role == Role::kBody && headline_like(items[i].shape, 4, 25);
  };
  for (size_t i = 1; i < n; ++i) {
    if (items[i - 1].role == Role::kLabel && teaser_like(i)) {
      remove(i, "teaser headline", Role::kTeaser);
    }
  }
  for (size_t i = n == 0 ? 0 : n - 1; i-- > 0;) {
    Role next = items[i + 1].role;
    if ((next == Role::kLabel || next == Role::kTeaser) && teaser_like(i)) {
      remove(i, "teaser headline", Role::kTeaser);
    }
  }
  for (size_t i = n; i-- > 0;) {
    if (items[i].role != Role::kBody) continue;
    if (!teaser_like(i)) break;
    remove(i, "teaser headline", Role::kTeaser);
  }
  // A full headline in Title Case standing alone between sentences of the body is a
  // link to another article: subheadings are shorter or in sentence case, and an
  // author's own headings come marked ("#" in Markdown) and are left alone.
  for (size_t i = 1; i + 1 < n; ++i) {
    const Shape& s = items[i].shape;
    if (items[i].kind == BlockKind::kParagraph && teaser_like(i) &&
        s.words >= kInterleavedTeaserWords && s.title_case >= 0.85f && is_body(items[i - 1]) &&
        is_body(items[i + 1])) {
      remove(i, "teaser headline", Role::kTeaser);
    }
  }

  // Subheadings stay, marked as headings; so does a question-headline that follows a
  // label (it ends like a sentence, so it is kept).
  for (size_t i = 0; i < n; ++i) {
    Item& it = items[i];
    if (it.role != Role::kBody || it.kind != BlockKind::kParagraph) continue;
    bool after_label = i > 0 && items[i - 1].role == Role::kLabel;
    bool by_label = after_label || (i + 1 < n && items[i + 1].role == Role::kLabel);
    if (subheading_like(it.shape) && !by_label) it.heading = true;
    if (after_label && it.shape.words >= 4 && it.shape.words <= 25 && it.shape.starts_upper &&
        it.shape.title_case >= 0.6f) {
      it.heading = true;
    }
  }

  // Rebuild.
  article.text.clear();
  article.paragraphs.clear();
  for (size_t i = 0; i < n; ++i) {
    const Item& it = items[i];
    if (it.role == Role::kBody) {
      article.add_paragraph(it.text, it.heading ? BlockKind::kHeading : it.kind, it.line);
      continue;
    }
    Residue r;
    r.text = std::string(it.text);
    r.reason = it.reason;
    r.paragraph = static_cast<uint32_t>(article.paragraphs.size());
    r.line = it.line;
    residue.push_back(std::move(r));
  }
  if (article.published.empty() && !article.paragraphs.empty()) {
    article.published = dateline_date(article.paragraphs.front().span.of(article.text));
  }
  const size_t count = residue.size();
  for (auto& r : residue) article.residue.push_back(std::move(r));
  return count;
}

}  // namespace parallax::extract
