// The bridge from ingest's page hook to extract_html.
#include "parallax/extract.h"

namespace parallax::extract {

Result<Article> read_page(const RawDocument& doc) {
  HtmlOptions options;
  options.source = doc.source;
  if (doc.source.starts_with("http://") || doc.source.starts_with("https://")) options.url = doc.source;
  auto r = extract_html(doc.bytes, options);
  if (!r.ok()) return r.status();
  Article a = std::move(r.value().article);
  if (a.source.empty()) a.source = doc.source;
  return a;
}

}  // namespace parallax::extract
