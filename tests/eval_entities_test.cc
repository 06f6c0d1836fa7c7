#include "parallax/eval_entities.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "test_util.h"

namespace parallax::eval {
namespace {

TEST(EvalEntitiesNames, WordsAreFoldedAndUnderscoresAreSpaces) {
  EXPECT_EQ(name_words("Barack_Obama"), (std::vector<std::string>{"barack", "obama"}));
  EXPECT_EQ(name_words("U.S. Congress"), (std::vector<std::string>{"us", "congress"}));
  EXPECT_EQ(name_words("Mr. Steele's"), (std::vector<std::string>{"steele"}));
  EXPECT_TRUE(name_words("  ").empty());
}

TEST(EvalEntitiesNames, LooseMatches) {
  EXPECT_TRUE(names_match("Barack_Obama", "Barack Obama", false));
  EXPECT_TRUE(names_match("barack obama", "BARACK OBAMA", false));
  EXPECT_TRUE(names_match("Barack_Obama", "Obama", false));  // a part of the name
  EXPECT_TRUE(names_match("Trump", "Donald Trump", true));
  EXPECT_TRUE(names_match("Obama administration", "Obama", false));
  EXPECT_TRUE(names_match("Republican lawmakers", "Republicans", false));
  EXPECT_TRUE(names_match("U.S. Congress", "Congress", false));
  EXPECT_TRUE(names_match("Nina Halloway", "Sen. Nina Halloway", true));
  EXPECT_TRUE(names_match("Ines_Mendo", "Ines Mendoza", true));  // id cut at an accent, text without it
  EXPECT_FALSE(names_match("Ines_Mendo", "Ines Mendozarova", true));
  EXPECT_TRUE(names_match("Walmart", "Wal-Mart", false));
  // The set's ids lost everything from an accented letter on.
  EXPECT_TRUE(names_match("Felipe_Calder", "Felipe Calder\u00f3n", true));
  EXPECT_FALSE(names_match("Felipe_Calder", "Felipe Calderwood", true));
  // Agent nouns spelt either way.
  EXPECT_TRUE(names_match("protestors", "protesters", false));
  EXPECT_FALSE(names_match("protestors", "prosecutors", false));
}

TEST(EvalEntitiesNames, DifferentPeopleDoNotMatch) {
  EXPECT_FALSE(names_match("Michelle_Obama", "Barack Obama", true));
  EXPECT_FALSE(names_match("Barack_Obama", "Joe Biden", true));
  EXPECT_FALSE(names_match("Democratic lawmakers", "Republicans", false));
  EXPECT_FALSE(names_match("", "Obama", true));
  // The surname rule is for people only: "Kent County" is not "Clark Kent".
  EXPECT_FALSE(names_match("Clark Kent", "Kent County", false));
}

TEST(EvalEntitiesNames, PlaceholderSpeakersAreNotNamed) {
  EXPECT_TRUE(named_speaker("Michael_Steele"));
  EXPECT_TRUE(named_speaker("House_Democrats"));
  EXPECT_FALSE(named_speaker("other_anti"));
  EXPECT_FALSE(named_speaker("other_neutral"));
  EXPECT_FALSE(named_speaker(""));
}

TEST(EvalEntitiesMetric, FoundInTopCountsOnlyTheFirstK) {
  std::vector<RankedName> ranked = {{"Oslo", {}, false},
                                    {"Greta Lind", {"Lind"}, true},
                                    {"Harbour Board", {}, false},
                                    {"Sven Aas", {}, true}};
  EXPECT_EQ(found_in_top({"Greta_Lind", "Sven_Aas"}, ranked, 5), 2u);
  EXPECT_EQ(found_in_top({"Greta_Lind", "Sven_Aas"}, ranked, 3), 1u);
  EXPECT_EQ(found_in_top({"Ola Berg"}, ranked, 5), 0u);
  EXPECT_EQ(found_in_top({}, ranked, 5), 0u);
}

TEST(EvalEntitiesMetric, CoveringQuoteNeedsHalfThePhrase) {
  //                  0         1         2         3         4
  //                  0123456789012345678901234567890123456789012345
  std::string text = "\"We will rebuild the pier,\" Lind said today.";
  std::vector<Quote> quotes(1);
  quotes[0].content = {1, 26};  // We will rebuild the pier,
  // The phrase with its quotation marks still counts as covered.
  EXPECT_EQ(covering_quote(text, quotes, {0, 27}), 0);
  EXPECT_EQ(covering_quote(text, quotes, {4, 16}), 0);
  // "Lind said today" lies outside the quote.
  EXPECT_EQ(covering_quote(text, quotes, {28, 43}), -1);
  EXPECT_EQ(covering_quote(text, {}, {4, 16}), -1);
}

TEST(EvalEntitiesMetric, CoveringQuoteIsTheTightestOnATie) {
  //                  0         1         2         3         4         5
  //                  012345678901234567890123456789012345678901234567890123
  std::string text = "Asked if he agreed, Lind said, \"The pier is unsafe.\"";
  std::vector<Quote> quotes(2);
  quotes[0].content = {11, 53};  // an indirect quote whose clause runs over the quotation
  quotes[1].content = {32, 51};  // The pier is unsafe.
  EXPECT_EQ(covering_quote(text, quotes, {32, 50}), 1);
  std::swap(quotes[0], quotes[1]);
  EXPECT_EQ(covering_quote(text, quotes, {32, 50}), 0);
}

TEST(EvalEntitiesRanking, FrequentAndTitledEntitiesRankFirst) {
  const std::string title = "Mayor Greta Lind defends harbour budget";
  const std::string text =
      "Mayor Greta Lind defended the harbour budget on Monday in Tromsdal. Lind said the "
      "Harbour Board had asked for more. Lind added that the board would meet again. "
      "Councillor Sven Aas disagreed.";
  Article article;
  article.title = title;
  article.text = text;
  article.language = "en";
  Analysis a = testing::analyzer().analyze(article);
  auto ranked = rank_entities(a);
  ASSERT_GE(ranked.size(), 2u);
  EXPECT_EQ(a.entities[ranked[0]].name, "Greta Lind");
  for (size_t k = 1; k < ranked.size(); ++k)
    EXPECT_GE(a.entities[ranked[k - 1]].salience, a.entities[ranked[k]].salience);
}

TEST(EvalEntitiesRun, MissingFolderIsNotFound) {
  auto r = evaluate_entities("/nonexistent/parallax-eval-entities");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
  EXPECT_NE(r.status().message().find("/nonexistent/parallax-eval-entities"), std::string::npos);
}

TEST(EvalEntitiesRun, SmallHandWrittenSet) {
  auto dir = std::filesystem::temp_directory_path() / "parallax_eval_entities_small";
  std::filesystem::create_directories(dir);
  nlohmann::json art = {
      {"id", "a1"},
      {"title", "Mayor Greta Lind defends harbour budget"},
      {"text",
       "Mayor Greta Lind defended the harbour budget on Monday.\n\n\"We will rebuild the pier "
       "before winter,\" Lind said. Critics were not convinced."}};
  nlohmann::json ann = {
      {"id", "a1"},
      {"main_entities", {"Greta Lind"}},
      {"phrases",
       {{{"quote", "yes"}, {"speaker", "Greta_Lind"}, {"txt", "We will rebuild the pier"}},
        {{"quote", "yes"}, {"speaker", "other_anti"}, {"txt", "Critics were not convinced."}},
        {{"quote", "no"}, {"speaker", ""}, {"txt", "defended"}}}}};
  std::ofstream(dir / "articles.jsonl") << art.dump() << "\n";
  std::ofstream(dir / "annotations.jsonl") << ann.dump() << "\n";
  auto r = evaluate_entities(dir.string());
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->articles, 1u);
  EXPECT_EQ(r->gold_entities, 1u);
  EXPECT_EQ(r->found_at_5, 1u);
  EXPECT_EQ(r->speaker_phrases, 1u);  // the placeholder speaker is left out
  EXPECT_EQ(r->phrases_located, 1u);
  EXPECT_DOUBLE_EQ(r->main_entity_recall_at_5(), 1.0);
  std::filesystem::remove_all(dir);
}

// BASIL gives four different articles the id "empty": each is scored against its own
// annotation, the k-th article with an id against the k-th annotation with it.
TEST(EvalEntitiesRun, RepeatedIdsPairInOrder) {
  auto dir = std::filesystem::temp_directory_path() / "parallax_eval_entities_repeated";
  std::filesystem::create_directories(dir);
  {
    std::ofstream arts(dir / "articles.jsonl"), anns(dir / "annotations.jsonl");
    const std::pair<const char*, const char*> cases[] = {
        {"Greta Lind", "Mayor Greta Lind defended the harbour budget. Lind said it was fair."},
        {"Sven Aas", "Councillor Sven Aas opposed the harbour budget. Aas said it was unfair."}};
    for (const auto& [name, text] : cases) {
      arts << nlohmann::json{{"id", "empty"}, {"title", ""}, {"text", text}}.dump() << "\n";
      anns << nlohmann::json{{"id", "empty"}, {"main_entities", {name}}}.dump() << "\n";
    }
  }
  auto r = evaluate_entities(dir.string());
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->articles, 2u);
  EXPECT_EQ(r->gold_entities, 2u);
  EXPECT_EQ(r->found_at_5, 2u);
  std::filesystem::remove_all(dir);
}

TEST(EvalEntitiesRun, BasilStaysAboveFloors) {
  PARALLAX_REQUIRE_SHARED(shared);
  auto r = evaluate_entities(shared + "/bench/events/basil");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->articles, 300u);
  EXPECT_GT(r->speaker_phrases, 300u);
  // Measured 0.900 and 0.853 (speakers depend on the quote finder as well).
  EXPECT_GE(r->main_entity_recall_at_5(), 0.89);
  EXPECT_GE(r->speaker_accuracy(), 0.83);
  EXPECT_LE(r->by_affiliation, r->speakers_right);
  EXPECT_GE(r->phrases_quoted, r->speaker_phrases * 8 / 10);
}

TEST(EvalEntitiesCli, JsonHasTheMetricKeys) {
  PARALLAX_REQUIRE_SHARED(shared);
  std::string out;
  int rc = testing::run_command(testing::cli_path() + " eval entities --format json " + shared +
                                    "/bench/events/basil 2>/dev/null",
                                &out);
  ASSERT_EQ(rc, 0);
  auto j = nlohmann::json::parse(out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << out;
  EXPECT_TRUE(j.contains("main_entity_recall_at_5"));
  EXPECT_TRUE(j.contains("speaker_accuracy"));
  EXPECT_TRUE(j.contains("gold_main_entities"));
  EXPECT_TRUE(j.contains("speaker_phrases"));
  EXPECT_GT(j["main_entity_recall_at_5"].get<double>(), 0.0);
}

TEST(EvalEntitiesCli, WrongLayoutExitsTwoNamingTheFolder) {
  std::string err;
  int rc = testing::run_command(
      testing::cli_path() + " eval entities /nonexistent/parallax-basil 2>&1 >/dev/null", &err);
  EXPECT_EQ(rc, 2);
  EXPECT_NE(err.find("/nonexistent/parallax-basil"), std::string::npos) << err;
}

TEST(EvalEntitiesNames, GroupLabels) {
  EXPECT_TRUE(group_label("House_Democrats"));
  EXPECT_TRUE(group_label("Republican_lawmakers"));
  EXPECT_TRUE(group_label("Vale_campaign"));
  EXPECT_TRUE(group_label("NAACP"));
  EXPECT_TRUE(group_label("Harbour_Party"));  // a movement or party speaks through members
  EXPECT_FALSE(group_label("Nina_Halloway"));
  EXPECT_FALSE(group_label("Obama"));
}

TEST(EvalEntitiesNames, AGroupSpeaksThroughItsMembers) {
  const std::vector<std::string> rep = {"Democratic Party", "House of Representatives"};
  EXPECT_TRUE(affiliation_matches("House_Democrats", rep));
  EXPECT_TRUE(affiliation_matches("Democratic_lawmakers", rep));  // "lawmakers" says what kind
  EXPECT_TRUE(affiliation_matches("Democrats", rep));
  EXPECT_FALSE(affiliation_matches("Senate_Democrats", rep));  // another chamber
  EXPECT_FALSE(affiliation_matches("House_Republicans", rep));
  EXPECT_FALSE(affiliation_matches("lawmakers", rep));  // nothing says which group
  EXPECT_TRUE(affiliation_matches("GOP_lawmakers", {"Republican Party"}));
  EXPECT_TRUE(affiliation_matches("Vale_campaign", {"Vale campaign"}));
  EXPECT_FALSE(affiliation_matches("Vale_campaign", {}));
  EXPECT_TRUE(affiliation_matches("Harbour_Party", {"Lowtown Harbour Party"}));
  EXPECT_FALSE(affiliation_matches("Harbour_Party", {"Harbour Union"}));
}

}  // namespace
}  // namespace parallax::eval
