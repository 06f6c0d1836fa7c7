// Private to compare: what a sentence is reduced to for alignment, and how two such
// reductions are scored.
//
// How two sentences are scored (sentence_similarity, in [0, 1]; also in
// docs/compare-schema.md):
//   Content words are word tokens that are not stopwords, and numbers ("#2" for
//   "two", "2"; "#2300" for "2,300"). Each carries a role factor (kPeripheral for
//   hedges, intensifiers, an opening connective, a plain reporting verb in a quote's
//   cue, a dateline and words of an outlet's name; else 1) times an IDF weight
//   w = max(kMinIdf, ln((N - df + 0.5) / (df + 0.5))), N the number of sentences of
//   the compared articles and df the number holding the stem, so words that every
//   sentence of the story uses ("NATO" in a NATO story) count little.
//   A word of one sentence matches the other sentence with
//     1.0  when the other has the same stem,
//     0.8  when the other has a stem of the same family (one stem a prefix of the
//          other, at least 5 bytes, at most 3 longer: "japan"/"japanes"),
//     0.7  when the other has a word sharing a WordNet synset ("error"/"mistake"),
//     0    otherwise.
//   P and R are the matched shares of each sentence's total weight, where a word that
//   the other article never uses (nor a synonym of it) counts kForeignWordShare of
//   its weight: it is detail the other outlet left out everywhere, weaker evidence
//   against this particular pair than a word the other outlet uses elsewhere. The
//   lexical score blends their weighted Dice with the larger of the two, so that a
//   short sentence wholly contained in a longer paraphrase still scores:
//     lex = kDiceShare * Dice + (1 - kDiceShare) * max(P, R) * c
//   with c = min(1, content words of the shorter / kMinCoverWords).
//   When fewer than kMinMatchedWords words of either side match, lex is multiplied by
//   kSingleWordPenalty: one word in common is a shared topic, not a shared statement.
//   Entities (cross-article keys) add a weighted Jaccard J (IDF over entity keys):
//     sim = (1 - kEntityShare) * lex + kEntityShare * J   when either has entities,
//     sim = lex                                            otherwise.
//   Actions: when both name the same person among their first words followed by a
//   content word of the same family ("Macron urged" / "Macron had urged"), the same
//   actor does the same thing: kActionBonus is added.
//   Numbers: a shared rare specific figure (Word::figure) adds kFigureBonus and lifts
//   the absent-person penalty; another shared number adds kNumberBonus; two numbers
//   before the same unit word that disagree (and no number in common) multiply by
//   kNumberConflict.
//   People: a sentence is centred on a person when that person is its speaker or is
//   named among its first words; anchored on those it cannot be told without (see
//   SentenceFeatures::anchored). Entities made of an outlet's name are left out. When
//   both sentences are centred on people, none of one side's named or centred in the
//   other sentence, and one side's anchored person is never mentioned by the other
//   article, sim is multiplied by kDifferentPersonPenalty (two people's
//   statements); when only the second holds, by kAbsentPersonPenalty (the other
//   outlet may give the statement without its speaker); when only the first holds,
//   by kOtherPersonPenalty. A statement by someone the other outlet never names is
//   rarely the same fact.
#ifndef PARALLAX_SRC_COMPARE_FEATURES_H_
#define PARALLAX_SRC_COMPARE_FEATURES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "parallax/analyze.h"
#include "parallax/core.h"

namespace parallax::compare {

inline constexpr float kMinIdf = 0.1f;
inline constexpr float kForeignWordShare = 0.5f;
inline constexpr int kMinMatchedWords = 2;
inline constexpr float kSingleWordPenalty = 0.5f;
inline constexpr float kFamilyMatch = 0.8f;
inline constexpr float kSynonymMatch = 0.7f;
inline constexpr float kDiceShare = 0.6f;
inline constexpr size_t kMinCoverWords = 6;
inline constexpr float kEntityShare = 0.2f;
inline constexpr float kNumberBonus = 0.05f;
inline constexpr float kFigureBonus = 0.15f;
inline constexpr float kActionBonus = 0.15f;
inline constexpr float kNumberConflict = 0.5f;
inline constexpr float kDifferentPersonPenalty = 0.25f;
inline constexpr float kAbsentPersonPenalty = 0.5f;
inline constexpr float kOtherPersonPenalty = 0.6f;
// Words take part in synonym matching through their first senses of each part of
// speech only: WordNet lists the most frequent senses first, and the rare senses of
// common verbs ("make", "take") would match nearly anything.
inline constexpr size_t kMaxSensesPerPos = 4;
// Words that frame rather than state: hedges and intensifiers ("reportedly",
// "boldly") and a sentence's opening connective ("Furthermore,"). Two outlets
// stating one fact often differ exactly there.
inline constexpr float kPeripheral = 0.3f;
// Two sentences state one fact only when they share at least one word that is both
// rare in the story (in at most kRarePerArticle sentences per compared article, so
// its IDF reaches Features::rare_idf) and not a word of an outlet's own name: shared
// generic words or one outlet's sign-off ("The Courier says") are style, not
// substance; words of role below 1 never count. Without such a word the similarity
// is multiplied by kNoEvidencePenalty.
inline constexpr uint32_t kRarePerArticle = 2;
inline constexpr float kNoEvidencePenalty = 0.3f;
// A sentence takes part in facts when it has at least this many content words.
inline constexpr size_t kMinContentWords = 3;

struct Word {
  uint32_t stem = 0;             // id in Features::stems (ids follow the sorted stem strings)
  uint32_t family = 0;           // id of the shortest stem of its family (itself when none)
  float weight = 0;              // IDF times `role`
  float role = 1;                // kPeripheral for attribution cues, hedges and connectives
  bool figure = false;           // a specific figure ("41", "2,300", "61.2"), not a year
  std::vector<uint32_t> senses;  // WordNet synsets, the first kMaxSensesPerPos of each POS
  std::vector<uint64_t> known;   // bit set of the articles using this word or a synonym
};

struct SentenceFeatures {
  uint32_t article = 0, sentence = 0;
  bool eligible = false;                                // not a heading, enough content words
  std::vector<Word> words;                              // unique by stem, sorted by stem id
  std::vector<uint32_t> families;                       // sorted unique
  std::vector<uint32_t> synsets;                        // sorted unique (capped per word)
  float weight = 0;                                     // sum of word weights
  std::vector<uint32_t> entities;                       // cross-article entity keys, sorted unique
  std::vector<uint32_t> numbers;                        // word ids of the numbers ("#41"), sorted unique
  std::vector<std::pair<uint32_t, uint32_t>> measures;  // (unit stem, number word id)
  std::vector<uint32_t> centre;  // person entity keys the sentence is centred on
  // Of them, those it cannot be told without: its subject, or the speaker of a
  // direct quote that makes up most of it (the words are theirs). The source of a
  // claim may differ between outlets ("Quill said" / "sources say") for one fact.
  std::vector<uint32_t> anchored;
  std::vector<std::pair<uint32_t, uint32_t>>
      actions;  // (centre person key, family of the word after the name)
};

// The compared articles reduced for alignment.
struct Features {
  std::vector<std::string> stems;           // by id, sorted
  std::vector<SentenceFeatures> sentences;  // all articles, in order
  std::vector<uint32_t> first_sentence;     // per article, index into sentences
  std::vector<float> entity_weight;         // by entity key (IDF)
  // Per article, per entity index: the cross-article key.
  std::vector<std::vector<uint32_t>> entity_key;
  // Per key, the articles mentioning it (sorted unique).
  std::vector<std::vector<uint32_t>> key_articles;
  size_t key_count = 0;
  // By stem id: 1 when the stem is a word of a compared article's outlet name.
  std::vector<uint8_t> outlet_stem;
  float rare_idf = 0;  // IDF of a stem in kRarePerArticle sentences per article

  const SentenceFeatures& at(uint32_t article, uint32_t sentence) const {
    return sentences[first_sentence[article] + sentence];
  }
  bool article_mentions(uint32_t article, uint32_t key) const;
};

// `outlets` holds the outlet name of each article (may be empty or shorter).
Features build_features(const std::vector<const Analysis*>& analyses,
                        const analyze::Lexical& lexical,
                        const std::vector<std::string>& outlets = {});

float similarity(const Features& f, const SentenceFeatures& a, const SentenceFeatures& b);

// Sets hit[i] (sized to a.words) for each word of `a` that `b` matches by stem,
// family or synonym; other entries are left as they are, so calls accumulate.
void mark_matched(const SentenceFeatures& a, const SentenceFeatures& b, std::vector<uint8_t>& hit);

}  // namespace parallax::compare

#endif  // PARALLAX_SRC_COMPARE_FEATURES_H_
