// STUB: replaced by `parallax group`.
#include "commands.h"
namespace parallax::cli {
Runner add_group_command(CLI::App&) { return [] { return -1; }; }
}  // namespace parallax::cli
