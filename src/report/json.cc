// The JSON report: everything compare returned, with byte offsets into each
// article's "text". Schema "parallax.compare/1", documented in docs/compare-schema.md.
#include <nlohmann/json.hpp>

#include "parallax/report.h"

namespace parallax::report {
namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kSchema = "parallax.compare/1";

// [begin, end]; null for an empty span that marks "none" (a quote without a cue).
Json span(const Span& s) { return Json::array({s.begin, s.end}); }
Json optional_span(const Span& s) { return s.empty() ? Json(nullptr) : span(s); }

Json article_json(const Article& art, const Analysis& an, size_t index) {
  Json j;
  j["index"] = index;
  j["id"] = art.id;
  j["label"] = art.label();
  j["outlet"] = art.outlet;
  j["title"] = art.title;
  j["url"] = art.url;
  j["authors"] = art.authors;
  j["published"] = art.published;
  j["language"] = !art.language.empty() ? art.language : an.language;
  j["words"] = an.word_count;
  j["source"] = art.source;
  j["text"] = art.text;
  Json paragraphs = Json::array();
  for (const Paragraph& p : art.paragraphs)
    paragraphs.push_back({{"span", span(p.span)},
                          {"kind", to_string(p.kind)},
                          {"line", p.line >= 0 ? Json(p.line) : Json(nullptr)}});
  j["paragraphs"] = std::move(paragraphs);
  Json residue = Json::array();
  for (const Residue& r : art.residue) {
    residue.push_back({{"reason", r.reason},
                       {"text", r.text},
                       {"paragraph", r.paragraph},
                       {"line", r.line >= 0 ? Json(r.line) : Json(nullptr)}});
  }
  j["residue"] = std::move(residue);
  Json sentences = Json::array();
  for (const Sentence& s : an.sentences) {
    sentences.push_back({{"span", span(s.span)},
                         {"paragraph", s.paragraph},
                         {"is_opinion", s.is_opinion},
                         {"is_heading", s.is_heading}});
  }
  j["sentences"] = std::move(sentences);
  Json entities = Json::array();
  for (const Entity& e : an.entities) {
    Json mentions = Json::array();
    for (const Mention& m : e.mentions)
      mentions.push_back(
          {{"span", span(m.span)}, {"sentence", m.sentence}, {"pronoun", m.pronoun}});
    entities.push_back({{"name", e.name},
                        {"type", to_string(e.type)},
                        {"roles", e.roles},
                        {"aliases", e.aliases},
                        {"affiliations", e.affiliations},
                        {"salience", e.salience},
                        {"outlet", e.outlet},
                        {"mentions", std::move(mentions)}});
  }
  j["entities"] = std::move(entities);
  Json quotes = Json::array();
  for (const Quote& q : an.quotes) {
    quotes.push_back({{"direct", q.direct},
                      {"content", span(q.content)},
                      {"cue", optional_span(q.cue)},
                      {"speaker", q.speaker},
                      {"speaker_span", optional_span(q.speaker_span)},
                      {"entity", q.entity >= 0 ? Json(q.entity) : Json(nullptr)},
                      {"kind", to_string(q.kind)},
                      {"sentence", q.sentence},
                      {"continues", q.continues >= 0 ? Json(q.continues) : Json(nullptr)}});
  }
  j["quotes"] = std::move(quotes);
  Json framing = Json::array();
  for (const FramingSpan& f : an.framing) {
    framing.push_back({{"span", span(f.span)},
                       {"category", to_string(f.category)},
                       {"strength", f.strength},
                       {"entry", f.entry},
                       {"sentence", f.sentence}});
  }
  j["framing"] = std::move(framing);
  return j;
}

Json by_kind(const uint32_t (&counts)[6]) {
  Json j = Json::object();
  for (size_t k = 0; k < 6; ++k) j[to_string(static_cast<SourceKind>(k))] = counts[k];
  return j;
}

Json by_category(const uint32_t (&counts)[5]) {
  Json j = Json::object();
  for (size_t c = 0; c < 5; ++c) j[to_string(static_cast<FrameCategory>(c))] = counts[c];
  return j;
}

Json comparison_json(const Input& in) {
  const size_t n = std::min(in.articles.size(), in.analyses.size());
  Json root;
  root["schema"] = kSchema;
  Json articles = Json::array();
  for (size_t a = 0; a < n; ++a)
    articles.push_back(article_json(in.articles[a], in.analyses[a], a));
  root["articles"] = std::move(articles);

  const Comparison& c = in.comparison;
  Json facts = Json::array();
  for (const Fact& f : c.facts) {
    Json members = Json::array();
    for (const FactMember& m : f.members) {
      Span s;
      if (m.article < n && m.sentence < in.analyses[m.article].sentences.size())
        s = in.analyses[m.article].sentences[m.sentence].span;
      members.push_back({{"article", m.article},
                         {"sentence", m.sentence},
                         {"span", span(s)},
                         {"similarity", m.similarity}});
    }
    facts.push_back(
        {{"articles", f.articles}, {"summary", f.summary}, {"members", std::move(members)}});
  }
  root["facts"] = std::move(facts);

  Json per_article = Json::array();
  for (size_t a = 0; a < c.articles.size(); ++a) {
    const ArticleComparison& ac = c.articles[a];
    per_article.push_back({{"article", a},
                           {"only_here", ac.only_here},
                           {"omitted", ac.omitted},
                           {"sourcing",
                            {{"direct", ac.sourcing.direct},
                             {"indirect", ac.sourcing.indirect},
                             {"by_kind", by_kind(ac.sourcing.by_kind)},
                             {"sources", ac.sourcing.sources}}},
                           {"framing",
                            {{"density", ac.framing.density},
                             {"by_category", by_category(ac.framing.by_category)},
                             {"opinion_sentences", ac.framing.opinion_sentences},
                             {"reporting_sentences", ac.framing.reporting_sentences},
                             {"strongest", ac.framing.strongest}}},
                           {"title_overlap", ac.title_overlap}});
  }
  root["comparison"] = std::move(per_article);

  Json entities = Json::array();
  for (const EntityCoverage& e : c.entities)
    entities.push_back({{"name", e.name}, {"type", to_string(e.type)}, {"mentions", e.mentions}});
  root["entities"] = std::move(entities);
  Json speakers = Json::array();
  for (const SpeakerCoverage& s : c.speakers)
    speakers.push_back({{"speaker", s.speaker},
                        {"kind", to_string(s.kind)},
                        {"affiliations", s.affiliations},
                        {"quotes", s.quotes}});
  root["speakers"] = std::move(speakers);
  root["timeline"] = c.timeline;
  Json errors = Json::array();
  for (const Status& s : in.errors)
    errors.push_back({{"code", static_cast<int>(s.code())}, {"message", s.message()}});
  root["errors"] = std::move(errors);
  return root;
}

// Text is UTF-8 as stored; should a byte sequence be invalid, it is replaced rather
// than failing the whole report (offsets after it would then be off by the difference).
std::string dump(const Json& j) { return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n"; }

}  // namespace

std::string json(const Input& in, const Options&) { return dump(comparison_json(in)); }

struct StoriesJson::Impl {
  Json stories = Json::array();
};

StoriesJson::StoriesJson() : impl_(std::make_unique<Impl>()) {}
StoriesJson::~StoriesJson() = default;

void StoriesJson::add(const StoryHead& head, const Input& in, const Options&) {
  Json copies = Json::array();
  for (const auto& [id, of] : head.near_copies) copies.push_back({{"id", id}, {"copy_of", of}});
  Json left = Json::array();
  for (const auto& [id, why] : head.left_out) left.push_back({{"id", id}, {"why", why}});
  const Story& st = head.story;
  impl_->stories.push_back({{"id", st.id},
                            {"label", st.label},
                            {"first_published", st.first_published},
                            {"last_published", st.last_published},
                            {"key_entities", st.key_entities},
                            {"near_copies", std::move(copies)},
                            {"left_out", std::move(left)},
                            {"comparison", comparison_json(in)}});
}

std::string StoriesJson::finish(size_t articles, size_t stories_in_input, size_t single_article_stories,
                                const std::vector<Status>& errors) {
  Json errs = Json::array();
  for (const Status& e : errors) errs.push_back(e.message());
  Json out = {{"schema", "parallax.stories/1"},
              {"articles", articles},
              {"stories_in_input", stories_in_input},
              {"single_article_stories", single_article_stories},
              {"stories", std::move(impl_->stories)},
              {"errors", std::move(errs)}};
  impl_->stories = Json::array();
  return dump(out);
}

}  // namespace parallax::report
