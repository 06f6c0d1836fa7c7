// Private to ingest: the format readers and the small text utilities they share.
#ifndef PARALLAX_SRC_INGEST_INGEST_INTERNAL_H_
#define PARALLAX_SRC_INGEST_INGEST_INTERNAL_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "parallax/core.h"
#include "parallax/ingest.h"

namespace parallax::ingest::internal {

// Appends `s` to `out` with every run of ASCII white space and U+00A0 turned into
// one space; no space at the start of `out` or at the end of what was appended.
// Every other byte is kept.
void append_normalized_space(std::string& out, std::string_view s);
std::string normalize_space(std::string_view s);

// Byte offset of the first ill-formed UTF-8 sequence, or npos when `s` is valid.
size_t find_invalid_utf8(std::string_view s);

// ISO 8601 form of a date as news sites and extractors write it ("June 6, 2023",
// "6th Jun 2023", "2023-06-06 10:00:00"...); `s` trimmed when it can't be parsed.
std::string normalize_date(std::string_view s);

// "en-US" -> "en", "EN" -> "en"; anything else trimmed and lower-cased.
std::string normalize_language(std::string_view s);

// Lower-cased scheme and host, no fragment, no trailing slash: the form hashed
// into an article id so that trivially different spellings of one URL agree.
std::string canonical_url(std::string_view url);

// Splits an author string: on ';' when it has one, else on ',' and " and ".
std::vector<std::string> split_authors(std::string_view s);

// Fills what every reader leaves to the end: id, outlet default, normalised
// published and language. Returns false (and records an error) when the article
// has no text.
bool finish_article(Article& a, const Options& options, Batch& out);

// The readers. `source` is the path or "-" that names the input in errors and in
// Article::source. `bytes` is valid UTF-8 without a byte order mark.
void read_text(std::string_view bytes, bool markdown, const std::string& source,
               const Options& options, Batch& out);
void read_jsonl(std::string_view bytes, const std::string& source, const Options& options,
                Batch& out);

}  // namespace parallax::ingest::internal

#endif  // PARALLAX_SRC_INGEST_INGEST_INTERNAL_H_
