// parallax eval entities DIR: entity ranking (main-entity recall at 5) and quote
// speakers (speaker accuracy) against an annotated events set.
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

#include "eval_command.h"
#include "parallax/eval_entities.h"

namespace parallax::cli {
namespace {

std::string entities_text(const eval::EntitiesReport& r) {
  std::string out;
  char line[512];
  std::snprintf(line, sizeof line, "%s: %zu annotated articles%s\n\n", r.set.c_str(), r.articles,
                r.failed ? ", some lines unreadable" : "");
  out += line;
  std::snprintf(line, sizeof line,
                "main-entity recall@5  %.3f  (%zu of %zu gold main entities in our top five)\n",
                r.main_entity_recall_at_5(), r.found_at_5, r.gold_entities);
  out += line;
  std::snprintf(line, sizeof line,
                "speaker accuracy      %.3f  (%zu of %zu quoted phrases with a named speaker; %zu "
                "found in the "
                "text, %zu inside one of our quotes)\n",
                r.speaker_accuracy(), r.speakers_right, r.speaker_phrases, r.phrases_located,
                r.phrases_quoted);
  out += line;
  std::snprintf(
      line, sizeof line,
      "                      of the right ones, %zu are group labels (\"House Democrats\") "
      "matched through the speaker's stated affiliation; by name alone: %.3f\n",
      r.by_affiliation,
      r.speaker_phrases ? double(r.speakers_right - r.by_affiliation) / r.speaker_phrases : 0.0);
  out += line;
  out +=
      "\npublished (README): " + (r.published.empty() ? std::string("none given") : r.published) +
      "\n";
  std::snprintf(line, sizeof line, "\nspeed: %.0f articles/s (%.3f s, analysis alone, one core)\n",
                r.seconds > 0 ? r.articles / r.seconds : 0.0, r.seconds);
  out += line;
  return out;
}

std::string entities_json(const eval::EntitiesReport& r) {
  nlohmann::json j = {{"set", r.set},
                      {"articles", r.articles},
                      {"failed", r.failed},
                      {"main_entity_recall_at_5", r.main_entity_recall_at_5()},
                      {"gold_main_entities", r.gold_entities},
                      {"main_entities_found_at_5", r.found_at_5},
                      {"speaker_accuracy", r.speaker_accuracy()},
                      {"speaker_phrases", r.speaker_phrases},
                      {"speaker_phrases_located", r.phrases_located},
                      {"speaker_phrases_quoted", r.phrases_quoted},
                      {"speakers_right", r.speakers_right},
                      {"speakers_right_by_affiliation", r.by_affiliation},
                      {"published", r.published},
                      {"seconds", r.seconds}};
  return j.dump(2) + "\n";
}

}  // namespace

Runner add_eval_entities_command(CLI::App& eval_subcommand) {
  return add_eval_subcommand(
      eval_subcommand, "entities",
      "Entity ranking and quote speakers against an annotated events set (articles.jsonl, "
      "annotations.jsonl)",
      "The set's folder", [](const std::string& dir) { return eval::evaluate_entities(dir); },
      entities_text, entities_json);
}

}  // namespace parallax::cli
