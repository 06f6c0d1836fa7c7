// parallax/core.h: the core types every stage shares.
//
// Contract: plain value types, no I/O, no global state. Every offset (Span) points
// into the text it names (an Article's `text`, or its `title` where said), in bytes,
// so that every claim in a report can be shown highlighted in its original sentence.
// All strings are UTF-8.
#ifndef PARALLAX_CORE_H_
#define PARALLAX_CORE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace parallax {

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

enum class StatusCode { kOk = 0, kInvalidInput, kNotFound, kIoError, kTooLarge, kInternal };

// The outcome of an operation that may fail for an expected reason (bad input, a
// missing file, the network). The message names the input and what was wrong.
class Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}
  static Status ok_status() { return {}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

Status invalid_input(std::string message);
Status not_found(std::string message);
Status io_error(std::string message);
Status too_large(std::string message);

// A value or the Status that explains why there is none.
template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}            // NOLINT: implicit on purpose
  Result(Status status) : v_(std::move(status)) {}     // NOLINT: implicit on purpose

  bool ok() const { return std::holds_alternative<T>(v_); }
  explicit operator bool() const { return ok(); }
  const T& value() const& { return std::get<T>(v_); }
  T& value() & { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }
  // The error; an ok Status when there is a value.
  Status status() const { return ok() ? Status{} : std::get<Status>(v_); }

 private:
  std::variant<T, Status> v_;
};

// ---------------------------------------------------------------------------
// Documents and articles
// ---------------------------------------------------------------------------

// A half-open byte range [begin, end).
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  bool contains(const Span& o) const { return begin <= o.begin && o.end <= end; }
  bool overlaps(const Span& o) const { return begin < o.end && o.begin < end; }
  std::string_view of(std::string_view text) const {
    return begin <= end && end <= text.size() ? text.substr(begin, end - begin) : std::string_view{};
  }
  friend bool operator==(const Span&, const Span&) = default;
};

// Bytes as they arrived, before any parsing.
struct RawDocument {
  std::string bytes;
  std::string media_type;   // "text/plain", "text/markdown", "application/x-ndjson", "text/html"
  std::string source;       // URL, or path, or "-" for standard input
  std::string fetched;      // ISO 8601, empty when unknown
};

// Something the cleaner removed from the text it was given, and why.
struct Residue {
  std::string text;          // the removed text, exactly as it was
  std::string reason;        // "section label", "teaser headline", "share prompt", "caption", ...
  uint32_t paragraph = 0;    // index into Article::paragraphs of the paragraph it stood before
                             // (== paragraphs.size() when it stood after the last one)
  int32_t line = -1;         // 1-based line in the original input when known, else -1
};

// Structural role of a paragraph.
enum class BlockKind : uint8_t { kParagraph, kHeading, kListItem, kBlockQuote };

struct Paragraph {
  Span span;                 // into Article::text
  BlockKind kind = BlockKind::kParagraph;
  int32_t line = -1;         // 1-based line of the input where it starts, -1 when unknown
};

struct Article {
  std::string id;            // 16 hex digits: xxh64 of the canonical URL, or of the text
  std::string source;        // the file path or "-" it was read from (plus ":LINE" for JSONL)
  std::string outlet;        // empty when unknown
  std::string url;
  std::string title;
  std::vector<std::string> authors;
  std::string published;     // ISO 8601 as normalised by ingest; empty when unknown
  std::string modified;      // ISO 8601; empty when unknown
  std::string description;   // the page's summary (meta description); may be empty
  std::string image;         // URL of the main image; may be empty
  std::string language;      // ISO 639-1 code ("en"); empty until known
  std::string text;          // the body as stored: paragraphs joined by "\n\n"
  std::vector<Paragraph> paragraphs;
  std::vector<Residue> residue;

  // A short human label: the outlet when known, else the file name without its
  // directory and extension, else the id.
  std::string label() const;
  // Appends a paragraph to `text` and `paragraphs`.
  void add_paragraph(std::string_view paragraph, BlockKind kind = BlockKind::kParagraph,
                     int32_t line = -1);
};

// ---------------------------------------------------------------------------
// Analysis of one article
// ---------------------------------------------------------------------------

struct Token {
  Span span;                 // into the analysed text
  std::string norm;          // NFKC, case-folded, curly quotes straightened
  std::string stem;          // Snowball stem of norm for the text's language (norm if none)
  uint32_t sentence = 0;     // index into Analysis::sentences
  bool is_word = false;      // letters or digits (not punctuation or space)
  bool is_number = false;
  bool is_stop = false;      // a stopword of the text's language
  bool capitalized = false;  // first character is an upper-case letter
};

struct Sentence {
  Span span;                 // into the analysed text, trimmed of surrounding space
  uint32_t first_token = 0;  // index into Analysis::tokens
  uint32_t token_count = 0;
  uint32_t paragraph = 0;    // index into Article::paragraphs
  bool is_opinion = false;   // set by framing: the sentence opines rather than reports
  bool is_heading = false;   // from a heading paragraph
};

enum class EntityType : uint8_t { kPerson, kOrganisation, kPlace, kNationality, kGroup, kOther };

struct Mention {
  Span span;                 // the words of the mention in the text
  uint32_t sentence = 0;
  bool pronoun = false;      // resolved from "he", "she", "the French leader", ...
};

struct Entity {
  std::string name;          // canonical: the longest full form seen ("Emmanuel Macron")
  EntityType type = EntityType::kOther;
  std::vector<Mention> mentions;
  std::vector<std::string> roles;    // "French President", "Japanese Foreign Minister"
  std::vector<std::string> aliases;  // other surface forms ("Macron", "NATO", "North Atlantic Treaty Organization")
  // For a person: whom the text says they speak for or belong to, in the order found:
  // a party ("Democratic Party", from "D-Ore." or "Democrat of Vermont"), an organisation
  // or principal ("Harbour Union" from "Harbour Union President Ana Ruiz"; "Vale
  // campaign" from "a spokeswoman for the Vale campaign"), a legislator's chamber
  // ("Senate" from "Sen."). Empty when the text says nothing of it.
  std::vector<std::string> affiliations;
  bool outlet = false;  // a news outlet or agency the gazetteer knows ("Reuters", "The Hill")
  // How central the entity is to the article, for ranking its entities (0 when it has no
  // mention): its mentions (a pronoun counts half), 2 more for a mention in the first two
  // sentences, 3 for each of up to two occurrences of its name or an alias in the title (a
  // role noun in the title that only this person holds counts as one); halved for places
  // and nationalities (a story is rarely about where it happened), times 0.7 for untyped
  // names (often real names the finder could not type, often stray capitals).
  double salience = 0;
};

enum class SourceKind : uint8_t { kNamedPerson, kOrganisation, kMediaOutlet, kDocument, kAnonymous, kUnknown };

struct Quote {
  bool direct = false;       // inside quotation marks
  Span content;              // what was said (without the quote marks for direct quotes)
  Span cue;                  // "said", "according to", "warned"; empty when none
  Span speaker_span;         // the words naming the speaker; empty when not found
  std::string speaker;       // the entity's canonical name, or the words that name the source
  int32_t entity = -1;       // index into Analysis::entities, -1 when not an entity
  SourceKind kind = SourceKind::kUnknown;
  uint32_t sentence = 0;     // the sentence holding the cue (or the start of the content)
  // The first part of the attribution this quote continues, as an index into
  // Analysis::quotes (always an earlier quote, never itself a continuation), or -1 when
  // it opens an attribution: the second part of a quotation split by its cue ("“We will,” she
  // said, “because ...”") and a quotation running on after one ("“...,” she said.
  // “God help us.”") are one attribution in parts.
  int32_t continues = -1;
};

enum class FrameCategory : uint8_t { kLabel, kLoaded, kIntensifier, kHedge, kOpinion };

struct FramingSpan {
  Span span;
  FrameCategory category = FrameCategory::kLoaded;
  float strength = 1.0f;     // 0..1 (lexicon weight)
  std::string entry;         // the lexicon entry that matched (a degree adverb before an
                             // evaluative word is reported as an intensifier: "very cruel")
  uint32_t sentence = 0;
};

struct Analysis {
  std::string language;      // ISO 639-1 code; "un" when unknown
  std::vector<Sentence> sentences;
  std::vector<Token> tokens;
  std::vector<Entity> entities;
  std::vector<Quote> quotes;
  std::vector<FramingSpan> framing;
  uint32_t word_count = 0;   // tokens with is_word
};

// ---------------------------------------------------------------------------
// Stories and comparisons
// ---------------------------------------------------------------------------

struct Story {
  std::string id;
  std::vector<std::string> articles;     // Article ids
  std::string first_published, last_published;
  std::string label;
  std::vector<std::string> key_entities;
};

// One sentence of one article as a member of a fact.
struct FactMember {
  uint32_t article = 0;      // index into the compared articles
  uint32_t sentence = 0;     // index into that article's Analysis::sentences
  float similarity = 0;      // to the fact's closest other member (1 for the seed)
};

// Sentences from different articles that report the same thing: per article one
// sentence or two adjacent ones; a sentence that states two facts is in both.
struct Fact {
  std::vector<FactMember> members;
  std::vector<uint32_t> articles;        // distinct, ascending
  std::string summary;                   // the text of a representative member
};

struct EntityCoverage {
  std::string name;
  EntityType type = EntityType::kOther;
  std::vector<uint32_t> mentions;        // mention count per compared article (0 = absent)
};

struct SpeakerCoverage {
  std::string speaker;
  SourceKind kind = SourceKind::kUnknown;
  std::vector<std::string> affiliations;  // whom the articles say the speaker speaks for
  std::vector<uint32_t> quotes;          // quote count per compared article
};

struct SourcingProfile {
  uint32_t direct = 0, indirect = 0;
  uint32_t by_kind[6] = {0, 0, 0, 0, 0, 0};   // indexed by SourceKind
  std::vector<std::string> sources;      // distinct speakers, most quoted first
};

struct FramingProfile {
  float density = 0;                     // framing spans per 100 words
  uint32_t by_category[5] = {0, 0, 0, 0, 0};  // indexed by FrameCategory
  uint32_t opinion_sentences = 0, reporting_sentences = 0;
  std::vector<uint32_t> strongest;       // indices into Analysis::framing, strongest first
};

struct ArticleComparison {
  std::vector<uint32_t> only_here;       // indices into Comparison::facts reported by this article alone
  std::vector<uint32_t> omitted;         // facts reported by others (at least two, or all but this one) but not here
  SourcingProfile sourcing;
  FramingProfile framing;
  float title_overlap = 0;               // share of this title's content stems found in the other titles
};

struct Comparison {
  std::vector<Fact> facts;               // shared facts first (most articles first), then single ones
  std::vector<ArticleComparison> articles;
  std::vector<EntityCoverage> entities;  // most mentioned first
  std::vector<SpeakerCoverage> speakers; // most quoted first
  std::vector<uint32_t> timeline;        // article indices by published time (unknown last)
};

// 16 lower-case hex digits of the xxh64 hash of `bytes` (seed 0). Thread-safe.
std::string hash_id(std::string_view bytes);

const char* to_string(EntityType t);
const char* to_string(SourceKind k);
const char* to_string(FrameCategory c);
const char* to_string(BlockKind k);

}  // namespace parallax

#endif  // PARALLAX_CORE_H_
