// parallax eval attribution DIR: the quote finder's cue, source and content spans
// against a brat-annotated attribution set (PolNeAR layout: text/, attributions/).
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

#include "eval_command.h"
#include "parallax/eval_attribution.h"

namespace parallax::cli {
namespace {

std::string attribution_text(const eval::AttributionReport& r) {
  std::string out;
  char line[512];
  std::snprintf(line, sizeof line,
                "%s: %zu articles scored (%zu without annotations, %zu failed)\n\n", r.set.c_str(),
                r.articles, r.unannotated, r.failed);
  out += line;
  std::snprintf(line, sizeof line, "%-8s %-8s %7s %9s %7s %7s %7s\n", "role", "match", "F1",
                "precision", "recall", "ours", "gold");
  out += line;
  const std::pair<const char*, const eval::RoleScore*> roles[] = {
      {"cue", &r.cue}, {"source", &r.source}, {"content", &r.content}};
  for (const auto& [name, s] : roles) {
    std::snprintf(line, sizeof line, "%-8s %-8s %7.3f %9.3f %7.3f %7zu %7zu\n", name, "exact",
                  s->exact.f1, s->exact.precision, s->exact.recall, s->counts.predicted,
                  s->counts.gold);
    out += line;
    std::snprintf(line, sizeof line, "%-8s %-8s %7.3f %9.3f %7.3f %7zu %7zu\n", name, "overlap",
                  s->overlap.f1, s->overlap.precision, s->overlap.recall, s->counts.predicted,
                  s->counts.gold);
    out += line;
  }
  out +=
      "\npublished (README): " + (r.published.empty() ? std::string("none given") : r.published) +
      "\n";
  std::snprintf(line, sizeof line,
                "\nspeed: %.0f articles/s, %.2f MB/s (%.3f s, analysis alone, one core)\n",
                r.seconds > 0 ? r.articles / r.seconds : 0.0,
                r.seconds > 0 ? r.bytes / 1e6 / r.seconds : 0.0, r.seconds);
  out += line;
  for (const std::string& e : r.errors) out += "failed: " + e + "\n";
  return out;
}

std::string attribution_json(const eval::AttributionReport& r) {
  nlohmann::json j = {
      {"set", r.set},        {"articles", r.articles}, {"unannotated", r.unannotated},
      {"failed", r.failed},  {"errors", r.errors},     {"published", r.published},
      {"seconds", r.seconds}};
  const std::pair<const char*, const eval::RoleScore*> roles[] = {
      {"cue", &r.cue}, {"source", &r.source}, {"content", &r.content}};
  for (const auto& [name, s] : roles) {
    std::string n = name;
    j[n + "_f1"] = s->exact.f1;
    j[n + "_p"] = s->exact.precision;
    j[n + "_r"] = s->exact.recall;
    j[n + "_overlap_f1"] = s->overlap.f1;
    j[n + "_overlap_p"] = s->overlap.precision;
    j[n + "_overlap_r"] = s->overlap.recall;
    j[n + "_predicted"] = s->counts.predicted;
    j[n + "_gold"] = s->counts.gold;
  }
  return j.dump(2) + "\n";
}

}  // namespace

Runner add_eval_attribution_command(CLI::App& eval_subcommand) {
  return add_eval_subcommand(
      eval_subcommand, "attribution",
      "Quote cues, sources and contents against a brat attribution set (text/, attributions/)",
      "The split's folder (holding text/ and attributions/)",
      [](const std::string& dir) { return eval::evaluate_attribution(dir); }, attribution_text,
      attribution_json);
}

}  // namespace parallax::cli
