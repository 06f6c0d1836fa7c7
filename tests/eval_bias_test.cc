// Scoring the framing analysis: the metric functions on small hand-made cases, and
// floors on the public bias and propaganda sets when they are present.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "parallax/eval.h"
#include "test_util.h"

namespace parallax::eval {
namespace {

using ::parallax::testing::analyzer;
using ::parallax::testing::shared_dir;

// Floors on the public sets, a little below the measured scores.
constexpr double kBabeMacroF1Floor = 0.69;     // measured 0.706
constexpr double kBabeWordRecallFloor = 0.40;  // measured 0.430
constexpr double kPtcSpanF1Floor = 0.30;       // measured 0.316
constexpr double kPtcLoadedF1Floor = 0.27;     // measured 0.286
constexpr double kPtcLabelsF1Floor = 0.16;     // measured 0.174

// "a", "é" (2 bytes), "b", a 4-byte emoji, "c".
const std::string kMixed = "a\xC3\xA9" "b\xF0\x9F\x98\x80" "c";

TEST(EvalBiasOffsets, BytesToCodePointsWithNonAscii) {
  EXPECT_EQ(byte_to_code_point(kMixed, 0), 0u);
  EXPECT_EQ(byte_to_code_point(kMixed, 1), 1u);  // é starts
  EXPECT_EQ(byte_to_code_point(kMixed, 2), 1u);  // inside é
  EXPECT_EQ(byte_to_code_point(kMixed, 3), 2u);  // b
  EXPECT_EQ(byte_to_code_point(kMixed, 4), 3u);  // emoji
  EXPECT_EQ(byte_to_code_point(kMixed, 8), 4u);  // c
  EXPECT_EQ(byte_to_code_point(kMixed, 9), 5u);  // end
  EXPECT_EQ(byte_to_code_point(kMixed, 50), 5u);
}

TEST(EvalBiasOffsets, CodePointsToBytesWithNonAscii) {
  EXPECT_EQ(code_point_to_byte(kMixed, 0), 0u);
  EXPECT_EQ(code_point_to_byte(kMixed, 1), 1u);
  EXPECT_EQ(code_point_to_byte(kMixed, 2), 3u);
  EXPECT_EQ(code_point_to_byte(kMixed, 3), 4u);
  EXPECT_EQ(code_point_to_byte(kMixed, 4), 8u);
  EXPECT_EQ(code_point_to_byte(kMixed, 5), 9u);
  EXPECT_EQ(code_point_to_byte(kMixed, 9), 9u);
}

TEST(EvalBiasOffsets, OffsetMapAgreesWithTheSingleLookups) {
  OffsetMap map(kMixed);
  EXPECT_EQ(map.code_points(), 5u);
  for (uint32_t b = 0; b <= kMixed.size(); ++b) EXPECT_EQ(map.to_code_point(b), byte_to_code_point(kMixed, b)) << b;
  for (uint32_t c = 0; c <= 5; ++c) EXPECT_EQ(map.to_byte(c), code_point_to_byte(kMixed, c)) << c;
  // A stray continuation byte and a truncated sequence count one code point each.
  std::string broken = "x\x80y\xE2\x80";
  EXPECT_EQ(byte_to_code_point(broken, 2), 2u);
  EXPECT_EQ(byte_to_code_point(broken, 5), 5u);
  EXPECT_EQ(OffsetMap(broken).code_points(), 5u);
}

TEST(EvalBiasMetrics, BinaryScoresByHand) {
  // tp 2, fn 1, fp 1, tn 1.
  BinaryScores s = binary_scores({true, true, true, false, false}, {true, false, true, true, false});
  EXPECT_EQ(s.tp, 2u);
  EXPECT_EQ(s.fn, 1u);
  EXPECT_EQ(s.fp, 1u);
  EXPECT_EQ(s.tn, 1u);
  EXPECT_NEAR(s.positive.precision, 2.0 / 3, 1e-9);
  EXPECT_NEAR(s.positive.recall, 2.0 / 3, 1e-9);
  EXPECT_NEAR(s.positive.f1, 2.0 / 3, 1e-9);
  EXPECT_NEAR(s.negative.precision, 0.5, 1e-9);
  EXPECT_NEAR(s.negative.recall, 0.5, 1e-9);
  EXPECT_NEAR(s.macro_f1, 7.0 / 12, 1e-9);
  EXPECT_NEAR(s.accuracy, 0.6, 1e-9);
  // Everything predicted biased: the neutral class scores 0.
  BinaryScores all = binary_scores({true, false, false, false}, {true, true, true, true});
  EXPECT_NEAR(all.positive.precision, 0.25, 1e-9);
  EXPECT_NEAR(all.positive.f1, 0.4, 1e-9);
  EXPECT_EQ(all.negative.f1, 0);
  EXPECT_NEAR(all.macro_f1, 0.2, 1e-9);
}

TEST(EvalBiasMetrics, WordCoverageCountsMarkedWordsInsideSpans) {
  const std::string text = "A truly Reckless plan, said critics.";
  FramingSpan f;
  f.span = {8, 16};  // "Reckless"
  f.category = FrameCategory::kLoaded;
  WordCoverage c;
  cover_words(text, {"reckless", "plan", "absent", "less"}, {f}, c);
  EXPECT_EQ(c.words, 4u);
  EXPECT_EQ(c.found, 2u);  // "less" is inside a word, not a word of its own
  EXPECT_EQ(c.covered, 1u);
  EXPECT_NEAR(c.recall(), 0.25, 1e-9);
  WordCoverage none;
  cover_words(text, {"truly"}, {}, none);
  EXPECT_EQ(none.found, 1u);
  EXPECT_EQ(none.covered, 0u);
  EXPECT_EQ(WordCoverage{}.recall(), 0);
}

TEST(EvalBiasRule, OpinionOrOwnLoadedWordMakesBiased) {
  Analysis a;
  a.sentences.resize(1);
  EXPECT_FALSE(framing_says_biased(a));
  a.sentences[0].is_opinion = true;
  EXPECT_TRUE(framing_says_biased(a));
  a.sentences[0].is_opinion = false;

  FramingSpan loaded;
  loaded.span = {10, 18};
  loaded.category = FrameCategory::kLoaded;
  loaded.strength = 0.6f;
  a.framing = {loaded};
  EXPECT_TRUE(framing_says_biased(a));
  // The same word inside quoted content is the speaker's.
  Quote q;
  q.direct = true;
  q.content = {5, 30};
  a.quotes = {q};
  EXPECT_FALSE(framing_says_biased(a));
  // A hedge alone is careful reporting.
  a.quotes.clear();
  a.framing[0].category = FrameCategory::kHedge;
  EXPECT_FALSE(framing_says_biased(a));
}

TEST(EvalBiasRule, AnalyzerOnPlainAndSlantedSentences) {
  const auto& an = analyzer();
  EXPECT_FALSE(framing_says_biased(an.analyze_text("The council approved the budget on Tuesday by seven votes to two.")));
  EXPECT_TRUE(framing_says_biased(an.analyze_text("The reckless council rammed through a disastrous budget on Tuesday.")));
}

TEST(EvalPropagandaMetrics, MergeOverlappingSpans) {
  auto m = merge_overlapping({{8, 10}, {3, 8}, {0, 5}, {20, 20}, {30, 40}, {32, 35}});
  ASSERT_EQ(m.size(), 3u);
  EXPECT_EQ(m[0], (Span{0, 8}));
  EXPECT_EQ(m[1], (Span{8, 10}));  // touching, not overlapping
  EXPECT_EQ(m[2], (Span{30, 40}));
}

TEST(EvalPropagandaMetrics, PartialOverlapScoresByHand) {
  // Ours [0,10) meets gold [5,15) on 5 offsets: precision 5/10, recall 5/10; ours
  // [20,25) and gold [30,40) meet nothing. P = 0.5/2, R = 0.5/2.
  SpanSums s;
  add_span_scores({{0, 10}, {20, 25}}, {{5, 15}, {30, 40}}, s);
  EXPECT_EQ(s.predicted, 2u);
  EXPECT_EQ(s.gold, 2u);
  Prf p = span_prf(s);
  EXPECT_NEAR(p.precision, 0.25, 1e-9);
  EXPECT_NEAR(p.recall, 0.25, 1e-9);
  EXPECT_NEAR(p.f1, 0.25, 1e-9);

  // One span of ours over two gold spans: precision 2/4 + 1/4, recall 2/2 + 1/5.
  SpanSums t;
  add_span_scores({{0, 4}}, {{0, 2}, {3, 8}}, t);
  Prf q = span_prf(t);
  EXPECT_NEAR(q.precision, 0.75, 1e-9);
  EXPECT_NEAR(q.recall, 0.6, 1e-9);
  EXPECT_NEAR(q.f1, 2 * 0.75 * 0.6 / 1.35, 1e-9);

  // Overlapping spans of ours count once, merged: [0,6) over gold [0,3): 3/6, 3/3.
  SpanSums u;
  add_span_scores({{0, 4}, {2, 6}}, {{0, 3}}, u);
  EXPECT_EQ(u.predicted, 1u);
  EXPECT_NEAR(span_prf(u).precision, 0.5, 1e-9);
  EXPECT_NEAR(span_prf(u).recall, 1.0, 1e-9);

  // Sums carry across articles: an article with gold only adds to the recall count.
  add_span_scores({}, {{0, 1}}, u);
  EXPECT_NEAR(span_prf(u).recall, 0.5, 1e-9);
  EXPECT_NEAR(span_prf(SpanSums{}).f1, 1.0, 1e-9);
}

TEST(EvalPropagandaMetrics, CategoriesMapToTechniques) {
  EXPECT_EQ(framing_technique(FrameCategory::kLabel), "Name_Calling,Labeling");
  EXPECT_EQ(framing_technique(FrameCategory::kLoaded), "Loaded_Language");
  EXPECT_EQ(framing_technique(FrameCategory::kIntensifier), "Loaded_Language");
  EXPECT_EQ(framing_technique(FrameCategory::kHedge), "");
  EXPECT_EQ(framing_technique(FrameCategory::kOpinion), "");
}

// The phrase a loaded word is scored as takes in the adverb grading it, not a common
// word that only ends in -ly.
TEST(EvalPropagandaPhrase, GradingAdverbJoinsThePhrase) {
  const auto& an = analyzer();
  auto phrase_of = [&](const std::string& text, std::string_view word) {
    Analysis a = an.analyze_text(text);
    for (const FramingSpan& f : a.framing) {
      if (text.substr(f.span.begin, f.span.size()) != word) continue;
      Span p = phrase_span(text, a, f);
      return text.substr(p.begin, p.size());
    }
    return std::string("(no span)");
  };
  EXPECT_EQ(phrase_of("Officials called it a criminally reckless plan.", "reckless"),
            "criminally reckless plan");
  EXPECT_EQ(phrase_of("Critics said the scheme was so reckless.", "reckless"), "so reckless");
  EXPECT_EQ(phrase_of("The family reckless driving case went to court.", "reckless"),
            "reckless driving");
}

TEST(EvalBiasSet, MissingFolderIsAnError) {
  auto r = evaluate_bias("/nonexistent-bias-set");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("sentences.jsonl"), std::string::npos);
  auto p = evaluate_propaganda("/nonexistent-ptc-set");
  ASSERT_FALSE(p.ok());
  EXPECT_NE(p.status().message().find("spans.tsv"), std::string::npos);
}

// Floors a little below what the framing analysis reaches; they guard against a
// change to the lexicon or the rules that loses ground on real news text.
TEST(EvalBiasSet, BabeFloors) {
  PARALLAX_REQUIRE_SHARED(shared);
  auto r = evaluate_bias(shared + "/bench/bias/babe");
  if (!r.ok() && r.status().code() == StatusCode::kNotFound) GTEST_SKIP() << r.status().message();
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_GT(r->sentences, 2000u);
  EXPECT_EQ(r->failed, 0u);
  EXPECT_GE(r->scores.macro_f1, kBabeMacroF1Floor);
  EXPECT_GE(r->words.recall(), kBabeWordRecallFloor);
  EXPECT_NE(r->published.find("0.8"), std::string::npos);
}

TEST(EvalPropagandaSet, PtcFloors) {
  PARALLAX_REQUIRE_SHARED(shared);
  auto r = evaluate_propaganda(shared + "/bench/propaganda/ptc");
  if (!r.ok() && r.status().code() == StatusCode::kNotFound) GTEST_SKIP() << r.status().message();
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_GT(r->articles, 200u);
  EXPECT_EQ(r->failed, 0u);
  EXPECT_GE(r->both.score.f1, kPtcSpanF1Floor);
  EXPECT_GE(r->loaded.score.f1, kPtcLoadedF1Floor);
  EXPECT_GE(r->labels.score.f1, kPtcLabelsF1Floor);
  EXPECT_GT(r->both.gold, 1000u);
}

// The CLI reports the same keys.
TEST(EvalBiasCli, JsonReportHasTheMetrics) {
  PARALLAX_REQUIRE_SHARED(shared);
  const std::string cli = ::parallax::testing::cli_path();
  std::string out;
  ASSERT_EQ(::parallax::testing::run_command(cli + " eval bias " + shared + "/bench/bias/babe --format json", &out), 0);
  auto j = nlohmann::json::parse(out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << out;
  EXPECT_GE(j["macro_f1"].get<double>(), kBabeMacroF1Floor);
  EXPECT_GE(j["word_recall"].get<double>(), kBabeWordRecallFloor);
  EXPECT_TRUE(j["biased"].contains("precision"));
  std::string ptc;
  ASSERT_EQ(::parallax::testing::run_command(cli + " eval propaganda " + shared + "/bench/propaganda/ptc --format json", &ptc), 0);
  auto p = nlohmann::json::parse(ptc, nullptr, false);
  ASSERT_FALSE(p.is_discarded()) << ptc;
  EXPECT_GE(p["span_f1"].get<double>(), kPtcSpanF1Floor);
  EXPECT_TRUE(p["loaded_language"].contains("f1"));
  EXPECT_TRUE(p["name_calling"].contains("f1"));
}

}  // namespace
}  // namespace parallax::eval
