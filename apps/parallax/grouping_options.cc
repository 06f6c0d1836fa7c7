#include "grouping_options.h"

namespace parallax::cli {

cluster::Options GroupingFlags::resolve() const {
  cluster::Options o = options;
  if (ignore_dates) {
    // No decay and no horizon. Articles are still fed in date order (the result does not
    // depend on the order of the input), and an outlet's second report days after its
    // first still counts against a join: with that off too, Giveme5W1H fell from 0.809
    // to 0.733 pairwise F1 (bench/RESULTS.md).
    o.decay_days = 0;
    o.horizon_days = 0;
  }
  return o;
}

void add_grouping_options(CLI::App* cmd, GroupingFlags& flags) {
  const char* group = "Grouping";
  cluster::Options& o = flags.options;
  cmd->add_option("--threshold", o.threshold,
                  "Least similarity (cosine, after time decay) for an article to join a story")
      ->check(CLI::Range(0.01, 1.0))
      ->capture_default_str()
      ->group(group);
  cmd->add_option("--decay-days", o.decay_days,
                  "Similarity decays with the days between an article and a story, on this "
                  "scale; 0: no decay")
      ->check(CLI::Range(0.0, 36500.0))
      ->capture_default_str()
      ->group(group);
  cmd->add_option("--decay-floor", o.decay_floor,
                  "Share of the similarity that no time gap takes away (0 to 1)")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str()
      ->group(group);
  cmd->add_option("--horizon-days", o.horizon_days,
                  "A story idle this many days takes no more members; 0: stories never close "
                  "(memory then grows with the stream)")
      ->check(CLI::Range(0.0, 36500.0))
      ->capture_default_str()
      ->group(group);
  cmd->add_flag("--ignore-dates", flags.ignore_dates,
                "Time plays no part: no decay, no horizon (group by topic over months or years)")
      ->group(group);
}

}  // namespace parallax::cli
