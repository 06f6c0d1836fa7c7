// parallax/extract.h: from what was ingested to a clean article.
//
// Contract:
// - `clean` removes the residue of the web page a text was scraped from (section
//   labels, teaser headlines of related articles interleaved in the body, share and
//   comment prompts, credits, repeated captions and bylines) and records each removal
//   in Article::residue with its reason. It never removes a sentence of reporting: a
//   paragraph is removed only when it is residue by its form and place. When the
//   title was taken from the first line and that line is a section label, the next
//   line becomes the title. Pure function of the article; thread-safe. Cost: linear.
// - `extract_html` turns the bytes of a web page into an Article: the main text as
//   paragraphs (headings, list items and block quotes keep their kind), leaving out
//   navigation, ads, consent banners, comments, related-article lists, share bars,
//   newsletter prompts, captions and credits; and the metadata (title, authors,
//   published and modified times, site name, canonical URL, language, description,
//   main image) from JSON-LD, OpenGraph, meta tags, <time>, microdata and bylines,
//   falling back to text heuristics. Any encoding (BOM, HTTP header, meta charset,
//   detection when they disagree). Fails with kInvalidInput naming the source when the
//   bytes are not HTML or the page has no article (boilerplate is never returned as an
//   article), kTooLarge when over HtmlOptions::max_bytes. Deeply nested pages are
//   handled up to HtmlOptions::max_depth and the truncation is reported in warnings.
//   Thread-safe (no shared mutable state). Cost: linear in the page size.
#ifndef PARALLAX_EXTRACT_H_
#define PARALLAX_EXTRACT_H_

#include <string>
#include <string_view>
#include <vector>

#include "parallax/core.h"

namespace parallax::extract {

struct CleanOptions {
  bool enabled = true;
};

// Cleans `article` in place; returns the number of removed pieces.
size_t clean(Article& article, const CleanOptions& options = {});

struct HtmlOptions {
  std::string source;         // path or URL naming the page in errors and Article::source
  std::string url;            // the page's URL when known (resolves relative links)
  std::string content_type;   // the HTTP Content-Type header when known (charset)
  size_t max_bytes = 64u << 20;
  size_t max_depth = 512;     // deeper elements are flattened into their ancestor
};

struct Extraction {
  Article article;            // id, source, url, outlet (site name), title, authors,
                              // published, modified, language, description, image,
                              // text and paragraphs
  std::string canonical_url;
  std::string encoding;       // the charset the page was decoded from
  std::vector<std::string> warnings;  // e.g. "nesting deeper than 512 flattened"
};

Result<Extraction> extract_html(std::string_view bytes, const HtmlOptions& options = {});

// The page reader for ingest::Options::html: extract_html on doc.bytes with
// doc.source as the source (and as the URL when it looks like one); the Article
// only. Thread-safe.
Result<Article> read_page(const RawDocument& doc);

}  // namespace parallax::extract

#endif  // PARALLAX_EXTRACT_H_
