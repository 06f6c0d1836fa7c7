// Scoring quote attribution: the brat parser and the span metrics on small hand-made
// cases, floors on the PolNeAR dev split when it is present, and the CLI's JSON.
#include "parallax/eval_attribution.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "test_util.h"

namespace parallax::eval {
namespace {

using ::parallax::testing::cli_path;
using ::parallax::testing::run_command;

// Floors on PolNeAR dev, a little below the measured scores (cue exact 0.636, source
// exact 0.643, content overlap 0.713).
constexpr double kCueF1Floor = 0.62;
constexpr double kSourceF1Floor = 0.63;
constexpr double kContentOverlapF1Floor = 0.70;

std::string polnear_split(const std::string& shared, const std::string& split) {
  return shared + "/bench/quotes/polnear/" + split;
}

TEST(EvalAttributionBrat, ParsesTextBoundLinesAndSkipsTheRest) {
  const std::string ann =
      "T1\tSource 0 9\tThe mayor\n"
      "T2\tCue 10 14\tsaid\n"
      "T3\tContent 15 40;45 60\tthe ferry runs late ... on Sundays\n"
      "E1\tAttribution:T2 Cue:T2 Source:T1 Content:T3\n"
      "#1\tAnnotatorNotes T1\tunsure\n"
      "\n";
  auto r = parse_brat(ann, "x.ann");
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->size(), 3u);
  EXPECT_EQ((*r)[0].type, "Source");
  EXPECT_EQ((*r)[0].span, (Span{0, 9}));
  EXPECT_EQ((*r)[1].id, "T2");
  // A discontinuous span counts as its extent.
  EXPECT_EQ((*r)[2].span, (Span{15, 60}));
}

TEST(EvalAttributionBrat, TextWithALineBreakSpillsOverAndIsSkipped) {
  auto r = parse_brat(
      "T1\tContent 0 30\tfirst line of the span\nsecond line of it\nT2\tCue 31 35\tsaid\n",
      "y.ann");
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[1].type, "Cue");
}

TEST(EvalAttributionBrat, MalformedLinesNameTheFileAndLine) {
  const char* bad[] = {
      "T1\tCue 10\tsaid\n",               // one offset
      "T1\tCue ten 14\tsaid\n",           // not a number
      "T1\tCue 14 10\tsaid\n",            // start after end
      "T1\t10 14\tsaid\n",                // no type
      "T1\tCue 10 14;20\tsaid\n",         // broken fragment
      "garbage before any annotation\n",  // not an annotation at all
  };
  for (const char* text : bad) {
    auto r = parse_brat(text, "bad.ann");
    ASSERT_FALSE(r.ok()) << text;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidInput);
    EXPECT_NE(r.status().message().find("bad.ann:1"), std::string::npos) << r.status().message();
  }
  auto later = parse_brat("E1\tAttribution:T2\nnonsense\n", "late.ann");
  ASSERT_FALSE(later.ok());
  EXPECT_NE(later.status().message().find("late.ann:2"), std::string::npos)
      << later.status().message();
}

TEST(EvalAttributionMetric, TrimmingDropsSpacePunctuationAndQuoteMarks) {
  const std::string text = "He said: \xE2\x80\x9CWe will win.\xE2\x80\x9D ";
  // The whole tail from the colon: ": “We will win.” ".
  Span s{7, static_cast<uint32_t>(text.size())};
  Span t = trim_attribution_span(text, s);
  EXPECT_EQ(t.of(text), "We will win");
  EXPECT_TRUE(trim_attribution_span(text, Span{7, 8}).empty());  // ":" alone
}

TEST(EvalAttributionMetric, ExactAndOverlapCountsByHand) {
  //                 0         1         2         3         4         5
  //                 0123456789012345678901234567890123456789012345678901234
  const std::string text = "The mayor said the ferry runs late, a clerk told us.";
  // Gold: cue "said" 10-14 and "told" 44-48.
  std::vector<Span> gold = {{10, 14}, {44, 48}};
  // Ours: "said" exactly, " clerk told" (trimmed to "clerk told") overlapping the
  // second, and a stray span.
  std::vector<Span> ours = {{10, 14}, {37, 48}, {0, 3}};
  MatchCounts c;
  add_matches(text, ours, gold, c);
  EXPECT_EQ(c.predicted, 3u);
  EXPECT_EQ(c.gold, 2u);
  EXPECT_EQ(c.exact_ours, 1u);
  EXPECT_EQ(c.exact_gold, 1u);
  EXPECT_EQ(c.overlap, 2u);
  Prf e = exact_prf(c);
  EXPECT_NEAR(e.precision, 1.0 / 3, 1e-9);
  EXPECT_NEAR(e.recall, 0.5, 1e-9);
  EXPECT_NEAR(e.f1, 0.4, 1e-9);
  Prf o = overlap_prf(c);
  EXPECT_NEAR(o.precision, 2.0 / 3, 1e-9);
  EXPECT_NEAR(o.recall, 1.0, 1e-9);
  EXPECT_NEAR(o.f1, 0.8, 1e-9);
}

TEST(EvalAttributionMetric, OverlapIsOneToOneLargestFirst) {
  const std::string text = "aaaa bbbb cccc dddd eeee ffff";
  // One long prediction overlapping two gold spans matches only the larger overlap;
  // the second prediction then takes the other gold span.
  std::vector<Span> gold = {{0, 9}, {10, 19}};
  std::vector<Span> ours = {{5, 19}, {0, 4}};
  MatchCounts c;
  add_matches(text, ours, gold, c);
  EXPECT_EQ(c.overlap, 2u);
  // Two predictions on one gold span: one match, one false positive.
  MatchCounts d;
  add_matches(text, {{0, 4}, {5, 9}}, {{0, 9}}, d);
  EXPECT_EQ(d.overlap, 1u);
  EXPECT_NEAR(overlap_prf(d).precision, 0.5, 1e-9);
}

TEST(EvalAttributionMetric, DuplicatesAndEmptySpansCountOnce) {
  const std::string text = "She said it twice.";
  MatchCounts c;
  // A split quotation repeats its cue; a punctuation-only span trims to nothing.
  add_matches(text, {{4, 8}, {4, 8}, {17, 18}}, {{4, 8}}, c);
  EXPECT_EQ(c.predicted, 1u);
  EXPECT_EQ(c.gold, 1u);
  EXPECT_EQ(c.exact_ours, 1u);
  EXPECT_NEAR(exact_prf(c).f1, 1.0, 1e-9);
  MatchCounts none;
  EXPECT_NEAR(exact_prf(none).f1, 1.0, 1e-9);  // nothing to find, nothing found
}

TEST(EvalAttributionSet, WrongLayoutNamesTheFolder) {
  auto r = evaluate_attribution("/nonexistent-attribution-set");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
  EXPECT_NE(r.status().message().find("/nonexistent-attribution-set"), std::string::npos);
}

// An empty set in the PolNeAR layout (text/, attributions/) under the temporary folder.
std::filesystem::path make_set(const std::string& name) {
  namespace fs = std::filesystem;
  fs::path dir =
      fs::temp_directory_path() / ("parallax_attr_" + name + "_" + std::to_string(::getpid()));
  fs::create_directories(dir / "text");
  fs::create_directories(dir / "attributions");
  return dir;
}

TEST(EvalAttributionSet, SmallHandMadeSetWithAMalformedFile) {
  namespace fs = std::filesystem;
  const fs::path dir = make_set("malformed");
  const std::string text = "The harbour master said the pier would close in June.";
  std::ofstream(dir / "text" / "one.txt") << text;
  // Two annotators: the first by name is used.
  std::ofstream(dir / "attributions" / "one_a1.ann")
      << "T1\tSource 0 18\tThe harbour master\n"
         "T2\tCue 19 23\tsaid\n"
         "T3\tContent 24 52\tthe pier would close in June\n";
  std::ofstream(dir / "attributions" / "one_b2.ann") << "T1\tCue 0 3\tThe\n";
  std::ofstream(dir / "text" / "two.txt") << text;
  std::ofstream(dir / "attributions" / "two_a1.ann") << "T1\tCue 30 20\tbackwards\n";
  std::ofstream(dir / "text" / "three.txt") << text;  // no annotations
  auto r = evaluate_attribution(dir.string());
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->articles, 1u);
  EXPECT_EQ(r->failed, 1u);
  EXPECT_EQ(r->unannotated, 1u);
  EXPECT_EQ(r->cue.counts.gold, 1u);
  EXPECT_EQ(r->source.counts.gold, 1u);
  EXPECT_EQ(r->content.counts.gold, 1u);
  // A plain "X said Y" sentence: the finder gets the cue exactly.
  EXPECT_EQ(r->cue.counts.exact_gold, 1u);
  EXPECT_GT(r->content.counts.overlap, 0u);
  fs::remove_all(dir);
}

TEST(EvalAttributionSet, AQuotationSplitByItsCueIsOneContent) {
  namespace fs = std::filesystem;
  const fs::path dir = make_set("split");
  // ASCII only, so code points and bytes agree.
  const std::string text = "\"The pier must close,\" Ana Ruiz said, \"because it is unsafe.\"";
  std::ofstream(dir / "text" / "one.txt") << text;
  const size_t a = text.find("The pier"), a_end = text.find(",\"");
  const size_t b = text.find("because"), b_end = text.rfind(".");
  const size_t s = text.find("Ana Ruiz"), c = text.find("said");
  // brat writes a discontinuous span as fragments: "START END;START END".
  std::ofstream(dir / "attributions" / "one_a1.ann")
      << "T1\tSource " << s << " " << s + 8 << "\tAna Ruiz\n"
      << "T2\tCue " << c << " " << c + 4 << "\tsaid\n"
      << "T3\tContent " << a << " " << a_end << ";" << b << " " << b_end
      << "\tThe pier must close\n";
  auto r = evaluate_attribution(dir.string());
  ASSERT_TRUE(r.ok()) << r.status().message();
  // Our two parts are one attribution (Quote::continues), scored as one content.
  EXPECT_EQ(r->content.counts.predicted, 1u);
  EXPECT_EQ(r->content.counts.exact_gold, 1u);
  EXPECT_EQ(r->cue.counts.exact_gold, 1u);
  fs::remove_all(dir);
}

TEST(EvalAttributionSet, PolnearDevFloors) {
  PARALLAX_REQUIRE_SHARED(shared);
  const std::string dir = polnear_split(shared, "dev");
  if (!std::filesystem::exists(dir)) GTEST_SKIP() << dir << " is absent";
  auto r = evaluate_attribution(dir);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_GT(r->articles, 50u);
  EXPECT_EQ(r->failed, 0u);
  EXPECT_GE(r->cue.exact.f1, kCueF1Floor);
  EXPECT_GE(r->source.exact.f1, kSourceF1Floor);
  EXPECT_GE(r->content.overlap.f1, kContentOverlapF1Floor);
  // Exact content matches are much rarer than overlapping ones.
  EXPECT_LT(r->content.exact.f1, r->content.overlap.f1);
  EXPECT_NE(r->published.find("0.82"), std::string::npos) << r->published;
}

TEST(EvalAttributionCli, JsonHasTheKeys) {
  PARALLAX_REQUIRE_SHARED(shared);
  const std::string dir = polnear_split(shared, "dev");
  if (!std::filesystem::exists(dir)) GTEST_SKIP() << dir << " is absent";
  std::string out;
  int rc = run_command("'" + cli_path() + "' eval attribution '" + dir + "' --format json", &out);
  ASSERT_EQ(rc, 0) << out;
  auto j = nlohmann::json::parse(out);
  for (const char* k : {"cue_f1", "source_f1", "content_f1", "content_overlap_f1", "cue_p", "cue_r",
                        "cue_overlap_f1", "source_overlap_f1", "published", "articles"}) {
    EXPECT_TRUE(j.contains(k)) << k;
  }
  EXPECT_GE(j["cue_f1"].get<double>(), kCueF1Floor);
}

TEST(EvalAttributionCli, WrongLayoutExitsTwoNamingTheFolder) {
  std::string out;
  int rc =
      run_command("'" + cli_path() + "' eval attribution /nonexistent-attribution-set 2>&1", &out);
  EXPECT_EQ(rc, 2);
  EXPECT_NE(out.find("/nonexistent-attribution-set"), std::string::npos) << out;
}

}  // namespace
}  // namespace parallax::eval
