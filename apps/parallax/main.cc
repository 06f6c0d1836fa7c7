// parallax: the command line. Thin: parses arguments, calls the library, prints.
// Exit codes: 0 ok, 1 nothing found, 2 error (including any input that failed).
#include <CLI/CLI.hpp>
#include <vector>

#include "commands.h"
#include "eval_command.h"

int main(int argc, char** argv) {
  namespace cli = parallax::cli;
  CLI::App app{"parallax: how news outlets' accounts of one event differ"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "parallax 0.1.0");
  std::vector<cli::Runner> runners = {
      cli::add_compare_command(app),
      cli::add_extract_command(app),
      cli::add_group_command(app),
  };
  // `eval` holds one subcommand per evaluation set; the set-specific runners go first
  // so that `eval`'s own runner only sees what none of them took.
  cli::Runner eval = cli::add_eval_command(app);
  CLI::App& eval_app = *app.get_subcommand("eval");
  runners.push_back(cli::add_eval_grouping_command(eval_app));
  runners.push_back(cli::add_eval_bias_command(eval_app));
  runners.push_back(cli::add_eval_propaganda_command(eval_app));
  runners.push_back(cli::add_eval_attribution_command(eval_app));
  runners.push_back(cli::add_eval_entities_command(eval_app));
  runners.push_back(eval);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : 2;
  }
  for (auto& run : runners) {
    int rc = run();
    if (rc >= 0) return rc;
  }
  return 2;
}
