// The `parallax eval SET DIR [--format text|json]` subcommands (one file each) and the
// shape they share: a folder argument, a format, one evaluation, one report on
// standard output.
#ifndef PARALLAX_APPS_EVAL_COMMAND_H_
#define PARALLAX_APPS_EVAL_COMMAND_H_

#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>

#include "commands.h"

namespace parallax::cli {

// Each adds its subcommand to the `eval` command (the runner as below); `eval
// extraction` is added with `eval` itself (add_eval_command, commands.h).
Runner add_eval_attribution_command(CLI::App& eval_subcommand);  // PolNeAR layout
Runner add_eval_entities_command(CLI::App& eval_subcommand);     // BASIL annotations
Runner add_eval_bias_command(CLI::App& eval_subcommand);         // BABE sentences
Runner add_eval_propaganda_command(CLI::App& eval_subcommand);   // PTC spans
Runner add_eval_grouping_command(CLI::App& eval_subcommand);     // events sets

// Adds subcommand `name` to `eval_subcommand`. `evaluate(dir)` returns a Result of a
// report with a `failed` count; `text(report)` and `json(report)` render it. The runner
// returns -1 when the subcommand was not chosen, 2 when the evaluation failed or some
// input of the set could not be read (the scores are printed all the same), else 0.
template <typename Evaluate, typename Text, typename Json>
Runner add_eval_subcommand(CLI::App& eval_subcommand, const char* name, const char* help,
                           const char* dir_help, Evaluate evaluate, Text text, Json json) {
  struct Args {
    std::string dir;
    std::string format = "text";
  };
  auto args = std::make_shared<Args>();
  auto* cmd = eval_subcommand.add_subcommand(name, help);
  cmd->add_option("dir", args->dir, dir_help)->required();
  cmd->add_option("-f,--format", args->format, "text or json")
      ->check(CLI::IsMember({"text", "json"}));
  return [cmd, args, evaluate, text, json]() -> int {
    if (!*cmd) return -1;
    auto rep = evaluate(args->dir);
    if (!rep.ok()) {
      std::cerr << "parallax: error: " << rep.status().message() << "\n";
      return 2;
    }
    std::string out = args->format == "json" ? json(*rep) : text(*rep);
    std::fwrite(out.data(), 1, out.size(), stdout);
    return rep->failed ? 2 : 0;
  };
}

}  // namespace parallax::cli

#endif  // PARALLAX_APPS_EVAL_COMMAND_H_
