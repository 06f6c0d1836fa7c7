#include "wordnet.h"

#include <array>
#include <cstdio>
#include <memory>
#include <span>
#include <utility>

#include "core/lines.h"

namespace parallax::analyze {

namespace {

// Part-of-speech codes folded into synset ids: the same byte offset names different
// synsets in data.noun and data.verb, so ids are offset * 4 + pos.
enum Pos : uint32_t { kNoun = 0, kVerb = 1, kAdj = 2, kAdv = 3 };

uint32_t synset_id(uint32_t offset, Pos pos) { return offset * 4 + pos; }

// WordNet's lexicographer files that name entities.
constexpr int kLexGroup = 14;
constexpr int kLexLocation = 15;
constexpr int kLexObject = 17;  // rivers, mountains, islands, oceans
constexpr int kLexPerson = 18;

// Reads a whole file; false when it can't be opened. Whole-file reads keep loading
// well under the cost of parsing.
bool slurp(const std::string& path, std::string& out) {
  std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!f) return false;
  std::fseek(f.get(), 0, SEEK_END);
  long size = std::ftell(f.get());
  if (size < 0) return false;
  std::fseek(f.get(), 0, SEEK_SET);
  out.resize(static_cast<size_t>(size));
  return std::fread(out.data(), 1, out.size(), f.get()) == out.size();
}

// Splits `line` on single spaces into at most `max` fields (skipping empty ones).
template <size_t N>
size_t split_fields(std::string_view line, std::array<std::string_view, N>& fields) {
  size_t n = 0, pos = 0;
  while (pos < line.size() && n < N) {
    while (pos < line.size() && line[pos] == ' ') ++pos;
    if (pos >= line.size()) break;
    size_t end = line.find(' ', pos);
    if (end == std::string_view::npos) end = line.size();
    fields[n++] = line.substr(pos, end - pos);
    pos = end;
  }
  return n;
}

uint32_t parse_uint(std::string_view s, int base = 10) {
  uint32_t v = 0;
  for (char c : s) {
    uint32_t d;
    if (c >= '0' && c <= '9') {
      d = static_cast<uint32_t>(c - '0');
    } else if (base == 16 && c >= 'a' && c <= 'f') {
      d = static_cast<uint32_t>(c - 'a' + 10);
    } else if (base == 16 && c >= 'A' && c <= 'F') {
      d = static_cast<uint32_t>(c - 'A' + 10);
    } else {
      break;
    }
    v = v * static_cast<uint32_t>(base) + d;
  }
  return v;
}

// Calls fn(line) for every line of `text` that is not part of the licence header
// (those lines start with a space).
template <typename Fn>
void for_each_data_line(std::string_view text, Fn&& fn) {
  for_each_line(text, [&](std::string_view line, int) {
    if (!line.empty() && line.front() != ' ') fn(line);
  });
}

std::string lemma_key(std::string_view word) {
  std::string key(word);
  for (char& c : key) {
    if (c == ' ')
      c = '_';
    else if (c >= 'A' && c <= 'Z')
      c = static_cast<char>(c - 'A' + 'a');
  }
  return key;
}

EntityType type_of_lexfile(int lexfile) {
  switch (lexfile) {
    case kLexPerson:
      return EntityType::kPerson;
    case kLexLocation:
    case kLexObject:
      return EntityType::kPlace;
    case kLexGroup:
      return EntityType::kOrganisation;
    default:
      return EntityType::kOther;
  }
}

struct Suffix {
  std::string_view from, to;
};
constexpr Suffix kNounRules[] = {{"s", ""},      {"ses", "s"},   {"xes", "x"},   {"zes", "z"},
                                 {"ches", "ch"}, {"shes", "sh"}, {"men", "man"}, {"ies", "y"}};
constexpr Suffix kVerbRules[] = {{"s", ""},   {"ies", "y"}, {"es", "e"},  {"es", ""},
                                 {"ed", "e"}, {"ed", ""},   {"ing", "e"}, {"ing", ""}};
constexpr Suffix kAdjRules[] = {{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}};

}  // namespace

Result<WordNet> WordNet::load(const std::string& dir) {
  WordNet wn;
  static constexpr std::pair<const char*, Pos> kIndexes[] = {
      {"index.noun", kNoun}, {"index.verb", kVerb}, {"index.adj", kAdj}, {"index.adv", kAdv}};
  std::string buf;
  wn.lemmas_.reserve(150000);
  wn.slots_.resize(1u << 19);
  for (const auto& index : kIndexes) {
    const Pos pos = index.second;  // named, not bound: clang 14 can't capture bindings
    std::string path = dir + "/" + index.first;
    if (!slurp(path, buf)) {
      return not_found("WordNet: can't read " + path + " (is WordNet 3.0 installed in " + dir +
                       "? set PARALLAX_WORDNET)");
    }
    for_each_data_line(buf, [&](std::string_view line) {
      std::array<std::string_view, 256> f;
      size_t n = split_fields(line, f);
      if (n < 6) return;
      uint32_t count = parse_uint(f[2]);
      if (count == 0 || count > n - 4) return;
      auto& ids = wn.add_lemma(f[0]).ids;
      for (size_t i = n - count; i < n; ++i) ids.push_back(synset_id(parse_uint(f[i]), pos));
    });
  }

  for (const char* name : {"noun.exc", "verb.exc", "adj.exc", "adv.exc"}) {
    std::string path = dir + "/" + name;
    if (!slurp(path, buf)) continue;  // optional: morphy's rules still apply
    for_each_data_line(buf, [&](std::string_view line) {
      std::array<std::string_view, 2> f;
      if (split_fields(line, f) < 2) return;
      wn.exceptions_.emplace(std::string(f[0]), std::string(f[1]));
    });
  }

  // The gazetteer. For each capitalised word of a synset that is an instance (an "@i"
  // pointer) or sits in the group/location/person files, remember the candidate types;
  // a name in several synsets ("Washington") takes the type of its most frequent sense,
  // which is the first one index.noun lists.
  std::string path = dir + "/data.noun";
  if (!slurp(path, buf)) {
    return not_found("WordNet: can't read " + path + " (is WordNet 3.0 installed in " + dir +
                     "? set PARALLAX_WORDNET)");
  }
  struct Pending {
    uint32_t offset;
    int lexfile;
    uint32_t target;  // instance hypernym offset, 0 when none
  };
  std::unordered_map<std::string, std::vector<Pending>> candidates;
  candidates.reserve(40000);
  const std::string& data = buf;
  for_each_data_line(data, [&](std::string_view line) {
    // Fields are read in order with a cursor: most lines are rejected after the
    // lexicographer file and a search for the instance pointer.
    size_t pos = 0;
    auto next = [&]() -> std::string_view {
      while (pos < line.size() && line[pos] == ' ') ++pos;
      size_t end = pos;
      while (end < line.size() && line[end] != ' ') ++end;
      std::string_view field = line.substr(pos, end - pos);
      pos = end;
      return field;
    };
    uint32_t offset = parse_uint(next());
    int lexfile = static_cast<int>(parse_uint(next()));
    size_t bar = line.find(" | ");
    if (bar != std::string_view::npos) line = line.substr(0, bar);
    size_t at_i = line.find(" @i ");
    bool interesting = at_i != std::string_view::npos || lexfile == kLexGroup ||
                       lexfile == kLexLocation || lexfile == kLexPerson;
    if (!interesting) return;
    uint32_t target = 0;
    if (at_i != std::string_view::npos) {
      target = parse_uint(line.substr(at_i + 4));
      if (target == 0) target = 1;  // an instance all the same
    }
    next();  // ss_type
    uint32_t words = parse_uint(next(), 16);
    for (uint32_t w = 0; w < words && pos < line.size(); ++w) {
      std::string_view word = next();
      next();  // lex_id
      if (word.empty() || word[0] < 'A' || word[0] > 'Z') continue;
      std::string name(word);
      for (char& c : name) {
        if (c == '_') c = ' ';
      }
      candidates[name].push_back({offset, lexfile, target});
    }
  });
  // A synset's offset is its byte offset in data.noun, so the instance hypernym's
  // lexicographer file is read in place.
  auto lexfile_at = [&](uint32_t offset) -> int {
    if (offset >= data.size()) return -1;
    std::string_view rest = std::string_view(data).substr(offset, 32);
    size_t sp = rest.find(' ');
    if (sp == std::string_view::npos) return -1;
    return static_cast<int>(parse_uint(rest.substr(sp + 1)));
  };

  wn.instances_.reserve(candidates.size());
  for (auto& [name, list] : candidates) {
    // The commonest sense, an instance before a class: a capitalised name in news is
    // more often the one thing it names ("Miami", the city) than a member of a people
    // (a Miami).
    const Pending* best = &list.front();
    if (list.size() > 1) {
      if (const Lemma* lemma = wn.find_lemma(lemma_key(name))) {
        size_t best_rank = SIZE_MAX;
        bool best_instance = false;
        for (const Pending& c : list) {
          const bool instance = c.target != 0;
          if (best_instance && !instance) continue;
          if (instance && !best_instance) best_rank = SIZE_MAX;
          for (size_t r = 0; r < lemma->ids.size() && r < best_rank; ++r) {
            if (lemma->ids[r] == synset_id(c.offset, kNoun)) {
              best_rank = r;
              best = &c;
              best_instance = instance;
            }
          }
        }
      }
    }
    EntityType type;
    if (best->target != 0) {
      type = type_of_lexfile(best->lexfile);
      if (type == EntityType::kOther) {
        type = type_of_lexfile(lexfile_at(best->target));
      }
    } else if (best->lexfile == kLexPerson) {
      // A capitalised common noun for people ("Democrat", "Shiite"): a member of a
      // named group, not one person.
      type = EntityType::kGroup;
    } else {
      type = type_of_lexfile(best->lexfile);
    }
    wn.instances_.emplace(name, type);
  }
  return wn;
}

const std::vector<uint32_t>& WordNet::synsets(std::string_view word) const {
  static const std::vector<uint32_t> kNone;
  if (word.empty()) return kNone;
  std::string key = lemma_key(word);
  if (const Lemma* l = find_lemma(key)) return l->ids;
  if (auto ex = exceptions_.find(key); ex != exceptions_.end()) {
    if (const Lemma* l = find_lemma(ex->second)) return l->ids;
  }
  std::string base;
  for (std::span<const Suffix> rules :
       {std::span<const Suffix>(kNounRules), std::span<const Suffix>(kVerbRules),
        std::span<const Suffix>(kAdjRules)}) {
    for (const Suffix& s : rules) {
      if (key.size() <= s.from.size() ||
          std::string_view(key).substr(key.size() - s.from.size()) != s.from) {
        continue;
      }
      base.assign(key, 0, key.size() - s.from.size());
      base.append(s.to);
      if (const Lemma* l = find_lemma(base)) return l->ids;
    }
  }
  return kNone;
}

namespace {
uint32_t hash32(std::string_view key) {
  // FNV-1a: lemmas are short, and this keeps the table free of other dependencies.
  uint32_t h = 2166136261u;
  for (unsigned char c : key) h = (h ^ c) * 16777619u;
  return h | 1u;  // never 0, so an empty slot can't match
}
}  // namespace

const WordNet::Lemma* WordNet::find_lemma(std::string_view key) const {
  if (slots_.empty()) return nullptr;
  uint32_t h = hash32(key);
  size_t mask = slots_.size() - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.index == 0) return nullptr;
    if (s.hash == h && lemmas_[s.index - 1].key == key) return &lemmas_[s.index - 1];
  }
}

WordNet::Lemma& WordNet::add_lemma(std::string_view key) {
  if (slots_.empty() || (lemmas_.size() + 1) * 2 > slots_.size()) grow();
  uint32_t h = hash32(key);
  size_t mask = slots_.size() - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    Slot& s = slots_[i];
    if (s.index == 0) {
      lemmas_.push_back({std::string(key), {}});
      s = {h, static_cast<uint32_t>(lemmas_.size())};
      return lemmas_.back();
    }
    if (s.hash == h && lemmas_[s.index - 1].key == key) return lemmas_[s.index - 1];
  }
}

void WordNet::grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
  size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.index == 0) continue;
    size_t i = s.hash & mask;
    while (slots_[i].index != 0) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

bool WordNet::instance_type(std::string_view name, EntityType& type) const {
  auto it = instances_.find(std::string(name));
  if (it == instances_.end()) return false;
  type = it->second;
  return true;
}

}  // namespace parallax::analyze
