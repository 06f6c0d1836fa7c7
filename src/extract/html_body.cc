// The main text of a page. The page is cut into text blocks (the inline content of
// one block-level element, split at <br><br>); each block gets a value: its length
// when it reads like prose (long, few links, not inside an element whose class or id
// marks boilerplate), minus its length when it is a link list or boilerplate. The
// article is the element whose blocks sum to the highest value: it takes in every
// paragraph of the body and leaves out the navigation, teaser lists and comment
// threads around it (a maximum-weight subtree, found in one pass with prefix sums).
// Inside it, link lists, captions, share prompts and similar lines are dropped.
// When no element stands out, the prose blocks of the whole page are taken
// (as jusText does).
#include <myhtml/api.h>

#include <algorithm>
#include <cstdlib>
#include <array>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "core/lexicon.h"
#include "extract/html_internal.h"

namespace parallax::extract::internal {

namespace {

// ---------------------------------------------------------------------------
// Tag properties
// ---------------------------------------------------------------------------

enum TagFlag : uint8_t {
  kBlockTag = 1,     // ends the current text block
  kDropTag = 2,      // never text: scripts, forms controls, media, head
  kBoilerTag = 4,    // nav, aside, footer, header: dropped unless it holds most of the page
};

struct TagTable {
  std::array<uint8_t, MyHTML_TAG_LAST_ENTRY + 1> flags{};
  TagTable() {
    for (auto t : {MyHTML_TAG_ADDRESS, MyHTML_TAG_ARTICLE, MyHTML_TAG_ASIDE, MyHTML_TAG_BLOCKQUOTE,
                   MyHTML_TAG_BODY, MyHTML_TAG_CENTER, MyHTML_TAG_DD, MyHTML_TAG_DETAILS,
                   MyHTML_TAG_DIALOG, MyHTML_TAG_DIR, MyHTML_TAG_DIV, MyHTML_TAG_DL, MyHTML_TAG_DT,
                   MyHTML_TAG_FIELDSET, MyHTML_TAG_FIGCAPTION, MyHTML_TAG_FIGURE, MyHTML_TAG_FOOTER,
                   MyHTML_TAG_FORM, MyHTML_TAG_H1, MyHTML_TAG_H2, MyHTML_TAG_H3, MyHTML_TAG_H4,
                   MyHTML_TAG_H5, MyHTML_TAG_H6, MyHTML_TAG_HEADER, MyHTML_TAG_HGROUP, MyHTML_TAG_HR,
                   MyHTML_TAG_LI, MyHTML_TAG_MAIN, MyHTML_TAG_MENU, MyHTML_TAG_NAV, MyHTML_TAG_OL,
                   MyHTML_TAG_P, MyHTML_TAG_PRE, MyHTML_TAG_SECTION, MyHTML_TAG_TABLE,
                   MyHTML_TAG_TBODY, MyHTML_TAG_THEAD, MyHTML_TAG_TFOOT, MyHTML_TAG_TR, MyHTML_TAG_TD,
                   MyHTML_TAG_TH, MyHTML_TAG_CAPTION, MyHTML_TAG_UL, MyHTML_TAG_SUMMARY,
                   MyHTML_TAG_LEGEND, MyHTML_TAG_HTML}) {
      flags[t] |= kBlockTag;
    }
    for (auto t : {MyHTML_TAG_SCRIPT, MyHTML_TAG_STYLE, MyHTML_TAG_TEMPLATE,
                   MyHTML_TAG_IFRAME, MyHTML_TAG_SVG, MyHTML_TAG_MATH, MyHTML_TAG_OBJECT,
                   MyHTML_TAG_EMBED, MyHTML_TAG_CANVAS, MyHTML_TAG_SELECT, MyHTML_TAG_OPTION,
                   MyHTML_TAG_BUTTON, MyHTML_TAG_INPUT, MyHTML_TAG_TEXTAREA, MyHTML_TAG_VIDEO,
                   MyHTML_TAG_AUDIO, MyHTML_TAG_MAP, MyHTML_TAG_HEAD, MyHTML_TAG_TITLE,
                   MyHTML_TAG_META, MyHTML_TAG_LINK, MyHTML_TAG_BASE, MyHTML_TAG_FRAMESET,
                   MyHTML_TAG_FRAME, MyHTML_TAG_APPLET, MyHTML_TAG_DIALOG, MyHTML_TAG_FIGCAPTION,
                   MyHTML_TAG_LABEL, MyHTML_TAG_DATALIST, MyHTML_TAG_OPTGROUP}) {
      flags[t] |= kDropTag;
    }
    for (auto t : {MyHTML_TAG_NAV, MyHTML_TAG_ASIDE, MyHTML_TAG_FOOTER, MyHTML_TAG_HEADER,
                   MyHTML_TAG_FORM, MyHTML_TAG_MENU}) {
      flags[t] |= kBoilerTag;
    }
  }
  uint8_t of(uint32_t tag) const { return tag <= MyHTML_TAG_LAST_ENTRY ? flags[tag] : 0; }
};

const TagTable& tags() {
  static const TagTable t;
  return t;
}

// ---------------------------------------------------------------------------
// Lexicons
// ---------------------------------------------------------------------------

struct Lexicon {
  std::unordered_map<std::string, int> tokens;
  std::vector<std::pair<std::string, int>> parts;
  std::unordered_set<std::string> lines;
  std::vector<std::string> prefixes;

  Lexicon() {
    for (const auto& row : lexicon_rows(embedded_lexicon("boilerplate.tsv"))) {
      if (row.size() < 3) continue;
      int w = std::atoi(std::string(row[2]).c_str());
      if (row[0] == "token") {
        tokens[std::string(row[1])] = w;
      } else if (row[0] == "part") {
        parts.emplace_back(std::string(row[1]), w);
      }
    }
    for (const auto& row : lexicon_rows(embedded_lexicon("boilerplate_phrases.tsv"))) {
      if (row.size() < 2) continue;
      if (row[0] == "line") {
        lines.insert(std::string(row[1]));
      } else if (row[0] == "prefix") {
        prefixes.emplace_back(row[1]);
      }
    }
  }
};

const Lexicon& lexicon() {
  static const Lexicon l;
  return l;
}

bool is_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// The boilerplate (< 0) or content (> 0) hint of one class or id value.
int hint_of_value(std::string_view v) {
  const Lexicon& lex = lexicon();
  int total = 0;
  size_t i = 0;
  std::string run, sub;
  while (i < v.size()) {
    while (i < v.size() && !is_alnum(v[i])) ++i;
    // Class names that list the post's topics or state ("tag-sports",
    // "category-news", "has-paywall" from CMS templates) say nothing about the
    // element's role on the page: skipped whole.
    if (i == 0 || v[i - 1] == ' ' || v[i - 1] == '\t' || v[i - 1] == '\n') {
      std::string_view name = v.substr(i, v.find_first_of(" \t\n", i) - i);
      bool topical = false;
      for (std::string_view p : {"tag-", "tags-", "category-", "cat-", "post_tag-", "has-", "taxonomy-",
                                 "topic-", "format-", "status-"}) {
        topical = topical || (name.size() > p.size() && ascii_lower(name.substr(0, p.size())) == p);
      }
      if (topical) {
        i += name.size();
        continue;
      }
    }
    size_t b = i;
    while (i < v.size() && is_alnum(v[i])) ++i;
    if (i == b) break;
    std::string_view raw = v.substr(b, i - b);
    run = ascii_lower(raw);
    int run_score = 0;
    if (auto it = lex.tokens.find(run); it != lex.tokens.end()) {
      run_score = it->second;
    } else {
      // camelCase pieces: "storyBody" -> story, body.
      size_t s = 0;
      int pieces = 0, piece_score = 0;
      for (size_t k = 1; k <= raw.size(); ++k) {
        if (k == raw.size() || (raw[k] >= 'A' && raw[k] <= 'Z' && raw[k - 1] >= 'a' && raw[k - 1] <= 'z')) {
          sub = ascii_lower(raw.substr(s, k - s));
          if (auto it2 = lex.tokens.find(sub); it2 != lex.tokens.end()) piece_score += it2->second;
          ++pieces;
          s = k;
        }
      }
      if (pieces > 1) run_score = piece_score;
    }
    int part_score = 0;
    for (const auto& [p, w] : lex.parts) {
      if (run.find(p) != std::string::npos) part_score = std::min(part_score, w);
      if (w > 0 && run.find(p) != std::string::npos) part_score = std::max(part_score, w);
    }
    // A part already counted as the whole token is not counted twice.
    total += (part_score != 0 && run_score != 0 && (part_score > 0) == (run_score > 0))
                 ? (std::abs(part_score) > std::abs(run_score) ? part_score : run_score)
                 : run_score + part_score;
  }
  return total;
}

// ---------------------------------------------------------------------------
// Blocks
// ---------------------------------------------------------------------------

enum class Kind : uint8_t { kParagraph, kTitle, kHeading, kListItem, kQuote, kCell, kOther };

struct Block {
  int32_t owner = -1;           // innermost block-level element
  int32_t neg_anchor = -1;      // innermost ancestor marked boilerplate, or -1
  int32_t figure_anchor = -1;   // innermost <figure> ancestor, or -1
  int32_t item_anchor = -1;     // innermost <li> ancestor, or -1
  uint32_t begin = 0, size = 0; // text in Builder::text
  uint32_t chars = 0;           // code points
  uint32_t link_chars = 0;
  Kind kind = Kind::kParagraph;
  bool positive = false;        // inside an element marked as article content
  bool body = false;            // inside the element marked itemprop=articleBody
  bool sentence = false;        // ends like a sentence
  bool minor = false;           // short, few links, no boilerplate phrase: kept inside the article
  bool phrase = false;          // a boilerplate phrase of the lexicon ("Share this article")
  float value = 0;
};

bool ends_sentence(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '"' || s.back() == '\'' || s.back() == ')')) {
    s.remove_suffix(1);
  }
  if (s.empty()) return false;
  char c = s.back();
  if (c == '.' || c == '!' || c == '?' || c == ':' || c == ';') return true;
  // ”, », …, 。, ！, ？ and closing quotes in UTF-8.
  auto ends_with = [&](std::string_view t) { return s.size() >= t.size() && s.substr(s.size() - t.size()) == t; };
  return ends_with("\u201d") || ends_with("\u00bb") || ends_with("\u2026") || ends_with("\u3002") ||
         ends_with("\uff01") || ends_with("\uff1f") || ends_with("\u2019");
}

class Builder {
 public:
  explicit Builder(const Dom& dom) : dom_(dom) {
    size_t n = dom.nodes.size();
    first_block_.assign(n, 0);
    end_block_.assign(n, 0);
    state_.assign(n, 0);
    text_len_.assign(n, 0);
    hint_.assign(n, 0);
  }

  void run();
  bool emit(Article& article);

 private:
  enum State : uint8_t { kRemoved = 1, kNegative = 2, kPositive = 4, kCandidate = 8, kBody = 16 };

  void mark();
  void build(int32_t root);
  void flush();
  void resolve_hints();
  void classify();
  int32_t best_element() const;
  bool boilerplate_line(std::string_view text) const;

  const Dom& dom_;
  std::vector<uint32_t> first_block_, end_block_;
  std::vector<uint8_t> state_;
  std::vector<uint32_t> text_len_;
  std::vector<int8_t> hint_;
  std::unordered_map<std::string, int> hint_cache_;

  std::vector<Block> blocks_;
  std::string text_;
  // The block being built.
  std::string cur_;
  uint32_t cur_links_ = 0;
  std::vector<int32_t> owners_;
  std::vector<int32_t> figures_;
  std::vector<int32_t> items_;
  int in_link_ = 0, in_quote_ = 0, in_li_ = 0, in_heading_ = 0, in_title_ = 0, in_cell_ = 0,
      in_pos_ = 0, in_body_ = 0;
  bool pending_br_ = false;
  int32_t root_ = 0;
};

void Builder::mark() {
  const auto& tt = tags();
  const int32_t n = static_cast<int32_t>(dom_.nodes.size());
  // Text length under every element, children first (pre-order: children have
  // higher indices).
  for (int32_t i = n - 1; i > 0; --i) {
    const DomNode& nd = dom_.nodes[i];
    if (nd.tag == kTextTag) {
      text_len_[i] = nd.size;
    } else if (tt.of(nd.tag) & kDropTag) {
      text_len_[i] = 0;
    }
    if (nd.parent >= 0) text_len_[nd.parent] += text_len_[i];
  }
  int32_t root = dom_.body >= 0 ? dom_.body : dom_.html >= 0 ? dom_.html : 0;
  root_ = root;
  const double page = std::max<uint32_t>(1, text_len_[root]);
  for (int32_t i = 1; i < n; ++i) {
    const DomNode& nd = dom_.nodes[i];
    if (nd.tag == kTextTag) continue;
    uint8_t f = tt.of(nd.tag);
    bool huge = text_len_[i] > 0.5 * page;
    if (f & kDropTag) {
      state_[i] |= kRemoved;
      continue;
    }
    if ((f & kBoilerTag) && !huge) {
      state_[i] |= kRemoved;
      continue;
    }
    if (nd.size == 0) continue;
    if (dom_.has_attr(i, "hidden")) {
      state_[i] |= kRemoved;
      continue;
    }
    if (dom_.attr(i, "aria-hidden") == "true" && !huge) {
      state_[i] |= kRemoved;
      continue;
    }
    std::string_view style = dom_.attr(i, "style");
    if (!style.empty()) {
      std::string st = ascii_lower(style);
      st.erase(std::remove(st.begin(), st.end(), ' '), st.end());
      if (st.find("display:none") != std::string::npos || st.find("visibility:hidden") != std::string::npos) {
        state_[i] |= kRemoved;
        continue;
      }
    }
    std::string_view role = dom_.attr(i, "role");
    if (!role.empty() && !huge &&
        (role == "navigation" || role == "contentinfo" || role == "complementary" || role == "banner" ||
         role == "search" || role == "menu" || role == "menubar" || role == "dialog" || role == "alert")) {
      state_[i] |= kRemoved;
      continue;
    }
    std::string_view itemprop = dom_.attr(i, "itemprop");
    if (itemprop == "articleBody" || itemprop == "articlebody") {
      state_[i] |= kPositive | kBody;
      continue;
    }
    std::string_view cls = dom_.attr(i, "class"), id = dom_.attr(i, "id");
    // A heading's id is an anchor made from its words ("nav_the_results") for a
    // table of contents: it says nothing about the heading's role.
    if (nd.tag >= MyHTML_TAG_H1 && nd.tag <= MyHTML_TAG_H6) id = {};
    if (cls.empty() && id.empty()) continue;
    std::string key(cls);
    key.push_back('#');
    key.append(id);
    int h;
    if (auto it = hint_cache_.find(key); it != hint_cache_.end()) {
      h = it->second;
    } else {
      h = std::clamp(hint_of_value(cls) + hint_of_value(id), -6, 6);
      hint_cache_.emplace(std::move(key), h);
    }
    hint_[i] = static_cast<int8_t>(h);
    if (h >= 2) state_[i] |= kPositive;
  }
}

void Builder::flush() {
  pending_br_ = false;
  while (!cur_.empty() && cur_.back() == ' ') cur_.pop_back();
  if (cur_.empty()) {
    cur_links_ = 0;
    return;
  }
  Block b;
  b.owner = owners_.empty() ? root_ : owners_.back();
  b.figure_anchor = figures_.empty() ? -1 : figures_.back();
  b.item_anchor = items_.empty() ? -1 : items_.back();
  b.begin = static_cast<uint32_t>(text_.size());
  b.size = static_cast<uint32_t>(cur_.size());
  b.chars = static_cast<uint32_t>(utf8_length(cur_));
  b.link_chars = std::min(cur_links_, b.chars);
  b.positive = in_pos_ > 0;
  b.body = in_body_ > 0;
  b.kind = in_title_ ? Kind::kTitle
           : in_heading_ ? Kind::kHeading
           : in_li_ ? Kind::kListItem
           : in_quote_ ? Kind::kQuote
           : in_cell_ ? Kind::kCell
           : Kind::kParagraph;
  if (b.kind == Kind::kParagraph && b.owner >= 0) {
    uint32_t t = dom_.nodes[b.owner].tag;
    if (t != MyHTML_TAG_P && t != MyHTML_TAG_PRE) b.kind = Kind::kOther;
  }
  b.sentence = ends_sentence(cur_);
  text_.append(cur_);
  blocks_.push_back(b);
  cur_.clear();
  cur_links_ = 0;
}

void Builder::build(int32_t root) {
  const auto& tt = tags();
  auto enter = [&](int32_t n) {
    const DomNode& nd = dom_.nodes[n];
    uint32_t t = nd.tag;
    uint8_t f = tt.of(t);
    if (f & kBlockTag) {
      flush();
      owners_.push_back(n);
      first_block_[n] = static_cast<uint32_t>(blocks_.size());
    }
    if (t == MyHTML_TAG_BR) {
      if (pending_br_) {
        flush();
      } else {
        pending_br_ = true;
        if (!cur_.empty() && cur_.back() != ' ') cur_.push_back(' ');
      }
    }
    if (t == MyHTML_TAG_A) ++in_link_;
    if (t == MyHTML_TAG_BLOCKQUOTE) ++in_quote_;
    if (t == MyHTML_TAG_LI || t == MyHTML_TAG_DD || t == MyHTML_TAG_DT) ++in_li_;
    if (t == MyHTML_TAG_H1) ++in_title_;
    if (t >= MyHTML_TAG_H2 && t <= MyHTML_TAG_H6) ++in_heading_;
    if (t == MyHTML_TAG_TD || t == MyHTML_TAG_TH) ++in_cell_;
    if (t == MyHTML_TAG_FIGURE) figures_.push_back(n);
    if (t == MyHTML_TAG_LI) items_.push_back(n);
    if (state_[n] & kPositive) ++in_pos_;
    if (state_[n] & kBody) ++in_body_;
  };
  auto leave = [&](int32_t n) {
    const DomNode& nd = dom_.nodes[n];
    uint32_t t = nd.tag;
    uint8_t f = tt.of(t);
    if (f & kBlockTag) {
      flush();
      owners_.pop_back();
      end_block_[n] = static_cast<uint32_t>(blocks_.size());
      state_[n] |= kCandidate;
    }
    if (t == MyHTML_TAG_A) --in_link_;
    if (t == MyHTML_TAG_BLOCKQUOTE) --in_quote_;
    if (t == MyHTML_TAG_LI || t == MyHTML_TAG_DD || t == MyHTML_TAG_DT) --in_li_;
    if (t == MyHTML_TAG_H1) --in_title_;
    if (t >= MyHTML_TAG_H2 && t <= MyHTML_TAG_H6) --in_heading_;
    if (t == MyHTML_TAG_TD || t == MyHTML_TAG_TH) --in_cell_;
    if (t == MyHTML_TAG_FIGURE) figures_.pop_back();
    if (t == MyHTML_TAG_LI) items_.pop_back();
    if (state_[n] & kPositive) --in_pos_;
    if (state_[n] & kBody) --in_body_;
  };
  auto text = [&](int32_t n) {
    std::string_view s = dom_.text(n);
    size_t before = cur_.size();
    append_collapsed(cur_, s);
    if (cur_.size() > before) {
      std::string_view added = std::string_view(cur_).substr(before);
      if (added.find_first_not_of(' ') != std::string_view::npos) pending_br_ = false;
      if (in_link_) cur_links_ += static_cast<uint32_t>(utf8_length(added));
    }
  };

  enter(root);
  int32_t n = dom_.nodes[root].first_child;
  if (n < 0) {
    leave(root);
    return;
  }
  while (n >= 0) {
    const DomNode& nd = dom_.nodes[n];
    bool descend = false;
    if (nd.tag == kTextTag) {
      text(n);
    } else if (!(state_[n] & kRemoved)) {
      enter(n);
      if (nd.first_child >= 0) {
        descend = true;
      } else {
        leave(n);
      }
    }
    if (descend) {
      n = nd.first_child;
      continue;
    }
    // Up until a next sibling, leaving every element climbed out of.
    while (n >= 0 && dom_.nodes[n].next < 0) {
      n = dom_.nodes[n].parent;
      if (n < 0 || n == root) {
        n = -1;
        break;
      }
      leave(n);
    }
    if (n >= 0) n = dom_.nodes[n].next;
  }
  leave(root);
}

bool Builder::boilerplate_line(std::string_view text) const {
  if (text.size() > 160) return false;
  const Lexicon& lex = lexicon();
  std::string l = ascii_lower(text);
  // Lower-case the common non-ASCII capitals too: Cyrillic and Latin-1 letters are
  // left as they are, which only makes the match stricter.
  std::string_view v = l;
  while (!v.empty() && (v.back() == '.' || v.back() == ':' || v.back() == ' ' || v.back() == '!' ||
                        v.back() == '>' || v.back() == '|')) {
    v.remove_suffix(1);
  }
  if (lex.lines.count(std::string(v))) return true;
  if (text.size() < 120) {
    for (const auto& p : lex.prefixes) {
      if (l.compare(0, p.size(), p) == 0) return true;
    }
  }
  return false;
}

void Builder::classify() {
  for (Block& b : blocks_) {
    const float c = static_cast<float>(b.chars);
    const float ld = b.chars ? static_cast<float>(b.link_chars) / c : 0.f;
    std::string_view t = std::string_view(text_).substr(b.begin, b.size);
    if (b.neg_anchor >= 0 || b.figure_anchor >= 0) {
      b.value = ld > 0.3f ? -c : -0.5f * c;
    } else if (b.kind == Kind::kListItem && ld > 0.15f && ld <= 0.7f && b.chars >= 80) {
      // A linked headline with its summary: a teaser, or a point of a list article.
      // Neutral: kept when it stands inside the article, never what selects it.
      b.value = 0;
    } else if ((b.kind == Kind::kParagraph || b.kind == Kind::kQuote) && b.sentence && b.chars >= 50 &&
               ld > 0.3f && ld <= 0.75f) {
      // A sentence in a <p> with many links: kept inside the article, but not a reason
      // to choose an element.
      b.value = 0;
    } else if (ld > 0.5f || (ld > 0.3f && b.chars < 150)) {
      b.value = -c;
    } else if (boilerplate_line(t)) {
      b.value = -c;
      b.phrase = true;
    } else if (b.kind == Kind::kHeading || b.kind == Kind::kTitle) {
      b.value = 0;
    } else if (b.chars >= 80 || (b.chars >= 40 && b.sentence)) {
      b.value = c * (ld > 0.3f ? 0.5f : ld > 0.1f ? 0.8f : 1.f);
      if (b.kind == Kind::kListItem || b.kind == Kind::kCell) b.value *= 0.8f;
      // The publisher's own mark of the body outweighs teasers and comments.
      b.value *= b.body ? 2.f : b.positive ? 1.25f : 1.f;
    } else if (b.kind == Kind::kParagraph && b.sentence) {
      b.value = 0;
    } else {
      b.value = -0.25f * c;
      b.minor = ld <= 0.3f;
    }
  }
  // A list item holding a linked headline and a summary in separate blocks is a
  // teaser of another article: its summary reads like prose but is not this one.
  for (size_t i = 0; i < blocks_.size();) {
    int32_t item = blocks_[i].item_anchor;
    size_t j = i + 1;
    while (j < blocks_.size() && blocks_[j].item_anchor == item) ++j;
    if (item >= 0 && j - i >= 2) {
      bool headline = false;
      for (size_t k = i; k < j; ++k) {
        const Block& b = blocks_[k];
        headline = headline || (b.chars >= 5 && b.link_chars * 10 >= b.chars * 6);
      }
      if (headline) {
        for (size_t k = i; k < j; ++k) {
          if (blocks_[k].value > 0) blocks_[k].value = -0.3f * static_cast<float>(blocks_[k].chars);
        }
      }
    }
    i = j;
  }
}

int32_t Builder::best_element() const {
  std::vector<double> prefix(blocks_.size() + 1, 0.0);
  for (size_t i = 0; i < blocks_.size(); ++i) prefix[i + 1] = prefix[i] + blocks_[i].value;
  int32_t best = -1;
  double best_score = 0;
  const int32_t n = static_cast<int32_t>(dom_.nodes.size());
  // Deeper elements first on ties: the smallest element holding the best text wins.
  for (int32_t i = n - 1; i >= 0; --i) {
    if (!(state_[i] & kCandidate)) continue;
    double s = prefix[end_block_[i]] - prefix[first_block_[i]];
    if (s > best_score) {
      best_score = s;
      best = i;
    }
  }
  return best;
}

// An element marked as boilerplate by its class that holds most of the page's prose
// is a wrapper with an unlucky name ("content-with-sidebar", "non-ad-column"): its
// mark is ignored. Every block then learns its innermost boilerplate ancestor.
void Builder::resolve_hints() {
  // Prose in <p> elements is what articles are made of; teaser lists and comment
  // threads are more often <div> and <li>. Pages without <p> prose count all prose.
  std::vector<double> prose(blocks_.size() + 1, 0.0), para(blocks_.size() + 1, 0.0);
  for (size_t i = 0; i < blocks_.size(); ++i) {
    const Block& b = blocks_[i];
    std::string_view t = std::string_view(text_).substr(b.begin, b.size);
    bool p = (b.chars >= 80 || (b.chars >= 40 && b.sentence)) && b.link_chars * 10 <= b.chars * 3 &&
             b.kind != Kind::kTitle && !boilerplate_line(t);
    prose[i + 1] = prose[i] + (p ? b.chars : 0);
    para[i + 1] = para[i] + (p && (b.kind == Kind::kParagraph || b.kind == Kind::kQuote) ? b.chars : 0);
  }
  const std::vector<double>& use = para.back() >= 0.3 * prose.back() ? para : prose;
  const double total = std::max(1.0, use.back());
  const int32_t n = static_cast<int32_t>(dom_.nodes.size());
  std::vector<int32_t> anchor(n, -1);
  for (int32_t i = 1; i < n; ++i) {
    const DomNode& nd = dom_.nodes[i];
    int32_t up = nd.parent >= 0 ? anchor[nd.parent] : -1;
    anchor[i] = up;
    if (nd.tag == kTextTag || hint_[i] > -2 || !(state_[i] & kCandidate)) continue;
    double share = (use[end_block_[i]] - use[first_block_[i]]) / total;
    if (share < 0.5) {
      state_[i] |= kNegative;
      anchor[i] = i;
    }
  }
  for (Block& b : blocks_) b.neg_anchor = b.owner >= 0 ? anchor[b.owner] : -1;
}

void Builder::run() {
  mark();
  build(root_);
  resolve_hints();
  classify();
}

bool Builder::emit(Article& article) {
  int32_t best = best_element();
  std::vector<char> keep(blocks_.size(), 0);
  auto prose = [&](const Block& b) { return b.value > 0; };
  size_t good_chars = 0;
  if (best >= 0) {
    const int32_t best_end = dom_.skip(best) < 0 ? static_cast<int32_t>(dom_.nodes.size()) : dom_.skip(best);
    auto inside = [&](int32_t anchor) { return anchor > best && anchor < best_end; };
    for (uint32_t i = first_block_[best]; i < end_block_[best]; ++i) {
      const Block& b = blocks_[i];
      if (b.kind == Kind::kTitle) continue;
      if (inside(b.neg_anchor) || inside(b.figure_anchor)) continue;
      if (b.phrase ||
          (b.value < 0 && !b.minor && !(b.neg_anchor >= 0 && !inside(b.neg_anchor) && b.link_chars * 2 < b.chars))) {
        continue;
      }
      keep[i] = 1;
      if (prose(b)) good_chars += b.chars;
    }
    // The standfirst often sits just before the body's container, beside the
    // headline: one prose block before it, past the title, bylines and dates, and
    // no boilerplate in between.
    for (int64_t i = static_cast<int64_t>(first_block_[best]) - 1, seen = 0; i >= 0 && seen < 5; --i, ++seen) {
      const Block& b = blocks_[i];
      if (b.neg_anchor >= 0 || b.figure_anchor >= 0 || b.item_anchor >= 0) break;
      if (prose(b)) {
        if (b.link_chars * 10 <= b.chars && b.sentence) {
          keep[i] = 1;
          good_chars += b.chars;
        }
        break;
      }
      if (b.value < 0 && !b.minor) break;
    }
  }
  if (good_chars < 200) {
    // No element stands out: the prose blocks of the page, with the short blocks
    // between two of them.
    std::fill(keep.begin(), keep.end(), 0);
    good_chars = 0;
    for (size_t i = 0; i < blocks_.size(); ++i) {
      if (prose(blocks_[i])) {
        keep[i] = 1;
        good_chars += blocks_[i].chars;
      }
    }
    for (size_t i = 1; i + 1 < blocks_.size(); ++i) {
      if (!keep[i] && blocks_[i].value == 0 && keep[i - 1] && prose(blocks_[i + 1])) keep[i] = 1;
    }
  }
  if (good_chars < 60) return false;

  // Short lines that are not sentences at the edges of the text are bylines, dates,
  // labels and tag lists rather than the article.
  std::vector<size_t> kept;
  for (size_t i = 0; i < blocks_.size(); ++i) {
    if (keep[i]) kept.push_back(i);
  }
  auto edge_junk = [&](const Block& b) {
    return !prose(b) && !b.sentence && b.chars < 60 && b.kind != Kind::kHeading;
  };
  size_t lo = 0, hi = kept.size();
  while (lo < hi && edge_junk(blocks_[kept[lo]])) ++lo;
  while (hi > lo && (edge_junk(blocks_[kept[hi - 1]]) || blocks_[kept[hi - 1]].kind == Kind::kHeading)) --hi;

  std::unordered_set<std::string_view> seen;
  for (size_t k = lo; k < hi; ++k) {
    const Block& b = blocks_[kept[k]];
    std::string_view t = std::string_view(text_).substr(b.begin, b.size);
    if (b.chars >= 20 && !seen.insert(t).second) continue;  // a pull quote repeated
    BlockKind kind = b.kind == Kind::kHeading  ? BlockKind::kHeading
                     : b.kind == Kind::kListItem ? BlockKind::kListItem
                     : b.kind == Kind::kQuote    ? BlockKind::kBlockQuote
                                                 : BlockKind::kParagraph;
    article.add_paragraph(t, kind);
  }
  return !article.paragraphs.empty();
}

}  // namespace

bool extract_main_text(const Dom& dom, Article& article) {
  if (dom.nodes.size() < 2) return false;
  Builder b(dom);
  b.run();
  return b.emit(article);
}

}  // namespace parallax::extract::internal
