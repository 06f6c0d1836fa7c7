// Private to analyze: WordNet 3.0 read from its database files (Debian's
// wordnet-base): synsets of every lemma for alignment, and the instance nouns
// (people, places, organisations) as a gazetteer for entities.
#ifndef PARALLAX_SRC_ANALYZE_WORDNET_H_
#define PARALLAX_SRC_ANALYZE_WORDNET_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "parallax/analyze.h"
#include "parallax/core.h"

namespace parallax::analyze {

class WordNet final : public Lexical {
 public:
  // Reads index.{noun,verb,adj,adv}, the *.exc files and data.noun from `dir`.
  // Fails with kNotFound naming the directory when the files are missing.
  static Result<WordNet> load(const std::string& dir);

  // Synset ids of a lower-case word (spaces as '_' or ' '), trying its base forms
  // (exception lists and the usual suffix rules) when the word itself is unknown.
  const std::vector<uint32_t>& synsets(std::string_view word) const override;

  // Gazetteer: the entity type of a proper name from WordNet's instance nouns
  // ("Emmanuel Macron"? no; "Tokyo" place, "North Atlantic Treaty Organization"
  // organisation), matched case-sensitively on the capitalised form; kOther if none.
  // Returns false when the name is not in the gazetteer.
  bool instance_type(std::string_view name, EntityType& type) const;

  size_t lemma_count() const { return lemmas_.size(); }
  size_t instance_count() const { return instances_.size(); }

 private:
  // Lemma -> synset ids in an open-addressing table: with 147,000 lemmas a node-based
  // map spent most of the load time in cache misses.
  struct Lemma {
    std::string key;
    std::vector<uint32_t> ids;
  };
  struct Slot {
    uint32_t hash = 0;
    uint32_t index = 0;  // into lemmas_, plus one; 0 = empty
  };
  const Lemma* find_lemma(std::string_view key) const;
  Lemma& add_lemma(std::string_view key);
  void grow();

  std::vector<Lemma> lemmas_;
  std::vector<Slot> slots_;
  std::unordered_map<std::string, std::string> exceptions_;  // inflected -> base
  std::unordered_map<std::string, EntityType> instances_;
};

}  // namespace parallax::analyze

#endif  // PARALLAX_SRC_ANALYZE_WORDNET_H_
