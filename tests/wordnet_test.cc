#include "analyze/wordnet.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>

namespace parallax::analyze {
namespace {

const char* kDir = "/usr/share/wordnet";

const WordNet& wordnet() {
  static WordNet* wn = [] {
    auto r = WordNet::load(kDir);
    if (!r.ok()) {
      ADD_FAILURE() << r.status().message();
      std::abort();
    }
    return new WordNet(std::move(r).value());
  }();
  return *wn;
}

bool share_synset(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
  for (uint32_t x : a) {
    if (std::find(b.begin(), b.end(), x) != b.end()) return true;
  }
  return false;
}

class WordNetTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(std::string(kDir) + "/index.noun")) {
      GTEST_SKIP() << "WordNet 3.0 is not installed";
    }
  }
};

TEST_F(WordNetTest, LoadsEveryPartOfSpeech) {
  // WordNet 3.0 has about 147,000 distinct lemmas over the four index files.
  EXPECT_GT(wordnet().lemma_count(), 140000u);
  EXPECT_LT(wordnet().lemma_count(), 160000u);
  EXPECT_GT(wordnet().instance_count(), 7000u);
}

TEST_F(WordNetTest, SynonymsShareASynset) {
  // Pairs checked against the database: "error" and "mistake" share the noun synset
  // 00070965, "big" and "large" the adjective 01382086, "warn" and "caution" share
  // nothing, "error" and "banana" obviously nothing.
  EXPECT_TRUE(share_synset(wordnet().synsets("error"), wordnet().synsets("mistake")));
  EXPECT_TRUE(share_synset(wordnet().synsets("big"), wordnet().synsets("large")));
  EXPECT_FALSE(share_synset(wordnet().synsets("error"), wordnet().synsets("banana")));
}

TEST_F(WordNetTest, IdsDifferPerPartOfSpeech) {
  // "mistake" is a noun (3 senses) and a verb (2 senses): five distinct ids.
  const auto& ids = wordnet().synsets("mistake");
  ASSERT_EQ(ids.size(), 5u);
  std::vector<uint32_t> sorted = ids;
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(std::unique(sorted.begin(), sorted.end()), sorted.end());
  EXPECT_EQ(ids[0] % 4, 0u);  // noun senses first
  EXPECT_EQ(ids[4] % 4, 1u);
}

TEST_F(WordNetTest, MultiWordLemmas) {
  EXPECT_FALSE(wordnet().synsets("prime minister").empty());
  EXPECT_EQ(wordnet().synsets("prime minister"), wordnet().synsets("prime_minister"));
  EXPECT_EQ(wordnet().synsets("Prime Minister"), wordnet().synsets("prime_minister"));
}

TEST_F(WordNetTest, MorphyFindsBaseForms) {
  EXPECT_EQ(wordnet().synsets("mistakes"), wordnet().synsets("mistake"));
  EXPECT_EQ(wordnet().synsets("went"), wordnet().synsets("go"));  // verb.exc
  EXPECT_EQ(wordnet().synsets("churches"), wordnet().synsets("church"));
  EXPECT_EQ(wordnet().synsets("countries"), wordnet().synsets("country"));
  EXPECT_EQ(wordnet().synsets("warned"), wordnet().synsets("warn"));
  EXPECT_EQ(wordnet().synsets("biggest"), wordnet().synsets("big"));    // adj.exc
  EXPECT_EQ(wordnet().synsets("happier"), wordnet().synsets("happy"));  // adj.exc
  EXPECT_EQ(wordnet().synsets("wider"), wordnet().synsets("wide"));     // er -> e
  EXPECT_TRUE(wordnet().synsets("qzxv").empty());
  EXPECT_TRUE(wordnet().synsets("").empty());
}

TEST_F(WordNetTest, GazetteerTypes) {
  EntityType t = EntityType::kOther;
  ASSERT_TRUE(wordnet().instance_type("Tokyo", t));
  EXPECT_EQ(t, EntityType::kPlace);
  ASSERT_TRUE(wordnet().instance_type("Abraham Lincoln", t));
  EXPECT_EQ(t, EntityType::kPerson);
  ASSERT_TRUE(wordnet().instance_type("North Atlantic Treaty Organization", t));
  EXPECT_EQ(t, EntityType::kOrganisation);
  ASSERT_TRUE(wordnet().instance_type("Mississippi River", t));
  EXPECT_EQ(t, EntityType::kPlace);
  // Case-sensitive, and common nouns are not in it.
  EXPECT_FALSE(wordnet().instance_type("tokyo", t));
  EXPECT_FALSE(wordnet().instance_type("Mistake", t));
}

TEST_F(WordNetTest, MostFrequentSenseWinsForAmbiguousNames) {
  // "Washington" is first the capital (index.noun lists it first), then the state,
  // then people named Washington.
  EntityType t = EntityType::kOther;
  ASSERT_TRUE(wordnet().instance_type("Washington", t));
  EXPECT_EQ(t, EntityType::kPlace);
  // "Miami" is first a member of a people, then the city: the one thing a name names
  // wins over the class.
  ASSERT_TRUE(wordnet().instance_type("Miami", t));
  EXPECT_EQ(t, EntityType::kPlace);
  // With no instance sense, the class stays: a Democrat is a member of a group.
  ASSERT_TRUE(wordnet().instance_type("Democrat", t));
  EXPECT_EQ(t, EntityType::kGroup);
}

TEST_F(WordNetTest, LoadsQuickly) {
  auto start = std::chrono::steady_clock::now();
  auto r = WordNet::load(kDir);
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                                  start)
                .count();
  ASSERT_TRUE(r.ok());
  // Generous: measured far lower in Release; this only catches an accidental
  // quadratic or line-by-line stream parse.
  EXPECT_LT(ms, 1500);
}

TEST(WordNetLoad, MissingDirectoryIsNotFound) {
  auto r = WordNet::load("/nonexistent/wordnet-dir");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
  EXPECT_NE(r.status().message().find("/nonexistent/wordnet-dir"), std::string::npos);
}

}  // namespace
}  // namespace parallax::analyze
