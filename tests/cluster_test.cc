#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "cluster/features.h"
#include "parallax/cluster.h"
#include "parallax/eval.h"
#include "parallax/synthetic.h"
#include "test_util.h"

namespace parallax {
namespace {

Article make(const std::string& id, const std::string& outlet, const std::string& published, const std::string& title,
             const std::vector<std::string>& paragraphs) {
  Article a;
  a.id = id;
  a.outlet = outlet;
  a.published = published;
  a.title = title;
  a.language = "en";
  for (const auto& p : paragraphs) a.add_paragraph(p);
  return a;
}

// Events written for these tests: a harbour crane collapse, a chess upset, a vaccine
// trial and a water main break. Each pair of same-event texts is worded differently.
Article crane_wire() {
  return make("crane-wire", "Coastal Wire", "2024-03-11T08:00:00Z",
              "Crane collapses at Port Elswick container terminal, two workers hurt",
              {"A gantry crane collapsed at the Port Elswick container terminal early on Monday, injuring two "
               "dock workers and halting loading operations at the busiest berth of the harbour.",
               "The harbour authority said the crane, which lifts containers from cargo ships, buckled during "
               "strong gusts shortly before dawn. Both workers were taken to Elswick General Hospital with "
               "injuries that were not thought to be life threatening.",
               "Marta Kovalenko, the terminal manager, said inspectors from the Maritime Safety Board had been "
               "called in and that two neighbouring cranes would stay idle until engineers had checked their "
               "welds and cables.",
               "Shipping lines were told to expect delays of up to three days as vessels queue outside the port "
               "while the wreckage is cleared from the quay."});
}

Article crane_copy() {
  // The wire story as a local paper runs it: new headline, a local paragraph on top,
  // a word changed here and there.
  Article a = crane_wire();
  a.id = "crane-local";
  a.outlet = "Elswick Evening Post";
  a.published = "2024-03-11T11:30:00Z";
  a.title = "Storm topples giant crane on our quayside";
  a.text.clear();
  a.paragraphs.clear();
  a.add_paragraph("Residents of the Riverside estate said they heard a loud crash from the docks before sunrise, "
                  "and several families gathered on the sea wall to watch rescue crews at work.");
  a.add_paragraph("A gantry crane collapsed at the Port Elswick container terminal early on Monday, injuring two "
                  "dock workers and stopping loading operations at the busiest berth of the harbour.");
  a.add_paragraph("The harbour authority said the crane, which lifts containers from cargo ships, buckled during "
                  "strong gusts shortly before dawn. Both workers were taken to Elswick General Hospital with "
                  "injuries that were not thought to be life threatening.");
  a.add_paragraph("Marta Kovalenko, the terminal manager, said inspectors from the Maritime Safety Board had been "
                  "called in and that two neighbouring cranes would stay idle until engineers had checked their "
                  "welds and cables.");
  a.add_paragraph("Shipping lines were told to expect delays of up to three days as vessels queue outside the port "
                  "while the wreckage is cleared from the quay.");
  return a;
}

Article crane_other_outlet() {
  return make("crane-daily", "National Daily", "2024-03-11T15:00:00Z",
              "Elswick port berth shut after gantry crane buckles in gale",
              {"Safety investigators are examining why a towering gantry crane gave way in high winds at Port "
               "Elswick, leaving two dockers in hospital and one of the country's main container berths out of "
               "action.",
               "Terminal manager Marta Kovalenko told reporters the crane had passed its annual inspection in "
               "the autumn. The Maritime Safety Board has sent a team to the container terminal, and the "
               "neighbouring cranes have been switched off while their cables are tested.",
               "Freight companies warned customers that cargo ships waiting off the harbour could face several "
               "days of delay before the quay is cleared."});
}

Article chess_upset() {
  return make("chess-1", "Board Weekly", "2024-03-11T09:00:00Z",
              "Teenager Ilse Brandvold stuns champion at Varna chess open",
              {"Fifteen-year-old Ilse Brandvold defeated the reigning champion Tomasz Wierzbicki in the fourth "
               "round of the Varna chess open, sacrificing a rook to launch a mating attack on move 31.",
               "Brandvold, who learned the game in a village library, now leads the tournament with four points "
               "from four games. Wierzbicki resigned after a long think and congratulated his opponent.",
               "Organisers said ticket sales for the final rounds had doubled overnight."});
}

Article vaccine_trial() {
  return make("vaccine-1", "Health Desk", "2024-03-11T10:00:00Z",
              "Malaria vaccine trial in Lusaka reports strong early results",
              {"Researchers running a malaria vaccine trial in Lusaka said the shot cut infections among young "
               "children by more than half during the first rainy season of the study.",
               "The trial enrolled 4,800 children across twelve clinics. Dr Chanda Mwale, who leads the study, "
               "said side effects were mild and that a larger trial would begin next year.",
               "Health officials cautioned that the results have not yet been reviewed by independent experts."});
}

// Same event, different wording, with shared names.
Article chess_upset_retold() {
  return make("chess-2", "Sports Roundup", "2024-03-11T18:00:00Z",
              "Wierzbicki falls to 15-year-old Brandvold in Varna",
              {"Reigning champion Tomasz Wierzbicki suffered a shock defeat at the Varna chess open on Monday, "
               "beaten by the teenage Norwegian Ilse Brandvold after she gave up a rook for a crushing attack "
               "against his king.",
               "The result puts Brandvold alone at the top of the standings after four rounds. Wierzbicki said "
               "he had underestimated the sacrifice and praised the young player's calculation.",
               "Spectators queued outside the hall for the next round, organisers said."});
}

std::map<std::string, std::string> story_by_article(const std::vector<Article>& articles,
                                                    const cluster::Grouping& g) {
  std::map<std::string, std::string> out;
  for (size_t i = 0; i < articles.size(); ++i) out[articles[i].id] = g.stories[g.story_of[i]].id;
  return out;
}

TEST(ClusterTest, WireCopyWithNewHeadlineAndLocalParagraphJoinsOriginal) {
  std::vector<Article> articles = {crane_wire(), chess_upset(), vaccine_trial(), crane_copy()};
  cluster::Grouping g = cluster::group(articles);
  EXPECT_EQ(g.story_of[3], g.story_of[0]);
  EXPECT_EQ(g.duplicate_of[3], 0) << "the local copy should be found as a near-duplicate of the wire story";
  EXPECT_NE(g.story_of[1], g.story_of[0]);
  EXPECT_NE(g.story_of[2], g.story_of[0]);
  EXPECT_EQ(g.duplicate_of[0], -1);
}

TEST(ClusterTest, SameEventInDifferentWordingIsGrouped) {
  std::vector<Article> articles = {crane_wire(), chess_upset(), vaccine_trial(), crane_other_outlet(),
                                   chess_upset_retold()};
  cluster::Grouping g = cluster::group(articles);
  EXPECT_EQ(g.story_of[3], g.story_of[0]) << "two outlets' accounts of the crane collapse";
  EXPECT_EQ(g.story_of[4], g.story_of[1]) << "two accounts of the chess upset";
  EXPECT_NE(g.story_of[0], g.story_of[1]);
  EXPECT_NE(g.story_of[0], g.story_of[2]);
  EXPECT_NE(g.story_of[1], g.story_of[2]);
  EXPECT_EQ(g.stories.size(), 3u);
  EXPECT_EQ(g.duplicate_of[3], -1) << "a different text is not a duplicate";
}

Article summit(const std::string& id, const std::string& date, const std::string& city, const std::string& topic,
               const std::string& host) {
  return make(id, "World Service", date, "NATO leaders gather in " + city + " for annual summit",
              {"Leaders of the NATO alliance met in " + city + " on Tuesday for their annual summit, with " + topic +
                   " at the top of the agenda.",
               "Secretary General Jens Stoltenberg said the allies would agree on new defence spending targets. " +
                   host + " welcomed the delegations at the conference centre.",
               "NATO members are expected to sign a joint declaration on the second day of the summit, officials "
               "from the alliance said."});
}

TEST(ClusterTest, SummitsOfOneAllianceAYearApartStayApart) {
  std::vector<Article> articles = {
      summit("nato-a1", "2023-07-11T09:00:00Z", "Vilnius", "support for Ukraine", "Gitanas Nauseda"),
      summit("nato-a2", "2023-07-11T13:00:00Z", "Vilnius", "support for Ukraine and air defence",
             "The Lithuanian president"),
      summit("nato-b1", "2024-07-09T09:00:00Z", "Washington", "the alliance's 75th anniversary", "Joe Biden"),
      summit("nato-b2", "2024-07-09T15:00:00Z", "Washington", "the 75th anniversary and Ukraine", "The US president"),
  };
  cluster::Grouping g = cluster::group(articles);
  EXPECT_EQ(g.story_of[0], g.story_of[1]);
  EXPECT_EQ(g.story_of[2], g.story_of[3]);
  EXPECT_NE(g.story_of[0], g.story_of[2]) << "summits a year apart are different events";
}

Article storm(const std::string& id, const std::string& date, const std::string& name, const std::string& detail) {
  return make(id, "Gulf Herald", date, "Storm " + name + " floods streets of Port Arlen",
              {"Storm " + name + " brought torrential rain and hurricane-force winds to Port Arlen overnight, "
               "flooding streets in the old town and cutting power to thousands of homes.",
               "Mayor Delia Fontaine urged residents to stay indoors. " + detail,
               "Emergency crews in Port Arlen rescued stranded drivers and the airport cancelled flights."});
}

TEST(ClusterTest, StormsHittingOneCityMonthsApartStayApart) {
  std::vector<Article> articles = {
      storm("storm-1a", "2024-08-20T06:00:00Z", "Odile", "Shelters opened at three schools."),
      storm("storm-1b", "2024-08-20T10:00:00Z", "Odile", "The river rose above its banks near the market."),
      storm("storm-2a", "2024-11-02T06:00:00Z", "Rafael", "The seafront promenade was closed."),
      storm("storm-2b", "2024-11-02T09:00:00Z", "Rafael", "Schools will stay shut on Monday."),
  };
  cluster::Grouping g = cluster::group(articles);
  EXPECT_EQ(g.story_of[0], g.story_of[1]);
  EXPECT_EQ(g.story_of[2], g.story_of[3]);
  EXPECT_NE(g.story_of[0], g.story_of[2]) << "two storms months apart are different events";
}

std::vector<Article> same_hour_batch() {
  std::vector<Article> articles = {crane_wire(), chess_upset(), vaccine_trial(), crane_other_outlet(),
                                   chess_upset_retold(), crane_copy()};
  // All within one hour: the order among them must come from the ids, not the input.
  for (auto& a : articles) a.published = "2024-03-11T10:00:00Z";
  return articles;
}

TEST(ClusterTest, OrderOfArticlesPublishedInOneHourDoesNotMatter) {
  std::vector<Article> articles = same_hour_batch();
  const auto expected = story_by_article(articles, cluster::group(articles));
  std::mt19937 rng(7);
  for (int round = 0; round < 6; ++round) {
    std::shuffle(articles.begin(), articles.end(), rng);
    EXPECT_EQ(story_by_article(articles, cluster::group(articles)), expected) << "round " << round;
  }
}

TEST(ClusterTest, SameInputGivesSameOutput) {
  synthetic::StreamOptions so;
  so.articles = 1500;
  so.articles_per_day = 300;
  so.seed = 11;
  synthetic::Stream s = synthetic::generate(so);
  cluster::Grouping a = cluster::group(s.articles);
  cluster::Grouping b = cluster::group(s.articles);
  ASSERT_EQ(a.stories.size(), b.stories.size());
  EXPECT_EQ(a.story_of, b.story_of);
  for (size_t i = 0; i < a.stories.size(); ++i) {
    EXPECT_EQ(a.stories[i].id, b.stories[i].id);
    EXPECT_EQ(a.stories[i].articles, b.stories[i].articles);
    EXPECT_EQ(a.stories[i].label, b.stories[i].label);
  }
}

TEST(ClusterTest, IncrementalAddsMatchTheBatch) {
  // Feeding article by article gives what the batch gives: nothing is recomputed.
  synthetic::StreamOptions so;
  so.articles = 800;
  so.articles_per_day = 200;
  synthetic::Stream s = synthetic::generate(so);
  cluster::Clusterer c;
  for (const auto& a : s.articles) c.add(a);
  cluster::Grouping g = cluster::group(s.articles);
  std::vector<Story> stories = c.stories();
  ASSERT_EQ(stories.size(), g.stories.size());
  for (size_t i = 0; i < stories.size(); ++i) EXPECT_EQ(stories[i].articles, g.stories[i].articles);
}

TEST(ClusterTest, SyntheticStreamIsGroupedWellAndFollowUpsStayApart) {
  synthetic::StreamOptions so;
  so.articles = 6000;
  so.articles_per_day = 600;
  so.seed = 3;
  synthetic::Stream s = synthetic::generate(so);
  cluster::Grouping g = cluster::group(s.articles);
  std::vector<uint32_t> pred(s.articles.size());
  for (size_t i = 0; i < pred.size(); ++i) pred[i] = g.story_of[i];
  eval::ClusterScores sc = eval::cluster_scores(s.events, pred);
  EXPECT_GE(sc.pairwise.f1, 0.9);
  EXPECT_GE(sc.bcubed.f1, 0.9);
  // Wire copies are found as duplicates of their event's first article.
  size_t dups = 0, right = 0;
  for (size_t i = 0; i < g.duplicate_of.size(); ++i) {
    if (g.duplicate_of[i] < 0) continue;
    ++dups;
    right += s.events[static_cast<size_t>(g.duplicate_of[i])] == s.events[i];
  }
  EXPECT_GT(dups, 100u);
  EXPECT_EQ(right, dups);
}

TEST(ClusterTest, StreamSpanningSeveralHorizonsStaysGroupedAndIncremental) {
  // 70 days of news: stories retire, their postings are compacted away, and the
  // grouping of what is still open must not notice.
  synthetic::StreamOptions so;
  so.articles = 7000;
  so.articles_per_day = 100;
  so.seed = 5;
  synthetic::Stream s = synthetic::generate(so);
  cluster::Grouping g = cluster::group(s.articles);
  std::vector<uint32_t> pred(g.story_of.begin(), g.story_of.end());
  eval::ClusterScores sc = eval::cluster_scores(s.events, pred);
  EXPECT_GE(sc.pairwise.f1, 0.9);
  EXPECT_GE(sc.bcubed.f1, 0.9);
  cluster::Clusterer c;
  for (size_t k : g.order) c.add(s.articles[k]);
  std::vector<Story> stories = c.stories();
  ASSERT_EQ(stories.size(), g.stories.size());
  for (size_t i = 0; i < stories.size(); ++i) EXPECT_EQ(stories[i].articles, g.stories[i].articles);
}

TEST(ClusterTest, StoriesHaveLabelsSpansAndKeyEntities) {
  std::vector<Article> articles = {crane_wire(), chess_upset(), crane_other_outlet(), chess_upset_retold()};
  cluster::Grouping g = cluster::group(articles);
  ASSERT_EQ(g.stories.size(), 2u);
  const Story& crane = g.stories[g.story_of[0]];
  EXPECT_TRUE(crane.label == articles[0].title || crane.label == articles[2].title) << crane.label;
  EXPECT_EQ(crane.first_published, "2024-03-11T08:00:00Z");
  EXPECT_EQ(crane.last_published, "2024-03-11T15:00:00Z");
  EXPECT_EQ(crane.articles, (std::vector<std::string>{"crane-wire", "crane-daily"}));
  const auto& ents = crane.key_entities;
  EXPECT_TRUE(std::find(ents.begin(), ents.end(), "Marta Kovalenko") != ents.end() ||
              std::find(ents.begin(), ents.end(), "Maritime Safety Board") != ents.end())
      << "key entities should name the people and bodies of the story";
  EXPECT_TRUE(std::find(ents.begin(), ents.end(), "Tomasz Wierzbicki") == ents.end());
}

TEST(ClusterTest, LanguagesAreComparedApart) {
  Article en = crane_wire();
  Article other = crane_other_outlet();
  other.language = "de";  // said to be another language: not compared with the English one
  cluster::Grouping g = cluster::group({en, other});
  EXPECT_NE(g.story_of[0], g.story_of[1]);
}

TEST(ClusterTest, EmptyArticleOpensItsOwnStory) {
  Article empty;
  empty.id = "empty";
  cluster::Grouping g = cluster::group({crane_wire(), empty});
  EXPECT_EQ(g.stories.size(), 2u);
}

// Undated texts with a dated dateline: the same storm name and city in two different
// years stay apart; without the datelines the look-alike texts would be one story.
TEST(ClusterTest, UndatedLookAlikesAreToldApartByTheDateAtTheirTop) {
  auto undated = [](const std::string& id, const std::string& dateline, const std::string& detail) {
    Article a = storm(id, "", "Odile", detail);
    a.text = dateline + a.text;
    return a;
  };
  std::vector<Article> dated = {
      undated("s1", "PORT ARLEN, August 20, 2019 - ", "Shelters opened at three schools."),
      undated("s2", "21 August 2019 | ", "The river rose above its banks near the market."),
      undated("s3", "PORT ARLEN, September 3rd, 2023 - ", "The seafront promenade was closed."),
      undated("s4", "Sept. 4, 2023 - ", "Schools will stay shut on Monday."),
  };
  cluster::Grouping g = cluster::group(dated);
  EXPECT_EQ(g.story_of[0], g.story_of[1]);
  EXPECT_EQ(g.story_of[2], g.story_of[3]);
  EXPECT_NE(g.story_of[0], g.story_of[2]) << "four years apart";
  std::vector<Article> bare = {undated("s1", "", "Shelters opened at three schools."),
                               undated("s3", "", "The seafront promenade was closed.")};
  cluster::Grouping b = cluster::group(bare);
  EXPECT_EQ(b.story_of[0], b.story_of[1]) << "the control: alike enough to join without dates";
}

// Undated articles cannot say which stories are too old: one that retells an event
// months before the rest of the batch still joins it, while a dated retelling that late
// opens a story of its own.
Article crane_retold() {
  return make("crane-retold", "Harbour Gazette", "2024-03-11T12:00:00Z",
              "Gantry crane collapses at Port Elswick terminal, injuring two dock workers",
              {"Two dock workers were injured when a gantry crane collapsed early on Monday at the Port Elswick "
               "container terminal, stopping loading at the harbour's busiest berth.",
               "According to the harbour authority, strong gusts buckled the crane before dawn as it was lifting "
               "containers from a cargo ship. The injured workers were treated at Elswick General Hospital.",
               "Terminal manager Marta Kovalenko said the Maritime Safety Board had sent inspectors and that "
               "neighbouring cranes would stay idle until engineers had checked their cables and welds.",
               "Vessels are queueing outside the port and shipping lines expect delays of up to three days while "
               "the quay is cleared of wreckage."});
}

TEST(ClusterTest, UndatedArticleReachesStoriesPastTheHorizon) {
  Article late_retelling = crane_retold();
  Article far_later = chess_upset();
  far_later.published = "2024-07-01T09:00:00Z";  // the stream moves on four months
  Article undated = late_retelling;
  undated.id = "crane-undated";
  undated.published = "";
  std::vector<Article> articles = {crane_wire(), far_later, undated};
  cluster::Grouping g = cluster::group(articles);
  EXPECT_EQ(g.story_of[2], g.story_of[0]) << "the undated account joins the crane story";
  EXPECT_EQ(g.duplicate_of[2], -1);

  Article dated_late = late_retelling;
  dated_late.published = "2024-07-02T09:00:00Z";
  cluster::Grouping d = cluster::group({crane_wire(), far_later, dated_late});
  EXPECT_NE(d.story_of[2], d.story_of[0]) << "a dated text past the horizon does not";

  cluster::Options no_archive;
  no_archive.archive_stories = 0;
  cluster::Grouping n = cluster::group(articles, no_archive);
  EXPECT_NE(n.story_of[2], n.story_of[0]) << "the control: without the archive it cannot";
}

TEST(ClusterTest, UndatedArticlesJoinArchivedStoriesIncrementally) {
  // Fed one by one, the same as the batch: the archive is built as the stream goes.
  Article far_later = chess_upset();
  far_later.published = "2024-07-01T09:00:00Z";
  Article undated = crane_retold();
  undated.published = "";
  std::vector<Article> articles = {crane_wire(), vaccine_trial(), far_later, undated};
  cluster::Clusterer c;
  for (const auto& a : articles) c.add(a);
  EXPECT_EQ(c.story_of(3), c.story_of(0));
  EXPECT_NE(c.story_of(1), c.story_of(0));
  EXPECT_EQ(c.stories().size(), 3u);
}

Article quake(const std::string& id, const std::string& title, const std::string& lead, const std::string& rest,
             bool second = false) {
  return make(id, "Quake Desk", "", title,
              {lead, rest,
               second ? "Governor Ana Quiroga visited Villalba and promised the province would pay to rebuild the "
                        "church and the homes around the square."
                      : "The regional governor Ana Quiroga declared a state of emergency and asked for army help to "
                        "reach mountain villages cut off by landslides near Serrano."});
}

// Two earthquakes in one region read alike; their magnitudes, tolls and dates do not.
std::vector<Article> two_quakes() {
  return {
      quake("q1a", "Magnitude 6.4 earthquake kills 23 in Serrano province",
            "A magnitude 6.4 earthquake struck Serrano province on March 3, killing 23 people and injuring "
            "dozens more, officials said.",
            "Buildings collapsed in the old quarter of Serrano and rescue teams searched the rubble through the "
            "night. Seismologists said the quake was 10 kilometres deep."),
      quake("q1b", "Serrano earthquake death toll reaches 23",
            "Twenty-three people died when a 6.4 magnitude quake shook Serrano province early on March 3, the "
            "civil defence agency said.",
            "Rescuers dug through fallen homes in the old quarter of Serrano until dawn. The epicentre was 10 "
            "kilometres below the surface."),
      quake("q2a", "Four dead as earthquake shakes Serrano province",
            "A magnitude 5.1 earthquake struck Serrano province on October 19, killing 4 people and injuring "
            "dozens more, officials said.",
            "A church tower fell onto the market square of Villalba and a dam was inspected for cracks. "
            "Seismologists said the quake was 35 kilometres deep.",
            true),
      quake("q2b", "Quake of magnitude 5.1 kills four near Villalba",
            "Four people died when a 5.1 magnitude quake shook Serrano province early on October 19, the civil "
            "defence agency said.",
            "Engineers checked the dam above Villalba, where a church tower came down on the market. The "
            "epicentre was 35 kilometres below the surface.",
            true),
  };
}

TEST(ClusterTest, LookAlikeEventsAreToldApartByTheirFigures) {
  std::vector<Article> articles = two_quakes();
  cluster::Grouping g = cluster::group(articles);
  EXPECT_EQ(g.story_of[0], g.story_of[1]) << "one quake, two wordings, the same figures";
  EXPECT_EQ(g.story_of[2], g.story_of[3]);
  EXPECT_NE(g.story_of[0], g.story_of[2]) << "magnitude, toll, depth and date disagree";

  cluster::Options blind;
  blind.fact_boost = 0;
  blind.fact_penalty = 1;
  cluster::Grouping b = cluster::group(articles, blind);
  EXPECT_EQ(b.story_of[0], b.story_of[2]) << "the control: without the figures the texts are alike enough to join";
}

// A party chair voted out by his council group, told by three outlets and retold by a
// fourth in other words; four days later, a follow-up with the same people: a rival
// says she will run for the post. Written for this test.
std::vector<Article> chair_vote_and_follow_up() {
  return {
      make("chair-a", "Carrowby Ledger", "2025-05-06T21:00:00Z",
           "Velmora Party rebels oust Tomas Brevik as council chair in emergency ballot",
           {"Rebels in the Velmora Party ousted Tomas Brevik as chair of the Carrowby council "
            "group on Tuesday "
            "night, winning an emergency ballot on a confidence motion by 14 votes to 9 after a "
            "stormy session.",
            "The motion was tabled by councillors angry at his handling of the harbour "
            "redevelopment, which "
            "has run two years late and millions over budget.",
            "Brevik, who has led the group since 2019, left the chamber without speaking to "
            "reporters. His "
            "allies said the ballot had been rushed and that the rebels had broken party rules.",
            "The harbour redevelopment, with its new ferry terminal and flats on the old docks, "
            "will now be "
            "reviewed by the group's finance committee."}),
      make("chair-b", "North Coast Herald", "2025-05-06T22:30:00Z",
           "Brevik ousted: confidence motion ends his run as Velmora chair",
           {"Tomas Brevik was ousted as chair of the Velmora Party on Carrowby council after "
            "rebels won an "
            "emergency confidence motion in a secret ballot at a late session, 14 to 9.",
            "Critics blamed him for the troubled harbour redevelopment, whose ferry terminal and "
            "docks flats "
            "are years behind schedule and far over budget.",
            "Brevik walked out of the session. Supporters called the ballot an ambush and said the "
            "rebels had "
            "ignored party rules on notice."}),
      make("chair-c", "Harbour Times", "2025-05-07T07:00:00Z",
           "Council rebels topple Brevik in late-night confidence ballot",
           {"The Velmora Party group on Carrowby council has ousted its chair, Tomas Brevik, after "
            "rebels forced "
            "an emergency session and won a confidence motion by secret ballot.",
            "The vote, 14 to 9, followed months of anger over the harbour redevelopment, the ferry "
            "terminal and "
            "the flats planned on the old docks, all late and over budget.",
            "Brevik did not comment. His allies said the rebels had broken party rules by calling "
            "the session "
            "at a day's notice."}),
      make("chair-d", "Carrowby Weekly", "2025-05-07T18:00:00Z",
           "Brevik loses Velmora leadership as colleagues turn on him",
           {"Tomas Brevik is no longer chair of the Velmora Party group on Carrowby council: a "
            "majority of his "
            "own councillors backed a motion of no confidence at an emergency session, 14 to 9, in "
            "a secret "
            "ballot.",
            "Rebels said the harbour redevelopment, late and over budget, had cost him their "
            "trust. Brevik "
            "left without a word."}),
      make("chair-e", "Carrowby Ledger", "2025-05-10T12:00:00Z",
           "Ilse Navarro to stand for Velmora chair, promising harbour rethink",
           {"Ilse Navarro, a three-term councillor from the Saltmarsh ward, said on Saturday she "
            "would stand "
            "for chair of the Velmora Party group on Carrowby council, the post Tomas Brevik held "
            "until this "
            "week.",
            "Navarro promised to pause the harbour redevelopment, put the ferry terminal out to a "
            "fresh tender "
            "and give residents of the old docks a say over the flats planned there.",
            "Nominations close on Thursday. Brevik's allies are expected to back Oskar Lind, the "
            "group's "
            "finance spokesman, who has defended the harbour scheme and its budget.",
            "Navarro said she wanted a group that agreed its rules and kept to them."}),
  };
}

TEST(ClusterTest, FollowUpWithTheSameActorsStaysApartFromTheEventBefore) {
  const std::vector<Article> articles = chair_vote_and_follow_up();
  cluster::Grouping g = cluster::group(articles);
  // The vote, however each outlet words it, is one story.
  EXPECT_EQ(g.story_of[1], g.story_of[0]);
  EXPECT_EQ(g.story_of[2], g.story_of[0]);
  EXPECT_EQ(g.story_of[3], g.story_of[0]);
  // The rival's bid four days later leaves out what the vote's reports agree on
  // (ousted, rebels, emergency, confidence, motion, ballot, session, ...): another event.
  EXPECT_NE(g.story_of[4], g.story_of[0]);
  // It shares the vote's people and background: without the head words, and without
  // the sign that its outlet reported the vote days before, it would join.
  cluster::Options off;
  off.head_missing = 0;
  off.outlet_gap_days = 0;
  cluster::Grouping without = cluster::group(articles, off);
  EXPECT_EQ(without.story_of[4], without.story_of[0]);
}

TEST(ClusterTest, AnOutletsSecondReportDaysLaterIsAnotherEvent) {
  // The rival's bid comes from the outlet that reported the vote three and a half days
  // before: that alone keeps it apart, with the head words turned off.
  std::vector<Article> articles = chair_vote_and_follow_up();
  cluster::Options heads_off;
  heads_off.head_missing = 0;
  cluster::Grouping g = cluster::group(articles, heads_off);
  EXPECT_EQ(g.story_of[3], g.story_of[0]);
  EXPECT_NE(g.story_of[4], g.story_of[0]);
  // From an outlet that has not reported the vote, the same text joins it.
  articles[4].outlet = "Velmora Voice";
  g = cluster::group(articles, heads_off);
  EXPECT_EQ(g.story_of[4], g.story_of[0]);
}

TEST(ClusterTest, AnOutletsRunningCoverageOfOneEventStaysTogether) {
  // One outlet's update the next day, and its third report a day and a half after that:
  // each comes within outlet_gap_days of its last report in the story.
  std::vector<Article> articles = chair_vote_and_follow_up();
  articles.pop_back();
  articles[1].outlet = articles[0].outlet;
  articles[1].published = "2025-05-07T20:00:00Z";
  articles[2].outlet = articles[0].outlet;
  articles[2].published = "2025-05-09T08:00:00Z";
  cluster::Options heads_off;
  heads_off.head_missing = 0;
  cluster::Grouping g = cluster::group(articles, heads_off);
  for (size_t i = 1; i < articles.size(); ++i)
    EXPECT_EQ(g.story_of[i], g.story_of[0]) << articles[i].id;
  // Four days after the outlet's last report the similarity is cut, but a text that
  // reports the vote as plainly as this one still joins: the sign is soft.
  cluster::Clusterer c(heads_off);
  articles[2].published = "2025-05-11T21:00:00Z";
  for (size_t i = 0; i < 2; ++i) c.add(articles[i]);
  const cluster::Placement late = c.add(articles[2]);
  cluster::Clusterer other(heads_off);
  articles[2].outlet = "Velmora Voice";
  for (size_t i = 0; i < 2; ++i) other.add(articles[i]);
  const cluster::Placement fresh = other.add(articles[2]);
  EXPECT_FALSE(late.opened);
  EXPECT_NEAR(late.similarity, fresh.similarity * heads_off.outlet_penalty, 1e-4);
}

TEST(ClusterTest, FactsAreNumbersWithWhatTheyCountAndYears) {
  using cluster::internal::extract_facts;
  using cluster::internal::match_facts;
  std::vector<cluster::internal::Fact> a, b, c, none;
  extract_facts("Quake of magnitude 6.4 kills 23", "It struck on March 3, 2021 and 1,200 homes were lost.", a);
  extract_facts("23 dead as quake hits", "The 6.4-magnitude quake on March 3 destroyed 1200 homes in 2021.", b);
  extract_facts("Quake of magnitude 5.1 kills 4", "It struck on October 19, 2016 and 80 homes were lost.", c);
  extract_facts("Talks resume", "The B52 bomber and a 4G network were discussed.", none);
  EXPECT_TRUE(none.empty()) << "a digit inside a name is not a figure";
  const auto ab = match_facts(a, b);
  EXPECT_GE(ab.shared, 4u) << "magnitude, March 3, the homes and the year";
  EXPECT_EQ(ab.conflicts, 0u);
  const auto ac = match_facts(a, c);
  EXPECT_EQ(ac.shared, 0u);
  EXPECT_GE(ac.conflicts, 3u) << "magnitude, homes and year disagree";
  EXPECT_EQ(match_facts(a, none).shared + match_facts(a, none).conflicts, 0u);
}

TEST(ClusterTest, OpeningDateIsAFullDateNearTheTop) {
  EXPECT_EQ(cluster::opening_date_days("TOKYO, June 6, 2023 - Officials said"), cluster::parse_days("2023-06-06"));
  EXPECT_EQ(cluster::opening_date_days("Posted 26 September 2013, 10:00"), cluster::parse_days("2013-09-26"));
  EXPECT_EQ(cluster::opening_date_days("Report : offer December 15th , 2008 , 7 : 35 am"),
            cluster::parse_days("2008-12-15"));
  EXPECT_FALSE(cluster::opening_date_days("In 2007 the prime minister visited the base."));  // a year alone
  EXPECT_FALSE(cluster::opening_date_days("The March 2019 report found nothing."));        // no day
  EXPECT_FALSE(cluster::opening_date_days(std::string(400, 'x') + " June 6, 2023"));        // too far down
  Article a;
  a.published = "2024-01-02";
  a.text = "June 6, 2023 - old dateline";
  EXPECT_EQ(cluster::event_days(a), cluster::parse_days("2024-01-02")) << "the published date wins";
}

TEST(ClusterTest, ParseDaysReadsDatesAndTimes) {
  EXPECT_EQ(*cluster::parse_days("1970-01-02"), 1.0);
  EXPECT_EQ(*cluster::parse_days("2000-03-01"), 11017.0);
  EXPECT_NEAR(*cluster::parse_days("1970-01-01T12:00:00Z"), 0.5, 1e-9);
  EXPECT_NEAR(*cluster::parse_days("1970-01-01T12:00:00+02:00"), 10.0 / 24, 1e-9);
  EXPECT_NEAR(*cluster::parse_days("1970-01-01 06:00"), 0.25, 1e-9);
  EXPECT_FALSE(cluster::parse_days(""));
  EXPECT_FALSE(cluster::parse_days("yesterday"));
  EXPECT_FALSE(cluster::parse_days("2020-13-01"));
}

// ---------------------------------------------------------------------------
// parallax group
// ---------------------------------------------------------------------------

class ClusterCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("parallax_group_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_ / "in" / "sub");
    auto write = [&](const std::filesystem::path& p, const std::vector<Article>& arts) {
      std::ofstream out(p);
      for (const auto& a : arts) {
        nlohmann::json j = {{"id", a.id}, {"outlet", a.outlet}, {"title", a.title},
                            {"date", a.published}, {"text", a.text}, {"language", "en"}};
        out << j.dump() << "\n";
      }
    };
    write(dir_ / "in" / "a.jsonl", {crane_wire(), chess_upset()});
    write(dir_ / "in" / "sub" / "b.jsonl", {crane_other_outlet(), chess_upset_retold(), crane_copy()});
    std::ofstream(dir_ / "in" / "notes.csv") << "not an article\n";
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
};

TEST_F(ClusterCliTest, GroupPrintsArticleAndStoryPerLine) {
  std::string out;
  int rc = testing::run_command(testing::cli_path() + " group " + (dir_ / "in").string() + " 2>/dev/null", &out);
  EXPECT_EQ(rc, 0);
  std::map<std::string, std::string> story;
  std::istringstream in(out);
  std::string line;
  while (std::getline(in, line)) {
    size_t tab = line.find('\t');
    ASSERT_NE(tab, std::string::npos) << line;
    story[line.substr(0, tab)] = line.substr(tab + 1);
  }
  ASSERT_EQ(story.size(), 5u);
  EXPECT_EQ(story["crane-wire"], story["crane-daily"]);
  EXPECT_EQ(story["crane-wire"], story["crane-local"]);
  EXPECT_EQ(story["chess-1"], story["chess-2"]);
  EXPECT_NE(story["crane-wire"], story["chess-1"]);
}

TEST_F(ClusterCliTest, GroupJsonHasSchemaStoriesAndDuplicates) {
  std::string out;
  int rc = testing::run_command(testing::cli_path() + " group --format json " + (dir_ / "in" / "a.jsonl").string() +
                                    " " + (dir_ / "in" / "sub" / "b.jsonl").string(),
                                &out);
  EXPECT_EQ(rc, 0);
  auto j = nlohmann::json::parse(out);
  EXPECT_EQ(j["schema"], "parallax.group/1");
  ASSERT_EQ(j["stories"].size(), 2u);
  size_t members = 0, dups = 0;
  for (const auto& s : j["stories"]) {
    EXPECT_FALSE(s["id"].get<std::string>().empty());
    EXPECT_FALSE(s["label"].get<std::string>().empty());
    EXPECT_TRUE(s["key_entities"].is_array());
    EXPECT_FALSE(s["first_published"].get<std::string>().empty());
    for (const auto& m : s["members"]) {
      ++members;
      EXPECT_TRUE(m.contains("outlet") && m.contains("title") && m.contains("published"));
      if (m.contains("duplicate_of")) {
        ++dups;
        EXPECT_EQ(m["id"], "crane-local");
        EXPECT_EQ(m["duplicate_of"], "crane-wire");
      }
    }
  }
  EXPECT_EQ(members, 5u);
  EXPECT_EQ(dups, 1u);
}

// The grouping options reach the grouping: two storms in one city months apart are
// two stories by default, one when dates are ignored; at a threshold of 1 two outlets'
// accounts of one event stay apart while a wire copy still joins its original.
TEST_F(ClusterCliTest, GroupingOptionsChangeTheStories) {
  {
    std::ofstream out(dir_ / "storms.jsonl");
    for (const Article& a :
         {storm("storm-1a", "2024-08-20T06:00:00Z", "Odile", "Shelters opened at three schools."),
          storm("storm-1b", "2024-08-20T10:00:00Z", "Odile", "The river rose above its banks."),
          storm("storm-2a", "2024-11-02T06:00:00Z", "Rafael", "The seafront promenade was closed."),
          storm("storm-2b", "2024-11-02T09:00:00Z", "Rafael", "Schools will stay shut on Monday.")})
      out << nlohmann::json{{"id", a.id},          {"outlet", a.outlet}, {"title", a.title},
                            {"date", a.published}, {"text", a.text},     {"language", "en"}}
                 .dump()
          << "\n";
  }
  auto stories = [&](const std::string& options, const std::filesystem::path& input) {
    std::string out;
    EXPECT_EQ(testing::run_command(
                  testing::cli_path() + " group " + options + " " + input.string() + " 2>/dev/null",
                  &out),
              0)
        << options;
    std::map<std::string, std::string> story;
    std::istringstream in(out);
    std::string line;
    while (std::getline(in, line))
      story[line.substr(0, line.find('\t'))] = line.substr(line.find('\t') + 1);
    return story;
  };
  auto by_default = stories("", dir_ / "storms.jsonl");
  ASSERT_EQ(by_default.size(), 4u);
  EXPECT_EQ(by_default["storm-1a"], by_default["storm-1b"]);
  EXPECT_NE(by_default["storm-1a"], by_default["storm-2a"]);
  auto no_dates = stories("--ignore-dates", dir_ / "storms.jsonl");
  EXPECT_EQ(no_dates["storm-1a"], no_dates["storm-2a"])
      << "the same wording months apart joins without time";
  EXPECT_EQ(no_dates["storm-2a"], no_dates["storm-2b"]);
  auto strict = stories("--threshold 1", dir_ / "in");
  ASSERT_EQ(strict.size(), 5u);
  EXPECT_NE(strict["crane-wire"], strict["crane-daily"])
      << "two outlets' own accounts stay apart at 1";
  EXPECT_EQ(strict["crane-wire"], strict["crane-local"]) << "a wire copy still joins its original";
  std::string err;
  EXPECT_EQ(testing::run_command(testing::cli_path() + " group --threshold 0 " +
                                     (dir_ / "storms.jsonl").string() + " 2>&1",
                                 &err),
            2);
  EXPECT_NE(err.find("threshold"), std::string::npos) << err;
}

TEST_F(ClusterCliTest, GroupReportsUnreadableInputAndExitsTwo) {
  std::string out;
  int rc = testing::run_command(testing::cli_path() + " group " + (dir_ / "in" / "a.jsonl").string() + " " +
                                    (dir_ / "missing.jsonl").string() + " 2>&1",
                                &out);
  EXPECT_EQ(rc, 2);
  EXPECT_NE(out.find("missing.jsonl"), std::string::npos);
  EXPECT_NE(out.find("crane-wire\t"), std::string::npos) << "the readable input is still grouped";
}

}  // namespace
}  // namespace parallax
