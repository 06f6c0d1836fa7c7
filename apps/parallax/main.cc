// parallax: the command line. Thin: parses arguments, calls the library, prints.
// Exit codes: 0 ok, 1 nothing found, 2 error (including any input that failed).
#include <CLI/CLI.hpp>
#include <vector>

#include "commands.h"

int main(int argc, char** argv) {
  CLI::App app{"parallax: how news outlets' accounts of one event differ"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "parallax 0.1.0");
  std::vector<parallax::cli::Runner> runners = {
      parallax::cli::add_compare_command(app),
      parallax::cli::add_extract_command(app),
      parallax::cli::add_eval_command(app),
      parallax::cli::add_group_command(app),
  };
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
