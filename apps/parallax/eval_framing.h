// `parallax eval bias DIR` and `parallax eval propaganda DIR`: score the framing
// analysis on a media-bias set and on a propaganda-techniques set.
#ifndef PARALLAX_APPS_EVAL_FRAMING_H_
#define PARALLAX_APPS_EVAL_FRAMING_H_

#include <CLI/CLI.hpp>

#include "commands.h"

namespace parallax::cli {

// Each adds its subcommand to `eval_subcommand`; the runner returns -1 when it was not
// chosen, else the exit code (0 ok, 2 error).
Runner add_eval_bias_command(CLI::App& eval_subcommand);
Runner add_eval_propaganda_command(CLI::App& eval_subcommand);

}  // namespace parallax::cli

#endif  // PARALLAX_APPS_EVAL_FRAMING_H_
