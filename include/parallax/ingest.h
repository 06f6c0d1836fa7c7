// parallax/ingest.h: reading articles from files and standard input.
//
// Contract: turns paths into Articles. Never stops a batch on one bad input: each
// input that can't be read or parsed (or each bad JSONL line) becomes an error
// Status naming the input (path, and line for JSONL) and what was wrong; the
// other inputs and lines go on. Read-only; thread-safe (no shared state).
//
// Formats, chosen by extension or, for "-", by sniffing the content:
// - Plain text (.txt) and Markdown (.md, .markdown): optional front matter between
//   "---" lines (title, outlet, url, published, language, authors). Without a title
//   the first non-empty line is the title. Blank lines separate paragraphs; in plain
//   text each non-empty line is also a paragraph (scraped text puts one per line).
//   Markdown "#" headings, "-"/"*" list items and ">" block quotes keep their kind.
// - JSON Lines (.jsonl, .ndjson): one article per line with the field names that
//   news-please, trafilatura and newspaper4k write: title; maintext | text | raw_text;
//   source_domain | sitename | hostname | outlet | source; date_publish | date |
//   published | publish_date; url | source_url; authors (list) | author (string);
//   language; id (kept as the article id when present).
// - HTML (.html, .htm, or sniffed): handed to Options::html, the page reader the
//   caller supplies (extract::read_page); without one, an HTML input is an error.
// - Any of these gzip-compressed (.gz, or sniffed by its magic bytes): decompressed
//   first, within max_bytes; a truncated or corrupt stream is an error.
//
// Articles come out with id, source, text and paragraphs filled, whitespace
// normalised, and language as given (analysis detects it when empty). Costs: linear
// in the input size.
#ifndef PARALLAX_INGEST_H_
#define PARALLAX_INGEST_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "parallax/core.h"

namespace parallax::ingest {

struct Options {
  size_t max_bytes = 64u << 20;  // an input larger than this is an error (kTooLarge)
  std::string outlet;            // used when an input names no outlet
  // Turns an HTML page into an Article (or an error naming doc.source). Ingest comes
  // before extract in the data flow, so the caller passes extract::read_page here.
  std::function<Result<Article>(const RawDocument& doc)> html;
};

struct Batch {
  std::vector<Article> articles;
  std::vector<Status> errors;    // one per input (or JSONL line) that failed
  size_t inputs = 0;             // inputs tried
};

// Reads one path ("-" is standard input) and appends to `out`.
void read_path(const std::string& path, const Options& options, Batch& out);

// Reads every path in order.
Batch read_paths(const std::vector<std::string>& paths, const Options& options = {});

// Parses one document already in memory. `source` names it in errors.
// media_type: "text/plain", "text/markdown", "application/x-ndjson"; empty = sniff.
void read_document(const RawDocument& doc, const Options& options, Batch& out);

// The bytes of a file ("-": standard input), decompressed when gzip, within
// `max_bytes` before and after decompression. Errors name the path: kNotFound,
// kIoError, kTooLarge, kInvalidInput (a directory; corrupt or truncated gzip).
Result<std::string> read_bytes(const std::string& path, size_t max_bytes = Options{}.max_bytes);

// `bytes` decompressed when they start with the gzip magic bytes (concatenated members
// are read in turn), else unchanged. Fails, naming `source`, on a truncated or corrupt
// stream (kInvalidInput) or when the output would pass `max_bytes` (kTooLarge).
Result<std::string> gunzip_if_gzip(std::string_view bytes, const std::string& source, size_t max_bytes);

}  // namespace parallax::ingest

#endif  // PARALLAX_INGEST_H_
