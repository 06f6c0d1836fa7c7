// STUB: replaced by `parallax extract`.
#include "commands.h"
namespace parallax::cli {
Runner add_extract_command(CLI::App&) { return [] { return -1; }; }
}  // namespace parallax::cli
