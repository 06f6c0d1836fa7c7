// Metadata of a page. Sources in the order they are trusted: JSON-LD (what the
// publisher tells search engines), OpenGraph and other <meta> tags, microdata,
// <time>, bylines and headings in the markup, and last the URL and <title>.
#include <myhtml/api.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <unordered_map>
#include <unordered_set>

#include "core/lexicon.h"
#include "extract/html_internal.h"
#include "core/normalize.h"

namespace parallax::extract::internal {

namespace {

using nlohmann::json;

struct Found {
  // From JSON-LD.
  std::string ld_headline, ld_published, ld_modified, ld_publisher, ld_image, ld_description,
      ld_language, ld_url, ld_site;
  std::vector<std::string> ld_authors;
  bool ld_authors_org = false;   // the authors are typed as organisations
  bool ld_article = false;
  // From the markup.
  std::unordered_map<std::string, std::string> meta;  // lower-case name/property -> content
  std::vector<std::string> meta_authors;              // every author-like meta, in order
  std::string title, h1, canonical, lang;
  std::vector<std::string> h1s;
  std::string time_published, time_any;
  std::string micro_headline, micro_published, micro_modified;
  std::vector<std::string> micro_authors;
  int32_t micro_author_item = -1;  // the item the first author belongs to
  std::vector<std::string> bylines;
  std::vector<std::string> date_texts;   // texts of elements marked as dates
  std::vector<std::string_view> short_texts;  // short text nodes with digits, in order
  std::vector<std::string> lines;             // short lines starting like a byline
  std::vector<std::string> genre_lines;       // "Eine Kolumne von Jane Doe": "von Jane Doe"
  std::vector<std::string> label_authors;     // names after an author label in <meta>
  int h1_count = 0;
};

bool has_type(const json& obj, std::initializer_list<const char*> types) {
  auto it = obj.find("@type");
  if (it == obj.end()) return false;
  auto match = [&](const std::string& t) {
    for (const char* x : types) {
      if (t == x) return true;
    }
    return false;
  };
  if (it->is_string()) return match(it->get<std::string>());
  if (it->is_array()) {
    for (const auto& t : *it) {
      if (t.is_string() && match(t.get<std::string>())) return true;
    }
  }
  return false;
}

// Character references left in JSON-LD strings by CMS plugins ("&#8211;", "&amp;").
std::string decode_entities(std::string_view s) {
  if (s.find('&') == std::string_view::npos) return std::string(s);
  static const std::unordered_map<std::string_view, const char*> kNamed = {
      {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}, {"nbsp", " "},
      {"ndash", "\u2013"}, {"mdash", "\u2014"}, {"hellip", "\u2026"}, {"laquo", "\u00ab"},
      {"raquo", "\u00bb"}, {"lsquo", "\u2018"}, {"rsquo", "\u2019"}, {"ldquo", "\u201c"},
      {"rdquo", "\u201d"}, {"bdquo", "\u201e"}, {"sbquo", "\u201a"}, {"euro", "\u20ac"},
      {"copy", "\u00a9"}, {"reg", "\u00ae"}, {"trade", "\u2122"}, {"deg", "\u00b0"},
      {"middot", "\u00b7"}, {"bull", "\u2022"}, {"auml", "\u00e4"}, {"ouml", "\u00f6"},
      {"uuml", "\u00fc"}, {"Auml", "\u00c4"}, {"Ouml", "\u00d6"}, {"Uuml", "\u00dc"},
      {"szlig", "\u00df"}, {"eacute", "\u00e9"}, {"egrave", "\u00e8"}, {"aacute", "\u00e1"},
      {"agrave", "\u00e0"}, {"iacute", "\u00ed"}, {"oacute", "\u00f3"}, {"uacute", "\u00fa"},
      {"ntilde", "\u00f1"}, {"ccedil", "\u00e7"}, {"ecirc", "\u00ea"}, {"acirc", "\u00e2"}};
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out.push_back(s[i]);
      continue;
    }
    size_t semi = s.find(';', i + 1);
    if (semi == std::string_view::npos || semi - i > 12) {
      out.push_back('&');
      continue;
    }
    std::string_view name = s.substr(i + 1, semi - i - 1);
    uint32_t cp = 0;
    if (name.size() >= 2 && name[0] == '#') {
      bool hex = name[1] == 'x' || name[1] == 'X';
      for (size_t k = hex ? 2 : 1; k < name.size() && cp <= 0x10FFFF; ++k) {
        char c = name[k];
        int d = c >= '0' && c <= '9' ? c - '0' : hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10 : -1;
        if (d < 0) {
          cp = 0;
          break;
        }
        cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(d);
      }
      if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        out.push_back('&');
        continue;
      }
      if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
      } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
      } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
      } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
      }
      i = semi;
      continue;
    }
    auto it = kNamed.find(name);
    if (it == kNamed.end()) {
      out.push_back('&');
      continue;
    }
    out.append(it->second);
    i = semi;
  }
  return out;
}

std::string json_string(const json& v) {
  if (v.is_string()) return collapse_space(decode_entities(v.get<std::string>()));
  if (v.is_number_integer()) return std::to_string(v.get<long long>());
  if (v.is_array() && !v.empty()) return json_string(v[0]);
  if (v.is_object()) {
    for (const char* k : {"name", "url", "@value", "@id"}) {
      auto it = v.find(k);
      if (it != v.end() && it->is_string()) return collapse_space(decode_entities(it->get<std::string>()));
    }
  }
  return {};
}

std::string get_str(const json& obj, const char* key) {
  auto it = obj.find(key);
  return it == obj.end() ? std::string{} : json_string(*it);
}

// Whether every author object is an organisation (the publisher naming itself).
bool ld_org_authors(const json& v) {
  if (v.is_array()) {
    if (v.empty()) return false;
    for (const auto& a : v) {
      if (!ld_org_authors(a)) return false;
    }
    return true;
  }
  return v.is_object() && has_type(v, {"Organization", "NewsMediaOrganization", "Corporation"});
}

void ld_authors(const json& v, const std::unordered_map<std::string, const json*>& ids,
                std::vector<std::string>& out) {
  if (v.is_string()) {
    out.push_back(collapse_space(v.get<std::string>()));
  } else if (v.is_array()) {
    for (const auto& a : v) ld_authors(a, ids, out);
  } else if (v.is_object()) {
    std::string name = get_str(v, "name");
    if (name.empty()) {
      std::string given = get_str(v, "givenName"), family = get_str(v, "familyName");
      name = collapse_space(given + " " + family);
    }
    if (name.empty()) {
      auto id = v.find("@id");
      if (id != v.end() && id->is_string()) {
        auto it = ids.find(id->get<std::string>());
        if (it != ids.end() && it->second != &v) name = get_str(*it->second, "name");
      }
    }
    if (!name.empty()) out.push_back(name);
  }
}

void collect_ids(const json& v, std::unordered_map<std::string, const json*>& ids, int depth = 0) {
  if (depth > 8) return;
  if (v.is_array()) {
    for (const auto& x : v) collect_ids(x, ids, depth + 1);
  } else if (v.is_object()) {
    auto id = v.find("@id");
    if (id != v.end() && id->is_string() && v.size() > 1) ids.emplace(id->get<std::string>(), &v);
    auto g = v.find("@graph");
    if (g != v.end()) collect_ids(*g, ids, depth + 1);
  }
}

void read_ld(const json& v, const std::unordered_map<std::string, const json*>& ids, Found& f,
             int depth = 0) {
  if (depth > 8) return;
  if (v.is_array()) {
    for (const auto& x : v) read_ld(x, ids, f, depth + 1);
    return;
  }
  if (!v.is_object()) return;
  if (auto g = v.find("@graph"); g != v.end()) read_ld(*g, ids, f, depth + 1);
  bool article = has_type(v, {"NewsArticle", "Article", "ReportageNewsArticle", "BlogPosting",
                              "AnalysisNewsArticle", "OpinionNewsArticle", "LiveBlogPosting",
                              "BackgroundNewsArticle", "ReviewNewsArticle", "TechArticle", "Recipe",
                              "ScholarlyArticle", "Report", "SocialMediaPosting", "Blog", "HowTo"});
  bool page = has_type(v, {"WebPage", "ItemPage", "CollectionPage"});
  if (has_type(v, {"WebSite"}) && f.ld_site.empty()) f.ld_site = get_str(v, "name");
  if (!article && !page) {
    if (auto m = v.find("mainEntity"); m != v.end()) read_ld(*m, ids, f, depth + 1);
    return;
  }
  // An article wins over a page; the first article wins over later ones.
  if (page && f.ld_article) return;
  if (article && f.ld_article) return;
  if (article) {
    f.ld_article = true;
    f.ld_headline.clear();
    f.ld_authors.clear();
    f.ld_authors_org = false;
  }
  auto set = [](std::string& dst, std::string v2) {
    if (dst.empty()) dst = std::move(v2);
  };
  set(f.ld_headline, get_str(v, "headline"));
  if (article) set(f.ld_headline, get_str(v, "name"));
  set(f.ld_published, get_str(v, "datePublished"));
  set(f.ld_published, get_str(v, "dateCreated"));
  set(f.ld_modified, get_str(v, "dateModified"));
  set(f.ld_description, get_str(v, "description"));
  set(f.ld_language, get_str(v, "inLanguage"));
  set(f.ld_url, get_str(v, "url"));
  if (auto img = v.find("image"); img != v.end()) set(f.ld_image, json_string(*img));
  if (auto pub = v.find("publisher"); pub != v.end()) {
    std::string name = json_string(*pub);
    if (name.rfind("http", 0) == 0 || name.rfind("#", 0) == 0) {
      auto it = pub->is_object() ? pub->find("@id") : pub->end();
      if (pub->is_object() && it != pub->end() && it->is_string()) {
        auto r = ids.find(it->get<std::string>());
        name = r != ids.end() ? get_str(*r->second, "name") : std::string{};
      } else {
        name.clear();
      }
    }
    set(f.ld_publisher, name);
  }
  if (f.ld_authors.empty()) {
    if (auto a = v.find("author"); a != v.end()) {
      ld_authors(*a, ids, f.ld_authors);
      f.ld_authors_org = ld_org_authors(*a);
    }
    if (f.ld_authors.empty()) {
      if (auto a = v.find("creator"); a != v.end()) ld_authors(*a, ids, f.ld_authors);
    }
  }
}

void parse_ld(std::string_view text, Found& f) {
  json j = json::parse(text.begin(), text.end(), nullptr, false);
  if (j.is_discarded()) {
    // Raw line breaks and tabs inside strings are the usual fault; JSON has them as
    // white space anyway.
    std::string fixed(text);
    for (char& c : fixed) {
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    }
    j = json::parse(fixed, nullptr, false);
    if (j.is_discarded()) return;
  }
  std::unordered_map<std::string, const json*> ids;
  collect_ids(j, ids);
  read_ld(j, ids, f);
}

// Class and id words that mark a byline or a date.
bool has_word(std::string_view v, std::initializer_list<std::string_view> words) {
  std::string l = ascii_lower(v);
  for (auto w : words) {
    if (l.find(w) != std::string::npos) return true;
  }
  return false;
}

// An organisation named with its legal form: "Example Energy GmbH", "Friends of
// the Coast e.V.", "Example Inc.".
bool is_organisation(std::string_view n) {
  size_t sp = n.rfind(' ');
  if (sp == std::string_view::npos) return false;
  std::string last = ascii_lower(n.substr(sp + 1));
  for (std::string_view f :
       {"gmbh", "ggmbh", "mbh",  "e.v.", "ag",  "se",     "kg",    "inc.", "inc",  "ltd", "ltd.",
        "llc",  "plc",   "s.a.", "s.l.", "srl", "s.r.l.", "corp.", "bv",   "b.v.", "oy",  "a/s"}) {
    if (last == f) return true;
  }
  return false;
}

// A CMS login rather than a name: one word in lower case joined by "_" or "-"
// ("jane_doe", "sarah-indra").
bool is_login_name(std::string_view n) {
  bool joined = false;
  for (char c : n) {
    if (c == '_' || c == '-') {
      joined = true;
    } else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
      return false;
    }
  }
  return joined && n.front() != '-' && n.back() != '-';
}

// A forum's or a community's user name: one word of letters and digits ("delta201",
// "Marianne1", "c1ph4"), which the writer chose as the name to sign with.
bool is_user_name(std::string_view n) {
  if (n.size() < 4 || n.size() > 30 || !((n[0] | 0x20) >= 'a' && (n[0] | 0x20) <= 'z'))
    return false;
  size_t letters = 0, digits = 0;
  for (char c : n) {
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
      ++letters;
    } else if (c >= '0' && c <= '9') {
      ++digits;
    } else if (c != '_' && c != '-' && c != '.') {
      return false;
    }
  }
  return letters >= 3 && digits > 0;
}

// The microdata item a property of element `n` belongs to: its nearest ancestor with
// itemscope, or -1.
int32_t owning_item(const Dom& dom, int32_t n) {
  for (n = dom.nodes[n].parent; n > 0; n = dom.nodes[n].parent) {
    if (dom.has_attr(n, "itemscope")) return n;
  }
  return -1;
}

// Inside a comment thread or a form: names there are commenters or field labels. A
// page's <footer> holds its contacts and credits, but the <footer> of an <article>
// is where the article says who wrote it ("Posted by Jane Doe at 18:52").
bool in_discussion(const Dom& dom, int32_t n) {
  bool footer = false;
  for (int depth = 0; n > 0 && depth < 40; ++depth, n = dom.nodes[n].parent) {
    uint32_t t = dom.nodes[n].tag;
    if (t == MyHTML_TAG_FORM || t == MyHTML_TAG_LABEL || t == MyHTML_TAG_BLOCKQUOTE) return true;
    if (t == MyHTML_TAG_FOOTER) footer = true;
    if (t == MyHTML_TAG_ARTICLE && footer) footer = false;
    std::string_view cls = dom.attr(n, "class"), id = dom.attr(n, "id");
    if ((!cls.empty() && has_word(cls, {"comment", "respond", "reply", "discuss"})) ||
        (!id.empty() && has_word(id, {"comment", "respond", "reply", "discuss"}))) {
      return true;
    }
  }
  return footer;
}

size_t word_count(std::string_view s) {
  size_t n = 0;
  bool in = false;
  for (char c : s) {
    bool sp = c == ' ';
    if (!sp && !in) ++n;
    in = !sp;
  }
  return n;
}

bool is_separator_text(std::string_view t) {
  t = trim(t);
  for (std::string_view s : {":", "-", "\u2013", "\u2014", "|", "\u00bb", "/", "\u00b7", "\u2022"}) {
    if (t == s) return true;
  }
  return t.empty();
}

// Drops separators and white space at the start of a headline ("- Title", ": Title").
std::string_view trim_leading_separators(std::string_view t) {
  for (bool changed = true; changed;) {
    changed = false;
    t = trim(t);
    // Only when a space follows: "»Quote«" opens with a quotation mark.
    for (std::string_view s : {":", "-", "\u2013", "\u2014", "|", "\u00bb", "\u00b7", "\u2022"}) {
      if (t.starts_with(s) && (t.size() == s.size() || t[s.size()] == ' ')) {
        t.remove_prefix(s.size());
        changed = true;
      }
    }
  }
  return t;
}

// A heading that is the site's logo or a screen-reader label, not the headline:
// hidden for screen readers only, or nothing but a link to the site's home page.
bool logo_heading(const Dom& dom, int32_t h) {
  std::string cls = ascii_lower(dom.attr(h, "class"));
  for (std::string_view w : {"sr-only", "screen-reader", "visually-hidden", "logo", "brand", "site-title",
                             "sitename", "site-name", "sectionname", "section-name"}) {
    if (cls.find(w) != std::string::npos) return true;
  }
  // Only a link (and white space) inside, and the link goes to a root path.
  int32_t link = -1;
  for (int32_t c = dom.nodes[h].first_child; c >= 0; c = dom.nodes[c].next) {
    if (dom.is_text(c)) {
      if (!trim(dom.text(c)).empty()) return false;
      continue;
    }
    if (dom.nodes[c].tag != MyHTML_TAG_A || link >= 0) return false;
    link = c;
  }
  if (link < 0) return false;
  std::string_view href = trim(dom.attr(link, "href"));
  // The last scheme: archived pages wrap the original URL in the archive's own.
  size_t scheme = href.rfind("://");
  if (scheme != std::string_view::npos) {
    size_t slash = href.find('/', scheme + 3);
    href = slash == std::string_view::npos ? std::string_view("/") : href.substr(slash);
  }
  return href.empty() || href == "/" || href == "#" || href.starts_with("/?") || href.starts_with("/#");
}

// The text of a heading without a leading kicker: "<h1><span class=kicker>Climate</span>
// <span>The headline</span></h1>". A first child element is a kicker when its class
// says so, when it holds a date, or when a separator (often visually hidden) follows
// it; the rest must be the longer part.
std::string headline_without_kicker(const Dom& dom, int32_t h) {
  std::string full = dom.text_content(h, 2000);
  int32_t first = -1;
  for (int32_t c = dom.nodes[h].first_child; c >= 0; c = dom.nodes[c].next) {
    if (dom.is_text(c)) {
      if (trim(dom.text(c)).empty()) continue;
      return full;  // the heading starts with bare text: no kicker element
    }
    uint32_t t = dom.nodes[c].tag;
    if (t == MyHTML_TAG_STYLE || t == MyHTML_TAG_SCRIPT || t == MyHTML_TAG_BR || t == MyHTML_TAG_IMG) continue;
    first = c;
    break;
  }
  if (first < 0 || dom.nodes[first].next < 0) return full;
  std::string kicker = dom.text_content(first, 400);
  if (kicker.empty()) return full;
  std::string cls = ascii_lower(dom.attr(first, "class"));
  bool marked = false;
  for (std::string_view w : {"kicker", "dachzeile", "topline", "overline", "roofline", "eyebrow", "label",
                             "subtitle", "supertitle", "titleheader", "rubric", "category", "topic", "pretitle",
                             "spitzmarke", "flag", "section"}) {
    marked = marked || cls.find(w) != std::string::npos;
  }
  if (dom.nodes[first].tag == MyHTML_TAG_TIME) marked = true;
  for (int32_t c = first + 1; !marked && c >= 0 && c < dom.skip(first); ++c) {
    if (dom.nodes[c].tag == MyHTML_TAG_TIME) marked = true;
  }
  std::string_view kt = trim(kicker);
  if (kt.ends_with(":") || kt.ends_with("|")) marked = true;
  std::string rest;
  for (int32_t c = dom.nodes[first].next; c >= 0; c = dom.nodes[c].next) {
    std::string piece = dom.is_text(c) ? collapse_space(dom.text(c)) : dom.text_content(c, 2000);
    if (!dom.is_text(c)) {
      uint32_t t = dom.nodes[c].tag;
      if (t == MyHTML_TAG_STYLE || t == MyHTML_TAG_SCRIPT) continue;
      std::string ccls = ascii_lower(dom.attr(c, "class"));
      bool hidden = ccls.find("hidden") != std::string::npos || ccls.find("sr-only") != std::string::npos ||
                    dom.attr(c, "aria-hidden") == "true";
      if (is_separator_text(piece)) {
        if (hidden || !piece.empty()) marked = true;
        continue;
      }
    }
    if (piece.empty()) continue;
    if (!rest.empty()) rest.push_back(' ');
    rest += piece;
  }
  std::string_view r = trim_leading_separators(rest);
  // The headline is a phrase of its own, and a kicker is a label: not much longer.
  if (!marked || utf8_length(r) < 8 || word_count(r) < 3 || utf8_length(r) * 2 < utf8_length(kt)) return full;
  return std::string(r);
}

// Words that stand alone before an author's name, in a label or a byline.
bool author_label(std::string_view t) {
  t = trim(t);
  while (!t.empty() && (t.back() == ':' || t.back() == ' ')) t.remove_suffix(1);
  std::string l = ascii_lower(t);
  for (std::string_view w : {"by", "von", "par", "por", "door", "di", "av", "autor", "autorin", "autoren", "author",
                             "authors", "auteur", "auteurs", "auteur(s)", "verfasser", "verfasst von",
                             "geschrieben von", "written by", "text", "text von", "redaktion", "escrito por",
                             "publié par", "posted by"}) {
    if (l == w) return true;
  }
  return false;
}

// `t` without up to three leading words with digits or separators ("06.11.2023
// 13:30 | "); `t` itself when no word follows them.
std::string_view skip_date_words(std::string_view t) {
  std::string_view rest = trim(t);
  for (int k = 0; k < 3 && !rest.empty(); ++k) {
    size_t e = rest.find(' ');
    if (e == std::string_view::npos) return t;
    std::string_view w = rest.substr(0, e);
    bool dated = w.find_first_of("0123456789") != std::string_view::npos || is_separator_text(w);
    if (!dated) break;
    rest = trim(rest.substr(e + 1));
  }
  return rest;
}

// How a line that names the author starts: "By Jane Doe", "Von Greta Hansen".
constexpr std::string_view kBylineOpenings[] = {
    "by ", "by: ", "von ", "von: ", "text: ", "text von ", "autor: ", "autorin: ", "autor ",
    "autorin ", "author ", "author: ", "auteur ", "auteur : ", "written by ",
    "written by: ", "par ", "verfasst von ", "geschrieben von ", "redaktion: ", "di ",
    // Chinese: author, reporter, editor in charge, editor;
    // after a full-width or an ASCII colon.
    "\u4f5c\u8005\uff1a", "\u4f5c\u8005:", "\u8bb0\u8005\uff1a",
    "\u8bb0\u8005:", "\u8d23\u4efb\u7f16\u8f91\uff1a",
    "\u8d23\u4efb\u7f16\u8f91:", "\u7f16\u8f91\uff1a", "\u7f16\u8f91:"};

// Whether a short text may open a byline: it starts like one, or it is only the label
// ("By") with the name in the next element.
bool opens_byline(std::string_view t) {
  if (author_label(t)) return true;
  std::string low = ascii_lower(collapse_space(t.substr(0, 20)));
  for (std::string_view p : kBylineOpenings) {
    if (low.starts_with(p)) return true;
  }
  return false;
}

// A line that names the kind of text and its author: "Eine Kolumne von Jane Doe", "A
// guest post by Jane Doe". Returns the part from the label on ("von Jane Doe"), or
// empty. The last word before the label must name a kind of text: "Designed by",
// "Fotos von" and the titles of other things are not bylines.
std::string_view genre_byline(std::string_view t) {
  // Compounds end in one of these ("Gastbeitrag", "blogpost").
  static constexpr std::string_view kGenres[] = {
      "beitrag",   "kolumne",  "kommentar",  "interview", "essay",  "artikel",   "bericht",
      "reportage", "analyse",  "glosse",     "rezension", "column", "post",      "article",
      "story",     "report",   "analysis",   "op-ed",     "review", "editorial", "chronique",
      "tribune",   "articolo", "intervista", "commento"};
  // Most short texts have no label after a space: a cheap look before splitting.
  bool labelled = false;
  for (size_t at = t.find(' '); at != std::string_view::npos && !labelled;
       at = t.find(' ', at + 1)) {
    std::string_view r = t.substr(at + 1);
    char c = r.empty() ? 0 : r[0];
    labelled = (c == 'v' && r.starts_with("von ")) ||
               ((c == 'b' || c == 'B') && r.substr(1).starts_with("y ")) ||
               (c == 'p' && r.starts_with("par ")) || (c == 'd' && r.starts_with("di "));
  }
  if (!labelled) return {};
  std::vector<std::string_view> words = space_words(t);
  for (size_t k = 1; k < words.size() && k <= 3; ++k) {
    std::string label = ascii_lower(words[k]);
    if (label != "von" && label != "by" && label != "par" && label != "di") continue;
    std::string kind = ascii_lower(words[k - 1]);
    bool genre = false;
    for (std::string_view g : kGenres) genre = genre || kind.ends_with(g);
    if (!genre || words[0].find_first_of("0123456789") != std::string_view::npos) return {};
    return t.substr(static_cast<size_t>(words[k].data() - t.data()));
  }
  return {};
}

// The text of element `n` for a byline, up to `limit` bytes, without scripts and
// without links to the author's social-network profiles ("Jane Doe <a
// href=twitter.com/janed>janed</a>" names Jane Doe only). With `one_line` it stops at
// the first line break after some words other than a label: "Von <a>A</a> und
// <a>B</a><br>Kakuma" is a byline, then a dateline.
std::string byline_text(const Dom& dom, int32_t n, size_t limit, bool one_line) {
  std::string out;
  int32_t end = dom.skip(n);
  for (int32_t i = n; i >= 0 && i != end && i < static_cast<int32_t>(dom.nodes.size()); ++i) {
    const DomNode& nd = dom.nodes[i];
    if (nd.tag == kTextTag) {
      if (!out.empty() && out.back() != ' ' && i > 0 && dom.nodes[i - 1].tag != kTextTag)
        out.push_back(' ');
      append_collapsed(out, dom.text(i));
      if (out.size() >= limit) break;
      continue;
    }
    if (one_line && nd.tag == MyHTML_TAG_BR && !trim(out).empty() && !author_label(out)) break;
    bool skip = nd.tag == MyHTML_TAG_SCRIPT || nd.tag == MyHTML_TAG_STYLE;
    if (nd.tag == MyHTML_TAG_A) {
      std::string href = ascii_lower(dom.attr(i, "href"));
      for (std::string_view s : {"twitter.com/", "//x.com/", "facebook.com/", "instagram.com/",
                                 "linkedin.com/", "mastodon.", "threads.net/", "bsky.app/"}) {
        skip = skip || href.find(s) != std::string::npos;
      }
    }
    if (skip) {
      int32_t s = dom.skip(i);
      if (s < 0 || (end >= 0 && s >= end)) break;
      i = s - 1;
    }
  }
  return collapse_space(out);
}

// The line around a short text node that may start a byline: "By <a>Jane Doe</a>"
// is split over elements, so a node that is only the label takes in what follows
// it (the rest of its parent, or the parent's next siblings).
std::string byline_context(const Dom& dom, int32_t i) {
  std::string_view t = trim(dom.text(i));
  if (t.size() >= 12 && !author_label(t)) return std::string(t);
  int32_t parent = dom.nodes[i].parent;
  std::string line = byline_text(dom, parent, 160, true);
  if (!author_label(line) || parent == dom.body) return line;
  // The parent holds the label only: "<span>By</span><a>Jane Doe</a>".
  for (int32_t s = dom.nodes[parent].next, k = 0; s >= 0 && k < 6; s = dom.nodes[s].next, ++k) {
    std::string piece = dom.is_text(s) ? collapse_space(dom.text(s)) : dom.text_content(s, 120);
    if (piece.empty()) continue;
    return line + " " + piece;
  }
  return line;
}

// The Yoast reading-time pairs: twitter:label1 "Written by", twitter:data1 "Jane Doe".
void meta_label_authors(Found& f) {
  for (char k = '1'; k <= '4'; ++k) {
    auto label = f.meta.find(std::string("twitter:label") + k);
    auto data = f.meta.find(std::string("twitter:data") + k);
    if (label == f.meta.end() || data == f.meta.end()) continue;
    if (author_label(label->second)) f.label_authors.push_back(data->second);
  }
}

void collect(const Dom& dom, Found& f) {
  const int32_t n = static_cast<int32_t>(dom.nodes.size());
  bool in_body_h1_seen = false;
  for (int32_t i = 1; i < n; ++i) {
    const DomNode& nd = dom.nodes[i];
    if (nd.tag == kTextTag) {
      if (nd.size <= 80 && f.lines.size() < 50 && dom.body >= 0 && i > dom.body) {
        std::string_view t = trim(dom.text(i));
        // "- Redaktion: Jane Doe" after a date in the same line.
        if (t.size() > 2 && (t[0] == '-' || t[0] == '|')) {
          t.remove_prefix(1);
          while (!t.empty() && (t[0] == ' ' || t[0] == '\xC2' || t[0] == '\xA0'))
            t.remove_prefix(1);
        }
        // "06.11.2023 13:30 von Jane": the date line names the author after the date.
        if (!t.empty() && t[0] >= '0' && t[0] <= '9') t = skip_date_words(t);
        char c0 = t.empty() ? 0 : static_cast<char>(t[0] | 0x20);
        auto b0 = t.empty() ? 0 : static_cast<unsigned char>(t[0]);
        // Latin letters that start a label, or the first byte of a Chinese one.
        bool opens = c0 == 'b' || c0 == 'v' || c0 == 't' || c0 == 'a' || c0 == 'w' || c0 == 'p' ||
                     c0 == 'r' || (b0 >= 0xE4 && b0 <= 0xE9);
        if (t.size() >= 2 && opens && opens_byline(t) && !in_discussion(dom, i)) {
          f.lines.push_back(byline_context(dom, i));
        } else if (f.genre_lines.size() < 10 && t.size() >= 12) {
          std::string_view g = genre_byline(t);
          if (!g.empty() && !in_discussion(dom, i)) f.genre_lines.emplace_back(g);
        }
      }
      if (nd.size <= 120 && f.short_texts.size() < 400 && dom.body >= 0 && i > dom.body) {
        std::string_view t = dom.text(i);
        uint32_t ptag = dom.nodes[nd.parent].tag;
        if (ptag != MyHTML_TAG_SCRIPT && ptag != MyHTML_TAG_STYLE && ptag != MyHTML_TAG_A &&
            t.find_first_of("0123456789") != std::string_view::npos) {
          f.short_texts.push_back(t);
        }
      } else if (nd.size > 120 && f.short_texts.size() < 400 && dom.body >= 0 && i > dom.body) {
        // A paragraph that opens with its date ("27.1.2022 - The council ...").
        std::string_view t = trim(dom.text(i));
        if (!t.empty() && t[0] >= '0' && t[0] <= '9') f.short_texts.push_back(t.substr(0, 12));
      }
      continue;
    }
    switch (nd.tag) {
      case MyHTML_TAG_META: {
        std::string_view content = dom.attr(i, "content");
        if (content.empty()) break;
        for (const char* k : {"property", "name", "itemprop", "http-equiv"}) {
          std::string_view key = dom.attr(i, k);
          if (key.empty()) continue;
          std::string lk = ascii_lower(trim(key));
          std::string value = collapse_space(content);
          if (lk == "author" || lk == "article:author" || lk == "dc.creator" ||
              lk == "dcterms.creator" || lk == "parsely-author" || lk == "sailthru.author" ||
              lk == "citation_author" || lk == "byl" || lk == "og:article:author" ||
              lk == "shareaholic:article_author_name") {
            f.meta_authors.push_back(value);
          }
          f.meta.emplace(std::move(lk), std::move(value));
        }
        break;
      }
      case MyHTML_TAG_TITLE:
        if (f.title.empty()) f.title = dom.text_content(i, 2000);
        break;
      case MyHTML_TAG_LINK: {
        std::string rel = ascii_lower(dom.attr(i, "rel"));
        if (rel == "canonical" && f.canonical.empty()) f.canonical = std::string(trim(dom.attr(i, "href")));
        break;
      }
      case MyHTML_TAG_HTML:
        if (f.lang.empty()) f.lang = std::string(trim(dom.attr(i, "lang")));
        break;
      case MyHTML_TAG_SCRIPT:
        if (dom.attr(i, "type").find("ld+json") != std::string_view::npos) {
          for (int32_t c = nd.first_child; c >= 0; c = dom.nodes[c].next) {
            if (dom.is_text(c)) parse_ld(dom.text(c), f);
          }
        }
        break;
      case MyHTML_TAG_H1:
        ++f.h1_count;
        if (f.h1s.size() < 6 && !logo_heading(dom, i)) {
          std::string t = headline_without_kicker(dom, i);
          if (!t.empty()) f.h1s.push_back(std::move(t));
        }
        if (!in_body_h1_seen) {
          f.h1 = dom.text_content(i, 2000);
          in_body_h1_seen = !f.h1.empty();
        }
        break;
      case MyHTML_TAG_TIME: {
        std::string_view dt = dom.attr(i, "datetime");
        std::string v = dt.empty() ? dom.text_content(i, 200) : std::string(trim(dt));
        if (v.empty()) break;
        std::string ip = ascii_lower(dom.attr(i, "itemprop"));
        std::string cls = ascii_lower(dom.attr(i, "class"));
        bool pub = dom.has_attr(i, "pubdate") || ip == "datepublished" ||
                   cls.find("publish") != std::string::npos || cls.find("posted") != std::string::npos;
        bool upd = ip == "datemodified" || cls.find("update") != std::string::npos ||
                   cls.find("modif") != std::string::npos;
        if (pub && f.time_published.empty()) f.time_published = v;
        if (!upd && f.time_any.empty()) f.time_any = v;
        break;
      }
      default:
        break;
    }
    std::string_view itemprop = dom.attr(i, "itemprop");
    if (!itemprop.empty() && nd.tag != MyHTML_TAG_META) {
      std::string ip = ascii_lower(itemprop);
      auto value = [&]() -> std::string {
        for (const char* k : {"content", "datetime"}) {
          std::string_view a = dom.attr(i, k);
          if (!a.empty()) return collapse_space(a);
        }
        return dom.text_content(i, 400);
      };
      if (ip == "headline" && f.micro_headline.empty()) {
        f.micro_headline = value();
      } else if (ip == "datepublished" && f.micro_published.empty()) {
        f.micro_published = value();
      } else if (ip == "datemodified" && f.micro_modified.empty()) {
        f.micro_modified = value();
      } else if ((ip == "author" || ip == "creator") &&
                 (f.micro_authors.empty() || owning_item(dom, i) == f.micro_author_item)) {
        // The authors of the first item only: later items are teasers of other
        // articles, each with its own author.
        if (f.micro_authors.empty()) f.micro_author_item = owning_item(dom, i);
        // <span itemprop="author"><span itemprop="name">A</span></span>
        std::string name;
        int32_t end = dom.skip(i);
        for (int32_t c = i + 1; c >= 0 && c < n && c != end; ++c) {
          if (!dom.is_text(c) && ascii_lower(dom.attr(c, "itemprop")) == "name") {
            name = dom.attr(c, "content").empty() ? dom.text_content(c, 200) : collapse_space(dom.attr(c, "content"));
            break;
          }
        }
        if (name.empty()) name = value();
        if (!name.empty() && name.size() < 200) f.micro_authors.push_back(name);
      }
    }
    std::string_view cls = dom.attr(i, "class");
    std::string_view id = dom.attr(i, "id");
    std::string_view rel = dom.attr(i, "rel");
    if (rel == "author" || (!cls.empty() && has_word(cls, {"byline", "author", "autor", "auteur", "verfasser"})) ||
        (!id.empty() && has_word(id, {"byline", "author", "autor", "auteur"}))) {
      if (f.bylines.size() < 6 && !has_word(cls, {"bio", "avatar", "img", "image", "photo", "desc", "about"}) &&
          !in_discussion(dom, i)) {
        std::string t = byline_text(dom, i, 300, false);
        if (!t.empty() && t.size() < 200) f.bylines.push_back(t);
      }
    }
    if (f.date_texts.size() < 12 && nd.tag != MyHTML_TAG_BODY && nd.tag != MyHTML_TAG_HTML &&
        ((!cls.empty() && has_word(cls, {"date", "time", "publish", "posted", "meta", "byline", "datum", "info"})) ||
         (!id.empty() && has_word(id, {"date", "time", "publish", "posted", "datum"})))) {
      // A comment's date is not the article's.
      std::string t = dom.text_content(i, 300);
      if (!t.empty() && t.size() < 200 && !in_discussion(dom, i))
        f.date_texts.push_back(std::move(t));
    }
  }
}

std::string meta_of(const Found& f, std::initializer_list<const char*> keys) {
  for (const char* k : keys) {
    auto it = f.meta.find(k);
    if (it != f.meta.end() && !it->second.empty()) return it->second;
  }
  return {};
}

bool iequals(std::string_view a, std::string_view b) { return ascii_lower(a) == ascii_lower(b); }

// An ISO date from a string, or empty: "2023-06-06", "2023-06-06T10:00:00+02:00".
std::string iso_date(std::string_view s) {
  s = trim(s);
  if (s.empty() || s.size() > 200) return {};
  std::string d = parallax::normalize_date(s);
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (d.size() >= 10 && digit(d[0]) && digit(d[3]) && d[4] == '-' && digit(d[5]) && d[7] == '-' &&
      digit(d[9])) {
    return d;
  }
  // A well-formed day with a garbled time after it ("2022-01-10T22:06:08:684Z"):
  // the day is still the publisher's.
  if (s.size() >= 11 && digit(s[0]) && digit(s[1]) && digit(s[2]) && digit(s[3]) && s[4] == '-' && digit(s[5]) &&
      digit(s[6]) && s[7] == '-' && digit(s[8]) && digit(s[9]) && (s[10] == 'T' || s[10] == ' ')) {
    d = parallax::normalize_date(s.substr(0, 10));
    if (d.size() >= 10) return d.substr(0, 10);
  }
  return {};
}

// "31.10.23": a day, a month and a two-digit year, as German and other European
// bylines abbreviate. Read only where the element is marked as a date: elsewhere
// the pattern is as often a version number.
std::string short_year_date(std::string_view text) {
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  for (size_t i = 0; i < text.size(); ++i) {
    if (!digit(text[i]) || (i > 0 && (digit(text[i - 1]) || text[i - 1] == '.'))) continue;
    size_t k = i;
    int part[3] = {0, 0, 0};
    int len[3] = {0, 0, 0};
    for (int p = 0; p < 3; ++p) {
      while (k < text.size() && digit(text[k]) && len[p] < 3)
        part[p] = part[p] * 10 + (text[k++] - '0'), ++len[p];
      if (p < 2) {
        if (k >= text.size() || text[k] != '.') break;
        ++k;
      }
    }
    bool end_ok =
        k >= text.size() ||
        !(digit(text[k]) || (text[k] == '.' && k + 1 < text.size() && digit(text[k + 1])));
    if (len[0] >= 1 && len[0] <= 2 && len[1] >= 1 && len[1] <= 2 && len[2] == 2 && end_ok &&
        part[0] >= 1 && part[0] <= 31 && part[1] >= 1 && part[1] <= 12) {
      char buf[40];  // room for any int, so the compiler sees no truncation
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d",
                    part[2] < 70 ? 2000 + part[2] : 1900 + part[2], part[1], part[0]);
      return buf;
    }
  }
  return {};
}

// A date anywhere in a short text ("Posted on 6 June 2023 by Jane").
std::string find_date_in_text(std::string_view text) {
  std::string direct = iso_date(text);
  if (!direct.empty()) return direct;
  // Try windows of up to six words.
  std::vector<std::string_view> words = space_words(text);
  if (words.size() > 40) words.resize(40);
  for (size_t a = 0; a < words.size(); ++a) {
    for (size_t len = 1; len <= 5 && a + len <= words.size(); ++len) {
      const char* b = words[a].data();
      const char* e = words[a + len - 1].data() + words[a + len - 1].size();
      std::string_view w(b, static_cast<size_t>(e - b));
      while (!w.empty() && (w.back() == ',' || w.back() == '|' || w.back() == ')')) w.remove_suffix(1);
      while (!w.empty() && (w.front() == '(' || w.front() == '|')) w.remove_prefix(1);
      std::string d = iso_date(w);
      if (!d.empty()) return d.substr(0, 10);
    }
  }
  return {};
}

// /2023/06/06/, /2023-06-06/, /20230606/ in a URL.
std::string date_from_url(std::string_view url) {
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  for (size_t i = 0; i + 10 <= url.size(); ++i) {
    if (url[i] != '/' || !digit(url[i + 1])) continue;
    std::string_view r = url.substr(i + 1);
    int y = 0, m = 0, d = 0;
    auto num = [&](size_t at, size_t n, int& v) {
      if (at + n > r.size()) return false;
      v = 0;
      for (size_t k = 0; k < n; ++k) {
        if (!digit(r[at + k])) return false;
        v = v * 10 + (r[at + k] - '0');
      }
      return true;
    };
    bool ok = false;
    if (num(0, 4, y) && r.size() > 4 && (r[4] == '/' || r[4] == '-') && num(5, 2, m) && r.size() > 7 &&
        r[7] == r[4] && num(8, 2, d) && (r.size() == 10 || !digit(r[10]))) {
      ok = true;
    } else if (num(0, 8, y) && (r.size() == 8 || !digit(r[8]))) {
      d = y % 100;
      m = (y / 100) % 100;
      y /= 10000;
      ok = true;
    }
    if (ok && y >= 1990 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
      return buf;
    }
  }
  return {};
}

bool looks_like_url(std::string_view s) {
  return s.find("://") != std::string_view::npos || s.rfind("www.", 0) == 0 || s.rfind("/", 0) == 0;
}

// "By Jane Doe and John Roe | Reuters" -> {"Jane Doe", "John Roe"}.
bool looks_like_domain(std::string_view s) {
  size_t dot = s.rfind('.');
  if (dot == std::string_view::npos || dot + 2 > s.size() || s.find(' ') != std::string_view::npos) return false;
  for (size_t i = dot + 1; i < s.size(); ++i) {
    if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z'))) return false;
  }
  return true;
}


// News agencies' credits (data/lexicons/bylines.tsv), upper case.
bool is_agency(std::string_view name) {
  static const std::unordered_set<std::string> kAgencies = [] {
    std::unordered_set<std::string> out;
    for (const auto& row : lexicon_rows(embedded_lexicon("bylines.tsv"))) {
      if (row.size() >= 2 && row[0] == "agency") out.insert(ascii_lower(row[1]));
    }
    return out;
  }();
  return kAgencies.count(ascii_lower(trim(name))) > 0;
}

// Academic and professional titles written after a name ("Jane Doe, PhD"): not a name.
constexpr std::string_view kDegrees[] = {"phd", "ph.d.", "ph.d", "md", "m.d.", "ms", "rd", "mba", "mph", "msc",
                                         "bsc", "rn", "dr.", "prof.", "ll.m.", "m.a.", "b.a."};

// What bylines carry besides the names: a date and time after the names ("Jane Doe
// am 21. April 2020", "Jane Doe, 6 June 2023"), @handles, a parenthesised role
// ("Jane Doe (spokeswoman)"), and credits of other roles ("Text von A Illustration
// von B"). Cut before the first word with a digit, drop handles and parentheses,
// and stop at a role word.
std::string strip_name_noise(std::string_view s) {
  static constexpr std::string_view kRoles[] = {"illustration", "illustrationen", "foto", "fotos", "photo",
                                                "photos", "bild", "bilder", "grafik", "video", "kamera",
                                                "mitarbeit", "photography", "images"};
  // Words between the names and a date; the date's month and weekday names are
  // is_month_or_weekday's.
  static constexpr std::string_view kConnectors[] = {"am",        "on",
                                                     "le",        "el",
                                                     "den",       "vom",
                                                     "at",        "um",
                                                     "|",         "-",
                                                     "\u2013",    "\u2014",
                                                     "\u00b7",    "\u2022",
                                                     "updated",   "aktualisiert",
                                                     "published", "veröffentlicht",
                                                     "posted",    "publiziert",
                                                     "stand",     "erstellt"};
  std::vector<std::string_view> words;
  int depth = 0;
  for (std::string_view w : space_words(s)) {
    if (depth > 0 || w.front() == '(') {
      for (char c : w) depth += c == '(' ? 1 : c == ')' ? -1 : 0;
      if (depth < 0) depth = 0;
      continue;
    }
    if (w.front() == '@') continue;
    if (w.find_first_of("0123456789") != std::string_view::npos) break;
    // "Label: value": what came before the colon was a label; after a comma, a
    // label opens the next field ("Author: Jane Doe, Date: 3 March").
    if (w.back() == ':') {
      if (!words.empty() && words.back().back() == ',') break;
      words.clear();
      continue;
    }
    std::string lw = ascii_lower(w);
    while (!lw.empty() && (lw.back() == ':' || lw.back() == ',')) lw.pop_back();
    bool role = false;
    for (auto r : kRoles) role = role || lw == r;
    if (role && !words.empty()) break;
    words.push_back(w);
  }
  while (!words.empty()) {
    std::string lw = ascii_lower(words.back());
    bool conn = is_month_or_weekday(lw);
    for (auto c : kConnectors) conn = conn || lw == c;
    if (!conn) break;
    words.pop_back();
  }
  std::string out;
  for (auto w : words) {
    if (!out.empty()) out.push_back(' ');
    out.append(w);
  }
  return out;
}

// "Jane Doe Staff Writer", "Jane Doe The Daily Planet Staff": the role words and the
// site's name after a name are not part of it.
std::string strip_trailing_role(std::string p, std::string_view site) {
  static constexpr std::string_view kRoleTails[] = {" staff writer", " staff reporter", " staff", " correspondent",
                                                    " reporter", " contributor", " editor", " redakteur",
                                                    " redakteurin", " korrespondent", " korrespondentin"};
  for (bool changed = true; changed;) {
    changed = false;
    std::string lp = ascii_lower(p);
    for (auto r : kRoleTails) {
      if (lp.size() > r.size() + 2 && lp.compare(lp.size() - r.size(), r.size(), r) == 0 &&
          word_count(lp.substr(0, lp.size() - r.size())) >= 2) {
        p = std::string(trim(std::string_view(p).substr(0, p.size() - r.size())));
        changed = true;
        break;
      }
    }
    lp = ascii_lower(p);
    std::string ls = ascii_lower(site);
    if (!changed && !ls.empty() && lp.size() > ls.size() + 2 &&
        lp.compare(lp.size() - ls.size(), ls.size(), ls) == 0 && lp[lp.size() - ls.size() - 1] == ' ' &&
        word_count(lp.substr(0, lp.size() - ls.size())) >= 2) {
      p = std::string(trim(std::string_view(p).substr(0, p.size() - ls.size())));
      changed = true;
    }
  }
  return p;
}

// The length of a dash set off by spaces at the start of `s` (" - ", " \u2013 "),
// or 0.
size_t spaced_dash(std::string_view s) {
  if (s.size() < 3 || s[0] != ' ') return 0;
  for (std::string_view d : {"-", "\u2013", "\u2014"}) {
    if (s.substr(1).starts_with(d) && s.size() > d.size() + 1 && s[d.size() + 1] == ' ')
      return d.size() + 2;
  }
  return 0;
}

// Words that describe people rather than name them: a word in lower case other than
// the particles of names ("van", "de", "bin").
bool describes(std::string_view s) {
  static constexpr std::string_view kParticles[] = {
      "von", "van", "der", "den", "de",  "la",  "le",  "du",  "da", "di", "del", "della", "dos",
      "das", "do",  "y",   "zu",  "ter", "ten", "bin", "ibn", "al", "el", "af",  "vom",   "zur"};
  for (std::string_view w : space_words(s)) {
    if (w[0] < 'a' || w[0] > 'z') continue;
    bool particle = false;
    for (auto p : kParticles) particle = particle || w == p;
    if (!particle) return true;
  }
  return false;
}

// A capitalised phrase with a word in lower case inside names an institution or a
// document, not a person: "Landesanstalt für Wald", "Fachinformation Chininum
// salicylicum".
bool names_no_person(std::string_view n) {
  return !n.empty() && n[0] >= 'A' && n[0] <= 'Z' && n.find(' ') != std::string_view::npos &&
         describes(n);
}

// "By Jane Doe and John Roe | Reuters" -> {"Jane Doe", "John Roe"}.
std::vector<std::string> clean_authors(const std::vector<std::string>& raw, std::string_view site) {
  static constexpr std::string_view kPrefixes[] = {
      "by:", "by ", "von:", "von ", "par ", "por ", "di ", "door ", "av ", "de ", "autor:", "autorin:",
      "autor ", "autorin ", "author:", "author(s):", "authors:", "written by ", "posted by ", "published by ",
      "veröffentlicht von ", "eingestellt von ", "erstellt von ", "geschrieben von ", "verfasst von ",
      "text: ", "text von ", "text ", "interview: ", "publié par ", "publicado por ", "escrito por ",
      "written by: ", "vom ", "redaktion: ", "verfasst von: ", "auteur : ", "auteur(s) : ", "auteur: ",
      "autor/in: ", "bericht: ", "reporter: ", "author ", "auteur ", "verfasser: ", "verfasser ", "von: "};
  static constexpr std::string_view kSuffixes[] = {" says:", " says", " sagt:", " dice:", " schreibt:", " -", " —",
                                                   " –", " |", ":", ","};
  static constexpr std::string_view kNotNames[] = {
      "name", "name *", "email", "e-mail", "website", "posted on", "published by", "by", "von", "por", "par",
      "author", "autor", "anonymous", "admin", "no author", "staff", "text", "interview", "foto", "photo",
      "name (required)", "name (erforderlich)", "posted", "published", "veröffentlicht", "updated", "publiziert", "stand"};
  std::vector<std::string> out;
  std::unordered_set<std::string> seen;
  for (const std::string& r : raw) {
    std::string s(trim_leading_separators(collapse_space(r)));
    if (s.empty() || looks_like_url(s)) continue;
    std::string low = ascii_lower(s);
    for (bool changed = true; changed;) {
      changed = false;
      auto strip = [&](std::string_view p) {
        if (low.size() > p.size() && low.compare(0, p.size(), p) == 0) {
          s = std::string(trim(std::string_view(s).substr(p.size())));
          low = ascii_lower(s);
          changed = true;
        }
      };
      for (std::string_view p : kPrefixes) strip(p);
      for (std::string_view p : kBylineOpenings) strip(p);  // and the labels in other scripts
    }
    // A user name alone keeps its digits, which elsewhere start a date.
    if (is_user_name(s) && !looks_like_domain(s)) {
      if (seen.insert(ascii_lower(s)).second) out.push_back(s);
      continue;
    }
    s = strip_name_noise(s);
    // Split on separators between names.
    std::vector<std::string> parts;
    std::string curp;
    auto push = [&]() {
      std::string t(trim(curp));
      curp.clear();
      if (!t.empty()) parts.push_back(t);
    };
    for (size_t i = 0; i < s.size(); ++i) {
      char c = s[i];
      if (c == ',' || c == ';' || c == '|' || c == '/' || c == '&' || c == '\n') {
        push();
        continue;
      }
      std::string_view rest = std::string_view(s).substr(i);
      // "Jane Doe - Safe Browsing team": what follows a spaced dash is another name
      // or a description of the people named; a description is not kept.
      if (size_t dl = spaced_dash(rest); dl > 0 && !trim(curp).empty()) {
        push();
        std::string_view after = rest.substr(dl);
        size_t stop = after.find_first_of(",;|/&");
        if (describes(after.substr(0, stop))) {
          // "Brand - a magazine for ...": one word before a slogan is a brand.
          if (parts.size() == 1 && parts[0].find(' ') == std::string::npos) parts.clear();
          break;
        }
        i += dl - 1;
        continue;
      }
      bool sep = false;
      for (std::string_view w : {" and ", " und ", " et ", " y ", " e ", " en "}) {
        if (rest.size() > w.size() && ascii_lower(rest.substr(0, w.size())) == w) {
          push();
          i += w.size() - 1;
          sep = true;
          break;
        }
      }
      if (!sep) curp.push_back(c);
    }
    push();
    for (std::string& p : parts) {
      for (bool changed = true; changed;) {
        changed = false;
        for (std::string_view x : kSuffixes) {
          if (p.size() > x.size() && ascii_lower(std::string_view(p).substr(p.size() - x.size())) == x) {
            p = std::string(trim(std::string_view(p).substr(0, p.size() - x.size())));
            changed = true;
          }
        }
      }
      p = strip_trailing_role(p, site);
      std::string lp = ascii_lower(p);
      bool junk = false;
      for (std::string_view nn : kNotNames) junk = junk || lp == nn;
      for (std::string_view d : kDegrees) junk = junk || lp == d;
      if (junk || p.empty()) continue;
      // E-mail addresses, handles, domains and URLs are not names.
      // Nor is a label with its value ("Updated: June").
      if (p.find('@') != std::string::npos || p.find(':') != std::string::npos ||
          looks_like_url(p) || looks_like_domain(p) ||
          ascii_lower(p).find("www.") != std::string::npos) {
        continue;
      }
      size_t letters = 0, digits = 0, words = 1;
      for (char c : p) {
        if (c >= '0' && c <= '9') ++digits;
        else if (c == ' ') ++words;
        else if (static_cast<unsigned char>(c) >= 0x80 || (c | 0x20) >= 'a') ++letters;
      }
      if (digits > 0 || letters < 2 || words > 5 || utf8_length(p) > 60) continue;
      // Initials ("JD") sign a text but do not name its author.
      bool initials = words == 1 && p.size() <= 3 && !is_agency(p);
      for (char c : p) initials = initials && c >= 'A' && c <= 'Z';
      if (initials) continue;
      std::string key = ascii_lower(p);
      if (seen.insert(key).second) out.push_back(p);
    }
  }
  // "By A and B | The Site Staff": the site's name beside people's names is the
  // publisher's signature, not a further author.
  if (out.size() > 1 && !site.empty()) {
    std::erase_if(out, [&](const std::string& n) { return iequals(n, site); });
  }
  return out;
}

// A line that names the author: "By Jane Doe", "Von Greta Hansen". Lines that name
// only the site ("By The Daily Planet" over teasers) come last.
std::vector<std::string> byline_from_text(const std::vector<std::string>& lines,
                                          std::string_view site) {
  std::vector<std::string> site_only;
  for (const std::string& l : lines) {
    std::string t(trim_leading_separators(skip_date_words(collapse_space(l))));
    std::string low = ascii_lower(t);
    for (std::string_view p : kBylineOpenings) {
      if (low.size() > p.size() + 3 && low.size() < 60 && low.compare(0, p.size(), p) == 0) {
        auto names = clean_authors({t}, "");
        bool capitalised = !names.empty();
        for (const auto& n : names) {
          unsigned char c = static_cast<unsigned char>(n[0]);
          capitalised = capitalised && ((c >= 'A' && c <= 'Z') || c >= 0xC0 || is_user_name(n));
        }
        if (capitalised && names.size() == 1 && !site.empty() && iequals(names[0], site)) {
          if (site_only.empty()) site_only = std::move(names);
          break;
        }
        if (capitalised) return names;
      }
    }
  }
  return site_only;
}

// A person's name as a signature writes it: two to four words, capitalised or
// particles of names ("von", "de"), with initials ("Jane P. Doe"); no digits, no
// punctuation, no legal form.
bool person_like(std::string_view n) {
  if (n.empty() || n.size() > 40 ||
      n.find_first_of("0123456789@:/,;!?()\"") != std::string_view::npos)
    return false;
  std::vector<std::string_view> words = space_words(n);
  if (words.size() < 2 || words.size() > 4) return false;
  for (size_t k = 0; k < words.size(); ++k) {
    std::string_view w = words[k];
    auto c = static_cast<unsigned char>(w[0]);
    bool cap = (c >= 'A' && c <= 'Z') || c >= 0xC0;
    if ((!cap && (k == 0 || k + 1 == words.size() || describes(w))) ||
        (w.find('.') != std::string_view::npos && w.size() > 3))
      return false;
  }
  return !is_organisation(n);
}

// Bytes of text in the subtree of `n`, counted up to `cap`.
size_t text_bytes(const Dom& dom, int32_t n, size_t cap) {
  size_t len = 0;
  int32_t end = dom.skip(n);
  for (int32_t i = n + 1;
       i >= 0 && i != end && i < static_cast<int32_t>(dom.nodes.size()) && len < cap; ++i) {
    if (dom.is_text(i)) len += trim(dom.text(i)).size();
  }
  return len;
}

// Whether every piece of text in element `n` is set in italics.
bool all_italic(const Dom& dom, int32_t n) {
  bool any = false;
  int32_t end = dom.skip(n);
  for (int32_t i = n + 1; i >= 0 && i != end && i < static_cast<int32_t>(dom.nodes.size()); ++i) {
    if (!dom.is_text(i) || trim(dom.text(i)).empty()) continue;
    bool italic = false;
    for (int32_t p = dom.nodes[i].parent; p > n && !italic; p = dom.nodes[p].parent) {
      italic = dom.nodes[p].tag == MyHTML_TAG_EM || dom.nodes[p].tag == MyHTML_TAG_I;
    }
    if (!italic) return false;
    any = true;
  }
  return any;
}

// Text bytes of a paragraph of prose, as opposed to a line.
constexpr size_t kProseBytes = 300;

// The name a paragraph `p` signs the text with, or empty: the whole paragraph is "—
// Jane Doe", "(Jane Doe)" or, in italics, "Jane Doe"; or it ends with "(Jane Doe)"
// after a sentence. `after_prose`: the paragraph follows a long one.
std::string signature_in(const Dom& dom, int32_t p, size_t len, bool after_prose) {
  if (len <= 60 && after_prose) {
    std::string t = dom.text_content(p, 80);
    std::string_view v = t;
    bool marked = false;
    for (std::string_view d : {"\u2014", "\u2013", "-"}) {
      if (v.starts_with(d)) {
        v = trim(v.substr(d.size()));
        marked = true;
        break;
      }
    }
    if (!marked && v.size() > 2 && v.front() == '(' && v.back() == ')') {
      v = trim(v.substr(1, v.size() - 2));
      marked = true;
    }
    if (person_like(v) && (marked || all_italic(dom, p))) return std::string(v);
  }
  if (!after_prose && len < kProseBytes) return {};
  // The last piece of text: "... sentence. (Jane Doe)", maybe with closing marks.
  int32_t end = dom.skip(p);
  if (end < 0) end = static_cast<int32_t>(dom.nodes.size());
  for (int32_t i = end - 1; i > p; --i) {
    if (!dom.is_text(i) || trim(dom.text(i)).empty()) continue;
    std::string_view t = trim(dom.text(i));
    while (!t.empty() && (t.back() == '+' || t.back() == '*' || t.back() == '#' || t.back() == ' '))
      t.remove_suffix(1);
    size_t open = t.rfind('(');
    if (t.empty() || t.back() != ')' || open == std::string_view::npos) return {};
    std::string_view before = trim(t.substr(0, open));
    if (!before.empty() &&
        std::string_view(".!?\"").find(before.back()) == std::string_view::npos &&
        !before.ends_with("\u201c") && !before.ends_with("\u00ab")) {
      return {};
    }
    std::string name = collapse_space(t.substr(open + 1, t.size() - open - 2));
    return person_like(name) ? name : std::string();
  }
  return {};
}

// A signature closing the article: a short paragraph after a long one, or the end
// of a long one, that only names a person ("— Jane Doe", "(Jane Doe)"), with no long
// paragraph after it. The first on the page.
std::vector<std::string> signature_author(const Dom& dom) {
  const auto n = static_cast<int32_t>(dom.nodes.size());
  for (int32_t parent = std::max(dom.body, 0); parent < n; ++parent) {
    if (dom.is_text(parent)) continue;
    size_t prev_len = 0;  // text in the previous paragraph, or in a bare text before
    for (int32_t c = dom.nodes[parent].first_child; c >= 0; c = dom.nodes[c].next) {
      if (dom.is_text(c)) {
        if (size_t t = trim(dom.text(c)).size(); t > 0) prev_len = t;
        continue;
      }
      if (dom.nodes[c].tag == MyHTML_TAG_BR) continue;
      if (dom.nodes[c].tag != MyHTML_TAG_P) {
        prev_len = 0;
        continue;
      }
      size_t len = text_bytes(dom, c, kProseBytes);
      if (len == 0) continue;  // an empty paragraph, as a stray </p> leaves
      std::string name = signature_in(dom, c, len, prev_len >= kProseBytes);
      prev_len = len;
      if (name.empty() || in_discussion(dom, c)) continue;
      bool last = true;
      for (int32_t s = dom.nodes[c].next; s >= 0 && last; s = dom.nodes[s].next) {
        last = dom.nodes[s].tag != MyHTML_TAG_P || text_bytes(dom, s, kProseBytes) < kProseBytes;
      }
      if (last) return {name};
    }
  }
  return {};
}

std::string host_of(std::string_view url) {
  size_t p = url.find("://");
  if (p == std::string_view::npos) return {};
  std::string_view rest = url.substr(p + 3);
  size_t e = rest.find_first_of("/?#:");
  std::string host = ascii_lower(rest.substr(0, e));
  if (host.rfind("www.", 0) == 0) host = host.substr(4);
  return host;
}

// Resolves `ref` against `base` (scheme-relative, absolute-path and relative refs).
std::string resolve(std::string_view base, std::string_view ref) {
  ref = trim(ref);
  if (ref.empty() || base.empty() || ref.find("://") != std::string_view::npos ||
      ref.rfind("data:", 0) == 0) {
    return std::string(ref);
  }
  size_t p = base.find("://");
  if (p == std::string_view::npos) return std::string(ref);
  if (ref.rfind("//", 0) == 0) return std::string(base.substr(0, p + 1)) + std::string(ref);
  size_t host_end = base.find('/', p + 3);
  std::string_view origin = host_end == std::string_view::npos ? base : base.substr(0, host_end);
  if (ref.front() == '/') return std::string(origin) + std::string(ref);
  std::string_view path = host_end == std::string_view::npos ? "/" : base.substr(host_end);
  path = path.substr(0, path.find_first_of("?#"));
  path = path.substr(0, path.rfind('/') + 1);
  return std::string(origin) + std::string(path) + std::string(ref);
}

// Whether two titles share a word of four letters or more (case-insensitive for
// ASCII); short words are mostly articles and prepositions.
bool shares_word(std::string_view a, std::string_view b) {
  auto words = [](std::string_view s) {
    std::unordered_set<std::string> out;
    std::string cur;
    auto flush = [&]() {
      if (utf8_length(cur) >= 4) out.insert(cur);
      cur.clear();
    };
    for (char ch : s) {
      auto c = static_cast<unsigned char>(ch);
      if (c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) {
        cur.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c | 0x20 : c));
      } else {
        flush();
      }
    }
    flush();
    return out;
  };
  auto wa = words(a), wb = words(b);
  // German compounds: "Chorgeschichte" shares "geschichte".
  auto contains = [](const std::string& big, const std::string& small) {
    return small.size() >= 5 && big.find(small) != std::string::npos;
  };
  for (const auto& x : wa) {
    for (const auto& y : wb) {
      if (x == y || contains(x, y) || contains(y, x)) return true;
    }
  }
  return false;
}


// Whether a part of a title holds the name the host is registered under: "Daily
// Planet News" on daily-planet.com. Short labels ("ft", "bz") match too many words,
// and callers take the part for the site's only when it is the shorter side: a
// headline may name the site it appears on.
bool names_host(std::string_view part, std::string_view host) {
  size_t dot = host.rfind('.');
  if (dot == std::string_view::npos) return false;
  std::string_view label = host.substr(0, dot);
  if (size_t d = label.rfind('.'); d != std::string_view::npos) label = label.substr(d + 1);
  std::string want, have;
  for (char c : label) {
    if (c != '-') want.push_back(c);
  }
  if (want.size() < 6) return false;
  for (char c : ascii_lower(part)) {
    if (c != ' ' && c != '-' && c != '.') have.push_back(c);
  }
  return have.find(want) != std::string::npos;
}

// Chinese and Japanese titles join the headline and the site's name without spaces
// ("标题-新华网", "站名|标题"). Only between two non-ASCII characters (a hyphen in
// "2019-2020" is not a separator), and the site's side must be short.
bool cjk_char_before(std::string_view t, size_t at) { return at > 0 && static_cast<unsigned char>(t[at - 1]) >= 0x80; }
std::string strip_unspaced_site(std::string t, std::string_view site) {
  bool cjk = false;
  for (size_t i = 0; i + 2 < t.size() && !cjk; ++i) {
    auto c = static_cast<unsigned char>(t[i]);
    cjk = c >= 0xE3 && c <= 0xE9;
  }
  if (!cjk) return t;
  for (std::string_view sep : {"|", "\uff5c", "-", "_", "\uff0d", "\u2014"}) {
    size_t p = t.rfind(sep);
    if (p != std::string::npos && p > 0 && p + sep.size() < t.size() && cjk_char_before(t, p) &&
        static_cast<unsigned char>(t[p + sep.size()]) >= 0x80) {
      std::string_view head = trim(std::string_view(t).substr(0, p));
      std::string_view tail = trim(std::string_view(t).substr(p + sep.size()));
      size_t nt = utf8_length(tail);
      if (nt >= 2 && nt <= 12 && nt * 2 < utf8_length(head)) return std::string(head);
    }
    size_t q = t.find(sep);
    if (q != std::string::npos && q > 0 && !site.empty()) {
      std::string_view lead = trim(std::string_view(t).substr(0, q));
      std::string_view rest = trim(std::string_view(t).substr(q + sep.size()));
      if (iequals(lead, site) && !rest.empty()) return std::string(rest);
    }
  }
  return t;
}

// Separators sites put between a headline and their name in <title>.
constexpr std::string_view kTitleSeparators[] = {
    " | ", " - ", " – ", " — ", " :: ", " · ", " » ", " // ", " • "};

// Strips " - Site Name" or "Site Name | " from a title when the part matches the
// site (its name or host) or is much shorter than the rest.
std::string strip_site(std::string t, std::string_view site, std::string_view host) {
  for (auto sep : kTitleSeparators) {
    size_t p = t.rfind(sep);
    if (p != std::string::npos && p > 0) {
      std::string tail(trim(std::string_view(t).substr(p + sep.size())));
      std::string head(trim(std::string_view(t).substr(0, p)));
      std::string lt = ascii_lower(tail);
      std::string compact;
      for (char c : lt) {
        if (c != ' ' && c != '.' && c != '-') compact.push_back(c);
      }
      std::string host_compact;
      for (char c : host) {
        if (c != '.' && c != '-') host_compact.push_back(c);
      }
      bool is_site = (!site.empty() && (iequals(tail, site) || ascii_lower(site).find(lt) != std::string::npos ||
                                        lt.find(ascii_lower(site)) != std::string::npos)) ||
                     (!host.empty() && (host.find(lt) != std::string::npos ||
                                        (compact.size() >= 3 && host_compact.find(compact) != std::string::npos))) ||
                     (names_host(tail, host) && utf8_length(tail) < utf8_length(head));
      if (is_site && !head.empty()) return strip_site(head, site, host);
    }
    size_t q = t.find(sep);
    if (q != std::string::npos && q > 0) {
      std::string lead(trim(std::string_view(t).substr(0, q)));
      std::string rest(trim(std::string_view(t).substr(q + sep.size())));
      std::string ll = ascii_lower(lead);
      bool is_site = (!site.empty() && iequals(lead, site)) ||
                     (!host.empty() && !ll.empty() && host.find(ll) != std::string::npos) ||
                     (names_host(lead, host) && utf8_length(lead) < utf8_length(rest));
      if (is_site && !rest.empty()) return strip_site(rest, site, host);
    }
  }
  return strip_unspaced_site(std::move(t), site);
}

// A title folded for comparison: ASCII case, typographic quotes and dashes as their
// plain forms, no-break spaces as spaces. A <h1> and the meta title of one page often
// differ only in these ("l’action" and "l'action").
std::string typographic_fold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
      auto d = static_cast<unsigned char>(s[i + 2]);
      if (d >= 0x98 && d <= 0x9B) {  // single quotation marks
        out.push_back('\'');
        i += 2;
        continue;
      }
      if (d >= 0x9C && d <= 0x9F) {  // double quotation marks
        out.push_back('"');
        i += 2;
        continue;
      }
      if (d >= 0x90 && d <= 0x95) {  // hyphens and dashes
        out.push_back('-');
        i += 2;
        continue;
      }
    }
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      out.push_back(' ');
      ++i;
      continue;
    }
    out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c | 0x20 : c));
  }
  return collapse_space(out);
}

// Whether `part`, found inside `whole`, stands there as a unit: what precedes or
// follows it is set off by a separator ("Kicker: Headline", "Headline | Site").
// When a <h1> holds the meta title without such a separator ("Prices rise in the
// north" for "Prices rise"), the meta title is the headline cut short.
bool set_off_in(const std::string& whole, const std::string& part) {
  std::string w = typographic_fold(whole), p = typographic_fold(part);
  size_t at = w.find(p);
  if (at == std::string::npos) return false;
  std::string_view before = trim(std::string_view(w).substr(0, at));
  std::string_view after = trim(std::string_view(w).substr(at + p.size()));
  auto separated_end = [](std::string_view t) {
    for (std::string_view s : {":", "-", "|", "\u00bb", "\u00ab", "/", "\u00b7", "\u2022", ".", "!", "?", ")", "]",
                               "\"", "'"}) {
      if (t.ends_with(s)) return true;
    }
    return false;
  };
  auto separated_start = [](std::string_view t) {
    for (std::string_view s : {":", "-", "|", "\u00bb", "\u00ab", "/", "\u00b7", "\u2022", "(", "[", ",", ";", "\"",
                               "'", ".", "!", "?"}) {
      if (t.starts_with(s)) return true;
    }
    return false;
  };
  return (before.empty() || separated_end(before) || p.starts_with(':')) &&
         (after.empty() || separated_start(after) || separated_end(p));
}

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
int64_t days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

struct Stamp {
  int64_t day = 0;        // days since the epoch of the date as written
  int minute = -1;        // minutes into that day; -1 when no time was given
  int offset = 0;         // zone offset in minutes
  bool zoned = false;     // a zone was given
  bool utc = false;       // the zone is UTC
};

// Reads what iso_date returns: "YYYY-MM-DD" with an optional "THH:MM:SS" and zone.
bool read_stamp(std::string_view s, Stamp& st) {
  auto num = [&](size_t at, size_t n, int& v) {
    if (at + n > s.size()) return false;
    v = 0;
    for (size_t k = 0; k < n; ++k) {
      char c = s[at + k];
      if (c < '0' || c > '9') return false;
      v = v * 10 + (c - '0');
    }
    return true;
  };
  int y, m, d;
  if (!num(0, 4, y) || !num(5, 2, m) || !num(8, 2, d)) return false;
  st.day = days_from_civil(y, m, d);
  int h, mi;
  if (s.size() < 16 || s[10] != 'T' || !num(11, 2, h) || !num(14, 2, mi)) return true;
  st.minute = h * 60 + mi;
  size_t z = 16;
  if (z < s.size() && s[z] == ':') z += 3;
  std::string_view zone = z < s.size() ? s.substr(z) : std::string_view{};
  if (zone == "Z") {
    st.zoned = st.utc = true;
  } else if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-')) {
    int zh, zm;
    if (num(z + 1, 2, zh) && num(z + 4, 2, zm)) {
      st.zoned = true;
      st.offset = (zone[0] == '-' ? -1 : 1) * (zh * 60 + zm);
      st.utc = st.offset == 0;
    }
  }
  return true;
}

// A publication time the page gives in UTC ("2023-06-06T01:30:00Z", as CMSs write it
// for search engines) may fall on the next or previous day of the date the page
// shows its readers. The date as the page states it wins: a date shown on the page
// (a <time> or a date-marked element) that is the day before or after, when the UTC
// time is close enough to midnight for a usual zone to cross it; or a time with its
// zone for the same instant.
std::string local_date_for_utc(const std::string& chosen, const Found& f) {
  Stamp u;
  if (!read_stamp(chosen, u) || !u.utc || u.minute < 0) return chosen;
  std::vector<std::string> shown;
  for (const std::string& c : {f.time_published, f.time_any}) {
    std::string d = iso_date(c);
    if (!d.empty()) shown.push_back(std::move(d));
  }
  for (const auto& t : f.date_texts) {
    std::string d = find_date_in_text(t);
    if (!d.empty()) shown.push_back(std::move(d));
    if (shown.size() >= 4) break;
  }
  for (const std::string& d : shown) {
    Stamp l;
    if (!read_stamp(d, l)) continue;
    if (l.day == u.day) return chosen;  // the page shows the UTC date itself
    if (l.zoned && l.minute >= 0) {
      int64_t lu = l.day * 1440 + l.minute - l.offset;
      int64_t uu = u.day * 1440 + u.minute;
      if (!l.utc && lu - uu <= 60 && uu - lu <= 60) return d;
      continue;
    }
    // Zones from UTC-10 to UTC+10 cover nearly all news sites.
    if ((l.day == u.day - 1 && u.minute < 10 * 60) || (l.day == u.day + 1 && u.minute >= 14 * 60)) return d;
  }
  return chosen;
}

}  // namespace

// True when a byline or date line labels its date as a revision ("Updated",
// "Aktualisiert", "mis à jour", "actualizado", "aggiornato", "last modified").
static bool says_updated(std::string_view t) {
  std::string lower;
  lower.reserve(t.size());
  for (char c : t) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static constexpr std::string_view kLabels[] = {"updated",     "update:",    "aktualisiert", "geändert",
                                                 "mis à jour",  "actualizado", "actualisé",   "aggiornato",
                                                 "last modified", "bijgewerkt", "modified"};
  for (std::string_view l : kLabels)
    if (lower.find(l) != std::string::npos) return true;
  return false;
}

void extract_metadata(const Dom& dom, const HtmlOptions& options, Extraction& out) {
  Found f;
  collect(dom, f);
  Article& a = out.article;

  std::string og_url = meta_of(f, {"og:url"});
  out.canonical_url = !f.canonical.empty() ? resolve(options.url, f.canonical) : og_url;
  a.url = !options.url.empty() ? options.url : !out.canonical_url.empty() ? out.canonical_url : f.ld_url;
  std::string base = a.url;
  std::string host = host_of(!a.url.empty() ? a.url : out.canonical_url);

  a.outlet = meta_of(f, {"og:site_name", "application-name", "twitter:app:name:iphone"});
  if (a.outlet.empty()) a.outlet = !f.ld_publisher.empty() ? f.ld_publisher : f.ld_site;

  // Title. A <h1> that is the meta title without the site's decoration is the best
  // form; a <h1> that adds a kicker to it, or that is the site's logo, is not.
  std::string meta_title = f.ld_headline;
  if (meta_title.empty()) {
    meta_title = meta_of(f, {"og:title", "twitter:title", "dc.title", "citation_title", "title",
                             "sailthru.title", "parsely-title"});
  }
  if (meta_title.empty()) meta_title = f.micro_headline;
  meta_title = strip_site(collapse_space(meta_title), a.outlet, host);
  std::string page_title = strip_site(collapse_space(f.title), a.outlet, host);
  auto usable = [&](const std::string& h) {
    size_t n = utf8_length(h);
    return n >= 4 && n <= 300 && !(a.outlet.size() && iequals(h, a.outlet)) &&
           !(host.size() && ascii_lower(h).find(host) != std::string::npos);
  };
  auto inside = [](const std::string& big, const std::string& small) {
    return !small.empty() && typographic_fold(big).find(typographic_fold(small)) != std::string::npos;
  };
  std::string title;
  const std::string& reference = !meta_title.empty() ? meta_title : page_title;
  for (const auto& h : f.h1s) {
    if (usable(h) && inside(reference, h) && utf8_length(h) * 3 >= utf8_length(reference)) {
      title = h;
      break;
    }
  }
  // A <h1> that holds the meta title and more, not set off as a kicker or a site's
  // name: the meta title is the headline cut short ("Prices rise" for "Prices rise in
  // the north").
  for (const auto& h : f.h1s) {
    if (!title.empty() || reference.empty()) break;
    if (!usable(h) || utf8_length(h) > 2 * utf8_length(reference) || set_off_in(h, reference)) continue;
    // Words before the meta title are a kicker more often; a word's start
    // ("Chorgeschichte" for "Geschichte") is not.
    std::string fh = typographic_fold(h);
    size_t at = fh.find(typographic_fold(reference));
    if (at != std::string::npos && (at == 0 || fh[at - 1] != ' ')) title = h;
  }
  // The only <h1> when the meta title says something else: a section name or a
  // slogan shares no word with the headline, a reworded headline does.
  if (title.empty() && f.h1s.size() == 1 && usable(f.h1s[0]) &&
      !(reference.size() && inside(f.h1s[0], reference)) &&
      (reference.empty() || shares_word(f.h1s[0], reference) || shares_word(f.h1s[0], page_title) ||
       word_count(f.h1s[0]) * 2 >= word_count(reference))) {
    title = f.h1s[0];
  }
  if (title.empty() && !reference.empty()) {
    title = reference;
    // "Headline | Site" in <title> when the site is not known by name.
    if (meta_title.empty()) {
      size_t bar = title.rfind(" | ");
      if (bar != std::string::npos && bar > 0 && utf8_length(title.substr(bar + 3)) * 2 < utf8_length(title.substr(0, bar))) {
        title = title.substr(0, bar);
      }
    }
  }
  if (title.empty() && f.h1s.size() == 1 && usable(f.h1s[0])) title = f.h1s[0];
  if (title.empty() && !f.h1s.empty()) title = f.h1s[0];
  a.title = std::string(trim_leading_separators(title));

  // Authors.
  // Each source in turn until one gives a name: a source may hold only the site's
  // domain or a placeholder.
  meta_label_authors(f);
  std::vector<std::string> meta_raw;
  for (const auto& m : f.meta_authors) {
    if (!looks_like_url(m)) meta_raw.push_back(m);
  }
  // The site's own name as the author is what the page says when nothing names a
  // person; a later source that names one wins over it.
  std::vector<std::string> site_only, handles_only;
  auto take = [&](std::vector<std::string> names) {
    if (!a.authors.empty() || names.empty()) return;
    // The site's name, a one-word brand that names the host ("Interscenario" on
    // interscenar.io), organisations by their legal form ("Example GmbH"), or a
    // list with an institution's name in it.
    if ((names.size() == 1 &&
         ((!a.outlet.empty() && iequals(names[0], a.outlet)) ||
          (names[0].find(' ') == std::string::npos && names_host(names[0], host)))) ||
        std::all_of(names.begin(), names.end(),
                    [](const std::string& n) { return is_organisation(n); }) ||
        std::any_of(names.begin(), names.end(),
                    [](const std::string& n) { return names_no_person(n); })) {
      if (site_only.empty()) site_only = std::move(names);
      return;
    }
    // Beside people's names, the brand is the publisher's signature.
    if (names.size() > 1) {
      std::erase_if(names, [&](const std::string& n) {
        return n.find(' ') == std::string::npos && names_host(n, host);
      });
    }
    // A login name ("jane_doe") is what a CMS fills in when the writer gave no
    // name; a byline that gives one wins over it.
    if (std::all_of(names.begin(), names.end(),
                    [](const std::string& n) { return is_login_name(n); })) {
      if (handles_only.empty()) handles_only = std::move(names);
      return;
    }
    a.authors = std::move(names);
  };
  // An organisation as the author likewise.
  if (f.ld_authors_org) {
    site_only = clean_authors(f.ld_authors, a.outlet);
  } else {
    take(clean_authors(f.ld_authors, a.outlet));
  }
  if (a.authors.empty()) take(clean_authors(meta_raw, a.outlet));
  if (a.authors.empty()) take(clean_authors(f.label_authors, a.outlet));
  if (a.authors.empty()) take(clean_authors(f.micro_authors, a.outlet));
  for (const auto& b : f.bylines) {
    if (a.authors.empty()) take(clean_authors({b}, a.outlet));
  }
  if (a.authors.empty()) take(byline_from_text(f.lines, a.outlet));
  if (a.authors.empty()) take(byline_from_text(f.genre_lines, a.outlet));
  if (a.authors.empty()) take(signature_author(dom));
  if (a.authors.empty()) a.authors = std::move(handles_only);
  if (a.authors.empty()) a.authors = std::move(site_only);
  // Structured data sometimes names only the first of several authors; a meta tag
  // or byline that names the same people and more completes the list.
  if (!a.authors.empty() && a.authors.size() < 6) {
    // The same people and more, or a first name completed ("Nils" by "Nils Berg").
    auto covers = [&](const std::vector<std::string>& more) {
      // A longer list is a list of roles and affiliations more often than of people.
      if (more.size() < a.authors.size() || more.size() > a.authors.size() + 2) return false;
      bool longer = more.size() > a.authors.size();
      for (const auto& n : a.authors) {
        bool in = false;
        for (const auto& m : more) {
          if (iequals(n, m)) {
            in = true;
          } else if (word_count(n) == 1 && m.size() > n.size() + 1 && m[n.size()] == ' ' &&
                     iequals(std::string_view(m).substr(0, n.size()), n)) {
            in = longer = true;
          }
        }
        if (!in) return false;
      }
      return longer;
    };
    std::vector<std::string> more;
    for (const auto& m : meta_raw) {
      more = clean_authors({m}, a.outlet);
      if (covers(more)) a.authors = std::move(more);
    }
    for (size_t k = 0; k < f.bylines.size() && k < 2; ++k) {
      more = clean_authors({f.bylines[k]}, a.outlet);
      if (covers(more)) a.authors = std::move(more);
    }
    more = byline_from_text(f.genre_lines, a.outlet);
    if (covers(more)) a.authors = std::move(more);
  }
  if (a.authors.size() > 6) a.authors.resize(6);

  // Dates.
  for (const std::string& c : {f.ld_published,
                               meta_of(f, {"article:published_time",
                                           "og:article:published_time",
                                           "datepublished",
                                           "parsely-pub-date",
                                           "sailthru.date",
                                           "publish-date",
                                           "pubdate",
                                           "publishdate",
                                           "dc.date.issued",
                                           "dcterms.created",
                                           "dc.date.created",
                                           "citation_publication_date",
                                           "citation_date",
                                           "article.published",
                                           "published_time",
                                           "og:published_time",
                                           "date_published",
                                           "originalpublicationdate",
                                           "article_date_original",
                                           "release_date"}),
                               f.micro_published}) {
    std::string d = iso_date(c);
    if (!d.empty()) {
      a.published = d;
      break;
    }
  }
  // The date in the article's own URL outranks dates in the markup without a
  // publisher's label: a <time> may belong to a teaser of another post.
  if (a.published.empty()) a.published = date_from_url(a.url);
  if (a.published.empty() && !out.canonical_url.empty()) a.published = date_from_url(out.canonical_url);
  // A bare "date" or "dcterms.date" does not say which date it is (CMSs fill in the
  // record's creation or last change); a date the page shows in its date line does.
  if (a.published.empty()) {
    std::string generic = iso_date(meta_of(f, {"date", "dc.date", "dcterms.date"}));
    if (!generic.empty()) {
      std::string shown = iso_date(f.time_published);
      if (shown.empty()) shown = iso_date(f.time_any);
      for (size_t k = 0; shown.empty() && k < f.date_texts.size() && k < 3; ++k) {
        shown = find_date_in_text(f.date_texts[k]);
      }
      a.published = !shown.empty() ? shown : generic;
    }
  }
  for (const std::string& c : {f.time_published, f.time_any}) {
    if (!a.published.empty()) break;
    a.published = iso_date(c);
  }
  for (const auto& t : f.date_texts) {
    if (!a.published.empty()) break;
    a.published = find_date_in_text(t);
    if (a.published.empty()) a.published = short_year_date(t);
  }
  // A full date in a short line of the page ("Erstellt am 01.11.2023"): one labelled
  // as the publication date first, as a footer may give the last change before it;
  // else the first one, which is the post's own more often than not.
  for (std::string_view t : f.short_texts) {
    if (!a.published.empty()) break;
    std::string line = ascii_lower(collapse_space(t));
    bool labelled = false;
    for (std::string_view w : {"erschienen", "veröffentlicht", "published", "publié", "publicado", "pubblicato",
                               "gepubliceerd"}) {
      labelled = labelled || line.starts_with(w);
    }
    if (labelled) a.published = find_date_in_text(collapse_space(t));
  }
  for (std::string_view t : f.short_texts) {
    if (!a.published.empty()) break;
    a.published = find_date_in_text(collapse_space(t));
  }
  a.published = local_date_for_utc(a.published, f);
  for (const std::string& c : {f.ld_modified, meta_of(f, {"article:modified_time", "og:updated_time", "datemodified",
                                                          "dcterms.modified", "last-modified", "dc.date.modified"}),
                               f.micro_modified}) {
    std::string d = iso_date(c);
    if (!d.empty()) {
      a.modified = d;
      break;
    }
  }

  // The date printed in the byline beside the author's name is the one the page
  // shows its readers for this article; metadata may carry the date the page was
  // first set up or imported.
  if (!a.authors.empty() && utf8_length(a.authors[0]) >= 5) {
    std::string shown;
    bool update = false;
    for (const auto* texts : {&f.bylines, &f.date_texts}) {
      for (const std::string& t : *texts) {
        if (!shown.empty()) break;
        if (t.find(a.authors[0]) == std::string::npos) continue;
        shown = find_date_in_text(t);
        update = !shown.empty() && says_updated(t);
      }
    }
    // Only a later day (an earlier one is more often a teaser's date or the author's
    // profile). A date the byline calls an update ("Updated 4 June") is when the text
    // was revised: the modified time, never the publication.
    if (!shown.empty() && (a.published.empty() || shown.substr(0, 10) > a.published.substr(0, 10))) {
      if (!update) {
        a.published = shown;
      } else if (a.modified.empty() || shown.substr(0, 10) > a.modified.substr(0, 10)) {
        a.modified = shown;
      }
    }
  }
  std::string lang = f.lang;
  if (lang.empty()) lang = meta_of(f, {"og:locale", "content-language", "language", "dc.language"});
  if (lang.empty()) lang = f.ld_language;
  if (!lang.empty()) a.language = parallax::normalize_language(lang);

  a.description = meta_of(f, {"og:description", "description", "twitter:description", "dc.description"});
  if (a.description.empty()) a.description = f.ld_description;
  std::string image = meta_of(f, {"og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src"});
  if (image.empty()) image = f.ld_image;
  a.image = resolve(base, image);
}

}  // namespace parallax::extract::internal
