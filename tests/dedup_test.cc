#include "parallax/dedup.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>
#include <string>
#include <vector>

namespace parallax::dedup {
namespace {

// A reproducible article of `words` words drawn from a vocabulary of 5,000 made-up words.
std::string made_up_text(uint32_t seed, int words) {
  std::mt19937 rng(seed);
  std::uniform_int_distribution<int> pick(0, 4999), len(3, 9);
  std::string out;
  for (int i = 0; i < words; ++i) {
    int w = pick(rng);
    std::mt19937 wr(static_cast<uint32_t>(w));
    std::string word;
    for (int k = len(wr); k > 0; --k) word += static_cast<char>('a' + wr() % 26);
    out += word;
    out += (i % 17 == 16) ? ". " : " ";
  }
  return out;
}

std::set<uint64_t> exact_shingles(const std::string& text) {
  std::vector<std::string> words;
  std::string w;
  for (char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!w.empty()) {
      words.push_back(w);
      w.clear();
    }
  }
  if (!w.empty()) words.push_back(w);
  std::set<uint64_t> out;
  for (size_t i = 0; i + 5 <= words.size(); ++i)
    out.insert(std::hash<std::string>{}(words[i] + " " + words[i + 1] + " " + words[i + 2] + " " +
                                        words[i + 3] + " " + words[i + 4]));
  return out;
}

double exact_jaccard(const std::string& a, const std::string& b) {
  auto sa = exact_shingles(a), sb = exact_shingles(b);
  size_t inter = 0;
  for (auto h : sa) inter += sb.count(h);
  size_t uni = sa.size() + sb.size() - inter;
  return uni ? static_cast<double>(inter) / uni : 1.0;
}

TEST(Dedup, WireCopyWithNewHeadlineAndLocalParagraphIsFound) {
  std::string wire = made_up_text(1, 600);
  std::string copy = "A different headline for the local paper\n" + wire +
                     "\nLocal officials said the county was not affected and schools stay open.";
  Index index;
  EXPECT_EQ(index.add("Wire headline\n" + wire).kind, Kind::kUnique);
  Match m = index.add(copy);
  EXPECT_EQ(m.kind, Kind::kNear);
  EXPECT_EQ(m.group, 0u);
  EXPECT_GE(m.similarity, 0.8);
}

TEST(Dedup, ExactDuplicateIgnoresCaseAndPunctuation) {
  Index index;
  index.add("The council met on Monday. It voted 7-2!");
  Match m = index.add("the council met on monday -- it voted 7 2");
  EXPECT_EQ(m.kind, Kind::kExact);
  EXPECT_EQ(m.matched, 0u);
}

TEST(Dedup, DifferentArticlesStayApart) {
  Index index;
  for (uint32_t s = 0; s < 50; ++s) EXPECT_EQ(index.add(made_up_text(100 + s, 400)).kind, Kind::kUnique) << s;
  std::set<uint32_t> groups(index.groups().begin(), index.groups().end());
  EXPECT_EQ(groups.size(), 50u);
}

TEST(Dedup, UpdateOfAnUpdateJoinsTheFirstGroup) {
  std::string v1 = made_up_text(7, 500);
  std::string v2 = v1 + " " + made_up_text(8, 30);
  std::string v3 = v2 + " " + made_up_text(9, 30);
  Index index;
  index.add(v1);
  index.add(made_up_text(10, 500));
  EXPECT_EQ(index.add(v2).group, 0u);
  EXPECT_EQ(index.add(v3).group, 0u);
}

TEST(Dedup, EmptyTextIsUniqueAndDoesNotCrash) {
  Index index;
  EXPECT_EQ(index.add("").kind, Kind::kUnique);
  EXPECT_EQ(index.add("   ...  ").kind, Kind::kUnique);
  Signature s = fingerprint("");
  EXPECT_EQ(s.shingles, 0u);
}

TEST(Dedup, EstimateTracksExactJaccard) {
  // Edits of growing size: the estimate stays within a few points of the truth.
  std::string base = made_up_text(42, 800);
  for (int cut : {40, 120, 250, 400}) {
    std::string edited = base.substr(0, base.size() - static_cast<size_t>(cut) * 6) + made_up_text(43 + cut, cut);
    double truth = exact_jaccard(base, edited);
    double est = estimate_jaccard(fingerprint(base), fingerprint(edited));
    EXPECT_NEAR(est, truth, 0.12) << "cut " << cut;
  }
}

// Recall of near-duplicate pairs at Jaccard >= 0.8 against exact computation on a
// sample: 200 originals, each with one edited copy at a random edit size.
TEST(Dedup, RecallOfPairsAtJaccard08) {
  std::mt19937 rng(2024);
  std::vector<std::string> texts;
  for (uint32_t i = 0; i < 200; ++i) {
    std::string t = made_up_text(1000 + i, 300 + static_cast<int>(rng() % 600));
    texts.push_back(t);
    // Replace a random share (0-12%) of the words' positions at the end.
    size_t keep = t.size() - t.size() * (rng() % 13) / 100;
    texts.push_back(t.substr(0, keep) + " " + made_up_text(5000 + i, static_cast<int>((t.size() - keep) / 6)));
  }
  Index index;
  std::vector<Match> matches;
  for (const auto& t : texts) matches.push_back(index.add(t));
  int pairs = 0, found = 0;
  for (size_t i = 1; i < texts.size(); i += 2) {
    if (exact_jaccard(texts[i - 1], texts[i]) < 0.8) continue;
    ++pairs;
    found += matches[i].group == matches[i - 1].group;
  }
  ASSERT_GT(pairs, 100);
  EXPECT_GE(static_cast<double>(found) / pairs, 0.95) << found << "/" << pairs;
}

TEST(Dedup, SameInputSameGroups) {
  std::vector<Article> arts(30);
  for (int i = 0; i < 30; ++i) arts[i].text = made_up_text(static_cast<uint32_t>(i % 12), 300);
  auto a = find_duplicates(arts), b = find_duplicates(arts);
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].group, b[i].group);
    EXPECT_EQ(a[i].group, static_cast<uint32_t>(i % 12));
  }
}

}  // namespace
}  // namespace parallax::dedup
