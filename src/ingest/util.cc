// What every ingest reader leaves to the end.
#include <algorithm>
#include <cstdint>

#include "ingest/ingest_internal.h"

namespace parallax::ingest::internal {

bool finish_article(Article& a, const Options& options, Batch& out) {
  if (a.paragraphs.empty() || a.text.empty()) {
    out.errors.push_back(
        invalid_input(a.source + ": no text" + (a.title.empty() ? "" : " after the title")));
    return false;
  }
  if (a.outlet.empty()) a.outlet = normalize_space(options.outlet);
  if (!a.published.empty()) a.published = normalize_date(a.published);
  if (!a.language.empty()) a.language = normalize_language(a.language);
  if (a.id.empty()) a.id = a.url.empty() ? hash_id(a.text) : hash_id(canonical_url(a.url));
  return true;
}

}  // namespace parallax::ingest::internal
