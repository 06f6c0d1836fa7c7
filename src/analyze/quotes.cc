// Direct and indirect quotes: a linear scan of the text for quotation marks, a scan of
// the tokens for attribution cues (hash lookups on norms and stems), then one pass that
// ties each quotation to its cue and each cue to its speaker.
//
// Conventions (the contract of Analysis::quotes):
// - A split quotation ("We are ready," he said, "but not yet.") gives one Quote per
//   quoted part, each with the same cue and speaker.
// - A quotation of fewer than four words counts only when a cue is in its sentence and
//   it is not a capitalised name in quotation marks; otherwise it is a scare quote.
// - An indirect quote is emitted for a cue unless its reported clause starts with a
//   quotation (X said: "..."), which the direct Quote already covers. Quoted fragments
//   inside a reported clause also give direct Quotes.
// - A quotation left open at the end of a paragraph runs to the paragraph's end (the
//   convention for quotes spanning paragraphs). Two apostrophes ('') are a double mark.
// - A cue inside another's reported clause is part of it, unless its subject names a
//   source of its own ("X said Y had warned ..." gives two quotes).
// - Spans follow attribution corpora (PolNeAR, PARC). The cue takes in the auxiliaries
//   and adverbs before the verb ("has also said"), an infinitive's "to" and a verb
//   framing it ("seemed to confirm"), a particle or manner adverb after it ("said
//   about", "said repeatedly") and "in a statement". The speaker span is the source's
//   words as written: a relative pronoun ("X, who said": "who", resolved to X), a
//   describing aside ("X, a lawyer for Y, said"), a party parenthesis ("Sen. X (D-Ore.)");
//   never a subordinator or a time ("when X said", "X on Monday said").
#include "quotes.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/lexicon.h"
#include "core/normalize.h"
#include "entities.h"
#include "text.h"

namespace parallax::analyze {

namespace {

// The lexicons are English; so are their stems.
constexpr std::string_view kLexiconLanguage = "en";

enum class CueKind : uint8_t { kVerb, kPhrase, kSource };
enum class NounKind : uint8_t { kMedia, kDocument, kAnonymous, kOrganisation, kRole, kRoleAny };

struct CueEntry {
  CueKind kind = CueKind::kVerb;
  float weight = 1.0f;
  std::vector<std::string> words;  // normalised words (one for a verb)
  std::vector<std::string> stems;
};

struct NounEntry {
  NounKind kind = NounKind::kAnonymous;
  bool name_only = false;  // matches capitalised words only (an outlet's name)
  std::vector<std::string> words;
};

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::vector<std::string> split_words(std::string_view s) {
  std::vector<std::string> words;
  for (std::string_view w : space_words(s)) words.push_back(normalize(w));
  return words;
}

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// Regular English inflections of a verb lemma, so cues match even where no stemmer
// runs (an unknown language, or a stem that differs from the lemma's).
void english_forms(const std::string& v, std::vector<std::string>& out) {
  out.push_back(v);
  if (v.size() < 2) return;
  char last = v.back();
  char before = v[v.size() - 2];
  bool consonant_y = last == 'y' && !is_vowel(before);
  std::string stem_e = last == 'e' ? v.substr(0, v.size() - 1) : v;
  if (ends_with(v, "s") || ends_with(v, "x") || ends_with(v, "z") || ends_with(v, "ch") ||
      ends_with(v, "sh") || ends_with(v, "o")) {
    out.push_back(v + "es");
  } else if (consonant_y) {
    out.push_back(v.substr(0, v.size() - 1) + "ies");
  } else {
    out.push_back(v + "s");
  }
  if (consonant_y) {
    out.push_back(v.substr(0, v.size() - 1) + "ied");
  } else {
    out.push_back(stem_e + "ed");
  }
  out.push_back((last == 'e' && before != 'e' ? stem_e : v) + "ing");
  // Doubled final consonant ("admitted", "committing").
  if (!is_vowel(last) && last != 'y' && last != 'w' && last != 'x' && is_vowel(before)) {
    out.push_back(v + last + "ed");
    out.push_back(v + last + "ing");
  }
}

bool parse_noun_kind(std::string_view s, NounKind& k) {
  if (s == "media") k = NounKind::kMedia;
  else if (s == "document") k = NounKind::kDocument;
  else if (s == "anonymous") k = NounKind::kAnonymous;
  else if (s == "organisation") k = NounKind::kOrganisation;
  else if (s == "role") k = NounKind::kRole;
  else if (s == "role-any") k = NounKind::kRoleAny;
  else return false;
  return true;
}

}  // namespace

// A read-only word -> index table with open addressing on a 64-bit FNV-1a hash: one
// probe for almost every word, which is most of the cost of the cue scan.
class WordTable {
 public:
  void build(const std::vector<std::pair<std::string, uint32_t>>& entries) {
    size_t cap = 16;
    while (cap < entries.size() * 4) cap <<= 1;
    mask_ = cap - 1;
    slots_.assign(cap, Slot{});
    keys_.clear();
    for (const auto& [key, value] : entries) {
      uint64_t h = hash(key);
      size_t i = h & mask_;
      while (slots_[i].key >= 0) i = (i + 1) & mask_;
      slots_[i] = {h, static_cast<int32_t>(keys_.size()), value};
      keys_.push_back(key);
    }
  }
  // The value stored for `word`, or -1.
  int64_t find(std::string_view word) const {
    if (slots_.empty()) return -1;
    uint64_t h = hash(word);
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.key < 0) return -1;
      if (s.hash == h && keys_[s.key] == word) return s.value;
    }
  }

 private:
  static uint64_t hash(std::string_view s) {
    uint64_t h = 1469598103934665603ull;
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
    return h ^ (h >> 29);
  }
  struct Slot {
    uint64_t hash = 0;
    int32_t key = -1;
    uint32_t value = 0;
  };
  std::vector<Slot> slots_;
  std::vector<std::string> keys_;
  size_t mask_ = 0;
};

// What a normalised word may start: a verb form, phrases (longest first), or both.
struct CueStart {
  int32_t verb = -1;
  std::vector<uint32_t> phrases;
};

// The sex "he" or "she" asks for (text.h's kMale, kFemale).
uint8_t pronoun_gender(std::string_view norm) {
  return norm == "she" ? kFemale : norm == "he" ? kMale : kGenderUnknown;
}

struct QuoteLexicon::Data {
  std::vector<CueEntry> cues;
  // One lookup per token: every verb form and every phrase's first word.
  std::unordered_map<std::string, CueStart> starts;
  std::unordered_map<std::string, uint32_t> verb_stems;  // stem -> cue (verbs without listed forms)
  std::vector<const CueStart*> start_list;  // values of `starts`, indexed by start_table
  WordTable start_table;                    // word -> index into start_list
  WordTable stem_table;                     // stem -> cue (as verb_stems)
  std::unordered_set<std::string> audience;
  std::vector<NounEntry> nouns;
  std::unordered_map<std::string, std::vector<uint32_t>> nouns_by_first;  // longest first
  std::unordered_set<std::string> noun_words;  // every word of every noun entry
  std::unordered_set<std::string> institution_words;  // one-word media, document, organisation nouns
  uint32_t say = 0;  // the cue "say": a headline or transcript colon reports like it
};

Result<QuoteLexicon> QuoteLexicon::load() {
  auto data = std::make_shared<Data>();
  std::string_view attribution = embedded_lexicon("attribution.tsv");
  if (attribution.empty()) return not_found("attribution.tsv: lexicon is not embedded");
  std::string_view sources = embedded_lexicon("sources.tsv");
  if (sources.empty()) return not_found("sources.tsv: lexicon is not embedded");

  for (const auto& row : lexicon_rows(attribution)) {
    if (row.size() < 2 || row[0].empty()) {
      return invalid_input("attribution.tsv: row without a kind: " + std::string(row[0]));
    }
    std::string_view kind = row[1];
    if (kind == "audience") {
      data->audience.insert(normalize(row[0]));
      continue;
    }
    CueEntry e;
    if (kind == "verb") e.kind = CueKind::kVerb;
    else if (kind == "phrase") e.kind = CueKind::kPhrase;
    else if (kind == "source") e.kind = CueKind::kSource;
    else return invalid_input("attribution.tsv: unknown kind '" + std::string(kind) + "'");
    if (row.size() > 2 && !row[2].empty()) e.weight = std::strtof(std::string(row[2]).c_str(), nullptr);
    e.words = split_words(row[0]);
    if (e.words.empty()) continue;
    for (const auto& w : e.words) e.stems.push_back(stem(w, kLexiconLanguage));
    uint32_t idx = static_cast<uint32_t>(data->cues.size());
    if (e.kind == CueKind::kVerb) {
      std::vector<std::string> forms;
      if (row.size() > 3 && !row[3].empty()) {
        std::string_view list = row[3];
        size_t p = 0;
        while (p <= list.size()) {
          size_t c = list.find(',', p);
          if (c == std::string_view::npos) c = list.size();
          if (c > p) forms.push_back(normalize(list.substr(p, c - p)));
          p = c + 1;
        }
      } else {
        english_forms(e.words[0], forms);
        data->verb_stems.emplace(e.stems[0], idx);
      }
      for (auto& f : forms) {
        CueStart& st = data->starts[f];
        if (st.verb < 0) st.verb = static_cast<int32_t>(idx);
      }
    } else if (e.kind == CueKind::kPhrase && e.words.size() > 1) {
      // A phrase led by a verb matches in any of its forms ("calls for", "called
      // for"): the words after the first compare by stem as well.
      std::vector<std::string> forms;
      english_forms(e.words[0], forms);
      std::sort(forms.begin(), forms.end());
      forms.erase(std::unique(forms.begin(), forms.end()), forms.end());
      for (const auto& f : forms) data->starts[f].phrases.push_back(idx);
    } else {
      data->starts[e.words[0]].phrases.push_back(idx);
    }
    data->cues.push_back(std::move(e));
  }
  for (auto& [first, st] : data->starts) {
    auto& list = st.phrases;
    std::stable_sort(list.begin(), list.end(), [&](uint32_t a, uint32_t b) {
      return data->cues[a].words.size() > data->cues[b].words.size();
    });
  }

  for (const auto& row : lexicon_rows(sources)) {
    NounEntry e;
    if (row.size() < 2 || !parse_noun_kind(row[1], e.kind)) {
      return invalid_input("sources.tsv: bad kind in row '" + std::string(row[0]) + "'");
    }
    e.name_only = row.size() > 2 && row[2].substr(0, 4) == "name";
    e.words = split_words(row[0]);
    if (e.words.empty()) continue;
    for (const auto& w : e.words) data->noun_words.insert(w);
    // An outlet's own name ("Bloomberg") is no institution noun: a person may bear it.
    if (e.words.size() == 1 && !e.name_only &&
        (e.kind == NounKind::kMedia || e.kind == NounKind::kDocument ||
         e.kind == NounKind::kOrganisation))
      data->institution_words.insert(e.words[0]);
    data->nouns_by_first[e.words[0]].push_back(static_cast<uint32_t>(data->nouns.size()));
    data->nouns.push_back(std::move(e));
  }
  for (auto& [first, list] : data->nouns_by_first) {
    std::stable_sort(list.begin(), list.end(), [&](uint32_t a, uint32_t b) {
      return data->nouns[a].words.size() > data->nouns[b].words.size();
    });
  }
  std::vector<std::pair<std::string, uint32_t>> entries;
  for (const auto& [key, st] : data->starts) {
    entries.emplace_back(key, static_cast<uint32_t>(data->start_list.size()));
    data->start_list.push_back(&st);
  }
  data->start_table.build(entries);
  entries.assign(data->verb_stems.begin(), data->verb_stems.end());
  data->stem_table.build(entries);
  auto say = data->starts.find("said");
  if (say == data->starts.end() || say->second.verb < 0)
    return invalid_input("attribution.tsv: no verb row for \"say\"");
  data->say = static_cast<uint32_t>(say->second.verb);
  return QuoteLexicon{std::move(data)};
}

namespace {

// ---------------------------------------------------------------------------
// Small word classes. These are grammar, not vocabulary: closed classes of English.
// ---------------------------------------------------------------------------

using WordSet = std::unordered_set<std::string_view>;

const WordSet& determiners() {
  static const WordSet s = {"the", "a", "an", "his", "her", "its", "their", "our", "my", "your",
                            "this", "these", "those", "whose", "any", "no", "every", "each",
                            "such", "another", "one's"};
  return s;
}

// Auxiliaries and adverbs that may stand between a subject and its speech verb.
const WordSet& verb_fillers() {
  static const WordSet s = {
      "has", "have", "had", "was", "were", "is", "are", "be", "been", "being", "will",
      "would", "could", "can", "may", "might", "should", "must", "shall", "did", "does", "do",
      "also", "then", "again", "once", "later", "earlier", "further", "now", "still", "already",
      "just", "even", "often", "always", "later", "first", "too", "separately", "soon"};
  return s;
}

const WordSet& negations() {
  static const WordSet s = {"not", "never", "n't", "no", "neither", "nor", "declined", "refused",
                            "declining", "refusing", "without", "cannot"};
  return s;
}

// Words that end a subject noun phrase on its left: a new clause starts after them.
const WordSet& clause_words() {
  static const WordSet s = {"that", "which", "who", "whom", "and", "but", "while", "because",
                            "although", "though", "if", "when", "whereas", "as", "after",
                            "before", "since", "so", "or", "where", "whether", "unless",
                            "until", "once"};
  return s;
}

// Words a clause may start with before its subject.
const WordSet& clause_openers() {
  static const WordSet s = {"but", "and", "however", "meanwhile", "then", "also", "yet", "so",
                            "with", "while", "still", "now", "moreover", "furthermore",
                            "additionally", "instead", "thus", "therefore", "indeed", "later",
                            "earlier", "separately", "finally", "nevertheless", "nonetheless",
                            "in", "on", "at", "by"};
  return s;
}

// Words that end a source noun phrase on its right ("said X on Monday").
const WordSet& right_stops(bool inverted) {
  static const WordSet by = {"on", "during", "after", "before", "when", "while", "as", "that",
                             "who", "which", "whose", "where", "last", "this", "yesterday",
                             "today", "because", "but", "since", "is", "are", "was", "were",
                             "has", "have", "had", "will", "would", "could", "can", "may",
                             "might", "should", "must"};
  static const WordSet inv = [] {
    WordSet s = by;
    for (std::string_view w : {"in", "at", "and", "to", "earlier", "later", "recently", "adding"})
      s.insert(w);
    return s;
  }();
  return inverted ? inv : by;
}

const WordSet& be_forms() {
  static const WordSet s = {"is", "are", "was", "were", "be", "been", "being", "'s", "'re"};
  return s;
}

const WordSet& states_after_participle() {
  static const WordSet s = {"missing", "dead", "killed", "injured", "wounded", "arrested", "detained",
                            "hurt", "safe", "ill", "sick"};
  return s;
}

// Speech verbs whose object is the listener ("told the council", "warned voters"): a
// quotation may follow the object directly.
const WordSet& listener_verbs() {
  static const WordSet s = {"tell", "ask", "assure", "inform", "warn"};
  return s;
}

// Nouns for a text set off after a lead-in that names no speaker ("Read the full rant
// via Gawker:", "Her statement in full:"); source nouns of kind document count too.
const WordSet& pasted_text_nouns() {
  static const WordSet s = {"post", "posts", "rant",   "message", "remarks", "note",
                            "text", "reply", "thread", "speech",  "response"};
  return s;
}

// Words of a lead-in that announces something the text does not hold (an embedded
// video, a player) or a correction notice.
const WordSet& not_pasted_words() {
  static const WordSet s = {"watch",   "listen",  "video", "audio", "correction", "corrected",
                            "revised", "updated", "clip",  "photo", "photos"};
  return s;
}

// Subject pronouns and what they may stand for.
enum class Pronoun : uint8_t { kNone, kPerson, kPlural, kThing };
Pronoun pronoun_of(std::string_view norm) {
  if (norm == "he" || norm == "she") return Pronoun::kPerson;
  if (norm == "they") return Pronoun::kPlural;
  if (norm == "it") return Pronoun::kThing;
  return Pronoun::kNone;
}

UChar32 decode_at(std::string_view s, size_t i, int32_t* len) {
  int32_t j = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), j, static_cast<int32_t>(s.size()), c);
  *len = j - static_cast<int32_t>(i);
  return c < 0 ? 0xFFFD : c;
}

UChar32 decode_before(std::string_view s, size_t i) {
  if (i == 0) return 0;
  int32_t j = static_cast<int32_t>(i);
  UChar32 c;
  U8_PREV(reinterpret_cast<const uint8_t*>(s.data()), 0, j, c);
  return c < 0 ? 0xFFFD : c;
}

bool is_space_cp(UChar32 c) { return c == 0 || u_isUWhiteSpace(c); }

// ---------------------------------------------------------------------------
// Quotation marks
// ---------------------------------------------------------------------------

enum class Family : uint8_t { kDouble, kSingle, kCorner, kAngleSingle };
enum class Role : uint8_t { kOpen, kClose, kEither };

struct QuoteMark {
  uint32_t pos = 0, len = 0;
  Family family = Family::kDouble;
  Role role = Role::kEither;
  bool low = false;  // „ or ‚, which a “ or ‘ may close (German style)
};

struct Quotation {
  Span outer;    // including the marks
  Span content;  // without the marks, trimmed
  bool closed = true;
};

// Classifies the quotation mark at text[i] (code point c); false when c is no mark or
// is an apostrophe there.
bool classify_mark(std::string_view text, size_t i, UChar32 c, int32_t len, QuoteMark& m) {
  UChar32 prev = decode_before(text, i);
  int32_t nl = 0;
  UChar32 next = i + len < text.size() ? decode_at(text, i + len, &nl) : 0;
  bool prev_open = is_space_cp(prev) || (prev != 0 && (u_ispunct(prev) && !u_hasBinaryProperty(
                                                                              prev, UCHAR_QUOTATION_MARK)) &&
                                        prev != '.' && prev != ',' && prev != '!' && prev != '?');
  if (prev == '(' || prev == '[' || prev == 0x2014 || prev == 0x2013 || prev == '-' || prev == ':') prev_open = true;
  bool prev_word = prev != 0 && (u_isalnum(prev) || u_hasBinaryProperty(prev, UCHAR_ALPHABETIC));
  bool next_space = is_space_cp(next);
  bool next_word = next != 0 && (u_isalnum(next) || u_hasBinaryProperty(next, UCHAR_ALPHABETIC));
  bool open_pos = (i == 0 || prev_open) && !next_space;
  bool close_pos = !is_space_cp(prev) && (next_space || !next_word);
  m.pos = static_cast<uint32_t>(i);
  m.len = static_cast<uint32_t>(len);
  m.low = false;
  switch (c) {
    case 0x201C:  // “
      m.family = Family::kDouble;
      m.role = open_pos || !close_pos ? Role::kOpen : Role::kEither;
      return true;
    case 0x201D:  // ”
      m.family = Family::kDouble;
      m.role = close_pos || !open_pos ? Role::kClose : Role::kEither;
      return true;
    case 0x201E:  // „
      m.family = Family::kDouble;
      m.role = Role::kOpen;
      m.low = true;
      return true;
    case 0x00AB:  // «
      m.family = Family::kDouble;
      m.role = Role::kOpen;
      return true;
    case 0x00BB:  // »
      m.family = Family::kDouble;
      m.role = Role::kClose;
      return true;
    case '"':
    case 0xFF02:
      m.family = Family::kDouble;
      m.role = open_pos && !close_pos ? Role::kOpen : close_pos && !open_pos ? Role::kClose : Role::kEither;
      return true;
    case 0x300C:  // 「
    case 0x300E:  // 『
      m.family = Family::kCorner;
      m.role = Role::kOpen;
      return true;
    case 0x300D:  // 」
    case 0x300F:  // 』
      m.family = Family::kCorner;
      m.role = Role::kClose;
      return true;
    case 0x2039:  // ‹
      m.family = Family::kAngleSingle;
      m.role = Role::kOpen;
      return true;
    case 0x203A:  // ›
      m.family = Family::kAngleSingle;
      m.role = Role::kClose;
      return true;
    case 0x201A:  // ‚
      m.family = Family::kSingle;
      m.role = Role::kOpen;
      m.low = true;
      return !prev_word;
    case 0x2018:  // ‘ after a letter is a mistyped apostrophe ("Macron‘s")
      m.family = Family::kSingle;
      m.role = Role::kOpen;
      return open_pos && !prev_word;
    case 0x2019:  // ’ inside a word is an apostrophe ("France’s")
    case '\'':
      m.family = Family::kSingle;
      if (open_pos && !prev_word && next_word && c == '\'') {
        m.role = Role::kOpen;
        return true;
      }
      if (close_pos && !next_word && !is_space_cp(prev)) {
        m.role = Role::kClose;
        return true;
      }
      return false;
    default:
      return false;
  }
}

bool is_double_mark(UChar32 c) {
  return c == '"' || c == 0x201C || c == 0x201D || c == 0x201E || c == 0xAB || c == 0xBB || c == 0xFF02;
}

// Trims space, and either all punctuation (a reported clause) or only a trailing
// comma, semicolon, colon or single period (a quotation). A closing quotation mark
// whose opening mark stays inside is kept.
Span trim_span(std::string_view text, Span s, bool strip_punct) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  while (s.begin < s.end) {
    int32_t len = 0;
    UChar32 c = decode_at(text, s.begin, &len);
    bool drop = u_isUWhiteSpace(c) || (strip_punct && u_ispunct(c) && c != '(' && c != '[');
    if (!drop) break;
    s.begin += len;
  }
  int marks = 0;
  if (strip_punct) {
    for (int32_t i = static_cast<int32_t>(s.begin); i < static_cast<int32_t>(s.end);) {
      UChar32 c;
      U8_NEXT(bytes, i, static_cast<int32_t>(s.end), c);
      marks += is_double_mark(c);
    }
  }
  while (s.end > s.begin) {
    int32_t j = static_cast<int32_t>(s.end);
    UChar32 c;
    U8_PREV(bytes, static_cast<int32_t>(s.begin), j, c);
    if (c < 0) break;
    bool drop;
    if (u_isUWhiteSpace(c)) {
      drop = true;
    } else if (strip_punct) {
      drop = u_ispunct(c) && c != ')' && c != ']' && c != '?' && c != '!' && c != 0x2026;
      if (drop && is_double_mark(c)) {
        if (marks % 2 == 0) break;  // it closes a quotation inside the clause
        --marks;
      }
    } else {
      drop = c == ',' || c == ';' || c == ':' ||
             (c == '.' && !(s.end >= s.begin + 3 && text.substr(s.end - 3, 3) == "..."));
    }
    if (!drop) break;
    s.end = static_cast<uint32_t>(j);
  }
  return s;
}

// Every quotation in the text, in order. Marks pair within a paragraph (a line break
// ends one); an opening mark left open at the paragraph's end runs to it.
std::vector<Quotation> find_quotations(std::string_view text) {
  std::vector<Quotation> found;
  struct Open {
    bool set = false;
    QuoteMark mark;
  };
  Open open[4];
  auto emit = [&](const QuoteMark& o, uint32_t close_begin, uint32_t close_end, bool closed) {
    Quotation q;
    q.outer = {o.pos, close_end};
    q.content = trim_span(text, {o.pos + o.len, close_begin}, false);
    q.closed = closed;
    if (!q.content.empty()) found.push_back(q);
  };
  // A double quotation left open at its paragraph's end waits: when a later paragraph
  // (of the next few, none opening a quotation) holds only its closing mark, the
  // quotation ran across the paragraphs ("“I had to fire him. ¶ There was nothing to
  // hide!”"); otherwise it ends with its paragraph.
  struct Pending {
    bool set = false;
    QuoteMark mark;
    uint32_t end = 0;  // its paragraph's end
    int paragraphs = 0;
  };
  Pending pending[4];
  constexpr int kMaxParagraphs = 5;
  auto flush = [&](int f) {
    if (pending[f].set) emit(pending[f].mark, pending[f].end, pending[f].end, false);
    pending[f].set = false;
  };
  auto end_paragraph = [&](uint32_t end) {
    for (int f = 0; f < 4; ++f) {
      // Only double-family quotations carry on to the paragraph's end; an unmatched
      // single mark is far more often an apostrophe.
      if (pending[f].set && ++pending[f].paragraphs > kMaxParagraphs) flush(f);
      if (open[f].set && (f == static_cast<int>(Family::kDouble) || f == static_cast<int>(Family::kCorner))) {
        flush(f);
        pending[f] = {true, open[f].mark, end, 0};
      }
      open[f].set = false;
    }
  };
  static const auto kInteresting = [] {
    std::array<bool, 256> t{};
    t['"'] = t['\''] = t['\n'] = true;
    for (int c = 0xC2; c < 0x100; ++c) t[c] = true;  // UTF-8 lead bytes
    return t;
  }();
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    while (i < n && !kInteresting[bytes[i]]) ++i;
    if (i >= n) break;
    unsigned char b = bytes[i];
    if (b == '\n') {
      end_paragraph(static_cast<uint32_t>(i));
      ++i;
      continue;
    }
    int32_t len = 1;
    UChar32 c = b < 0x80 ? static_cast<UChar32>(b) : decode_at(text, i, &len);
    // Two apostrophes stand for a double quotation mark in some newsroom systems
    // (''Like this,'' she said): classified as a straight double mark two bytes long.
    if (b == '\'' && i + 1 < n && bytes[i + 1] == '\'') {
      c = '"';
      len = 2;
    }
    QuoteMark m;
    if (!classify_mark(text, i, c, len, m)) {
      i += std::max(len, 1);
      continue;
    }
    int f = static_cast<int>(m.family);
    Open& o = open[f];
    bool inside_double = open[static_cast<int>(Family::kDouble)].set || open[static_cast<int>(Family::kCorner)].set;
    if (m.family == Family::kSingle && inside_double && !o.set) {
      // A single quotation inside a double one is part of it.
      i += len;
      continue;
    }
    if (!o.set) {
      if (m.role == Role::kClose && pending[f].set) {
        emit(pending[f].mark, m.pos, m.pos + m.len, true);
        pending[f].set = false;
      } else if (m.role != Role::kClose) {
        flush(f);
        o = {true, m};
      }
    } else {
      bool closes = m.role != Role::kOpen || (o.mark.low && (c == 0x201C || c == 0x2018));
      // Straight marks do not nest: a second "opening" one right after a sentence's
      // end, while one is open, is its closing mark with the space on the wrong side
      // ("... is wrong. "Perry is referring to ...").
      if (!closes && c == '"' && len == 1 && text[o.mark.pos] == '"' && o.mark.len == 1) {
        size_t k = m.pos;
        while (k > o.mark.pos + 1 && (text[k - 1] == ' ' || text[k - 1] == '\t')) --k;
        closes = k < m.pos && (text[k - 1] == '.' || text[k - 1] == '!' || text[k - 1] == '?');
      }
      if (closes) {
        emit(o.mark, m.pos, m.pos + m.len, true);
        o.set = false;
        if (m.family == Family::kDouble || m.family == Family::kCorner) open[static_cast<int>(Family::kSingle)].set = false;
      } else {
        o.mark = m;  // the earlier opener was never closed
      }
    }
    i += len;
  }
  end_paragraph(static_cast<uint32_t>(text.size()));
  for (int f = 0; f < 4; ++f) flush(f);
  std::sort(found.begin(), found.end(),
            [](const Quotation& a, const Quotation& b) { return a.outer.begin < b.outer.begin; });
  return found;
}

// ---------------------------------------------------------------------------
// The finder
// ---------------------------------------------------------------------------

constexpr int32_t kNone = -1;

struct Cue {
  uint32_t first = 0, last = 0;  // tokens
  uint32_t entry = 0;
  CueKind kind = CueKind::kVerb;
  float weight = 1.0f;
  bool ing = false;  // a participle ("saying", "warning")

  // Filled by attribute().
  bool attributed = false;
  int32_t sp_b = kNone, sp_e = kNone;  // speaker tokens [sp_b, sp_e)
  int32_t ct_b = kNone, ct_e = kNone;  // reported clause tokens [ct_b, ct_e)
  bool has_that = false;               // "said that", "said:"
  bool consumed = false;               // tied to a direct quotation next to it
  int32_t rel = kNone;                 // a relative pronoun standing as the subject
                                       // ("X, who said"): the source's words as shown;
                                       // sp_b..sp_e is then its antecedent
  int32_t show_b = kNone, show_e = kNone;  // the source's words as shown when they run
                                           // past the head that resolves it ("X, a
                                           // spokesman for Y, said")
};

struct Record {
  bool direct = false;
  Span content;
  int32_t cue = kNone;  // index into cues
  int32_t inherit = kNone;  // for a quotation without cue: the id of the record it continues
  uint32_t sentence = 0;
  uint32_t order = 0;   // byte offset used to order records
  int32_t id = kNone;   // position before ordering (what `inherit` refers to)
  bool pasted = false;  // a text set off after a lead-in without a cue
  Span lead;            // that lead-in
  bool refers_back = false;  // its text noun is definite: "the full rant", "her post"
};

struct Resolved {
  Span span;
  std::string name;
  int32_t entity = kNone;
  SourceKind kind = SourceKind::kUnknown;
};

class Finder {
 public:
  Finder(std::string_view text, const QuoteLexicon::Data& lex, Analysis& out)
      : text_(text), lex_(lex), out_(out), toks_(out.tokens) {}

  void run() {
    if (toks_.empty() || out_.sentences.empty()) return;
    index_mentions();
    quotations_ = find_quotations(text_);
    mark_inside_quotes();
    find_cues();
    std::vector<Record> records;
    attribute_quotations(records);
    add_indirect(records);
    add_pasted(records);
    for (size_t i = 0; i < records.size(); ++i) records[i].id = static_cast<int32_t>(i);
    std::stable_sort(records.begin(), records.end(),
                     [](const Record& a, const Record& b) { return a.order < b.order; });
    resolve_all(records);
  }

 private:
  // --- token helpers -------------------------------------------------------
  std::string_view norm(int32_t i) const { return toks_[i].norm; }
  std::string_view tok_text(int32_t i) const { return toks_[i].span.of(text_); }
  bool is_word(int32_t i) const { return toks_[i].is_word; }
  uint32_t sent_first(uint32_t s) const { return out_.sentences[s].first_token; }
  uint32_t sent_end(uint32_t s) const {
    return out_.sentences[s].first_token + out_.sentences[s].token_count;
  }
  bool punct_is(int32_t i, std::string_view p) const { return !is_word(i) && norm(i) == p; }
  // A hyphen or apostrophe joined to the words on both sides ("NATO-China").
  bool is_joiner(int32_t i) const {
    if (is_word(i) || i == 0 || i + 1 >= static_cast<int32_t>(toks_.size())) return false;
    std::string_view n = norm(i);
    if (n != "-" && n != "'" && n != "." && n != "&") return false;
    return toks_[i - 1].span.end == toks_[i].span.begin && toks_[i].span.end == toks_[i + 1].span.begin &&
           is_word(i - 1) && is_word(i + 1);
  }
  bool is_quote_tok(int32_t i) const {
    if (is_word(i)) return false;
    int32_t len = 0;
    UChar32 c = decode_at(text_, toks_[i].span.begin, &len);
    return u_hasBinaryProperty(c, UCHAR_QUOTATION_MARK) || c == 0x300C || c == 0x300D;
  }
  bool is_terminal(int32_t i) const {
    if (is_word(i)) return false;
    std::string_view n = norm(i);
    return n == "." || n == "!" || n == "?" || n == "..." || n == "…";
  }
  // Punctuation that ends a noun phrase (anything but a joiner).
  bool is_break(int32_t i) const { return !is_word(i) && !is_joiner(i) && !is_title_period(i); }
  // The period of a short capitalised abbreviation before a name ("Mr. Kopachko",
  // "Sen. Ted Cruz", "John F. Kennedy"): part of the name.
  bool is_title_period(int32_t i) const {
    if (i == 0 || i + 1 >= static_cast<int32_t>(toks_.size()) || norm(i) != ".") return false;
    const Token& prev = toks_[i - 1];
    const Token& next = toks_[i + 1];
    if (!prev.is_word || !prev.capitalized || prev.span.end != toks_[i].span.begin || prev.span.size() > 4)
      return false;
    // A suffix closes the name whatever follows ("Jo Vale Jr. warned").
    if ((prev.norm == "jr" || prev.norm == "sr" || prev.norm == "inc" || prev.norm == "corp" ||
         prev.norm == "ltd") && next.is_word && !next.capitalized && next.sentence == prev.sentence)
      return true;
    return next.is_word && next.capitalized && next.sentence == prev.sentence;
  }

  // "and" or "of" between capitalised words belongs to a name ("Fire and Rescue").
  bool inside_name(int32_t i) const {
    std::string_view n = norm(i);
    if (n != "and" && n != "of" && n != "&") return false;
    return i > 0 && i + 1 < static_cast<int32_t>(toks_.size()) && toks_[i - 1].capitalized &&
           toks_[i + 1].capitalized && is_word(i - 1) && is_word(i + 1);
  }

  int32_t first_token_at(uint32_t pos) const {
    auto it = std::lower_bound(toks_.begin(), toks_.end(), pos,
                               [](const Token& t, uint32_t p) { return t.span.begin < p; });
    return static_cast<int32_t>(it - toks_.begin());
  }
  int32_t last_token_before(uint32_t pos) const {
    auto it = std::lower_bound(toks_.begin(), toks_.end(), pos,
                               [](const Token& t, uint32_t p) { return t.span.end <= p; });
    return static_cast<int32_t>(it - toks_.begin()) - 1;
  }
  uint32_t sentence_at(uint32_t pos) const {
    int32_t t = first_token_at(pos);
    if (t >= static_cast<int32_t>(toks_.size())) t = static_cast<int32_t>(toks_.size()) - 1;
    return toks_[t].sentence;
  }
  int words_in(Span s) const {
    int n = 0;
    for (int32_t i = first_token_at(s.begin); i < static_cast<int32_t>(toks_.size()) && toks_[i].span.end <= s.end; ++i)
      n += is_word(i);
    return n;
  }
  Span token_span(int32_t b, int32_t e) const { return {toks_[b].span.begin, toks_[e - 1].span.end}; }

  // --- quotations and cues -------------------------------------------------
  void mark_inside_quotes() {
    in_quote_.assign(toks_.size(), kNone);
    for (size_t q = 0; q < quotations_.size(); ++q) {
      const Span& c = quotations_[q].content;
      for (int32_t i = first_token_at(c.begin); i < static_cast<int32_t>(toks_.size()) && toks_[i].span.begin < c.end; ++i)
        in_quote_[i] = static_cast<int32_t>(q);
    }
  }

  bool word_matches(int32_t i, const std::string& w, const std::string& s) const {
    return is_word(i) && (norm(i) == w || toks_[i].stem == s);
  }

  void find_cues() {
    cue_at_.assign(toks_.size(), kNone);
    cue_end_at_.assign(toks_.size(), kNone);
    const int32_t n = static_cast<int32_t>(toks_.size());
    for (int32_t i = 0; i < n; ++i) {
      if (!is_word(i) && in_quote_[i] == kNone && colon_cue(i)) {
        Cue c;
        c.first = c.last = static_cast<uint32_t>(i);
        c.entry = lex_.say;
        c.kind = CueKind::kVerb;
        c.weight = 1.0f;
        int32_t idx = static_cast<int32_t>(cues_.size());
        cue_at_[i] = cue_end_at_[i] = idx;
        cues_.push_back(c);
        continue;
      }
      if (!is_word(i) || in_quote_[i] != kNone) continue;
      Cue c;
      bool found = false;
      const CueStart* start = nullptr;
      if (int64_t k = lex_.start_table.find(toks_[i].norm); k >= 0) start = lex_.start_list[k];
      // Phrases first: "according to", "cited as saying".
      if (start) {
        for (uint32_t e : start->phrases) {
          const CueEntry& entry = lex_.cues[e];
          int32_t j = i;
          size_t k = 0;
          for (; k < entry.words.size() && j < n; ++k, ++j) {
            if (!word_matches(j, entry.words[k], entry.stems[k])) break;
          }
          // "amid calls for", "Trump's previous call for": the phrase's verb is a noun.
          if (k == entry.words.size() && entry.words.size() > 1 && entry.kind == CueKind::kPhrase &&
              !toks_[i].capitalized && noun_context(i))
            break;
          if (k == entry.words.size()) {
            c.first = i;
            c.last = j - 1;
            c.entry = e;
            found = true;
            break;
          }
        }
      }
      if (!found) {
        std::string_view nm = norm(i);
        if (start && start->verb >= 0) {
          c.entry = static_cast<uint32_t>(start->verb);
          found = true;
        } else if (!toks_[i].is_stop && !toks_[i].is_number && !toks_[i].capitalized && toks_[i].stem != nm &&
                   (ends_with(nm, "s") || ends_with(nm, "ed") || ends_with(nm, "ing")) &&
                   !ends_with(nm, "ions") && !ends_with(nm, "ments") && !ends_with(nm, "ers") &&
                   !ends_with(nm, "ness") && !ends_with(nm, "ings")) {
          if (int64_t k = lex_.stem_table.find(toks_[i].stem); k >= 0) {
            c.entry = static_cast<uint32_t>(k);
            found = true;
          }
        }
        c.first = c.last = i;
        if (found && !verb_use(i)) found = false;
      }
      if (!found) continue;
      const CueEntry& entry = lex_.cues[c.entry];
      c.kind = entry.kind;
      c.weight = entry.weight;
      c.ing = ends_with(norm(c.first), "ing");
      // "asked not to be named": a request about the speaking, not a report.
      if (c.kind != CueKind::kSource && c.last + 2 < static_cast<uint32_t>(n) && is_word(c.last + 1) &&
          norm(c.last + 1) == "not" && is_word(c.last + 2) && norm(c.last + 2) == "to") {
        i = c.last;
        continue;
      }
      if (c.kind != CueKind::kSource && negated(c.first)) {
        i = c.last;
        continue;
      }
      int32_t idx = static_cast<int32_t>(cues_.size());
      cue_at_[c.first] = idx;
      cue_end_at_[c.last] = idx;
      cues_.push_back(c);
      i = c.last;
    }
  }

  // True when token `i` is the colon of a headline or transcript attribution: a short
  // name opening its sentence, then what it said ("Vale: Port Must Close", "Q: How did
  // it go?", "Daron Shaw: \u201cLesser-known candidates ...\u201d"). Every word but the
  // last may be lower case ("Republican pollster Daron Shaw"); labels ("Update:",
  // "Editor's note:", "Watch:") and days are no one.
  bool colon_cue(int32_t i) const {
    if (norm(i) != ":" || i == 0) return false;
    const uint32_t s = toks_[i].sentence;
    const int32_t b = static_cast<int32_t>(sent_first(s)), e = static_cast<int32_t>(sent_end(s));
    int words = 0, after = 0;
    for (int32_t k = b; k < i; ++k) {
      if (cue_at_[k] != kNone) return false;  // "Vale added on Twitter:" has its cue
      if (is_word(k)) {
        ++words;
      } else if (!is_joiner(k) && !is_title_period(k)) {
        return false;
      }
    }
    if (words == 0 || words > 6 || !is_word(i - 1) || !toks_[i - 1].capitalized ||
        !toks_[b].capitalized)
      return false;
    if (toks_[i - 1].is_number || toks_[i - 1].span.end != toks_[i].span.begin) return false;
    for (int32_t k = i + 1; k < e && after < 2; ++k) after += is_word(k);
    if (after < 2 || (i + 1 < e && toks_[i + 1].is_number)) return false;
    static const WordSet kLabels = {
        "note",      "notes",      "update",        "updated",       "updates",    "editor",
        "editors",   "correction", "corrections",   "clarification", "related",    "source",
        "sources",   "photo",      "photos",        "image",         "images",     "video",
        "videos",    "watch",      "read",          "listen",        "see",        "click",
        "share",     "subscribe",  "advertisement", "disclosure",    "disclaimer", "warning",
        "breaking",  "exclusive",  "opinion",       "analysis",      "live",       "follow",
        "contact",   "email",      "tags",          "topics",        "filed",      "posted",
        "published", "by",         "credit",        "credits",       "caption",    "more",
        "also",      "plus",       "bonus",         "pictured",      "above",      "below",
        "top",       "background", "context",       "summary",       "transcript", "the",
        "this",      "here",       "what",          "why",           "how",        "who",
        "when",      "where",      "today",         "tonight",       "yesterday",  "tomorrow",
        "monday",    "tuesday",    "wednesday",     "thursday",      "friday",     "saturday",
        "sunday",    "morning",    "afternoon",     "evening",       "step",       "part",
        "chapter",   "example",    "answer",        "question",      "result",     "results",
        "fact",      "facts",      "bottom",        "key",           "takeaway",   "takeaways",
        "verdict",   "rating",     "ratings",       "score"};
    for (int32_t k = b; k < i; ++k)
      if (is_word(k) && kLabels.count(norm(k))) return false;
    // Who speaks: a person or organisation the entity finder knows, "Q" or "A", a
    // transcript's speaker in capitals ("HORSLEY:"), or a source noun ("Poll:"). A topic
    // ("Las Vegas Massacre: what we know") or a dateline ("WASHINGTON:") is no one.
    const int32_t ent = mention_ending_at(toks_[i - 1].span.end);
    if (ent != kNone) {
      const EntityType t = out_.entities[ent].type;
      return t == EntityType::kPerson || t == EntityType::kOrganisation;
    }
    if (words == 1) {
      std::string_view w = tok_text(i - 1);
      if (w == "Q" || w == "A") return true;
      if (w.size() >= 3 &&
          std::none_of(w.begin(), w.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; }))
        return true;
    }
    int32_t last = kNone;
    for (int32_t k = b; k < i; ++k)
      if (noun_at(k, i, &last) != nullptr && last == i - 1) return true;
    return false;
  }

  // True when the word at `i` stands where a noun does: after a preposition, a
  // determiner, a possessive or a number, or after one of those and an adjective of
  // time or order ("amid calls for", "Trump's previous call for", "a new call for").
  bool noun_context(int32_t i) const {
    const uint32_t s = toks_[i].sentence;
    auto nominal = [&](int32_t k) {
      if (k < 0 || toks_[k].sentence != s) return false;
      if (toks_[k].is_number) return true;
      std::string_view p = norm(k);
      if (!is_word(k)) return p == "'s" || p == "’s";
      return is_preposition(p) || determiners().count(p) > 0 || ends_with(p, "'s") ||
             ends_with(p, "’s");
    };
    if (nominal(i - 1)) return true;
    // An adjective of time or order between them; any other word may be the subject
    // ("the union called for").
    static const WordSet kOrder = {"previous", "earlier", "latest",   "last",    "new",
                                   "recent",   "first",   "repeated", "renewed", "initial",
                                   "original", "own",     "fresh"};
    return i >= 2 && is_word(i - 1) && kOrder.count(norm(i - 1)) && nominal(i - 2);
  }

  // False when a verb-form token is a noun or a name here ("his claim", "the United
  // States", "a stern warning").
  bool verb_use(int32_t i) const {
    const Token& t = toks_[i];
    if (t.capitalized) return false;  // a name, or a title-case headline
    if (i == 0 || toks_[i - 1].sentence != t.sentence) return true;
    std::string_view p = norm(i - 1);
    // After a number the word is an adjective ("1,000 pledged delegates").
    if (toks_[i - 1].is_number) return false;
    // After a possessive the word is a noun or an adjective ("Macron's reported
    // opposition"), also when a stray mark split the possessive off ("Macron‘s").
    if (determiners().count(p) || (is_word(i - 1) && (ends_with(p, "'s") || ends_with(p, "s'")))) return false;
    if (p == "s" && i >= 2 && !is_word(i - 2) && toks_[i - 2].span.end == toks_[i - 1].span.begin) return false;
    // After a preposition a verb form is a noun: a gerund ("in writing") or a plural
    // ("amid calls for", "despite claims").
    if (is_preposition(p)) return false;
    // "reported missing": an adjective, not a report.
    if (i + 1 < static_cast<int32_t>(toks_.size()) && toks_[i + 1].sentence == t.sentence &&
        states_after_participle().count(norm(i + 1)))
      return false;
    // A passive cue has no speaker in the subject ("were told to", "is said to").
    for (int32_t j = i - 1; j >= 0 && toks_[j].sentence == t.sentence && is_word(j); --j) {
      std::string_view q = norm(j);
      if (be_forms().count(q)) return false;
      if (!(ends_with(q, "ly") && q.size() > 4) && q != "also" && q != "widely" && q != "often") break;
    }
    if (i >= 2 && toks_[i - 2].sentence == t.sentence && determiners().count(norm(i - 2))) {
      if (toks_[i - 1].is_number) return false;                                 // "his 2019 claim"
      if (ends_with(norm(i), "ing") && is_word(i - 1) && !toks_[i - 1].capitalized &&
          !verb_fillers().count(p))
        return false;  // "a stern warning"
    }
    return true;
  }

  bool negated(int32_t i) const {
    uint32_t s = toks_[i].sentence;
    for (int32_t j = i - 1, k = 0; j >= 0 && k < 3 && toks_[j].sentence == s; --j, ++k) {
      if (!is_word(j)) return false;
      std::string_view n = norm(j);
      if (negations().count(n) || ends_with(n, "n't")) return true;
      if (!verb_fillers().count(n) && n != "to" && !ends_with(n, "ly")) return false;
    }
    return false;
  }

  // --- speakers -------------------------------------------------------------
  // True when the name at `span` modifies a noun after an article ("the Saltmarsh
  // bridge", "the Obama administration").
  bool modifier(Span span) const {
    int32_t mb = first_token_at(span.begin), me = last_token_before(span.end) + 1;
    const uint32_t s = toks_[mb].sentence;
    bool after_article = mb > 0 && toks_[mb - 1].sentence == s && is_word(mb - 1) &&
                         (norm(mb - 1) == "the" || norm(mb - 1) == "a");
    bool before_noun = me < static_cast<int32_t>(toks_.size()) && toks_[me].sentence == s &&
                       is_word(me) && !toks_[me].capitalized && !toks_[me].is_stop &&
                       cue_at_[me] == kNone && !is_auxiliary(norm(me));
    return after_article && before_noun;
  }

  // True when token `i` follows a preposition in its sentence ("at Trump", "Of Obama"),
  // looking past a title ("with Sen. Vale").
  bool after_preposition(int32_t i) const {
    const uint32_t s = toks_[i].sentence;
    int32_t k = i - 1;
    while (k >= 0 && toks_[k].sentence == s &&
           (is_title_period(k) || (is_word(k) && toks_[k].capitalized && !is_preposition(norm(k)))))
      --k;
    // "after", "before" may open a clause with its own subject ("after Vale chided ...").
    return k >= 0 && toks_[k].sentence == s && is_word(k) && is_preposition(norm(k)) &&
           !is_subordinator(norm(k));
  }

  // True when the name at token i opens a subordinate clause ("the day that Mr. Vale
  // stood ..., Mr. Rune bashed"): the subject of that clause, not of the sentence.
  bool after_subordinator(int32_t i) const {
    const uint32_t s = toks_[i].sentence;
    int32_t k = i - 1;
    while (k >= 0 && toks_[k].sentence == s &&
           (is_title_period(k) || (is_word(k) && toks_[k].capitalized)))
      --k;
    if (k < 0 || toks_[k].sentence != s || !is_word(k) || toks_[k].capitalized) return false;
    const std::string_view w = norm(k);
    return w == "that" || is_subordinator(w);
  }

  bool is_filler(int32_t i) const {
    if (!is_word(i) || toks_[i].capitalized) return false;
    std::string_view n = norm(i);
    return verb_fillers().count(n) || (ends_with(n, "ly") && n.size() > 4);
  }

  // The subject noun phrase that ends just before token `end` (exclusive), within
  // the sentence: tokens [b, e), or b == e when there is none. `boundary` receives
  // the token that stopped the scan (or -1 at the sentence's start).
  std::pair<int32_t, int32_t> left_np(int32_t end, int32_t* boundary, int depth = 0) const {
    uint32_t s = toks_[end < static_cast<int32_t>(toks_.size()) ? end : end - 1].sentence;
    int32_t first = static_cast<int32_t>(sent_first(s));
    int32_t e = end;
    while (e > first && is_filler(e - 1)) --e;
    // An infinitive cue hangs from the clause's own verb ("Biden was quick to retort",
    // "the minister declined to say"): its subject stands before that verb.
    if (e - 2 > first && is_word(e - 1) && norm(e - 1) == "to" && is_word(e - 2) &&
        !toks_[e - 2].capitalized) {
      e -= 2;
      while (e > first && is_filler(e - 1)) --e;
    }
    // A short parenthesis after the name ("Sen. Jo Vale (D-Ore.) said") belongs to it.
    if (e > first && punct_is(e - 1, ")")) {
      int32_t open = e - 2;
      while (open > first && open > e - 10 && !punct_is(open, "(")) --open;
      if (open > first && punct_is(open, "(")) e = open;
    }
    // "Rep. Jo Vale, R-Ohio, said": a party code after a comma labels the name before it.
    if (int32_t pb = party_code_start(e); depth == 0 && pb - 1 > first && punct_is(pb - 1, ",")) {
      int32_t inner = kNone;
      auto [nb, ne] = left_np(pb - 1, &inner, depth + 1);
      if (ne > nb) {
        *boundary = inner;
        return {nb, e};
      }
    }
    *boundary = e - 1 >= first ? e - 1 : kNone;
    if (e <= first) return {e, e};
    if (is_break(e - 1)) return {e, e};
    std::string_view last = norm(e - 1);
    if ((last == "who" || last == "which" || last == "that") && depth == 0) {
      // "a report that said ...": the relative pronoun stands for the noun before it.
      int32_t inner = kNone;
      return left_np(e - 1, &inner, depth + 1);
    }
    if (clause_words().count(last)) return {e, e};
    int32_t b = e;
    while (b > first && !is_break(b - 1) && cue_at_[b - 1] == kNone && cue_end_at_[b - 1] == kNone &&
           !(clause_words().count(norm(b - 1)) && !toks_[b - 1].capitalized && !inside_name(b - 1)))
      --b;
    *boundary = b - 1 >= first ? b - 1 : kNone;
    while (b < e && is_word(b) && clause_openers().count(norm(b)) && !toks_[b].capitalized) ++b;
    while (b < e && is_word(b) && toks_[b].capitalized && clause_openers().count(norm(b)) &&
           b + 1 < e)
      ++b;  // "However the ministry said"
    // "Vale on Saturday tweeted", "Vale last week said": the time is no part of the
    // subject.
    for (int32_t k = b + 1; k + 1 < e; ++k) {
      if (!is_word(k) || toks_[k].capitalized) continue;
      std::string_view w = norm(k);
      if ((w == "on" || w == "last" || w == "this" || w == "earlier" || w == "late" || w == "early") &&
          is_word(k + 1) && time_word(norm(k + 1)) && (k + 2 == e || (k + 3 == e && time_word(norm(k + 2))))) {
        e = k;
        break;
      }
    }
    while (b + 1 < e && is_word(b) && toks_[b].capitalized && ends_with(norm(b), "ly") && norm(b).size() > 4 &&
           !toks_[b + 1].is_stop)
      ++b;  // "Recently she said"
    // "officials who asked not to be named said": the relative clause describes the
    // subject before it.
    for (int32_t k = b + 1; k + 1 < e; ++k) {
      if (is_word(k) && !toks_[k].capitalized && (norm(k) == "who" || norm(k) == "which")) {
        e = k;
        break;
      }
    }
    // An auxiliary inside means the clause has a verb of its own: keep what follows it.
    for (int32_t k = e - 1; k > b; --k) {
      if (is_word(k) && is_auxiliary(norm(k))) {
        b = k + 1;
        break;
      }
    }
    // "When Vale said", "what she said", "That's why he said": the subordinator
    // is no part of the subject.
    for (int32_t k = e - 1; k > b; --k) {
      if (!is_word(k) || toks_[k].capitalized || inside_name(k)) continue;
      std::string_view w = norm(k);
      if (w == "what" || w == "why" || w == "how" || w == "when" || w == "as" || w == "although" ||
          w == "though" || w == "because" || w == "if") {
        b = k + 1;
        break;
      }
    }
    while (b + 1 < e && is_word(b)) {
      std::string_view w = norm(b);
      if (!(w == "what" || w == "why" || w == "how" || clause_words().count(w)) || inside_name(b)) break;
      ++b;
    }
    while (b < e && !is_word(b)) ++b;
    int words = 0;
    for (int32_t k = b; k < e; ++k) words += is_word(k);
    if (words == 0 || words > 12) return {e, e};
    return {b, e};
  }

  // True when [b, e) is a party code ("R-Ohio", "D-N.Y.", "I-Vt."; see
  // party_code_length).
  bool party_code(int32_t b, int32_t e) const {
    if (e <= b) return false;
    const uint32_t at = toks_[b].span.begin;
    return party_code_length(text_, at) == toks_[e - 1].span.end - at;
  }

  // The first token of a party code that ends just before token `e`, or kNone.
  int32_t party_code_start(int32_t e) const {
    for (int32_t b = e - 1; b >= 0 && b >= e - 7; --b) {
      if (party_code(b, e)) return b;
    }
    return kNone;
  }

  // [b, e) without a party code that closes it after a comma ("Rep. Jo Vale, R-Ohio").
  int32_t before_party_code(int32_t b, int32_t e) const {
    for (int32_t k = e - 1; k > b; --k) {
      if (punct_is(k - 1, ",") && party_code(k, e)) {
        int32_t x = k - 1;
        while (x > b && !is_word(x - 1)) --x;
        return x > b ? x : e;
      }
    }
    return e;
  }

  // The source noun phrase that starts at token `b`: [b, e).
  std::pair<int32_t, int32_t> right_np(int32_t b, bool inverted) const {
    if (b >= static_cast<int32_t>(toks_.size())) return {b, b};
    uint32_t s = toks_[b].sentence;
    int32_t end = static_cast<int32_t>(sent_end(s));
    int32_t e = b;
    int words = 0;
    const WordSet& stops = right_stops(inverted);
    while (e < end && words < 10) {
      if (is_break(e)) break;
      if (is_word(e) && words > 0 && !toks_[e].capitalized && stops.count(norm(e))) break;
      if (is_word(e) && words > 0 && toks_[e].capitalized != toks_[e - 1].capitalized && inverted &&
          e > b && norm(e) == "in")
        break;
      words += is_word(e);
      ++e;
    }
    while (e > b && (!is_word(e - 1) || clause_openers().count(norm(e - 1)))) --e;
    return {b, e};
  }

  // The subject of the sentence a participle hangs from ("Macron doubled down,
  // clarifying that ..."): the speaker of an earlier cue in the sentence, else the first
  // entity mentioned in it, else its first run of capitalised words.
  std::pair<int32_t, int32_t> main_subject(const Cue& c) {
    uint32_t s = toks_[c.first].sentence;
    int32_t first = static_cast<int32_t>(sent_first(s));
    // "Asked about it, Vale said", "After meeting Ruiz, Vale left, saying": an opening
    // participle or subordinate clause holds no subject of the sentence.
    uint32_t from = toks_[first].span.begin;
    const bool named = first + 1 < static_cast<int32_t>(c.first) && is_word(first + 1) &&
                       toks_[first + 1].capitalized;  // "Ted Cruz"
    if (is_word(first) && !named && first + 1 < static_cast<int32_t>(c.first) &&
        is_word(first + 1) &&
        (ends_with(norm(first), "ed") || ends_with(norm(first), "ing") ||
         is_subordinator(norm(first)) || is_preposition(norm(first)))) {
      for (int32_t k = first + 1; k < static_cast<int32_t>(c.first); ++k) {
        if (punct_is(k, ",")) {
          from = toks_[k].span.end;
          break;
        }
      }
    }
    for (int32_t k = static_cast<int32_t>(&c - cues_.data()) - 1; k >= 0; --k) {
      Cue& o = cues_[k];
      if (toks_[o.first].sentence != s || toks_[o.first].span.begin < from) break;
      attribute(o);
      if (o.sp_b != kNone && o.sp_e > o.sp_b) return {o.sp_b, o.sp_e};
    }
    // "She doubled down on Monday, telling CNN": a pronoun opening the sentence.
    if (from == toks_[first].span.begin) {
      int32_t b = first;
      while (b < static_cast<int32_t>(c.first) && (!is_word(b) || clause_openers().count(norm(b))))
        ++b;
      if (b < static_cast<int32_t>(c.first) && pronoun_of(norm(b)) == Pronoun::kPerson)
        return {b, b + 1};
    }
    for (const auto& m : mentions_) {
      if (m.sentence != s || m.span.begin < from) continue;
      if (m.span.begin >= toks_[c.first].span.begin) break;
      if (after_preposition(first_token_at(m.span.begin))) continue;  // "jabs at Trump, saying"
      // A name modifying a noun after an article ("the Saltmarsh bridge") is part of
      // an object, not the subject.
      if (modifier(m.span)) continue;
      int32_t b = first_token_at(m.span.begin);
      int32_t e = last_token_before(m.span.end) + 1;
      if (e > b) return {b, e};
    }
    int32_t b = first;
    while (b < static_cast<int32_t>(c.first) &&
           !(is_word(b) && toks_[b].capitalized && !toks_[b].is_stop && !time_word(norm(b)) &&
             toks_[b].span.begin >= from && !after_preposition(b)))
      ++b;
    int32_t e = b;
    while (e < static_cast<int32_t>(c.first) && is_word(e) && toks_[e].capitalized) ++e;
    if (e - b >= 1 && b < static_cast<int32_t>(c.first)) return {b, e};
    return {kNone, kNone};
  }

  // The reported clause after a cue: skips "that", a colon, and the listener of "told".
  void clause_after(Cue& c) {
    uint32_t s = toks_[c.last].sentence;
    int32_t end = static_cast<int32_t>(sent_end(s));
    int32_t i = static_cast<int32_t>(c.last) + 1;
    int32_t start = i;
    // "told US media on May 10 that ...": look for "that" a few words on.
    // A weak cue reaches it only across a prepositional phrase ("charged on the campaign
    // trail that ..."); after an object "that" starts a relative clause ("called the
    // plan a mistake that ...").
    const bool adverbial = i < end && is_word(i) && is_preposition(norm(i));
    for (int32_t k = i, words = 0; k < end && words <= 10; ++k) {
      if (is_word(k)) {
        ++words;
        // Only a true speech verb reaches over its object to its "that" ("told US media
        // on May 10 that").
        if (words > 1 && c.weight < 0.5f && !adverbial) break;
        if (norm(k) == "that" && !toks_[k].capitalized) {
          start = k + 1;
          c.has_that = true;
          break;
        }
        // An auxiliary or a copula: the reported clause has begun, and a "that" after it
        // is its own ("said the plan was a good one that would cut taxes").
        if (is_auxiliary(norm(k))) break;
        if (cue_at_[k] != kNone) break;
      } else if (!is_joiner(k) && !(adverbial && norm(k) == ",") &&
                 !(adverbial && norm(k) == "." && toks_[k - 1].span.end == toks_[k].span.begin &&
                   k + 1 < end && toks_[k + 1].span.begin > toks_[k].span.end)) {
        // Commas and an abbreviation's dot stay inside a prepositional phrase: "said on
        // Monday, Jan. 5, that".
        break;
      }
    }
    if (!c.has_that && i < end && !is_word(i) && (norm(i) == ":" || is_quote_tok(i))) c.has_that = true;
    if (!c.has_that) {
      while (start < end && is_word(start) && lex_.audience.count(std::string(norm(start)))) ++start;
    }
    while (start < end && !is_word(start) && !is_quote_tok(start)) ++start;
    int32_t e = end;
    while (e > start && !is_word(e - 1) && !is_quote_tok(e - 1)) --e;
    // "Trump lashed out on Twitter, saying:" closing its paragraph: what was said is the
    // next paragraph, set off without quotation marks (a post, a statement).
    if (c.has_that && e <= start) {
      if (auto [b2, e2] = paragraph_set_off_after(s); e2 > b2) start = b2, e = e2;
    }
    c.ct_b = start;
    c.ct_e = e;
  }

  // The words before a cue whose source follows it ("..., according to X").
  void clause_before(Cue& c) {
    uint32_t s = toks_[c.first].sentence;
    int32_t b = static_cast<int32_t>(sent_first(s));
    int32_t e = static_cast<int32_t>(c.first);
    while (e > b && !is_word(e - 1) && !is_quote_tok(e - 1)) --e;
    c.ct_b = b;
    c.ct_e = e;
  }

  void attribute(Cue& c) {
    if (c.attributed) return;
    c.attributed = true;
    uint32_t s = toks_[c.first].sentence;
    int32_t send = static_cast<int32_t>(sent_end(s));
    if (c.kind == CueKind::kSource) {
      auto [b, e] = right_np(c.last + 1, false);
      if (e > b) c.sp_b = b, c.sp_e = e;
      int before = 0;
      for (int32_t k = sent_first(s); k < static_cast<int32_t>(c.first); ++k) before += is_word(k);
      if (before >= 3) {
        clause_before(c);
      } else {
        int32_t k = e;
        while (k < send && !is_word(k) && !is_quote_tok(k)) ++k;
        c.ct_b = k;
        int32_t end = send;
        while (end > k && !is_word(end - 1) && !is_quote_tok(end - 1)) --end;
        c.ct_e = end;
      }
      return;
    }
    int32_t boundary = kNone;
    auto [b, e] = left_np(c.first, &boundary);
    const int32_t first_tok = static_cast<int32_t>(sent_first(s));
    {
      // "officials who said", "Vale, who said": the relative pronoun is the source's
      // word in the clause; its antecedent says who it is.
      int32_t v = static_cast<int32_t>(c.first);
      while (v > first_tok && is_filler(v - 1)) --v;
      if (v > first_tok && is_word(v - 1) && !toks_[v - 1].capitalized) {
        std::string_view w = norm(v - 1);
        if (w == "who" || w == "which" || (w == "that" && e > b)) c.rel = v - 1;
      }
      if (c.rel != kNone && e <= b && c.rel > first_tok && punct_is(c.rel - 1, ",")) {
        int32_t inner = kNone;
        auto [ab, ae] = left_np(c.rel - 1, &inner);
        // The antecedent is the name just before the comma ("closed by Jo Vale, who").
        int32_t nb = c.rel - 1;
        auto name_run = [&] {
          while (nb > ab && ((is_word(nb - 1) && toks_[nb - 1].capitalized) || is_joiner(nb - 1) ||
                             is_title_period(nb - 1)))
            --nb;
        };
        name_run();
        // "Sen. Jo Vale of Ohio, who": the person, not the place.
        if (nb - 2 > ab && is_word(nb - 1) && norm(nb - 1) == "of" && is_word(nb - 2) &&
            toks_[nb - 2].capitalized) {
          nb -= 2;
          name_run();
        }
        if (nb < c.rel - 1 && nb > ab) ab = nb;
        b = ab, e = ae;
        if (e <= b) c.rel = kNone;
      }
    }
    if (e > b) {
      c.sp_b = b, c.sp_e = e;
      if (c.rel == kNone) {
        // "Sen. Jo Vale (D-Ore.) said": the parenthesis is part of the source as shown.
        int32_t v = static_cast<int32_t>(c.first);
        while (v > e && is_filler(v - 1)) --v;
        if (v > e + 1 && punct_is(e, "(") && punct_is(v - 1, ")")) c.show_b = b, c.show_e = v;
      }
      clause_after(c);
      int after = 0;
      for (int32_t k = c.ct_b; k < c.ct_e; ++k) after += is_word(k);
      bool adverbial =
          !c.has_that && c.ct_b < c.ct_e && is_word(c.ct_b) && is_preposition(norm(c.ct_b));
      if ((after == 0 || adverbial) && boundary != kNone && (punct_is(boundary, ",") || is_quote_tok(boundary))) {
        // "Tolls will rise, Reuters reported." / "..., X told reporters at a briefing.":
        // the words before the source.
        int32_t end = boundary;
        while (end > static_cast<int32_t>(sent_first(s)) && !is_word(end - 1) && !is_quote_tok(end - 1)) --end;
        int words = 0;
        for (int32_t k = sent_first(s); k < end; ++k) words += is_word(k);
        if (words >= 3 || after == 0) {
          c.ct_b = static_cast<int32_t>(sent_first(s));
          c.ct_e = end;
        }
      }
      return;
    }
    bool after_mark = boundary != kNone && boundary == static_cast<int32_t>(c.first) - 1 &&
                      (punct_is(boundary, ",") || is_quote_tok(boundary));
    // "..., said X." / "“...,” said X": the speaker follows a finite verb that follows a
    // comma or a quotation, and ends the clause.
    // Without a quotation before the comma, the comma may close an aside about the
    // subject ("Jo Vale, who runs the port, said they ..."), which comes first.
    const bool after_quote = after_mark && (is_quote_tok(boundary) || (boundary > first_tok && is_quote_tok(boundary - 1)));
    if (!c.ing && after_mark && (after_quote || !aside_before(boundary))) {
      auto [rb, re] = right_np(c.last + 1, true);
      // The source after the verb is a name, a noun phrase with a determiner, or a
      // pronoun standing alone ("said he."); not the reported clause ("said they
      // touched on ...") nor an adverbial ("said on a call").
      bool np_like =
          re > rb && is_word(rb) &&
          ((toks_[rb].capitalized && !is_preposition(norm(rb))) || determiners().count(norm(rb)) ||
           (pronoun_of(norm(rb)) != Pronoun::kNone && re == rb + 1));
      if (np_like && !(is_word(rb) && (norm(rb) == "that" || norm(rb) == "to")) && ends_clause(re, send)) {
        c.sp_b = rb, c.sp_e = re;
        // "..., said Jo Vale, a lawyer in Tampa.": the description runs to the end of
        // the clause, which annotators mark as part of the source.
        if (re + 1 < send && punct_is(re, ",") && describes(re + 1)) {
          int32_t x = re + 1, last_comma = re;
          while (x < send && !is_terminal(x) && !is_quote_tok(x) && cue_at_[x] == kNone && !punct_is(x, ";")) {
            if (punct_is(x, ",")) last_comma = x;
            ++x;
          }
          int32_t stop = x < send && !is_terminal(x) && !punct_is(x, ";") ? last_comma : x;
          while (stop > re && !is_word(stop - 1)) --stop;
          if (stop > re + 1) c.show_b = rb, c.show_e = stop;
        }
        clause_before(c);
        return;
      }
    }
    // "..., warning that ..." / "X arrived and lectured them that ...": the sentence's subject.
    if (c.ing || (boundary != kNone && is_word(boundary) && (norm(boundary) == "and" || norm(boundary) == "but"))) {
      auto [mb, me] = main_subject(c);
      c.sp_b = mb, c.sp_e = me;
      clause_after(c);
      return;
    }
    // "X, who ..., said" / "X, the minister, said" / "X, seen by Y, warns": the noun
    // before the aside, or the aside when it is a name.
    if (boundary != kNone && punct_is(boundary, ",")) {
      int32_t first = static_cast<int32_t>(sent_first(s));
      int32_t k = boundary - 1;
      while (k >= first && !punct_is(k, ",")) --k;
      // A party code is no name ("Rep. Jo Vale, R-Ohio, said"): left_np takes it in.
      bool name_aside =
          k >= first && k + 1 < boundary && boundary - (k + 1) <= 5 && !party_code(k + 1, boundary);
      if (k > first && party_code(k + 1, boundary)) {
        int32_t inner = kNone;
        auto [ab, ae] = left_np(boundary, &inner);
        if (ae > ab && !party_code(ab, ae)) {
          c.sp_b = ab, c.sp_e = ae;
          clause_after(c);
          return;
        }
      }
      for (int32_t j = k + 1; name_aside && j < boundary; ++j) {
        name_aside = (is_word(j) && toks_[j].capitalized) || is_joiner(j);
      }
      if (name_aside) {
        c.sp_b = k + 1, c.sp_e = boundary;
        // "the FBI director, Jo Vale, said": the role and the name together.
        int32_t inner = kNone;
        auto [ab, ae] = left_np(k, &inner);
        if (ae > ab && ae == k) c.show_b = ab, c.show_e = boundary;
        clause_after(c);
        return;
      }
      if (k > first && k + 1 < boundary && boundary - (k + 1) <= 12 && is_word(k + 1)) {
        std::string_view w = norm(k + 1);
        if (w == "who" || w == "which" || w == "whose" || determiners().count(w) || ends_with(w, "ed") ||
            ends_with(w, "en")) {
          int32_t inner = kNone;
          auto [ab, ae] = left_np(k, &inner);
          bool number_only = true;  // "X, 58, a former pilot, said": the age is no source
          for (int32_t j = ab; j < ae && number_only; ++j) number_only = !is_word(j) || toks_[j].is_number;
          if (ae > ab && !number_only) {
            c.sp_b = ab, c.sp_e = ae;
            if (describes(k + 1)) c.show_b = ab, c.show_e = boundary;
            clause_after(c);
            return;
          }
        }
      }
      // A longer aside, perhaps with commas of its own ("X, director of the Y
      // institute, said" / "X, 70, said"): the source before it, when it names one.
      for (int32_t kk = k, tries = 0; kk > first && tries < 2; ++tries) {
        if (boundary - kk > 25) break;
        int32_t inner = kNone;
        auto [ab, ae] = left_np(kk, &inner);
        if (ae > ab && source_like(ab, ae)) {
          // "Rep. Jo Vale, D-N.Y., the former chairman of the Y committee, told": an
          // apposition after a name describes it; the name is the source.
          if (is_word(ab) && determiners().count(norm(ab)) && ab - 1 > first &&
              punct_is(ab - 1, ",")) {
            int32_t inner2 = kNone;
            auto [nb, ne] = left_np(ab - 1, &inner2);
            if (ne > nb && is_word(nb) && toks_[nb].capitalized && source_like(nb, ne))
              ab = nb, ae = ne;
          }
          c.sp_b = ab, c.sp_e = ae;
          if (describes(k + 1)) c.show_b = ab, c.show_e = boundary;
          clause_after(c);
          return;
        }
        --kk;
        while (kk >= first && !punct_is(kk, ",")) --kk;
      }
    }
    clause_after(c);
  }

  // The first token of the cue as reported. Attribution corpora mark the
  // auxiliaries and adverbs before the verb ("has also said") and the "to" of an
  // infinitive ("vowed to fight", "declined to say") as part of the cue.
  // A verb before the infinitive that only frames the cue ("seemed to confirm",
  // "continued to insist", "was quick to point out") belongs to it too.
  int32_t cue_start(const Cue& c) const {
    if (c.kind == CueKind::kSource) return static_cast<int32_t>(c.first);
    const int32_t first = static_cast<int32_t>(sent_first(toks_[c.first].sentence));
    int32_t b = static_cast<int32_t>(c.first);
    if (b > first && is_word(b - 1) && norm(b - 1) == "to" && !toks_[b - 1].capitalized) {
      --b;
      if (b > first && is_word(b - 1) && framing_verb(norm(b - 1))) {
        --b;
      } else {
        return b;
      }
    }
    while (b > first && (is_filler(b - 1) || (is_word(b - 1) && (norm(b - 1) == "first" || norm(b - 1) == "long"))))
      --b;
    return b;
  }

  static bool framing_verb(std::string_view w) {
    static const WordSet s = {"seem", "seems", "seemed", "appear", "appears", "appeared", "continue",
                              "continues", "continued", "began", "begin", "begins", "likely", "quick",
                              "went", "go", "goes", "tried", "try", "tries", "sought", "seeks", "seek",
                              "wanted", "wants", "want", "decided", "hastened", "rushed", "moved"};
    return s.count(w) > 0;
  }

  // One past the last token of the cue as reported: annotators take in a particle
  // ("said about", "pointed out"), a manner adverb ("said repeatedly") and the
  // statement it was made in ("said in a statement").
  int32_t cue_end(const Cue& c) const {
    int32_t e = static_cast<int32_t>(c.last) + 1;
    if (c.kind == CueKind::kSource) return e;
    const int32_t end = static_cast<int32_t>(sent_end(toks_[c.last].sentence));
    if (e < end && is_word(e) && !toks_[e].capitalized) {
      std::string_view w = norm(e);
      if (w == "about" || w == "out" || w == "up") return e + 1;
      if (ends_with(w, "ly") && w.size() > 4 && w != "only" && w != "early" && w != "nearly" && w != "likely" &&
          w != "family" && w != "july" && w != "daily" && w != "weekly" && w != "monthly")
        return e + 1;
      if (w == "in" && e + 2 < end && is_word(e + 1) && is_word(e + 2) && norm(e + 2) == "statement" &&
          (determiners().count(norm(e + 1))))
        return e + 3;
    }
    return e;
  }

  // True when the aside starting at token `k` describes the source before it ("X, a
  // lawyer in Y, said", "X, who teaches law, said"), which annotators mark as part of
  // the source; false for a participle, an adverb or a connective ("X, asked about
  // it, said", "X, however, said").
  bool describes(int32_t k) const {
    if (k >= static_cast<int32_t>(toks_.size()) || !is_word(k)) return false;
    std::string_view w = norm(k);
    if (toks_[k].capitalized) return !clause_openers().count(w) && w != "however";
    if (w == "who" || w == "whose" || w == "which") return true;
    return !(ends_with(w, "ed") || ends_with(w, "ing") || ends_with(w, "en") || ends_with(w, "ly") ||
             clause_openers().count(w) || clause_words().count(w) || w == "however" || w == "too" ||
             w == "in" || w == "at" || w == "for");
  }

  static bool time_word(std::string_view w) {
    static const WordSet s = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                              "week", "month", "year", "night", "morning", "evening", "afternoon",
                              "weekend", "summer", "spring", "fall", "autumn", "winter", "january",
                              "february", "march", "april", "may", "june", "july", "august", "september",
                              "october", "november", "december"};
    return s.count(w) > 0;
  }

  // True when the comma at `comma` closes an aside that describes a source named
  // before it ("Jo Vale, who runs the port, said").
  bool aside_before(int32_t comma) const {
    const int32_t first = static_cast<int32_t>(sent_first(toks_[comma].sentence));
    int32_t k = comma - 1;
    while (k > first && !punct_is(k, ",")) --k;
    if (k <= first || comma - k > 30 || !describes(k + 1)) return false;
    int32_t inner = kNone;
    auto [ab, ae] = left_np(k, &inner);
    return ae > ab && source_like(ab, ae);
  }

  // True when a new clause with its own subject starts at token `b` (", but she
  // said", "; they said").
  bool clause_starts_at(int32_t b) const {
    if (b < 2) return false;
    if (punct_is(b - 1, ";")) return true;
    if (!is_word(b - 1)) return false;
    std::string_view w = norm(b - 1);
    return (w == "but" || w == "and" || w == "while" || w == "although" || w == "though" || w == "whereas" ||
            w == "yet") &&
           (punct_is(b - 2, ",") || punct_is(b - 2, ";"));
  }

  // True when a noun phrase ending at token `e` ends its clause ("said X." / "said X
  // on Monday" / "said X, adding").
  bool ends_clause(int32_t e, int32_t send) const {
    if (e >= send || !is_word(e)) return true;
    static const WordSet after = {"on", "in", "at", "during", "after", "before", "last", "this",
                                  "yesterday", "today", "earlier", "later", "adding", "who", "which",
                                  "when", "while"};
    return after.count(norm(e)) > 0;
  }

  // --- direct quotations ----------------------------------------------------
  // True when the quotation's first word is capitalised.
  bool starts_capitalised(const Quotation& q) const {
    const int32_t k = first_token_at(q.content.begin);
    return k < static_cast<int32_t>(toks_.size()) && is_word(k) && toks_[k].capitalized;
  }

  // True when the quotation's words end with a full stop, "!" or "?".
  bool ends_sentence(const Quotation& q) const {
    int32_t k = last_token_before(q.outer.end);
    if (k >= 0 && is_quote_tok(k)) --k;
    return k >= 0 && is_terminal(k) && toks_[k].span.begin > q.outer.begin;
  }

  // A cue just after the closing mark: "...," X said / "...," said X.
  int32_t cue_after(const Quotation& q) {
    int32_t n = static_cast<int32_t>(toks_.size());
    int32_t i = first_token_at(q.outer.end);
    if (i < n && punct_is(i, ",")) ++i;
    // A cue in the next paragraph is not this quotation's.
    const int32_t closing = last_token_before(q.outer.end);
    if (i < n && closing >= 0 &&
        out_.sentences[toks_[i].sentence].paragraph !=
            out_.sentences[toks_[closing].sentence].paragraph)
      return kNone;
    for (int32_t k = i, steps = 0; k < n && steps < 9; ++k, ++steps) {
      if (in_quote_[k] != kNone) return kNone;
      if (cue_at_[k] != kNone) {
        Cue& c = cues_[cue_at_[k]];
        attribute(c);
        // A cue with its own reported clause ("The minister said that ...") is not
        // this quotation's.
        if (c.has_that && c.sp_b != kNone && c.sp_b >= i) return kNone;
        // Nor is a cue in a new sentence that opens a quotation of its own: in
        // "“...found.” He added, “In this case ...”" it introduces the second one (but
        // "“We will,” he said, “because ...”" splits one quotation).
        const int32_t after = static_cast<int32_t>(c.last) + 1;
        if (c.ct_b != kNone && c.ct_b < n && is_quote_tok(c.ct_b) &&
            (c.ct_b == after ||
             (c.ct_b == after + 1 && (norm(after) == "," || norm(after) == ":"))) &&
            toks_[c.ct_b].span.begin >= q.outer.end && toks_[i].capitalized && ends_sentence(q))
          return kNone;
        return cue_at_[k];
      }
      if (is_break(k)) return kNone;
    }
    return kNone;
  }

  // A dash setting off an aside ("—", "–", "--").
  bool is_dash(int32_t k) const {
    if (is_word(k)) return false;
    std::string_view t = tok_text(k);
    return t == "\u2014" || t == "\u2013" || t == "--";
  }
  // True when token k stands in an aside set off by dashes in its sentence and the
  // aside closes before `pos` ("said that the plan — broadly endorsed by Mr. Vale —
  // “would end ...”": "endorsed" reports nothing past the second dash).
  bool in_closed_aside(int32_t k, uint32_t pos) const {
    const uint32_t s = toks_[k].sentence;
    int dashes = 0;
    for (int32_t j = static_cast<int32_t>(sent_first(s)); j < k; ++j) dashes += is_dash(j);
    if (dashes % 2 == 0) return false;
    for (int32_t j = k + 1; j < static_cast<int32_t>(sent_end(s)); ++j)
      if (is_dash(j)) return toks_[j].span.end <= pos;
    return false;
  }

  // A cue just before the opening mark: X said: "..." / X warned that "...".
  int32_t cue_before(const Quotation& q) {
    int32_t i = last_token_before(q.outer.begin);
    for (int32_t k = i, steps = 0; k >= 0 && steps < 12; --k, ++steps) {
      if (is_terminal(k) || is_quote_tok(k) || in_quote_[k] != kNone) {
        // A closing mark may stand just before: the end of the first part of a split quote.
        if (is_quote_tok(k) && k + 1 <= i && steps > 0) return kNone;
        if (!is_quote_tok(k)) return kNone;
        if (steps > 0) return kNone;
        continue;
      }
      if (cue_end_at_[k] != kNone) {
        if (in_closed_aside(k, q.outer.begin)) return kNone;
        // Words of a reported clause between them ("said that the board had “failed
        // everyone”"): the quotation is a fragment of that clause, not the cue's own.
        // A colon or comma before the quotation introduces it ("said in a statement:"),
        // and a verb with a listener takes it after its object ("told the council “...”").
        if (is_word(i) &&
            !listener_verbs().count(lex_.cues[cues_[cue_end_at_[k]].entry].words.front())) {
          int words = 0;
          for (int32_t w = k + 1; w <= i; ++w)
            if (is_word(w) && norm(w) != "that" && !lex_.audience.count(std::string(norm(w))))
              ++words;
          if (words >= 2) return kNone;
        }
        return cue_end_at_[k];
      }
    }
    return kNone;
  }

  // The nearest cue in the quotation's sentence(s) outside any quotation.
  int32_t cue_in_sentence(const Quotation& q) {
    uint32_t s0 = sentence_at(q.outer.begin);
    int32_t lt = last_token_before(q.outer.end);
    uint32_t s1 = lt >= 0 ? toks_[lt].sentence : s0;
    int32_t best = kNone;
    uint32_t best_dist = UINT32_MAX;
    for (uint32_t s = s0; s <= s1 && s < out_.sentences.size(); ++s) {
      for (int32_t k = sent_first(s); k < static_cast<int32_t>(sent_end(s)); ++k) {
        if (cue_at_[k] == kNone) continue;
        const Token& t = toks_[k];
        uint32_t d = t.span.begin < q.outer.begin ? q.outer.begin - t.span.end : t.span.begin - q.outer.end;
        if (t.span.begin >= q.outer.begin && t.span.begin < q.outer.end) continue;
        if (t.span.begin < q.outer.begin && in_closed_aside(k, q.outer.begin)) continue;
        if (t.span.begin < q.outer.begin) d /= 2;  // a cue before the quotation is likelier its own
        if (d < best_dist) best = cue_at_[k], best_dist = d;
      }
    }
    return best;
  }

  bool all_capitalised(Span s) const {
    bool any = false;
    for (int32_t i = first_token_at(s.begin); i < static_cast<int32_t>(toks_.size()) && toks_[i].span.end <= s.end; ++i) {
      if (!is_word(i)) continue;
      any = true;
      if (!toks_[i].capitalized && !toks_[i].is_stop) return false;
    }
    return any;
  }

  void attribute_quotations(std::vector<Record>& records) {
    int32_t last_direct = kNone;
    for (const Quotation& q : quotations_) {
      // A quotation nested in one already taken is part of it.
      if (!records.empty() && records.back().direct && q.content.begin < records.back().content.end &&
          q.outer.begin >= records.back().content.begin)
        continue;
      int words = words_in(q.content);
      if (words == 0) continue;
      Record r;
      r.direct = true;
      r.content = q.content;
      r.order = q.content.begin;
      int32_t cue = cue_after(q);
      bool adjacent = cue != kNone;
      if (cue == kNone) {
        cue = cue_before(q);
        adjacent = cue != kNone;
      }
      if (cue == kNone) {
        cue = cue_in_sentence(q);
        // "“...,” Rep. Jo Vale, Democrat of Ohio, said Wednesday": the cue's subject
        // starts right after the quotation, past an appositive too long for cue_after.
        if (cue != kNone) {
          Cue& c = cues_[cue];
          attribute(c);
          int32_t i = first_token_at(q.outer.end);
          if (i < static_cast<int32_t>(toks_.size()) && punct_is(i, ",")) ++i;
          adjacent = c.sp_b == i && toks_[c.first].span.begin >= q.outer.end;
        }
      }
      // A short quotation after a weak cue is a label ("called it “a disgrace”"), not
      // reported speech.
      // A short sentence of its own right after a quotation with a cue continues it
      // ("“..., ” Vale said. “God help us.”").
      const bool continues = cue == kNone && last_direct != kNone &&
                             records[last_direct].cue != kNone && ends_sentence(q) &&
                             starts_capitalised(q) &&
                             sentence_at(q.content.begin) <= records[last_direct].sentence + 1;
      if (words < 4 && !continues &&
          (cue == kNone || (!adjacent && all_capitalised(q.content)) ||
           (cues_[cue].kind == CueKind::kVerb && cues_[cue].weight < 0.5f)))
        continue;
      if (cue != kNone) {
        Cue& c = cues_[cue];
        attribute(c);
        if (adjacent) c.consumed = true;
        r.cue = cue;
        r.sentence = toks_[c.first].sentence;
      } else {
        r.sentence = sentence_at(q.content.begin);
        // A quotation standing alone continues the previous one when it is close.
        if (last_direct != kNone && r.sentence <= records[last_direct].sentence + 2 &&
            records[last_direct].cue != kNone)
          r.inherit = last_direct;
      }
      if (!q.closed && cue == kNone) pending_open_.push_back(records.size());
      records.push_back(r);
      last_direct = static_cast<int32_t>(records.size()) - 1;
    }
    // A quotation running to its paragraph's end takes the speaker of the quotation
    // that opens the next paragraph.
    for (size_t idx : pending_open_) {
      if (idx + 1 < records.size() && records[idx + 1].direct && records[idx + 1].cue != kNone &&
          records[idx + 1].sentence <= records[idx].sentence + 4) {
        records[idx].inherit = static_cast<int32_t>(idx + 1);
      }
    }
  }

  // The tokens [b, e) of the paragraph after sentence s when s closes its paragraph and
  // the next one opens without a quotation mark (a post or statement set off after a
  // colon), trailing punctuation dropped; b == e when there is none.
  std::pair<int32_t, int32_t> paragraph_set_off_after(uint32_t s) const {
    const uint32_t ns = static_cast<uint32_t>(out_.sentences.size());
    if (s + 1 >= ns) return {0, 0};
    const uint32_t para = out_.sentences[s + 1].paragraph;
    const int32_t b = static_cast<int32_t>(sent_first(s + 1));
    if (para == out_.sentences[s].paragraph || b >= static_cast<int32_t>(toks_.size()) ||
        is_quote_tok(b) || in_quote_[b] != kNone)
      return {0, 0};
    uint32_t last = s + 1;
    while (last + 1 < ns && out_.sentences[last + 1].paragraph == para) ++last;
    int32_t e = static_cast<int32_t>(sent_end(last));
    while (e > b && !is_word(e - 1)) --e;
    return {b, e};
  }

  // --- texts set off after a lead-in -----------------------------------------
  // "Read the full rant via Gawker:" closing its paragraph, with no cue of its own: the
  // next paragraph, without quotation marks, is the text it announces (a post, a
  // statement), said by whoever was just reported (resolve_all).
  void add_pasted(std::vector<Record>& records) {
    const uint32_t ns = static_cast<uint32_t>(out_.sentences.size());
    for (uint32_t s = 0; s + 1 < ns; ++s) {
      const uint32_t para = out_.sentences[s + 1].paragraph;
      if (para == out_.sentences[s].paragraph) continue;
      const int32_t b = static_cast<int32_t>(sent_first(s)), e = static_cast<int32_t>(sent_end(s));
      if (e - b < 3 || e - b > 16 || !punct_is(e - 1, ":") || in_quote_[e - 1] != kNone) continue;
      bool noun = false, cue = false;  // cue: a cue, a quotation or a word that rules it out
      bool definite = false;
      for (int32_t k = b; k < e; ++k) {
        if (cue_at_[k] != kNone || is_quote_tok(k)) cue = true;
        if (!is_word(k)) continue;
        int32_t last = 0;
        const NounEntry* n = noun_at(k, e, &last);
        if ((n && n->kind == NounKind::kDocument) || pasted_text_nouns().count(norm(k))) {
          noun = true;
          for (int32_t d = k - 1; d >= b && d >= k - 2; --d) {
            std::string_view w = norm(d);
            definite = definite || w == "the" || w == "his" || w == "her" || w == "their";
          }
        }
        if (not_pasted_words().count(norm(k))) cue = true;
      }
      if (!noun || cue) continue;
      const auto [b2, e2] = paragraph_set_off_after(s);
      if (e2 <= b2) continue;
      const Span content = trim_span(text_, token_span(b2, e2), true);
      if (words_in(content) < 3) continue;
      Record r;
      r.direct = false;
      r.content = content;
      r.sentence = s;
      r.order = content.begin;
      r.pasted = true;
      r.lead = token_span(b, e);
      r.refers_back = definite;
      records.push_back(r);
    }
  }

  // --- indirect quotes -------------------------------------------------------
  void add_indirect(std::vector<Record>& records) {
    int32_t prev = kNone;  // the last indirect record's cue
    size_t prev_record = 0;
    for (size_t ci = 0; ci < cues_.size(); ++ci) {
      Cue& c = cues_[ci];
      if (c.consumed) continue;
      attribute(c);
      if (c.ct_b == kNone || c.ct_e <= c.ct_b) continue;
      bool has_speaker = c.sp_b != kNone && c.sp_e > c.sp_b;
      if (c.kind == CueKind::kSource && !has_speaker) continue;
      // A weak cue ("added", "hopes", "called") reports only with "that", a colon or a
      // quotation after it, or with a subject that names a source before it.
      // Not when a preposition follows ("Her statement added to the confusion").
      // A subject ending in a lower-case past form is a clause of its own, the cue a
      // noun ("Police arrested suspect Jo Vale").
      if (c.kind == CueKind::kVerb && c.weight < 0.5f && !c.has_that &&
          !(c.weight >= 0.3f && has_speaker && c.sp_e <= static_cast<int32_t>(c.first) &&
            source_like(c.sp_b, c.sp_e, false) &&
            !(is_word(c.sp_e - 1) && !toks_[c.sp_e - 1].capitalized &&
              ends_with(norm(c.sp_e - 1), "ed")) &&
            !(is_word(c.ct_b) && (is_preposition(norm(c.ct_b)) || norm(c.ct_b) == "to"))))
        continue;
      if (!has_speaker && !c.has_that) continue;
      // The clause starts with a quotation: the direct quote already says it.
      if (is_quote_tok(c.ct_b) && c.ct_b + 1 < static_cast<int32_t>(toks_.size()) && in_quote_[c.ct_b + 1] != kNone &&
          quotations_[in_quote_[c.ct_b + 1]].outer.begin == toks_[c.ct_b].span.begin && c.kind != CueKind::kSource)
        continue;
      Span content = trim_span(text_, token_span(c.ct_b, c.ct_e), true);
      if (words_in(content) < 3) continue;
      if (prev != kNone) {
        Cue& p = cues_[prev];
        Record& pr = records[prev_record];
        if (toks_[p.first].sentence == toks_[c.first].sentence && toks_[c.first].span.begin >= pr.content.begin &&
            toks_[c.first].span.begin < pr.content.end) {
          // A speech verb inside another's reported clause is part of what was
          // reported ("X said it had warned ...").
          // A named source inside the clause reports in turn ("X said Y believed ...";
          // "X and Y, who suggested ..."): a quote of its own, the outer one unchanged.
          bool nested = c.kind != CueKind::kSource && has_speaker && c.sp_e <= static_cast<int32_t>(c.first) &&
                        !clause_starts_at(c.sp_b) && source_like(c.sp_b, c.sp_e) && c.weight >= 0.5f;
          if (c.kind != CueKind::kSource && !nested && !(has_speaker && clause_starts_at(c.sp_b))) continue;
          // Otherwise a second source inside the first one's clause: the first clause ends there.
          int32_t cut = has_speaker && c.sp_b < static_cast<int32_t>(c.first) ? c.sp_b : static_cast<int32_t>(c.first);
          while (cut > 0 && is_word(cut - 1) && clause_openers().count(norm(cut - 1))) --cut;
          if (!nested && toks_[cut].span.begin > pr.content.begin) {
            pr.content = trim_span(text_, {pr.content.begin, toks_[cut].span.begin}, true);
            // Cut to nothing ("X added' ( according to Y ..."): no quote of its own.
            if (pr.content.empty() && prev_record + 1 == records.size()) {
              records.pop_back();
              prev = kNone;
            }
          }
        }
      }
      Record r;
      r.direct = false;
      r.content = content;
      r.cue = static_cast<int32_t>(ci);
      r.sentence = toks_[c.first].sentence;
      r.order = std::min(content.begin, toks_[c.first].span.begin);
      prev = static_cast<int32_t>(ci);
      prev_record = records.size();
      records.push_back(r);
    }
  }

  // A subject that can be a source: a capitalised name, a personal pronoun, or a
  // phrase holding a source noun ("the campaign", "a new poll"); not "it" or "this".
  // With `allow_anonymous` false an unnamed group ("witnesses", "critics") is no
  // source: weak cues after one describe more often than they report.
  bool source_like(int32_t b, int32_t e, bool allow_anonymous = true) const {
    if (e - b == 1) {
      Pronoun p = pronoun_of(norm(b));
      if (p == Pronoun::kPerson || p == Pronoun::kPlural) return true;
      std::string_view w = norm(b);
      if (w == "i" || w == "we" || w == "you") return true;
    }
    bool capitalised = false;
    for (int32_t k = b; k < e; ++k) {
      if (!is_word(k)) continue;
      int32_t last = 0;
      // A source noun decides, also when capitalised at the sentence's start.
      if (const NounEntry* n = noun_at(k, e, &last)) return allow_anonymous || n->kind != NounKind::kAnonymous;
      if (toks_[k].capitalized && !toks_[k].is_stop && !(k == b && clause_openers().count(norm(k)))) capitalised = true;
    }
    return capitalised;
  }

  // --- resolution ----------------------------------------------------------
  struct MentionRef {
    Span span;
    uint32_t sentence;
    int32_t entity;
    bool pronoun;
  };

  void index_mentions() {
    for (size_t e = 0; e < out_.entities.size(); ++e) {
      for (const Mention& m : out_.entities[e].mentions)
        mentions_.push_back({m.span, m.sentence, static_cast<int32_t>(e), m.pronoun});
    }
    std::sort(mentions_.begin(), mentions_.end(),
              [](const MentionRef& a, const MentionRef& b) { return a.span.begin < b.span.begin; });
  }

  // The lexicon entry matching at word token i, or nullptr.
  const NounEntry* noun_at(int32_t i, int32_t end, int32_t* last) const {
    if (!is_word(i)) return nullptr;
    auto it = lex_.nouns_by_first.find(std::string(norm(i)));
    if (it == lex_.nouns_by_first.end()) return nullptr;
    for (uint32_t idx : it->second) {
      const NounEntry& e = lex_.nouns[idx];
      int32_t j = i;
      size_t k = 0;
      for (; k < e.words.size() && j < end; ++j) {
        if (is_joiner(j)) continue;
        if (!is_word(j) || norm(j) != e.words[k]) break;
        if (e.name_only && !toks_[j].capitalized) break;
        ++k;
      }
      if (k == e.words.size()) {
        *last = j - 1;
        return &e;
      }
    }
    return nullptr;
  }

  // Whether [b, e) is a plural common noun phrase: words, none capitalised but the first
  // of a sentence, none part of a name, the last a plural ("countries", "many small
  // nations").
  bool common_head(int32_t b, int32_t e) const {
    int32_t last = kNone;
    for (int32_t k = b; k < e; ++k) {
      if (!is_word(k)) continue;
      if (inside_name(k)) return false;
      const bool sentence_start = k == 0 || toks_[k - 1].sentence != toks_[k].sentence;
      if (toks_[k].capitalized && !sentence_start) return false;
      last = k;
    }
    if (last == kNone) return false;
    const std::string_view w = norm(last);
    return w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's';
  }

  static bool definite_determiner(std::string_view w) {
    return w == "the" || w == "this" || w == "that" || w == "its" || w == "his" || w == "her" ||
           w == "their";
  }

  // Names of one kind of document: "ad" and "advertisement", "statement" and "release".
  static std::string_view document_class(std::string_view w) {
    if (w == "ad" || w == "ads" || w == "advertisement" || w == "commercial" || w == "spot")
      return "ad";
    if (w == "statement" || w == "release") return "statement";
    if (w.size() > 1 && w.back() == 's') w.remove_suffix(1);
    return w;
  }

  // The entity of the last mention that ends exactly at `pos`, or kNone.
  int32_t mention_ending_at(uint32_t pos) const {
    int32_t found = kNone;
    for (const auto& m : mentions_) {
      if (m.span.begin >= pos) break;
      if (m.span.end == pos && !m.pronoun) found = m.entity;
    }
    return found;
  }
  // The entity mention that begins at token i, or kNone.
  int32_t mention_at(int32_t i) const {
    for (const auto& m : mentions_) {
      if (m.span.begin > toks_[i].span.begin) break;
      if (m.span.begin == toks_[i].span.begin && !m.pronoun) return m.entity;
    }
    return kNone;
  }

  // Who sent the document a definite noun phrase at token `b` refers back to: at an
  // earlier mention of a document of the same kind, "from X" or "by X" after it, "X's"
  // before it, or X as the subject of a verb of issuing ("X sent a letter", "X
  // released a statement"). kNone when the text does not say.
  int32_t document_author(int32_t b, std::string_view head) const {
    static const std::unordered_set<std::string_view> kIssue = {
        "sent",     "wrote", "released", "issued",     "signed", "posted",  "published", "launched",
        "unveiled", "aired", "ran",      "circulated", "penned", "drafted", "put"};
    const std::string_view cls = document_class(head);
    for (int32_t k = b - 1; k >= 0; --k) {
      if (!is_word(k) || document_class(norm(k)) != cls || in_quote_[k] != kNone) continue;
      const uint32_t s = toks_[k].sentence;
      // "a letter from Sen. X", "an ad paid for by X", "a letter signed by X"; not "a
      // letter obtained by Fox News".
      static const std::unordered_set<std::string_view> kAuthoredBy = {
          "signed",   "written",  "sent", "penned", "issued",
          "released", "authored", "for",  "drafted"};
      for (int32_t j = k + 1, words = 0;
           j < static_cast<int32_t>(toks_.size()) && toks_[j].sentence == s && words < 4; ++j) {
        if (!is_word(j)) break;
        ++words;
        const std::string_view w = norm(j);
        const bool from = w == "from" && j == k + 1;
        const bool by = w == "by" && (j == k + 1 || kAuthoredBy.count(norm(j - 1)));
        if ((from || by) && j + 1 < static_cast<int32_t>(toks_.size())) {
          // The author's name, after "the" or a title ("from Representative Peter Welch").
          int32_t e = kNone;
          for (int32_t t = j + 1;
               t < static_cast<int32_t>(toks_.size()) && t <= j + 4 && toks_[t].sentence == s;
               ++t) {
            e = mention_at(t);
            if (e != kNone) break;
            if (!is_word(t) && norm(t) == ".") continue;  // "Sen."
            if (!is_word(t) || !(toks_[t].capitalized || norm(t) == "the")) break;
          }
          if (e != kNone) return e;
          break;
        }
      }
      // "X's letter", "the Romney campaign's new ad": a possessive up to two words before.
      for (int32_t j = k - 1; j >= 0 && j >= k - 3 && toks_[j].sentence == s; --j) {
        const std::string_view w = norm(j);
        if (w == "s" || ends_with(w, "'s") || ends_with(w, "’s")) {
          // The name ends at the apostrophe, in this token or the one before.
          const std::string_view raw = toks_[j].span.of(text_);
          size_t apos = raw.rfind('\'');
          if (apos == std::string_view::npos) apos = raw.rfind("’");
          int32_t e = apos != std::string_view::npos && apos > 0
                          ? mention_ending_at(toks_[j].span.begin + static_cast<uint32_t>(apos))
                          : kNone;
          if (e == kNone && j > 0) e = mention_ending_at(toks_[j - 1].span.end);
          if (e == kNone && j > 1) e = mention_ending_at(toks_[j - 2].span.end);
          if (e != kNone) return e;
          break;
        }
        if (!is_word(j)) break;
      }
      // "X said in a statement": the speaker of an earlier quote whose cue holds it.
      if (records_ != nullptr) {
        for (size_t r = 0; r < resolved_.size() && r < records_->size(); ++r) {
          const int32_t ci = (*records_)[r].cue;
          if (ci == kNone || resolved_[r].entity == kNone) continue;
          if (cue_start(cues_[ci]) <= k && k < cue_end(cues_[ci])) return resolved_[r].entity;
        }
      }
      // "Sen. X sent a letter", "X on Monday released a statement".
      int32_t verb = kNone;
      for (int32_t j = k - 1, words = 0; j >= 0 && toks_[j].sentence == s && words < 5; --j) {
        if (!is_word(j)) continue;
        ++words;
        if (kIssue.count(norm(j))) {
          verb = j;
          break;
        }
      }
      if (verb != kNone) {
        int32_t best = kNone;
        for (const auto& m : mentions_) {
          if (m.span.begin >= toks_[verb].span.begin) break;
          if (m.sentence != s || m.pronoun) continue;
          const int32_t mb = first_token_at(m.span.begin);
          if (after_preposition(mb) || modifier(m.span)) continue;
          best = m.entity;
        }
        if (best != kNone) return best;
      }
    }
    return kNone;
  }

  static SourceKind kind_of(NounKind k) {
    switch (k) {
      case NounKind::kMedia: return SourceKind::kMediaOutlet;
      case NounKind::kDocument: return SourceKind::kDocument;
      case NounKind::kAnonymous: return SourceKind::kAnonymous;
      case NounKind::kOrganisation: return SourceKind::kOrganisation;
      default: return SourceKind::kNamedPerson;
    }
  }

  bool is_outlet_name(std::string_view name) const {
    // Any word of the name that is a media noun ("Financial Times", "Xinhua").
    for (std::string_view w : space_words(name)) {
      auto it = lex_.nouns_by_first.find(normalize(w));
      if (it == lex_.nouns_by_first.end()) continue;
      for (uint32_t idx : it->second) {
        const NounEntry& e = lex_.nouns[idx];
        if (e.kind == NounKind::kMedia && e.words.size() == 1) return true;
      }
    }
    return false;
  }

  // The most recent person before `pos` within three sentences of `sentence`, scored
  // by how many of `words` its roles contain; kNone when there is none.
  int32_t recent_person(uint32_t pos, uint32_t sentence, const std::vector<std::string>& words,
                        bool need_role, uint32_t window = 3, bool must_match = false) const {
    int32_t best = kNone;
    int best_score = -1;
    uint32_t best_pos = 0;
    for (const auto& m : mentions_) {
      if (m.span.end > pos) break;
      if (m.sentence + window < sentence) continue;
      const Entity& ent = out_.entities[m.entity];
      if (!person_like(ent)) continue;
      int score = ent.type == EntityType::kPerson ? 1 : 0;
      for (const auto& w : words) {
        for (const auto& role : ent.roles) {
          if (role_has(role, w)) {
            ++score;
            break;
          }
        }
      }
      const int base = ent.type == EntityType::kPerson ? 1 : 0;
      if (need_role && score <= base && (must_match || !ent.roles.empty())) continue;
      if (score > best_score || (score == best_score && m.span.begin >= best_pos)) {
        best = m.entity, best_score = score, best_pos = m.span.begin;
      }
    }
    return best;
  }

  // A person, or a name of two or more words the entity finder could not type
  // ("Tomas Rieger"): in news such names are far more often people.
  // Not a person when the name ends in an institution's noun ("Halvern Marine
  // Terminals", "St Mary's Hospital"), whatever type it was given.
  bool person_like(const Entity& e) const {
    if (e.type != EntityType::kPerson && !(e.type == EntityType::kOther && e.name.find(' ') != std::string::npos))
      return false;
    size_t sp = e.name.rfind(' ');
    std::string last = normalize(sp == std::string::npos ? std::string_view(e.name) : std::string_view(e.name).substr(sp + 1));
    return !lex_.institution_words.count(last);
  }

  // True when a role ("Gov.", "Illinois Rep.") holds the role noun `w` ("governor",
  // "congressman"), written out or in its usual abbreviation.
  static bool role_has(std::string_view role, std::string_view w) {
    // Nouns a role answers to besides its own words: a congressman is a representative,
    // a lawmaker is any legislator.
    static const std::pair<std::string_view, std::string_view> kAlso[] = {
        {"congressman", "representative"}, {"congresswoman", "representative"},
        {"lawmaker", "senator"},           {"lawmaker", "representative"},
        {"lawmaker", "congressman"},       {"lawmaker", "congresswoman"}};
    const std::string h = normalize(role);
    size_t pos = 0;
    while (pos < h.size()) {
      while (pos < h.size() && !std::isalnum(static_cast<unsigned char>(h[pos]))) ++pos;
      size_t end = pos;
      while (end < h.size() && std::isalnum(static_cast<unsigned char>(h[end]))) ++end;
      if (end == pos) break;
      const std::string_view word =
          expand_role_abbreviation(std::string_view(h).substr(pos, end - pos));
      if (word == w) return true;
      for (const auto& [noun, other] : kAlso)
        if (noun == w && word == other) return true;
      pos = end;
    }
    return false;
  }

  // The speaker of the most recent record before this one, within three sentences,
  // whose kind passes `ok`.
  template <typename Pred>
  const Resolved* recent_speaker(size_t upto, uint32_t sentence, Pred ok) const {
    for (size_t k = upto; k-- > 0;) {
      if (resolved_[k].kind == SourceKind::kUnknown) continue;
      if (record_sentence_[k] + 3 < sentence) return nullptr;
      if (ok(resolved_[k])) return &resolved_[k];
    }
    return nullptr;
  }

  void set_entity(Resolved& r, int32_t e) const {
    const Entity& ent = out_.entities[e];
    r.entity = e;
    r.name = ent.name;
    if (person_like(ent)) {
      r.kind = SourceKind::kNamedPerson;
      return;
    }
    if (ent.type == EntityType::kPerson) {
      // Named like an institution: see person_like().
      r.kind = ent.outlet || is_outlet_name(ent.name) ? SourceKind::kMediaOutlet
                                                      : SourceKind::kOrganisation;
      return;
    }
    switch (ent.type) {
      case EntityType::kPerson: r.kind = SourceKind::kNamedPerson; break;
      case EntityType::kOrganisation:
        r.kind = ent.outlet || is_outlet_name(ent.name) ? SourceKind::kMediaOutlet
                                                        : SourceKind::kOrganisation;
        break;
      case EntityType::kPlace:
      case EntityType::kNationality: r.kind = SourceKind::kOrganisation; break;  // "Beijing said"
      case EntityType::kGroup: r.kind = SourceKind::kAnonymous; break;
      default: r.kind = SourceKind::kUnknown; break;
    }
  }

  // A capitalised personal name at the end of [b, e) after any title ("Japanese Foreign
  // Minister Yoshimasa Hayashi" -> "Yoshimasa Hayashi"); empty when the run names an
  // institution or outlet. `titled` tells whether a title preceded the name.
  std::pair<int32_t, int32_t> trailing_name(int32_t b, int32_t e, bool* titled) const {
    *titled = false;
    int32_t k = e;
    while (k > b && ((is_word(k - 1) && toks_[k - 1].capitalized) || is_joiner(k - 1) || inside_name(k - 1))) --k;
    if (k == e) return {e, e};
    int32_t start = k;
    for (int32_t j = e - 1; j >= start; --j) {
      if (!is_word(j)) continue;
      std::string n(norm(j));
      if (ends_with(n, "'s")) n.resize(n.size() - 2);
      if (lex_.noun_words.count(n)) {
        if (j == e - 1) return {e, e};  // "The Financial Times", "the United States"
        *titled = true;
        start = j + 1;
        break;
      }
    }
    while (start < e && (toks_[start].is_stop || !is_word(start) || ends_with(norm(start), "'s"))) ++start;
    if (start >= e) return {e, e};
    return {start, e};
  }

  // An earlier "Firstname Surname" ending in the surname token `i`; the full name's
  // tokens or {kNone, kNone}.
  std::pair<int32_t, int32_t> earlier_full_name(int32_t i) const {
    std::string_view sur = norm(i);
    for (int32_t k = i - 1; k >= 1; --k) {
      if (!is_word(k) || norm(k) != sur || !toks_[k].capitalized) continue;
      int32_t j = k - 1;
      if (is_word(j) && toks_[j].capitalized && !toks_[j].is_stop && toks_[j].sentence == toks_[k].sentence &&
          toks_[j].span.end < toks_[k].span.begin && !lex_.noun_words.count(std::string(norm(j))) &&
          !title_case(toks_[k].sentence))
        return {j, k + 1};
    }
    return {kNone, kNone};
  }

  // A headline written in title case ("Plan to Destabilize China"), where capitals
  // say nothing about names.
  bool title_case(uint32_t s) const {
    if (out_.sentences[s].is_heading) return true;
    int words = 0, caps = 0;
    for (uint32_t k = sent_first(s); k < sent_end(s); ++k) {
      if (!is_word(k) || toks_[k].is_number) continue;
      ++words;
      caps += toks_[k].capitalized;
    }
    return words >= 3 && caps * 10 >= words * 7;
  }

  Resolved resolve(const Record& rec, size_t index) const {
    Resolved r;
    if (rec.cue == kNone) return r;
    const Cue& c = cues_[rec.cue];
    if (c.sp_b == kNone || c.sp_e <= c.sp_b) return r;
    int32_t b = c.sp_b, e = c.sp_e;
    r.span = token_span(b, e);
    e = before_party_code(b, e);
    r.name = std::string(token_span(b, e).of(text_));
    uint32_t cue_pos = toks_[c.first].span.begin;
    uint32_t before = std::min(cue_pos, rec.content.begin);
    uint32_t sentence = rec.sentence;

    // The head zone: words before any post-modifier ("sources familiar with the
    // matter" -> "sources"; "a US report" -> "report").
    int32_t head_end = e;
    for (int32_t k = b + 1; k < e; ++k) {
      if (!is_word(k) || inside_name(k)) continue;
      std::string_view n = norm(k);
      if (n == "of" || n == "with" || n == "for" || n == "at" || n == "from" || n == "in" ||
          n == "familiar" || n == "close" || n == "who" || n == "briefed" || n == "to" || n == "on") {
        head_end = k;
        break;
      }
    }
    bool titled = false;
    auto [nb, ne] = trailing_name(b, e, &titled);
    bool has_name = ne > nb;
    Span head_zone = token_span(b, head_end);
    Span name_zone = has_name ? token_span(nb, ne) : Span{};

    // 1. Entities the entity finder found in the head or the closing name (also "he",
    //    "the French leader" when it resolved them).
    int32_t person = kNone, org = kNone, place = kNone;
    uint32_t person_end = 0;
    Span org_span, place_span;
    for (const auto& m : mentions_) {
      if (m.span.begin >= r.span.end) break;
      if (!m.span.overlaps(r.span)) continue;
      bool in_head = m.span.overlaps(head_zone), in_name = has_name && m.span.overlaps(name_zone);
      switch (out_.entities[m.entity].type) {
        case EntityType::kPerson:
          // The first person named is the head ("Gareth Quill of Harbour Fire and Rescue"),
          // unless a role noun makes it the principal of the next ("Vale spokeswoman Lis
          // Hart", "Ruiz adviser Tom Reed").
          if ((in_head || in_name) && person_like(out_.entities[m.entity])) {
            if (person == kNone) {
              person = m.entity, person_end = m.span.end;
            } else if (m.entity != person) {
              int32_t after = first_token_at(person_end);
              if (after < static_cast<int32_t>(toks_.size()) && is_word(after) && !toks_[after].capitalized &&
                  !toks_[after].is_stop && toks_[after].span.end <= m.span.begin)
                person = m.entity, person_end = m.span.end;
            }
          }
          break;
        case EntityType::kOrganisation:
          org = m.entity, org_span = m.span;
          if (in_name) has_name = false;  // "Halvern Marine Terminals"
          break;
        case EntityType::kPlace:
        case EntityType::kNationality:
          place = m.entity, place_span = m.span;
          if (in_name && m.span.contains(name_zone)) has_name = false;
          break;
        default: break;
      }
    }
    if (person != kNone) {
      set_entity(r, person);
      return r;
    }

    // 2. A personal name closing the phrase is its head ("Chinese Ministry of Foreign
    //    Affairs spokesperson Wang Wenbin").
    if (has_name && (ne - nb >= 2 || titled)) {
      r.name = std::string(token_span(nb, ne).of(text_));
      r.kind = SourceKind::kNamedPerson;
      return r;
    }

    // 3. A source noun at the head.
    const NounEntry* head = nullptr;
    int32_t head_last = kNone;
    for (int32_t k = b; k < head_end && !head; ++k) {
      int32_t last = 0;
      const NounEntry* n = noun_at(k, e, &last);
      if (n && last >= head_end - 1) head = n, head_last = last;
    }
    if (head && !has_name) {
      if (head->kind == NounKind::kRole || head->kind == NounKind::kRoleAny) {
        return resolve_role(r, b, e, head, before, sentence, index);
      }
      if (org != kNone && org_span.contains(toks_[head_last].span)) {
        set_entity(r, org);
        if (head->kind == NounKind::kMedia) r.kind = SourceKind::kMediaOutlet;
        return r;
      }
      r.kind = kind_of(head->kind);
      // "The letter says": the letter an earlier sentence says who sent ("a letter
      // from Sen. X", "X's statement", "X released an ad").
      if (head->kind == NounKind::kDocument && definite_determiner(norm(b))) {
        const int32_t author = document_author(b, norm(head_last));
        if (author != kNone) set_entity(r, author);
      }
      return r;
    }

    // 3. An organisation or a place the entity finder knows, unless it only modifies a
    //    common noun: "countries in the Asia-Pacific region" are unnamed, not the region.
    if ((org != kNone || place != kNone) && head_end < e && common_head(b, head_end) &&
        (norm(head_end) == "in" || norm(head_end) == "of" || norm(head_end) == "at" ||
         norm(head_end) == "from")) {
      const Span modifier_span = org != kNone ? org_span : place_span;
      if (modifier_span.begin >= toks_[head_end].span.begin) {
        r.kind = SourceKind::kAnonymous;
        return r;
      }
    }
    if (org != kNone) {
      set_entity(r, org);
      return r;
    }
    if (place != kNone) {
      set_entity(r, place);
      return r;
    }

    // 4. Pronouns.
    if (e - b == 1) {
      Pronoun p = pronoun_of(norm(b));
      // After a quotation of several sentences the one who spoke was named before it.
      if (p != Pronoun::kNone)
        return resolve_pronoun(r, p, before, std::min(sentence, sentence_at(before)), index,
                               pronoun_gender(norm(b)));
    }

    // 5. A single name without an entity.
    if (has_name) {
      auto [fb, fe] = earlier_full_name(nb);
      if (fb != kNone) {
        r.name = std::string(token_span(fb, fe).of(text_));
        r.kind = SourceKind::kNamedPerson;
        return r;
      }
      // A single capitalised word never introduced as a person: an institution, or a
      // state or capital standing for its government ("Beijing said").
      r.name = std::string(token_span(nb, ne).of(text_));
      r.kind = is_outlet_name(r.name) ? SourceKind::kMediaOutlet : SourceKind::kOrganisation;
      return r;
    }

    // 6. Any source noun in the words.
    for (int32_t k = b; k < e; ++k) {
      int32_t last = 0;
      if (const NounEntry* n = noun_at(k, e, &last)) {
        if (n->kind == NounKind::kRole || n->kind == NounKind::kRoleAny) continue;
        r.kind = kind_of(n->kind);
        return r;
      }
    }
    return r;
  }

  Resolved resolve_role(Resolved r, int32_t b, int32_t e, const NounEntry* head, uint32_t before,
                        uint32_t sentence, size_t index) const {
    std::string_view det = norm(b);
    if (det == "a" || det == "an" || det == "one") {
      r.kind = SourceKind::kAnonymous;  // "a senior official"
      return r;
    }
    std::vector<std::string> words;
    for (int32_t k = b; k < e; ++k) {
      if (is_word(k) && !toks_[k].is_stop && !determiners().count(norm(k))) words.emplace_back(norm(k));
    }
    // "the governor" said, long after "Gov. Ana Ruiz" was introduced: a holder of the
    // role is evidence enough at any distance, and beats a nearer person of no stated role.
    int32_t ent = kNone;
    if (head->kind == NounKind::kRole) ent = recent_person(before, sentence, words, true, UINT32_MAX, true);
    if (ent == kNone) ent = recent_person(before, sentence, words, head->kind == NounKind::kRole);
    if (ent != kNone) {
      set_entity(r, ent);
      return r;
    }
    if (const Resolved* p = recent_speaker(index, sentence, [](const Resolved& x) {
          return x.kind == SourceKind::kNamedPerson && x.entity == kNone;
        })) {
      Resolved out = *p;
      out.span = r.span;
      return out;
    }
    r.kind = SourceKind::kNamedPerson;  // "the French president": known, if not by name here
    return r;
  }

  // The sex the text states for entity e (entities.h's stated_gender), once per entity.
  uint8_t gender_of(int32_t e) const {
    if (e < 0 || static_cast<size_t>(e) >= out_.entities.size()) return kGenderUnknown;
    if (gender_.empty()) gender_.assign(out_.entities.size(), 0xFF);
    if (gender_[e] == 0xFF) gender_[e] = stated_gender(out_, static_cast<size_t>(e));
    return gender_[e];
  }
  bool gender_conflicts(int32_t e, uint8_t want) const {
    if (want == kGenderUnknown) return false;
    const uint8_t g = gender_of(e);
    return g != kGenderUnknown && g != want;
  }

  // The person a speaking "he" or "she" before `pos` stands for. News keeps its
  // speaker: the candidates are the people named outside quotations in this sentence
  // and the two before it, ranked by nearness (by sentence), by standing first among
  // the people of their sentence (the subject, more often than not), and by having
  // been the last named speaker; that speaker is a candidate even when the window does
  // not name it. Names inside quotations are what someone said, not who is speaking
  // ("'Obama has failed,' he said" is not Obama speaking). kNone when there is no
  // candidate.
  int32_t pronoun_antecedent(uint32_t pos, uint32_t sentence, size_t index,
                             uint8_t want = kGenderUnknown) const {
    const Resolved* last = recent_speaker(index, sentence, [&](const Resolved& x) {
      return x.kind == SourceKind::kNamedPerson && x.entity != kNone &&
             !gender_conflicts(x.entity, want);
    });
    int32_t best = kNone, best_score = -1;
    uint32_t best_pos = 0, seen_sentence = UINT32_MAX;
    bool last_named = false;
    for (const auto& m : mentions_) {
      if (m.span.end > pos) break;
      if (m.sentence + 2 < sentence || m.sentence > sentence) continue;
      if (in_quote_[first_token_at(m.span.begin)] != kNone) continue;
      if (!person_like(out_.entities[m.entity]) || gender_conflicts(m.entity, want)) continue;
      // The object of a preposition ("Of Obama, he said", "jabs at Trump, whom he
      // called") is seldom the one speaking, and does not open the sentence's subject.
      // Nor is a name modifying a noun ("the Obama administration").
      const bool object = after_preposition(first_token_at(m.span.begin)) || modifier(m.span);
      // Nor is the one named just before "who he said" ("Harry Reid, who he said ...").
      if (relative_before(m.span.end, pos)) continue;
      const bool subordinate = !object && after_subordinator(first_token_at(m.span.begin));
      bool first = m.sentence != seen_sentence && !object && !subordinate;
      if (!object && !subordinate) seen_sentence = m.sentence;
      int32_t score = 3 - static_cast<int32_t>(sentence - m.sentence);
      if (first) score += 2;
      if (object) score -= 2;
      if (last && last->entity == m.entity) score += 2, last_named = true;
      if (score > best_score || (score == best_score && m.span.begin >= best_pos)) {
        best = m.entity, best_score = score, best_pos = m.span.begin;
      }
    }
    // The last speaker, within three sentences, stays a candidate when the window does
    // not name it again ("He took aim at Harry Reid. He was referring to ..."), ranked
    // as a subject of the sentence before; a person named there as the subject wins
    // the tie.
    if (last && !last_named && person_like(out_.entities[last->entity]) && best_score < 4)
      best = last->entity;
    if (best != kNone) return best;
    // Nobody named nearby ("The liberal justice spoke on Saturday. '...,' she said"):
    // the last person named outside quotations before it.
    for (const auto& m : mentions_) {
      if (m.span.end > pos) break;
      if (in_quote_[first_token_at(m.span.begin)] != kNone) continue;
      if (person_like(out_.entities[m.entity]) && !gender_conflicts(m.entity, want))
        best = m.entity;
    }
    return best;
  }

  // True when only ", who" or ", whom" and the pronoun stand between a name ending at
  // `end` and the cue at `pos` ("Harry Reid, who he said ..."): the name is what the
  // pronoun's clause is about, not who speaks.
  bool relative_before(uint32_t end, uint32_t pos) const {
    if (pos <= end || pos - end > 16) return false;
    std::string_view gap = text_.substr(end, pos - end);
    size_t a = gap.find_first_not_of(" ,");
    if (a == std::string_view::npos) return false;
    gap.remove_prefix(a);
    while (!gap.empty() && gap.back() == ' ') gap.remove_suffix(1);
    for (std::string_view rel : {"who", "whom"})
      for (std::string_view pro : {"", " he", " she"})
        if (gap.size() == rel.size() + pro.size() && gap.starts_with(rel) && gap.ends_with(pro))
          return true;
    return false;
  }

  Resolved resolve_pronoun(Resolved r, Pronoun p, uint32_t before, uint32_t sentence, size_t index,
                           uint8_t want = kGenderUnknown) const {
    if (p == Pronoun::kPerson) {
      int32_t ent = pronoun_antecedent(before, sentence, index, want);
      if (ent != kNone) {
        set_entity(r, ent);
        return r;
      }
    }
    const Resolved* prev = recent_speaker(index, sentence, [&](const Resolved& x) {
      switch (p) {
        case Pronoun::kPerson:
          return x.kind == SourceKind::kNamedPerson && !gender_conflicts(x.entity, want);
        case Pronoun::kPlural:
          return x.kind != SourceKind::kNamedPerson;  // "they": not one person
        case Pronoun::kThing:
          return x.kind == SourceKind::kOrganisation || x.kind == SourceKind::kDocument ||
                 x.kind == SourceKind::kMediaOutlet;
        default:
          return true;
      }
    });
    if (prev) {
      Resolved out = *prev;
      out.span = r.span;
      return out;
    }
    return r;
  }

  void resolve_all(std::vector<Record>& records) {
    records_ = &records;
    std::vector<int32_t> pos_of(records.size(), kNone);
    for (size_t i = 0; i < records.size(); ++i) pos_of[records[i].id] = static_cast<int32_t>(i);
    resolved_.clear();
    record_sentence_.clear();
    for (size_t i = 0; i < records.size(); ++i) {
      resolved_.push_back(resolve(records[i], i));
      record_sentence_.push_back(records[i].sentence);
    }
    // Quotations without a cue take the speaker of the quotation they continue; one
    // standing alone after any attribution within two sentences, that attribution's
    // speaker ("He accused Vale of stalling. “This is about more than a pier.”").
    for (size_t i = 0; i < records.size(); ++i) {
      const Record& rec = records[i];
      if (rec.cue != kNone) continue;
      if (rec.pasted) {
        // A person the lead-in names says it ("Wallnau elaborated on the message:");
        // otherwise only a text it refers back to ("the full rant") is the last
        // speaker's.
        auto m = std::lower_bound(mentions_.begin(), mentions_.end(), rec.lead.begin,
                                  [](const MentionRef& x, uint32_t p) { return x.span.begin < p; });
        for (; m != mentions_.end() && m->span.begin < rec.lead.end; ++m) {
          const Entity& ent = out_.entities[static_cast<size_t>(m->entity)];
          if (m->pronoun || ent.type != EntityType::kPerson) continue;
          resolved_[i] = {Span{}, ent.name, m->entity, SourceKind::kNamedPerson};
          break;
        }
        if (!resolved_[i].name.empty() || !rec.refers_back) continue;
      }
      int32_t from = rec.inherit == kNone ? kNone : pos_of[rec.inherit];
      if (rec.inherit == kNone && (rec.direct || rec.pasted)) {
        for (size_t j = i; j-- > 0 && records[j].sentence + 2 >= rec.sentence;) {
          if (resolved_[j].name.empty()) continue;
          from = static_cast<int32_t>(j);
          break;
        }
      }
      if (from == kNone) continue;
      Resolved r = resolved_[from];
      r.span = {};
      resolved_[i] = r;
    }
    // A quotation inside the reported clause of the same source's indirect quote ("X
    // called her “disgusting”") is part of that quote, not a second one.
    std::vector<bool> inside(records.size(), false);
    for (size_t i = 0; i < records.size(); ++i) {
      if (!records[i].direct) continue;
      for (size_t j = 0; j < records.size() && !inside[i]; ++j) {
        if (j == i || records[j].direct || !records[j].content.contains(records[i].content))
          continue;
        const bool same_source =
            (resolved_[i].entity != kNone && resolved_[i].entity == resolved_[j].entity) ||
            (!resolved_[i].name.empty() && resolved_[i].name == resolved_[j].name);
        inside[i] = (records[i].cue != kNone && records[i].cue == records[j].cue) ||
                    (same_source && records[i].cue == kNone);
      }
    }
    const size_t first_out = out_.quotes.size();
    out_.quotes.reserve(out_.quotes.size() + records.size());
    for (size_t i = 0; i < records.size(); ++i) {
      if (inside[i]) continue;
      const Record& rec = records[i];
      if (rec.pasted && resolved_[i].name.empty()) continue;  // announced, but by nobody known
      Quote q;
      q.direct = rec.direct;
      q.content = rec.content;
      if (rec.cue != kNone) {
        const Cue& c = cues_[rec.cue];
        q.cue = token_span(cue_start(c), cue_end(c));
      }
      q.speaker_span = resolved_[i].span;
      if (rec.cue != kNone && !q.speaker_span.empty()) {
        const Cue& c = cues_[rec.cue];
        if (c.rel != kNone) q.speaker_span = toks_[c.rel].span;
        else if (c.show_b != kNone && c.show_e > c.show_b) q.speaker_span = token_span(c.show_b, c.show_e);
      }
      q.speaker = resolved_[i].name;
      q.entity = resolved_[i].entity;
      q.kind = resolved_[i].kind;
      q.sentence = rec.sentence;
      // One attribution in parts: a direct quotation right after another with the same
      // cue (split by it), or with no cue of its own and the same speaker (running on).
      if (out_.quotes.size() > first_out) {
        const size_t prev = out_.quotes.size() - 1;
        const Quote& p = out_.quotes[prev];
        if (q.direct && p.direct &&
            ((!q.cue.empty() && q.cue == p.cue) || (q.cue.empty() && q.speaker_span.empty() &&
                                                    !q.speaker.empty() && q.speaker == p.speaker)))
          q.continues = p.continues >= 0 ? p.continues : static_cast<int32_t>(prev);
      }
      out_.quotes.push_back(std::move(q));
    }
  }

  std::string_view text_;
  const QuoteLexicon::Data& lex_;
  Analysis& out_;
  const std::vector<Token>& toks_;
  std::vector<Quotation> quotations_;
  std::vector<int32_t> in_quote_;    // token -> quotation whose content holds it
  std::vector<Cue> cues_;
  std::vector<int32_t> cue_at_;      // token -> cue starting there
  std::vector<int32_t> cue_end_at_;  // token -> cue ending there
  std::vector<MentionRef> mentions_;
  std::vector<size_t> pending_open_;
  std::vector<Resolved> resolved_;
  mutable std::vector<uint8_t> gender_;  // per entity, filled on first use (gender_of)
  const std::vector<Record>* records_ =
      nullptr;  // while resolve_all runs: the records resolved_ follows
  std::vector<uint32_t> record_sentence_;
};

}  // namespace

void find_quotes(std::string_view text, const QuoteLexicon& lexicon, Analysis& out) {
  if (!lexicon.data) return;
  Finder f(text, *lexicon.data, out);
  f.run();
}

}  // namespace parallax::analyze
