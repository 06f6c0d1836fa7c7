// parallax eval bias DIR / parallax eval propaganda DIR: the framing analysis against
// a media-bias set (sentence labels, marked words) and a propaganda set (spans).
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

#include "eval_command.h"
#include "parallax/eval.h"

namespace parallax::cli {
namespace {

nlohmann::json prf_json(const eval::Prf& p) {
  return {{"precision", p.precision}, {"recall", p.recall}, {"f1", p.f1}};
}

std::string bias_text(const eval::BiasReport& r) {
  std::string out;
  char line[512];
  std::snprintf(line, sizeof line,
                "%s: %zu sentences (%zu biased in gold, %zu predicted biased)%s\n\n", r.set.c_str(),
                r.sentences, r.biased_gold, r.biased_predicted,
                r.failed ? ", some lines unreadable" : "");
  out += line;
  std::snprintf(line, sizeof line, "%-10s %9s %9s %9s\n", "class", "precision", "recall", "F1");
  out += line;
  std::snprintf(line, sizeof line, "%-10s %9.3f %9.3f %9.3f\n", "biased",
                r.scores.positive.precision, r.scores.positive.recall, r.scores.positive.f1);
  out += line;
  std::snprintf(line, sizeof line, "%-10s %9.3f %9.3f %9.3f\n", "neutral",
                r.scores.negative.precision, r.scores.negative.recall, r.scores.negative.f1);
  out += line;
  std::snprintf(line, sizeof line, "\nmacro-F1 %.3f   accuracy %.3f\n", r.scores.macro_f1,
                r.scores.accuracy);
  out += line;
  std::snprintf(
      line, sizeof line,
      "word recall %.3f (%zu of %zu marked words inside a framing span; %zu found in the text)\n",
      r.words.recall(), r.words.covered, r.words.words, r.words.found);
  out += line;
  if (!r.published.empty()) out += "\npublished (README): " + r.published + "\n";
  std::snprintf(line, sizeof line, "\nspeed: %.0f sentences/s (%.3f s, analysis alone, one core)\n",
                r.seconds > 0 ? r.sentences / r.seconds : 0.0, r.seconds);
  out += line;
  return out;
}

std::string bias_json(const eval::BiasReport& r) {
  nlohmann::json j = {{"set", r.set},
                      {"sentences", r.sentences},
                      {"failed", r.failed},
                      {"biased_gold", r.biased_gold},
                      {"biased_predicted", r.biased_predicted},
                      {"macro_f1", r.scores.macro_f1},
                      {"accuracy", r.scores.accuracy},
                      {"biased", prf_json(r.scores.positive)},
                      {"neutral", prf_json(r.scores.negative)},
                      {"word_recall", r.words.recall()},
                      {"marked_words", r.words.words},
                      {"marked_words_found", r.words.found},
                      {"marked_words_covered", r.words.covered},
                      {"published", r.published},
                      {"seconds", r.seconds}};
  return j.dump(2) + "\n";
}

std::string propaganda_text(const eval::PropagandaReport& r) {
  std::string out;
  char line[512];
  std::snprintf(line, sizeof line,
                "%s: %zu articles%s; span identification (SemEval-2020 Task 11 SI scoring)\n\n",
                r.set.c_str(), r.articles, r.failed ? ", some unreadable" : "");
  out += line;
  std::snprintf(line, sizeof line, "%-46s %7s %9s %7s %7s %7s\n", "technique", "F1", "precision",
                "recall", "ours", "gold");
  out += line;
  for (const eval::TechniqueScore* t : {&r.both, &r.loaded, &r.labels}) {
    std::snprintf(line, sizeof line, "%-46s %7.3f %9.3f %7.3f %7zu %7zu\n", t->technique.c_str(),
                  t->score.f1, t->score.precision, t->score.recall, t->predicted, t->gold);
    out += line;
  }
  if (!r.published.empty()) out += "\npublished (README): " + r.published + "\n";
  std::snprintf(line, sizeof line,
                "\nspeed: %.0f articles/s, %.1f MB/s (%.3f s, analysis alone, one core)\n",
                r.seconds > 0 ? r.articles / r.seconds : 0.0,
                r.seconds > 0 ? r.bytes / 1e6 / r.seconds : 0.0, r.seconds);
  out += line;
  return out;
}

std::string propaganda_json(const eval::PropagandaReport& r) {
  auto tech = [](const eval::TechniqueScore& t) {
    nlohmann::json j = prf_json(t.score);
    j["technique"] = t.technique;
    j["predicted_spans"] = t.predicted;
    j["gold_spans"] = t.gold;
    return j;
  };
  nlohmann::json j = {{"set", r.set},
                      {"articles", r.articles},
                      {"failed", r.failed},
                      {"span_f1", r.both.score.f1},
                      {"span_precision", r.both.score.precision},
                      {"span_recall", r.both.score.recall},
                      {"both", tech(r.both)},
                      {"loaded_language", tech(r.loaded)},
                      {"name_calling", tech(r.labels)},
                      {"published", r.published},
                      {"seconds", r.seconds}};
  return j.dump(2) + "\n";
}

}  // namespace

Runner add_eval_bias_command(CLI::App& eval_subcommand) {
  return add_eval_subcommand(
      eval_subcommand, "bias",
      "Framing against a media-bias set (sentences.jsonl: labels and marked words)",
      "The set's folder", [](const std::string& dir) { return eval::evaluate_bias(dir); },
      bias_text, bias_json);
}

Runner add_eval_propaganda_command(CLI::App& eval_subcommand) {
  return add_eval_subcommand(
      eval_subcommand, "propaganda",
      "Framing spans against a propaganda-techniques set (articles/, spans.tsv)",
      "The set's folder", [](const std::string& dir) { return eval::evaluate_propaganda(dir); },
      propaganda_text, propaganda_json);
}

}  // namespace parallax::cli
