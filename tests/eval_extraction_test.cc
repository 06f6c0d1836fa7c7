// The extraction metrics on tiny hand-made cases, and floors on the real sets (skipped
// when ../shared is absent).
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "parallax/eval.h"
#include "test_util.h"

namespace parallax {
namespace {

using eval::ShingleCounts;

std::vector<std::string> as_strings(const std::vector<std::string_view>& v) {
  return std::vector<std::string>(v.begin(), v.end());
}

TEST(EvalExtractionMetric, WordTokensFollowPythonsWordClass) {
  // Letters and digits of any script and the underscore are word characters;
  // apostrophes, dashes and combining marks are not (as in Python's re).
  auto t = as_strings(eval::word_tokens("Don't stop\u2014caf\u00e9_au lait 42x cafe\u0301 noir \u00b2\u00b3"));
  std::vector<std::string> want = {"Don", "t", "stop", "caf\u00e9_au", "lait", "42x", "cafe", "noir", "\u00b2\u00b3"};
  EXPECT_EQ(t, want);
  EXPECT_TRUE(eval::word_tokens("  ,;!  ").empty());
}

TEST(EvalExtractionMetric, ShingleCountsNormalised) {
  // Truth shingles: (a b c d), (b c d e); prediction: (a b c d), (b c d x).
  ShingleCounts c = eval::shingle_match("a b c d e", "a b c d x");
  EXPECT_NEAR(c.tp, 1.0 / 3, 1e-12);
  EXPECT_NEAR(c.fp, 1.0 / 3, 1e-12);
  EXPECT_NEAR(c.fn, 1.0 / 3, 1e-12);
  // Repeats count: the truth has (a a a a) twice, the prediction once.
  c = eval::shingle_match("a a a a a", "a a a a");
  EXPECT_NEAR(c.tp, 0.5, 1e-12);
  EXPECT_NEAR(c.fn, 0.5, 1e-12);
  EXPECT_EQ(c.fp, 0);
}

TEST(EvalExtractionMetric, ShortTextsAreOneShingle) {
  // Fewer than four tokens make one shorter shingle: (one two) vs (one two three).
  ShingleCounts c = eval::shingle_match("one two", "one two three");
  EXPECT_EQ(c.tp, 0);
  EXPECT_NEAR(c.fp, 0.5, 1e-12);
  EXPECT_NEAR(c.fn, 0.5, 1e-12);
  c = eval::shingle_match("", "");
  EXPECT_EQ(c.tp + c.fp + c.fn, 0);
}

TEST(EvalExtractionMetric, AveragesSkipUndefinedPagesLikeTheBenchmark) {
  std::vector<ShingleCounts> pages = {
      eval::shingle_match("a b c d e", "a b c d x"),  // P 0.5, R 0.5
      eval::shingle_match("a b c d", ""),             // empty prediction: R 0, no P
      eval::shingle_match("w x y z", "w x y z"),      // exact: P 1, R 1
      eval::shingle_match("", ""),                    // nothing: neither
  };
  eval::Prf r = eval::average_prf(pages);
  EXPECT_NEAR(r.precision, 0.75, 1e-12);
  EXPECT_NEAR(r.recall, 0.5, 1e-12);
  EXPECT_NEAR(r.f1, 0.6, 1e-12);
}

TEST(EvalExtractionMetric, SnippetsWhitespaceNormalisedAndPooled) {
  eval::SnippetCounts c;
  eval::count_snippets("The quick  brown\nfox jumps.", {"quick brown fox", "lazy dog"}, {"fox  jumps", "cat"}, c);
  EXPECT_EQ(c.tp, 1u);
  EXPECT_EQ(c.fn, 1u);
  EXPECT_EQ(c.fp, 1u);
  EXPECT_EQ(c.tn, 1u);
  eval::count_snippets("", {"x"}, {}, c);  // a failed page: every snippet missed
  EXPECT_EQ(c.fn, 2u);
  eval::Prf r = eval::snippet_prf(c);
  EXPECT_NEAR(r.precision, 0.5, 1e-12);
  EXPECT_NEAR(r.recall, 1.0 / 3, 1e-12);
  EXPECT_NEAR(r.f1, 0.4, 1e-12);
}

TEST(EvalExtractionMetric, MetadataComparisons) {
  EXPECT_TRUE(eval::same_title("Hello  World", "hello world"));
  EXPECT_FALSE(eval::same_title("Hello World - Site", "Hello World"));
  EXPECT_FALSE(eval::same_title("", ""));
  EXPECT_TRUE(eval::same_authors({"Jane Doe", "John Roe"}, {"By John Roe and Jane Doe"}));
  EXPECT_TRUE(eval::same_authors({"Greta Hansen", "Ole Berg"}, {"Von Greta Hansen und Ole Berg"}));
  EXPECT_FALSE(eval::same_authors({"Jane Doe"}, {"Jane Doe", "John Roe"}));
  EXPECT_TRUE(eval::same_date("2020-01-02T10:00:00Z", "2020-01-02"));
  EXPECT_FALSE(eval::same_date("2020-01-03", "2020-01-02"));
  EXPECT_FALSE(eval::same_date("", "2020-01-02"));
}


TEST(EvalExtractionFiles, MissingFolderIsNotFound) {
  auto r = eval::evaluate_extraction(testing::source_dir() + "/tests/data/no_such_set");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
}

// ---------------------------------------------------------------------------
// The real sets
// ---------------------------------------------------------------------------

TEST(EvalExtractionSets, ZyteFloorAndPeersReproducePublishedFigures) {
  PARALLAX_REQUIRE_SHARED(shared);
  auto r = eval::evaluate_extraction(shared + "/bench/extraction/zyte");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->set, "zyte");
  EXPECT_EQ(r->pages, 181u);
  EXPECT_LE(r->failed, 2u);
  EXPECT_GE(r->ours.f1, 0.96);
  EXPECT_GE(r->ours.precision, 0.95);
  EXPECT_GE(r->ours.recall, 0.96);
  // The same code scores the published systems as their authors reported.
  size_t checked = 0;
  for (const auto& p : r->peers) {
    if (p.published.empty()) continue;
    EXPECT_NEAR(p.score.f1, std::stod(p.published), 0.0015) << p.name;
    ++checked;
  }
  EXPECT_GE(checked, 10u);
}

TEST(EvalExtractionSets, TrafilaturaFloors) {
  PARALLAX_REQUIRE_SHARED(shared);
  auto r = eval::evaluate_extraction(shared + "/bench/extraction/trafilatura");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->set, "trafilatura");
  EXPECT_GE(r->pages, 400u);
  EXPECT_GE(r->ours.f1, 0.91);
  EXPECT_GE(r->title_accuracy(), 0.895);
  EXPECT_GE(r->date_accuracy(), 0.895);
  EXPECT_GE(r->author_accuracy(), 0.79);
}

TEST(EvalExtractionCli, JsonReportAndPredictions) {
  PARALLAX_REQUIRE_SHARED(shared);
  std::string pred = ::testing::TempDir() + "/parallax_zyte_predictions.jsonl";
  std::string out;
  int rc = testing::run_command(testing::cli_path() + " eval extraction " + shared +
                                    "/bench/extraction/zyte --format json --write-predictions " + pred +
                                    " 2>/dev/null",
                                &out);
  ASSERT_EQ(rc, 0);
  auto j = nlohmann::json::parse(out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << out;
  EXPECT_GE(j["f1"].get<double>(), 0.96);
  EXPECT_TRUE(j["peers"].contains("trafilatura"));
  EXPECT_GT(j["mb_per_second"].get<double>(), 0);
  std::string lines = testing::read_file(pred);
  EXPECT_EQ(std::count(lines.begin(), lines.end(), '\n'), 181);
}

}  // namespace
}  // namespace parallax
