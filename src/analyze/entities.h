// Private to analyze: named entities with canonical names, mentions and roles.
#ifndef PARALLAX_SRC_ANALYZE_ENTITIES_H_
#define PARALLAX_SRC_ANALYZE_ENTITIES_H_

#include <memory>
#include <string_view>

#include "parallax/core.h"

namespace parallax::analyze {

class WordNet;

// Our entity lists (data/lexicons/entities.tsv, titles.tsv, ...) parsed once.
class EntityLexicon {
 public:
  static Result<EntityLexicon> load();
  // (members are private to entities.cc; the struct is defined there)
  struct Data;
  std::shared_ptr<const Data> data;
};

// Fills out.entities from out.sentences/out.tokens of `text`. Needs segment() first.
void find_entities(std::string_view text, const EntityLexicon& lexicon, const WordNet& wordnet,
                   Analysis& out);

// Fills Entity::affiliations of the people in out.entities from the words around their
// mentions and from their roles (src/analyze/affiliation.cc). Needs find_entities first.
void find_affiliations(std::string_view text, Analysis& out);

// The sex the text states for entity e of `a` (kFemale, kMale or kGenderUnknown, from
// text.h's word_gender): the first word of its name ("Nancy Pelosi"), and for each
// mention the word before it in its sentence ("Ms. Speier", "spokeswoman Lis Hart") and
// its own first word; unknown when the text states none or both. Needs find_entities.
uint8_t stated_gender(const Analysis& a, size_t e);

// Fills Entity::salience of out.entities (src/analyze/salience.cc); `title` is the
// article's title, empty when unknown. Needs find_entities first.
void score_salience(std::string_view title, Analysis& out);

}  // namespace parallax::analyze

#endif  // PARALLAX_SRC_ANALYZE_ENTITIES_H_
