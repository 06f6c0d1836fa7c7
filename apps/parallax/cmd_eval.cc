// STUB: replaced by `parallax eval`.
#include "commands.h"
namespace parallax::cli {
Runner add_eval_command(CLI::App&) { return [] { return -1; }; }
}  // namespace parallax::cli
