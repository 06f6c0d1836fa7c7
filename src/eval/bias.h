// Private to eval: what the framing scorers (bias.cc, propaganda.cc) share.
#ifndef PARALLAX_SRC_EVAL_BIAS_H_
#define PARALLAX_SRC_EVAL_BIAS_H_

#include <filesystem>
#include <string>

namespace parallax::eval {

// The paragraph of a set's README that starts with "Published" (up to the next blank
// line, heading or list item), white space runs joined to one space; "" when absent.
std::string published_paragraph(const std::filesystem::path& readme);

// The set's folder as given, without a trailing separator, and its name.
std::filesystem::path set_root(const std::string& dir);

}  // namespace parallax::eval

#endif  // PARALLAX_SRC_EVAL_BIAS_H_
