#include "text.h"

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>
#include <libstemmer.h>
#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "core/lexicon.h"

namespace parallax::analyze {
namespace {

// ---------------------------------------------------------------------------
// Lexicons
// ---------------------------------------------------------------------------

struct SvHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using WordSet = std::unordered_set<std::string, SvHash, std::equal_to<>>;

struct StopwordTable {
  std::vector<std::pair<std::string, WordSet>> by_language;
  const WordSet* find(std::string_view language) const {
    for (const auto& [lang, set] : by_language) {
      if (lang == language) return &set;
    }
    return nullptr;
  }
};

const StopwordTable& stopwords() {
  static const StopwordTable table = [] {
    StopwordTable t;
    for (const auto& row : lexicon_rows(embedded_lexicon("stopwords.tsv"))) {
      if (row.size() < 2 || row[0].empty() || row[1].empty()) continue;
      auto it = std::find_if(t.by_language.begin(), t.by_language.end(),
                             [&](const auto& p) { return p.first == row[0]; });
      if (it == t.by_language.end()) {
        t.by_language.emplace_back(std::string(row[0]), WordSet{});
        it = t.by_language.end() - 1;
      }
      it->second.insert(normalize(row[1]));
    }
    return t;
  }();
  return table;
}

enum class AbbrevKind : uint8_t { kTitle, kJoin, kNumber, kEnd };

using AbbrevMap = std::unordered_map<std::string, AbbrevKind, SvHash, std::equal_to<>>;

const AbbrevMap& abbreviations() {
  static const AbbrevMap map = [] {
    AbbrevMap m;
    for (const auto& row : lexicon_rows(embedded_lexicon("abbreviations.tsv"))) {
      if (row.size() < 2 || row[0].empty()) continue;
      AbbrevKind kind = row[1] == "title"    ? AbbrevKind::kTitle
                        : row[1] == "join"   ? AbbrevKind::kJoin
                        : row[1] == "number" ? AbbrevKind::kNumber
                                             : AbbrevKind::kEnd;
      m.emplace(normalize(row[0]), kind);
    }
    return m;
  }();
  return map;
}

// ---------------------------------------------------------------------------
// Language identification
// ---------------------------------------------------------------------------

// ---------------------------------------------------------------------------
// Normalisation
// ---------------------------------------------------------------------------

// Typographic quotes and dashes that news text mixes freely with the ASCII ones; the
// later stages compare words, not typography.
inline UChar32 straighten(UChar32 c) {
  switch (c) {
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2032:
    case 0x02BC:
    case 0x2039:
    case 0x203A:
      return '\'';
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x00AB:
    case 0x00BB:
    case 0x2033:
      return '"';
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
      return '-';
    default:
      return c;
  }
}

inline void append_utf8(UChar32 c, std::string& out) {
  char buf[4];
  int32_t n = 0;
  U8_APPEND_UNSAFE(buf, n, c);
  out.append(buf, n);
}

// Normalises UTF-16 into UTF-8 `out`.
void normalize_u16(const char16_t* s, int32_t n, std::string& out) {
  out.clear();
  bool ascii = true;
  for (int32_t i = 0; i < n; ++i) {
    if (s[i] >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) {
    out.resize(n);
    for (int32_t i = 0; i < n; ++i) {
      char16_t c = s[i];
      out[i] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    return;
  }
  UErrorCode st = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(st);
  icu::UnicodeString folded;
  const char16_t* p = s;
  int32_t len = n;
  if (U_SUCCESS(st)) {
    icu::UnicodeString src(false, s, n);  // read-only alias, no copy
    folded = nfkc_cf->normalize(src, st);
    if (U_SUCCESS(st)) {
      p = folded.getBuffer();
      len = folded.length();
    }
  }
  out.reserve(len + 4);
  for (int32_t i = 0; i < len;) {
    UChar32 c;
    U16_NEXT(p, i, len, c);
    if (U_IS_SURROGATE(c)) c = 0xFFFD;
    append_utf8(straighten(c), out);
  }
}

// UTF-8 to UTF-16; invalid sequences become U+FFFD. When `map` is given it receives,
// for each UTF-16 unit, the byte offset of the code point it belongs to, plus one
// final entry for the end.
void to_u16(std::string_view s, std::u16string& u, std::vector<uint32_t>* map) {
  // At most one UTF-16 unit per byte; sized once, trimmed at the end.
  u.resize(s.size());
  if (map) map->resize(s.size() + 1);
  char16_t* up = u.data();
  uint32_t* mp = map ? map->data() : nullptr;
  const auto* b = reinterpret_cast<const uint8_t*>(s.data());
  int32_t n = static_cast<int32_t>(s.size());
  int32_t k = 0;
  for (int32_t i = 0; i < n;) {
    if (b[i] < 0x80) {
      if (mp) mp[k] = static_cast<uint32_t>(i);
      up[k++] = b[i++];
      continue;
    }
    int32_t start = i;
    UChar32 c;
    U8_NEXT(b, i, n, c);
    if (c < 0) c = 0xFFFD;
    if (c <= 0xFFFF) {
      if (mp) mp[k] = static_cast<uint32_t>(start);
      up[k++] = static_cast<char16_t>(c);
    } else {
      if (mp) mp[k] = mp[k + 1] = static_cast<uint32_t>(start);
      up[k++] = U16_LEAD(c);
      up[k++] = U16_TRAIL(c);
    }
  }
  u.resize(k);
  if (map) {
    (*map)[k] = static_cast<uint32_t>(n);
    map->resize(k + 1);
  }
}

// ---------------------------------------------------------------------------
// Stemming
// ---------------------------------------------------------------------------

const char* snowball_name(std::string_view language) {
  static constexpr std::pair<std::string_view, const char*> kNames[] = {
      {"en", "english"},    {"de", "german"},     {"fr", "french"},     {"es", "spanish"},
      {"it", "italian"},    {"pt", "portuguese"}, {"nl", "dutch"},      {"ru", "russian"},
      {"sv", "swedish"},    {"da", "danish"},     {"no", "norwegian"},  {"nb", "norwegian"},
      {"nn", "norwegian"},  {"fi", "finnish"},    {"hu", "hungarian"},  {"ro", "romanian"},
      {"tr", "turkish"},    {"ar", "arabic"},     {"el", "greek"},      {"hi", "hindi"},
      {"id", "indonesian"}, {"ga", "irish"},      {"lt", "lithuanian"}, {"ne", "nepali"},
      {"sr", "serbian"},    {"ta", "tamil"},      {"ca", "catalan"},    {"eu", "basque"},
      {"hy", "armenian"},   {"yi", "yiddish"},
  };
  for (const auto& [code, name] : kNames) {
    if (code == language) return name;
  }
  return nullptr;
}

using StemMap = std::unordered_map<std::string, std::string, SvHash, std::equal_to<>>;

// A Snowball stemmer and the stems it has given: news text repeats its words, and a
// hash lookup costs a fraction of a Snowball run.
struct Stemmer {
  Stemmer(const char* name, bool en)
      : snowball(name ? sb_stemmer_new(name, "UTF_8") : nullptr), english(en) {}
  ~Stemmer() {
    if (snowball) sb_stemmer_delete(snowball);
  }
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;

  sb_stemmer* snowball;
  bool english;
  StemMap memo;
};

// Snowball stemmers are not thread-safe: one per language per thread. Languages
// without a stemmer share one empty entry, so odd language codes cannot grow this.
Stemmer* stemmer_for(std::string_view language) {
  thread_local std::vector<std::pair<std::string, std::unique_ptr<Stemmer>>> cache;
  const char* name = snowball_name(language);
  std::string_view key = name ? language : std::string_view();
  for (auto& [lang, s] : cache) {
    if (lang == key) return s.get();
  }
  cache.emplace_back(std::string(key), std::make_unique<Stemmer>(name, key == "en"));
  return cache.back().second.get();
}

void snowball_stem(sb_stemmer* s, bool english, std::string_view norm, std::string& out) {
  if (english) {
    // "Macron's" and "allies'" name the same thing as "Macron" and "allies".
    if (norm.size() > 2 && norm.ends_with("'s")) {
      norm.remove_suffix(2);
    } else if (norm.size() > 1 && norm.back() == '\'') {
      norm.remove_suffix(1);
    }
  }
  if (!s || norm.empty()) {
    out.assign(norm);
    return;
  }
  const sb_symbol* r = sb_stemmer_stem(s, reinterpret_cast<const sb_symbol*>(norm.data()),
                                       static_cast<int>(norm.size()));
  if (!r) {
    out.assign(norm);
    return;
  }
  out.assign(reinterpret_cast<const char*>(r), static_cast<size_t>(sb_stemmer_length(s)));
}

void stem_with(Stemmer* st, std::string_view norm, std::string& out) {
  if (!st->snowball) {
    snowball_stem(nullptr, st->english, norm, out);
    return;
  }
  auto it = st->memo.find(norm);
  if (it != st->memo.end()) {
    out = it->second;
    return;
  }
  snowball_stem(st->snowball, st->english, norm, out);
  // Bounded: a long-running worker meets an open-ended vocabulary.
  constexpr size_t kMaxMemo = 1 << 18;
  if (st->memo.size() >= kMaxMemo) st->memo.clear();
  st->memo.emplace(std::string(norm), out);
}

// ---------------------------------------------------------------------------
// Break iterators
// ---------------------------------------------------------------------------

// Creating a break iterator loads and compiles rules (tens of microseconds): one of
// each kind per thread, reused across texts.
struct Breakers {
  std::unique_ptr<icu::BreakIterator> word;
  std::unique_ptr<icu::BreakIterator> sentence;
};

Breakers& breakers() {
  thread_local Breakers b = [] {
    Breakers r;
    UErrorCode st = U_ZERO_ERROR;
    r.word.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), st));
    if (U_FAILURE(st)) r.word.reset();
    st = U_ZERO_ERROR;
    r.sentence.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), st));
    if (U_FAILURE(st)) r.sentence.reset();
    return r;
  }();
  return b;
}

// ---------------------------------------------------------------------------
// Segmentation
// ---------------------------------------------------------------------------

// Space, controls and invisible format characters (zero-width space, byte order mark,
// soft hyphen) separate tokens and never become tokens themselves.
inline bool is_space_unit(char16_t c) {
  if (c < 0x80) return c <= 0x20 || c == 0x7F;
  if (U16_IS_SURROGATE(c)) return false;
  return u_isUWhiteSpace(c) || u_charType(c) == U_CONTROL_CHAR ||
         u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT);
}

inline bool is_newline_at(std::string_view text, size_t i) {
  unsigned char c = static_cast<unsigned char>(text[i]);
  if (c == '\n' || c == '\r') return true;
  // U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR, U+0085 NEXT LINE
  if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) {
    unsigned char d = static_cast<unsigned char>(text[i + 2]);
    return d == 0xA8 || d == 0xA9;
  }
  return c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x85;
}

UChar32 first_code_point(std::string_view s) {
  if (s.empty()) return 0;
  const auto* b = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = 0;
  int32_t n = static_cast<int32_t>(std::min<size_t>(s.size(), 8));
  UChar32 c;
  U8_NEXT(b, i, n, c);
  return c < 0 ? 0xFFFD : c;
}

bool is_opening_quote(std::string_view t, std::string_view text, uint32_t begin) {
  if (t == "\xE2\x80\x9C" || t == "\xC2\xAB" || t == "\xE2\x80\x9E" || t == "\xE2\x80\x98" ||
      t == "\xE2\x80\x9A")
    return true;
  // A straight quote opens when it follows a space or starts the text.
  if (t == "\"" || t == "'") {
    return begin == 0 || text[begin - 1] == ' ' || text[begin - 1] == '\t' ||
           text[begin - 1] == '\n';
  }
  return false;
}

struct Segmenter {
  Segmenter(std::string_view t, Analysis& a) : text(t), out(a) {}

  std::string_view text;
  Analysis& out;
  const WordSet* stops = nullptr;     // the language's stopwords, or null
  const WordSet* starters = nullptr;  // stopwords used to recognise a sentence start
  Stemmer* stemmer = nullptr;

  // Reused per block.
  std::u16string u16;
  std::vector<uint32_t> map;
  std::vector<uint32_t> breaks;         // sentence boundaries, bytes
  std::vector<uint32_t> forced_breaks;  // boundaries ICU cannot see, bytes
  std::vector<uint8_t> starts;          // per token of the block: a sentence starts here

  void add_token(uint32_t b, uint32_t e, int32_t ua, int32_t ub, bool word, bool number) {
    Token t;
    t.span = {b, e};
    t.is_word = word;
    t.is_number = number;
    normalize_u16(u16.data() + ua, ub - ua, t.norm);
    if (ua < ub) {
      UChar32 c;
      U16_GET(u16.data(), 0, ua, static_cast<int32_t>(u16.size()), c);
      t.capitalized = u_isupper(c) || u_istitle(c);
    }
    if (word) {
      ++out.word_count;
      if (!number) {
        stem_with(stemmer, t.norm, t.stem);
        t.is_stop = stops && stops->find(std::string_view(t.norm)) != stops->end();
      } else {
        t.stem = t.norm;
      }
    } else {
      t.stem = t.norm;
    }
    out.tokens.push_back(std::move(t));
  }

  // Splits [b, e) into word and punctuation tokens when no ICU break iterator exists.
  void fallback_tokens(uint32_t b, uint32_t e) {
    uint32_t i = b;
    while (i < e) {
      while (i < e && (text[i] == ' ' || text[i] == '\t')) ++i;
      uint32_t s = i;
      while (i < e && text[i] != ' ' && text[i] != '\t') ++i;
      if (i > s) {
        auto ua = std::lower_bound(map.begin(), map.end(), s - b) - map.begin();
        auto ub = std::lower_bound(map.begin(), map.end(), i - b) - map.begin();
        add_token(s, i, static_cast<int32_t>(ua), static_cast<int32_t>(ub), true, false);
      }
    }
  }

  // Scraped text loses the space after a period ("in Asia.Officials said"), and both ICU
  // breakers then see one word. Splits such a word where a lower-case word of two or
  // more letters, a period and a capitalised word meet, emits the parts before the
  // last split, records a sentence break at each, and returns where the rest begins.
  int32_t split_run_on(uint32_t block_begin, int32_t a, int32_t b) {
    for (int32_t k = a + 2; k + 2 < b; ++k) {
      if (u16[k] != '.' || !u_islower(u16[k - 1]) || !u_islower(u16[k - 2]) ||
          !u_isupper(u16[k + 1]) || !u_islower(u16[k + 2]))
        continue;
      add_token(block_begin + map[a], block_begin + map[k], a, k, true, false);
      add_token(block_begin + map[k], block_begin + map[k + 1], k, k + 1, false, false);
      forced_breaks.push_back(block_begin + map[k + 1]);
      a = k + 1;
    }
    return a;
  }

  void tokenize(uint32_t block_begin, icu::BreakIterator* wb, UText* ut) {
    UErrorCode st = U_ZERO_ERROR;
    wb->setText(ut, st);
    if (U_FAILURE(st)) return;
    int32_t a = wb->first();
    for (int32_t b = wb->next(); b != icu::BreakIterator::DONE; a = b, b = wb->next()) {
      int32_t status = wb->getRuleStatus();
      if (status >= UBRK_WORD_NONE_LIMIT) {
        bool number = status < UBRK_WORD_NUMBER_LIMIT;
        if (status >= UBRK_WORD_LETTER && status < UBRK_WORD_LETTER_LIMIT)
          a = split_run_on(block_begin, a, b);
        add_token(block_begin + map[a], block_begin + map[b], a, b, true, number);
        continue;
      }
      // Not a word: whitespace (skipped) or punctuation, one token per run of
      // non-space units (ICU already gives most punctuation marks one segment each).
      int32_t i = a;
      while (i < b) {
        while (i < b && is_space_unit(u16[i])) ++i;
        int32_t s = i;
        while (i < b && !is_space_unit(u16[i])) ++i;
        if (i > s) add_token(block_begin + map[s], block_begin + map[i], s, i, false, false);
      }
    }
  }

  // The word token before the final period of [first, last], or -1.
  int32_t word_before_period(uint32_t first, uint32_t end) const {
    if (end < first + 2) return -1;
    const Token& dot = out.tokens[end - 1];
    const Token& w = out.tokens[end - 2];
    if (dot.norm != "." || !w.is_word || w.span.end != dot.span.begin) return -1;
    return static_cast<int32_t>(end - 2);
  }

  // First word token at or after i in [i, end), skipping quotes and brackets.
  int32_t next_word(uint32_t i, uint32_t end) const {
    for (uint32_t k = i; k < end && k < i + 4; ++k) {
      if (out.tokens[k].is_word) return static_cast<int32_t>(k);
    }
    return -1;
  }

  bool starts_sentence(int32_t w) const {
    if (w < 0) return true;
    const Token& t = out.tokens[w];
    return t.capitalized && starters && starters->find(std::string_view(t.norm)) != starters->end();
  }

  // Whether ICU's break before token i (the sentence so far starts at token `first`,
  // the block's tokens end at `end`) is wrong and must be undone.
  bool wrong_break(uint32_t first, uint32_t i, uint32_t end) const {
    int32_t nw = next_word(i, end);
    // News sentences do not start in lower case: a break before one follows an
    // abbreviation, an ellipsis or a quoted question inside a longer sentence.
    if (nw >= 0) {
      UChar32 c = first_code_point(out.tokens[nw].span.of(text));
      if (u_islower(c)) return true;
    }
    // A list marker ("1.", "a)") heading its line is not a sentence of its own.
    uint32_t len = i - first;
    if (len == 2 || (len == 3 && out.tokens[first].norm == "(")) {
      const Token& m = out.tokens[i - 2];
      const Token& p = out.tokens[i - 1];
      bool marker = m.is_number || (m.is_word && m.span.size() == 1);
      if (marker && (p.norm == "." || p.norm == ")")) return true;
    }
    int32_t w = word_before_period(first, i);
    if (w < 0) return false;
    const Token& word = out.tokens[w];
    auto it = abbreviations().find(std::string_view(word.norm));
    if (it != abbreviations().end()) {
      switch (it->second) {
        case AbbrevKind::kTitle:
          // "Gen. Ruiz", but not "the next gen." ending a sentence.
          if (word.capitalized) return true;
          break;
        case AbbrevKind::kJoin:
          return true;
        case AbbrevKind::kNumber:
          return nw >= 0 && out.tokens[nw].is_number && static_cast<uint32_t>(nw) == i;
        case AbbrevKind::kEnd:
          return !starts_sentence(nw);
      }
    }
    // An initial: "John F. Kennedy", "J. R. R. Tolkien".
    if (!word.is_number && word.capitalized) {
      std::string_view s = word.span.of(text);
      const auto* b = reinterpret_cast<const uint8_t*>(s.data());
      int32_t k = 0;
      int32_t n = static_cast<int32_t>(s.size());
      UChar32 c;
      U8_NEXT(b, k, n, c);
      if (k == n) return !starts_sentence(nw);
    }
    return false;
  }

  void block(uint32_t block_begin, uint32_t block_end, uint32_t paragraph, bool heading) {
    std::string_view bt = text.substr(block_begin, block_end - block_begin);
    if (bt.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos) return;
    to_u16(bt, u16, &map);
    uint32_t first_token = static_cast<uint32_t>(out.tokens.size());
    Breakers& br = breakers();
    UErrorCode st = U_ZERO_ERROR;
    UText ut = UTEXT_INITIALIZER;
    utext_openUChars(&ut, u16.data(), static_cast<int64_t>(u16.size()), &st);
    forced_breaks.clear();
    if (br.word && U_SUCCESS(st)) {
      tokenize(block_begin, br.word.get(), &ut);
    } else {
      fallback_tokens(block_begin, block_end);
    }
    uint32_t end_token = static_cast<uint32_t>(out.tokens.size());
    if (end_token == first_token) {
      utext_close(&ut);
      return;
    }
    breaks.clear();
    if (br.sentence && U_SUCCESS(st)) {
      br.sentence->setText(&ut, st);
      if (U_SUCCESS(st)) {
        for (int32_t p = br.sentence->next(); p != icu::BreakIterator::DONE;
             p = br.sentence->next()) {
          breaks.push_back(block_begin + map[p]);
        }
      }
    }
    utext_close(&ut);
    if (!forced_breaks.empty()) {
      breaks.insert(breaks.end(), forced_breaks.begin(), forced_breaks.end());
      std::sort(breaks.begin(), breaks.end());
    }

    // Mark ICU's breaks that fall between tokens.
    uint32_t n = end_token - first_token;
    starts.assign(n, 0);
    starts[0] = 1;
    size_t bi = 0;
    for (uint32_t k = 1; k < n; ++k) {
      const Token& prev = out.tokens[first_token + k - 1];
      const Token& cur = out.tokens[first_token + k];
      while (bi < breaks.size() && breaks[bi] < prev.span.end) ++bi;
      if (bi < breaks.size() && breaks[bi] <= cur.span.begin) starts[k] = 1;
    }
    // Undo the wrong ones, left to right, so that each decision sees the sentence as
    // merged so far.
    uint32_t sentence_first = first_token;
    for (uint32_t k = 1; k < n; ++k) {
      if (!starts[k]) continue;
      uint32_t i = first_token + k;
      if (wrong_break(sentence_first, i, end_token)) {
        starts[k] = 0;
        continue;
      }
      // A quote mark opening the next sentence belongs to it.
      uint32_t j = i;
      while (j > sentence_first + 1 &&
             is_opening_quote(out.tokens[j - 1].span.of(text), text, out.tokens[j - 1].span.begin))
        --j;
      if (j != i) {
        starts[k] = 0;
        starts[j - first_token] = 1;
        i = j;
      }
      sentence_first = i;
    }
    for (uint32_t k = 0; k < n;) {
      uint32_t e = k + 1;
      while (e < n && !starts[e]) ++e;
      Sentence s;
      s.first_token = first_token + k;
      s.token_count = e - k;
      s.span = {out.tokens[first_token + k].span.begin, out.tokens[first_token + e - 1].span.end};
      s.paragraph = paragraph;
      s.is_heading = heading;
      uint32_t index = static_cast<uint32_t>(out.sentences.size());
      for (uint32_t t = k; t < e; ++t) out.tokens[first_token + t].sentence = index;
      out.sentences.push_back(s);
      k = e;
    }
  }
};

}  // namespace

std::string detect_language(std::string_view text) {
  // A few tens of kilobytes decide the language as well as the whole text would.
  constexpr size_t kMaxBytes = 64 * 1024;
  if (text.size() > kMaxBytes) {
    size_t cut = kMaxBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text = text.substr(0, cut);
  }
  // CLD2 wants valid UTF-8: replace invalid bytes with spaces.
  std::string clean;
  const auto* b = reinterpret_cast<const uint8_t*>(text.data());
  int32_t n = static_cast<int32_t>(text.size());
  bool valid = true;
  for (int32_t i = 0; i < n;) {
    int32_t s = i;
    UChar32 c;
    U8_NEXT(b, i, n, c);
    if (c < 0) {
      if (valid) {
        clean.assign(text.substr(0, s));
        valid = false;
      }
      clean.push_back(' ');
    } else if (!valid) {
      clean.append(text.substr(s, i - s));
    }
  }
  std::string_view input = valid ? text : std::string_view(clean);
  if (input.empty()) return "un";
  CLD2::CLDHints hints = {nullptr, nullptr, CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
  CLD2::Language language3[3];
  int percent3[3];
  double scores3[3];
  int text_bytes = 0;
  bool reliable = false;
  int valid_prefix = 0;
  CLD2::Language lang =
      CLD2::ExtDetectLanguageSummaryCheckUTF8(input.data(), static_cast<int>(input.size()), true, &hints, 0, language3, percent3,
                 scores3, nullptr, &text_bytes, &reliable, &valid_prefix);
  if (!reliable || lang == CLD2::UNKNOWN_LANGUAGE || lang == CLD2::TG_UNKNOWN_LANGUAGE) return "un";
  const char* name = CLD2::LanguageCode(lang);
  std::string code = name ? name : "";
  // CLD2 keeps a few legacy codes and tags scripts ("zh-Hant").
  if (code == "iw") return "he";
  if (code == "jw") return "jv";
  if (code.starts_with("xx")) return "un";
  size_t dash = code.find('-');
  if (dash != std::string::npos) code.resize(dash);
  return code.empty() ? "un" : code;
}

std::string normalize(std::string_view word) {
  std::u16string u;
  to_u16(word, u, nullptr);
  std::string out;
  normalize_u16(u.data(), static_cast<int32_t>(u.size()), out);
  return out;
}

std::string stem(std::string_view norm, std::string_view language) {
  std::string out;
  stem_with(stemmer_for(language), norm, out);
  return out;
}

bool is_stopword(std::string_view norm, std::string_view language) {
  const WordSet* set = stopwords().find(language);
  return set && set->find(norm) != set->end();
}

void segment(std::string_view text, const std::vector<Paragraph>* paragraphs, Analysis& out) {
  out.tokens.clear();
  out.sentences.clear();
  out.word_count = 0;
  if (text.empty()) return;
  // Spans are 32-bit: longer texts are analysed up to 4 GiB.
  if (text.size() > UINT32_MAX) text = text.substr(0, UINT32_MAX);

  Segmenter seg(text, out);
  seg.stops = stopwords().find(out.language);
  seg.starters = seg.stops ? seg.stops : stopwords().find("en");
  seg.stemmer = stemmer_for(out.language);
  out.tokens.reserve(text.size() / 5);
  out.sentences.reserve(text.size() / 100);

  // Paragraph starts, in text order, with their index.
  std::vector<std::pair<uint32_t, uint32_t>> para_starts;
  if (paragraphs) {
    for (uint32_t k = 0; k < paragraphs->size(); ++k) {
      para_starts.emplace_back((*paragraphs)[k].span.begin, k);
    }
    std::stable_sort(para_starts.begin(), para_starts.end());
  }
  size_t next_para = 0;
  uint32_t para = 0;
  bool heading = false;
  bool blank_seen = false, any_content = false;

  // Blocks: lines, further cut at paragraph starts. Sentences never cross a block.
  const uint32_t size = static_cast<uint32_t>(text.size());
  uint32_t pos = 0;
  while (pos < size) {
    uint32_t line_end = pos;
    while (line_end < size && !is_newline_at(text, line_end)) ++line_end;
    if (!paragraphs) {
      if (text.substr(pos, line_end - pos).find_first_not_of(" \t\f\v") == std::string_view::npos) {
        blank_seen = true;
      } else {
        if (blank_seen && any_content) ++para;
        blank_seen = false;
        any_content = true;
      }
    }
    uint32_t b = pos;
    while (b < line_end) {
      if (paragraphs) {
        while (next_para < para_starts.size() && para_starts[next_para].first <= b) {
          para = para_starts[next_para].second;
          heading = (*paragraphs)[para].kind == BlockKind::kHeading;
          ++next_para;
        }
      }
      uint32_t e = line_end;
      if (paragraphs && next_para < para_starts.size() && para_starts[next_para].first < e) {
        e = para_starts[next_para].first;
      }
      seg.block(b, e, para, heading);
      b = e;
    }
    // Skip the newline sequence (1 to 3 bytes).
    pos = line_end;
    if (pos < size) {
      unsigned char c = static_cast<unsigned char>(text[pos]);
      if (c == '\r' && pos + 1 < size && text[pos + 1] == '\n')
        pos += 2;
      else if (c == 0xE2)
        pos += 3;
      else if (c == 0xC2)
        pos += 2;
      else
        pos += 1;
    }
  }
}

size_t party_code_length(std::string_view text, size_t pos) {
  auto upper = [&](size_t k) { return k < text.size() && text[k] >= 'A' && text[k] <= 'Z'; };
  if (pos >= text.size() || (text[pos] != 'D' && text[pos] != 'R' && text[pos] != 'I')) return 0;
  const char before = pos == 0 ? ' ' : text[pos - 1];
  if (before != '(' && before != ' ') return 0;
  if (before == '(' && pos + 1 < text.size() && text[pos + 1] == ')') return 1;  // "(R)"
  if (pos + 1 >= text.size() || text[pos + 1] != '-' || !upper(pos + 2)) return 0;
  auto word_end = [&](size_t k) {
    while (k < text.size() && (std::isalpha(static_cast<unsigned char>(text[k])) || text[k] == '.'))
      ++k;
    return k;
  };
  auto ends_code = [&](size_t k) {
    return k >= text.size() || text[k] == ')' || text[k] == ',' || text[k] == ';';
  };
  size_t k = word_end(pos + 2);
  // "R-W. Va.": a second capitalised word, when the code ends after it.
  if (k + 1 < text.size() && text[k] == ' ' && upper(k + 1) && ends_code(word_end(k + 1)))
    k = word_end(k + 1);
  if (!ends_code(k)) return 0;
  return k - pos;
}

uint8_t word_gender(std::string_view norm) {
  static const std::unordered_map<std::string, uint8_t, SvHash, std::equal_to<>> table = [] {
    std::unordered_map<std::string, uint8_t, SvHash, std::equal_to<>> t;
    for (const auto& row : lexicon_rows(embedded_lexicon("gender.tsv"))) {
      if (row.size() < 2 || (row[1] != "f" && row[1] != "m")) continue;
      t.emplace(normalize(row[0]), row[1] == "f" ? kFemale : kMale);
    }
    return t;
  }();
  auto it = table.find(norm);
  return it == table.end() ? kGenderUnknown : it->second;
}

bool is_preposition(std::string_view norm) {
  // Not "to": it also marks an infinitive ("declined to say").
  static const std::unordered_set<std::string_view> kWords = {
      "in",      "of",        "for",    "by",         "without",   "after",   "before",
      "about",   "on",        "with",   "from",       "against",   "into",    "through",
      "despite", "upon",      "at",     "during",     "outside",   "inside",  "near",
      "amid",    "following", "via",    "among",      "amongst",   "between", "across",
      "toward",  "towards",   "within", "throughout", "alongside", "onto",    "beneath",
      "unlike",  "besides",   "over",   "under",      "around",    "behind",  "beyond"};
  return kWords.count(norm) > 0;
}

bool is_auxiliary(std::string_view norm) {
  static const std::unordered_set<std::string_view> kWords = {
      "is",    "are",   "was",    "were", "has",   "have", "had", "will", "would", "can",
      "could", "shall", "should", "may",  "might", "must", "did", "does", "do"};
  return kWords.count(norm) > 0;
}

std::string_view expand_role_abbreviation(std::string_view norm) {
  static constexpr std::pair<std::string_view, std::string_view> kLong[] = {
      {"sen", "senator"},   {"rep", "representative"}, {"gov", "governor"},
      {"lt", "lieutenant"}, {"gen", "general"},        {"sec", "secretary"},
      {"atty", "attorney"}, {"pres", "president"},     {"prof", "professor"}};
  for (const auto& [abbr, full] : kLong)
    if (norm == abbr) return full;
  return norm;
}

bool is_subordinator(std::string_view norm) {
  static const std::unordered_set<std::string_view> kWords = {
      "when",  "while", "although", "though", "because", "if",      "after", "before",
      "since", "as",    "once",     "unless", "whereas", "whether", "until"};
  return kWords.count(norm) > 0;
}

}  // namespace parallax::analyze
