// How central each entity is to its article (Entity::salience): the ranking the
// evaluation scores against BASIL's main entities and the reports sort by.
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "entities.h"
#include "text.h"

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

// The lower-case words of `s`, abbreviations of role nouns written out ("Sen." ->
// "senator").
std::vector<std::string> lower_words(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    if (cur.empty()) return;
    out.emplace_back(expand_role_abbreviation(cur));
    cur.clear();
  };
  for (unsigned char c : s) {
    if (word_byte(c)) {
      cur.push_back(static_cast<char>(std::tolower(c)));
    } else {
      flush();
    }
  }
  flush();
  return out;
}

// A headline naming a person by role ("Representative Apologizes for Criticizing Iowa
// Senator") names the one person of the article who holds it: entity index per
// title word that is the last word of exactly one person's role, or none.
std::vector<size_t> named_by_role(std::string_view title, const Analysis& out) {
  std::vector<size_t> found;
  if (title.empty()) return found;
  // (last word of a role, person) pairs, each once.
  std::vector<std::pair<std::string, size_t>> heads;
  for (size_t e = 0; e < out.entities.size(); ++e) {
    const Entity& ent = out.entities[e];
    if (ent.type != EntityType::kPerson || ent.mentions.empty()) continue;
    for (const std::string& r : ent.roles) {
      std::vector<std::string> rw = lower_words(r);
      if (!rw.empty()) heads.emplace_back(std::move(rw.back()), e);
    }
  }
  std::sort(heads.begin(), heads.end());
  heads.erase(std::unique(heads.begin(), heads.end()), heads.end());
  if (heads.empty()) return found;
  for (const std::string& w : lower_words(title)) {
    auto lo = std::lower_bound(heads.begin(), heads.end(), std::make_pair(w, size_t{0}));
    if (lo == heads.end() || lo->first != w) continue;
    const bool one_holder = lo + 1 == heads.end() || (lo + 1)->first != w;
    if (one_holder && std::find(found.begin(), found.end(), lo->second) == found.end())
      found.push_back(lo->second);
  }
  return found;
}

}  // namespace

void score_salience(std::string_view title, Analysis& out) {
  const std::vector<size_t> by_role = named_by_role(title, out);
  for (size_t idx = 0; idx < out.entities.size(); ++idx) {
    Entity& ent = out.entities[idx];
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
    if (in_title == 0 && std::find(by_role.begin(), by_role.end(), idx) != by_role.end())
      in_title = 1;
    score += 3.0 * static_cast<double>(std::min<size_t>(in_title, 2));
    if (ent.type == EntityType::kPlace || ent.type == EntityType::kNationality) score *= 0.5;
    if (ent.type == EntityType::kOther) score *= 0.7;
    ent.salience = score;
  }
}

}  // namespace parallax::analyze
