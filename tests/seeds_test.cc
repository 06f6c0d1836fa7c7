// Acceptance: the two seed articles (one event, two outlets with opposite slants)
// read from ../shared at run time. Each check names a fact by a few words of its
// sentence in each article; nothing here is known to the code under test.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "parallax/analyze.h"
#include "parallax/compare.h"
#include "parallax/extract.h"
#include "parallax/ingest.h"
#include "test_util.h"

namespace parallax {
namespace {

class Seeds : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string shared = testing::shared_dir();
    if (shared.empty()) return;
    const std::string dir = shared + "/data/seeds/";
    auto batch = ingest::read_paths({dir + "000_7a62a86fc2548975.txt", dir + "004_e2e51865d62719cd.txt"});
    if (batch.articles.size() != 2) return;
    state_ = new State;
    state_->articles = std::move(batch.articles);
    for (auto& a : state_->articles) {
      extract::clean(a);
      state_->analyses.push_back(testing::analyzer().analyze(a));
    }
    state_->cmp = compare::compare(state_->articles, state_->analyses, testing::analyzer().lexical());
  }
  static void TearDownTestSuite() {
    delete state_;
    state_ = nullptr;
  }
  void SetUp() override {
    if (testing::shared_dir().empty()) GTEST_SKIP() << "../shared is absent beside the project: skipped";
    ASSERT_NE(state_, nullptr) << "the seed articles could not be read";
  }

  struct State {
    std::vector<Article> articles;
    std::vector<Analysis> analyses;
    Comparison cmp;
  };
  static State* state_;

  const Article& art(int i) const { return state_->articles[i]; }
  const Analysis& ana(int i) const { return state_->analyses[i]; }
  const Comparison& cmp() const { return state_->cmp; }

  std::string_view sentence_text(int article, uint32_t s) const {
    return ana(article).sentences[s].span.of(art(article).text);
  }
  // Sentences of `article` containing every one of `words`.
  std::vector<uint32_t> sentences_with(int article, std::vector<std::string> words) const {
    std::vector<uint32_t> out;
    for (uint32_t s = 0; s < ana(article).sentences.size(); ++s) {
      std::string_view t = sentence_text(article, s);
      if (std::all_of(words.begin(), words.end(), [&](const std::string& w) { return t.find(w) != t.npos; }))
        out.push_back(s);
    }
    return out;
  }
  // The fact holding that sentence, or -1.
  int fact_of(int article, uint32_t s) const {
    for (size_t f = 0; f < cmp().facts.size(); ++f)
      for (const auto& m : cmp().facts[f].members)
        if (m.article == static_cast<uint32_t>(article) && m.sentence == s) return static_cast<int>(f);
    return -1;
  }
  // True when a sentence of 004 with all `b` shares a fact with a sentence of 000 with all of
  // one of the alternatives in `a`.
  bool shared(std::vector<std::vector<std::string>> a, std::vector<std::string> b) const {
    for (uint32_t sb : sentences_with(1, b)) {
      int f = fact_of(1, sb);
      if (f < 0) continue;
      for (const auto& m : cmp().facts[f].members) {
        if (m.article != 0) continue;
        std::string_view t = sentence_text(0, m.sentence);
        for (const auto& alt : a)
          if (std::all_of(alt.begin(), alt.end(), [&](const std::string& w) { return t.find(w) != t.npos; }))
            return true;
      }
    }
    return false;
  }
  // Every sentence with all `words` in `article` stands in facts of that article alone.
  ::testing::AssertionResult only_in(int article, std::vector<std::string> words) const {
    auto ss = sentences_with(article, words);
    if (ss.empty()) return ::testing::AssertionFailure() << "no sentence with " << words[0];
    for (uint32_t s : ss) {
      int f = fact_of(article, s);
      if (f < 0) return ::testing::AssertionFailure() << "sentence in no fact: " << sentence_text(article, s);
      if (cmp().facts[f].articles != std::vector<uint32_t>{static_cast<uint32_t>(article)})
        return ::testing::AssertionFailure() << "aligned with the other article: " << sentence_text(article, s);
      const auto& only = cmp().articles[article].only_here;
      if (std::find(only.begin(), only.end(), static_cast<uint32_t>(f)) == only.end())
        return ::testing::AssertionFailure() << "fact not listed as only here: " << sentence_text(article, s);
    }
    return ::testing::AssertionSuccess();
  }
  const SpeakerCoverage* speaker(const std::string& name) const {
    for (const auto& s : cmp().speakers)
      if (s.speaker.find(name) != std::string::npos) return &s;
    return nullptr;
  }
  // Quotes of `article` of `kind` whose speaker words contain `words`.
  int quotes_of(int article, SourceKind kind, const std::string& words) const {
    int n = 0;
    for (const auto& q : ana(article).quotes) {
      std::string who = q.speaker + " " + std::string(q.speaker_span.of(art(article).text));
      if (q.kind == kind && who.find(words) != std::string::npos) ++n;
    }
    return n;
  }
  bool has_framing(int article, const std::string& word) const {
    for (const auto& f : ana(article).framing)
      if (f.span.of(art(article).text).find(word) != std::string::npos) return true;
    return false;
  }
};
Seeds::State* Seeds::state_ = nullptr;

TEST_F(Seeds, FactsBothReport) {
  EXPECT_TRUE(shared({{"unanimous"}}, {"unanimous", "North Atlantic Council"})) << "unanimity requirement";
  EXPECT_TRUE(shared({{"big mistake"}, {"limit its reach"}}, {"grave error"})) << "Macron's warning";
  EXPECT_TRUE(shared({{"credibility"}}, {"credibility"})) << "Europe's credibility with China";
  EXPECT_TRUE(shared({{"Taiwan", "urged"}, {"Taiwan", "April"}}, {"April", "Taiwan"})) << "April call over Taiwan";
}

TEST_F(Seeds, FactsOnlyOneReports) {
  EXPECT_TRUE(only_in(0, {"May 10"}));
  EXPECT_TRUE(only_in(0, {"Tomita"}));
  EXPECT_TRUE(only_in(0, {"2007", "Abe"}));
  EXPECT_TRUE(only_in(1, {"Matsuno"}));
  EXPECT_TRUE(only_in(1, {"Hun Sen"}));
  EXPECT_TRUE(only_in(1, {"Wang Wenbin"}));
  EXPECT_TRUE(only_in(1, {"Germany", "budget"}));
}

TEST_F(Seeds, SpeakersFound) {
  const SpeakerCoverage* macron = speaker("Macron");
  ASSERT_NE(macron, nullptr);
  EXPECT_GT(macron->quotes[0], 0u);
  EXPECT_GT(macron->quotes[1], 0u);
  for (const char* name : {"Hayashi", "Li Shangfu"}) {
    const SpeakerCoverage* s = speaker(name);
    ASSERT_NE(s, nullptr) << name;
    EXPECT_GT(s->quotes[0], 0u) << name;
    EXPECT_EQ(s->quotes[1], 0u) << name;
  }
  const SpeakerCoverage* wang = speaker("Wang Wenbin");
  ASSERT_NE(wang, nullptr);
  EXPECT_EQ(wang->quotes[0], 0u);
  EXPECT_GT(wang->quotes[1], 0u);
  const SpeakerCoverage* ft = speaker("Financial Times");
  ASSERT_NE(ft, nullptr) << "the Financial Times as a source";
  EXPECT_EQ(ft->quotes[0], 0u);
  EXPECT_GT(ft->quotes[1], 0u);
}

TEST_F(Seeds, SourcingProfiles) {
  EXPECT_GT(quotes_of(0, SourceKind::kDocument, "US report"), 0);
  EXPECT_GT(quotes_of(0, SourceKind::kAnonymous, "insider"), 0);
  EXPECT_GT(quotes_of(1, SourceKind::kMediaOutlet, "Financial Times"), 0);
  EXPECT_GT(quotes_of(1, SourceKind::kAnonymous, "sources familiar with the situation"), 0);
  EXPECT_GT(quotes_of(1, SourceKind::kAnonymous, "nalysts"), 0);
  EXPECT_GT(quotes_of(1, SourceKind::kAnonymous, "experts"), 0);
  // The profile in the comparison counts the same quotes.
  EXPECT_GT(cmp().articles[0].sourcing.by_kind[static_cast<int>(SourceKind::kDocument)], 0u);
  EXPECT_GE(cmp().articles[1].sourcing.by_kind[static_cast<int>(SourceKind::kAnonymous)], 3u);
}

TEST_F(Seeds, FramingDensity) {
  float d0 = cmp().articles[0].framing.density;
  float d1 = cmp().articles[1].framing.density;
  EXPECT_GT(d1, 1.5f * d0) << "004 " << d1 << " vs 000 " << d0;
  EXPECT_TRUE(has_framing(1, "hegemony"));
  EXPECT_TRUE(has_framing(1, "pawn"));
  EXPECT_TRUE(has_framing(1, "selfish"));
}

TEST_F(Seeds, CleanerRemovesResidueAndKeepsReporting) {
  const Article& a = art(0);
  EXPECT_EQ(a.title.rfind("France Warns", 0), 0u) << a.title;
  auto removed = [&](std::string_view prefix) {
    return std::any_of(a.residue.begin(), a.residue.end(),
                       [&](const Residue& r) { return r.text.rfind(prefix, 0) == 0; });
  };
  EXPECT_TRUE(removed("NATO's Liaison Office in Japan Part of Plan"));
  EXPECT_TRUE(removed("China Warns NATO-Like Alliances"));
  EXPECT_TRUE(removed("Analysis"));
  EXPECT_TRUE(removed("Asia"));
  EXPECT_TRUE(removed("Discuss"));
  for (const auto& r : a.residue) EXPECT_FALSE(r.reason.empty()) << r.text;
  // Every line of reporting (ends a sentence, eight words or more) is still there.
  // Whitespace is normalised by ingest, so compare with runs of space collapsed.
  auto squeeze = [](std::string s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
      bool sp = s[i] == ' ' || s[i] == '\t' || (s.compare(i, 2, "\xc2\xa0") == 0 && ++i);
      if (sp) {
        if (!out.empty() && out.back() != ' ') out += ' ';
      } else {
        out += s[i];
      }
    }
    return out;
  };
  const std::string text = squeeze(a.text);
  std::string raw = testing::read_file(testing::shared_dir() + "/data/seeds/000_7a62a86fc2548975.txt");
  size_t pos = 0, kept = 0;
  while (pos < raw.size()) {
    size_t nl = raw.find('\n', pos);
    if (nl == std::string::npos) nl = raw.size();
    std::string line = raw.substr(pos, nl - pos);
    pos = nl + 1;
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
    if (line.empty() || std::count(line.begin(), line.end(), ' ') < 7) continue;
    char last = line.back();
    if (last != '.' && last != '"' && last != '\x9d') continue;  // '.', '"' or the end of '"'
    EXPECT_NE(text.find(squeeze(line)), std::string::npos) << "lost: " << line.substr(0, 60);
    ++kept;
  }
  EXPECT_GE(kept, 15u);  // the seed has 15 such lines
}

}  // namespace
}  // namespace parallax
