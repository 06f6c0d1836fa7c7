// parallax/analyze.h: sentences, tokens, entities, quotes and framing of one article.
//
// Contract: an Analyzer loads its resources once (our lexicons, compiled into the
// library, and WordNet 3.0 from PARALLAX_WORDNET or /usr/share/wordnet); after that
// `analyze` is const and thread-safe. Offsets point into Article::text. Any text
// analyses without error: invalid UTF-8 is treated as U+FFFD for segmentation but
// offsets still point at the original bytes; unknown languages get no stems.
// Cost: linear in the text; about a millisecond per 800-word article.
#ifndef PARALLAX_ANALYZE_H_
#define PARALLAX_ANALYZE_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "parallax/core.h"

namespace parallax::analyze {

struct Options {
  std::string wordnet_dir;      // empty: $PARALLAX_WORDNET, then /usr/share/wordnet
  bool entities = true;
  bool quotes = true;
  bool framing = true;
};

class Resources;  // lexicons and WordNet, shared and immutable

// Synonym lookups over WordNet, used by alignment.
class Lexical {
 public:
  virtual ~Lexical() = default;
  // Synset ids (any part of speech) of a lower-case word or its base form; empty
  // when unknown.
  virtual const std::vector<uint32_t>& synsets(std::string_view word) const = 0;
};

class Analyzer {
 public:
  // Fails (kNotFound / kInvalidInput) when WordNet or a lexicon can't be read.
  static Result<std::unique_ptr<Analyzer>> create(const Options& options = {});
  ~Analyzer();

  // Analyses the article's text (and detects its language when empty). An entity
  // named only by words of the article's own outlet ("the Klaxon" in the Daily
  // Klaxon) is an organisation, and its quotes come from a media outlet.
  Analysis analyze(const Article& article) const;
  // Analyses any text (a title, a test string); language "" = detect.
  Analysis analyze_text(std::string_view text, std::string_view language = "") const;

  const Lexical& lexical() const;

 private:
  explicit Analyzer(std::shared_ptr<const Resources> r);
  std::shared_ptr<const Resources> resources_;
};

}  // namespace parallax::analyze

#endif  // PARALLAX_ANALYZE_H_
