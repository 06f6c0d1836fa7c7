// `parallax eval grouping DIR`: scores story grouping on an events set.
#ifndef PARALLAX_APPS_EVAL_GROUPING_H_
#define PARALLAX_APPS_EVAL_GROUPING_H_

#include <CLI/CLI.hpp>

#include "commands.h"

namespace parallax::cli {

// Adds the "grouping" subcommand to `eval_subcommand`; the runner returns -1 when it
// was not chosen, else the exit code (0 ok, 2 error).
Runner add_eval_grouping_command(CLI::App& eval_subcommand);

}  // namespace parallax::cli

#endif  // PARALLAX_APPS_EVAL_GROUPING_H_
