// Metadata of a page. Sources in the order they are trusted: JSON-LD (what the
// publisher tells search engines), OpenGraph and other <meta> tags, microdata,
// <time>, bylines and headings in the markup, and last the URL and <title>.
#include <myhtml/api.h>

#include <nlohmann/json.hpp>
#include <unordered_map>
#include <unordered_set>

#include "extract/html_internal.h"
#include "ingest/ingest_internal.h"

namespace parallax::extract::internal {

namespace {

using nlohmann::json;

struct Found {
  // From JSON-LD.
  std::string ld_headline, ld_published, ld_modified, ld_publisher, ld_image, ld_description,
      ld_language, ld_url, ld_site;
  std::vector<std::string> ld_authors;
  bool ld_article = false;
  // From the markup.
  std::unordered_map<std::string, std::string> meta;  // lower-case name/property -> content
  std::vector<std::string> meta_authors;              // every author-like meta, in order
  std::string title, h1, canonical, lang;
  std::vector<std::string> h1s;
  std::string time_published, time_any;
  std::string micro_headline, micro_published, micro_modified;
  std::vector<std::string> micro_authors;
  std::vector<std::string> bylines;
  std::vector<std::string> date_texts;   // texts of elements marked as dates
  std::vector<std::string_view> short_texts;  // short text nodes with digits, in order
  std::vector<std::string> lines;             // short lines starting like a byline
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
                              "BackgroundNewsArticle", "ReviewNewsArticle", "TechArticle",
                              "ScholarlyArticle", "Report", "SocialMediaPosting", "Blog"});
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
    if (auto a = v.find("author"); a != v.end()) ld_authors(*a, ids, f.ld_authors);
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

// Inside a comment thread or a form: names there are commenters or field labels.
bool in_discussion(const Dom& dom, int32_t n) {
  for (int depth = 0; n > 0 && depth < 40; ++depth, n = dom.nodes[n].parent) {
    uint32_t t = dom.nodes[n].tag;
    if (t == MyHTML_TAG_FORM || t == MyHTML_TAG_LABEL || t == MyHTML_TAG_FOOTER || t == MyHTML_TAG_BLOCKQUOTE) {
      return true;
    }
    std::string_view cls = dom.attr(n, "class"), id = dom.attr(n, "id");
    if ((!cls.empty() && has_word(cls, {"comment", "respond", "reply", "discuss"})) ||
        (!id.empty() && has_word(id, {"comment", "respond", "reply", "discuss"}))) {
      return true;
    }
  }
  return false;
}

void collect(const Dom& dom, Found& f) {
  const int32_t n = static_cast<int32_t>(dom.nodes.size());
  bool in_body_h1_seen = false;
  for (int32_t i = 1; i < n; ++i) {
    const DomNode& nd = dom.nodes[i];
    if (nd.tag == kTextTag) {
      if (nd.size <= 80 && f.lines.size() < 50 && dom.body >= 0 && i > dom.body) {
        std::string_view t = trim(dom.text(i));
        if (t.size() >= 2 && (t[0] == 'B' || t[0] == 'b' || t[0] == 'V' || t[0] == 'T' || t[0] == 'A') &&
            !in_discussion(dom, i)) {
          // "By <a>Jane Doe</a>": the line is the parent's text.
          f.lines.push_back(t.size() < 12 ? dom.text_content(nd.parent, 120) : std::string(t));
        }
      }
      if (nd.size <= 120 && f.short_texts.size() < 400 && dom.body >= 0 && i > dom.body) {
        std::string_view t = dom.text(i);
        uint32_t ptag = dom.nodes[nd.parent].tag;
        if (ptag != MyHTML_TAG_SCRIPT && ptag != MyHTML_TAG_STYLE && ptag != MyHTML_TAG_A &&
            t.find_first_of("0123456789") != std::string_view::npos) {
          f.short_texts.push_back(t);
        }
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
          if (lk == "author" || lk == "article:author" || lk == "dc.creator" || lk == "dcterms.creator" ||
              lk == "parsely-author" || lk == "sailthru.author" || lk == "citation_author" ||
              lk == "byl" || lk == "og:article:author") {
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
        if (f.h1s.size() < 6) {
          std::string t = dom.text_content(i, 2000);
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
      } else if (ip == "author" || ip == "creator") {
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
    if (rel == "author" || (!cls.empty() && has_word(cls, {"byline", "author"})) ||
        (!id.empty() && has_word(id, {"byline", "author"}))) {
      if (f.bylines.size() < 4 && !has_word(cls, {"bio", "avatar", "img", "image", "photo", "desc", "about"}) &&
          !in_discussion(dom, i)) {
        std::string t = dom.text_content(i, 300);
        if (!t.empty() && t.size() < 200) f.bylines.push_back(t);
      }
    }
    if (f.date_texts.size() < 12 && nd.tag != MyHTML_TAG_BODY && nd.tag != MyHTML_TAG_HTML &&
        ((!cls.empty() && has_word(cls, {"date", "time", "publish", "posted", "meta", "byline", "datum", "info"})) ||
         (!id.empty() && has_word(id, {"date", "time", "publish", "posted", "datum"})))) {
      std::string t = dom.text_content(i, 300);
      if (!t.empty() && t.size() < 200) f.date_texts.push_back(std::move(t));
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
  std::string d = ingest::internal::normalize_date(s);
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (d.size() >= 10 && digit(d[0]) && digit(d[3]) && d[4] == '-' && digit(d[5]) && d[7] == '-' &&
      digit(d[9])) {
    return d;
  }
  return {};
}

// A date anywhere in a short text ("Posted on 6 June 2023 by Jane").
std::string find_date_in_text(std::string_view text) {
  std::string direct = iso_date(text);
  if (!direct.empty()) return direct;
  // Try windows of up to six words.
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < text.size() && words.size() < 40) {
    while (i < text.size() && text[i] == ' ') ++i;
    size_t b = i;
    while (i < text.size() && text[i] != ' ') ++i;
    if (i > b) words.push_back(text.substr(b, i - b));
  }
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

// "By Jane Doe and John Roe | Reuters" -> {"Jane Doe", "John Roe"}.
std::vector<std::string> clean_authors(const std::vector<std::string>& raw, std::string_view site) {
  static constexpr std::string_view kPrefixes[] = {
      "by:", "by ", "von:", "von ", "par ", "por ", "di ", "door ", "av ", "de ", "autor:", "autorin:",
      "autor ", "autorin ", "author:", "author(s):", "authors:", "written by ", "posted by ", "published by ",
      "veröffentlicht von ", "eingestellt von ", "erstellt von ", "geschrieben von ", "verfasst von ",
      "text: ", "text von ", "text ", "interview: ", "publié par ", "publicado por ", "escrito por "};
  static constexpr std::string_view kSuffixes[] = {" says:", " says", " sagt:", " dice:", " schreibt:", " -", " —",
                                                   " –", " |", ":", ","};
  static constexpr std::string_view kNotNames[] = {
      "name", "name *", "email", "e-mail", "website", "posted on", "published by", "by", "von", "por", "par",
      "author", "autor", "anonymous", "admin", "no author", "staff", "text", "interview", "foto", "photo",
      "name (required)", "name (erforderlich)", "posted", "published", "veröffentlicht", "updated"};
  std::vector<std::string> out;
  std::unordered_set<std::string> seen;
  for (const std::string& r : raw) {
    std::string s = collapse_space(r);
    if (s.empty() || looks_like_url(s)) continue;
    std::string low = ascii_lower(s);
    for (bool changed = true; changed;) {
      changed = false;
      for (std::string_view p : kPrefixes) {
        if (low.size() > p.size() && low.compare(0, p.size(), p) == 0) {
          s = std::string(trim(std::string_view(s).substr(p.size())));
          low = ascii_lower(s);
          changed = true;
        }
      }
    }
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
      std::string lp = ascii_lower(p);
      bool junk = false;
      for (std::string_view nn : kNotNames) junk = junk || lp == nn;
      if (junk || p.empty()) continue;
      // E-mail addresses, handles, domains and URLs are not names.
      if (p.find('@') != std::string::npos || looks_like_url(p) || looks_like_domain(p)) continue;
      size_t letters = 0, digits = 0, words = 1;
      for (char c : p) {
        if (c >= '0' && c <= '9') ++digits;
        else if (c == ' ') ++words;
        else if (static_cast<unsigned char>(c) >= 0x80 || (c | 0x20) >= 'a') ++letters;
      }
      if (digits > 0 || letters < 2 || words > 5 || utf8_length(p) > 60) continue;
      if (!site.empty() && iequals(p, site)) continue;
      std::string key = ascii_lower(p);
      if (seen.insert(key).second) out.push_back(p);
    }
  }
  return out;
}

// A line that names the author: "By Jane Doe", "Von Greta Hansen".
std::vector<std::string> byline_from_text(const std::vector<std::string>& lines) {
  for (const std::string& l : lines) {
    std::string t = collapse_space(l);
    std::string low = ascii_lower(t);
    for (std::string_view p : {"by ", "von ", "text: ", "text von ", "autor: ", "autorin: "}) {
      if (low.size() > p.size() + 3 && low.size() < 60 && low.compare(0, p.size(), p) == 0) {
        auto names = clean_authors({t}, "");
        bool capitalised = !names.empty();
        for (const auto& n : names) {
          unsigned char c = static_cast<unsigned char>(n[0]);
          capitalised = capitalised && ((c >= 'A' && c <= 'Z') || c >= 0xC0);
        }
        if (capitalised) return names;
      }
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

// Separators sites put between a headline and their name in <title>.
constexpr std::string_view kTitleSeparators[] = {" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " // ", " • "};

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
                                        (compact.size() >= 3 && host_compact.find(compact) != std::string::npos)));
      if (is_site && !head.empty()) return strip_site(head, site, host);
    }
    size_t q = t.find(sep);
    if (q != std::string::npos && q > 0) {
      std::string lead(trim(std::string_view(t).substr(0, q)));
      std::string rest(trim(std::string_view(t).substr(q + sep.size())));
      std::string ll = ascii_lower(lead);
      bool is_site = (!site.empty() && iequals(lead, site)) || (!host.empty() && !ll.empty() && host.find(ll) != std::string::npos);
      if (is_site && !rest.empty()) return strip_site(rest, site, host);
    }
  }
  return t;
}

}  // namespace

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
    return !small.empty() && ascii_lower(big).find(ascii_lower(small)) != std::string::npos;
  };
  std::string title;
  const std::string& reference = !meta_title.empty() ? meta_title : page_title;
  for (const auto& h : f.h1s) {
    if (usable(h) && inside(reference, h) && utf8_length(h) * 3 >= utf8_length(reference)) {
      title = h;
      break;
    }
  }
  if (title.empty() && f.h1s.size() == 1 && usable(f.h1s[0]) &&
      !(reference.size() && inside(f.h1s[0], reference))) {
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
  a.title = title;

  // Authors.
  std::vector<std::string> raw = f.ld_authors;
  if (raw.empty()) {
    for (const auto& m : f.meta_authors) {
      if (!looks_like_url(m)) raw.push_back(m);
    }
  }
  if (raw.empty()) raw = f.micro_authors;
  a.authors = clean_authors(raw, a.outlet);
  for (const auto& b : f.bylines) {
    if (!a.authors.empty()) break;
    a.authors = clean_authors({b}, a.outlet);
  }
  if (a.authors.empty()) a.authors = byline_from_text(f.lines);
  if (a.authors.size() > 6) a.authors.resize(6);

  // Dates.
  for (const std::string& c :
       {f.ld_published, meta_of(f, {"article:published_time", "og:article:published_time", "datepublished",
                                    "parsely-pub-date", "sailthru.date", "publish-date", "pubdate", "publishdate",
                                    "date", "dc.date", "dc.date.issued", "dcterms.created", "dcterms.date",
                                    "dc.date.created", "citation_publication_date", "citation_date",
                                    "article.published", "published_time", "og:published_time", "date_published",
                                    "originalpublicationdate", "article_date_original", "release_date"}),
        f.micro_published, f.time_published, f.time_any}) {
    std::string d = iso_date(c);
    if (!d.empty()) {
      a.published = d;
      break;
    }
  }
  if (a.published.empty()) a.published = date_from_url(a.url);
  if (a.published.empty() && !out.canonical_url.empty()) a.published = date_from_url(out.canonical_url);
  for (const auto& t : f.date_texts) {
    if (!a.published.empty()) break;
    a.published = find_date_in_text(t);
  }
  // A full date in a short line of the page ("Erstellt am 01.11.2023"): the first one
  // is the post's own more often than not.
  for (std::string_view t : f.short_texts) {
    if (!a.published.empty()) break;
    a.published = find_date_in_text(collapse_space(t));
  }
  for (const std::string& c : {f.ld_modified, meta_of(f, {"article:modified_time", "og:updated_time", "datemodified",
                                                          "dcterms.modified", "last-modified", "dc.date.modified"}),
                               f.micro_modified}) {
    std::string d = iso_date(c);
    if (!d.empty()) {
      a.modified = d;
      break;
    }
  }

  std::string lang = f.lang;
  if (lang.empty()) lang = meta_of(f, {"og:locale", "content-language", "language", "dc.language"});
  if (lang.empty()) lang = f.ld_language;
  if (!lang.empty()) a.language = ingest::internal::normalize_language(lang);

  a.description = meta_of(f, {"og:description", "description", "twitter:description", "dc.description"});
  if (a.description.empty()) a.description = f.ld_description;
  std::string image = meta_of(f, {"og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src"});
  if (image.empty()) image = f.ld_image;
  a.image = resolve(base, image);
}

}  // namespace parallax::extract::internal
