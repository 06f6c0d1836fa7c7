// Quotes: direct and indirect quotes with speaker, cue, content and source kind.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "analyze/quotes.h"
#include "parallax/core.h"
#include "test_util.h"

namespace parallax {
namespace {

using testing::analyzer;

struct Found {
  std::string text;
  Analysis a;
};

Found run(std::string text) {
  Found f;
  f.text = std::move(text);
  f.a = analyzer().analyze_text(f.text, "en");
  return f;
}

bool segmented(const Found& f) { return !f.a.tokens.empty() && !f.a.sentences.empty(); }

#define REQUIRE_SEGMENTER(f) \
  if (!segmented(f)) GTEST_SKIP() << "the segmenter produced no tokens"

// The quote whose content contains `needle`, or nullptr.
const Quote* with_content(const Found& f, std::string_view needle) {
  for (const auto& q : f.a.quotes) {
    if (q.content.of(f.text).find(needle) != std::string_view::npos) return &q;
  }
  return nullptr;
}

std::string dump(const Found& f) {
  std::ostringstream os;
  for (const auto& q : f.a.quotes) {
    os << (q.direct ? "D" : "I") << " [" << q.speaker << "|" << to_string(q.kind) << "] cue='"
       << q.cue.of(f.text) << "' span='" << q.speaker_span.of(f.text) << "' s=" << q.sentence
       << " :: " << q.content.of(f.text) << "\n";
  }
  return os.str();
}

TEST(QuotesLexicon, Loads) {
  auto lex = analyze::QuoteLexicon::load();
  ASSERT_TRUE(lex.ok()) << lex.status().message();
  EXPECT_NE(lex->data, nullptr);
}

TEST(QuotesDirect, CueAfterQuotation) {
  auto f = run("The harbour will reopen next week. \"We have cleared every berth and the cranes work again,\" "
               "Marta Olsen said.");
  REQUIRE_SEGMENTER(f);
  ASSERT_EQ(f.a.quotes.size(), 1u) << dump(f);
  const Quote& q = f.a.quotes[0];
  EXPECT_TRUE(q.direct);
  EXPECT_EQ(q.content.of(f.text), "We have cleared every berth and the cranes work again");
  EXPECT_EQ(q.cue.of(f.text), "said");
  EXPECT_NE(q.speaker.find("Marta Olsen"), std::string::npos);
  EXPECT_EQ(q.kind, SourceKind::kNamedPerson);
  EXPECT_EQ(q.sentence, 1u);
}


struct Case {
  const char* text;
  const char* speaker;   // a substring of Quote::speaker
  SourceKind kind;
  bool direct;
  const char* content;   // the exact content
};

void expect_case(const Case& c) {
  auto f = run(c.text);
  const Quote* q = with_content(f, c.content);
  ASSERT_NE(q, nullptr) << c.text << "\n" << dump(f);
  EXPECT_EQ(q->content.of(f.text), c.content) << c.text << "\n" << dump(f);
  EXPECT_NE(q->speaker.find(c.speaker), std::string::npos) << c.text << "\n" << dump(f);
  EXPECT_EQ(q->kind, c.kind) << c.text << "\n" << dump(f);
  EXPECT_EQ(q->direct, c.direct) << c.text << "\n" << dump(f);
}

TEST(QuotesDirect, EveryQuotationMarkStyle) {
  const Case cases[] = {
      {"\"The bridge will stay closed until spring,\" Ingrid Vale said.", "Ingrid Vale",
       SourceKind::kNamedPerson, true, "The bridge will stay closed until spring"},
      {"\u201CThe bridge will stay closed until spring,\u201D Ingrid Vale said.", "Ingrid Vale",
       SourceKind::kNamedPerson, true, "The bridge will stay closed until spring"},
      {"Ingrid Vale sagte: \u201EThe bridge will stay closed until spring\u201C, and left. Ingrid Vale said so.",
       "", SourceKind::kUnknown, true, "The bridge will stay closed until spring"},
      {"Ingrid Vale said: \u00ABThe bridge will stay closed until spring.\u00BB", "Ingrid Vale",
       SourceKind::kNamedPerson, true, "The bridge will stay closed until spring"},
      {"Ingrid Vale said: \u2039The bridge will stay closed until spring.\u203A", "Ingrid Vale",
       SourceKind::kNamedPerson, true, "The bridge will stay closed until spring"},
      {"Ingrid Vale said: \u300CThe bridge will stay closed until spring.\u300D", "Ingrid Vale",
       SourceKind::kNamedPerson, true, "The bridge will stay closed until spring"},
      {"\u2018The bridge will stay closed until spring,\u2019 Ingrid Vale said.", "Ingrid Vale",
       SourceKind::kNamedPerson, true, "The bridge will stay closed until spring"},
      {"'The bridge will stay closed until spring,' Ingrid Vale said.", "Ingrid Vale",
       SourceKind::kNamedPerson, true, "The bridge will stay closed until spring"},
  };
  for (const auto& c : cases) {
    if (c.kind == SourceKind::kUnknown) {
      // German marks: only the pairing is checked (the cue is not English).
      auto f = run(c.text);
      REQUIRE_SEGMENTER(f);
      const Quote* q = with_content(f, c.content);
      ASSERT_NE(q, nullptr) << dump(f);
      EXPECT_EQ(q->content.of(f.text), c.content);
      EXPECT_TRUE(q->direct);
      continue;
    }
    expect_case(c);
  }
}

TEST(QuotesDirect, ApostrophesAreNotQuotationMarks) {
  auto f = run("The council\u2019s plan and the workers' union's demands differ, Ingrid Vale said on Monday, "
               "and Macron\u2018s aides agree it's the ministers' call.");
  REQUIRE_SEGMENTER(f);
  for (const auto& q : f.a.quotes) EXPECT_FALSE(q.direct) << dump(f);
}

TEST(QuotesDirect, MultiSentenceQuotation) {
  Case c{"\u201CWe lost two boats. Nobody was hurt. The season is over for us,\u201D the skipper, Arne Holt, said.",
         "Arne Holt", SourceKind::kNamedPerson, true,
         "We lost two boats. Nobody was hurt. The season is over for us"};
  expect_case(c);
}

TEST(QuotesDirect, AStraightClosingMarkWithTheSpaceOnTheWrongSide) {
  // The closing mark after "wrong." is typed as if it opened a quotation; straight
  // marks do not nest, so it closes the open one and the later pair stays a pair.
  auto f =
      run("In a statement, Mayor Greta Lind said, \"The harbour plan was rushed. It is "
          "wrong. \"Lind was referring to a report that called the berths \"unsafe and "
          "old.\"");
  REQUIRE_SEGMENTER(f);
  const Quote* q = with_content(f, "It is wrong");
  ASSERT_NE(q, nullptr) << dump(f);
  EXPECT_EQ(q->content.of(f.text), "The harbour plan was rushed. It is wrong") << dump(f);
  EXPECT_EQ(q->speaker, "Greta Lind") << dump(f);
  EXPECT_EQ(with_content(f, "Lind was referring"), nullptr) << dump(f);
  EXPECT_NE(with_content(f, "unsafe and old"), nullptr) << dump(f);
  // A typographic opening mark says what it is: the earlier one was never closed.
  auto g =
      run("In a statement, Mayor Greta Lind said, \u201CThe harbour plan was rushed. It is "
          "wrong. \u201CLind was referring to a report that called the berths unsafe.\u201D");
  REQUIRE_SEGMENTER(g);
  EXPECT_NE(with_content(g, "Lind was referring"), nullptr) << dump(g);
}

TEST(QuotesDirect, ATextSetOffAfterALeadInIsTheLastSpeakers) {
  // The lead-in names a post but no speaker; the post is the councillor's, reported
  // just before.
  auto f =
      run("Councillor Greta Lind wrote on Facebook that the pier should close.\n\nRead the full "
          "post via the Harwick Ledger:\n\nDear neighbours, the pier is unsafe and the council "
          "must act now. I will vote to close it.\n\nThe council meets on Monday.");
  REQUIRE_SEGMENTER(f);
  const Quote* q = with_content(f, "Dear neighbours");
  ASSERT_NE(q, nullptr) << dump(f);
  EXPECT_EQ(q->content.of(f.text),
            "Dear neighbours, the pier is unsafe and the council must act now. I will vote to "
            "close it")
      << dump(f);
  EXPECT_EQ(q->speaker, "Greta Lind") << dump(f);
  EXPECT_EQ(with_content(f, "council meets"), nullptr) << dump(f);
  // An embedded video is not in the text: what follows is the article again.
  auto g =
      run("Councillor Greta Lind wrote on Facebook that the pier should close.\n\nWatch her full "
          "remarks below:\n\nThe council meets on Monday to vote on the pier and the berths.");
  REQUIRE_SEGMENTER(g);
  EXPECT_EQ(with_content(g, "council meets"), nullptr) << dump(g);
  // A person the lead-in names is the speaker, whoever spoke before.
  auto k =
      run("Mayor Ola Berg said the pier would reopen.\n\nCouncillor Greta Lind set out her view "
          "in a long post:\n\nDear neighbours, the pier is unsafe and the council must act now.");
  REQUIRE_SEGMENTER(k);
  const Quote* kq = with_content(k, "Dear neighbours");
  ASSERT_NE(kq, nullptr) << dump(k);
  EXPECT_EQ(kq->speaker, "Greta Lind") << dump(k);
  // A new text ("a transcript", not "the transcript") is not the last speaker's.
  auto t =
      run("Mayor Ola Berg said the pier would reopen.\n\nPartial transcript of the meeting:\n\n"
          "The chair opened the session and the clerk read the minutes of the last meeting.");
  REQUIRE_SEGMENTER(t);
  EXPECT_EQ(with_content(t, "chair opened"), nullptr) << dump(t);
  // Announced by nobody the text has reported: no quote.
  auto h =
      run("The pier has been shut since May.\n\nRead the full statement:\n\nThe pier is unsafe "
          "and will stay closed until the repairs are done.");
  REQUIRE_SEGMENTER(h);
  EXPECT_EQ(with_content(h, "pier is unsafe"), nullptr) << dump(h);
}

TEST(QuotesDirect, ACueInAnAsideDoesNotReachPastIt) {
  // "endorsed" sits between dashes: the quotation after the aside belongs to the clause
  // of "said", not to the aside's verb.
  auto f =
      run("Mayor Greta Lind said that the harbour plan \u2014 broadly endorsed by Tomas "
          "Brekke \u2014 \u201Cwould close the pier for good\u201D and cost jobs.");
  REQUIRE_SEGMENTER(f);
  ASSERT_EQ(f.a.quotes.size(), 1u) << dump(f);
  EXPECT_EQ(f.a.quotes[0].speaker, "Greta Lind") << dump(f);
  EXPECT_FALSE(f.a.quotes[0].direct) << dump(f);
  EXPECT_NE(f.a.quotes[0].content.of(f.text).find("would close the pier"), std::string::npos)
      << dump(f);
}

TEST(QuotesDirect, SplitQuotationGivesTwoPartsWithOneSpeaker) {
  auto f = run("Tomas Rieger met the unions on Friday. \u201CWe are ready,\u201D he said, \u201Cbut not yet.\u201D");
  REQUIRE_SEGMENTER(f);
  const Quote* a = with_content(f, "We are ready");
  const Quote* b = with_content(f, "but not yet");
  ASSERT_TRUE(a && b) << dump(f);
  EXPECT_EQ(a->content.of(f.text), "We are ready");
  EXPECT_EQ(b->content.of(f.text), "but not yet");
  EXPECT_TRUE(a->direct && b->direct);
  EXPECT_EQ(a->speaker, b->speaker);
  EXPECT_NE(a->speaker.find("Rieger"), std::string::npos) << dump(f);
  EXPECT_EQ(a->kind, SourceKind::kNamedPerson);
  EXPECT_EQ(a->cue, b->cue);
  EXPECT_EQ(a->cue.of(f.text), "said");
}

TEST(QuotesDirect, CueBeforeQuotation) {
  const Case cases[] = {
      {"Harbour master Lena Brandt said: \u201CNo ship leaves before the storm passes.\u201D", "Lena Brandt",
       SourceKind::kNamedPerson, true, "No ship leaves before the storm passes"},
      {"Lena Brandt warned that \u201Cno ship leaves before the storm passes.\u201D", "Lena Brandt",
       SourceKind::kNamedPerson, true, "no ship leaves before the storm passes"},
      {"Lena Brandt told reporters on Tuesday, \u201CNo ship leaves before the storm passes.\u201D", "Lena Brandt",
       SourceKind::kNamedPerson, true, "No ship leaves before the storm passes"},
  };
  for (const auto& c : cases) expect_case(c);
}

TEST(QuotesDirect, CueAfterQuotationBothOrders) {
  const Case cases[] = {
      {"\u201CThe grain deal is dead,\u201D said Pavel Orlov, an economist in Odessa.", "Pavel Orlov",
       SourceKind::kNamedPerson, true, "The grain deal is dead"},
      {"Pavel Orlov spoke at length in Odessa. \u201CThe grain deal is dead for this year\u201D the Ukrainian "
       "economist had said.",
       "Pavel Orlov", SourceKind::kNamedPerson, true, "The grain deal is dead for this year"},
  };
  for (const auto& c : cases) expect_case(c);
}

TEST(QuotesDirect, EmbeddedQuotationWithAnonymousSource) {
  Case c{"The mayor was wary of any scheme \u201Cthat pushes the budget into deficit,\u201D an insider was cited as "
         "saying.",
         "insider", SourceKind::kAnonymous, true, "that pushes the budget into deficit"};
  expect_case(c);
}

TEST(QuotesDirect, ScareQuotesAreSkipped) {
  auto f = run("The plan could hurt the town\u2019s \u2018credibility\u2019 with investors. Critics of the scheme "
               "speak of \u201Cslow death\u201D for the old port.");
  REQUIRE_SEGMENTER(f);
  for (const auto& q : f.a.quotes) EXPECT_FALSE(q.direct) << dump(f);
  EXPECT_EQ(with_content(f, "credibility"), nullptr) << dump(f);
  EXPECT_EQ(with_content(f, "slow death"), nullptr) << dump(f);
}

TEST(QuotesDirect, ShortQuotationInsideAReportedClauseIsPartOfIt) {
  // One attribution, one quote: the quoted words stay inside the reported clause.
  Case c{"Ingrid Vale said the talks were \u201Cgoing well\u201D and would end soon.",
         "Ingrid Vale", SourceKind::kNamedPerson, false,
         "the talks were \u201Cgoing well\u201D and would end soon"};
  expect_case(c);
}

TEST(QuotesIndirect, SpeechVerbs) {
  const Case cases[] = {
      {"Ingrid Vale said that the bridge would reopen in May.", "Ingrid Vale", SourceKind::kNamedPerson, false,
       "the bridge would reopen in May"},
      {"Ingrid Vale said the bridge would reopen in May.", "Ingrid Vale", SourceKind::kNamedPerson, false,
       "the bridge would reopen in May"},
      {"Ingrid Vale says the bridge will reopen in May.", "Ingrid Vale", SourceKind::kNamedPerson, false,
       "the bridge will reopen in May"},
      {"Ingrid Vale told reporters that the bridge would reopen in May.", "Ingrid Vale",
       SourceKind::kNamedPerson, false, "the bridge would reopen in May"},
      {"Ingrid Vale told local radio on Sunday that the bridge would reopen in May.", "Ingrid Vale",
       SourceKind::kNamedPerson, false, "the bridge would reopen in May"},
      {"Ingrid Vale was cited as saying that the bridge would reopen in May.", "Ingrid Vale",
       SourceKind::kNamedPerson, false, "the bridge would reopen in May"},
      {"Ingrid Vale warned the bridge might not reopen before winter.", "Ingrid Vale", SourceKind::kNamedPerson,
       false, "the bridge might not reopen before winter"},
      {"Ingrid Vale argued that repairs cost less than a new bridge.", "Ingrid Vale", SourceKind::kNamedPerson,
       false, "repairs cost less than a new bridge"},
      {"Ingrid Vale claimed the contractor had lied about the cables.", "Ingrid Vale", SourceKind::kNamedPerson,
       false, "the contractor had lied about the cables"},
      {"Ingrid Vale stated that the contractor had lied about the cables.", "Ingrid Vale",
       SourceKind::kNamedPerson, false, "the contractor had lied about the cables"},
      {"Ingrid Vale noted that the cables were older than the deck.", "Ingrid Vale", SourceKind::kNamedPerson,
       false, "the cables were older than the deck"},
      {"Ingrid Vale added that the cables were older than the deck.", "Ingrid Vale", SourceKind::kNamedPerson,
       false, "the cables were older than the deck"},
      {"Ingrid Vale urged drivers to use the ferry until May.", "Ingrid Vale", SourceKind::kNamedPerson, false,
       "drivers to use the ferry until May"},
      {"Ingrid Vale insisted that the ferry could carry every lorry.", "Ingrid Vale", SourceKind::kNamedPerson,
       false, "the ferry could carry every lorry"},
      {"Ingrid Vale acknowledged that the ferry was slower.", "Ingrid Vale", SourceKind::kNamedPerson, false,
       "the ferry was slower"},
      {"Ingrid Vale denied that the ferry was unsafe in winter.", "Ingrid Vale", SourceKind::kNamedPerson, false,
       "the ferry was unsafe in winter"},
      {"Ingrid Vale confirmed that two ferries would sail daily.", "Ingrid Vale", SourceKind::kNamedPerson, false,
       "two ferries would sail daily"},
      {"Ingrid Vale announced that two ferries would sail daily.", "Ingrid Vale", SourceKind::kNamedPerson,
       false, "two ferries would sail daily"},
      {"Ingrid Vale believes that two ferries are enough.", "Ingrid Vale", SourceKind::kNamedPerson, false,
       "two ferries are enough"},
      {"Ingrid Vale echoed these worries at the council meeting.", "Ingrid Vale", SourceKind::kNamedPerson,
       false, "these worries at the council meeting"},
      {"Ingrid Vale, who runs the ferry line, said two ferries were enough.", "Ingrid Vale",
       SourceKind::kNamedPerson, false, "two ferries were enough"},
  };
  for (const auto& c : cases) expect_case(c);
}

TEST(QuotesIndirect, SourceAfterCue) {
  const Case cases[] = {
      {"According to Ingrid Vale, the bridge will reopen in May.", "Ingrid Vale", SourceKind::kNamedPerson,
       false, "the bridge will reopen in May"},
      {"The bridge will reopen in May, according to Ingrid Vale.", "Ingrid Vale", SourceKind::kNamedPerson,
       false, "The bridge will reopen in May"},
      {"In the words of Ingrid Vale, the bridge is a relic of another century.", "Ingrid Vale",
       SourceKind::kNamedPerson, false, "the bridge is a relic of another century"},
      {"The bridge will reopen in May, it was reported by the Northern Gazette.", "Northern Gazette",
       SourceKind::kMediaOutlet, false, "The bridge will reopen in May"},
      {"Tolls will double next year, said Ingrid Vale.", "Ingrid Vale", SourceKind::kNamedPerson, false,
       "Tolls will double next year"},
  };
  for (const auto& c : cases) expect_case(c);
}

TEST(QuotesIndirect, CueWordsThatAreNotSpeech) {
  auto f = run("His 2019 claim was forgotten. The United States sent a stern warning. Her statement "
               "added to the confusion. Nobody said anything.");
  REQUIRE_SEGMENTER(f);
  EXPECT_TRUE(f.a.quotes.empty()) << dump(f);
}

TEST(QuotesIndirect, AWeakCueAfterAVerbIsANoun) {
  // "suspect" after "arrested" names the man arrested; the police said nothing here.
  auto f = run("Police arrested suspect Oren Valdt, 41, on Friday in the harbour district.");
  REQUIRE_SEGMENTER(f);
  EXPECT_TRUE(f.a.quotes.empty()) << dump(f);
  // The verb still reports a held view with its own subject.
  auto g = run("Police suspect Oren Valdt set the fire at the harbour on Friday.");
  REQUIRE_SEGMENTER(g);
  EXPECT_EQ(g.a.quotes.size(), 1u) << dump(g);
}

TEST(QuotesIndirect, AClauseCutToNothingIsNoQuote) {
  // The source inside the clause of "added" ends that clause before any word of it.
  auto f = run("Ana Ruiz added' ( according to Tomas Vale the pier will reopen soon.");
  REQUIRE_SEGMENTER(f);
  for (const Quote& q : f.a.quotes) EXPECT_FALSE(q.content.empty()) << dump(f);
}

TEST(QuotesIndirect, NegatedCueIsNoQuote) {
  auto f = run("The ministry did not comment on the report. Ingrid Vale declined to say whether tolls would rise.");
  REQUIRE_SEGMENTER(f);
  EXPECT_TRUE(f.a.quotes.empty()) << dump(f);
}

TEST(QuotesSpeakers, SourceKinds) {
  const Case cases[] = {
      {"The transport ministry said the tolls would rise in June.", "ministry", SourceKind::kOrganisation,
       false, "the tolls would rise in June"},
      {"The government said the tolls would rise in June.", "government", SourceKind::kOrganisation, false,
       "the tolls would rise in June"},
      {"Tolls will rise in June, according to a leaked memo.", "leaked memo", SourceKind::kDocument, false,
       "Tolls will rise in June"},
      {"Tolls will rise in June, according to a government report.", "report", SourceKind::kDocument, false,
       "Tolls will rise in June"},
      {"The study found nothing, and the survey said tolls would rise in June.", "survey",
       SourceKind::kDocument, false, "tolls would rise in June"},
      {"Tolls will rise in June, according to sources familiar with the matter.", "sources familiar",
       SourceKind::kAnonymous, false, "Tolls will rise in June"},
      {"A person familiar with the plan said tolls would rise in June.", "person familiar",
       SourceKind::kAnonymous, false, "tolls would rise in June"},
      {"Analysts warn that tolls will rise in June.", "Analysts", SourceKind::kAnonymous, false,
       "tolls will rise in June"},
      {"Some experts believe that tolls will rise in June.", "experts", SourceKind::kAnonymous, false,
       "tolls will rise in June"},
      {"Observers say tolls will rise in June.", "Observers", SourceKind::kAnonymous, false,
       "tolls will rise in June"},
      {"Critics argue that tolls will rise in June.", "Critics", SourceKind::kAnonymous, false,
       "tolls will rise in June"},
      {"People close to the mayor said tolls would rise in June.", "People close", SourceKind::kAnonymous,
       false, "tolls would rise in June"},
      {"Officials said tolls would rise in June.", "Officials", SourceKind::kAnonymous, false,
       "tolls would rise in June"},
      {"Diplomats said tolls would rise in June.", "Diplomats", SourceKind::kAnonymous, false,
       "tolls would rise in June"},
      {"A senior official said tolls would rise in June.", "official", SourceKind::kAnonymous, false,
       "tolls would rise in June"},
      {"State media reported that tolls would rise in June.", "State media", SourceKind::kMediaOutlet, false,
       "tolls would rise in June"},
      {"Hayashi told US media that tolls would rise in June. The plan was new.", "Hayashi",
       SourceKind::kNamedPerson, false, "tolls would rise in June"},
      {"According to The Baltic Times, tolls will rise in June.", "Baltic Times", SourceKind::kMediaOutlet,
       false, "tolls will rise in June"},
      {"Tolls will rise in June, Reuters reported.", "Reuters", SourceKind::kMediaOutlet, false,
       "Tolls will rise in June"},
  };
  for (const auto& c : cases) expect_case(c);
}

TEST(QuotesSpeakers, PronounResolvesToRecentPerson) {
  auto f = run("Finance Minister Ingrid Vale met bankers in Oslo on Monday. She said the budget would balance by "
               "2026.");
  REQUIRE_SEGMENTER(f);
  const Quote* q = with_content(f, "the budget would balance");
  ASSERT_NE(q, nullptr) << dump(f);
  EXPECT_NE(q->speaker.find("Ingrid Vale"), std::string::npos) << dump(f);
  EXPECT_EQ(q->kind, SourceKind::kNamedPerson);
  EXPECT_EQ(q->speaker_span.of(f.text), "She");
  EXPECT_EQ(q->sentence, 1u);
}

TEST(QuotesSpeakers, RoleNounResolvesToPersonWithThatRole) {
  auto f = run("Norwegian Finance Minister Ingrid Vale met Swedish Prime Minister Karl Berg in Oslo. "
               "\u201CThe budget will balance by 2026,\u201D the Norwegian minister said.");
  REQUIRE_SEGMENTER(f);
  const Quote* q = with_content(f, "The budget will balance");
  ASSERT_NE(q, nullptr) << dump(f);
  EXPECT_TRUE(q->direct);
  EXPECT_NE(q->speaker.find("Ingrid Vale"), std::string::npos) << dump(f);
  EXPECT_EQ(q->kind, SourceKind::kNamedPerson);
  EXPECT_EQ(q->speaker_span.of(f.text), "the Norwegian minister");
}

TEST(QuotesSpeakers, PlaceAsSpeakerIsAnOrganisation) {
  auto f = run("Relations cooled in March. Beijing has insisted that the islands are its own.");
  REQUIRE_SEGMENTER(f);
  const Quote* q = with_content(f, "the islands are its own");
  ASSERT_NE(q, nullptr) << dump(f);
  EXPECT_EQ(q->speaker, "Beijing");
  EXPECT_EQ(q->kind, SourceKind::kOrganisation);
  EXPECT_FALSE(q->direct);
}

TEST(QuotesSpeakers, EntityGivesCanonicalName) {
  auto f = run("Finance Minister Ingrid Vale opened the session. Later, Vale said that the budget would balance.");
  REQUIRE_SEGMENTER(f);
  const Quote* q = with_content(f, "the budget would balance");
  ASSERT_NE(q, nullptr) << dump(f);
  EXPECT_EQ(q->speaker, "Ingrid Vale") << dump(f);
  EXPECT_EQ(q->speaker_span.of(f.text), "Vale");
  EXPECT_EQ(q->kind, SourceKind::kNamedPerson);
}

}  // namespace
}  // namespace parallax

namespace parallax {
namespace {

Found seed(const std::string& name) {
  Found f;
  std::string dir = testing::shared_dir();
  if (dir.empty()) return f;
  std::string raw = testing::read_file(dir + "/data/seeds/" + name);
  Article art;
  std::istringstream in(raw);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    art.add_paragraph(line);
  }
  art.language = "en";
  f.text = art.text;
  f.a = analyzer().analyze(art);
  return f;
}

TEST(QuotesIndirect, PassiveAndNounUsesAreNoCues) {
  auto f = run("Residents were told to stay indoors. Such shortcuts are said to be common. The union warned "
               "the company in writing about the pumps. Three sailors reported missing were found alive.");
  REQUIRE_SEGMENTER(f);
  for (const auto& q : f.a.quotes) {
    EXPECT_EQ(q.speaker_span.of(f.text).find("Residents"), std::string_view::npos) << dump(f);
    EXPECT_EQ(q.speaker_span.of(f.text).find("shortcuts"), std::string_view::npos) << dump(f);
    EXPECT_NE(q.cue.of(f.text), "writing") << dump(f);
    EXPECT_NE(q.cue.of(f.text), "reported") << dump(f);
  }
}

TEST(QuotesIndirect, NestedSpeechVerbBelongsToTheReportedClause) {
  auto f = run("The dockers' union said it had warned the operator in March that the pumps were broken.");
  REQUIRE_SEGMENTER(f);
  ASSERT_EQ(f.a.quotes.size(), 1u) << dump(f);
  EXPECT_EQ(f.a.quotes[0].content.of(f.text),
            "it had warned the operator in March that the pumps were broken");
  EXPECT_EQ(f.a.quotes[0].cue.of(f.text), "said");
}

TEST(QuotesIndirect, ReportedWordsBeforeSpeakerAndAdverbial) {
  Case c{"Four crew members were rescued, harbour master Lena Brandt told reporters at the quay.", "Lena Brandt",
         SourceKind::kNamedPerson, false, "Four crew members were rescued"};
  expect_case(c);
}

TEST(QuotesIndirect, AsideBetweenSpeakerAndVerb) {
  const Case cases[] = {
      {"The memo, seen by this newspaper, warns that the pumps will fail.", "memo", SourceKind::kDocument,
       false, "the pumps will fail"},
      {"Lena Brandt toured the quay and promised that the pumps would be replaced.", "Lena Brandt",
       SourceKind::kNamedPerson, false, "the pumps would be replaced"},
  };
  for (const auto& c : cases) expect_case(c);
}

TEST(QuotesDirect, DoubledApostrophesAreQuotationMarks) {
  const Case cases[] = {
      {"''The pier has never been safer,'' Tessa Morrow said. She left soon after.", "Tessa Morrow",
       SourceKind::kNamedPerson, true, "The pier has never been safer"},
      {"Tessa Morrow said: ''The pier has never been safer.''", "Tessa Morrow", SourceKind::kNamedPerson, true,
       "The pier has never been safer"},
  };
  for (const auto& c : cases) expect_case(c);
}

TEST(QuotesIndirect, AttitudeVerbsWithANamedSubject) {
  const Case cases[] = {
      {"Tessa Morrow called the toll increase a mistake that drivers would pay for.", "Tessa Morrow",
       SourceKind::kNamedPerson, false, "the toll increase a mistake that drivers would pay for"},
      {"Tessa Morrow hopes the ferry will run again by the end of the summer.", "Tessa Morrow",
       SourceKind::kNamedPerson, false, "the ferry will run again by the end of the summer"},
      {"A new survey of harbour users shows most of them want the old pier back.", "", SourceKind::kDocument,
       false, "most of them want the old pier back"},
  };
  for (const auto& c : cases) expect_case(c);
}

TEST(QuotesIndirect, WeakCueWithoutASourceOrBeforeAPrepositionIsNoQuote) {
  auto f = run("Witnesses described a loud bang near the quay. Her letter added to the anger of the crews.");
  REQUIRE_SEGMENTER(f);
  EXPECT_TRUE(f.a.quotes.empty()) << dump(f);
}

TEST(QuotesDirect, ShortQuotationAfterAWeakCueIsALabel) {
  auto f = run("Tessa Morrow called the new pier \u201Ca relic\u201D when she opened it.");
  REQUIRE_SEGMENTER(f);
  for (const auto& q : f.a.quotes) EXPECT_FALSE(q.direct) << dump(f);
}

TEST(QuotesIndirect, CueTakesInAuxiliariesAndAdverbs) {
  auto f = run("Tessa Morrow has also said that the pier will reopen in the spring.");
  REQUIRE_SEGMENTER(f);
  ASSERT_EQ(f.a.quotes.size(), 1u) << dump(f);
  EXPECT_EQ(f.a.quotes[0].cue.of(f.text), "has also said");
  EXPECT_EQ(f.a.quotes[0].speaker_span.of(f.text), "Tessa Morrow");
}

TEST(QuotesSpeakers, TitleWithPeriodAndLongAside) {
  const Case cases[] = {
      {"Mr. Brannoch said the pier would reopen in the spring.", "Brannoch", SourceKind::kNamedPerson, false,
       "the pier would reopen in the spring"},
      {"Tessa Morrow, director of the Kelby institute for coastal studies, said the pier was safe.",
       "Tessa Morrow", SourceKind::kNamedPerson, false, "the pier was safe"},
      {"Tessa Morrow, 58, a former harbour pilot, said the pier was safe.", "Tessa Morrow",
       SourceKind::kNamedPerson, false, "the pier was safe"},
  };
  for (const auto& c : cases) expect_case(c);
  auto f = run("Mr. Brannoch said the pier would reopen in the spring.");
  REQUIRE_SEGMENTER(f);
  ASSERT_FALSE(f.a.quotes.empty());
  EXPECT_EQ(f.a.quotes[0].speaker_span.of(f.text), "Mr. Brannoch") << dump(f);
}

TEST(QuotesIndirect, NamedSourceInsideAReportedClauseIsAQuoteOfItsOwn) {
  auto f = run("The union said Tessa Morrow had warned that the pumps were broken.");
  REQUIRE_SEGMENTER(f);
  ASSERT_EQ(f.a.quotes.size(), 2u) << dump(f);
  EXPECT_EQ(f.a.quotes[0].cue.of(f.text), "said");
  EXPECT_EQ(f.a.quotes[1].cue.of(f.text), "had warned");
  EXPECT_EQ(f.a.quotes[1].content.of(f.text), "the pumps were broken");
}

TEST(QuotesSpeakers, InstitutionNamesAreNotPeople) {
  const Case cases[] = {
      {"Norland Ferry Lines said the crossing would resume on Friday.", "Norland Ferry Lines",
       SourceKind::kOrganisation, false, "the crossing would resume on Friday"},
      {"The Eastport Port Authority said the crossing would resume on Friday.", "Eastport Port Authority",
       SourceKind::kOrganisation, false, "the crossing would resume on Friday"},
      {"A source close to the minister said the crossing would resume on Friday.", "source close",
       SourceKind::kAnonymous, false, "the crossing would resume on Friday"},
  };
  for (const auto& c : cases) expect_case(c);
}

// The subject of "X closed ... and asked ..." is X, not a name inside the object
// ("the Dunmere bridge").
TEST(QuotesSpeakers, NameInsideAnObjectIsNotTheSubjectOfACoordinatedCue) {
  auto f = run("Police closed the river road between the market square and the Dunmere bridge and "
               "asked drivers to stay away for the rest of the day.");
  const Quote* q = nullptr;
  for (const Quote& x : f.a.quotes)
    if (x.cue.of(f.text).find("asked") != std::string_view::npos) q = &x;
  ASSERT_NE(q, nullptr) << dump(f);
  EXPECT_EQ(q->speaker.find("Dunmere"), std::string::npos) << dump(f);
  EXPECT_NE(q->speaker.find("Police"), std::string::npos) << dump(f);
}

// A paper speaking in its own voice ("The Beacon says:") is a media outlet, not a
// person; the same words in another paper's article are left to the usual rules.
TEST(QuotesSpeakers, AnArticlesOwnOutletSpeaksAsAMediaOutlet) {
  Article a;
  a.outlet = "The Evening Beacon";
  a.language = "en";
  a.add_paragraph("The ferry company cut three crossings to save money, documents show.");
  a.add_paragraph("The Beacon says: the islanders deserve better than this.");
  Analysis an = analyzer().analyze(a);
  const Quote* own = nullptr;
  for (const Quote& q : an.quotes)
    if (q.speaker.find("Beacon") != std::string::npos) own = &q;
  ASSERT_NE(own, nullptr);
  EXPECT_EQ(own->kind, SourceKind::kMediaOutlet);
  ASSERT_GE(own->entity, 0);
  EXPECT_EQ(an.entities[own->entity].type, EntityType::kOrganisation);
  for (const Entity& e : an.entities) {
    if (e.name.find("Beacon") != std::string::npos) {
      EXPECT_NE(e.type, EntityType::kPerson) << e.name;
    }
  }
}

// A quote in `f` whose speaker contains `speaker` and has kind `kind`.
const Quote* by_speaker(const Found& f, std::string_view speaker, SourceKind kind) {
  for (const auto& q : f.a.quotes) {
    if (q.kind == kind && q.speaker.find(speaker) != std::string::npos) return &q;
  }
  return nullptr;
}

TEST(QuotesSeeds, RussianOutletSpeakersAndSources) {
  PARALLAX_REQUIRE_SHARED(dir);
  auto f = seed("000_7a62a86fc2548975.txt");
  if (f.text.empty()) GTEST_SKIP() << "seed 000 is absent";
  ASSERT_FALSE(f.a.quotes.empty());
  EXPECT_NE(by_speaker(f, "Macron", SourceKind::kNamedPerson), nullptr) << dump(f);
  EXPECT_NE(by_speaker(f, "Hayashi", SourceKind::kNamedPerson), nullptr) << dump(f);
  EXPECT_NE(by_speaker(f, "Li Shangfu", SourceKind::kNamedPerson), nullptr) << dump(f);
  EXPECT_NE(by_speaker(f, "US report", SourceKind::kDocument), nullptr) << dump(f);
  const Quote* insider = by_speaker(f, "insider", SourceKind::kAnonymous);
  ASSERT_NE(insider, nullptr) << dump(f);
  EXPECT_TRUE(insider->direct);
  // Scare quotes and quoted names are no quotes.
  EXPECT_EQ(with_content(f, "credibility"), nullptr) << dump(f);
  EXPECT_EQ(with_content(f, "brain death"), nullptr) << dump(f);
  // Every direct quote's content is the text between its marks, and every quote's
  // sentence holds its cue.
  for (const auto& q : f.a.quotes) {
    ASSERT_LT(q.sentence, f.a.sentences.size());
    if (!q.cue.empty()) {
      EXPECT_TRUE(f.a.sentences[q.sentence].span.contains(q.cue)) << dump(f);
    }
    EXPECT_FALSE(q.content.empty());
  }
}

TEST(QuotesSeeds, ChineseOutletSpeakersAndSources) {
  PARALLAX_REQUIRE_SHARED(dir);
  auto f = seed("004_e2e51865d62719cd.txt");
  if (f.text.empty()) GTEST_SKIP() << "seed 004 is absent";
  EXPECT_NE(by_speaker(f, "Macron", SourceKind::kNamedPerson), nullptr) << dump(f);
  EXPECT_NE(by_speaker(f, "Wang Wenbin", SourceKind::kNamedPerson), nullptr) << dump(f);
  EXPECT_NE(by_speaker(f, "Financial Times", SourceKind::kMediaOutlet), nullptr) << dump(f);
  EXPECT_NE(by_speaker(f, "sources familiar with the situation", SourceKind::kAnonymous), nullptr) << dump(f);
  EXPECT_NE(by_speaker(f, "Analysts", SourceKind::kAnonymous), nullptr) << dump(f);
  EXPECT_NE(by_speaker(f, "experts", SourceKind::kAnonymous), nullptr) << dump(f);
  // The outlet quotes nobody directly.
  for (const auto& q : f.a.quotes) EXPECT_FALSE(q.direct) << dump(f);
}

}  // namespace
}  // namespace parallax

// ---------------------------------------------------------------------------
// Whom "he" and "she" stand for
// ---------------------------------------------------------------------------

namespace parallax {
namespace {

// The speaker of the quote holding `needle`, or "<none>".
std::string speaker_of(const Found& f, std::string_view needle) {
  const Quote* q = with_content(f, needle);
  return q ? q->speaker : "<none>";
}

TEST(QuotesPronouns, NamesInsideTheQuotationAreNotTheSpeaker) {
  auto f = run("Mayor Ana Ruiz spoke to reporters on Tuesday. \"Tomas Vale has failed this city "
               "and everyone in it,\" she said.");
  REQUIRE_SEGMENTER(f);
  EXPECT_EQ(speaker_of(f, "failed this city"), "Ana Ruiz") << dump(f);
}

TEST(QuotesPronouns, TheSubjectBeatsANameMentionedLater) {
  auto f = run("Ana Ruiz, however, is not worried that Tomas Vale will win the vote. "
               "\"The council cannot pick a man who has never run anything,\" she said.");
  REQUIRE_SEGMENTER(f);
  EXPECT_EQ(speaker_of(f, "never run anything"), "Ana Ruiz") << dump(f);
}

TEST(QuotesPronouns, TheLastSpeakerKeepsSpeaking) {
  auto f = run("\"We will rebuild the pier by spring,\" Ana Ruiz said on Monday. Of Tomas Vale, "
               "her rival in the race, she said: \"He has never built anything at all.\"");
  REQUIRE_SEGMENTER(f);
  EXPECT_EQ(speaker_of(f, "never built anything"), "Ana Ruiz") << dump(f);
}

TEST(QuotesPronouns, TheSubjectOfASubordinateClauseIsNotTheSentences) {
  // "the day that Tomas Vale stood ...": Vale is the subject of the relative clause;
  // Ruiz, the subject of the sentence, is who "he" continues.
  auto f =
      run("On Friday, the day that Tomas Vale stood on the steps of the court, Mayor Carl Ruiz "
          "bashed the inquiry.\n\n\u201CThis is a witch hunt!\u201D he wrote on Twitter.");
  REQUIRE_SEGMENTER(f);
  EXPECT_EQ(speaker_of(f, "witch hunt"), "Carl Ruiz") << dump(f);
}

TEST(QuotesPronouns, TheNameBeforeWhoHeSaidIsWhatHeSaidItOf) {
  auto f =
      run("Mayor Carl Ruiz spoke on Monday. \u201CThe pier will be rebuilt,\u201D he wrote.\n\nHe "
          "also took aim at former Councillor Tomas Vale, who he said \u201Cwas right in 1993, "
          "before he lost his way.\u201D");
  REQUIRE_SEGMENTER(f);
  EXPECT_EQ(speaker_of(f, "was right in 1993"), "Carl Ruiz") << dump(f);
}

TEST(QuotesSpeakers, ACueOpeningTheNextQuotationIsNotThePreviousOnes) {
  auto f =
      run("Ana Ruiz said, \"The pier was never safe for ferries.\" She added, \"Tomas Vale "
          "knew it for years.\"");
  REQUIRE_SEGMENTER(f);
  const Quote* first = with_content(f, "never safe for ferries");
  const Quote* second = with_content(f, "knew it for years");
  ASSERT_NE(first, nullptr) << dump(f);
  ASSERT_NE(second, nullptr) << dump(f);
  EXPECT_EQ(first->speaker_span.of(f.text), "Ana Ruiz") << dump(f);
  EXPECT_EQ(first->cue.of(f.text), "said") << dump(f);
  EXPECT_EQ(second->cue.of(f.text), "added") << dump(f);
  // A quotation split by its cue keeps the cue for both parts.
  auto g =
      run("\"The pier was never safe,\" Ana Ruiz said, \"and Tomas Vale knew it for "
          "years.\"");
  REQUIRE_SEGMENTER(g);
  const Quote* part = with_content(g, "The pier was never safe");
  ASSERT_NE(part, nullptr) << dump(g);
  EXPECT_EQ(part->cue.of(g.text), "said") << dump(g);
}

TEST(QuotesSpeakers, AHeadlineOrTranscriptColonAttributes) {
  auto f =
      run("Mayor Ana Ruiz: Harbour Pier Will Reopen by Spring\n\nQ: When will the ferries "
          "run again?\n\nA: Not before the inspectors have finished.\n\nLONDON: The "
          "council met on Monday.\n\nUpdate: The vote was moved to Friday.\n\nRuiz "
          "added on the radio: \"We will find the money.\"");
  REQUIRE_SEGMENTER(f);
  const Quote* headline = with_content(f, "Harbour Pier Will Reopen");
  ASSERT_NE(headline, nullptr) << dump(f);
  EXPECT_EQ(headline->speaker, "Ana Ruiz") << dump(f);
  EXPECT_EQ(headline->cue.of(f.text), ":") << dump(f);
  const Quote* q = with_content(f, "When will the ferries run again");
  ASSERT_NE(q, nullptr) << dump(f);
  EXPECT_EQ(q->speaker_span.of(f.text), "Q") << dump(f);
  const Quote* answer = with_content(f, "Not before the inspectors");
  ASSERT_NE(answer, nullptr) << dump(f);
  EXPECT_EQ(answer->speaker_span.of(f.text), "A") << dump(f);
  // A dateline and a label are no one; a colon after a cue leaves the cue its own.
  EXPECT_EQ(with_content(f, "The council met on Monday"), nullptr) << dump(f);
  EXPECT_EQ(with_content(f, "The vote was moved"), nullptr) << dump(f);
  const Quote* radio = with_content(f, "find the money");
  ASSERT_NE(radio, nullptr) << dump(f);
  EXPECT_EQ(radio->cue.of(f.text).substr(0, 5), "added") << dump(f);
}

TEST(QuotesSpeakers, AQuotationStandingAloneContinuesTheLastAttribution) {
  auto f =
      run("Councillor Tomas Vale spoke after the vote. He accused the harbour board of "
          "stalling the repairs for a year.\n\n\"This is about more than a pier. It is "
          "about every family on the waterfront.\"");
  REQUIRE_SEGMENTER(f);
  EXPECT_EQ(speaker_of(f, "more than a pier"), "Tomas Vale") << dump(f);
  // Three sentences on, nobody is still speaking.
  auto g =
      run("Councillor Tomas Vale accused the harbour board of stalling the repairs. The "
          "board met on Monday. Its budget was cut. The vote was close.\n\n\"This is "
          "about more than a pier.\"");
  REQUIRE_SEGMENTER(g);
  EXPECT_NE(speaker_of(g, "more than a pier"), "Tomas Vale") << dump(g);
}

TEST(QuotesSpeakers, AParticipleAfterARoleNounSubjectAndAPlatform) {
  auto f =
      run("Mayor Ana Ruiz opened the pier on Monday. The mayor defended the cost via "
          "Twitter on Tuesday, saying the repairs had been overdue for years.");
  REQUIRE_SEGMENTER(f);
  EXPECT_EQ(speaker_of(f, "repairs had been overdue"), "Ana Ruiz") << dump(f);
  // A source noun that names nobody yet is still the subject.
  auto g =
      run("The spokeswoman defended the cost via Twitter, saying the repairs had been "
          "overdue for years.");
  REQUIRE_SEGMENTER(g);
  const Quote* q = with_content(g, "repairs had been overdue");
  ASSERT_NE(q, nullptr) << dump(g);
  EXPECT_EQ(q->speaker_span.of(g.text), "The spokeswoman") << dump(g);
}

TEST(QuotesPronouns, TheLastSpeakerBeatsAPersonNamedOnlyAsAnObject) {
  auto f =
      run("\"We will rebuild the pier,\" Tomas Vale said on Monday. The harbour has been "
          "closed since May. He also took aim at Councillor Sven Aas over the budget. "
          "\"The council has wasted a whole year,\" he said.");
  REQUIRE_SEGMENTER(f);
  EXPECT_EQ(speaker_of(f, "wasted a whole year"), "Tomas Vale") << dump(f);
  // Named as the subject of the sentence before, the other man is the one speaking.
  auto g =
      run("\"We will rebuild the pier,\" Tomas Vale said on Monday. The harbour has been "
          "closed since May. Councillor Sven Aas took the floor after him. \"The council "
          "has wasted a whole year,\" he said.");
  REQUIRE_SEGMENTER(g);
  EXPECT_EQ(speaker_of(g, "wasted a whole year"), "Sven Aas") << dump(g);
}

TEST(QuotesSpeakers, ACueInTheNextParagraphIsNotTheQuotations) {
  auto f =
      run("The harbour board's chair, Ana Ruiz, later wrote that \"we stand by every word "
          "of the plan.\"\n\nTomas Vale had also rejected the figures in the report.");
  REQUIRE_SEGMENTER(f);
  const Quote* q = with_content(f, "we stand by every word");
  ASSERT_NE(q, nullptr) << dump(f);
  EXPECT_EQ(q->speaker, "Ana Ruiz") << dump(f);
  EXPECT_EQ(q->cue.of(f.text).substr(q->cue.size() - 5), "wrote") << dump(f);
}

TEST(QuotesSpeakers, ASourceWithALongAppositionAfterTheQuotationKeepsItsCue) {
  auto f =
      run("\"I asked that my pay be withheld until the pier reopens,\" Councillor-elect "
          "Ana Ruiz, Democrat of Harwick, said Wednesday on the radio.");
  REQUIRE_SEGMENTER(f);
  ASSERT_EQ(f.a.quotes.size(), 1u) << dump(f);  // not also "Wednesday on the radio"
  EXPECT_EQ(f.a.quotes[0].speaker, "Ana Ruiz") << dump(f);
  EXPECT_EQ(f.a.quotes[0].cue.of(f.text), "said") << dump(f);
}

TEST(QuotesSpeakers, AShortSentenceAfterAQuotationContinuesIt) {
  auto f =
      run("\"The board wants to run the port like a casino,\" Tomas Vale said on Monday. "
          "\"God help us.\" The board did not reply. Critics called the plan \"a "
          "disgrace\".");
  REQUIRE_SEGMENTER(f);
  EXPECT_EQ(speaker_of(f, "God help us"), "Tomas Vale") << dump(f);
  EXPECT_EQ(with_content(f, "a disgrace"), nullptr) << dump(f);  // a label stays a label
}

TEST(QuotesSpeakers, AColonClosingItsParagraphIntroducesTheNext) {
  auto f =
      run("Mayor Ana Ruiz answered on social media, writing:\n\nThe harbour board has "
          "failed this city. It must go.\n\nThe board met again on Friday.");
  REQUIRE_SEGMENTER(f);
  const Quote* q = with_content(f, "The harbour board has failed this city");
  ASSERT_NE(q, nullptr) << dump(f);
  EXPECT_EQ(q->speaker, "Ana Ruiz") << dump(f);
  EXPECT_NE(q->content.of(f.text).find("It must go"), std::string_view::npos) << dump(f);
  EXPECT_EQ(q->content.of(f.text).find("met again"), std::string_view::npos) << dump(f);
}

TEST(QuotesDirect, AQuotationRunsAcrossParagraphsToItsOnlyClosingMark) {
  auto f =
      run("Ana Ruiz said in a statement: \u201cThe pier must reopen by spring.\n\nIt is "
          "also critical that the ferries run again.\u201d\n\nThe board met on Friday.");
  REQUIRE_SEGMENTER(f);
  const Quote* q = with_content(f, "also critical that the ferries");
  ASSERT_NE(q, nullptr) << dump(f);
  EXPECT_EQ(q->speaker, "Ana Ruiz") << dump(f);
  EXPECT_NE(q->content.of(f.text).find("must reopen by spring"), std::string_view::npos) << dump(f);
  // The usual style, a new opening mark for each paragraph, still ends the first one
  // at its paragraph.
  auto g =
      run("Ana Ruiz said: \u201cThe pier must reopen by spring.\n\n\u201cIt is also "
          "critical that the ferries run again,\u201d she added.");
  REQUIRE_SEGMENTER(g);
  const Quote* first = with_content(g, "must reopen by spring");
  ASSERT_NE(first, nullptr) << dump(g);
  EXPECT_EQ(first->content.of(g.text).find("critical"), std::string_view::npos) << dump(g);
}

TEST(QuotesIndirect, AQuotationInsideTheSameCuesClauseIsPartOfIt) {
  auto f =
      run("Ana Ruiz said that the board had \"failed everyone in this city\" and must "
          "resign before the summer.");
  REQUIRE_SEGMENTER(f);
  ASSERT_EQ(f.a.quotes.size(), 1u) << dump(f);
  EXPECT_FALSE(f.a.quotes[0].direct) << dump(f);
  EXPECT_NE(f.a.quotes[0].content.of(f.text).find("failed everyone"), std::string_view::npos)
      << dump(f);
  // Another source's quotation inside the clause stays a quote of its own.
  auto g =
      run("Ana Ruiz said that Tomas Vale had told the council \"the pier will never "
          "reopen\" last week.");
  REQUIRE_SEGMENTER(g);
  const Quote* vale = nullptr;
  for (const Quote& q : g.a.quotes)
    if (q.direct && q.content.of(g.text) == "the pier will never reopen") vale = &q;
  ASSERT_NE(vale, nullptr) << dump(g);
  EXPECT_EQ(vale->speaker, "Tomas Vale") << dump(g);
}

TEST(QuotesDirect, AnAttributionInPartsIsLinked) {
  auto f =
      run("\"The pier must close,\" Ana Ruiz said, \"because it is unsafe.\" \"We will not "
          "wait for the summer.\"\n\nTomas Vale disagreed. \"It is safe enough for now,\" he "
          "said.");
  REQUIRE_SEGMENTER(f);
  ASSERT_EQ(f.a.quotes.size(), 4u) << dump(f);
  EXPECT_EQ(f.a.quotes[0].continues, -1) << dump(f);
  EXPECT_EQ(f.a.quotes[1].continues, 0) << dump(f);   // split by its cue
  EXPECT_EQ(f.a.quotes[2].continues, 0) << dump(f);   // running on, same speaker
  EXPECT_EQ(f.a.quotes[3].continues, -1) << dump(f);  // another speaker, its own cue
}

TEST(QuotesSpeakers, TweetingCitingAndPleadingReport) {
  auto f =
      run("Mayor Ana Ruiz went further on Thursday, tweeting:\n\n\"The harbour board "
          "must resign today!\"\n\nTomas Vale pleaded with voters not to \"give in to "
          "fear about the pier.\"");
  REQUIRE_SEGMENTER(f);
  EXPECT_EQ(speaker_of(f, "must resign today"), "Ana Ruiz") << dump(f);
  EXPECT_EQ(speaker_of(f, "give in to fear"), "Tomas Vale") << dump(f);
}

TEST(QuotesPronouns, APersonNamedFarBackStillAnswers) {
  auto f = run("Ana Ruiz has led the harbour board for nine years. The board met on Monday. "
               "Its budget was cut by a third. The vote was close. Nobody expected it. "
               "\"We will find the money elsewhere,\" she said.");
  REQUIRE_SEGMENTER(f);
  EXPECT_EQ(speaker_of(f, "find the money"), "Ana Ruiz") << dump(f);
}

TEST(QuotesSpeakers, AnInfinitiveCueTakesTheSubjectOfItsVerb) {
  auto f = run("Tomas Vale was quick to retort: \"That is simply not true, and she knows it.\"");
  REQUIRE_SEGMENTER(f);
  EXPECT_EQ(speaker_of(f, "simply not true"), "Tomas Vale") << dump(f);
}

TEST(QuotesSpeakers, ARoleNounFindsItsHolderAtAnyDistance) {
  auto f = run("Gov. Ana Ruiz signed the harbour bill on Monday. The bill funds four new berths. "
               "Dock workers had asked for them since 2019. Their union welcomed the money. "
               "Tomas Vale, a shipping broker, called it overdue. \"I support this law and I will "
               "defend it,\" the governor said.");
  REQUIRE_SEGMENTER(f);
  EXPECT_EQ(speaker_of(f, "defend it"), "Ana Ruiz") << dump(f);
}

}  // namespace
}  // namespace parallax

namespace parallax {
namespace {

TEST(QuotesSpeakers, APrincipalBeforeARoleIsNotTheSpeaker) {
  auto f = run("Tomas Vale spokeswoman Laura Hartley said the advertisement was misleading.");
  REQUIRE_SEGMENTER(f);
  const Quote* q = with_content(f, "advertisement was misleading");
  ASSERT_NE(q, nullptr) << dump(f);
  EXPECT_EQ(q->speaker, "Laura Hartley") << dump(f);
}

}  // namespace
}  // namespace parallax

namespace parallax {
namespace {

// ---- Span boundaries as attribution corpora mark them ------------------------

// The first quote whose cue reads `cue`, or nullptr.
const Quote* with_cue(const Found& f, std::string_view cue) {
  for (const auto& q : f.a.quotes)
    if (q.cue.of(f.text) == cue) return &q;
  return nullptr;
}

TEST(QuotesSpans, RelativePronounIsTheSourceAndResolvesToItsAntecedent) {
  auto f = run("The pier was closed on Monday by Tessa Morrow, who said the timbers were rotten.");
  REQUIRE_SEGMENTER(f);
  const Quote* q = with_cue(f, "said");
  ASSERT_NE(q, nullptr) << dump(f);
  EXPECT_EQ(q->speaker_span.of(f.text), "who") << dump(f);
  EXPECT_NE(q->speaker.find("Tessa Morrow"), std::string::npos) << dump(f);
  EXPECT_EQ(q->content.of(f.text), "the timbers were rotten") << dump(f);

  auto g = run("Harbour officials who asked not to be named said the timbers were rotten.");
  REQUIRE_SEGMENTER(g);
  const Quote* r = with_cue(g, "said");
  ASSERT_NE(r, nullptr) << dump(g);
  EXPECT_NE(r->speaker_span.of(g.text), "who") << dump(g);  // "said" has its own subject
}

TEST(QuotesSpans, AppositiveDescribingTheSourceIsPartOfIt) {
  auto f = run("Tessa Morrow, a lawyer for the harbour board, said the pier was safe.");
  REQUIRE_SEGMENTER(f);
  ASSERT_FALSE(f.a.quotes.empty()) << dump(f);
  EXPECT_EQ(f.a.quotes[0].speaker_span.of(f.text), "Tessa Morrow, a lawyer for the harbour board") << dump(f);
  EXPECT_NE(f.a.quotes[0].speaker.find("Tessa Morrow"), std::string::npos) << dump(f);

  auto g = run("\u201CThe pier is safe,\u201D said Tessa Morrow, a lawyer for the harbour board.");
  REQUIRE_SEGMENTER(g);
  ASSERT_FALSE(g.a.quotes.empty()) << dump(g);
  EXPECT_EQ(g.a.quotes[0].speaker_span.of(g.text), "Tessa Morrow, a lawyer for the harbour board") << dump(g);

  // A participle or an adverb between commas is no description of the source.
  auto h = run("Tessa Morrow, asked about the closure, said the pier was safe.");
  REQUIRE_SEGMENTER(h);
  ASSERT_FALSE(h.a.quotes.empty()) << dump(h);
  EXPECT_EQ(h.a.quotes[0].speaker_span.of(h.text), "Tessa Morrow") << dump(h);
}

TEST(QuotesSpans, CueTakesInAParticleAMannerAdverbAndTheStatement) {
  auto f = run("Tessa Morrow said in a statement that the pier would stay shut.");
  REQUIRE_SEGMENTER(f);
  EXPECT_NE(with_cue(f, "said in a statement"), nullptr) << dump(f);

  auto g = run("Tessa Morrow has said repeatedly that the pier is safe.");
  REQUIRE_SEGMENTER(g);
  EXPECT_NE(with_cue(g, "has said repeatedly"), nullptr) << dump(g);

  auto h = run("Tessa Morrow seemed to confirm that the pier would stay shut.");
  REQUIRE_SEGMENTER(h);
  EXPECT_NE(with_cue(h, "seemed to confirm"), nullptr) << dump(h);

  // A time after the verb is no part of the cue.
  auto k = run("Tessa Morrow said Tuesday that the pier would stay shut.");
  REQUIRE_SEGMENTER(k);
  EXPECT_NE(with_cue(k, "said"), nullptr) << dump(k);
}

TEST(QuotesSpans, TimeBetweenSubjectAndVerbIsNoPartOfTheSource) {
  auto f = run("Tessa Morrow on Saturday warned that the pier would stay shut.");
  REQUIRE_SEGMENTER(f);
  ASSERT_FALSE(f.a.quotes.empty()) << dump(f);
  EXPECT_EQ(f.a.quotes[0].speaker_span.of(f.text), "Tessa Morrow") << dump(f);
}

TEST(QuotesSpans, CommaClosingAnAsideIsNoInvertedSource) {
  // "..., said X" takes the source after the verb only when X is a noun phrase
  // standing alone; here the comma closes an aside about the subject.
  auto f = run("Tessa Morrow, who runs the harbour board, said they touched on the cost of repairs.");
  REQUIRE_SEGMENTER(f);
  const Quote* q = with_cue(f, "said");
  ASSERT_NE(q, nullptr) << dump(f);
  EXPECT_NE(q->speaker.find("Tessa Morrow"), std::string::npos) << dump(f);
  EXPECT_EQ(q->speaker_span.of(f.text), "Tessa Morrow, who runs the harbour board") << dump(f);
  EXPECT_EQ(q->content.of(f.text), "they touched on the cost of repairs") << dump(f);
}

TEST(QuotesSpans, NameSuffixWithAPeriodIsPartOfTheSource) {
  auto f = run("The harbour pilot Tomas Brannoch Jr. warned that the pier would close.");
  REQUIRE_SEGMENTER(f);
  const Quote* q = with_cue(f, "warned");
  ASSERT_NE(q, nullptr) << dump(f);
  EXPECT_NE(q->speaker_span.of(f.text).find("Tomas Brannoch Jr"), std::string_view::npos) << dump(f);
}

TEST(QuotesSpans, PartyParenthesisIsPartOfTheSource) {
  auto f = run("Sen. Jo Vale (D-Ore.) said the harbour bill was dead.");
  REQUIRE_SEGMENTER(f);
  ASSERT_FALSE(f.a.quotes.empty()) << dump(f);
  EXPECT_EQ(f.a.quotes[0].speaker_span.of(f.text), "Sen. Jo Vale (D-Ore.)") << dump(f);
}

TEST(QuotesSpans, SubordinatorIsNoPartOfTheSource) {
  auto f = run("Nobody listened when Tessa Morrow said the pier was unsafe.");
  REQUIRE_SEGMENTER(f);
  const Quote* q = with_cue(f, "said");
  ASSERT_NE(q, nullptr) << dump(f);
  EXPECT_EQ(q->speaker_span.of(f.text), "Tessa Morrow") << dump(f);
}

TEST(QuotesSpans, InfinitiveToAndParticleArePartOfTheCue) {
  auto f = run("Tessa Morrow was quick to point out that the pier had been closed twice.");
  REQUIRE_SEGMENTER(f);
  EXPECT_NE(with_cue(f, "was quick to point out"), nullptr) << dump(f);

  auto k = run("Tessa Morrow used the meeting to warn that the pier would stay shut.");
  REQUIRE_SEGMENTER(k);
  EXPECT_NE(with_cue(k, "to warn"), nullptr) << dump(k);

  auto g = run("The fishermen's union called for an inquiry into the collapse of the pier.");
  REQUIRE_SEGMENTER(g);
  const Quote* q = with_cue(g, "called for");
  ASSERT_NE(q, nullptr) << dump(g);
  EXPECT_EQ(q->content.of(g.text), "an inquiry into the collapse of the pier") << dump(g);

  auto h = run("Tessa Morrow has repeatedly warned of cracks in the harbour wall.");
  REQUIRE_SEGMENTER(h);
  EXPECT_NE(with_cue(h, "has repeatedly warned of"), nullptr) << dump(h);
}

// Speakers the finder used to get wrong in news copy: each case is a pattern, not a
// sentence from any set.
TEST(QuotesSpeakers, PartyCodeAfterACommaLabelsTheNameBefore) {
  auto f =
      run("\u201cThe levee held, and that saved the town,\u201d Rep. Dana Whitcombe, R-Ohio, told "
          "reporters. "
          "Sen. Lorna Pask, D-Minn., whose views on the dam have shifted, said the plan \"will "
          "flood the "
          "valley.\"");
  REQUIRE_SEGMENTER(f);
  const Quote* a = with_content(f, "The levee held");
  ASSERT_NE(a, nullptr) << dump(f);
  EXPECT_EQ(a->speaker, "Dana Whitcombe") << dump(f);
  const Quote* b = with_content(f, "will flood the valley");
  ASSERT_NE(b, nullptr) << dump(f);
  EXPECT_EQ(b->speaker, "Lorna Pask") << dump(f);
}

TEST(QuotesSpeakers, WhoAfterAPersonOfAPlaceIsThePerson) {
  auto f =
      run("The same call came from Sen. Ada Brisco of Minnesota, who wrote that \u201cthe report "
          "must be "
          "made public now.\u201d");
  REQUIRE_SEGMENTER(f);
  const Quote* q = with_content(f, "the report must be made public now");
  ASSERT_NE(q, nullptr) << dump(f);
  EXPECT_EQ(q->speaker, "Ada Brisco") << dump(f);
}

TEST(QuotesSpeakers, ParticipleAfterASentenceOpeningPronoun) {
  auto f = run(
      "Judge Enid Marrow criticised the levy last week. She doubled down late Monday, telling a "
      "radio host: \u201cIt is a fraud on every taxpayer.\u201d");
  REQUIRE_SEGMENTER(f);
  const Quote* q = with_content(f, "It is a fraud on every taxpayer");
  ASSERT_NE(q, nullptr) << dump(f);
  EXPECT_EQ(q->speaker, "Enid Marrow") << dump(f);
}

TEST(QuotesSpeakers, AVerbFormAfterAPrepositionIsANoun) {
  auto f =
      run("Amid calls for him to quit the race, Garrow added, \"Our town is at a crossroads.\"");
  REQUIRE_SEGMENTER(f);
  EXPECT_EQ(with_cue(f, "calls for"), nullptr) << dump(f);
  const Quote* q = with_content(f, "Our town is at a crossroads");
  ASSERT_NE(q, nullptr) << dump(f);
  EXPECT_EQ(q->speaker, "Garrow") << dump(f);
}

TEST(QuotesSpeakers, TheObjectOfAPrepositionIsSeldomTheOneSpeaking) {
  auto f = run(
      "Senator Tom Gallo met Governor Rita Vance on Friday. Of Vance, he said, \"I want her to do "
      "well, but this state is going the wrong way.\"");
  REQUIRE_SEGMENTER(f);
  const Quote* q = with_content(f, "I want her to do well");
  ASSERT_NE(q, nullptr) << dump(f);
  EXPECT_EQ(q->speaker, "Tom Gallo") << dump(f);

  auto g =
      run("Governor Rita Vance spoke on Monday. Mayor Tom Gallo, who has a "
          "fortune of $4 billion, threw several jabs at Vance, whom he called a \"dangerous "
          "demagogue\" "
          "and a \"bomb-thrower.\"");
  REQUIRE_SEGMENTER(g);
  const Quote* r = with_cue(g, "called");
  ASSERT_NE(r, nullptr) << dump(g);
  EXPECT_EQ(r->speaker, "Tom Gallo") << dump(g);
}

TEST(QuotesSpeakers, AnOpeningParticipleClauseHoldsNoSubject) {
  auto f =
      run("Asked whether he thought Governor Rita Vance had failed, Senator Tom Gallo did not back "
          "down, "
          "saying, \u201cHer record on the dam is very bad.\u201d");
  REQUIRE_SEGMENTER(f);
  const Quote* q = with_cue(f, "saying");
  ASSERT_NE(q, nullptr) << dump(f);
  EXPECT_EQ(q->speaker, "Tom Gallo") << dump(f);
}

TEST(QuotesSpeakers, AfterAQuotationOfSeveralSentencesTheSpeakerWasNamedBeforeIt) {
  auto f =
      run("Mayor Tom Gallo criticised Governor Rita Vance's budget on Friday. \"The budget cuts "
          "the ferry. "
          "It closes two schools. It raises the port fee. Nobody voted for that,\" he said.");
  REQUIRE_SEGMENTER(f);
  const Quote* q = with_content(f, "Nobody voted for that");
  ASSERT_NE(q, nullptr) << dump(f);
  EXPECT_EQ(q->speaker, "Tom Gallo") << dump(f);
}

TEST(QuotesSpeakers, AnOutletNamedWithTheIsNoPerson) {
  auto f =
      run("Vance attacked the levy in 2007, according to The Hill. \"We know about the secret "
          "accounts,\" she said.");
  REQUIRE_SEGMENTER(f);
  const Quote* q = with_content(f, "We know about the secret accounts");
  ASSERT_NE(q, nullptr) << dump(f);
  EXPECT_EQ(q->speaker.find("Hill"), std::string::npos) << dump(f);
  // The outlet is a source of the kind the gazetteer gives it.
  const Quote* a = with_cue(f, "according to");
  ASSERT_NE(a, nullptr) << dump(f);
  EXPECT_EQ(a->speaker, "The Hill") << dump(f);
  EXPECT_EQ(a->kind, SourceKind::kMediaOutlet) << dump(f);
}

TEST(QuotesSpeakers, AnAppositionAfterANameAndPartyCodeDescribesIt) {
  auto f =
      run("\"They read it like a sacred text,\" Rep. Jon Pell, D-N.Y., the former chairman of the "
          "subcommittee on the Constitution, Civil Rights and Civil Liberties, told reporters.");
  REQUIRE_SEGMENTER(f);
  const Quote* q = with_content(f, "They read it like a sacred text");
  ASSERT_NE(q, nullptr) << dump(f);
  EXPECT_EQ(q->speaker, "Jon Pell") << dump(f);
}

TEST(QuotesSpeakers, APhraseCueAfterAPossessiveAndAnAdjectiveIsANoun) {
  auto f = run(
      "Mayor Ines Dahl urged calm, a muted reference to Governor Tom Gallo's previous call for a "
      "curfew.");
  REQUIRE_SEGMENTER(f);
  EXPECT_EQ(with_cue(f, "call for"), nullptr) << dump(f);
}

TEST(QuotesSpeakers, HeAfterASentenceWhoseFirstNameIsAnObject) {
  auto f = run(
      "On Saturday, a day before Attorney General Ada Marsh released her report, former Rep. Tom "
      "Gallo spoke in Harwick. He said at a rally that the governor is \u201cthe worst we have "
      "ever had.\u201d");
  REQUIRE_SEGMENTER(f);
  const Quote* q = with_content(f, "the worst we have ever had");
  ASSERT_NE(q, nullptr) << dump(f);
  EXPECT_EQ(q->speaker, "Tom Gallo") << dump(f);
}

// The quote whose cue is `cue` reports `content`.
void expect_content(const std::string& text, std::string_view cue, std::string_view content) {
  auto f = run(text);
  REQUIRE_SEGMENTER(f);
  const Quote* q = with_cue(f, cue);
  ASSERT_NE(q, nullptr) << dump(f);
  EXPECT_EQ(q->content.of(f.text), content) << dump(f);
}

// No quote of `text` reports `content`.
void expect_no_content(const std::string& text, std::string_view content) {
  auto f = run(text);
  REQUIRE_SEGMENTER(f);
  for (const auto& x : f.a.quotes) EXPECT_NE(x.content.of(f.text), content) << dump(f);
}

TEST(QuotesSpans, AWeakCueReachesItsThatAcrossAPrepositionalPhrase) {
  expect_content(
      "Tessa Morrow charged on the campaign trail in Harwick that the port had been left to rot.",
      "charged", "the port had been left to rot");
  // After an object, "that" opens a relative clause and is no reported clause.
  expect_no_content("Tessa Morrow called the plan a mistake that would cost the town dearly.",
                    "would cost the town dearly");
}

TEST(QuotesSpans, AStrongCueReachesItsThatAcrossADateWithCommasAndDots) {
  expect_content("Tessa Morrow said on Monday, Jan. 5, that the port had been left to rot.", "said",
                 "the port had been left to rot");
  // Without a preposition first, a comma still ends the search: "that" is the clause's.
  expect_no_content("The council, Tessa Morrow said, is a body that never agrees on the port.",
                    "never agrees on the port");
}

TEST(QuotesSpans, AThatAfterTheReportedClausesVerbIsItsOwn) {
  expect_content("Tessa Morrow said the plan was a mistake that would cost the town dearly.",
                 "said", "the plan was a mistake that would cost the town dearly");
}

// The speaker given to the quote of `text` that reports `content`.
std::string speaker_of(const std::string& text, std::string_view content,
                       SourceKind* kind = nullptr) {
  auto f = run(text);
  const Quote* q = with_content(f, content);
  if (q == nullptr) {
    ADD_FAILURE() << dump(f);
    return "";
  }
  if (kind) *kind = q->kind;
  return q->speaker;
}

TEST(QuotesSpeakers, ADocumentSpeaksForWhoeverTheTextSaysSentIt) {
  auto probe = run("Tessa Morrow said so.");
  REQUIRE_SEGMENTER(probe);
  const std::string quote =
      " \u201cThe port has been left to rot for a decade,\u201d the letter said.";
  const std::string content = "The port has been left to rot for a decade";
  EXPECT_EQ(
      speaker_of("A letter from Sen. Tessa Morrow reached the council on Monday." + quote, content),
      "Tessa Morrow");
  EXPECT_EQ(
      speaker_of("A letter signed by the Harbour Board reached the council." + quote, content),
      "Harbour Board");
  EXPECT_EQ(speaker_of("Tessa Morrow sent a letter to the council on Monday." + quote, content),
            "Tessa Morrow");
  EXPECT_EQ(
      speaker_of(
          "Tessa Morrow\u2019s new ad ran on Monday. \u201cThe port has been left to rot for a "
          "decade,\u201d the advertisement says.",
          content),
      "Tessa Morrow");
  EXPECT_EQ(
      speaker_of("Mayor Greta Lind said in a statement that the port would reopen. \u201cWe will "
                 "rebuild the port within a year,\u201d the statement continued.",
                 "We will rebuild the port within a year"),
      "Greta Lind");
  // Who obtained or reported the letter did not write it; with no author the letter speaks.
  SourceKind kind = SourceKind::kUnknown;
  EXPECT_EQ(speaker_of("A letter obtained by the Harwick Ledger reached the council." + quote,
                       content, &kind),
            "the letter");
  EXPECT_EQ(kind, SourceKind::kDocument);
}

TEST(QuotesSpeakers, TheSpeakerAndTheAttorneyGeneralAreRolesOfNamedPeople) {
  auto probe = run("Tessa Morrow said so.");
  REQUIRE_SEGMENTER(probe);
  EXPECT_EQ(
      speaker_of("House Speaker Tessa Morrow spoke on Monday. \u201cI would not use that language "
                 "about anyone,\u201d the House speaker continued.",
                 "I would not use that language"),
      "Tessa Morrow");
  EXPECT_EQ(
      speaker_of("Attorney General Ada Marsh met Mayor Greta Lind. \u201cThe port accounts are in "
                 "order,\u201d the attorney general said.",
                 "The port accounts are in order"),
      "Ada Marsh");
}

TEST(QuotesSpeakers, SheIsNotTheManNamedBeforeHer) {
  auto probe = run("Tessa Morrow said so.");
  REQUIRE_SEGMENTER(probe);
  const std::string quote = " \u201cWe will rebuild the port within a year,\u201d ";
  const std::string content = "We will rebuild the port within a year";
  // The subject of the sentence before would win, but a given name says otherwise.
  EXPECT_EQ(
      speaker_of("Tom Reed spoke after Greta Lind left the hall." + quote + "she said.", content),
      "Greta Lind");
  EXPECT_EQ(
      speaker_of("Tom Reed spoke after Greta Lind left the hall." + quote + "he said.", content),
      "Tom Reed");
  // An honorific or a person noun says it where the name does not: "Ms. Okafor".
  EXPECT_EQ(speaker_of(
                "Councillor Tom Arnott spoke after Ms. Okafor left the hall." + quote + "she said.",
                content),
            "Okafor");
  EXPECT_EQ(speaker_of("Spokeswoman Vell Arnott spoke after Mr. Okafor left the hall." + quote +
                           "he said.",
                       content),
            "Okafor");
}

TEST(QuotesSpeakers, UnnamedPeopleOfAPlaceAreNotThePlace) {
  auto probe = run("Tessa Morrow said so.");
  REQUIRE_SEGMENTER(probe);
  SourceKind kind = SourceKind::kUnknown;
  EXPECT_EQ(
      speaker_of("Countries in the Asia-Pacific region have repeatedly expressed their concerns "
                 "about the plan for the port.",
                 "their concerns about the plan", &kind),
      "Countries in the Asia-Pacific region");
  EXPECT_EQ(kind, SourceKind::kAnonymous);
  // An organisation that is the head of the phrase speaks for itself.
  EXPECT_EQ(speaker_of("The Harwick Port Authority said the port had been left to rot for years.",
                       "the port had been left to rot", &kind),
            "Harwick Port Authority");
  EXPECT_EQ(kind, SourceKind::kOrganisation);
}

}  // namespace
}  // namespace parallax

// ---------------------------------------------------------------------------
// Invariants on generated text full of quotation marks, colons and paragraph breaks
// ---------------------------------------------------------------------------

namespace parallax {
namespace {

TEST(QuotesInvariants, GeneratedTextKeepsSpansLinksAndSpeakersConsistent) {
  // Pieces that drive every path of the finder: marks of both families, straight and
  // curly, colons before and after names, cues, pronouns, titles, paragraph breaks.
  static const char* kPieces[] = {"\"",
                                  "\xE2\x80\x9C",
                                  "\xE2\x80\x9D",
                                  "'",
                                  ":",
                                  ",",
                                  ".",
                                  "!",
                                  "?",
                                  "\n\n",
                                  " ",
                                  "Ana Ruiz",
                                  "Tomas Vale",
                                  "Q",
                                  "A",
                                  "HARWICK",
                                  "He",
                                  "she",
                                  "said",
                                  "told",
                                  "added",
                                  "tweeting",
                                  "the board",
                                  "that",
                                  "Sen.",
                                  "Representative-elect",
                                  "John A. Boehner",
                                  "the pier will reopen",
                                  "God help us",
                                  "Update",
                                  "via Twitter",
                                  "according to",
                                  "(",
                                  ")",
                                  "\xE2\x80\x94",
                                  "(D-Ore.)",
                                  "R-Ohio",
                                  "'s",
                                  "\xE2\x80\x98",
                                  "\xE2\x80\x99",
                                  "who",
                                  "Mr.",
                                  "Gov.",
                                  "spokeswoman for",
                                  "the letter",
                                  "Harwick Port Authority",
                                  "The mayor",
                                  "suspect",
                                  "arrested",
                                  "identified the gunman as",
                                  "Read the full post:",
                                  "Watch her remarks below:",
                                  "who he said",
                                  "the day that",
                                  "Harwick City, Mo.,",
                                  "Another leading Dem",
                                  "in western Ohio",
                                  "\xE2\x80\x94 broadly endorsed by"};
  constexpr size_t kCount = sizeof(kPieces) / sizeof(kPieces[0]);
  uint64_t state = 0x9E3779B97F4A7C15ull;  // a fixed seed: the same texts every run
  auto next = [&] {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };
  size_t with_quotes = 0;
  for (int round = 0; round < 400; ++round) {
    std::string text;
    const size_t pieces = 5 + next() % 60;
    for (size_t i = 0; i < pieces; ++i) {
      text += kPieces[next() % kCount];
      if (next() % 3 == 0) text += ' ';
    }
    Found f = run(text);
    with_quotes += !f.a.quotes.empty();
    for (size_t q = 0; q < f.a.quotes.size(); ++q) {
      const Quote& x = f.a.quotes[q];
      ASSERT_LE(x.content.end, text.size()) << text;
      ASSERT_LE(x.content.begin, x.content.end) << text;
      ASSERT_LE(x.cue.end, text.size()) << text;
      ASSERT_LE(x.speaker_span.end, text.size()) << text;
      ASSERT_FALSE(x.content.empty()) << text;
      // A part points back to an earlier quote that opens its attribution.
      if (x.continues >= 0) {
        ASSERT_LT(static_cast<size_t>(x.continues), q) << text;
        EXPECT_EQ(f.a.quotes[x.continues].continues, -1) << text;
        EXPECT_TRUE(x.direct) << text;
      }
      if (x.entity >= 0) {
        ASSERT_LT(static_cast<size_t>(x.entity), f.a.entities.size()) << text;
      }
      ASSERT_LT(x.sentence, std::max<size_t>(f.a.sentences.size(), 1)) << text;
    }
  }
  // The generator does reach the finder: many texts hold quotes.
  EXPECT_GT(with_quotes, 100u);
}

}  // namespace
}  // namespace parallax
