// Alignment of sentences into facts, and what each article adds and leaves out.
// The articles here are short inventions about one local event, each told by a
// different (made-up) outlet.
#include "parallax/compare.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <set>
#include <string>
#include <vector>

#include "test_util.h"

namespace parallax {
namespace {

Article make_article(const std::string& outlet, const std::string& title,
                     const std::vector<std::string>& paras, const std::string& published = "") {
  Article a;
  a.outlet = outlet;
  a.title = title;
  a.published = published;
  a.language = "en";
  a.id = hash_id(outlet + title);
  for (const auto& p : paras) a.add_paragraph(p);
  return a;
}

const std::vector<std::string> kCourier = {
    "The city council of Harwick approved the new river bridge on Tuesday after a long debate.",
    "Mayor Elena Vasquez said that delaying the project again would be a grave error.",
    "The bridge will cost 40 million euros and should open to traffic in 2026.",
    "Local shop owners fear months of noise and blocked streets during construction.",
};
const std::vector<std::string> kGazette = {
    "On Tuesday, Harwick's council voted to approve the planned bridge over the river.",
    "Elena Vasquez, the mayor, warned that another postponement would be a big mistake.",
    "Building the crossing is expected to cost 40 million euros.",
    "Opposition councillor Tom Fraser called the plan reckless and promised to fight it in court.",
};
const std::vector<std::string> kHerald = {
    "Harwick council approved a bridge across the river on Tuesday after hours of argument.",
    "Tom Fraser, who leads the opposition, vowed to challenge the bridge plan in court.",
    "Engineers expect the old ferry service to stop once the bridge carries traffic.",
};

struct Set {
  std::vector<Article> articles;
  std::vector<Analysis> analyses;
  Comparison cmp;

  void add(const Article& a) {
    articles.push_back(a);
    analyses.push_back(testing::analyzer().analyze(articles.back()));
  }
  void run(const compare::Options& o = {}) {
    cmp = compare::compare(articles, analyses, testing::analyzer().lexical(), o);
  }
  std::string_view text(uint32_t a, uint32_t s) const {
    return analyses[a].sentences[s].span.of(articles[a].text);
  }
  // The sentence of article `a` containing `words`; fails the test when none.
  uint32_t sentence(uint32_t a, std::string_view words) const {
    for (uint32_t s = 0; s < analyses[a].sentences.size(); ++s)
      if (text(a, s).find(words) != std::string_view::npos) return s;
    ADD_FAILURE() << "no sentence with \"" << words << "\" in article " << a;
    return UINT32_MAX;
  }
  int fact_of(uint32_t a, uint32_t s) const {
    for (size_t f = 0; f < cmp.facts.size(); ++f)
      for (const auto& m : cmp.facts[f].members)
        if (m.article == a && m.sentence == s) return static_cast<int>(f);
    return -1;
  }
  int fact_with(uint32_t a, std::string_view words) const { return fact_of(a, sentence(a, words)); }
  bool same_fact(uint32_t a, std::string_view wa, uint32_t b, std::string_view wb) const {
    int fa = fact_with(a, wa);
    return fa >= 0 && fa == fact_with(b, wb);
  }
};

Set two_articles() {
  Set s;
  s.add(make_article("Harwick Courier", "Council approves river bridge", kCourier,
                     "2024-03-05T18:00:00Z"));
  s.add(
      make_article("Valley Gazette", "Harwick votes for bridge", kGazette, "2024-03-05T09:30:00Z"));
  s.run();
  return s;
}

Set three_articles() {
  Set s;
  s.add(make_article("Harwick Courier", "Council approves river bridge", kCourier,
                     "2024-03-05T18:00:00Z"));
  s.add(
      make_article("Valley Gazette", "Harwick votes for bridge", kGazette, "2024-03-05T09:30:00Z"));
  s.add(make_article("North Herald", "Bridge approved amid opposition", kHerald));
  s.run();
  return s;
}

TEST(CompareSimilarity, SynonymsMakeParaphrasesCloserThanUnrelatedSentences) {
  Set s = two_articles();
  const auto& lex = testing::analyzer().lexical();
  float paraphrase = compare::sentence_similarity(s.analyses[0], s.sentence(0, "grave error"),
                                                  s.analyses[1], s.sentence(1, "big mistake"), lex);
  float unrelated = compare::sentence_similarity(s.analyses[0], s.sentence(0, "shop owners"),
                                                 s.analyses[1], s.sentence(1, "Tom Fraser"), lex);
  EXPECT_GE(paraphrase, compare::Options{}.fact_threshold);
  EXPECT_LT(unrelated, compare::Options{}.fact_threshold);
  EXPECT_GT(paraphrase, unrelated + 0.2f);
  EXPECT_GE(unrelated, 0.0f);
  EXPECT_LE(paraphrase, 1.0f);
}

TEST(CompareSimilarity, IdenticalSentencesScoreHigh) {
  Set s;
  s.add(make_article("A", "t", {"The regional parliament passed the water law by a wide margin."}));
  s.add(make_article("B", "t", {"The regional parliament passed the water law by a wide margin."}));
  float v = compare::sentence_similarity(s.analyses[0], 0, s.analyses[1], 0,
                                         testing::analyzer().lexical());
  EXPECT_GT(v, 0.8f);
  EXPECT_EQ(compare::sentence_similarity(s.analyses[0], 7, s.analyses[1], 0,
                                         testing::analyzer().lexical()),
            0.0f);
}

TEST(CompareFacts, ParaphrasesAlignAcrossTwoArticles) {
  Set s = two_articles();
  EXPECT_TRUE(s.same_fact(0, "grave error", 1, "big mistake"));
  EXPECT_TRUE(s.same_fact(0, "approved the new river bridge", 1, "voted to approve"));
  EXPECT_TRUE(s.same_fact(0, "40 million", 1, "40 million"));
  EXPECT_FALSE(s.same_fact(0, "shop owners", 1, "Tom Fraser"));
  // Shared facts come first.
  ASSERT_FALSE(s.cmp.facts.empty());
  EXPECT_EQ(s.cmp.facts.front().articles, (std::vector<uint32_t>{0, 1}));
  for (const Fact& f : s.cmp.facts) {
    EXPECT_FALSE(f.summary.empty());
    for (const auto& m : f.members) {
      EXPECT_GT(m.similarity, 0.0f);
      EXPECT_LE(m.similarity, 1.0f);
    }
  }
}

TEST(CompareFacts, OnlyHereAndOmittedWithTwoArticles) {
  Set s = two_articles();
  int shop = s.fact_with(0, "shop owners");
  int fraser = s.fact_with(1, "Tom Fraser");
  ASSERT_GE(shop, 0);
  ASSERT_GE(fraser, 0);
  EXPECT_EQ(s.cmp.facts[shop].articles, (std::vector<uint32_t>{0}));
  const auto& a0 = s.cmp.articles[0];
  const auto& a1 = s.cmp.articles[1];
  EXPECT_NE(std::find(a0.only_here.begin(), a0.only_here.end(), shop), a0.only_here.end());
  EXPECT_NE(std::find(a1.only_here.begin(), a1.only_here.end(), fraser), a1.only_here.end());
  // With two articles, what one reports alone the other leaves out.
  EXPECT_NE(std::find(a0.omitted.begin(), a0.omitted.end(), fraser), a0.omitted.end());
  EXPECT_NE(std::find(a1.omitted.begin(), a1.omitted.end(), shop), a1.omitted.end());
  int shared = s.fact_with(0, "grave error");
  EXPECT_EQ(std::find(a0.omitted.begin(), a0.omitted.end(), shared), a0.omitted.end());
  EXPECT_EQ(std::find(a0.only_here.begin(), a0.only_here.end(), shared), a0.only_here.end());
}

TEST(CompareFacts, OnlyHereAndOmittedWithThreeArticles) {
  Set s = three_articles();
  EXPECT_TRUE(s.same_fact(1, "Tom Fraser", 2, "Tom Fraser"));
  EXPECT_TRUE(s.same_fact(0, "approved", 2, "approved"));
  int fraser = s.fact_with(1, "Tom Fraser");
  int ferry = s.fact_with(2, "ferry");
  int cost = s.fact_with(0, "40 million");
  int shop = s.fact_with(0, "shop owners");
  ASSERT_GE(fraser, 0);
  ASSERT_GE(ferry, 0);
  ASSERT_GE(cost, 0);
  const auto& c = s.cmp.articles;
  auto has = [](const std::vector<uint32_t>& v, int f) {
    return std::find(v.begin(), v.end(), f) != v.end();
  };
  // Reported by two others: an omission of the third.
  EXPECT_TRUE(has(c[0].omitted, fraser));
  EXPECT_TRUE(has(c[2].omitted, cost));
  // Reported by one other only: not an omission with three articles.
  EXPECT_FALSE(has(c[0].omitted, ferry));
  EXPECT_FALSE(has(c[1].omitted, shop));
  EXPECT_TRUE(has(c[2].only_here, ferry));
  EXPECT_TRUE(has(c[0].only_here, shop));
  // The approval is reported by all three: nobody's omission, nobody's alone.
  int approval = s.fact_with(0, "approved");
  EXPECT_EQ(s.cmp.facts[approval].articles, (std::vector<uint32_t>{0, 1, 2}));
  for (const auto& ac : c) {
    EXPECT_FALSE(has(ac.omitted, approval));
    EXPECT_FALSE(has(ac.only_here, approval));
  }
  // Facts reported by more articles come first.
  for (size_t f = 1; f < s.cmp.facts.size(); ++f)
    EXPECT_GE(s.cmp.facts[f - 1].articles.size(), s.cmp.facts[f].articles.size());
}

TEST(CompareFacts, ARestatementInAnotherParagraphIsNotASecondMember) {
  // Article A says the same thing twice, in two paragraphs; B once. B's sentence may
  // join only one of them.
  Set s;
  s.add(make_article("A", "t",
                     {"The museum reopened its east wing on Friday after two years of repairs.",
                      "After two years of repairs, the east wing of the museum reopened on Friday.",
                      "Visitors queued along the river to see the restored paintings."}));
  s.add(
      make_article("B", "t",
                   {"The museum's east wing reopened on Friday following two years of repair work.",
                    "Ticket prices will stay the same until the summer."}));
  s.run();
  for (const Fact& f : s.cmp.facts) {
    std::set<uint32_t> seen;
    for (const auto& m : f.members) EXPECT_TRUE(seen.insert(m.article).second) << f.summary;
    EXPECT_EQ(f.articles.size(), f.members.size());
    EXPECT_TRUE(std::is_sorted(f.articles.begin(), f.articles.end()));
  }
  int b = s.fact_with(1, "east wing");
  ASSERT_GE(b, 0);
  EXPECT_EQ(s.cmp.facts[b].articles, (std::vector<uint32_t>{0, 1}));
  // Every eligible sentence sits in exactly one fact (none states two facts here).
  std::set<std::pair<uint32_t, uint32_t>> members;
  for (const Fact& f : s.cmp.facts)
    for (const auto& m : f.members) EXPECT_TRUE(members.insert({m.article, m.sentence}).second);
}

// A made-up story told by four outlets, for the tests of figures, split and joined
// statements and house style below. Each outlet also writes a few sentences of its
// own so that word rarity means something.
Set flood_story() {
  Set s;
  s.add(make_article(
      "Riverside Wire", "Floods force hundreds from homes in Millbrook",
      {"MILLBROOK, Eastvale (Riverside Wire) - Mayor Oren Talbot ordered about 1,850 residents "
       "of Millbrook to leave their homes before dawn on Sunday as the Tessel river burst its banks.",
       "\"We had 95 firefighters along the embankment at the height of the storm. The water is "
       "falling now, but the danger is not over,\" fire chief Ana Ruiz said.",
       "Two bridges on the valley road were closed and trains to the coast were cancelled.",
       "The Tessel peaked at 4.7 metres, the highest level since records began, the "
       "environment agency said."}));
  s.add(make_article(
      "Eastvale Post", "Millbrook evacuated as Tessel floods",
      {"About 1,850 people in Millbrook were told to leave their homes early on Sunday by Mayor "
       "Oren Talbot after the Tessel flooded the lower town.",
       "Fire chief Ana Ruiz said the 95 firefighters sent to the embankment had seen the water "
       "start falling, though the danger was not over.",
       "The environment agency said the river reached 4.7 metres, a record.",
       "Volunteers filled sandbags outside the old mill through the night.",
       "Talbot said he was certain the flood defences would be rebuilt."}));
  s.add(make_article(
      "Morning Bugle", "MISERY IN MILLBROOK",
      {"Frightened families, 1,850 of them, were dragged from their beds and marched out of "
       "Millbrook in the pouring rain.",
       "Shopkeepers on the high street watched brown water pour through their doors.",
       "The Bugle says: the flood defences promised ten years ago were never built."}));
  s.add(make_article(
      "Valley Ledger", "Tessel flood: what went wrong in Millbrook",
      {"Mayor Oren Talbot, who ordered the evacuation of 1,850 residents, said on Sunday he was "
       "certain the flood defences would be rebuilt by spring.",
       "Engineers' reports on the old defences have never been published.",
       "Insurers expect claims to run into millions, according to a trade body."}));
  s.run();
  return s;
}

TEST(CompareFacts, ASharedRareFigureAndNameAlignAFreeParaphrase) {
  Set s = flood_story();
  // "1,850 residents of Millbrook" and "1,850 of them ... out of Millbrook": the
  // figure and the place make one fact although the wording shares little else.
  EXPECT_TRUE(s.same_fact(0, "1,850 residents", 2, "Frightened families"));
  EXPECT_TRUE(s.same_fact(0, "1,850 residents", 1, "About 1,850 people"));
  // A sentence only one outlet has, with a figure in it, is only there.
  int f = s.fact_with(0, "trains to the coast");
  ASSERT_GE(f, 0);
  EXPECT_EQ(s.cmp.facts[f].articles, (std::vector<uint32_t>{0}));
}

TEST(CompareFacts, TwoAdjacentSentencesMayStateOneFact) {
  Set s = flood_story();
  // The wire splits the chief's words in two; the Post states them in one sentence.
  int f = s.fact_with(1, "95 firefighters");
  ASSERT_GE(f, 0);
  std::set<uint32_t> wire;
  for (const auto& m : s.cmp.facts[f].members)
    if (m.article == 0) wire.insert(m.sentence);
  EXPECT_EQ(wire, (std::set<uint32_t>{s.sentence(0, "95 firefighters"), s.sentence(0, "The water is falling")}));
  // The fact lists each article once.
  EXPECT_TRUE(std::adjacent_find(s.cmp.facts[f].articles.begin(), s.cmp.facts[f].articles.end()) ==
              s.cmp.facts[f].articles.end());
}

TEST(CompareFacts, OneSentenceStatingTwoFactsJoinsBoth) {
  Set s = flood_story();
  // The Ledger's first sentence tells the evacuation and the mayor's promise, which
  // the Post tells apart; the fact of the promise holds it as well as the fact of
  // the evacuation.
  uint32_t lede = s.sentence(3, "who ordered the evacuation");
  int evacuation = s.fact_with(0, "1,850 residents");
  int promise = s.fact_with(1, "Talbot said he was certain");
  ASSERT_GE(evacuation, 0);
  ASSERT_GE(promise, 0);
  ASSERT_NE(evacuation, promise);
  auto holds = [&](int f) {
    for (const auto& m : s.cmp.facts[f].members)
      if (m.article == 3 && m.sentence == lede) return true;
    return false;
  };
  EXPECT_TRUE(holds(evacuation));
  EXPECT_TRUE(holds(promise)) << s.cmp.facts[promise].summary;
}

TEST(CompareFacts, HouseStyleAndPlainReportingVerbsAreNotEvidence) {
  // One outlet's sign-off lines in two unrelated stories share the outlet's name and
  // "says", nothing of substance.
  Set s;
  s.add(make_article("The Beacon", "Bridge approved",
                     {"The council approved the river bridge on Tuesday after a long debate.",
                      "Shop owners fear months of noise during the works.",
                      "The Beacon says: the council must listen to the shop owners."}));
  s.add(make_article("The Beacon", "Storm hits coast",
                     {"A storm brought down trees and power lines along the coast overnight.",
                      "Ferries to the islands were cancelled until Thursday.",
                      "The Beacon says: the storm warnings came far too late for the islands."}));
  s.run();
  for (const Fact& f : s.cmp.facts) EXPECT_EQ(f.articles.size(), 1u) << f.summary;
}

TEST(CompareFacts, DifferentPeoplesStatementsDoNotMerge) {
  Set s;
  s.add(make_article(
      "A", "t",
      {"Mayor Elena Vasquez said the budget cuts were a serious mistake for the schools.",
       "The council will vote on the budget next month."}));
  s.add(make_article(
      "B", "t",
      {"Finance director Robert Lang said the budget cuts were a serious mistake for the schools.",
       "A vote on the budget is planned for next month."}));
  s.run();
  EXPECT_FALSE(s.same_fact(0, "Vasquez", 1, "Robert Lang"));
  EXPECT_TRUE(s.same_fact(0, "vote on the budget", 1, "vote on the budget"));
}

TEST(CompareFacts, HeadingsAndFragmentsAreNotFacts) {
  Set s;
  Article a = make_article("A", "t", {});
  a.add_paragraph("Bridge Vote", BlockKind::kHeading);
  a.add_paragraph("The council approved the bridge on Tuesday evening after a long debate.");
  a.add_paragraph("Read more.");
  s.add(a);
  s.add(make_article(
      "B", "t", {"On Tuesday evening the council approved the bridge after debating for hours."}));
  s.run();
  for (const Fact& f : s.cmp.facts) {
    EXPECT_EQ(f.summary.find("Bridge Vote"), std::string::npos);
    EXPECT_EQ(f.summary.find("Read more"), std::string::npos);
  }
  EXPECT_TRUE(s.same_fact(0, "approved", 1, "approved"));
}

TEST(CompareFacts, DeterministicAndIndependentOfArticleOrder) {
  Set s = three_articles();
  Set again = three_articles();
  ASSERT_EQ(s.cmp.facts.size(), again.cmp.facts.size());
  for (size_t f = 0; f < s.cmp.facts.size(); ++f) {
    EXPECT_EQ(s.cmp.facts[f].summary, again.cmp.facts[f].summary);
    EXPECT_EQ(s.cmp.facts[f].articles, again.cmp.facts[f].articles);
  }
  // Reverse the order: the same facts, with articles relabelled.
  Set rev;
  for (int i = 2; i >= 0; --i) rev.add(s.articles[i]);
  rev.run();
  auto canonical = [](const Set& x, const std::vector<uint32_t>& label) {
    std::set<std::vector<std::pair<uint32_t, uint32_t>>> out;
    for (const Fact& f : x.cmp.facts) {
      std::vector<std::pair<uint32_t, uint32_t>> m;
      for (const auto& mem : f.members) m.emplace_back(label[mem.article], mem.sentence);
      std::sort(m.begin(), m.end());
      out.insert(m);
    }
    return out;
  };
  EXPECT_EQ(canonical(s, {0, 1, 2}), canonical(rev, {2, 1, 0}));
}

TEST(CompareProfiles, TimelineEntitiesAndFraming) {
  Set s = three_articles();
  // Gazette (09:30) before Courier (18:00); the Herald has no date and comes last.
  EXPECT_EQ(s.cmp.timeline, (std::vector<uint32_t>{1, 0, 2}));
  ASSERT_EQ(s.cmp.articles.size(), 3u);
  for (size_t a = 0; a < 3; ++a) {
    const FramingProfile& fp = s.cmp.articles[a].framing;
    EXPECT_EQ(fp.opinion_sentences + fp.reporting_sentences, s.analyses[a].sentences.size());
    EXPECT_EQ(fp.strongest.size(), s.analyses[a].framing.size());
    for (size_t i = 1; i < fp.strongest.size(); ++i)
      EXPECT_GE(s.analyses[a].framing[fp.strongest[i - 1]].strength,
                s.analyses[a].framing[fp.strongest[i]].strength);
    const SourcingProfile& sp = s.cmp.articles[a].sourcing;
    EXPECT_EQ(sp.direct + sp.indirect, s.analyses[a].quotes.size());
  }
  // Entity coverage: most mentioned first, one count per article.
  for (size_t i = 0; i < s.cmp.entities.size(); ++i) {
    EXPECT_EQ(s.cmp.entities[i].mentions.size(), 3u);
    if (i == 0) continue;
    auto total = [](const EntityCoverage& e) {
      uint32_t t = 0;
      for (uint32_t m : e.mentions) t += m;
      return t;
    };
    EXPECT_GE(total(s.cmp.entities[i - 1]), total(s.cmp.entities[i]));
  }
  // Tom Fraser is named by two of the three, whichever surface form they use.
  auto fraser = std::find_if(
      s.cmp.entities.begin(), s.cmp.entities.end(),
      [](const EntityCoverage& e) { return e.name.find("Fraser") != std::string::npos; });
  if (fraser != s.cmp.entities.end()) {
    EXPECT_EQ(fraser->mentions[0], 0u);
    EXPECT_GT(fraser->mentions[1], 0u);
    EXPECT_GT(fraser->mentions[2], 0u);
  }
}

TEST(CompareProfiles, SpeakersCarryWhomTheySpeakFor) {
  Set s;
  s.add(make_article("Harwick Courier", "Bridge vote",
                     {"Harwick council approved the river bridge on Tuesday.",
                      "\"This bridge is a waste of money,\" said Laura Hartley, a spokeswoman for "
                      "the Fraser campaign."}));
  s.add(make_article("Valley Gazette", "Council backs bridge",
                     {"The council in Harwick voted for the bridge on Tuesday.",
                      "\"The money is wasted,\" Laura Hartley said."}));
  s.run();
  auto laura = std::find_if(s.cmp.speakers.begin(), s.cmp.speakers.end(), [](const SpeakerCoverage& c) {
    return c.speaker == "Laura Hartley";
  });
  ASSERT_NE(laura, s.cmp.speakers.end());
  // The second article says nothing of it; the first does, and it stands for both.
  EXPECT_EQ(laura->affiliations, (std::vector<std::string>{"Fraser campaign"}));
  EXPECT_EQ(laura->quotes, (std::vector<uint32_t>{1, 1}));
}

TEST(CompareProfiles, TimelineByInstantAcrossTimeZones) {
  Set s;
  const std::vector<std::string> body = {"The council approved the bridge on Tuesday evening."};
  s.add(make_article("A", "t", body, "2024-03-05T08:00:00Z"));
  s.add(make_article("B", "t", body, "2024-03-05T10:00:00+03:00"));  // 07:00 UTC
  s.add(make_article("C", "t", body, ""));
  s.add(make_article("D", "t", body, "2024-03-04"));
  s.add(make_article("E", "t", body, "2024-03-05T07:30-0100"));  // 08:30 UTC
  s.run();
  EXPECT_EQ(s.cmp.timeline, (std::vector<uint32_t>{3, 1, 0, 4, 2}));
}

TEST(CompareProfiles, TitleOverlap) {
  Set s;
  s.add(make_article("A", "Council approves river bridge",
                     {"The council approved the bridge on Tuesday evening."}));
  s.add(make_article("B", "River bridge approved by council",
                     {"The bridge was approved by the council."}));
  s.add(make_article("C", "Storm closes schools",
                     {"Schools closed because of the storm on Monday."}));
  s.run();
  EXPECT_GT(s.cmp.articles[0].title_overlap, 0.5f);
  EXPECT_EQ(s.cmp.articles[2].title_overlap, 0.0f);
}

// Fifty made-up articles of about 800 words on one story: each tells five facts that
// all tell, some of forty more, and sentences of its own, in made-up words (so no
// synonym or stopword list helps).
TEST(CompareScale, FiftyArticlesStayFastAndAlignTheSharedFacts) {
  uint32_t seed = 12345;
  auto next = [&](size_t n) {
    seed = seed * 1664525u + 1013904223u;
    return (seed >> 8) % n;
  };
  auto word = [](size_t i) {
    static const char* const kSyl[] = {"ba",  "ko", "ri", "sen", "tu",
                                       "mal", "ve", "do", "lin", "gor"};
    std::string w;
    for (size_t k = 0; k < 3; ++k, i /= 10) w += kSyl[i % 10];
    return w;
  };
  auto fact = [&](size_t f) {
    return "The " + word(f * 6) + " " + word(f * 6 + 1) + " said the " + word(f * 6 + 2) +
           " would " + word(f * 6 + 3) + " the " + word(f * 6 + 4) + " near " + word(f * 6 + 5) +
           ".";
  };
  Set s;
  for (int a = 0; a < 50; ++a) {
    std::vector<std::string> paras;
    std::string para;
    auto add = [&](const std::string& sentence) {
      para += (para.empty() ? "" : " ") + sentence;
      if (para.size() > 400) paras.push_back(std::move(para)), para.clear();
    };
    for (size_t f = 0; f < 5; ++f) add(fact(f));
    for (size_t k = 0; k < 25; ++k) add(fact(5 + next(40)));
    for (size_t k = 0; k < 40; ++k) {
      std::string own = "Then";
      for (int w = 0; w < 7; ++w) own += " " + word(300 + next(700));
      add(own + ".");
    }
    if (!para.empty()) paras.push_back(para);
    s.add(make_article("Outlet " + std::to_string(a), "Report " + std::to_string(a), paras));
  }
  size_t words = 0;
  for (const auto& an : s.analyses) words += an.word_count;
  EXPECT_GT(words / 50, 600u);
  auto t0 = std::chrono::steady_clock::now();
  s.run();
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  // A guard against quadratic blow-ups, not a benchmark.
  EXPECT_LT(secs, 10.0);
  // An article holds a fact in one sentence or in two adjacent ones of a paragraph.
  for (const Fact& f : s.cmp.facts) {
    for (size_t i = 1; i < f.members.size(); ++i) {
      const auto& prev = f.members[i - 1];
      const auto& cur = f.members[i];
      if (cur.article != prev.article) continue;
      EXPECT_EQ(cur.sentence, prev.sentence + 1) << f.summary;
      const Analysis& an = s.analyses[cur.article];
      EXPECT_EQ(an.sentences[cur.sentence].paragraph, an.sentences[prev.sentence].paragraph);
    }
  }
  // The five facts every article tells come first, each with all fifty articles.
  ASSERT_GE(s.cmp.facts.size(), 5u);
  std::set<std::string> told;
  for (size_t f = 0; f < 5; ++f) {
    EXPECT_EQ(s.cmp.facts[f].articles.size(), 50u) << s.cmp.facts[f].summary;
    told.insert(s.cmp.facts[f].summary);
  }
  for (size_t f = 0; f < 5; ++f) EXPECT_TRUE(told.count(fact(f))) << fact(f);
  EXPECT_EQ(s.cmp.articles.size(), 50u);
}

TEST(CompareFacts, EmptyAndMismatchedInputs) {
  std::vector<Article> none;
  std::vector<Analysis> no_analyses;
  Comparison c = compare::compare(none, no_analyses, testing::analyzer().lexical());
  EXPECT_TRUE(c.facts.empty());
  Set s;
  s.add(make_article("A", "t", {}));
  s.add(make_article("B", "t",
                     {"Only one sentence here, but it is a long enough statement of fact."}));
  s.run();
  EXPECT_EQ(s.cmp.articles.size(), 2u);
  EXPECT_EQ(s.cmp.articles[1].only_here.size(), 1u);
  EXPECT_EQ(s.cmp.articles[0].omitted.size(), 1u);
}

}  // namespace
}  // namespace parallax
