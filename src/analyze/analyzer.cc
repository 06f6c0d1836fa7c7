#include <cstdlib>

#include "entities.h"
#include "framing.h"
#include "parallax/analyze.h"
#include "quotes.h"
#include "text.h"
#include "wordnet.h"

namespace parallax::analyze {

class Resources {
 public:
  WordNet wordnet;
  EntityLexicon entities;
  QuoteLexicon quotes;
  FramingLexicon framing;
  Options options;
};

Result<std::unique_ptr<Analyzer>> Analyzer::create(const Options& options) {
  std::string dir = options.wordnet_dir;
  if (dir.empty()) {
    const char* env = std::getenv("PARALLAX_WORDNET");
    dir = env && *env ? env : "/usr/share/wordnet";
  }
  auto wn = WordNet::load(dir);
  if (!wn.ok()) return wn.status();
  auto ent = EntityLexicon::load();
  if (!ent.ok()) return ent.status();
  auto quo = QuoteLexicon::load();
  if (!quo.ok()) return quo.status();
  auto fra = FramingLexicon::load();
  if (!fra.ok()) return fra.status();
  auto r = std::make_shared<Resources>(Resources{std::move(wn).value(), std::move(ent).value(),
                                                 std::move(quo).value(), std::move(fra).value(),
                                                 options});
  return std::unique_ptr<Analyzer>(new Analyzer(std::move(r)));
}

Analyzer::Analyzer(std::shared_ptr<const Resources> r) : resources_(std::move(r)) {}
Analyzer::~Analyzer() = default;

const Lexical& Analyzer::lexical() const { return resources_->wordnet; }

namespace {

Analysis run(const Resources& r, std::string_view text, std::string_view language,
             const std::vector<Paragraph>* paragraphs) {
  Analysis a;
  a.language = language.empty() ? detect_language(text) : std::string(language);
  segment(text, paragraphs, a);
  if (r.options.entities) find_entities(text, r.entities, r.wordnet, a);
  if (r.options.quotes) find_quotes(text, r.quotes, a);
  if (r.options.framing) find_framing(text, r.framing, a);
  return a;
}

}  // namespace

Analysis Analyzer::analyze(const Article& article) const {
  return run(*resources_, article.text, article.language,
             article.paragraphs.empty() ? nullptr : &article.paragraphs);
}

Analysis Analyzer::analyze_text(std::string_view text, std::string_view language) const {
  return run(*resources_, text, language, nullptr);
}

}  // namespace parallax::analyze
