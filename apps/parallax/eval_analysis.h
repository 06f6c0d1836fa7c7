// `parallax eval attribution DIR` and `parallax eval entities DIR`: score quote
// attribution on a brat-annotated attribution set, and entity ranking and quote
// speakers on an events set with annotations.
#ifndef PARALLAX_APPS_EVAL_ANALYSIS_H_
#define PARALLAX_APPS_EVAL_ANALYSIS_H_

#include <CLI/CLI.hpp>

#include "commands.h"

namespace parallax::cli {

// Each adds its subcommand to `eval_subcommand`; the runner returns -1 when it was not
// chosen, else the exit code (0 ok, 2 error).
Runner add_eval_attribution_command(CLI::App& eval_subcommand);
Runner add_eval_entities_command(CLI::App& eval_subcommand);

}  // namespace parallax::cli

#endif  // PARALLAX_APPS_EVAL_ANALYSIS_H_
