// Private to ingest: the format readers and the small text utilities they share.
#ifndef PARALLAX_SRC_INGEST_INGEST_INTERNAL_H_
#define PARALLAX_SRC_INGEST_INGEST_INTERNAL_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/normalize.h"
#include "parallax/core.h"
#include "parallax/ingest.h"

namespace parallax::ingest::internal {

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
