// parallax/eval.h: scoring Parallax on public evaluation sets.
//
// Contract: each function reads a set laid out as in the project's evaluation data
// (one folder per set, described in its README), runs the stage under test, and
// returns the set's own metric for Parallax and, where the set ships the outputs of
// published systems, for them too, computed by the same code. Fails with kNotFound /
// kInvalidInput naming the folder or file when the layout is wrong; a page or article
// that fails is counted as a miss, never stops the run. Not thread-safe per call
// (uses the cores it is given). Cost: linear in the set.
#ifndef PARALLAX_EVAL_H_
#define PARALLAX_EVAL_H_

#include <string>
#include <vector>

#include "parallax/core.h"

namespace parallax::eval {

}  // namespace parallax::eval

#endif  // PARALLAX_EVAL_H_
