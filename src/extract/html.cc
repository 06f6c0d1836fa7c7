// extract_html: decode, parse, read the metadata, find the main text.
#include <string>

#include "extract/html_internal.h"
#include "core/normalize.h"
#include "parallax/extract.h"

namespace parallax::extract {

namespace {

// Binary data has many control bytes; HTML has tags.
bool looks_like_html(std::string_view s) {
  std::string_view head = s.substr(0, std::min<size_t>(s.size(), 65536));
  size_t control = 0;
  for (char ch : head) {
    auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++control;
  }
  if (control * 20 > head.size()) return false;
  for (size_t i = 0; i + 1 < head.size(); ++i) {
    if (head[i] != '<') continue;
    char n = head[i + 1];
    if ((n >= 'a' && n <= 'z') || (n >= 'A' && n <= 'Z') || n == '!' || n == '/') return true;
  }
  return false;
}

}  // namespace

Result<Extraction> extract_html(std::string_view bytes, const HtmlOptions& options) {
  const std::string name = options.source.empty() ? std::string("<html>") : options.source;
  if (bytes.size() > options.max_bytes) {
    return too_large(name + ": page of " + std::to_string(bytes.size()) + " bytes is over the limit of " +
                     std::to_string(options.max_bytes));
  }
  if (internal::trim(bytes).empty()) return invalid_input(name + ": empty page");
  internal::Decoded decoded = internal::decode_html(bytes, options.content_type);
  if (!looks_like_html(decoded.utf8)) return invalid_input(name + ": not HTML");

  std::string shallow;
  bool flattened = internal::flatten_deep_markup(decoded.utf8, options.max_depth, shallow);
  internal::Dom dom;
  Status st = internal::parse_dom(flattened ? shallow : decoded.utf8, options.max_depth, dom);
  if (!st.ok()) return Status(st.code(), name + ": " + st.message());

  Extraction out;
  out.encoding = decoded.encoding;
  if (decoded.replaced) out.warnings.push_back("ill-formed " + decoded.encoding + " bytes replaced");
  if (dom.flattened || flattened) {
    out.warnings.push_back("nesting deeper than " + std::to_string(options.max_depth) + " flattened");
  }
  internal::extract_metadata(dom, options, out);
  Article& a = out.article;
  a.source = options.source;
  if (!internal::extract_main_text(dom, a)) return invalid_input(name + ": no article found");
  a.id = !a.url.empty() ? hash_id(parallax::canonical_url(a.url)) : hash_id(a.text);
  return out;
}

}  // namespace parallax::extract
