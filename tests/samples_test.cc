// End-to-end checks of the sample corpus (samples/) through the library and the CLI.
//
// The truth lives in samples/README.md, in tables written before the articles were: the
// outlets (first header cell "code") and the facts (first header cell "fact"), each
// fact with a keyword that occurs, as a whole word, in the sentences of exactly the
// outlets that report it. These tests first check that the corpus agrees with those
// tables, then that the library finds what the tables say.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "parallax/analyze.h"
#include "parallax/compare.h"
#include "parallax/core.h"
#include "parallax/extract.h"
#include "parallax/ingest.h"
#include "test_util.h"

namespace parallax {
namespace {

namespace fs = std::filesystem;
using ::parallax::testing::analyzer;
using ::parallax::testing::cli_path;
using ::parallax::testing::read_file;
using ::parallax::testing::run_command;
using ::parallax::testing::source_dir;

std::string samples_dir() { return source_dir() + "/samples"; }

// ---------------------------------------------------------------------------
// The truth tables of samples/README.md
// ---------------------------------------------------------------------------

using Row = std::vector<std::string>;

std::string trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return std::string(s);
}

std::string strip_backticks(std::string s) {
  if (s.size() >= 2 && s.front() == '`' && s.back() == '`') return s.substr(1, s.size() - 2);
  return s;
}

Row split_row(std::string_view line) {
  Row cells;
  line = std::string_view(line).substr(1);  // leading '|'
  size_t start = 0;
  for (size_t i = 0; i <= line.size(); ++i) {
    if (i == line.size() || line[i] == '|') {
      if (i < line.size() || start < i) cells.push_back(trim(line.substr(start, i - start)));
      start = i + 1;
    }
  }
  if (!cells.empty() && cells.back().empty() && !line.empty() && line.back() == '|')
    cells.pop_back();
  return cells;
}

struct Table {
  Row header;
  std::vector<Row> rows;
};

// Every Markdown table whose first header cell is `first`, in document order.
std::vector<Table> tables(const std::string& md, std::string_view first) {
  std::vector<Table> out;
  Table* cur = nullptr;
  bool in_table = false;
  size_t pos = 0;
  while (pos <= md.size()) {
    size_t nl = md.find('\n', pos);
    if (nl == std::string::npos) nl = md.size();
    std::string line = trim(std::string_view(md).substr(pos, nl - pos));
    pos = nl + 1;
    if (line.empty() || line[0] != '|') {
      in_table = false;
      cur = nullptr;
      continue;
    }
    Row cells = split_row(line);
    if (!in_table) {
      in_table = true;
      if (!cells.empty() && cells[0] == first) {
        out.push_back(Table{cells, {}});
        cur = &out.back();
      }
      continue;
    }
    if (!cur) continue;
    if (!cells.empty() && cells[0].find_first_not_of("-: ") == std::string::npos) continue;
    cells.resize(cur->header.size());
    cur->rows.push_back(cells);
  }
  return out;
}

struct Outlet {
  std::string code, file, outlet, published, title;
};

struct FactTruth {
  std::string name, keyword;
  std::set<std::string> codes;  // outlets that report it
};

struct EventTruth {
  std::vector<Outlet> outlets;
  std::vector<FactTruth> facts;
};

int column(const Row& header, std::string_view name) {
  for (size_t i = 0; i < header.size(); ++i)
    if (header[i] == name) return static_cast<int>(i);
  return -1;
}

// Event 0 is the harbour fire, event 1 the recount (the order of README.md).
const EventTruth& truth(size_t event) {
  static const std::vector<EventTruth> all = [] {
    std::string md = read_file(samples_dir() + "/README.md");
    std::vector<Table> outlet_tables = tables(md, "code");
    std::vector<Table> fact_tables = tables(md, "fact");
    std::vector<EventTruth> events;
    for (size_t e = 0; e < outlet_tables.size() && e < fact_tables.size(); ++e) {
      EventTruth t;
      const Table& ot = outlet_tables[e];
      int c_file = column(ot.header, "file"), c_outlet = column(ot.header, "outlet"),
          c_pub = column(ot.header, "published"), c_title = column(ot.header, "title");
      for (const Row& r : ot.rows) {
        if (c_file < 0 || c_outlet < 0 || c_pub < 0 || c_title < 0) break;
        t.outlets.push_back({r[0], strip_backticks(r[c_file]), r[c_outlet], r[c_pub], r[c_title]});
      }
      const Table& ft = fact_tables[e];
      for (const Row& r : ft.rows) {
        FactTruth f;
        f.name = r[0];
        f.keyword = strip_backticks(r[1]);
        for (size_t i = 2; i < ft.header.size(); ++i)
          if (r[i] == "x") f.codes.insert(ft.header[i]);
        t.facts.push_back(std::move(f));
      }
      events.push_back(std::move(t));
    }
    return events;
  }();
  static const EventTruth empty;
  return event < all.size() ? all[event] : empty;
}

// ---------------------------------------------------------------------------
// The corpus through the library
// ---------------------------------------------------------------------------

bool is_word_char(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

// `keyword` as a whole word (or phrase), ASCII case-insensitive.
bool has_keyword(std::string_view text, std::string_view keyword) {
  if (keyword.empty() || text.size() < keyword.size()) return false;
  for (size_t i = 0; i + keyword.size() <= text.size(); ++i) {
    bool eq = true;
    for (size_t k = 0; k < keyword.size() && eq; ++k)
      eq = std::tolower(static_cast<unsigned char>(text[i + k])) ==
           std::tolower(static_cast<unsigned char>(keyword[k]));
    if (!eq) continue;
    bool left = i == 0 || !is_word_char(static_cast<unsigned char>(text[i - 1]));
    size_t end = i + keyword.size();
    bool right = end == text.size() || !is_word_char(static_cast<unsigned char>(text[end]));
    if (left && right) return true;
  }
  return false;
}

struct Corpus {
  std::vector<Article> articles;
  std::vector<Analysis> analyses;
  Comparison comparison;
  std::vector<Status> errors;
  std::map<std::string, uint32_t> index;  // outlet code -> article index

  std::string_view sentence(uint32_t article, uint32_t s) const {
    return analyses[article].sentences[s].span.of(articles[article].text);
  }
  // Whether some member of `f` is a sentence holding `keyword`.
  // Whether `f` is the fact the keyword stands for: more than half of its articles'
  // member sentences hold the keyword (a sentence may state two facts, so one
  // member with the keyword does not make a fact about it).
  bool fact_has(const Fact& f, std::string_view keyword) const {
    return 2 * keyword_articles(f, keyword).size() > f.articles.size();
  }
  // The articles whose member sentences in `f` hold `keyword`.
  std::set<uint32_t> keyword_articles(const Fact& f, std::string_view keyword) const {
    std::set<uint32_t> out;
    for (const FactMember& m : f.members)
      if (has_keyword(sentence(m.article, m.sentence), keyword)) out.insert(m.article);
    return out;
  }
};

Corpus load(const std::vector<std::string>& paths, bool clean = true) {
  Corpus c;
  ingest::Batch batch = ingest::read_paths(paths);
  c.articles = std::move(batch.articles);
  c.errors = std::move(batch.errors);
  if (clean)
    for (Article& a : c.articles) extract::clean(a);
  for (const Article& a : c.articles) c.analyses.push_back(analyzer().analyze(a));
  if (c.articles.size() >= 2)
    c.comparison = compare::compare(c.articles, c.analyses, analyzer().lexical());
  return c;
}

std::vector<std::string> event_paths(const std::string& folder, const EventTruth& t) {
  std::vector<std::string> paths;
  for (const Outlet& o : t.outlets) paths.push_back(samples_dir() + "/" + folder + "/" + o.file);
  return paths;
}

Corpus load_event(size_t event, const std::string& folder) {
  const EventTruth& t = truth(event);
  Corpus c = load(event_paths(folder, t));
  for (size_t i = 0; i < t.outlets.size() && i < c.articles.size(); ++i)
    c.index[t.outlets[i].code] = i;
  return c;
}

const Corpus& harbour() {
  static const Corpus c = load_event(0, "harbour-fire");
  return c;
}

std::string codes_of(const std::set<uint32_t>& articles, const EventTruth& t) {
  std::string s;
  for (uint32_t a : articles)
    s += (s.empty() ? "" : ",") + (a < t.outlets.size() ? t.outlets[a].code : "?");
  return "{" + s + "}";
}

// The fact whose keyword-bearing members cover most of `expected`.
const Fact* best_fact(const Corpus& c, const FactTruth& f, const std::set<uint32_t>& expected,
                      std::set<uint32_t>* covered) {
  const Fact* best = nullptr;
  size_t best_n = 0;
  for (const Fact& fact : c.comparison.facts) {
    std::set<uint32_t> k = c.keyword_articles(fact, f.keyword);
    size_t n = 0;
    for (uint32_t a : k) n += expected.count(a);
    if (n > best_n) {
      best_n = n;
      best = &fact;
      *covered = k;
    }
  }
  return best;
}

std::set<uint32_t> expected_articles(const Corpus& c, const FactTruth& f) {
  std::set<uint32_t> out;
  for (const std::string& code : f.codes) out.insert(c.index.at(code));
  return out;
}

size_t count_words(std::string_view text) {
  size_t n = 0;
  bool in = false;
  for (char ch : text) {
    bool space = ch == ' ' || ch == '\n' || ch == '\t';
    if (!space && !in) ++n;
    in = !space;
  }
  return n;
}

// Seconds since the epoch of "YYYY-MM-DDTHH:MM:SS" with "Z" or "+HH:MM"/"-HH:MM".
long long epoch_seconds(const std::string& iso) {
  std::tm tm{};
  if (iso.size() < 19) return 0;
  tm.tm_year = std::stoi(iso.substr(0, 4)) - 1900;
  tm.tm_mon = std::stoi(iso.substr(5, 2)) - 1;
  tm.tm_mday = std::stoi(iso.substr(8, 2));
  tm.tm_hour = std::stoi(iso.substr(11, 2));
  tm.tm_min = std::stoi(iso.substr(14, 2));
  tm.tm_sec = std::stoi(iso.substr(17, 2));
  long long t = static_cast<long long>(timegm(&tm));
  if (iso.size() >= 25 && (iso[19] == '+' || iso[19] == '-')) {
    long long off = std::stoi(iso.substr(20, 2)) * 3600 + std::stoi(iso.substr(23, 2)) * 60;
    t += iso[19] == '+' ? -off : off;
  }
  return t;
}

// ---------------------------------------------------------------------------
// The corpus agrees with its truth tables
// ---------------------------------------------------------------------------

TEST(SamplesCorpus, TruthTablesAreComplete) {
  const EventTruth& fire = truth(0);
  const EventTruth& recount = truth(1);
  ASSERT_EQ(fire.outlets.size(), 6u);
  ASSERT_EQ(recount.outlets.size(), 3u);
  EXPECT_GE(fire.facts.size(), 12u);
  EXPECT_GE(recount.facts.size(), 5u);
  for (const EventTruth* t : {&fire, &recount}) {
    for (const FactTruth& f : t->facts) {
      EXPECT_FALSE(f.keyword.empty()) << f.name;
      EXPECT_FALSE(f.codes.empty()) << f.name;
    }
  }
}

TEST(SamplesCorpus, FrontMatterGivesOutletTitleAndDate) {
  for (size_t e = 0; e < 2; ++e) {
    const EventTruth& t = truth(e);
    Corpus c = load(event_paths(e == 0 ? "harbour-fire" : "harrowmere-recount", t), false);
    EXPECT_TRUE(c.errors.empty()) << (c.errors.empty() ? "" : c.errors[0].message());
    ASSERT_EQ(c.articles.size(), t.outlets.size());
    for (size_t i = 0; i < t.outlets.size(); ++i) {
      const Article& a = c.articles[i];
      const Outlet& o = t.outlets[i];
      EXPECT_EQ(a.outlet, o.outlet) << o.file;
      EXPECT_EQ(a.title, o.title) << o.file;
      EXPECT_EQ(a.language, "en") << o.file;
      EXPECT_FALSE(a.authors.empty()) << o.file;
      EXPECT_EQ(a.url.rfind("https://example-outlet.test/", 0), 0u) << o.file;
      // Normalisation may change the zone, but the instant must stay the same.
      EXPECT_EQ(epoch_seconds(a.published), epoch_seconds(o.published))
          << o.file << ": " << a.published << " vs " << o.published;
      // The title is front matter, not the first paragraph of the body.
      ASSERT_FALSE(a.paragraphs.empty()) << o.file;
      EXPECT_NE(a.paragraphs[0].span.of(a.text), a.title) << o.file;
    }
  }
}

TEST(SamplesCorpus, ArticleLengths) {
  for (size_t e = 0; e < 2; ++e) {
    const EventTruth& t = truth(e);
    Corpus c = load(event_paths(e == 0 ? "harbour-fire" : "harrowmere-recount", t));
    for (size_t i = 0; i < c.articles.size(); ++i) {
      size_t words = count_words(c.articles[i].text);
      EXPECT_GE(words, e == 0 ? 350u : 250u) << t.outlets[i].file;
      EXPECT_LE(words, e == 0 ? 800u : 500u) << t.outlets[i].file;
    }
  }
}

// Each keyword occurs in exactly the articles the table marks; this keeps README.md and
// the prose in step, and makes the keyword checks below mean what they say.
TEST(SamplesCorpus, KeywordsOccurInExactlyTheMarkedOutlets) {
  for (size_t e = 0; e < 2; ++e) {
    const EventTruth& t = truth(e);
    Corpus c = load(event_paths(e == 0 ? "harbour-fire" : "harrowmere-recount", t));
    ASSERT_EQ(c.articles.size(), t.outlets.size());
    for (const FactTruth& f : t.facts) {
      for (size_t i = 0; i < t.outlets.size(); ++i) {
        bool found = has_keyword(c.articles[i].text, f.keyword);
        EXPECT_EQ(found, f.codes.count(t.outlets[i].code) == 1)
            << f.name << ": keyword \"" << f.keyword << "\" in " << t.outlets[i].file;
      }
    }
  }
}

// ---------------------------------------------------------------------------
// Cleaning
// ---------------------------------------------------------------------------

TEST(SamplesHarbourFire, PlantedResidueIsRemovedAndNothingElse) {
  const EventTruth& t = truth(0);
  Corpus raw = load(event_paths("harbour-fire", t), false);
  ASSERT_EQ(raw.articles.size(), 6u);
  // The three pieces README.md ("Page residue") says were planted in the tabloid.
  const std::vector<std::pair<std::string, std::string>> planted = {
      {"News", "section label"},
      {"Klaxon Readers Rally to Raise Thousands for Stricken Dock Families", "teaser headline"},
      {"Share this article", "share prompt"}};
  for (size_t i = 0; i < raw.articles.size(); ++i) {
    Article a = raw.articles[i];
    std::vector<std::string> before;
    for (const Paragraph& p : a.paragraphs) before.emplace_back(p.span.of(a.text));
    size_t removed = extract::clean(a);
    std::vector<std::string> after;
    for (const Paragraph& p : a.paragraphs) after.emplace_back(p.span.of(a.text));
    EXPECT_EQ(a.title, t.outlets[i].title) << t.outlets[i].file;
    if (t.outlets[i].code != "T") {
      EXPECT_EQ(removed, 0u) << t.outlets[i].file;
      EXPECT_EQ(after, before) << t.outlets[i].file;
      for (const Residue& r : a.residue)
        ADD_FAILURE() << t.outlets[i].file << ": removed \"" << r.text << "\" (" << r.reason << ")";
      continue;
    }
    EXPECT_EQ(removed, planted.size());
    ASSERT_EQ(a.residue.size(), planted.size());
    for (size_t k = 0; k < planted.size(); ++k) {
      EXPECT_EQ(a.residue[k].text, planted[k].first);
      EXPECT_EQ(a.residue[k].reason, planted[k].second) << a.residue[k].text;
    }
    EXPECT_EQ(a.residue.front().paragraph, 0u);
    EXPECT_EQ(a.residue.back().paragraph, a.paragraphs.size());
    EXPECT_GT(a.residue[1].paragraph, 0u);
    EXPECT_LT(a.residue[1].paragraph, a.paragraphs.size());
    // No sentence of reporting lost or altered: the body is the old body minus the residue.
    std::vector<std::string> expected;
    for (const std::string& p : before) {
      bool is_residue = false;
      for (const auto& [text, reason] : planted) is_residue |= p == text;
      if (!is_residue) expected.push_back(p);
    }
    EXPECT_EQ(after, expected);
  }
}

// ---------------------------------------------------------------------------
// Comparison against the truth
// ---------------------------------------------------------------------------

TEST(SamplesHarbourFire, ComparesAllSix) {
  const Corpus& c = harbour();
  ASSERT_EQ(c.articles.size(), 6u);
  EXPECT_TRUE(c.errors.empty());
  EXPECT_EQ(c.comparison.articles.size(), 6u);
  EXPECT_FALSE(c.comparison.facts.empty());
}

TEST(SamplesHarbourFire, FactReportedByAllIsSharedByAll) {
  const Corpus& c = harbour();
  ASSERT_EQ(c.articles.size(), 6u);
  size_t checked = 0;
  for (const FactTruth& f : truth(0).facts) {
    if (f.codes.size() != c.articles.size()) continue;
    ++checked;
    std::set<uint32_t> expected = expected_articles(c, f), covered;
    const Fact* best = best_fact(c, f, expected, &covered);
    ASSERT_NE(best, nullptr) << f.name;
    EXPECT_EQ(covered, expected) << f.name << ": the best fact holds \"" << f.keyword << "\" in "
                                 << codes_of(covered, truth(0));
    EXPECT_EQ(best->articles.size(), c.articles.size()) << f.name;
  }
  EXPECT_GE(checked, 1u);
}

TEST(SamplesHarbourFire, NearCopySharesNearlyAllFacts) {
  const Corpus& c = harbour();
  ASSERT_EQ(c.articles.size(), 6u);
  uint32_t w = c.index.at("W"), r = c.index.at("R");
  // Of the facts `a` reports, the share that `b` reports too.
  auto shared_share = [&](uint32_t a, uint32_t b) {
    size_t with_a = 0, with_both = 0;
    for (const Fact& f : c.comparison.facts) {
      bool has_a = std::count(f.articles.begin(), f.articles.end(), a) > 0;
      bool has_b = std::count(f.articles.begin(), f.articles.end(), b) > 0;
      with_a += has_a;
      with_both += has_a && has_b;
    }
    return with_a ? static_cast<double>(with_both) / with_a : 0.0;
  };
  double w_in_r = shared_share(w, r);
  EXPECT_GE(w_in_r, 0.9) << "share of the wire's facts found in its near-copy";
  EXPECT_GE(shared_share(r, w), 0.8) << "share of the near-copy's facts found in the wire";
  // The copy is closer to the wire than any other outlet is.
  for (const auto& [code, idx] : c.index) {
    if (idx == w || idx == r) continue;
    EXPECT_LT(shared_share(w, idx), w_in_r) << code;
  }
  // The wire has nothing of its own: the copy repeats all of it.
  EXPECT_TRUE(c.comparison.articles[w].only_here.empty())
      << c.comparison.articles[w].only_here.size() << " facts only in the wire, e.g. \""
      << c.comparison.facts[c.comparison.articles[w].only_here[0]].summary << "\"";
}

TEST(SamplesHarbourFire, UniqueFactsAreOnlyHere) {
  const Corpus& c = harbour();
  ASSERT_EQ(c.articles.size(), 6u);
  size_t checked = 0;
  for (const FactTruth& f : truth(0).facts) {
    if (f.codes.size() != 1) continue;
    ++checked;
    uint32_t a = c.index.at(*f.codes.begin());
    bool found = false;
    for (uint32_t fi : c.comparison.articles[a].only_here)
      found |= c.fact_has(c.comparison.facts[fi], f.keyword);
    EXPECT_TRUE(found) << f.name << ": no fact only in " << *f.codes.begin() << " holds \""
                       << f.keyword << "\"";
  }
  EXPECT_GE(checked, 8u);
}

// Omissions follow the truth table: an outlet is never said to omit a fact it
// reports, and every fact two or more outlets report is missed by the others.
TEST(SamplesHarbourFire, OmissionsMatchTruth) {
  const Corpus& c = harbour();
  ASSERT_EQ(c.articles.size(), 6u);
  const EventTruth& t = truth(0);
  for (const FactTruth& f : t.facts) {
    for (const Outlet& o : t.outlets) {
      uint32_t a = c.index.at(o.code);
      bool reports = f.codes.count(o.code) > 0;
      bool omitted = false;
      for (uint32_t fi : c.comparison.articles[a].omitted)
        omitted |= c.fact_has(c.comparison.facts[fi], f.keyword);
      if (reports) {
        EXPECT_FALSE(omitted) << o.code << " reports " << f.name << " but is said to omit it";
      } else if (f.codes.size() >= 2) {
        EXPECT_TRUE(omitted) << o.code << " omits " << f.name << " but the omission is not found";
      }
    }
  }
}

// Each shared fact comes out as one fact with all its outlets, and without outlets
// that don't report it.
TEST(SamplesHarbourFire, EveryFactAlignedAcrossItsOutlets) {
  const Corpus& c = harbour();
  ASSERT_EQ(c.articles.size(), 6u);
  const EventTruth& t = truth(0);
  for (const FactTruth& f : t.facts) {
    if (f.codes.size() < 2) continue;
    std::set<uint32_t> expected = expected_articles(c, f), covered;
    const Fact* best = best_fact(c, f, expected, &covered);
    ASSERT_NE(best, nullptr) << f.name;
    EXPECT_EQ(covered, expected) << f.name << ": best fact covers " << codes_of(covered, t);
    std::set<uint32_t> members(best->articles.begin(), best->articles.end());
    for (uint32_t a : members)
      EXPECT_TRUE(expected.count(a))
          << f.name << ": " << t.outlets[a].code << " joined the fact but does not report it";
  }
}

TEST(SamplesHarbourFire, SourcingByKind) {
  const Corpus& c = harbour();
  ASSERT_EQ(c.articles.size(), 6u);
  auto kind = [&](const std::string& code, SourceKind k) {
    return c.comparison.articles[c.index.at(code)].sourcing.by_kind[static_cast<int>(k)];
  };
  EXPECT_GE(kind("T", SourceKind::kAnonymous), 2u) << "the tabloid's insiders and sources close to";
  EXPECT_GE(kind("B", SourceKind::kDocument), 2u) << "the broadsheet's letter, report and register";
  EXPECT_GE(kind("B", SourceKind::kNamedPerson), 5u) << "the broadsheet's named sources";
  EXPECT_GE(kind("S", SourceKind::kMediaOutlet), 1u) << "the state outlet cites a local paper";
  EXPECT_GE(kind("S", SourceKind::kAnonymous), 1u) << "the state outlet's experts";
  EXPECT_EQ(kind("W", SourceKind::kAnonymous), 0u) << "the wire names every source";
  EXPECT_GE(kind("W", SourceKind::kNamedPerson), 2u);
  EXPECT_GE(kind("G", SourceKind::kNamedPerson), 2u) << "the minister and the chief executive";
  // The broadsheet has the widest range of named sources.
  size_t b_sources = c.comparison.articles[c.index.at("B")].sourcing.sources.size();
  for (const auto& [code, idx] : c.index) {
    if (code != "B") {
      EXPECT_GT(b_sources, c.comparison.articles[idx].sourcing.sources.size()) << code;
    }
  }
}

TEST(SamplesHarbourFire, FramingOrder) {
  const Corpus& c = harbour();
  ASSERT_EQ(c.articles.size(), 6u);
  auto density = [&](const std::string& code) {
    return c.comparison.articles[c.index.at(code)].framing.density;
  };
  auto hedges = [&](const std::string& code) {
    return c.comparison.articles[c.index.at(code)]
        .framing.by_category[static_cast<int>(FrameCategory::kHedge)];
  };
  for (const char* loaded : {"T", "S"})
    for (const char* neutral : {"W", "R", "B"})
      EXPECT_GT(density(loaded), density(neutral)) << loaded << " vs " << neutral;
  EXPECT_GT(density("G"), density("W")) << "the pro-government outlet's favourable wording";
  EXPECT_GE(hedges("S"), 5u);
  for (const char* other : {"W", "R", "G", "T", "B"})
    EXPECT_GT(hedges("S"), hedges(other)) << other;
}

TEST(SamplesHarbourFire, TimelineByInstantAcrossTimeZones) {
  const Corpus& c = harbour();
  ASSERT_EQ(c.articles.size(), 6u);
  const EventTruth& t = truth(0);
  std::vector<uint32_t> expected(t.outlets.size());
  for (uint32_t i = 0; i < expected.size(); ++i) expected[i] = i;
  std::stable_sort(expected.begin(), expected.end(), [&](uint32_t a, uint32_t b) {
    return epoch_seconds(t.outlets[a].published) < epoch_seconds(t.outlets[b].published);
  });
  EXPECT_EQ(c.comparison.timeline, expected);
}

// The second event: shared facts with all their outlets (the wire's "37 votes" lede
// and one outlet's sentence that states two facts), single-outlet facts only
// there (a short figure line, "Turnout was 61.2 per cent.").
TEST(SamplesRecount, SharedAndUniqueFacts) {
  const EventTruth& t = truth(1);
  Corpus c = load_event(1, "harrowmere-recount");
  ASSERT_EQ(c.articles.size(), 3u);
  for (const FactTruth& f : t.facts) {
    std::set<uint32_t> expected = expected_articles(c, f), covered;
    if (f.codes.size() >= 2) {
      const Fact* best = best_fact(c, f, expected, &covered);
      ASSERT_NE(best, nullptr) << f.name;
      EXPECT_EQ(covered, expected) << f.name << ": best fact covers " << codes_of(covered, t);
    } else {
      uint32_t a = *expected.begin();
      bool found = false;
      for (uint32_t fi : c.comparison.articles[a].only_here)
        found |= c.fact_has(c.comparison.facts[fi], f.keyword);
      EXPECT_TRUE(found) << f.name;
    }
  }
}

// Two unrelated events compared together share no fact, not even through one
// outlet's house style (the tabloid's "The Klaxon says: ..." sign-offs).
TEST(SamplesCrossEvent, NoFactSpansTwoEvents) {
  std::vector<std::string> paths = event_paths("harbour-fire", truth(0));
  size_t fire = paths.size();
  for (const std::string& p : event_paths("harrowmere-recount", truth(1))) paths.push_back(p);
  Corpus c = load(paths);
  ASSERT_EQ(c.articles.size(), paths.size());
  for (const Fact& f : c.comparison.facts) {
    bool a = false, b = false;
    for (uint32_t i : f.articles) (i < fire ? a : b) = true;
    EXPECT_FALSE(a && b) << "a fact spans both events: \"" << f.summary << "\"";
  }
  // Same outlet, different events: the two wire stories share nothing.
  Corpus pair = load({paths[0], paths[fire]});
  ASSERT_EQ(pair.articles.size(), 2u);
  for (const Fact& f : pair.comparison.facts) EXPECT_LT(f.articles.size(), 2u) << f.summary;
}

// ---------------------------------------------------------------------------
// The command line
// ---------------------------------------------------------------------------

std::string quote_arg(const std::string& s) {
  std::string q = "'";
  for (char ch : s) q += ch == '\'' ? std::string("'\\''") : std::string(1, ch);
  return q + "'";
}

// Two folders of mixed articles: grouped into the two events, each compared on its
// own; the near-copy is compared and named as one; --story picks one story.
TEST(SamplesCli, CompareFoldersStoryByStory) {
  std::string cmd = quote_arg(cli_path()) + " compare " + quote_arg(samples_dir() + "/harbour-fire") + " " +
                    quote_arg(samples_dir() + "/harrowmere-recount") + " --format json 2>/dev/null";
  std::string out;
  ASSERT_EQ(run_command(cmd, &out), 0) << cmd;
  nlohmann::json j = nlohmann::json::parse(out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << out.substr(0, 200);
  EXPECT_EQ(j.value("schema", ""), "parallax.stories/1");
  EXPECT_EQ(j.value("articles", 0), 9);
  ASSERT_EQ(j["stories"].size(), 2u);
  std::string fire_id;
  for (const auto& st : j["stories"]) {
    const auto& cmp = st["comparison"];
    EXPECT_EQ(cmp.value("schema", ""), "parallax.compare/1");
    std::set<std::string> outlets;
    for (const auto& a : cmp["articles"]) outlets.insert(a.value("outlet", ""));
    // Each story holds exactly the outlets of one event of the truth table.
    size_t event = outlets.count("The Caldoran Ledger") ? 0 : 1;
    std::set<std::string> expected;
    for (const Outlet& o : truth(event).outlets) expected.insert(o.outlet);
    EXPECT_EQ(outlets, expected);
    if (event == 0) {
      fire_id = st.value("id", "");
      ASSERT_EQ(st["near_copies"].size(), 1u);
    }
  }
  ASSERT_FALSE(fire_id.empty());
  std::string one = quote_arg(cli_path()) + " compare " + quote_arg(samples_dir() + "/harbour-fire") + " " +
                    quote_arg(samples_dir() + "/harrowmere-recount") + " --story " + fire_id +
                    " --format json 2>/dev/null";
  ASSERT_EQ(run_command(one, &out), 0) << one;
  j = nlohmann::json::parse(out, nullptr, false);
  ASSERT_FALSE(j.is_discarded());
  ASSERT_EQ(j["stories"].size(), 1u);
  EXPECT_EQ(j["stories"][0].value("id", ""), fire_id);
  std::string missing = quote_arg(cli_path()) + " compare " + quote_arg(samples_dir() + "/harbour-fire") +
                        " --story 0000000000000000 2>&1";
  EXPECT_EQ(run_command(missing, &out), 2);
  EXPECT_NE(out.find("no story 0000000000000000"), std::string::npos) << out;
}

// A folder of one event alone is one story. In so small a batch the event's own words
// ("Brackhaven", "Berth") are in every article and weigh least, so the index of top
// terms alone did not offer the tabloid's account ("DEATH DOCK: ... inferno") the
// story it belongs to.
TEST(SamplesCli, GroupOneEventFolderIsOneStory) {
  std::string cmd = quote_arg(cli_path()) + " group " + quote_arg(samples_dir() + "/harbour-fire") +
                    " 2>/dev/null";
  std::string out;
  ASSERT_EQ(run_command(cmd, &out), 0) << cmd;
  std::set<std::string> stories;
  size_t lines = 0;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line); ++lines)
    stories.insert(line.substr(line.find('\t') + 1));
  EXPECT_EQ(lines, truth(0).outlets.size());
  EXPECT_EQ(stories.size(), 1u) << out;
}

// The examples in README.md are real output: each block that opens "$ parallax ..." is
// run from the source folder, and every line it shows must be a line of the output
// ("…" marks lines left out; a "speed:" line depends on the machine). Blocks that read
// ../shared run only when it is there.
TEST(SamplesCli, ReadmeExamplesAreRealOutput) {
  std::istringstream readme(read_file(source_dir() + "/README.md"));
  std::vector<std::string> lines;
  for (std::string line; std::getline(readme, line);) lines.push_back(line);
  const std::string shared = ::parallax::testing::shared_dir();
  size_t blocks = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string prompt = "    $ parallax ";
    if (lines[i].rfind(prompt, 0) != 0) continue;
    std::string args = lines[i].substr(prompt.size());
    if (args.find("../shared") != std::string::npos) {
      if (shared.empty()) continue;
      for (size_t at; (at = args.find("../shared")) != std::string::npos;)
        args.replace(at, 9, shared);
    }
    std::string out;
    const std::string cmd = "cd " + quote_arg(source_dir()) + " && " + quote_arg(cli_path()) + " " +
                            args + " 2>/dev/null";
    run_command(cmd, &out);
    std::set<std::string> produced;
    std::istringstream in(out);
    for (std::string line; std::getline(in, line);) produced.insert(line);
    ++blocks;
    for (size_t k = i + 1; k < lines.size() && (lines[k].empty() || lines[k].rfind("    ", 0) == 0);
         ++k) {
      const std::string shown = lines[k].empty() ? "" : lines[k].substr(4);
      if (shown.empty() || shown == "…" || shown.rfind("speed:", 0) == 0) continue;
      EXPECT_TRUE(produced.count(shown))
          << "README.md line " << k + 1 << " is not in the output of `parallax " << args << "`:\n"
          << shown;
    }
  }
  EXPECT_GE(blocks, 2u) << "README.md shows no example";
}

TEST(SamplesCli, CompareHarbourFireAsJson) {
  std::string cmd = quote_arg(cli_path()) + " compare";
  for (const std::string& p : event_paths("harbour-fire", truth(0))) cmd += " " + quote_arg(p);
  cmd += " --format json 2>/dev/null";
  std::string out;
  ASSERT_EQ(run_command(cmd, &out), 0) << cmd;
  nlohmann::json j = nlohmann::json::parse(out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << out.substr(0, 200);
  EXPECT_EQ(j.value("schema", ""), "parallax.compare/1");
  ASSERT_TRUE(j.contains("articles"));
  ASSERT_EQ(j["articles"].size(), 6u);
  std::set<std::string> outlets;
  for (const auto& a : j["articles"]) outlets.insert(a.value("outlet", ""));
  for (const Outlet& o : truth(0).outlets) EXPECT_TRUE(outlets.count(o.outlet)) << o.outlet;
  EXPECT_FALSE(j["facts"].empty());
}

class SamplesCliBadInput : public ::testing::TestWithParam<std::string> {};

TEST_P(SamplesCliBadInput, ReportedByNameAndTheRestCompared) {
  fs::path dir = fs::temp_directory_path() /
                 ("parallax-samples-" + std::to_string(::getpid()) + "-" + GetParam());
  fs::create_directories(dir);
  fs::path bad = dir / (GetParam() + ".md");
  {
    std::ofstream out(bad, std::ios::binary);
    if (GetParam() == "binary") {
      const char bytes[] = {'\x7f', 'E',  'L',  'F',    '\x02', '\x01',
                            '\0',   '\0', '\0', '\x03', '\0',   '\xfe'};
      for (int i = 0; i < 64; ++i) out.write(bytes, sizeof bytes);
    } else if (GetParam() == "invalid-utf8") {
      out << "---\ntitle: Broken bytes\noutlet: Nowhere Gazette\n---\n\n"
          << "The harbour master said \xff\xfe\xc3 the quay was closed \xc0\xaf today.\n";
    }
    // "empty": nothing written.
  }
  std::vector<std::string> good = event_paths("harbour-fire", truth(0));
  fs::path err = dir / "stderr.txt";
  std::string cmd = quote_arg(cli_path()) + " compare " + quote_arg(good[0]) + " " +
                    quote_arg(bad.string()) + " " + quote_arg(good[1]) + " --format json 2>" +
                    quote_arg(err.string());
  std::string out;
  EXPECT_EQ(run_command(cmd, &out), 2) << cmd;
  std::string errors = read_file(err.string());
  EXPECT_NE(errors.find(bad.filename().string()), std::string::npos) << errors;
  nlohmann::json j = nlohmann::json::parse(out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << out.substr(0, 200);
  EXPECT_EQ(j.value("schema", ""), "parallax.compare/1");
  ASSERT_TRUE(j.contains("articles"));
  EXPECT_EQ(j["articles"].size(), 2u);
  std::set<std::string> outlets;
  for (const auto& a : j["articles"]) outlets.insert(a.value("outlet", ""));
  EXPECT_TRUE(outlets.count(truth(0).outlets[0].outlet));
  EXPECT_TRUE(outlets.count(truth(0).outlets[1].outlet));
  std::error_code ec;
  fs::remove_all(dir, ec);
}

INSTANTIATE_TEST_SUITE_P(SamplesInputs, SamplesCliBadInput,
                         ::testing::Values("empty", "binary", "invalid-utf8"),
                         [](const auto& info) {
                           std::string n = info.param;
                           std::replace(n.begin(), n.end(), '-', '_');
                           return n;
                         });

}  // namespace
}  // namespace parallax
