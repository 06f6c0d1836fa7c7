#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <string>
#include <vector>

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

// Lower-cased ASCII words of a name, "the" left out.
std::vector<std::string> name_words(std::string_view name) {
  std::vector<std::string> out;
  std::string cur;
  for (size_t i = 0; i <= name.size(); ++i) {
    unsigned char c = i < name.size() ? static_cast<unsigned char>(name[i]) : ' ';
    if (std::isalnum(c) || c >= 0x80) {
      cur.push_back(static_cast<char>(std::tolower(c)));
    } else if (!cur.empty()) {
      if (cur != "the") out.push_back(cur);
      cur.clear();
    }
  }
  return out;
}

// How much the article's own outlet counts among its entities.
constexpr double kOwnOutletSalience = 0.25;

// An article naming its own outlet ("the Klaxon can reveal", "The Klaxon says:") is the
// outlet speaking in its own voice: the entity is an organisation, whatever its
// context suggested, and its quotes come from a media outlet.
std::vector<uint8_t> mark_own_outlet(std::string_view outlet, Analysis& a) {
  std::vector<uint8_t> is_own(a.entities.size(), 0);
  std::vector<std::string> own = name_words(outlet);
  if (own.empty()) return is_own;
  std::string own_joined;
  for (const std::string& w : own) own_joined += w;
  for (size_t e = 0; e < a.entities.size(); ++e) {
    std::vector<std::string> words = name_words(a.entities[e].name);
    bool all = !words.empty();
    for (const std::string& w : words) all = all && std::find(own.begin(), own.end(), w) != own.end();
    if (!all && a.entities[e].outlet) {
      // An outlet the gazetteer knows, named in full for a short outlet name: "Fox News"
      // for "fox", "The New York Times" for "nyt" (not for "The Times").
      const bool begins =
          own.size() < words.size() && std::equal(own.begin(), own.end(), words.begin());
      std::string initials;
      for (const std::string& w : words) initials += w[0];
      all = begins || (words.size() >= 2 && initials == own_joined);
    }
    if (!all) continue;
    is_own[e] = 1;
    a.entities[e].type = EntityType::kOrganisation;
  }
  for (Quote& q : a.quotes)
    if (q.entity >= 0 && static_cast<size_t>(q.entity) < is_own.size() && is_own[q.entity])
      q.kind = SourceKind::kMediaOutlet;
  return is_own;
}

Analysis run(const Resources& r, std::string_view text, std::string_view language,
             const std::vector<Paragraph>* paragraphs, std::string_view outlet = {},
             std::string_view title = {}) {
  Analysis a;
  a.language = language.empty() ? detect_language(text) : std::string(language);
  segment(text, paragraphs, a);
  if (r.options.entities) {
    find_entities(text, r.entities, r.wordnet, a);
    find_affiliations(text, a);
  }
  if (r.options.quotes) find_quotes(text, r.quotes, a);
  if (r.options.entities) {
    const std::vector<uint8_t> own = mark_own_outlet(outlet, a);
    score_salience(title, a);
    // The outlet's own voice ("sources told Fox News" in Fox News) is the channel, not
    // what the article is about.
    for (size_t e = 0; e < own.size(); ++e)
      if (own[e]) a.entities[e].salience *= kOwnOutletSalience;
  }
  if (r.options.framing) find_framing(text, r.framing, a);
  return a;
}

}  // namespace

Analysis Analyzer::analyze(const Article& article) const {
  return run(*resources_, article.text, article.language,
             article.paragraphs.empty() ? nullptr : &article.paragraphs, article.outlet,
             article.title);
}

Analysis Analyzer::analyze_text(std::string_view text, std::string_view language) const {
  return run(*resources_, text, language, nullptr);
}

}  // namespace parallax::analyze
