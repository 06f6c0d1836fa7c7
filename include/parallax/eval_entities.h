// parallax/eval_entities.h: scoring entity ranking and quote speakers on an events set
// with annotations (the BASIL layout).
//
// Contract: `evaluate_entities` reads DIR/articles.jsonl (id, outlet, title, date, url,
// text) and DIR/annotations.jsonl (id, main_entities, phrases with txt, quote and
// speaker), analyses every article once and scores two things:
// - main_entity_recall_at_5: over every gold main entity of every annotated article,
//   the share found among the five entities we rank highest for the article
//   (rank_entities below).
// - speaker_accuracy: over the annotated phrases with quote "yes" whose speaker names
//   someone (not empty and not one of the set's "other_*" placeholders for unnamed
//   sources: "other_anti", "other_pro", "other_neutral"; named groups such as
//   "House_Democrats" and "Democratic_lawmakers" count), the share whose text we
//   find in the article, inside the content of one of our quotes (at least half of the
//   phrase's bytes), with our speaker matching the gold one: by name, or, for a gold
//   group label ("House_Democrats", "Obama_campaign", "NAACP"; group_label below),
//   through the affiliations the text gives our speaker (a Democratic representative
//   speaks for House Democrats; affiliation_matches below). The report counts the
//   second kind apart (by_affiliation). A phrase we cannot place in the text, or that
//   no quote of ours covers, counts wrong.
// Names match loosely (names_match): case-insensitive, underscores as spaces, dots,
// hyphens and a possessive dropped ("U.S." ~ "US", "Wal-Mart" ~ "Walmart"), "Mr.",
// "Mrs.", "Ms.", "Miss", "Dr.", "Sir", "Dame" and "the" ignored, a plural "s" ignored, and a word
// cut short where the other goes on with a non-ASCII letter taken as the same (the set's ids lost
// accented letters: "Felipe_Calder"), or with one or two plain letters after a cut of five or
// more (the article spelled it without the accent: "Calderon"); equal names match, a person matches by surname
// ("Barack_Obama" ~ "Obama", but not "Michelle Obama"), and a name matches one whose words it all
// shares ("Obama" ~ "Obama administration", "Republicans" ~ "Republican lawmakers"). An entity's
// aliases are tried too (ranking and speakers), so the Democratic Party seen as "Democratic"
// matches "Democratic lawmakers". Fails with kNotFound / kInvalidInput naming the file when either
// file is missing or holds no readable line; a line that cannot be read counts in `failed`, never
// stops the run. Not thread-safe per call (one core). Cost: one analysis per article.
#ifndef PARALLAX_EVAL_ENTITIES_H_
#define PARALLAX_EVAL_ENTITIES_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "parallax/core.h"

namespace parallax::eval {

// ---------------------------------------------------------------------------
// Metric helpers (pure functions; thread-safe)
// ---------------------------------------------------------------------------

// The comparable words of a name: lower case, underscores and hyphens as spaces,
// dots, possessives and punctuation dropped, a title ("Mr.", "President") kept.
std::vector<std::string> name_words(std::string_view name);

// True when a gold name and one of ours name the same entity by the rules of the
// contract above. `ours_is_person`: allows the surname match.
bool names_match(std::string_view gold, std::string_view ours, bool ours_is_person);

// Indices into analysis.entities with a mention, most salient first
// (Entity::salience; ties keep the order of first mention).
std::vector<size_t> rank_entities(const Analysis& analysis);

// How many of `gold` match one of the names in `ranked` (the first k of them).
struct RankedName {
  std::string name;
  std::vector<std::string> aliases;
  bool person = false;
};
size_t found_in_top(const std::vector<std::string>& gold, const std::vector<RankedName>& ranked,
                    size_t k);

// True when a gold speaker names a group or an organisation rather than a person: it
// holds a member noun ("lawmakers", "officials"), a party ("Democrats", "GOP"),
// "campaign", "administration" or "committee", or is one acronym ("NAACP").
bool group_label(std::string_view gold);

// True when every word of a group label but its member nouns ("House Democrats" ->
// house, democrat) is a word of the speaker's affiliations (Entity::affiliations:
// "Democratic Party", "House of Representatives"); party words compare in one form
// ("Democratic" ~ "Democrats", "GOP" ~ "Republican").
bool affiliation_matches(std::string_view gold, const std::vector<std::string>& affiliations);

// True when `speaker` names someone rather than an unnamed placeholder ("other_anti").
bool named_speaker(std::string_view speaker);

// Index into quotes of the quote whose content covers the most of `phrase` (at least
// half of its bytes, quotation marks and spaces at its edges not counted), or -1.
int covering_quote(std::string_view text, const std::vector<Quote>& quotes, Span phrase);

// ---------------------------------------------------------------------------
// Running a set
// ---------------------------------------------------------------------------

struct EntitiesReport {
  std::string set;             // the folder's name
  size_t articles = 0;         // analysed (in both files)
  size_t failed = 0;           // lines that could not be read
  size_t gold_entities = 0;    // main entities of the analysed articles
  size_t found_at_5 = 0;       // of them, matched in our top five
  size_t speaker_phrases = 0;  // quoted phrases with a named speaker
  size_t phrases_located = 0;  // of them, found in the article text
  size_t phrases_quoted = 0;   // of them, covered by one of our quotes
  size_t speakers_right = 0;   // of them, with our speaker matching the gold one
  size_t by_affiliation = 0;   // of those, a group label matched through the speaker's
                               // stated affiliation, not by name
  std::string published;       // the README's "Published" paragraph, or ""
  double seconds = 0;          // analysis alone

  double main_entity_recall_at_5() const {
    return gold_entities ? double(found_at_5) / gold_entities : 0;
  }
  double speaker_accuracy() const {
    return speaker_phrases ? double(speakers_right) / speaker_phrases : 0;
  }
};

// Scores entities and quote speakers on the set in `dir` (see the contract above).
Result<EntitiesReport> evaluate_entities(const std::string& dir);

}  // namespace parallax::eval

#endif  // PARALLAX_EVAL_ENTITIES_H_
