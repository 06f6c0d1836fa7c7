#include "analyze/framing.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <string>
#include <vector>

#include "core/lexicon.h"
#include "analyze/text.h"
#include "test_util.h"

namespace parallax::analyze {
namespace {

using ::parallax::testing::analyzer;

const FramingLexicon& lexicon() {
  static const FramingLexicon lex = [] {
    auto r = FramingLexicon::load();
    EXPECT_TRUE(r.ok()) << r.status().message();
    return r.ok() ? r.value() : FramingLexicon{};
  }();
  return lex;
}

// A minimal ASCII segmenter, so the matcher is tested independently of segment():
// words are runs of letters and digits, apostrophes inside them kept; every other non-space byte is
// a punctuation token; '.', '!' and '?' end a sentence.
Analysis tokenize(std::string_view text) {
  Analysis a;
  a.language = "en";
  uint32_t sentence_begin = 0, first_token = 0;
  auto close_sentence = [&](uint32_t end) {
    if (a.tokens.size() == first_token) return;
    Sentence s;
    s.span = {sentence_begin, end};
    s.first_token = first_token;
    s.token_count = static_cast<uint32_t>(a.tokens.size()) - first_token;
    a.sentences.push_back(s);
    first_token = static_cast<uint32_t>(a.tokens.size());
  };
  for (uint32_t i = 0; i < text.size();) {
    unsigned char c = text[i];
    if (std::isspace(c)) {
      ++i;
      continue;
    }
    if (a.tokens.size() == first_token) sentence_begin = i;
    Token t;
    t.sentence = static_cast<uint32_t>(a.sentences.size());
    uint32_t j = i;
    if (std::isalnum(c)) {
      auto alnum = [&](uint32_t k) {
        return k < text.size() && std::isalnum(static_cast<unsigned char>(text[k]));
      };
      while (alnum(j) || (text[j] == '\'' && alnum(j + 1))) ++j;
      t.is_word = true;
      t.is_number = std::isdigit(c);
      t.capitalized = std::isupper(c);
    } else {
      ++j;
    }
    t.span = {i, j};
    for (char ch : text.substr(i, j - i)) t.norm += static_cast<char>(std::tolower(ch));
    t.stem = stem(t.norm, "en");
    a.tokens.push_back(std::move(t));
    i = j;
    if (c == '.' || c == '!' || c == '?') close_sentence(i);
  }
  close_sentence(static_cast<uint32_t>(text.size()));
  for (const Token& t : a.tokens) a.word_count += t.is_word;
  return a;
}

const FramingSpan* find_entry(const Analysis& a, std::string_view entry) {
  for (const auto& f : a.framing) {
    if (f.entry == entry) return &f;
  }
  return nullptr;
}

TEST(FramingLexiconTest, LoadsSeveralHundredEntriesInEveryCategory) {
  std::string_view text = embedded_lexicon("framing.tsv");
  ASSERT_FALSE(text.empty());
  auto rows = lexicon_rows(text);
  EXPECT_GE(rows.size(), 500u);
  int by_category[5] = {};
  for (const auto& row : rows) {
    ASSERT_GE(row.size(), 3u) << row[0];
    for (int c = 0; c < 5; ++c) {
      if (row[1] == to_string(static_cast<FrameCategory>(c))) ++by_category[c];
    }
  }
  for (int c = 0; c < 5; ++c) {
    EXPECT_GE(by_category[c], 50) << to_string(static_cast<FrameCategory>(c));
  }
  EXPECT_TRUE(FramingLexicon::load().ok());
}

TEST(FramingLexiconTest, EntriesAreLowerCaseAndUnique) {
  std::vector<std::string> seen;
  for (const auto& row : lexicon_rows(embedded_lexicon("framing.tsv"))) {
    std::string e(row[0]);
    EXPECT_TRUE(std::none_of(e.begin(), e.end(), [](char c) { return std::isupper(c); })) << e;
    seen.push_back(e);
  }
  std::sort(seen.begin(), seen.end());
  EXPECT_EQ(std::adjacent_find(seen.begin(), seen.end()), seen.end());
}

TEST(FramingMatchTest, DetectsEachCategory) {
  std::string text =
      "The regime slammed the talks. Prices rose extremely fast. The envoy reportedly left. "
      "Clearly, the plan failed.";
  Analysis a = tokenize(text);
  find_framing(text, lexicon(), a);
  const FramingSpan* label = find_entry(a, "regime");
  const FramingSpan* loaded = find_entry(a, "slammed");
  const FramingSpan* intensifier = find_entry(a, "extremely");
  const FramingSpan* hedge = find_entry(a, "reportedly");
  const FramingSpan* opinion = find_entry(a, "clearly");
  ASSERT_TRUE(label && loaded && intensifier && hedge && opinion);
  EXPECT_EQ(label->category, FrameCategory::kLabel);
  EXPECT_EQ(loaded->category, FrameCategory::kLoaded);
  EXPECT_EQ(intensifier->category, FrameCategory::kIntensifier);
  EXPECT_EQ(hedge->category, FrameCategory::kHedge);
  EXPECT_EQ(opinion->category, FrameCategory::kOpinion);
  EXPECT_EQ(label->span.of(text), "regime");
  EXPECT_EQ(loaded->span.of(text), "slammed");
  EXPECT_EQ(hedge->sentence, 2u);
  EXPECT_EQ(opinion->sentence, 3u);
  for (const auto& f : a.framing) {
    EXPECT_GT(f.strength, 0.0f);
    EXPECT_LE(f.strength, 1.0f);
  }
}

TEST(FramingMatchTest, MultiWordEntriesMatchAcrossInflections) {
  for (std::string text : {"Tokyo bows to Washington.", "Tokyo is bowing to Washington.",
                           "Tokyo bowed to Washington."}) {
    Analysis a = tokenize(text);
    find_framing(text, lexicon(), a);
    const FramingSpan* f = find_entry(a, "bows to");
    ASSERT_NE(f, nullptr) << text;
    std::string_view surface = f->span.of(text);
    EXPECT_TRUE(surface.starts_with("bow")) << surface;
    EXPECT_TRUE(surface.ends_with(" to")) << surface;
  }
}

TEST(FramingMatchTest, LongestMatchWins) {
  std::string text = "They installed a puppet regime there.";
  Analysis a = tokenize(text);
  find_framing(text, lexicon(), a);
  ASSERT_EQ(a.framing.size(), 1u);
  EXPECT_EQ(a.framing[0].entry, "puppet regime");
  EXPECT_EQ(a.framing[0].span.of(text), "puppet regime");
}

TEST(FramingMatchTest, HyphenatedEntriesMatchSplitTokens) {
  std::string text = "It was a self-serving plan from so-called experts.";
  Analysis a = tokenize(text);
  find_framing(text, lexicon(), a);
  const FramingSpan* loaded = find_entry(a, "self-serving");
  const FramingSpan* hedge = find_entry(a, "so-called");
  ASSERT_TRUE(loaded && hedge);
  EXPECT_EQ(loaded->span.of(text), "self-serving");
  EXPECT_EQ(hedge->span.of(text), "so-called");
}

TEST(FramingMatchTest, HyphenatedEntryNeedsTheHyphen) {
  std::string text = "It would be a mistake to leave.";
  Analysis a = tokenize(text);
  find_framing(text, lexicon(), a);
  EXPECT_EQ(find_entry(a, "would-be"), nullptr);
}

TEST(FramingMatchTest, PhrasesDoNotSpanPunctuation) {
  std::string text = "He bows, to nobody.";
  Analysis a = tokenize(text);
  find_framing(text, lexicon(), a);
  EXPECT_EQ(find_entry(a, "bows to"), nullptr);
}

TEST(FramingMatchTest, CapitalisedWordMidSentenceIsAName) {
  std::string text = "The plan was unveiled in May. It may fail.";
  Analysis a = tokenize(text);
  find_framing(text, lexicon(), a);
  ASSERT_EQ(a.framing.size(), 1u);
  EXPECT_EQ(a.framing[0].span.of(text), "may");
  EXPECT_EQ(a.framing[0].sentence, 1u);
}

TEST(FramingMatchTest, TitleCaseHeadlinesStillMatch) {
  std::string text = "Japan Bows To Pressure As Regime Tightens Grip";
  Analysis a = tokenize(text);
  find_framing(text, lexicon(), a);
  EXPECT_NE(find_entry(a, "bows to"), nullptr);
  EXPECT_NE(find_entry(a, "regime"), nullptr);
}

TEST(FramingMatchTest, NegationKeepsTheSpan) {
  std::string text = "Japan is not a puppet of anyone.";
  Analysis a = tokenize(text);
  find_framing(text, lexicon(), a);
  ASSERT_NE(find_entry(a, "puppet"), nullptr);
}

TEST(FramingMatchTest, ExactEntriesDoNotMatchTheirStem) {
  // "reportedly" stems like "report", "shocking" like "shock": exact entries only.
  std::string text = "The report described an economic shock.";
  Analysis a = tokenize(text);
  find_framing(text, lexicon(), a);
  EXPECT_TRUE(a.framing.empty()) << a.framing[0].entry;
}

// Quote content as the quote finder would mark it.
Quote quote(std::string_view text, std::string_view content, std::string_view cue, bool direct,
            uint32_t sentence) {
  Quote q;
  q.direct = direct;
  size_t c = text.find(content);
  q.content = {static_cast<uint32_t>(c), static_cast<uint32_t>(c + content.size())};
  if (!cue.empty()) {
    size_t k = text.find(cue);
    q.cue = {static_cast<uint32_t>(k), static_cast<uint32_t>(k + cue.size())};
  }
  q.sentence = sentence;
  return q;
}

TEST(FramingQuoteTest, DirectQuoteWordingWeighsHalf) {
  std::string text = "\"It is a reckless plan,\" the minister said. It is a reckless plan.";
  Analysis a = tokenize(text);
  a.quotes.push_back(quote(text, "It is a reckless plan,", "said", true, 0));
  find_framing(text, lexicon(), a);
  ASSERT_EQ(a.framing.size(), 2u);
  EXPECT_EQ(a.framing[0].entry, "reckless");
  EXPECT_FLOAT_EQ(a.framing[0].strength * 2, a.framing[1].strength);
}

TEST(FramingQuoteTest, ShortQuotedTermWithoutSpeakerIsAScareQuote) {
  std::string text = "The bloc promised \"engagement\" in the region.";
  Analysis a = tokenize(text);
  a.quotes.push_back(quote(text, "engagement", "", true, 0));
  find_framing(text, lexicon(), a);
  const FramingSpan* f = find_entry(a, "scare quotes");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->category, FrameCategory::kHedge);
  EXPECT_EQ(f->span.of(text), "engagement");
}

TEST(FramingQuoteTest, FindsScareQuotesTheQuoteFinderLeftAlone) {
  std::string text =
      "The government praised its 'reforms' again. The members' votes were counted. "
      "She used the word 'historic' twice.";
  Analysis a = tokenize(text);
  find_framing(text, lexicon(), a);
  ASSERT_EQ(a.framing.size(), 1u);
  EXPECT_EQ(a.framing[0].entry, "scare quotes");
  EXPECT_EQ(a.framing[0].span.of(text), "reforms");
  EXPECT_EQ(a.framing[0].sentence, 0u);
}

TEST(FramingQuoteTest, QuotedSentenceFragmentsAreNotScareQuotes) {
  std::string text = "The memo warned of \"delays, costs\" and more.";
  Analysis a = tokenize(text);
  find_framing(text, lexicon(), a);
  EXPECT_EQ(find_entry(a, "scare quotes"), nullptr);
}

TEST(FramingOpinionTest, ClassifiesClearSentences) {
  std::string text =
      "China must respond decisively. The ministry said on Tuesday that talks continue. "
      "The reckless and selfish plan bows to Washington. Officials met in Paris on Monday.";
  Analysis a = tokenize(text);
  ASSERT_EQ(a.sentences.size(), 4u);
  find_framing(text, lexicon(), a);
  EXPECT_TRUE(a.sentences[0].is_opinion);
  EXPECT_FALSE(a.sentences[1].is_opinion);
  EXPECT_TRUE(a.sentences[2].is_opinion);
  EXPECT_FALSE(a.sentences[3].is_opinion);
}

TEST(FramingOpinionTest, AttributedOpinionIsReporting) {
  std::string text = "The minister said that Europe must act now.";
  Analysis a = tokenize(text);
  a.quotes.push_back(quote(text, "Europe must act now", "said", false, 0));
  find_framing(text, lexicon(), a);
  EXPECT_NE(find_entry(a, "must"), nullptr);
  EXPECT_FALSE(a.sentences[0].is_opinion);
}

TEST(FramingOpinionTest, OutletFramingAroundAQuoteIsOpinion) {
  std::string text = "The spineless regime said that talks continue.";
  Analysis a = tokenize(text);
  a.quotes.push_back(quote(text, "talks continue", "said", false, 0));
  find_framing(text, lexicon(), a);
  EXPECT_TRUE(a.sentences[0].is_opinion);
}

TEST(FramingOpinionTest, OneClearlyEvaluativeWordOfTheOutletIsAnOpinion) {
  std::string text =
      "The council passed a preposterous budget. The council passed the budget on Tuesday.";
  Analysis a = tokenize(text);
  find_framing(text, lexicon(), a);
  ASSERT_EQ(a.sentences.size(), 2u);
  EXPECT_TRUE(a.sentences[0].is_opinion);
  EXPECT_FALSE(a.sentences[1].is_opinion);
}

TEST(FramingOpinionTest, LoadedWordInIndirectSpeechWeighsHalf) {
  // "reckless" (0.7) in the outlet's own sentence is an opinion; in indirect speech
  // it weighs half and alone falls below the bar; in a direct quote it weighs nothing.
  std::string own = "The plan was reckless.";
  Analysis a = tokenize(own);
  find_framing(own, lexicon(), a);
  EXPECT_TRUE(a.sentences[0].is_opinion);

  std::string reported = "The mayor said that the plan was reckless.";
  Analysis b = tokenize(reported);
  b.quotes.push_back(quote(reported, "the plan was reckless", "said", false, 0));
  find_framing(reported, lexicon(), b);
  ASSERT_NE(find_entry(b, "reckless"), nullptr);
  EXPECT_FALSE(b.sentences[0].is_opinion);

  // Two loaded words in the paraphrase add up: the outlet chose strong wording.
  std::string piled = "The mayor said that the reckless plan was a disgraceful mess.";
  Analysis c = tokenize(piled);
  c.quotes.push_back(quote(piled, "the reckless plan was a disgraceful mess", "said", false, 0));
  find_framing(piled, lexicon(), c);
  EXPECT_TRUE(c.sentences[0].is_opinion);

  std::string quoted = "\"The plan is reckless and disgraceful,\" the mayor said.";
  Analysis d = tokenize(quoted);
  d.quotes.push_back(quote(quoted, "The plan is reckless and disgraceful,", "said", true, 0));
  find_framing(quoted, lexicon(), d);
  EXPECT_FALSE(d.sentences[0].is_opinion);
}

TEST(FramingOpinionTest, PointedDoubtIsAnOpinionCommonHedgesAreNot) {
  std::string text = "The so-called reform passed on Tuesday. The reform may pass on Tuesday.";
  Analysis a = tokenize(text);
  find_framing(text, lexicon(), a);
  ASSERT_EQ(a.sentences.size(), 2u);
  EXPECT_TRUE(a.sentences[0].is_opinion);
  EXPECT_FALSE(a.sentences[1].is_opinion);
}

TEST(FramingMatchTest, AdjectiveEntryDoesNotReachItsNeutralNoun) {
  // The verb "plagued" once matched by stem, so every literal "plague" was reported
  // as loaded wording; "scandalous" likewise reached every "scandal" at its own 0.7.
  std::string text =
      "The plague spread in the port. The project was plagued by delays. "
      "It was a scandalous deal.";
  Analysis a = tokenize(text);
  find_framing(text, lexicon(), a);
  std::vector<std::string> found;
  for (const auto& f : a.framing) found.emplace_back(f.span.of(text));
  EXPECT_EQ(std::count(found.begin(), found.end(), "plague"), 0);
  EXPECT_EQ(std::count(found.begin(), found.end(), "plagued"), 1);
  EXPECT_EQ(std::count(found.begin(), found.end(), "scandalous"), 1);
  std::string noun = "The scandal grew.";
  Analysis b = tokenize(noun);
  find_framing(noun, lexicon(), b);
  for (const auto& f : b.framing) EXPECT_NE(f.entry, "scandalous");
}

TEST(FramingMatchTest, EmotiveKindsAreCovered) {
  // One of each kind the emotive file adds: a verb of verbal attack, an insult, a
  // disaster metaphor, a political slang label, doubt cast on a claim.
  std::string text =
      "Critics lambasted the turncoats. The vote was a train wreck for the lefties. "
      "The cure is unproven.";
  Analysis a = tokenize(text);
  find_framing(text, lexicon(), a);
  // By the words matched: another file's stem entry ("turncoat") may be the one that
  // wins for an inflected form.
  auto by_words = [&](std::string_view words) -> const FramingSpan* {
    for (const auto& f : a.framing) {
      if (f.span.of(text) == words) return &f;
    }
    return nullptr;
  };
  const FramingSpan* attack = by_words("lambasted");
  const FramingSpan* insult = by_words("turncoats");
  const FramingSpan* slang = by_words("lefties");
  const FramingSpan* doubt = by_words("unproven");
  ASSERT_TRUE(attack && insult && slang && doubt);
  EXPECT_EQ(attack->category, FrameCategory::kLoaded);
  EXPECT_EQ(insult->category, FrameCategory::kLabel);
  EXPECT_EQ(slang->category, FrameCategory::kLabel);
  EXPECT_EQ(doubt->category, FrameCategory::kHedge);
  const FramingSpan* metaphor = by_words("train wreck");
  EXPECT_NE(metaphor, nullptr);
}

TEST(FramingLexiconTest, EnglishFilesDoNotRepeatEachOther) {
  // An entry written twice with different strengths would make the stronger one win
  // silently; each English file says it does not repeat the others.
  std::vector<std::string> seen;
  for (const std::string& name : embedded_lexicon_names()) {
    if (!name.starts_with("framing") || !name.ends_with(".tsv")) continue;
    std::string_view stem_part = std::string_view(name).substr(0, name.size() - 4);
    if (stem_part.size() == 10 && stem_part[7] == '_') continue;  // framing_xx: another language
    for (const auto& row : lexicon_rows(embedded_lexicon(name))) seen.emplace_back(row[0]);
  }
  EXPECT_GT(seen.size(), 2000u);
  std::sort(seen.begin(), seen.end());
  auto dup = std::adjacent_find(seen.begin(), seen.end());
  EXPECT_EQ(dup, seen.end()) << *dup;
}

TEST(FramingMatchTest, DegreeAdverbCountsOnlyBeforeAnEvaluativeWord) {
  // "very" grading a neutral word is plain description; grading a loaded word it
  // strengthens the slant and is reported as an intensifier.
  std::string plain = "The farm lies very close to the river.";
  Analysis a = tokenize(plain);
  find_framing(plain, lexicon(), a);
  EXPECT_EQ(find_entry(a, "very"), nullptr);

  std::string graded = "It was a very cruel plan.";
  Analysis b = tokenize(graded);
  find_framing(graded, lexicon(), b);
  const FramingSpan* very = find_entry(b, "very");
  ASSERT_NE(very, nullptr);
  EXPECT_EQ(very->category, FrameCategory::kIntensifier);
  EXPECT_EQ(very->span.of(graded), "very");
  EXPECT_NE(find_entry(b, "cruel"), nullptr);

  // A chain keeps every adverb that leads to the evaluative word; a degree adverb at
  // the end of a sentence grades nothing.
  std::string chain = "The reply was really very cruel. They liked it very.";
  Analysis c = tokenize(chain);
  find_framing(chain, lexicon(), c);
  int kept = 0;
  for (const auto& f : c.framing) kept += f.category == FrameCategory::kIntensifier;
  EXPECT_EQ(kept, 2);
  for (const auto& f : c.framing) EXPECT_EQ(f.sentence, 0u) << f.entry;
}

TEST(FramingMatchTest, NeutralFixedTermHidesTheLabelInside) {
  // The same word is a label when it names people and a descriptive part of a fixed
  // term in "terrorist attack" or "regime change".
  std::string fixed =
      "Police said the terrorist attacks were planned abroad. Some urged regime change.";
  Analysis a = tokenize(fixed);
  find_framing(fixed, lexicon(), a);
  EXPECT_EQ(find_entry(a, "terrorist"), nullptr);
  EXPECT_EQ(find_entry(a, "regime"), nullptr);
  for (const auto& f : a.framing) EXPECT_GT(f.strength, 0.0f) << f.entry;

  std::string label = "The paper called the marchers terrorists backed by the regime.";
  Analysis b = tokenize(label);
  find_framing(label, lexicon(), b);
  const FramingSpan* terrorist = find_entry(b, "terrorist");
  ASSERT_NE(terrorist, nullptr);
  EXPECT_EQ(terrorist->category, FrameCategory::kLabel);
  EXPECT_NE(find_entry(b, "regime"), nullptr);

  // "failed to" reports an outcome; "a failed policy" judges it.
  std::string outcome = "The talks failed to produce a deal.";
  Analysis c = tokenize(outcome);
  find_framing(outcome, lexicon(), c);
  EXPECT_EQ(find_entry(c, "failed"), nullptr);
  std::string judged = "It was a failed policy.";
  Analysis d = tokenize(judged);
  find_framing(judged, lexicon(), d);
  EXPECT_NE(find_entry(d, "failed"), nullptr);
}

TEST(FramingMatchTest, AttributionVerbsOfDoubtAreHedges) {
  // "insisted" and "admitted" tell the reader how to take what was said: doubt cast on
  // the speaker, not loaded wording about the event.
  std::string text = "The mayor insisted the water was safe. The firm admitted the leak.";
  Analysis a = tokenize(text);
  find_framing(text, lexicon(), a);
  const FramingSpan* insisted = find_entry(a, "insist");
  const FramingSpan* admitted = find_entry(a, "admitted");
  ASSERT_TRUE(insisted && admitted);
  EXPECT_EQ(insisted->category, FrameCategory::kHedge);
  EXPECT_EQ(admitted->category, FrameCategory::kHedge);
}

TEST(FramingMatchTest, WordNetVerbsAndNounsAreLoaded) {
  std::string text = "Critics reviled the mayor as a hoodlum and a blowhard full of bombast.";
  Analysis a = tokenize(text);
  find_framing(text, lexicon(), a);
  const FramingSpan* verb = find_entry(a, "revile");
  const FramingSpan* insult = find_entry(a, "hoodlum");
  const FramingSpan* noun = find_entry(a, "bombast");
  ASSERT_TRUE(verb && insult && noun);
  EXPECT_EQ(verb->category, FrameCategory::kLoaded);
  EXPECT_EQ(verb->span.of(text), "reviled");
  EXPECT_EQ(insult->category, FrameCategory::kLabel);
  EXPECT_EQ(noun->category, FrameCategory::kLoaded);
}

// Through the whole analyser (segmenter, quotes and framing together).
TEST(FramingPipelineTest, AnalyzerFindsFramingAndOpinion) {
  std::string text =
      "China must respond decisively. The ministry said on Tuesday that talks continue. "
      "Critics say Japan is increasingly beholden to its self-serving ally.";
  Analysis a = analyzer().analyze_text(text, "en");
  ASSERT_EQ(a.sentences.size(), 3u);
  EXPECT_TRUE(a.sentences[0].is_opinion);
  EXPECT_FALSE(a.sentences[1].is_opinion);
  bool beholden = false, self_serving = false;
  for (const auto& f : a.framing) {
    beholden |= f.span.of(text) == "beholden";
    self_serving |= f.span.of(text) == "self-serving";
  }
  EXPECT_TRUE(beholden);
  EXPECT_TRUE(self_serving);
}

Article seed_article(const std::string& path) {
  Article article;
  article.language = "en";
  std::string body = ::parallax::testing::read_file(path);
  size_t pos = 0;
  while (pos < body.size()) {
    size_t nl = body.find('\n', pos);
    if (nl == std::string::npos) nl = body.size();
    std::string_view line = std::string_view(body).substr(pos, nl - pos);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    if (!line.empty()) article.add_paragraph(line);
    pos = nl + 1;
  }
  return article;
}

std::string seed_path(const std::string& dir, std::string_view prefix) {
  for (const auto& e : std::filesystem::directory_iterator(dir + "/data/seeds")) {
    if (e.path().filename().string().starts_with(prefix)) return e.path().string();
  }
  return "";
}

TEST(FramingSeedsTest, SlantedSeedIsDenserAndNamesItsCharges) {
  PARALLAX_REQUIRE_SHARED(dir);
  std::string p0 = seed_path(dir, "000_"), p4 = seed_path(dir, "004_");
  if (p0.empty() || p4.empty()) GTEST_SKIP() << "seed articles absent";
  Article a0 = seed_article(p0), a4 = seed_article(p4);
  Analysis r0 = analyzer().analyze(a0), r4 = analyzer().analyze(a4);
  ASSERT_GT(r0.word_count, 0u);
  ASSERT_GT(r4.word_count, 0u);
  double d0 = 100.0 * r0.framing.size() / r0.word_count;
  double d4 = 100.0 * r4.framing.size() / r4.word_count;
  EXPECT_GE(d4, 1.5 * d0) << "density 000 " << d0 << ", 004 " << d4;
  bool hegemony = false, pawn = false, selfish = false;
  for (const auto& f : r4.framing) {
    std::string_view s = f.span.of(a4.text);
    hegemony |= s.find("hegemony") != std::string_view::npos;
    pawn |= s.find("pawn") != std::string_view::npos;
    selfish |= s.find("selfish") != std::string_view::npos;
  }
  EXPECT_TRUE(hegemony);
  EXPECT_TRUE(pawn);
  EXPECT_TRUE(selfish);
  uint32_t opinions4 = 0;
  for (const auto& s : r4.sentences) opinions4 += s.is_opinion;
  EXPECT_GT(opinions4, 0u);
}

}  // namespace
}  // namespace parallax::analyze
