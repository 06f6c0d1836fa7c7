// Private to extract: the pieces of extract_html. A page is decoded to UTF-8, parsed
// by MyHTML and copied into a compact Dom (flat arrays, pre-order, no pointers) that
// the metadata and main-text passes read without touching MyHTML again.
#ifndef PARALLAX_SRC_EXTRACT_HTML_INTERNAL_H_
#define PARALLAX_SRC_EXTRACT_HTML_INTERNAL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "parallax/core.h"
#include "parallax/extract.h"

namespace parallax::extract::internal {

// ---------------------------------------------------------------------------
// Decoding
// ---------------------------------------------------------------------------

struct Decoded {
  std::string utf8;        // the page as UTF-8, without a byte order mark
  std::string encoding;    // lower-case charset name it was decoded from ("utf-8")
  bool replaced = false;   // ill-formed sequences were replaced by U+FFFD
};

// The charset named in a Content-Type value ("text/html; charset=ISO-8859-1"), lower
// case; empty when none.
std::string charset_of_content_type(std::string_view content_type);

// The charset a page declares in <meta charset> or <meta http-equiv content> within
// its first bytes, lower case; empty when none.
std::string sniff_meta_charset(std::string_view bytes);

// Decodes `bytes`: BOM first, then the HTTP charset, then the meta charset, checked
// against the bytes (a UTF-8 page declared as something else, or invalid UTF-8 under
// a UTF-8 declaration, goes to ICU's detector). Never fails: undecodable bytes
// become U+FFFD.
Decoded decode_html(std::string_view bytes, std::string_view content_type);

// ---------------------------------------------------------------------------
// The parsed page
// ---------------------------------------------------------------------------

// Tag ids are MyHTML's (myhtml/tag_const.h); text nodes use kTextTag.
inline constexpr uint32_t kTextTag = 0x001;

struct DomNode {
  uint32_t tag = 0;
  int32_t parent = -1;
  int32_t first_child = -1;
  int32_t last_child = -1;
  int32_t next = -1;
  uint32_t begin = 0;   // text nodes: text in Dom::chars; elements: first attribute
  uint32_t size = 0;    // text nodes: bytes; elements: attribute count
};

struct DomAttr {
  uint32_t key_begin = 0, key_size = 0;   // lower-case name in Dom::chars
  uint32_t val_begin = 0, val_size = 0;
};

struct Dom {
  std::vector<DomNode> nodes;   // pre-order: a child's index is above its parent's
  std::vector<DomAttr> attrs;
  std::string chars;            // text of text nodes and attributes
  int32_t html = -1, head = -1, body = -1;
  bool flattened = false;       // elements deeper than the limit were flattened

  bool is_text(int32_t n) const { return nodes[n].tag == kTextTag; }
  std::string_view text(int32_t n) const {
    return std::string_view(chars).substr(nodes[n].begin, nodes[n].size);
  }
  // The value of attribute `key` (lower case) of element `n`; empty when absent.
  std::string_view attr(int32_t n, std::string_view key) const;
  bool has_attr(int32_t n, std::string_view key) const;
  // The text of the subtree, whitespace normalised; at most `limit` bytes.
  std::string text_content(int32_t n, size_t limit = 1u << 20) const;
  // The next node in pre-order after the subtree of `n`, or -1.
  int32_t skip(int32_t n) const;
};

// When the markup nests deeper than `max_depth` (by a count of start and end tags),
// writes to `out` the markup without the start tags below that depth and their end
// tags, and returns true; returns false (and leaves `out` alone) otherwise.
bool flatten_deep_markup(std::string_view html, size_t max_depth, std::string& out);

// Parses UTF-8 HTML into `dom`. Elements nested deeper than `max_depth` are
// flattened: their text goes to the ancestor at the limit. Fails only when MyHTML
// does.
Status parse_dom(std::string_view utf8, size_t max_depth, Dom& dom);

// ---------------------------------------------------------------------------
// Metadata and main text
// ---------------------------------------------------------------------------

// Fills title, authors, published, modified, outlet, url, language, description,
// image and the canonical URL from the page's markup.
void extract_metadata(const Dom& dom, const HtmlOptions& options, Extraction& out);

// Appends the main text of the page to `article` as paragraphs. Returns false when
// the page has no article (too little text, or only link lists).
bool extract_main_text(const Dom& dom, Article& article);

// Small text utilities shared by the passes.
// Appends `s` with runs of white space (ASCII, U+00A0, U+2000..U+200B, U+3000)
// collapsed to one space; no space at the start of `out`.
void append_collapsed(std::string& out, std::string_view s);
std::string collapse_space(std::string_view s);
std::string_view trim(std::string_view s);
std::string ascii_lower(std::string_view s);
// Number of code points in UTF-8 `s`.
size_t utf8_length(std::string_view s);

}  // namespace parallax::extract::internal

#endif  // PARALLAX_SRC_EXTRACT_HTML_INTERNAL_H_
