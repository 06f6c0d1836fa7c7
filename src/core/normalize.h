// Private to the library: normalising the small text fields news comes with (spaces,
// dates, languages, URLs, author lists). Shared by ingest (every reader) and extract
// (page metadata, bylines). Pure functions; thread-safe.
#ifndef PARALLAX_SRC_CORE_NORMALIZE_H_
#define PARALLAX_SRC_CORE_NORMALIZE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace parallax {

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

// A month or weekday name, full or short, in any language normalize_date reads
// ("June", "Jun.", "juin", "Montag"); case-insensitive.
bool is_month_or_weekday(std::string_view word);

// The words of `s` between runs of ASCII spaces ("a  b c" -> "a", "b", "c").
std::vector<std::string_view> space_words(std::string_view s);

// "en-US" -> "en", "EN" -> "en"; anything else trimmed and lower-cased.
std::string normalize_language(std::string_view s);

// Lower-cased scheme and host, no fragment, no trailing slash: the form hashed
// into an article id so that trivially different spellings of one URL agree.
std::string canonical_url(std::string_view url);

// Splits an author string: on ';' when it has one, else on ',' and " and ".
std::vector<std::string> split_authors(std::string_view s);

}  // namespace parallax

#endif  // PARALLAX_SRC_CORE_NORMALIZE_H_
