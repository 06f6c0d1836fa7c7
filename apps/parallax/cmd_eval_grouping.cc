// parallax eval grouping DIR: scores story grouping against an events set's gold.tsv.
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "eval_command.h"
#include "grouping_options.h"
#include "parallax/eval.h"

namespace parallax::cli {
namespace {

std::string text_report(const eval::GroupingReport& r) {
  std::string out;
  char line[256];
  std::snprintf(line, sizeof line,
                "%s: %zu articles (%zu scored), %zu gold events, %zu stories%s\n\n", r.set.c_str(),
                r.articles, r.scored, r.events, r.stories,
                r.failed ? " (some lines unreadable)" : "");
  out += line;
  std::snprintf(line, sizeof line, "%-32s %8s %8s %8s   %8s %8s %8s\n", "system", "pair-F1",
                "pair-P", "pair-R", "B3-F1", "B3-P", "B3-R");
  out += line;
  std::snprintf(line, sizeof line, "%-32s %8.3f %8.3f %8.3f   %8.3f %8.3f %8.3f\n", "* parallax",
                r.ours.pairwise.f1, r.ours.pairwise.precision, r.ours.pairwise.recall,
                r.ours.bcubed.f1, r.ours.bcubed.precision, r.ours.bcubed.recall);
  out += line;
  std::snprintf(
      line, sizeof line, "%-32s %8s %8s %8s   %8s %8s %8s\n", "plain TF-IDF single pass (README)",
      r.baseline_pairwise.empty() ? "-" : r.baseline_pairwise.c_str(), "-", "-", "-", "-", "-");
  out += line;
  std::snprintf(line, sizeof line, "\nspeed: %.0f articles/s (%.3f s, one core)\n",
                r.seconds > 0 ? r.articles / r.seconds : 0.0, r.seconds);
  out += line;
  return out;
}

std::string json_report(const eval::GroupingReport& r) {
  nlohmann::json j = {{"set", r.set},
                      {"articles", r.articles},
                      {"scored", r.scored},
                      {"events", r.events},
                      {"stories", r.stories},
                      {"pairwise_p", r.ours.pairwise.precision},
                      {"pairwise_r", r.ours.pairwise.recall},
                      {"pairwise_f1", r.ours.pairwise.f1},
                      {"bcubed_p", r.ours.bcubed.precision},
                      {"bcubed_r", r.ours.bcubed.recall},
                      {"bcubed_f1", r.ours.bcubed.f1},
                      {"seconds", r.seconds}};
  if (!r.baseline_pairwise.empty()) j["baseline_pairwise_f1"] = std::stod(r.baseline_pairwise);
  return j.dump(2) + "\n";
}

}  // namespace

Runner add_eval_grouping_command(CLI::App& eval_subcommand) {
  auto flags = std::make_shared<GroupingFlags>();
  Runner run = add_eval_subcommand(
      eval_subcommand, "grouping", "Story grouping on an events set (articles.jsonl, gold.tsv)",
      "The set's folder",
      [flags](const std::string& dir) {
        eval::GroupingOptions options;
        options.cluster = flags->resolve();
        return eval::evaluate_grouping(dir, options);
      },
      text_report, json_report);
  add_grouping_options(eval_subcommand.get_subcommand("grouping"), *flags);
  return run;
}

}  // namespace parallax::cli
