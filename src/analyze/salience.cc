// How central each entity is to its article (Entity::salience): the ranking the
// evaluation scores against BASIL's main entities and the reports sort by.
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <string_view>

#include "entities.h"

namespace parallax::analyze {
namespace {

bool word_byte(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

// Whole-word occurrences of `name` in `s` (case-sensitive: "US" is not "us").
size_t count_words(std::string_view s, std::string_view name) {
  if (name.empty()) return 0;
  size_t n = 0;
  for (size_t pos = s.find(name); pos != std::string_view::npos; pos = s.find(name, pos + 1)) {
    const bool left = pos == 0 || !word_byte(static_cast<unsigned char>(s[pos - 1]));
    const size_t end = pos + name.size();
    const bool right = end >= s.size() || !word_byte(static_cast<unsigned char>(s[end]));
    n += left && right;
  }
  return n;
}

}  // namespace

void score_salience(std::string_view title, Analysis& out) {
  for (Entity& ent : out.entities) {
    ent.salience = 0;
    if (ent.mentions.empty()) continue;
    double score = 0;
    uint32_t first = UINT32_MAX;
    for (const Mention& m : ent.mentions) {
      score += m.pronoun ? 0.5 : 1.0;
      if (!m.pronoun) first = std::min(first, m.sentence);
    }
    if (first <= 1) score += 2;
    size_t in_title = count_words(title, ent.name);
    for (const auto& a : ent.aliases) in_title += count_words(title, a);
    score += 3.0 * static_cast<double>(std::min<size_t>(in_title, 2));
    if (ent.type == EntityType::kPlace || ent.type == EntityType::kNationality) score *= 0.5;
    if (ent.type == EntityType::kOther) score *= 0.7;
    ent.salience = score;
  }
}

}  // namespace parallax::analyze
