// Named entities by classical rules over the segmenter's tokens: capitalised runs,
// our gazetteer, titles, nationalities and cue words, WordNet's instance nouns, then
// coreference within the article (surnames, acronyms, possessives, role nouns).
#include "entities.h"

#include <algorithm>
#include <array>
#include <bitset>
#include <cctype>
#include <numeric>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/lexicon.h"
#include "core/normalize.h"
#include "text.h"
#include "wordnet.h"

namespace parallax::analyze {

namespace {

// Title classes (titles.tsv column 3).
enum TitleClass : uint8_t {
  kHead,
  kMinister,
  kOfficial,
  kDiplomat,
  kMilitary,
  kLegislator,
  kJudicial,
  kRoyal,
  kReligious,
  kBusiness,
  kSpokesperson,
  kHonorific,
  kDescribed,  // what a person is in the story, not an office: "suspect", "victim"
  kAnyClass
};

TitleClass title_class(std::string_view s) {
  static constexpr std::pair<std::string_view, TitleClass> kNames[] = {
      {"head", kHead},
      {"minister", kMinister},
      {"official", kOfficial},
      {"diplomat", kDiplomat},
      {"military", kMilitary},
      {"legislator", kLegislator},
      {"judicial", kJudicial},
      {"royal", kRoyal},
      {"religious", kReligious},
      {"business", kBusiness},
      {"spokesperson", kSpokesperson},
      {"honorific", kHonorific},
      {"described", kDescribed},
      {"any", kAnyClass}};
  for (const auto& [name, c] : kNames) {
    if (s == name) return c;
  }
  return kOfficial;
}

bool parse_type(std::string_view s, EntityType& t) {
  static constexpr std::pair<std::string_view, EntityType> kNames[] = {
      {"person", EntityType::kPerson},
      {"organisation", EntityType::kOrganisation},
      {"organization", EntityType::kOrganisation},
      {"place", EntityType::kPlace},
      {"nationality", EntityType::kNationality},
      {"group", EntityType::kGroup},
      {"other", EntityType::kOther}};
  for (const auto& [name, v] : kNames) {
    if (s == name) {
      t = v;
      return true;
    }
  }
  return false;
}

// The matching key of a phrase: normalised like token norms, without dots (so
// "U.S." and "US" meet), single spaces.
std::string phrase_key(std::string_view phrase) {
  std::string n = normalize(phrase);
  std::string key;
  key.reserve(n.size());
  for (char c : n) {
    if (c == '.') continue;
    if (c == ' ' || c == '\t') {
      if (!key.empty() && key.back() != ' ') key.push_back(' ');
      continue;
    }
    key.push_back(c);
  }
  while (!key.empty() && key.back() == ' ') key.pop_back();
  return key;
}

bool is_upper_ascii(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower_ascii(char c) { return c >= 'a' && c <= 'z'; }

// True when the letters of `s` are all upper case and there are at least two.
bool all_caps(std::string_view s) {
  int letters = 0;
  for (unsigned char c : s) {
    if (is_lower_ascii(static_cast<char>(c))) return false;
    if (c >= 0x80) return false;  // keep acronyms ASCII: accented words are names
    if (is_upper_ascii(static_cast<char>(c))) ++letters;
  }
  return letters >= 2;
}

std::vector<std::string_view> split_bar(std::string_view s) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (pos <= s.size()) {
    size_t bar = s.find('|', pos);
    if (bar == std::string_view::npos) bar = s.size();
    if (bar > pos) out.push_back(s.substr(pos, bar - pos));
    pos = bar + 1;
  }
  return out;
}

}  // namespace

struct EntityLexicon::Data {
  struct Entry {
    std::string name;
    EntityType type = EntityType::kOther;
    bool media = false;
    int nationality = -1;  // for countries: index into nationalities
  };
  struct Alias {
    uint32_t entry = 0;
    bool caps = false;  // written in capitals: only matches capitals ("US", "WHO")
  };
  struct Title {
    TitleClass cls = kOfficial;
    bool caps = false;    // "PM", "MP", "CEO": only as written ("5 pm" is a time)
    bool dotted = false;  // "Sen.", "Gen.": only with the dot ("Hun Sen" is a name)
  };
  struct Nationality {
    std::string adjective;
    std::string country;  // as named in entities.tsv
    int entry = -1;       // the country's gazetteer entry
  };
  std::vector<Entry> entries;
  std::unordered_map<std::string, Alias> gazetteer;  // phrase key -> entry
  std::unordered_map<std::string, Title> titles;     // phrase key -> title
  std::vector<Nationality> nationalities;
  std::unordered_map<std::string, uint32_t> nationality;  // adjective or people -> index
  std::unordered_set<std::string> org_cues, place_cues, speech, skip;
  std::unordered_set<std::string> given_names;  // that are also common words: "mitt"
  std::unordered_set<std::string> first_names;  // given_names.tsv: "cesar", "raúl"
  // Words that sit inside a compound title between two titles ("Chief Fire Officer",
  // "Deputy Police Commissioner"): titles.tsv rows of class "modifier".
  std::unordered_set<std::string> title_modifiers;
  std::unordered_map<std::string, TitleClass> anaphors;  // role noun -> class
  std::vector<std::string> described;  // the one-word anaphors of class kDescribed
  size_t max_gazetteer = 1, max_title = 1, max_nationality = 1, max_anaphor = 1;
  // Every proper word prefix of a phrase ("north", "north atlantic"), so a match
  // stops at the first word that begins no phrase: most words begin none.
  std::unordered_set<std::string> prefixes;
  // The lexicons that have a phrase starting with a word (kStarts* bits): one lookup
  // per word rules out the others.
  std::unordered_map<std::string, uint16_t> first_words;
  // Collective actors (groups.tsv): head phrase key -> what it names.
  enum class GroupUse : uint8_t { kAlone, kNamed, kBack };
  struct Group {
    std::string canonical;  // "protesters" for "protestors"
    GroupUse use = GroupUse::kNamed;
    bool capital = false;  // "Republicans": only capitalised
  };
  std::unordered_map<std::string, Group> groups;
  std::unordered_set<std::string> group_adjectives;  // "federal", "social media"
};

constexpr uint16_t kStartsGazetteer = 1, kStartsTitle = 2, kStartsNationality = 4,
                   kStartsAnaphor = 8;
// The single-word cue lists, in the same per-word bits: one lookup per word of the
// text answers every list (the sets were most of the cost of finding entities).
constexpr uint16_t kOrgCue = 16, kPlaceCue = 32, kSpeechCue = 64, kSkipCue = 128;
constexpr uint16_t kStartsMask = 15;
// The first word of a group head (groups.tsv): only such words are looked up there.
constexpr uint16_t kStartsGroup = 256;

namespace {
void add_first_word(std::string_view key, uint16_t bit,
                    std::unordered_map<std::string, uint16_t>& first) {
  size_t end = key.find_first_of(" -");
  first[std::string(key.substr(0, end))] |= bit;
}
}  // namespace

namespace {

size_t word_count(std::string_view key) {
  size_t n = 1;
  for (char c : key) n += c == ' ' || c == '-';
  return n;
}

void add_prefixes(std::string_view key, std::unordered_set<std::string>& prefixes) {
  for (size_t k = 0; k < key.size(); ++k) {
    if (key[k] == ' ' || key[k] == '-') prefixes.emplace(key.substr(0, k));
  }
}

}  // namespace

Result<EntityLexicon> EntityLexicon::load() {
  auto d = std::make_shared<Data>();
  std::string_view ents = embedded_lexicon("entities.tsv");
  std::string_view titles = embedded_lexicon("titles.tsv");
  std::string_view nats = embedded_lexicon("nationalities.tsv");
  std::string_view cues = embedded_lexicon("entities_cues.tsv");
  if (ents.empty() || titles.empty() || nats.empty() || cues.empty()) {
    return invalid_input(
        "entity lexicons missing from the build: entities.tsv, titles.tsv, nationalities.tsv "
        "and entities_cues.tsv are all needed");
  }
  for (const auto& row : lexicon_rows(ents)) {
    if (row.size() < 2) return invalid_input("entities.tsv: a row has fewer than 2 columns");
    Data::Entry e;
    e.name = std::string(row[0]);
    if (!parse_type(row[1], e.type)) {
      return invalid_input("entities.tsv: unknown type '" + std::string(row[1]) + "' for " +
                           e.name);
    }
    e.media = row.size() > 3 && row[3] == "media";
    auto index = static_cast<uint32_t>(d->entries.size());
    d->entries.push_back(std::move(e));
    std::vector<std::string_view> forms = {row[0]};
    if (row.size() > 2) {
      for (auto a : split_bar(row[2])) forms.push_back(a);
    }
    for (auto form : forms) {
      std::string key = phrase_key(form);
      if (key.empty()) continue;
      d->max_gazetteer = std::max(d->max_gazetteer, word_count(key));
      add_prefixes(key, d->prefixes);
      add_first_word(key, kStartsGazetteer, d->first_words);
      d->gazetteer.emplace(key, Data::Alias{index, all_caps(form)});
    }
  }
  for (const auto& row : lexicon_rows(titles)) {
    if (row.empty()) continue;
    std::string key = phrase_key(row[0]);
    if (row.size() > 2 && row[2] == "modifier") {
      d->title_modifiers.insert(std::move(key));
      continue;
    }
    d->max_title = std::max(d->max_title, word_count(key));
    add_prefixes(key, d->prefixes);
    add_first_word(key, kStartsTitle, d->first_words);
    bool dotted = !row[0].empty() && row[0].back() == '.';
    auto [it, fresh] = d->titles.emplace(
        key,
        Data::Title{row.size() > 2 ? title_class(row[2]) : kOfficial, all_caps(row[0]), dotted});
    if (!fresh && !dotted) it->second.dotted = false;  // "Mr." and "Mr" both listed
  }
  for (const auto& row : lexicon_rows(nats)) {
    if (row.size() < 3) return invalid_input("nationalities.tsv: a row has fewer than 3 columns");
    Data::Nationality n{std::string(row[0]), std::string(row[2]), -1};
    if (auto it = d->gazetteer.find(phrase_key(row[2])); it != d->gazetteer.end()) {
      n.entry = static_cast<int>(it->second.entry);
      if (d->entries[n.entry].nationality < 0) {
        d->entries[n.entry].nationality = static_cast<int>(d->nationalities.size());
      }
    }
    auto index = static_cast<uint32_t>(d->nationalities.size());
    d->nationalities.push_back(std::move(n));
    std::vector<std::string_view> forms = {row[0]};
    for (auto a : split_bar(row[1])) forms.push_back(a);
    for (auto form : forms) {
      std::string key = phrase_key(form);
      d->max_nationality = std::max(d->max_nationality, word_count(key));
      add_prefixes(key, d->prefixes);
      add_first_word(key, kStartsNationality, d->first_words);
      d->nationality.emplace(key, index);
    }
  }
  for (const auto& row : lexicon_rows(cues)) {
    if (row.size() < 2) continue;
    std::string key = phrase_key(row[0]);
    uint16_t bit = row[1] == "org"      ? kOrgCue
                   : row[1] == "place"  ? kPlaceCue
                   : row[1] == "speech" ? kSpeechCue
                   : row[1] == "skip"   ? kSkipCue
                                        : 0;
    if (bit != 0 && key.find(' ') == std::string::npos) d->first_words[key] |= bit;
    if (row[1] == "org")
      d->org_cues.insert(key);
    else if (row[1] == "place")
      d->place_cues.insert(key);
    else if (row[1] == "speech")
      d->speech.insert(key);
    else if (row[1] == "skip")
      d->skip.insert(key);
    else if (row[1] == "given")
      d->given_names.insert(key);
    else if (row[1] == "anaphor") {
      d->max_anaphor = std::max(d->max_anaphor, word_count(key));
      add_prefixes(key, d->prefixes);
      add_first_word(key, kStartsAnaphor, d->first_words);
      d->anaphors.emplace(key, row.size() > 2 ? title_class(row[2]) : kAnyClass);
      if (row.size() > 2 && title_class(row[2]) == kDescribed && word_count(key) == 1)
        d->described.push_back(key);
    }
  }
  std::string_view first = embedded_lexicon("given_names.tsv");
  if (first.empty())
    return invalid_input("entity lexicons missing from the build: given_names.tsv");
  for (const auto& row : lexicon_rows(first)) d->first_names.insert(phrase_key(row[0]));
  std::string_view groups = embedded_lexicon("groups.tsv");
  if (groups.empty()) return invalid_input("entity lexicons missing from the build: groups.tsv");
  for (const auto& row : lexicon_rows(groups)) {
    if (row.size() < 3) return invalid_input("groups.tsv: a row has fewer than 3 columns");
    const std::string key = phrase_key(row[0]);
    if (word_count(key) > 2) return invalid_input("groups.tsv: more than two words in " + key);
    if (row[2] == "adjective") {
      d->group_adjectives.insert(key);
      continue;
    }
    Data::Group g;
    g.canonical = std::string(row[1]);
    g.capital = !row[0].empty() && is_upper_ascii(row[0][0]);
    if (row[2] == "alone") {
      g.use = Data::GroupUse::kAlone;
    } else if (row[2] == "named") {
      g.use = Data::GroupUse::kNamed;
    } else if (row[2] == "back") {
      g.use = Data::GroupUse::kBack;
    } else {
      return invalid_input("groups.tsv: unknown use '" + std::string(row[2]) + "' for " + key);
    }
    add_first_word(key, kStartsGroup, d->first_words);
    d->groups.emplace(key, std::move(g));
  }
  return EntityLexicon{std::move(d)};
}

namespace {

using Data = EntityLexicon::Data;

// A word of the text as entities see it: one word token, plus a dot that belongs to
// it ("U.S.", "Gen.") and a possessive ("Macron's", "Macron ' s").
struct Piece {
  Span span;              // the whole piece
  uint32_t name_end = 0;  // end of the piece without its possessive
  uint32_t token = 0;     // its word token
  uint32_t sentence = 0;
  std::string key;       // normalised, no dots, no possessive
  std::string key_full;  // with the possessive; empty when the same as key
  const std::string& full() const { return key_full.empty() ? key : key_full; }
  bool cap = false;
  bool caps = false;  // all capitals
  bool possessive = false;
  bool stop = false;
  bool initial = false;  // starts its sentence (or a quotation in it)
  uint8_t gap = 0;       // to the previous piece: 0 break, 1 space, 2 hyphen
  uint16_t starts = 0;   // kStarts* and cue bits of its key
};

enum class Seg : uint8_t { kTitle, kNat, kGaz, kUnk };

struct Segment {
  Seg kind;
  uint32_t first, last;  // pieces, inclusive
  int ref = -1;          // gazetteer entry, nationality, or title class
};

enum class Kind : uint8_t { kGaz, kNat, kName };

// One mention before coreference.
struct Raw {
  Span span;
  uint32_t sentence = 0;
  Kind kind = Kind::kName;
  int ref = -1;         // gazetteer entry or nationality
  std::string surface;  // the words as written, possessive stripped
  std::string role;
  int role_nat = -1;  // nationality named in the role
  int title = -1;     // title class
  std::array<int, 6> votes{};
  bool weak = false;  // from a headline: kept only if it joins a stronger one
  bool speech = false;
  bool after_the = false;  // "the Klaxon": a short name of something longer
};

struct Anaphor {
  Span span;
  uint32_t sentence = 0;
  int cls = kAnyClass;  // title class wanted
  std::string noun;     // "president", "leader"
  int nat = -1;
  bool pronoun_he = false;  // "he"/"she" starting a sentence
  uint8_t sex = kGenderUnknown;  // kMale for "he", kFemale for "she"
};

// Byte length of the horizontal space at `pos` (ASCII, no-break and the other
// Unicode spaces news pages are full of), 0 when there is none.
size_t space_at(std::string_view s, size_t pos) {
  auto u = [&](size_t k) { return k < s.size() ? static_cast<unsigned char>(s[k]) : 0u; };
  unsigned c = u(pos);
  if (c == ' ' || c == '\t' || c == '\r') return 1;
  if (c == 0xC2 && u(pos + 1) == 0xA0) return 2;  // U+00A0
  if (c == 0xE2 && u(pos + 1) == 0x80 && (u(pos + 2) <= 0x8B || u(pos + 2) == 0xAF)) {
    return 3;  // U+2000..200B, 202F
  }
  if (c == 0xE2 && u(pos + 1) == 0x81 && u(pos + 2) == 0x9F) return 3;  // U+205F
  if (c == 0xE3 && u(pos + 1) == 0x80 && u(pos + 2) == 0x80) return 3;  // U+3000
  return 0;
}

// True when [from, to) of `s` is one or more horizontal spaces.
bool only_spaces(std::string_view s, size_t from, size_t to) {
  if (from >= to) return false;
  while (from < to) {
    size_t n = space_at(s, from);
    if (n == 0) return false;
    from += n;
  }
  return from == to;
}

bool is_opening(std::string_view norm) {
  return norm == "\"" || norm == "'" || norm == "(" || norm == ":" || norm == "“" || norm == "‘" ||
         norm == "«" || norm == "-";
}

bool is_apostrophe(std::string_view s) { return s == "'" || s == "’" || s == "‘" || s == "`"; }

int type_index(EntityType t) { return static_cast<int>(t); }

class Finder {
 public:
  Finder(std::string_view text, const Data& lex, const WordNet& wn, Analysis& out)
      : text_(text), lex_(lex), wn_(wn), out_(out) {}

  void run() {
    build_pieces();
    if (pieces_.empty()) return;
    // Sentence-initial words are judged by how the rest of the text writes them.
    for (const Piece& p : pieces_) {
      if (p.initial && p.cap && !p.key.empty()) {
        initial_keys_.emplace(p.key, 0);
        initial_sigs_.set(signature(p.key));
      }
    }
    std::vector<uint32_t> sentence_first(out_.sentences.size() + 1, 0);
    {
      size_t i = 0;
      for (uint32_t s = 0; s <= out_.sentences.size(); ++s) {
        while (i < pieces_.size() && pieces_[i].sentence < s) ++i;
        sentence_first[s] = static_cast<uint32_t>(i);
      }
    }
    headline_.assign(out_.sentences.size(), false);
    for (uint32_t s = 0; s < out_.sentences.size(); ++s) {
      headline_[s] = is_headline(sentence_first[s], sentence_first[s + 1], s);
      for (uint32_t i = sentence_first[s]; i < sentence_first[s + 1]; ++i) {
        const Piece& p = pieces_[i];
        if (p.cap && (p.initial || headline_[s])) continue;
        if (p.key.empty() || !initial_sigs_.test(signature(p.key))) continue;
        auto it = initial_keys_.find(p.key);
        if (it != initial_keys_.end()) it->second |= p.cap ? kSeenCapitalised : kSeenLower;
      }
    }
    for (uint32_t s = 0; s < out_.sentences.size(); ++s) {
      scan_sentence(sentence_first[s], sentence_first[s + 1], s);
    }
    cluster();
    find_groups();
  }

 private:
  // ---- pieces ------------------------------------------------------------------

  void build_pieces() {
    const auto& toks = out_.tokens;
    pieces_.reserve(toks.size());
    for (uint32_t t = 0; t < toks.size(); ++t) {
      const Token& tok = toks[t];
      if (!tok.is_word) continue;
      Piece p;
      p.token = t;
      p.sentence = tok.sentence;
      p.span = tok.span;
      std::string_view surface = tok.span.of(text_);
      p.cap = tok.capitalized;
      p.stop = tok.is_stop;
      for (char c : tok.norm) {
        if (c != '.') p.key.push_back(c);
      }
      uint32_t next = t + 1;
      auto glued = [&](uint32_t k) {
        return k < toks.size() && toks[k].span.begin == toks[k - 1].span.end;
      };
      // A dot after an abbreviation belongs to it: "U.S." (ICU gives "U.S" and ".")
      // and the title abbreviations ("Gen.", "Mr.").
      if (glued(next) && toks[next].norm == "." &&
          (surface.find('.') != std::string_view::npos ||
           (p.cap && lex_.titles.count(p.key) && surface.size() <= 4) ||
           // A middle initial ("Eric H. Holder") and the suffixes of names.
           (p.cap && (surface.size() == 1 || p.key == "jr" || p.key == "sr" || p.key == "st")))) {
        p.span.end = toks[next].span.end;
        ++next;
        // A middle initial that is also a word ("John A. Boehner"): a name's letter
        // between two capitalised words, not the article.
        if (surface.size() == 1 && p.stop && t > 0 && toks[t - 1].is_word &&
            toks[t - 1].capitalized && next < toks.size() && toks[next].is_word &&
            toks[next].capitalized)
          p.stop = false;
      }
      p.name_end = p.span.end;
      // Possessive inside the token ("Macron's") or split by the segmenter.
      if (p.key.size() > 2 && p.key.compare(p.key.size() - 2, 2, "'s") == 0) {
        p.possessive = true;
        p.key_full = p.key;
        p.key.resize(p.key.size() - 2);
        // The apostrophe is one byte (') or three (U+2019, U+2018).
        size_t cut = surface.size() >= 2 && surface[surface.size() - 2] == '\'' ? surface.size() - 2
                     : surface.size() >= 4                                      ? surface.size() - 4
                                                                                : surface.size();
        p.name_end = tok.span.begin + static_cast<uint32_t>(cut);
      } else if (glued(next) && is_apostrophe(toks[next].norm)) {
        if (glued(next + 1) && toks[next + 1].norm == "s") {
          p.possessive = true;
          p.key_full = p.key + "'s";
          p.span.end = toks[next + 1].span.end;
          next += 2;
        } else if (!p.key.empty() && p.key.back() == 's' &&
                   (next + 1 >= toks.size() || !glued(next + 1))) {
          // Plural possessive: "Republicans'".
          p.possessive = true;
          p.span.end = toks[next].span.end;
          ++next;
        }
      }
      p.caps = all_caps(text_.substr(p.span.begin, p.name_end - p.span.begin));
      if (auto it = lex_.first_words.find(p.key); it != lex_.first_words.end()) {
        p.starts = it->second;
      }
      if (p.possessive) {
        if (auto it = lex_.first_words.find(p.full()); it != lex_.first_words.end()) {
          p.starts |= it->second & kStartsMask;
        }
      }
      // Relation to the previous piece.
      if (!pieces_.empty() && pieces_.back().sentence == p.sentence) {
        const Piece& prev = pieces_.back();
        uint32_t from = prev.span.end;
        if (from <= p.span.begin) {
          std::string_view gap = text_.substr(from, p.span.begin - from);
          if (only_spaces(text_, from, p.span.begin)) {
            p.gap = 1;
          } else if (gap == "-" || gap == "‑") {
            p.gap = 2;
          }
        }
      }
      // A nickname in quotation marks inside a name, William "Mo" Cowan: the name runs
      // on over it (the mention keeps it).
      if (p.cap && !p.stop && pieces_.size() >= 2 && is_nickname(pieces_.size() - 1, p)) {
        pieces_.pop_back();
        p.gap = 1;
      }
      // Sentence start, or just after an opening quotation mark or colon.
      if (pieces_.empty() || pieces_.back().sentence != p.sentence) {
        p.initial = true;
      } else if (t > 0 && !toks[t - 1].is_word && is_opening(toks[t - 1].norm)) {
        p.initial = true;
      }
      pieces_.push_back(std::move(p));
      t = next - 1;
    }
  }

  // Whether piece n (the last built) is a one-word nickname between the piece before it
  // and `next`: a capitalised word before, then a space and an opening quotation mark,
  // the nickname, a closing mark and a space, then `next`.
  bool is_nickname(size_t n, const Piece& next) const {
    const Piece& nick = pieces_[n];
    const Piece& before = pieces_[n - 1];
    if (!nick.cap || nick.stop || nick.possessive || nick.key.size() > 12) return false;
    if (!before.cap || before.stop || before.caps || before.possessive) return false;
    if (before.sentence != nick.sentence || nick.sentence != next.sentence) return false;
    if (before.span.end > nick.span.begin || nick.span.end > next.span.begin) return false;
    const std::string_view open = text_.substr(before.span.end, nick.span.begin - before.span.end);
    const std::string_view close = text_.substr(nick.span.end, next.span.begin - nick.span.end);
    return (open == " \"" || open == " “") && (close == "\" " || close == "” ");
  }

  // Title-case lines (headlines, teasers, section labels) capitalise ordinary words;
  // a sentence ending in a full stop is prose however many names it lists.
  bool is_headline(uint32_t a, uint32_t b, uint32_t s) const {
    if (s < out_.sentences.size() && out_.sentences[s].is_heading) return true;
    if (s < out_.sentences.size()) {
      std::string_view sent = out_.sentences[s].span.of(text_);
      size_t last = sent.find_last_not_of(" \t\r\n\"'\xE2\x80\x9D\x99)");
      if (last != std::string_view::npos && sent[last] == '.') return false;
    }
    int cap = 0, lower = 0;
    for (uint32_t i = a; i < b; ++i) {
      const Piece& p = pieces_[i];
      const Token& t = out_.tokens[p.token];
      if (t.is_number || p.stop) continue;
      if (p.cap)
        ++cap;
      else
        ++lower;
    }
    if (lower == 0) return cap >= 2;
    return cap >= 4 && cap * 10 >= (cap + lower) * 6;
  }

  // ---- lexicon matches -------------------------------------------------------------

  // Longest phrase of `map` starting at piece i within [i, end); 0 when none.
  template <typename Map, typename Check>
  size_t longest(const Map& map, size_t max_words, uint32_t i, uint32_t end, int& ref,
                 Check&& check) const {
    std::string key;
    size_t best = 0;
    size_t words = 0;
    for (uint32_t j = i; j < end; ++j) {
      if (j > i && pieces_[j].gap == 0) break;
      if (j > i) key.push_back(pieces_[j].gap == 2 ? '-' : ' ');
      words += 1;
      if (words > max_words) break;
      // The last word may carry a possessive; inner words keep theirs.
      size_t base = key.size();
      key += pieces_[j].key;
      auto it = map.find(key);
      if (it != map.end() && check(it->second, i, j)) {
        best = j - i + 1;
        ref = value_of(it->second);
      }
      key.resize(base);
      key += pieces_[j].full();
      if (j + 1 < end && !lex_.prefixes.count(key)) break;
    }
    return best;
  }

  static int value_of(const Data::Alias& a) { return static_cast<int>(a.entry); }
  static int value_of(const Data::Title& t) { return t.cls; }
  static int value_of(uint32_t n) { return static_cast<int>(n); }
  static int value_of(TitleClass c) { return c; }

  // The three matches are asked for many times per piece: each is computed once (up
  // to the sentence end, where every match stops anyway) and clipped to `end`.
  struct Match {
    int8_t len = -1;  // -1: not computed yet
    int ref = -1;
  };

  size_t cached(std::vector<Match>& cache, uint32_t i, uint32_t end, int& ref,
                size_t (Finder::*compute)(uint32_t, uint32_t, int&) const) const {
    if (cache.empty()) cache.resize(pieces_.size());
    Match& m = cache[i];
    if (m.len < 0) {
      int r = -1;
      m.len = static_cast<int8_t>((this->*compute)(i, static_cast<uint32_t>(pieces_.size()), r));
      m.ref = r;
    }
    if (m.len == 0) return 0;
    if (i + static_cast<uint32_t>(m.len) > end) return (this->*compute)(i, end, ref);
    ref = m.ref;
    return static_cast<size_t>(m.len);
  }

  size_t match_gazetteer(uint32_t i, uint32_t end, int& ref) const {
    return cached(gazetteer_cache_, i, end, ref, &Finder::compute_gazetteer);
  }
  size_t match_title(uint32_t i, uint32_t end, int& ref) const {
    return cached(title_cache_, i, end, ref, &Finder::compute_title);
  }
  size_t match_nationality(uint32_t i, uint32_t end, int& ref) const {
    return cached(nationality_cache_, i, end, ref, &Finder::compute_nationality);
  }

  size_t compute_gazetteer(uint32_t i, uint32_t end, int& ref) const {
    if (!pieces_[i].cap || !(pieces_[i].starts & kStartsGazetteer)) return 0;
    return longest(lex_.gazetteer, lex_.max_gazetteer, i, end, ref,
                   [&](const Data::Alias& a, uint32_t from, uint32_t to) {
                     if (!a.caps) return pieces_[to].cap || to > from;
                     for (uint32_t k = from; k <= to; ++k) {
                       if (!pieces_[k].caps) return false;
                     }
                     return true;
                   });
  }
  size_t compute_title(uint32_t i, uint32_t end, int& ref) const {
    if (!(pieces_[i].starts & kStartsTitle)) return 0;
    return longest(lex_.titles, lex_.max_title, i, end, ref,
                   [&](const Data::Title& t, uint32_t from, uint32_t to) {
                     if (t.dotted && text_[pieces_[to].span.end - 1] != '.') return false;
                     return !t.caps || pieces_[from].caps;
                   });
  }
  size_t compute_nationality(uint32_t i, uint32_t end, int& ref) const {
    if (!pieces_[i].cap || !(pieces_[i].starts & kStartsNationality)) return 0;
    return longest(lex_.nationality, lex_.max_nationality, i, end, ref,
                   [](uint32_t, uint32_t, uint32_t) { return true; });
  }

  // ---- sentences -------------------------------------------------------------------

  bool common_word(const Piece& p) const {
    if (p.stop) return true;
    auto it = initial_keys_.find(p.key);
    uint8_t seen = it == initial_keys_.end() ? 0 : it->second;
    if (seen & kSeenCapitalised) return false;
    if (seen & kSeenLower) return true;
    if (wn_.synsets(p.key).empty()) return false;
    EntityType t;
    return !wn_.instance_type(std::string(p.span.of(text_).substr(0, p.name_end - p.span.begin)),
                              t);
  }

  // A stopword, unless written in capitals ("US" is not "us").
  static bool function_word(const Piece& p) { return p.stop && !p.caps; }

  bool is_cue(const Piece& p) const { return (p.starts & (kOrgCue | kPlaceCue)) != 0; }

  void scan_sentence(uint32_t a, uint32_t b, uint32_t s) {
    bool headline = headline_[s];
    int prev_end = -1;  // last piece of the previous run
    uint32_t prev_start = 0;
    for (uint32_t i = a; i < b;) {
      const Piece& p = pieces_[i];
      if (i == a && (p.key == "he" || p.key == "she") && s > 0) {
        Anaphor an;
        an.span = {p.span.begin, p.name_end};
        an.sentence = s;
        an.pronoun_he = true;
        an.sex = p.key == "he" ? kMale : kFemale;
        anaphors_.push_back(an);
        ++i;
        continue;
      }
      if (p.key == "the") {
        uint32_t next = try_anaphor(i, b, s);
        if (next > i) {
          i = next;
          continue;
        }
      }
      if (uint32_t next = skip_party_code(i, b); next > i) {
        i = next;
        continue;
      }
      int ref = -1;
      bool start = false;
      if (!p.cap) {
        // A lower-case role right before an unknown name: "spokesperson Wang Wenbin".
        size_t len = match_title(i, b, ref);
        if (len > 0 && ref != kHonorific && i + len < b && pieces_[i + len].cap &&
            pieces_[i + len].gap == 1 &&
            // "Civic Alliance leader Corin Stallworth": after a name, "leader" is a role.
            (!lowercase_ambiguous(i, len) || (i > a && pieces_[i].gap == 1 && pieces_[i - 1].cap &&
                                              !pieces_[i - 1].initial && !pieces_[i - 1].stop)) &&
            unknown_at(static_cast<uint32_t>(i + len), b)) {
          start = true;
        }
      } else if ((p.starts & kSkipCue) || (p.stop && !p.caps)) {
        // Months, days and capitalised function words are not names on their own;
        // the gazetteer may still start here ("The Hague").
        int g;
        start = match_gazetteer(i, b, g) > 1;
      } else if (p.initial) {
        int g;
        start = match_gazetteer(i, b, g) > 0 || match_title(i, b, g) > 0 ||
                match_nationality(i, b, g) > 0 || !common_word(p);
        if (!start && i + 1 < b && pieces_[i + 1].cap && pieces_[i + 1].gap == 1) {
          // "Supreme Court ruled": a common adjective opening an organisation name.
          start = is_cue(pieces_[i + 1]) ||
                  (i + 2 < b && pieces_[i + 2].gap == 1 && is_cue(pieces_[i + 2]));
          // "Mitt Romney said": a given name that is also a common word, before a name.
          const Piece& n = pieces_[i + 1];
          if (!start && lex_.given_names.count(p.key) && !n.caps && !n.stop && !is_cue(n) &&
              !(n.starts & kSkipCue)) {
            start = true;
          }
        }
      } else {
        start = true;
      }
      if (!start) {
        ++i;
        continue;
      }
      uint32_t end = run_at(i, b, s, headline, prev_end, prev_start);
      prev_start = i;
      prev_end = static_cast<int>(end) - 1;
      i = end;
    }
  }

  // ---- collective actors -----------------------------------------------------------

  // The group head (groups.tsv) of one or two words starting at piece i: its length, 0
  // when none.
  size_t match_group_head(uint32_t i, const Data::Group*& g) const {
    if (i + 1 < pieces_.size() && pieces_[i + 1].gap == 1 &&
        pieces_[i + 1].sentence == pieces_[i].sentence) {
      auto it = lex_.groups.find(pieces_[i].key + " " + pieces_[i + 1].key);
      if (it != lex_.groups.end()) {
        g = &it->second;
        return 2;
      }
    }
    auto it = lex_.groups.find(pieces_[i].key);
    if (it == lex_.groups.end()) return 0;
    g = &it->second;
    return 1;
  }

  // Words after a head that make it a modifier of something else: "police chief",
  // "campaign manager", "administration official".
  static bool compounds_head(std::string_view key) {
    static const std::unordered_set<std::string_view> kNouns = {
        "chief",       "chiefs",       "department", "departments", "commissioner", "spokesman",
        "spokeswoman", "spokesperson", "manager",    "managers",    "chairman",     "chairwoman",
        "director",    "official",     "officer",    "union",       "headquarters", "station",
        "finance",     "trail",        "ad",         "ads",         "website",      "office"};
    return kNouns.count(key) > 0;
  }

  // Groups of people named by a common noun ("protesters", "Democratic lawmakers", "the
  // Obama administration"), one entity of type group per group, appended after the
  // names. A head that needs a modifier is left alone without one ("officials").
  void find_groups() {
    if (lex_.groups.empty()) return;
    std::vector<Entity> found;
    std::unordered_map<std::string, size_t> by_key;
    std::unordered_map<std::string, size_t> last_with_head;  // canonical head -> group
    for (uint32_t i = 0; i < pieces_.size(); ++i) {
      if (!(pieces_[i].starts & kStartsGroup)) continue;
      const Data::Group* g = nullptr;
      const size_t len = match_group_head(i, g);
      if (len == 0) continue;
      const Piece& h = pieces_[i];
      if (g->capital ? !h.cap : (h.cap && !h.initial) || h.caps) continue;
      uint32_t last = static_cast<uint32_t>(i + len - 1);
      // "Obama administration officials" is the administration; "police chief" a person.
      size_t skip = 0;
      if (last + 1 < pieces_.size() && pieces_[last + 1].gap == 1 &&
          pieces_[last + 1].sentence == h.sentence && !pieces_[last].possessive) {
        const Piece& next = pieces_[last + 1];
        const Data::Group* g2 = nullptr;
        if (!next.cap && compounds_head(next.key)) continue;
        if (!next.cap && match_group_head(last + 1, g2) > 0) skip = 1;
      }
      // The modifier: an adjective of the list, or the capitalised name right before.
      uint32_t first = i;
      std::string modifier;
      if (i > 0 && h.gap == 1 && pieces_[i - 1].sentence == h.sentence) {
        if (i > 1 && pieces_[i - 1].gap == 1 && pieces_[i - 2].sentence == h.sentence &&
            lex_.group_adjectives.count(pieces_[i - 2].key + " " + pieces_[i - 1].key)) {
          first = i - 2;
        } else if (lex_.group_adjectives.count(pieces_[i - 1].key)) {
          first = i - 1;
        } else if (pieces_[i - 1].cap && !function_word(pieces_[i - 1]) &&
                   !(pieces_[i - 1].starts & kSkipCue)) {
          uint32_t j = i - 1;
          while (j > 0 && i - j < 4 && pieces_[j].gap == 1 && pieces_[j - 1].cap &&
                 !pieces_[j - 1].possessive && !function_word(pieces_[j - 1]) &&
                 !(pieces_[j - 1].starts & kSkipCue) && pieces_[j - 1].sentence == h.sentence) {
            --j;
          }
          // A capitalised sentence opener that is no name ("Many protesters") is no
          // modifier.
          int ref = -1;
          while (j < i && pieces_[j].initial && common_word(pieces_[j]) &&
                 match_gazetteer(j, i, ref) == 0 && match_nationality(j, i, ref) == 0) {
            ++j;
          }
          first = j;
        }
        if (first < i) modifier = words(first, i - 1);  // words() drops a final "'s"
      }
      const Span span{pieces_[first].span.begin, pieces_[last].name_end};
      std::string name;
      if (!modifier.empty()) {
        name = modifier + " " + g->canonical;
      } else if (g->use == Data::GroupUse::kAlone) {
        name = g->canonical;
      } else if (g->use == Data::GroupUse::kBack && i > 0 && pieces_[i - 1].key == "the") {
        // "the administration": the last group with this head, if any.
        auto it = last_with_head.find(g->canonical);
        if (it != last_with_head.end())
          found[it->second].mentions.push_back({span, h.sentence, false});
        i = last + static_cast<uint32_t>(skip);
        continue;
      } else {
        continue;
      }
      std::string key = phrase_key(name);
      auto [it, fresh] = by_key.emplace(key, found.size());
      if (fresh) {
        Entity e;
        e.name = name;
        e.type = EntityType::kGroup;
        found.push_back(std::move(e));
      }
      Entity& e = found[it->second];
      e.mentions.push_back({span, h.sentence, false});
      if (name != e.name &&
          std::find(e.aliases.begin(), e.aliases.end(), name) == e.aliases.end()) {
        e.aliases.push_back(name);
      }
      last_with_head[g->canonical] = it->second;
      i = last + static_cast<uint32_t>(skip);
    }
    for (Entity& e : found) out_.entities.push_back(std::move(e));
  }

  // A legislator's party code and state, "(D-Nev.)", ", R-W. Va.,", "(I-Vermont)": the
  // state says whom the legislator represents (affiliation reads it), not a place the
  // article is about. Returns the piece after the code, or i when there is none.
  uint32_t skip_party_code(uint32_t i, uint32_t b) const {
    const size_t len = party_code_length(text_, pieces_[i].span.begin);
    if (len == 0) return i;
    const size_t end = pieces_[i].span.begin + len;
    uint32_t j = i + 1;
    while (j < b && pieces_[j].span.begin < end) ++j;
    return j;
  }

  bool lowercase_ambiguous(uint32_t i, size_t len) const {
    if (len > 1) return false;
    static const std::unordered_set<std::string_view> kAmbiguous = {
        "major",  "general", "head", "father", "justice", "miss",           "lady",   "chair",
        "deputy", "lord",    "sir",  "dame",   "speaker", "representative", "leader", "founder"};
    return kAmbiguous.count(pieces_[i].key) > 0;
  }

  bool unknown_at(uint32_t i, uint32_t b) const {
    int r;
    return match_gazetteer(i, b, r) == 0 && match_title(i, b, r) == 0 &&
           match_nationality(i, b, r) == 0 && !pieces_[i].stop && !(pieces_[i].starts & kSkipCue);
  }

  // "the French leader", "the top Japanese official", "The French head of state":
  // a role noun without a name, referring back to a person. Returns the piece after
  // it, or i when there is none.
  uint32_t try_anaphor(uint32_t i, uint32_t b, uint32_t s) {
    static const std::unordered_set<std::string_view> kModifiers = {
        "top",   "senior",  "former",    "then",      "current",   "visiting",
        "new",   "veteran", "outgoing",  "embattled", "incumbent", "powerful",
        "chief", "alleged", "suspected", "accused"};
    uint32_t j = i + 1;
    while (j < b && pieces_[j].gap != 0 && kModifiers.count(pieces_[j].key)) ++j;
    int nat = -1;
    if (j < b && pieces_[j].gap != 0) {
      int r;
      size_t len = match_nationality(j, b, r);
      if (len > 0) {
        nat = r;
        j += static_cast<uint32_t>(len);
      }
    }
    if (j >= b || pieces_[j].gap == 0) return i;
    int cls = -1;
    if (!(pieces_[j].starts & kStartsAnaphor)) return i;
    size_t len = longest(lex_.anaphors, lex_.max_anaphor, j, b, cls,
                         [](TitleClass, uint32_t, uint32_t) { return true; });
    if (len == 0) return i;
    uint32_t last = j + static_cast<uint32_t>(len) - 1;
    // A name right after makes it a title ("the French President Emmanuel Macron").
    if (last + 1 < b && pieces_[last + 1].cap && pieces_[last + 1].gap == 1) return i;
    Anaphor an;
    an.span = {pieces_[i].span.begin, pieces_[last].name_end};
    an.sentence = s;
    an.cls = cls;
    for (uint32_t k = j; k <= last; ++k) {
      if (!an.noun.empty()) an.noun.push_back(' ');
      an.noun += pieces_[k].key;
    }
    an.nat = nat;
    anaphors_.push_back(an);
    return last + 1;
  }

  // Builds the run starting at piece i, turns it into mentions; returns its end.
  uint32_t run_at(uint32_t i, uint32_t b, uint32_t s, bool headline, int prev_end,
                  uint32_t prev_start) {
    std::vector<Segment> segs;
    bool has_org_cue = false;
    uint32_t j = i;
    while (j < b) {
      const Piece& p = pieces_[j];
      if (j > i && p.gap == 0) break;
      // A possessive ends a name ("Quill's crews") except before the institution it
      // names: "St Brenna's Hospital", "King's College".
      if (j > i && pieces_[j - 1].possessive &&
          !(p.cap && kInstitutions.count(p.key) && !segs.empty() &&
            segs.back().kind == Seg::kUnk)) {
        break;
      }
      size_t g = 0, t = 0, n = 0;
      int gr = -1, tr = -1, nr = -1;
      g = match_gazetteer(j, b, gr);
      t = match_title(j, b, tr);
      if (t > 0 && !p.cap && j > i) t = 0;  // lower-case titles only open a run
      n = match_nationality(j, b, nr);
      size_t best = std::max({g, t, n});
      if (best > 0 && (p.cap || j == i)) {
        Segment seg{Seg::kGaz, j, static_cast<uint32_t>(j + best - 1), gr};
        if (t == best)
          seg = {Seg::kTitle, j, seg.last, tr};
        else if (n == best && g < best)
          seg = {Seg::kNat, j, seg.last, nr};
        else if (n == best && g == best) {
          // "Japanese" is both; a nationality reads better before a title.
          seg = {Seg::kNat, j, seg.last, nr};
        }
        // "Gulf" of "Gulf of Mexico Fishery Council" opens a name like a cue word.
        if (seg.kind == Seg::kGaz && is_cue(pieces_[seg.last])) has_org_cue = true;
        segs.push_back(seg);
        j = seg.last + 1;
        continue;
      }
      // A month or weekday name is a given name between a title and a name: "Gov. Jan
      // Brewer", "Rep. June Smith".
      const bool skip_as_given =
          (p.starts & kSkipCue) && p.cap && !segs.empty() && segs.back().kind == Seg::kTitle &&
          segs.back().last + 1 == j && j + 1 < b && pieces_[j + 1].gap == 1 && pieces_[j + 1].cap &&
          !(pieces_[j + 1].starts & kSkipCue) && !function_word(pieces_[j + 1]);
      if (p.cap && !(p.stop && !p.caps) && (!(p.starts & kSkipCue) || skip_as_given)) {
        if (is_cue(p)) has_org_cue = true;
        if (!segs.empty() && segs.back().kind == Seg::kUnk && segs.back().last + 1 == j) {
          segs.back().last = j;
        } else {
          segs.push_back({Seg::kUnk, j, j, -1});
        }
        ++j;
        continue;
      }
      // A lower-case word hyphenated between capitalised ones is part of the name
      // ("Stratford-upon-Avon", "Chick-fil-A"); one hyphenated after a name is not
      // ("Biden-led", "Paris-based").
      if (!segs.empty() && segs.back().kind == Seg::kUnk && segs.back().last + 1 == j && p.gap == 2 &&
          j + 1 < b && pieces_[j + 1].gap == 2 && pieces_[j + 1].cap) {
        segs.back().last = j + 1;
        j += 2;
        continue;
      }
      if (segs.empty()) break;
      // Connectors inside names: "Ministry of Foreign Affairs", "Ambassador to the US".
      static const std::unordered_set<std::string_view> kParticles = {
          "de",  "du",  "des", "la", "le", "al",  "el",  "bin",
          "van", "von", "der", "da", "di", "del", "dos", "y"};
      bool after_title = segs.back().kind == Seg::kTitle;
      // Name particles join freely ("Lula da Silva"); "of", "for" and "and" only
      // inside organisation and place names ("Ministry of Health", "Gulf of Mexico"),
      // so "Bill Cassidy of Louisiana" stays a person and a place.
      bool and_org = p.key == "and" && !has_org_cue && and_joins_name(segs.back(), j, b);
      bool ok = kParticles.count(p.key) ||
                ((p.key == "of" || p.key == "for" || p.key == "and") && has_org_cue) ||
                (after_title && (p.key == "to" || p.key == "at" || p.key == "of")) || and_org;
      if (!ok) break;
      if (and_org) {
        // "Brackhaven Fire and Rescue": one organisation, its words typed by the cue.
        segs.back().last = j;
        segs.back().ref = -3;
        has_org_cue = true;
        j += 1;
        continue;
      }
      uint32_t k = j + 1;
      // "of the", "to the" inside a name; "and the" starts another ("the Treasury
      // Department and the Federal Reserve").
      if (k < b && pieces_[k].gap == 1 && pieces_[k].key == "the") {
        if (p.key == "and") break;
        ++k;
      }
      if (k >= b || pieces_[k].gap != 1 || !pieces_[k].cap || function_word(pieces_[k])) break;
      // The connector joins the UNK segment or the title's role.
      if (segs.back().kind == Seg::kUnk) {
        segs.back().last = k - 1;
      } else if (!after_title && !has_org_cue) {
        // "Japan of ..." is not a name; only unknown words and titles take connectors.
        if (segs.back().kind != Seg::kGaz) break;
        segs.push_back({Seg::kUnk, j, k - 1, -1});
      } else {
        segs.push_back({Seg::kUnk, j, k - 1, -2});  // -2: connector only
      }
      j = k;
    }
    if (segs.empty()) return i + 1;
    uint32_t end = segs.back().last + 1;
    interpret(segs, i, b, s, headline, prev_end, prev_start);
    return end;
  }

  // A given name: one WordNet knows as a person ("Michael", "Gerald"), a `given` row,
  // a name of given_names.tsv or a given name of gender.tsv.
  bool given_name(const Piece& p) const {
    if (lex_.given_names.count(p.key) || lex_.first_names.count(p.key) ||
        word_gender(p.key) != kGenderUnknown) {
      return true;
    }
    EntityType t;
    return wn_.instance_type(std::string(p.span.of(text_).substr(0, p.name_end - p.span.begin)),
                             t) &&
           t == EntityType::kPerson;
  }

  // True when the words of `full` after `first` only say it is a company ("Stores Inc",
  // "Holdings Ltd", "Corp."). `full` is a name's cluster key ("w:" and its surface).
  static bool company_tail(std::string_view full, std::string_view first) {
    static const std::unordered_set<std::string_view> kWords = {
        "stores",       "inc",        "corp",        "co",  "company", "corporation", "group",
        "holdings",     "ltd",        "llc",         "plc", "ag",      "sa",          "limited",
        "incorporated", "industries", "enterprises", "nv",  "gmbh"};
    if (full.starts_with("w:")) full.remove_prefix(2);
    if (!full.starts_with(first) || full.size() <= first.size() || full[first.size()] != ' ')
      return false;
    std::string_view rest = full.substr(first.size() + 1);
    while (!rest.empty()) {
      size_t sp = rest.find(' ');
      std::string w(rest.substr(0, sp));
      rest = sp == std::string_view::npos ? std::string_view{} : rest.substr(sp + 1);
      while (!w.empty() && w.back() == '.') w.pop_back();
      for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (!kWords.count(w)) return false;
    }
    return true;
  }

  // A given name of our lists: given_names.tsv, a gender.tsv name that is no common noun,
  // or a `given` row (a name that is also a common word: "Dick", "Mitt").
  bool listed_given_name(const Piece& p) const {
    if (lex_.first_names.count(p.key) || lex_.given_names.count(p.key)) return true;
    return word_gender(p.key) != kGenderUnknown && !common_noun(p);
  }

  // A common noun of the language ("Fire", "Rescue", "Gamble") rather than a name
  // WordNet knows ("Clinton", "Paris") or does not know at all ("Procter").
  bool common_noun(const Piece& p) const {
    if (wn_.synsets(p.key).empty()) return false;
    EntityType t;
    return !wn_.instance_type(std::string(p.span.of(text_).substr(0, p.name_end - p.span.begin)),
                              t);
  }

  // How many capitalised pieces have this key: names also written alone elsewhere
  // ("Trump said") are people or places in a list, not halves of one name.
  size_t cap_count(const std::string& key) const {
    if (cap_counts_.empty()) {
      for (const Piece& q : pieces_) {
        if (q.cap && !q.initial) ++cap_counts_[q.key];
      }
      cap_counts_[""] = 0;  // built
    }
    auto it = cap_counts_.find(key);
    return it == cap_counts_.end() ? 0 : it->second;
  }

  size_t pair_count(const std::string& left, const std::string& right) const {
    size_t n = 0;
    for (size_t q = 0; q + 2 < pieces_.size(); ++q) {
      n += pieces_[q].key == left && pieces_[q + 1].key == "and" && pieces_[q + 2].key == right;
    }
    return n;
  }

  // "X and Y" as one name: "Brackhaven Fire and Rescue", "Marks and Spencer", "Food and
  // Drug Administration"; not "Britain and France" (known places) nor "Obama and
  // Biden" (two names). `j` is the "and" after the unknown segment `left`.
  bool and_joins_name(const Segment& left, uint32_t j, uint32_t b) const {
    if (left.kind != Seg::kUnk || left.ref != -1 || left.last + 1 != j || j == 0) return false;
    const Piece& l = pieces_[j - 1];
    if (!l.cap || l.caps || l.possessive) return false;
    uint32_t k = j + 1;
    uint32_t m = 0;
    bool cue = false;
    while (k + m < b && pieces_[k + m].gap == 1 && pieces_[k + m].cap && !pieces_[k + m].caps &&
           unknown_at(k + m, b)) {
      cue = cue || (pieces_[k + m].starts & kOrgCue) != 0;
      // A possessive ends the name after "and": "Fire and Rescue's", but not "Primary
      // and St Brenna's ..." (a second name of its own).
      if (pieces_[k + m++].possessive) break;
    }
    if (m == 0) return false;
    if (cue) return true;
    if (m != 1) return false;
    const Piece& r = pieces_[k];
    bool lc = common_noun(l), rc = common_noun(r);
    if (lc && rc) return true;
    // Otherwise the two words must never be written apart, and two names ("Marks and
    // Spencer", "Procter and Gamble") must come together more than once: two people
    // named side by side once ("Wrenn and Pirelli said") stay two.
    size_t pairs = pair_count(l.key, r.key);
    if (!lc && !rc && pairs < 2) return false;
    return cap_count(l.key) <= pairs && cap_count(r.key) <= pairs;
  }

  bool segment_has_cue(const Segment& sg, bool& place) const {
    bool org = false;
    place = false;
    for (uint32_t k = sg.first; k <= sg.last; ++k) {
      if (pieces_[k].starts & kOrgCue) org = true;
    }
    if (pieces_[sg.last].starts & kPlaceCue) place = true;
    return org;
  }

  std::string words(uint32_t first, uint32_t last) const {
    std::string out;
    uint32_t begin = pieces_[first].span.begin;
    uint32_t end = pieces_[last].name_end;
    bool space = false;
    for (uint32_t k = begin; k < end; ++k) {
      char c = text_[k];
      size_t n = space_at(text_, k);
      if (n > 0 || c == '\n') {
        space = true;
        k += n > 1 ? static_cast<uint32_t>(n - 1) : 0;
        continue;
      }
      if (space && !out.empty()) out.push_back(' ');
      space = false;
      out.push_back(c);
    }
    return out;
  }

  // "Chief Fire Officer", "Deputy Police Commissioner": two titles with only title
  // modifiers between them are one title, so the modifiers do not become a name (or,
  // for cue words like "Police", an organisation).
  void merge_compound_titles(std::vector<Segment>& segs) const {
    size_t k = 0;
    while (k + 2 < segs.size()) {
      bool merge = segs[k].kind == Seg::kTitle && segs[k + 1].kind == Seg::kUnk &&
                   segs[k + 1].ref == -1 && segs[k + 2].kind == Seg::kTitle &&
                   segs[k + 1].last - segs[k + 1].first <= 2;
      for (uint32_t q = segs[k + 1].first; merge && q <= segs[k + 1].last; ++q) {
        merge = lex_.title_modifiers.count(pieces_[q].key) > 0;
      }
      if (!merge) {
        ++k;
        continue;
      }
      // The merged title may take another modifier and title: stay at k.
      segs[k] = {Seg::kTitle, segs[k].first, segs[k + 2].last, segs[k + 2].ref};
      segs.erase(segs.begin() + static_cast<long>(k) + 1, segs.begin() + static_cast<long>(k) + 3);
    }
  }

  // segs[from..to] become one name segment with `ref` (-1 a name, -3 a cued name).
  static void merge_segments(std::vector<Segment>& segs, size_t from, size_t to, int ref) {
    segs[from] = {Seg::kUnk, segs[from].first, segs[to].last, ref};
    segs.erase(segs.begin() + static_cast<long>(from) + 1,
               segs.begin() + static_cast<long>(to) + 1);
  }

  void interpret(std::vector<Segment>& segs, uint32_t run_start, uint32_t b, uint32_t s,
                 bool headline, int prev_end, uint32_t prev_start) {
    merge_compound_titles(segs);
    // A name that ends in its connector takes in the known name after it ("Eastern
    // District of New York", "University of Iowa"): "of" never ends a name.
    for (size_t k = 0; k + 1 < segs.size(); ++k) {
      const std::string& last = pieces_[segs[k].last].key;
      if (segs[k].kind != Seg::kUnk || segs[k].last == segs[k].first ||
          (last != "of" && last != "for") || segs[k + 1].kind != Seg::kGaz ||
          segs[k + 1].first != segs[k].last + 1)
        continue;
      merge_segments(segs, k, k + 1, -3);
    }
    // Names with an organisation cue swallow the nationalities, places and titles
    // around them: "Chinese Ministry of Foreign Affairs", "Japan Coast Guard".
    for (size_t k = 0; k < segs.size(); ++k) {
      bool place = false;
      if (segs[k].kind != Seg::kUnk || !segment_has_cue(segs[k], place)) continue;
      size_t from = k, to = k;
      while (from > 0 && segs[from - 1].kind != Seg::kTitle) --from;
      while (to + 1 < segs.size() &&
             (segs[to + 1].kind == Seg::kUnk || segs[to + 1].kind == Seg::kGaz) &&
             !(segs[to + 1].kind == Seg::kUnk && segs[to + 1].ref != -2 && to + 2 < segs.size() &&
               segs[to + 2].kind == Seg::kTitle)) {
        ++to;
      }
      // A title right before a cue name is part of it ("General Motors").
      if (from == k && from > 0 && segs[from - 1].kind == Seg::kTitle &&
          segs[from - 1].last + 1 == segs[k].first) {
        --from;
        while (from > 0 && segs[from - 1].kind != Seg::kTitle) --from;
      }
      merge_segments(segs, from, to, -3);  // -3: cued
      k = from;
    }
    // A one-word place before one or two more capitalised words: with a place cue it is
    // a longer place ("Iowa City", "Kansas City"); when the place is also a given name
    // and a surname-shaped word follows, a person ("Virginia Foxx", "Georgia Harrison");
    // "Texas Rangers", "Chicago Cubs" end in common nouns and stay a place and a name.
    for (size_t k = 0; k + 1 < segs.size(); ++k) {
      const Segment& g = segs[k];
      const Segment& n = segs[k + 1];
      if (g.kind != Seg::kGaz || g.first != g.last ||
          lex_.entries[g.ref].type != EntityType::kPlace || n.kind != Seg::kUnk || n.ref != -1 ||
          n.first != g.last + 1 || pieces_[n.first].gap != 1 || n.last - n.first > 1 ||
          pieces_[g.first].caps) {
        continue;
      }
      bool place = false;
      if (segment_has_cue(n, place)) continue;
      if (!place &&
          (!person_like_run(n) || common_noun(pieces_[n.first]) || common_noun(pieces_[n.last]))) {
        continue;
      }
      merge_segments(segs, k, k + 1, -1);
    }
    // A given name, or any name after a title, before a one-word organisation is a
    // person named like it ("Mayor Michael Bloomberg", "Gerald Ford").
    for (size_t k = 0; k + 1 < segs.size(); ++k) {
      const Segment& g = segs[k];
      const Segment& n = segs[k + 1];
      if (g.kind != Seg::kUnk || g.ref != -1 || g.first != g.last || n.kind != Seg::kGaz ||
          n.first != n.last || n.first != g.last + 1 || pieces_[n.first].gap != 1 ||
          lex_.entries[n.ref].type != EntityType::kOrganisation || !person_like_run(g) ||
          common_noun(pieces_[g.first])) {
        continue;
      }
      const bool titled =
          k > 0 && segs[k - 1].kind == Seg::kTitle && segs[k - 1].last + 1 == g.first;
      if (!titled && !given_name(pieces_[g.first])) {
        continue;
      }
      merge_segments(segs, k, k + 1, -1);
    }
    uint32_t role_from = run_start;
    bool role_from_prev = false;
    // An adjacent previous run joins the role: "China's Defense Minister Li Shangfu",
    // "Pentagon chief Lloyd Austin".
    if (prev_end >= 0 && static_cast<uint32_t>(prev_end) + 1 == run_start &&
        pieces_[run_start].gap == 1 && (pieces_[prev_end].possessive || !pieces_[run_start].cap)) {
      role_from_prev = true;
    }
    int pending_nat = -1;
    int run_nat = -1;
    if (role_from_prev) run_nat = nationality_of_run(prev_start, static_cast<uint32_t>(prev_end));
    for (size_t k = 0; k < segs.size(); ++k) {
      Segment& sg = segs[k];
      if (sg.kind == Seg::kTitle) {
        // The name after the title, maybe past "to the US".
        size_t name = k + 1;
        size_t gaz_in_role = SIZE_MAX;
        if (name < segs.size() && segs[name].kind == Seg::kUnk && segs[name].ref == -2 &&
            name + 2 < segs.size() && segs[name + 1].kind == Seg::kGaz &&
            segs[name + 2].kind == Seg::kUnk) {
          gaz_in_role = name + 1;
          name += 2;
        }
        bool place = false;
        if (name < segs.size() && segs[name].kind == Seg::kUnk && segs[name].ref == -1 &&
            !segment_has_cue(segs[name], place) && !place &&
            segs[name].last - segs[name].first < 4) {
          uint32_t role_end = gaz_in_role != SIZE_MAX ? segs[gaz_in_role].last : sg.last;
          uint32_t rf = role_from_prev ? prev_start : role_from;
          Raw r = name_mention(segs[name], s, headline);
          r.title = sg.ref;
          r.votes[type_index(EntityType::kPerson)] += 4;
          if (sg.ref != kHonorific) {
            r.role = words(rf, role_end);
            if (role_from_prev && pieces_[prev_end].possessive) {
              // words() stops at name_end only for the last piece; keep "China's".
              r.role = std::string(text_.substr(
                  pieces_[rf].span.begin, pieces_[role_end].name_end - pieces_[rf].span.begin));
              collapse_spaces(r.role);
            }
            r.role_nat = pending_nat >= 0 ? pending_nat : run_nat;
          }
          for (size_t q = k + 1; q < name; ++q) {
            if (segs[q].kind == Seg::kGaz) emit_gazetteer(segs[q], s, headline, &r.role_nat);
          }
          raws_.push_back(std::move(r));
          after_run(segs[name], b, s);
          role_from = segs[name].last + 1;
          role_from_prev = false;
          pending_nat = -1;
          k = name;
          continue;
        }
        continue;  // a title alone names nobody
      }
      // Is this segment part of a role (a title follows later, before any name)?
      bool in_role = false;
      for (size_t q = k + 1; q < segs.size(); ++q) {
        if (segs[q].kind == Seg::kTitle) {
          in_role = true;
          break;
        }
        if (segs[q].kind == Seg::kUnk && segs[q].ref != -2) break;
      }
      if (sg.kind == Seg::kNat) {
        if (in_role) {
          pending_nat = sg.ref;
        } else {
          emit_nationality(sg, s, headline);
        }
      } else if (sg.kind == Seg::kGaz) {
        int nat = -1;
        emit_gazetteer(sg, s, headline, &nat);
        if (in_role) pending_nat = nat;
      } else if (sg.ref != -2 && !in_role) {
        Raw r = name_mention(sg, s, headline);
        bool place = false;
        bool org = sg.ref == -3 || segment_has_cue(sg, place);
        if (org) r.votes[type_index(EntityType::kOrganisation)] += 3;
        if (place && !org) r.votes[type_index(EntityType::kPlace)] += 3;
        if (pieces_[sg.first].caps && sg.first == sg.last) {
          r.votes[type_index(EntityType::kOrganisation)] += 1;
        }
        EntityType wt;
        bool known = wn_.instance_type(r.surface, wt);
        if (known) r.votes[type_index(wt)] += 2;
        if (!org && !place && !known) {
          uint32_t n = sg.last - sg.first + 1;
          // "Halvern Marine Terminals", "Harbour Lights": a person's name does not end in
          // a plural common noun (a two-word one may: "Tiger Woods").
          if (n >= 2 && plural_common(pieces_[sg.last])) {
            r.votes[type_index(EntityType::kOrganisation)] += n >= 3 ? 2 : 1;
          } else if (n == 1 && r.after_the) {
            // "the Klaxon", "the Ledger": people are not named with an article.
            r.votes[type_index(EntityType::kOrganisation)] += 1;
          } else if (n >= 2 && n <= 3 && person_like_run(sg) && appositive_person(sg.last, b)) {
            // "Teodor Brannagh, the union's regional secretary", "Kerry Dunmore, 34,".
            r.votes[type_index(EntityType::kPerson)] += 2;
          } else if (n >= 2 && n <= 3 && person_like_run(sg) &&
                     listed_given_name(pieces_[sg.first])) {
            // "Michael Bloomberg", "Cesar Sayoc", "Dick Blumenthal": a given name we list
            // opens the pair.
            r.votes[type_index(EntityType::kPerson)] += 1;
          } else if (n >= 2 && n <= 3 && person_like_run(sg) && pieces_[sg.last].possessive &&
                     !common_noun(pieces_[sg.first])) {
            // "Ilka Dorrance's plan": a possessive on a name-shaped pair whose first
            // word is no common word (not "Port Kessel's berths").
            r.votes[type_index(EntityType::kPerson)] += 1;
          }
        }
        raws_.push_back(std::move(r));
        after_run(sg, b, s);
      }
    }
  }

  static inline const std::unordered_set<std::string_view> kInstitutions = {
      "hospital", "college",   "church",     "cathedral", "chapel", "school",
      "academy",  "infirmary", "university", "abbey",     "park",   "square",
      "street",   "road",      "bridge",     "island",    "bay"};

  bool plural_common(const Piece& p) const {
    if (p.key.size() < 4 || p.key.back() != 's' || p.possessive || p.caps) return false;
    std::string_view k = p.key;
    if (k.ends_with("ss") || k.ends_with("us") || k.ends_with("is")) return false;
    return common_noun(p);
  }

  // Words shaped like a personal name: each capitalised, none in capitals, none a
  // cue or a stopword.
  bool person_like_run(const Segment& sg) const {
    for (uint32_t k = sg.first; k <= sg.last; ++k) {
      const Piece& p = pieces_[k];
      if (!p.cap || p.caps || p.stop || is_cue(p)) return false;
    }
    return true;
  }

  // A comma after the name, then an age ("34,") or a short noun phrase holding a
  // role noun ("the union's regional secretary", "a spokesman for ...").
  bool appositive_person(uint32_t last, uint32_t b) const {
    uint32_t k = last + 1;
    if (k >= b) return false;
    uint32_t from = pieces_[last].span.end;
    uint32_t to = pieces_[k].span.begin;
    if (from >= to || text_[from] != ',' || (to > from + 1 && !only_spaces(text_, from + 1, to))) {
      return false;
    }
    const Token& t = out_.tokens[pieces_[k].token];
    if (t.is_number) {
      if (pieces_[k].key.size() > 3) return false;
      uint32_t end = pieces_[k].span.end;
      return end >= text_.size() || text_[end] == ',' || text_[end] == '.' || text_[end] == ')';
    }
    const std::string& first = pieces_[k].key;
    if (first != "the" && first != "a" && first != "an" && !pieces_[k].possessive &&
        first != "his" && first != "her" && first != "their" && first != "its" &&
        // ", leader of the opposition", ", spokesman for the ministry"
        !(!pieces_[k].cap && k + 1 < b &&
          (pieces_[k + 1].key == "of" || pieces_[k + 1].key == "for" ||
           pieces_[k + 1].key == "at"))) {
      return false;
    }
    for (uint32_t q = k; q < b && q < k + 6; ++q) {
      if (q > k && pieces_[q].gap == 0) break;  // a comma or a dash ends the phrase
      const std::string& key = pieces_[q].key;
      if (lex_.anaphors.count(key) || lex_.titles.count(key) || kPersonNouns.count(key)) {
        auto it = lex_.titles.find(key);
        if (it != lex_.titles.end() && it->second.caps) continue;
        return true;
      }
    }
    return false;
  }

  // Role nouns for people that are not titles (a title may stand before a name).
  static inline const std::unordered_set<std::string_view> kPersonNouns = {
      "secretary",  "spokesman", "spokeswoman", "spokesperson", "resident",  "worker",
      "mother",     "father",    "son",         "daughter",     "wife",      "husband",
      "owner",      "manager",   "employee",    "member",       "student",   "teacher",
      "researcher", "professor", "lawyer",      "attorney",     "analyst",   "economist",
      "engineer",   "author",    "writer",      "candidate",    "activist",  "survivor",
      "witness",    "victim",    "organiser",   "organizer",    "executive", "historian"};

  static void collapse_spaces(std::string& s) {
    std::string out;
    bool space = false;
    for (size_t k = 0; k < s.size(); ++k) {
      char c = s[k];
      size_t n = space_at(s, k);
      if (n > 0 || c == '\n') {
        space = true;
        k += n > 1 ? n - 1 : 0;
        continue;
      }
      if (space && !out.empty()) out.push_back(' ');
      space = false;
      out.push_back(c);
    }
    s = std::move(out);
  }

  int nationality_of_run(uint32_t first, uint32_t last) const {
    for (uint32_t k = first; k <= last; ++k) {
      int r = -1;
      if (match_nationality(k, last + 1, r) > 0) return r;
      if (match_gazetteer(k, last + 1, r) > 0) return lex_.entries[r].nationality;
    }
    return -1;
  }

  Raw name_mention(const Segment& sg, uint32_t s, bool headline) const {
    Raw r;
    r.span = {pieces_[sg.first].span.begin, pieces_[sg.last].name_end};
    r.sentence = s;
    r.kind = Kind::kName;
    r.surface = words(sg.first, sg.last);
    r.weak = headline;
    // Not "the Brackhaven terminal", where the name only qualifies a noun.
    r.after_the =
        sg.first > 0 && pieces_[sg.first].gap == 1 && pieces_[sg.first - 1].key == "the" &&
        pieces_[sg.first - 1].sentence == s &&
        (sg.last + 1 >= pieces_.size() || pieces_[sg.last + 1].sentence != s ||
         pieces_[sg.last + 1].gap != 1 || (pieces_[sg.last + 1].starts & kSpeechCue) != 0);
    return r;
  }

  void emit_gazetteer(const Segment& sg, uint32_t s, bool headline, int* nat) {
    Raw r;
    r.span = {pieces_[sg.first].span.begin, pieces_[sg.last].name_end};
    r.sentence = s;
    r.kind = Kind::kGaz;
    r.ref = sg.ref;
    r.surface = words(sg.first, sg.last);
    r.weak = false;  // known names are safe even in headlines
    if (nat && *nat < 0) *nat = lex_.entries[sg.ref].nationality;
    raws_.push_back(std::move(r));
  }

  void emit_nationality(const Segment& sg, uint32_t s, bool headline) {
    Raw r;
    r.span = {pieces_[sg.first].span.begin, pieces_[sg.last].name_end};
    r.sentence = s;
    r.kind = Kind::kNat;
    r.ref = sg.ref;
    r.surface = words(sg.first, sg.last);
    raws_.push_back(std::move(r));
  }

  // Cues right after (or before) a name: a speech verb, an "(ACRONYM)".
  void after_run(const Segment& sg, uint32_t b, uint32_t s) {
    Raw& r = raws_.back();
    uint32_t next = sg.last + 1;
    if (next < b && (pieces_[next].starts & kSpeechCue)) {
      // "Tanaka said", and the appositive "the skipper, Arne Holt, said".
      uint32_t from = pieces_[sg.last].span.end;
      std::string_view between = text_.substr(from, pieces_[next].span.begin - from);
      if (pieces_[next].gap == 1 || (!between.empty() && between[0] == ',' &&
                                     only_spaces(text_, from + 1, pieces_[next].span.begin))) {
        r.speech = true;
      }
    }
    if (sg.first > 0 && pieces_[sg.first].gap == 1 && pieces_[sg.first - 1].sentence == s &&
        (pieces_[sg.first - 1].starts & kSpeechCue)) {
      r.speech = true;
    }
    if (r.speech && !pieces_[sg.first].caps) r.votes[type_index(EntityType::kPerson)] += 1;
    // "Tomasz Wrenn and Aldo Pirelli said": the verb speaks for both names.
    if (r.speech && sg.first >= 2 && pieces_[sg.first - 1].key == "and" &&
        pieces_[sg.first].gap == 1 && pieces_[sg.first - 1].gap == 1 && raws_.size() >= 2) {
      Raw& left = raws_[raws_.size() - 2];
      if (left.kind == Kind::kName && left.span.end == pieces_[sg.first - 2].name_end &&
          !left.speech && left.surface.find(' ') != std::string::npos) {
        left.speech = true;
        left.votes[type_index(EntityType::kPerson)] += 1;
      }
    }
    // "Quadrilateral Security Dialogue (QUAD)": the acronym names the same entity.
    if (next < pieces_.size() && sg.last > sg.first && pieces_[next].caps &&
        pieces_[next].sentence == s) {
      std::string_view between = text_.substr(pieces_[sg.last].span.end,
                                              pieces_[next].span.begin - pieces_[sg.last].span.end);
      size_t after_end = pieces_[next].span.end;
      while (!between.empty() && space_at(between, 0) > 0)
        between.remove_prefix(space_at(between, 0));
      if (between == "(" && after_end < text_.size() && text_[after_end] == ')' &&
          std::tolower(static_cast<unsigned char>(pieces_[next].key[0])) ==
              std::tolower(static_cast<unsigned char>(text_[r.span.begin]))) {
        acronyms_.push_back({static_cast<uint32_t>(raws_.size() - 1), next});
      }
    }
  }

  // ---- coreference ----------------------------------------------------------------

  // Written variants of one name, joined:
  // - an acronym, dotted or not, made of the initials of one multi-word name in the
  //   text ("Internal Revenue Service ... the IRS ... the I.R.S.");
  // - a name without its middle initials or suffix ("Michael G. Grimm ... Michael
  //   Grimm", "Cesar Sayoc Jr. ... Cesar Sayoc");
  // - a word alone that begins the one multi-word organisation of the gazetteer named
  //   in the text and names nothing else ("House of Representatives ... the House").
  void join_variants(const std::vector<int>& raw_id, const std::vector<int>& person_votes) {
    auto acronym = [&](const std::string& s) -> std::string {
      std::string letters;
      for (char c : s) {
        if (c == '.') continue;
        if (!std::isupper(static_cast<unsigned char>(c))) return {};
        letters += c;
      }
      return letters.size() >= 2 && letters.size() <= 6 ? letters : std::string();
    };
    std::unordered_map<std::string, std::vector<int>> by_initials, by_plain;
    std::unordered_map<std::string, std::vector<int>> gaz_by_first;
    auto add = [](std::vector<int>& v, int id) {
      if (std::find(v.begin(), v.end(), id) == v.end()) v.push_back(id);
    };
    for (size_t k = 0; k < raws_.size(); ++k) {
      const Raw& r = raws_[k];
      const std::vector<std::string_view> w = space_words(r.surface);
      if (w.size() < 2) continue;
      if (r.kind == Kind::kGaz && lex_.entries[r.ref].type == EntityType::kOrganisation)
        add(gaz_by_first[std::string(w[0])], raw_id[k]);
      if (r.kind != Kind::kName) continue;
      std::string initials, plain;
      size_t plain_words = 0;
      for (std::string_view x : w) {
        if (std::isupper(static_cast<unsigned char>(x[0]))) initials += x[0];
        bool initial =
            x.size() == 2 && x[1] == '.' && std::isupper(static_cast<unsigned char>(x[0]));
        bool suffix = x == "Jr." || x == "Jr" || x == "Sr." || x == "Sr" || x == "II" ||
                      x == "III" || x == "IV";
        if (initial || suffix) continue;
        if (!plain.empty()) plain += ' ';
        plain += x;
        ++plain_words;
      }
      if (initials.size() >= 2) add(by_initials[initials], raw_id[k]);
      if (plain_words >= 2) add(by_plain[plain], raw_id[k]);
    }
    // Joins `id` to the candidates when they are all one entity (apart from `id` itself).
    auto unite_one = [&](int id, const std::vector<int>& cands) {
      int root = -1;
      for (int c : cands) {
        if (find(c) == find(id)) continue;
        if (root >= 0 && find(c) != root) return;
        root = find(c);
      }
      if (root >= 0) unite(id, root);
    };
    std::unordered_map<std::string, int> acronym_seen;
    for (size_t k = 0; k < raws_.size(); ++k) {
      const Raw& r = raws_[k];
      if (r.kind != Kind::kName) continue;
      if (std::string a = acronym(r.surface); !a.empty()) {
        auto [it, fresh] = acronym_seen.emplace(a, raw_id[k]);
        if (!fresh) unite(raw_id[k], it->second);
        if (auto c = by_initials.find(a); c != by_initials.end()) unite_one(raw_id[k], c->second);
        continue;
      }
      if (r.surface.find(' ') == std::string::npos) {
        if (person_votes[raw_id[k]] > 0 || !std::isalnum(static_cast<unsigned char>(r.surface[0])))
          continue;
        if (auto c = gaz_by_first.find(r.surface); c != gaz_by_first.end())
          unite_one(raw_id[k], c->second);
        continue;
      }
      if (auto c = by_plain.find(r.surface); c != by_plain.end()) unite_one(raw_id[k], c->second);
    }
  }

  std::string cluster_key(const Raw& r) const {
    switch (r.kind) {
      case Kind::kGaz:
        return "g:" + std::to_string(r.ref);
      case Kind::kNat:
        return "n:" + std::to_string(r.ref);
      default:
        return "w:" + r.surface;
    }
  }

  int find(int x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  void unite(int a, int b) {
    a = find(a);
    b = find(b);
    if (a != b) parent_[std::max(a, b)] = std::min(a, b);
  }

  void cluster() {
    std::unordered_map<std::string, int> ids;
    std::vector<int> raw_id(raws_.size());
    std::vector<std::string> keys;
    for (size_t k = 0; k < raws_.size(); ++k) {
      std::string key = cluster_key(raws_[k]);
      auto [it, fresh] = ids.emplace(key, static_cast<int>(keys.size()));
      if (fresh) keys.push_back(key);
      raw_id[k] = it->second;
    }
    parent_.resize(keys.size());
    std::iota(parent_.begin(), parent_.end(), 0);
    // Acronyms defined in the text ("Quadrilateral Security Dialogue (QUAD)") join
    // the name before them.
    for (auto [raw, piece] : acronyms_) {
      uint32_t begin = pieces_[piece].span.begin;
      for (size_t k = raw + 1; k < raws_.size(); ++k) {
        if (raws_[k].span.begin == begin) {
          unite(raw_id[raw], raw_id[k]);
          break;
        }
      }
    }
    // Surname (or any single word) of a multi-word name: "Macron" joins "Emmanuel
    // Macron". Candidates are names that no cue calls an organisation or a place.
    std::vector<int> person_votes(keys.size(), 0), other_votes(keys.size(), 0);
    for (size_t k = 0; k < raws_.size(); ++k) {
      const Raw& r = raws_[k];
      person_votes[raw_id[k]] += r.votes[type_index(EntityType::kPerson)];
      other_votes[raw_id[k]] +=
          r.votes[type_index(EntityType::kOrganisation)] + r.votes[type_index(EntityType::kPlace)];
    }
    std::unordered_map<std::string, std::vector<int>> by_word;  // word -> multiword names
    for (size_t k = 0; k < raws_.size(); ++k) {
      const Raw& r = raws_[k];
      if (r.kind != Kind::kName || r.surface.find(' ') == std::string::npos) continue;
      if (other_votes[raw_id[k]] > person_votes[raw_id[k]]) continue;
      size_t pos = 0;
      while (pos < r.surface.size()) {
        size_t sp = r.surface.find(' ', pos);
        if (sp == std::string::npos) sp = r.surface.size();
        std::string w = r.surface.substr(pos, sp - pos);
        if (!w.empty() && is_upper_ascii(w[0]) | (static_cast<unsigned char>(w[0]) >= 0x80)) {
          auto& v = by_word[w];
          if (std::find(v.begin(), v.end(), raw_id[k]) == v.end()) v.push_back(raw_id[k]);
        }
        pos = sp + 1;
      }
    }
    for (size_t k = 0; k < raws_.size(); ++k) {
      const Raw& r = raws_[k];
      if (r.kind != Kind::kName || r.surface.find(' ') != std::string::npos) continue;
      auto it = by_word.find(r.surface);
      if (it == by_word.end()) continue;
      // Prefer a person, then the earliest.
      int best = -1;
      for (int cand : it->second) {
        if (best < 0 || person_votes[find(cand)] > person_votes[find(best)]) best = cand;
      }
      unite(raw_id[k], best);
    }
    join_variants(raw_id, person_votes);
    // "Mayor Michael Bloomberg ... Bloomberg said": a one-word organisation of the
    // gazetteer that is the surname of a person named in full is that person.
    {
      std::unordered_map<std::string, int> person_by_last;
      for (size_t k = 0; k < raws_.size(); ++k) {
        const Raw& r = raws_[k];
        size_t sp = r.surface.rfind(' ');
        if (r.kind != Kind::kName || sp == std::string::npos) continue;
        if (person_votes[raw_id[k]] == 0 || other_votes[raw_id[k]] > 0) continue;
        person_by_last.emplace(r.surface.substr(sp + 1), raw_id[k]);
      }
      std::unordered_map<int, int> person_of_id;
      for (size_t k = 0; k < raws_.size() && !person_by_last.empty(); ++k) {
        const Raw& r = raws_[k];
        if (r.kind != Kind::kGaz || lex_.entries[r.ref].type != EntityType::kOrganisation) continue;
        auto it = person_by_last.find(r.surface);
        if (it != person_by_last.end()) person_of_id.emplace(raw_id[k], it->second);
      }
      for (size_t k = 0; k < raws_.size() && !person_of_id.empty(); ++k) {
        auto it = person_of_id.find(raw_id[k]);
        if (it == person_of_id.end()) continue;
        Raw& r = raws_[k];
        r.kind = Kind::kName;
        r.ref = -1;
        r.votes = {};
        unite(raw_id[k], it->second);
      }
    }
    // "the Klaxon", "the Ledger", "the Court": the last word of the one organisation
    // named in full ("Daily Klaxon", "Supreme Court") that ends in it.
    std::unordered_map<std::string, std::vector<int>> by_last;
    for (size_t k = 0; k < raws_.size(); ++k) {
      const Raw& r = raws_[k];
      if (r.kind != Kind::kName) continue;
      size_t sp = r.surface.rfind(' ');
      if (sp == std::string::npos) continue;
      if (other_votes[raw_id[k]] <= person_votes[raw_id[k]]) continue;
      auto& v = by_last[r.surface.substr(sp + 1)];
      if (std::find(v.begin(), v.end(), raw_id[k]) == v.end()) v.push_back(raw_id[k]);
    }
    for (size_t k = 0; k < raws_.size() && !by_last.empty(); ++k) {
      const Raw& r = raws_[k];
      if (r.kind != Kind::kName || r.surface.find(' ') != std::string::npos) continue;
      if (!r.after_the && other_votes[raw_id[k]] == 0) continue;
      if (by_word.count(r.surface)) continue;  // a person's surname
      auto it = by_last.find(r.surface);
      if (it == by_last.end()) continue;
      int root = find(it->second[0]);
      bool one = true;
      for (int cand : it->second) one = one && find(cand) == root;
      if (one) unite(raw_id[k], root);
    }
    // "Halvern said": a first word that speaks is the short name of the one
    // organisation named in full that starts with it ("Halvern Marine Terminals");
    // a place ("Brackhaven", of "Brackhaven Fire and Rescue") does not speak.
    std::unordered_map<std::string, std::vector<int>> by_first;
    for (size_t k = 0; k < raws_.size(); ++k) {
      const Raw& r = raws_[k];
      if (r.kind != Kind::kName) continue;
      size_t sp = r.surface.find(' ');
      if (sp == std::string::npos || other_votes[raw_id[k]] <= person_votes[raw_id[k]]) continue;
      auto& v = by_first[r.surface.substr(0, sp)];
      if (std::find(v.begin(), v.end(), raw_id[k]) == v.end()) v.push_back(raw_id[k]);
    }
    std::unordered_set<int> speaking;
    for (size_t k = 0; k < raws_.size(); ++k) {
      if (raws_[k].speech) speaking.insert(raw_id[k]);
    }
    // So is it when the rest of that name only says it is a company ("Wal-Mart" of
    // "Wal-Mart Stores Inc.", "Kessel" of "Kessel Holdings Ltd"), speaking or not.
    for (size_t k = 0; k < raws_.size() && !by_first.empty(); ++k) {
      const Raw& r = raws_[k];
      if (r.kind != Kind::kName || r.surface.find(' ') != std::string::npos) continue;
      if (by_word.count(r.surface)) continue;
      auto it = by_first.find(r.surface);
      if (it == by_first.end()) continue;
      int root = find(it->second[0]);
      bool one = true;
      for (int cand : it->second) one = one && find(cand) == root;
      if (!one) continue;
      if (!speaking.count(raw_id[k]) && !company_tail(keys[it->second[0]], r.surface)) continue;
      unite(raw_id[k], root);
      raws_[k].votes[type_index(EntityType::kPerson)] = 0;  // speaking made it look like one
    }

    // Entities from clusters.
    struct Acc {
      int first_raw = -1;
      std::array<int, 6> votes{};
      int gaz = -1, nat = -1;
      bool strong = false;
      uint32_t classes = 0;
      std::vector<int> nats;
    };
    std::unordered_map<int, Acc> accs;
    std::vector<int> order;
    for (size_t k = 0; k < raws_.size(); ++k) {
      int root = find(raw_id[k]);
      auto [it, fresh] = accs.emplace(root, Acc{});
      Acc& a = it->second;
      const Raw& r = raws_[k];
      if (fresh) order.push_back(root);
      if (a.first_raw < 0 || r.span.begin < raws_[a.first_raw].span.begin) {
        a.first_raw = static_cast<int>(k);
      }
      for (int t = 0; t < 6; ++t) a.votes[t] += r.votes[t];
      if (r.kind == Kind::kGaz && a.gaz < 0) a.gaz = r.ref;
      if (r.kind == Kind::kNat && a.nat < 0) a.nat = r.ref;
      if (!r.weak) a.strong = true;
      if (r.title >= 0) a.classes |= 1u << r.title;
      if (r.role_nat >= 0) a.nats.push_back(r.role_nat);
    }
    std::sort(order.begin(), order.end(), [&](int x, int y) {
      return raws_[accs[x].first_raw].span.begin < raws_[accs[y].first_raw].span.begin;
    });
    std::unordered_map<int, int> entity_of;
    for (int root : order) {
      Acc& a = accs[root];
      if (!a.strong) continue;
      Entity e;
      if (a.gaz >= 0) {
        e.name = lex_.entries[a.gaz].name;
        e.type = lex_.entries[a.gaz].type;
        e.outlet = lex_.entries[a.gaz].media;
      } else if (a.nat >= 0) {
        e.name = lex_.nationalities[a.nat].adjective;
        e.type = EntityType::kNationality;
      } else {
        int best = -1, best_votes = 0;
        for (int t = 0; t < 6; ++t) {
          if (a.votes[t] > best_votes) {
            best = t;
            best_votes = a.votes[t];
          }
        }
        e.type = best < 0 ? EntityType::kOther : static_cast<EntityType>(best);
      }
      entity_of[root] = static_cast<int>(out_.entities.size());
      out_.entities.push_back(std::move(e));
      classes_.push_back(a.classes);
      nats_.push_back(a.nats);
    }
    for (size_t k = 0; k < raws_.size(); ++k) {
      auto it = entity_of.find(find(raw_id[k]));
      if (it == entity_of.end()) continue;
      Entity& e = out_.entities[it->second];
      const Raw& r = raws_[k];
      e.mentions.push_back({r.span, r.sentence, false});
      if (!r.role.empty() && std::find(e.roles.begin(), e.roles.end(), r.role) == e.roles.end()) {
        e.roles.push_back(r.role);
      }
      if (std::find(e.aliases.begin(), e.aliases.end(), r.surface) == e.aliases.end()) {
        e.aliases.push_back(r.surface);
      }
    }
    for (Entity& e : out_.entities) {
      if (e.name.empty()) {
        // The longest full form seen: most words, then most bytes; acronyms last.
        for (const std::string& s : e.aliases) {
          auto rank = [](const std::string& x) {
            return std::make_pair(all_caps(x) ? 0 : word_count(x), x.size());
          };
          if (e.name.empty() || rank(s) > rank(e.name)) e.name = s;
        }
      }
      std::erase(e.aliases, e.name);
      // A surname that WordNet knows as a place ("Raul Labrador ... Labrador") does not
      // make the person a place; a gazetteer place keeps its type ("Hong Kong").
      if ((e.type == EntityType::kOther ||
           (e.type == EntityType::kPlace && !lex_.gazetteer.count(phrase_key(e.name)))) &&
          surname_person(e)) {
        e.type = EntityType::kPerson;
      }
    }
    described_roles();
    resolve_anaphors();
    for (Entity& e : out_.entities) {
      std::sort(e.mentions.begin(), e.mentions.end(),
                [](const Mention& x, const Mention& y) { return x.span.begin < y.span.begin; });
      e.mentions.erase(
          std::unique(e.mentions.begin(), e.mentions.end(),
                      [](const Mention& x, const Mention& y) { return x.span == y.span; }),
          e.mentions.end());
    }
  }

  // "Kathy Griffin ... Griffin": an untyped name of two or three name-shaped words,
  // later called by its last word alone, whose first word is no common word (so not
  // "Port Kessel ... Kessel"), is a person.
  bool surname_person(const Entity& e) const {
    size_t words = 1;
    for (char c : e.name) words += c == ' ';
    if (words < 2 || words > 3) return false;
    size_t last = e.name.rfind(' ');
    std::string_view surname = std::string_view(e.name).substr(last + 1);
    if (std::find(e.aliases.begin(), e.aliases.end(), surname) == e.aliases.end()) return false;
    size_t pos = 0;
    std::string first;
    while (pos < e.name.size()) {
      size_t sp = e.name.find(' ', pos);
      if (sp == std::string::npos) sp = e.name.size();
      std::string_view w = std::string_view(e.name).substr(pos, sp - pos);
      if (w.starts_with("\"") || w.starts_with("“")) {  // a nickname: William "Mo" Cowan
        pos = sp + 1;
        continue;
      }
      // Name-shaped: a capital, then a lower-case letter or a dot ("J."), or non-ASCII.
      if (w.empty() || !is_upper_ascii(w[0])) return false;
      if (w.size() > 1 &&
          !(is_lower_ascii(w[1]) || w[1] == '.' || static_cast<unsigned char>(w[1]) >= 0x80)) {
        return false;
      }
      if (pos == 0) first = normalize(w);
      pos = sp + 1;
    }
    if (lex_.org_cues.count(phrase_key(surname)) || lex_.place_cues.count(phrase_key(surname))) {
      return false;
    }
    if (wn_.synsets(first).empty() || lex_.given_names.count(first)) return true;
    EntityType t;
    return wn_.instance_type(e.name.substr(0, e.name.find(' ')), t);
  }

  // 0: no; 1: the role fits and no nationality is known; 2: role and nationality fit.
  int role_matches(size_t e, const Anaphor& an) const {
    const Entity& ent = out_.entities[e];
    if (ent.type != EntityType::kPerson || ent.roles.empty()) return 0;
    int score = 2;
    if (an.nat >= 0) {
      const auto& ns = nats_[e];
      if (ns.empty()) {
        score = 1;
      } else if (std::find(ns.begin(), ns.end(), an.nat) == ns.end()) {
        return 0;
      }
    }
    // "the official" is anyone with an office, not a suspect or a victim; "the suspect"
    // is only the one the text calls so.
    if (an.cls == kAnyClass)
      return (classes_[e] & ~((1u << kDescribed) | (1u << kHonorific))) ? score : 0;
    if (an.cls != kDescribed && (classes_[e] & (1u << an.cls))) return score;
    for (const std::string& role : ent.roles) {
      if (phrase_key(role).find(an.noun) != std::string::npos) return score;
    }
    return 0;
  }

  // True when the name at `begin` (after any capitalised title words) follows a
  // preposition or a subordinator: "one day before Attorney General Jo Barr released",
  // "jabs at Vale". Such a name is seldom the subject a "He" in the next sentence
  // continues.
  bool object_of_connector(uint32_t begin) const {
    auto it = std::lower_bound(pieces_.begin(), pieces_.end(), begin,
                               [](const Piece& p, uint32_t pos) { return p.span.begin < pos; });
    size_t j = static_cast<size_t>(it - pieces_.begin());
    for (int words = 0; words < 6 && j < pieces_.size(); ++words) {
      if (j == 0 || pieces_[j].gap == 0) return false;  // a break: nothing joins it
      const Piece& w = pieces_[--j];
      if (w.cap) continue;  // a title word ("Attorney General", "Sen.")
      return is_preposition(w.key) || is_subordinator(w.key) || w.key == "to" || w.key == "than" ||
             w.key == "like" || w.key == "toward" || w.key == "towards";
    }
    return false;
  }

  // What a person is in the story, said of a name without a title: "identified the
  // suspect as Jo Vale", "the gunman was identified as Jo Vale", "Jo Vale, the alleged
  // gunman,". The role ("suspect") lets "the suspect" refer back to the person.
  void described_roles() {
    const auto& toks = out_.tokens;
    const int32_t n = static_cast<int32_t>(toks.size());
    auto described = [&](int32_t t) {
      return toks[t].is_word && std::find(lex_.described.begin(), lex_.described.end(),
                                          toks[t].norm) != lex_.described.end();
    };
    // Most texts name no suspect or victim: nothing to build.
    int32_t any = 0;
    while (any < n && !described(any)) ++any;
    if (any == n) return;
    std::unordered_map<uint32_t, size_t> starting, ending;  // byte offset -> entity
    for (size_t e = 0; e < out_.entities.size(); ++e) {
      const Entity& ent = out_.entities[e];
      if (ent.type != EntityType::kPerson && ent.type != EntityType::kOther) continue;
      for (const Mention& m : ent.mentions) {
        if (m.pronoun) continue;
        starting.emplace(m.span.begin, e);
        ending.emplace(m.span.end, e);
      }
    }
    if (starting.empty()) return;
    auto word = [&](int32_t t, std::string_view w) { return t >= 0 && t < n && toks[t].norm == w; };
    auto determiner = [&](int32_t t) { return word(t, "the") || word(t, "a") || word(t, "an"); };
    auto modifier = [&](int32_t t) {
      return word(t, "alleged") || word(t, "suspected") || word(t, "accused") || word(t, "lone");
    };
    auto give = [&](size_t e, std::string_view noun) {
      Entity& ent = out_.entities[e];
      if (std::find(ent.roles.begin(), ent.roles.end(), noun) == ent.roles.end())
        ent.roles.emplace_back(noun);
      classes_[e] |= 1u << kDescribed;
      if (ent.type == EntityType::kOther) ent.type = EntityType::kPerson;
    };
    // The person whose name begins at token t, after "as".
    auto named_at = [&](int32_t t) -> int {
      if (t < 0 || t >= n) return -1;
      auto it = starting.find(toks[t].span.begin);
      return it == starting.end() ? -1 : static_cast<int>(it->second);
    };
    for (int32_t t = any; t < n; ++t) {
      if (!described(t)) continue;
      const std::string_view noun = toks[t].norm;
      const uint32_t s = toks[t].sentence;
      int32_t d = t - 1;
      while (d >= 0 && modifier(d)) --d;
      if (!determiner(d)) continue;
      // "identified the suspect [to Fox News] as Jo Vale"
      if (word(d - 1, "identified") || word(d - 1, "named")) {
        for (int32_t k = t + 1; k < n && k <= t + 6 && toks[k].sentence == s; ++k) {
          if (!word(k, "as")) continue;
          if (int e = named_at(k + 1); e >= 0) give(static_cast<size_t>(e), noun);
          break;
        }
        continue;
      }
      // "the gunman was identified as Jo Vale", "the suspect, identified as Jo Vale"
      int32_t k = t + 1;
      if (word(k, ",")) ++k;
      if (word(k, "was") || word(k, "is"))
        ++k;
      else if ((word(k, "has") || word(k, "had")) && word(k + 1, "been"))
        k += 2;
      if (k > t + 1 && word(k, "identified") && word(k + 1, "as")) {
        if (int e = named_at(k + 2); e >= 0) give(static_cast<size_t>(e), noun);
        continue;
      }
      // "Jo Vale, the alleged gunman," / "Jo Vale, a suspect in the attack,"
      if (d >= 1 && word(d - 1, ",") && t + 1 < n &&
          (word(t + 1, ",") || word(t + 1, ".") || word(t + 1, "in") || word(t + 1, "who"))) {
        auto it = ending.find(toks[d - 1].span.begin);
        if (it == ending.end() && d >= 2) it = ending.find(toks[d - 2].span.end);
        if (it != ending.end()) give(it->second, noun);
      }
    }
  }

  void resolve_anaphors() {
    std::sort(anaphors_.begin(), anaphors_.end(),
              [](const Anaphor& x, const Anaphor& y) { return x.span.begin < y.span.begin; });
    for (const Anaphor& an : anaphors_) {
      int best = -1, best_score = 0;
      uint32_t best_pos = 0;
      for (size_t e = 0; e < out_.entities.size(); ++e) {
        const Entity& ent = out_.entities[e];
        if (ent.type != EntityType::kPerson) continue;
        if (an.pronoun_he) {
          // The first person named in the previous sentence: usually its subject; not
          // one the text says is of the other sex ("Meredith Vieira asked Trump ...
          // He said").
          const uint8_t g = stated_gender(out_, e);
          if (g != kGenderUnknown && g != an.sex) continue;
          for (const Mention& m : ent.mentions) {
            if (m.sentence + 1 == an.sentence && !m.pronoun && !object_of_connector(m.span.begin) &&
                (best < 0 || m.span.begin < best_pos)) {
              best = static_cast<int>(e);
              best_pos = m.span.begin;
            }
          }
          continue;
        }
        int score = role_matches(e, an);
        if (score == 0) continue;
        for (const Mention& m : ent.mentions) {
          if (m.span.begin >= an.span.begin) continue;
          if (best < 0 || score > best_score || (score == best_score && m.span.begin > best_pos)) {
            best = static_cast<int>(e);
            best_pos = m.span.begin;
            best_score = score;
          }
        }
      }
      if (best < 0) continue;
      out_.entities[best].mentions.push_back({an.span, an.sentence, true});
      // "the French leader" taught us the nationality of a bare "President".
      if (an.nat >= 0 && nats_[best].empty()) nats_[best].push_back(an.nat);
    }
  }

  std::string_view text_;
  const Data& lex_;
  const WordNet& wn_;
  Analysis& out_;
  std::vector<Piece> pieces_;
  mutable std::vector<Match> gazetteer_cache_, title_cache_, nationality_cache_;
  std::vector<bool> headline_;
  // Keys of sentence-initial pieces -> kSeen* bits from the rest of the text.
  static constexpr uint8_t kSeenCapitalised = 1, kSeenLower = 2;
  std::unordered_map<std::string_view, uint8_t> initial_keys_;
  // A cheap filter before hashing every word of the text into initial_keys_.
  std::bitset<1024> initial_sigs_;
  static size_t signature(std::string_view k) {
    return (static_cast<unsigned char>(k.front()) * 31u + k.size() * 7u +
            static_cast<unsigned char>(k.back()) * 131u) &
           1023u;
  }
  std::vector<Raw> raws_;
  std::vector<Anaphor> anaphors_;
  std::vector<std::pair<uint32_t, uint32_t>> acronyms_;  // (raw, acronym piece)
  std::vector<int> parent_;
  mutable std::unordered_map<std::string, size_t> cap_counts_;
  std::vector<uint32_t> classes_;
  std::vector<std::vector<int>> nats_;
};

}  // namespace

uint8_t stated_gender(const Analysis& a, size_t e) {
  const Entity& ent = a.entities[e];
  const auto& toks = a.tokens;
  uint8_t seen = word_gender(normalize(std::string_view(ent.name).substr(0, ent.name.find(' '))));
  for (const Mention& m : ent.mentions) {
    if (m.pronoun) continue;
    auto it = std::lower_bound(toks.begin(), toks.end(), m.span.begin,
                               [](const Token& t, uint32_t pos) { return t.span.begin < pos; });
    if (it == toks.end()) continue;
    const size_t t = static_cast<size_t>(it - toks.begin());
    if (toks[t].is_word) seen |= word_gender(toks[t].norm);  // "Ms. Speier" as one name
    size_t k = t;
    if (k > 0 && !toks[k - 1].is_word && toks[k - 1].norm == ".") --k;  // "Ms. Speier"
    if (k > 0 && toks[k - 1].is_word && toks[k - 1].sentence == toks[t].sentence)
      seen |= word_gender(toks[k - 1].norm);
  }
  return seen == kFemale || seen == kMale ? seen : kGenderUnknown;
}

void find_entities(std::string_view text, const EntityLexicon& lexicon, const WordNet& wordnet,
                   Analysis& out) {
  out.entities.clear();
  if (!lexicon.data || out.tokens.empty()) return;
  Finder(text, *lexicon.data, wordnet, out).run();
}

}  // namespace parallax::analyze
