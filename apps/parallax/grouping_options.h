// The options of the commands that group articles into stories (group, compare,
// eval grouping): how alike an article must be to join a story, and what time does.
#ifndef PARALLAX_APPS_GROUPING_OPTIONS_H_
#define PARALLAX_APPS_GROUPING_OPTIONS_H_

#include <CLI/CLI.hpp>

#include "parallax/cluster.h"

namespace parallax::cli {

struct GroupingFlags {
  cluster::Options options;   // the defaults, changed by the numeric options
  bool ignore_dates = false;  // --ignore-dates

  // The options to group with: `options`, with no decay and no horizon under
  // --ignore-dates.
  cluster::Options resolve() const;
};

// Adds --threshold, --decay-days, --decay-floor, --horizon-days and --ignore-dates to
// `cmd`, in an option group of their own; `flags` must outlive the parse.
void add_grouping_options(CLI::App* cmd, GroupingFlags& flags);

}  // namespace parallax::cli

#endif  // PARALLAX_APPS_GROUPING_OPTIONS_H_
