// The subcommands of the parallax CLI, one file each. Each adds itself to the app
// and returns a callable run after parsing; exit codes: 0 ok, 1 nothing found, 2 error.
#ifndef PARALLAX_APPS_COMMANDS_H_
#define PARALLAX_APPS_COMMANDS_H_

#include <CLI/CLI.hpp>
#include <functional>

namespace parallax::cli {

using Runner = std::function<int()>;

Runner add_compare_command(CLI::App& app);
Runner add_extract_command(CLI::App& app);
Runner add_eval_command(CLI::App& app);
Runner add_group_command(CLI::App& app);

}  // namespace parallax::cli

#endif  // PARALLAX_APPS_COMMANDS_H_
