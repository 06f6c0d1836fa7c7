// MyHTML to a compact Dom. One MyHTML instance and tree per thread (creating them
// costs more than parsing a small page); the tree is cleaned before every parse.
#include <myhtml/api.h>

#include <cstring>

#include "extract/html_internal.h"

namespace parallax::extract::internal {

namespace {

class Parser {
 public:
  Parser() {
    myhtml_ = myhtml_create();
    if (!myhtml_ || myhtml_init(myhtml_, MyHTML_OPTIONS_PARSE_MODE_SINGLE, 1, 0) != MyHTML_STATUS_OK) {
      return;
    }
    tree_ = myhtml_tree_create();
    if (!tree_ || myhtml_tree_init(tree_, myhtml_) != MyHTML_STATUS_OK) {
      tree_ = nullptr;
      return;
    }
    ok_ = true;
  }
  ~Parser() {
    if (tree_) myhtml_tree_destroy(tree_);
    if (myhtml_) myhtml_destroy(myhtml_);
  }
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;

  bool ok() const { return ok_; }
  myhtml_tree_t* tree() { return tree_; }

 private:
  myhtml_t* myhtml_ = nullptr;
  myhtml_tree_t* tree_ = nullptr;
  bool ok_ = false;
};

// Attributes the passes read; the rest are not copied.
bool wanted_attr(std::string_view k) {
  switch (k.size()) {
    case 2: return k == "id";
    case 3: return k == "rel" || k == "src";
    case 4: return k == "name" || k == "type" || k == "href" || k == "lang" || k == "role";
    case 5: return k == "class" || k == "style";
    case 6: return k == "hidden";
    case 7: return k == "content" || k == "charset" || k == "pubdate";
    case 8: return k == "itemprop" || k == "itemtype" || k == "datetime" || k == "property";
    case 9: return k == "itemscope";
    case 10: return k == "http-equiv";
    case 11: return k == "aria-hidden";
    default: return false;
  }
}

bool is_json_ld_script(const Dom& dom, int32_t script) {
  std::string_view t = dom.attr(script, "type");
  return t.find("ld+json") != std::string_view::npos;
}

}  // namespace

std::string_view Dom::attr(int32_t n, std::string_view key) const {
  const DomNode& nd = nodes[n];
  if (nd.tag == kTextTag) return {};
  for (uint32_t i = 0; i < nd.size; ++i) {
    const DomAttr& a = attrs[nd.begin + i];
    if (std::string_view(chars).substr(a.key_begin, a.key_size) == key) {
      return std::string_view(chars).substr(a.val_begin, a.val_size);
    }
  }
  return {};
}

bool Dom::has_attr(int32_t n, std::string_view key) const {
  const DomNode& nd = nodes[n];
  if (nd.tag == kTextTag) return false;
  for (uint32_t i = 0; i < nd.size; ++i) {
    const DomAttr& a = attrs[nd.begin + i];
    if (std::string_view(chars).substr(a.key_begin, a.key_size) == key) return true;
  }
  return false;
}

int32_t Dom::skip(int32_t n) const {
  while (n >= 0) {
    if (nodes[n].next >= 0) return nodes[n].next;
    n = nodes[n].parent;
  }
  return -1;
}

std::string Dom::text_content(int32_t n, size_t limit) const {
  std::string out;
  int32_t end = skip(n);
  for (int32_t i = n; i >= 0 && i != end && i < static_cast<int32_t>(nodes.size()); ++i) {
    const DomNode& nd = nodes[i];
    if (nd.tag == kTextTag) {
      if (!out.empty() && out.back() != ' ') {
        // Text nodes are adjacent in the source unless an element split them.
        if (i > 0 && nodes[i - 1].tag != kTextTag) out.push_back(' ');
      }
      append_collapsed(out, text(i));
      if (out.size() >= limit) break;
    } else if (nd.tag == MyHTML_TAG_SCRIPT || nd.tag == MyHTML_TAG_STYLE) {
      int32_t s = skip(i);
      if (s < 0 || (end >= 0 && s >= end)) break;
      i = s - 1;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

Status parse_dom(std::string_view utf8, size_t max_depth, Dom& dom) {
  thread_local Parser parser;
  if (!parser.ok()) return Status(StatusCode::kInternal, "MyHTML could not be initialised");
  myhtml_tree_t* tree = parser.tree();
  myhtml_tree_clean(tree);
  if (myhtml_parse(tree, MyENCODING_UTF_8, utf8.data(), utf8.size()) != MyHTML_STATUS_OK) {
    return Status(StatusCode::kInvalidInput, "the HTML parser failed");
  }
  dom.nodes.clear();
  dom.attrs.clear();
  dom.chars.clear();
  dom.nodes.reserve(utf8.size() / 48 + 16);
  dom.chars.reserve(utf8.size() / 2 + 16);
  dom.nodes.push_back(DomNode{});  // the document
  dom.html = dom.head = dom.body = -1;
  dom.flattened = false;

  if (max_depth < 2) max_depth = 2;
  myhtml_tree_node_t* doc = myhtml_tree_get_document(tree);
  if (!doc) return Status{};
  std::vector<int32_t> dom_at = {0};  // the Dom element standing for each open level
  size_t depth = 1;
  myhtml_tree_node_t* n = myhtml_node_child(doc);
  auto add = [&dom](DomNode node, int32_t parent) {
    auto idx = static_cast<int32_t>(dom.nodes.size());
    node.parent = parent;
    dom.nodes.push_back(node);
    DomNode& p = dom.nodes[parent];
    if (p.last_child >= 0) {
      dom.nodes[p.last_child].next = idx;
    } else {
      p.first_child = idx;
    }
    p.last_child = idx;
    return idx;
  };
  while (n) {
    myhtml_tag_id_t tag = myhtml_node_tag_id(n);
    int32_t parent = dom_at.back();
    int32_t me = parent;
    bool element = false;
    if (tag == MyHTML_TAG__TEXT) {
      uint32_t ptag = dom.nodes[parent].tag;
      bool keep = !(ptag == MyHTML_TAG_STYLE || ptag == MyHTML_TAG_NOSCRIPT ||
                    (ptag == MyHTML_TAG_SCRIPT && !is_json_ld_script(dom, parent)));
      if (keep) {
        size_t len = 0;
        const char* s = myhtml_node_text(n, &len);
        if (s && len) {
          DomNode t;
          t.tag = kTextTag;
          t.begin = static_cast<uint32_t>(dom.chars.size());
          t.size = static_cast<uint32_t>(len);
          dom.chars.append(s, len);
          add(t, parent);
        }
      }
    } else if (tag != MyHTML_TAG__COMMENT && tag != MyHTML_TAG__DOCTYPE && tag != MyHTML_TAG__UNDEF) {
      element = true;
      if (depth <= max_depth) {
        DomNode e;
        e.tag = static_cast<uint32_t>(tag);
        e.begin = static_cast<uint32_t>(dom.attrs.size());
        for (myhtml_tree_attr_t* a = myhtml_node_attribute_first(n); a; a = myhtml_attribute_next(a)) {
          size_t kl = 0, vl = 0;
          const char* k = myhtml_attribute_key(a, &kl);
          if (!k || !wanted_attr(std::string_view(k, kl))) continue;
          const char* v = myhtml_attribute_value(a, &vl);
          DomAttr da;
          da.key_begin = static_cast<uint32_t>(dom.chars.size());
          da.key_size = static_cast<uint32_t>(kl);
          dom.chars.append(k, kl);
          da.val_begin = static_cast<uint32_t>(dom.chars.size());
          da.val_size = static_cast<uint32_t>(v ? vl : 0);
          if (v) dom.chars.append(v, vl);
          dom.attrs.push_back(da);
        }
        e.size = static_cast<uint32_t>(dom.attrs.size()) - e.begin;
        me = add(e, parent);
        if (tag == MyHTML_TAG_HTML && dom.html < 0) dom.html = me;
        if (tag == MyHTML_TAG_HEAD && dom.head < 0) dom.head = me;
        if (tag == MyHTML_TAG_BODY && dom.body < 0) dom.body = me;
      } else {
        dom.flattened = true;
      }
    }
    myhtml_tree_node_t* child = element ? myhtml_node_child(n) : nullptr;
    if (child) {
      dom_at.push_back(me);
      ++depth;
      n = child;
      continue;
    }
    while (true) {
      if (myhtml_tree_node_t* nx = myhtml_node_next(n)) {
        n = nx;
        break;
      }
      n = myhtml_node_parent(n);
      dom_at.pop_back();
      --depth;
      if (!n || n == doc || dom_at.empty()) {
        n = nullptr;
        break;
      }
    }
  }
  return Status{};
}

// ---------------------------------------------------------------------------
// Text utilities
// ---------------------------------------------------------------------------

void append_collapsed(std::string& out, std::string_view s) {
  bool space = out.empty() || out.back() == ' ';
  size_t i = 0;
  const size_t n = s.size();
  while (i < n) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
      if (!space) {
        out.push_back(' ');
        space = true;
      }
      ++i;
      continue;
    }
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
      space = false;
      ++i;
      continue;
    }
    // U+00A0, U+2000..U+200A, U+202F, U+205F, U+3000 are spaces; U+200B and U+FEFF
    // are nothing.
    if (c == 0xC2 && i + 1 < n && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      if (!space) {
        out.push_back(' ');
        space = true;
      }
      i += 2;
      continue;
    }
    if ((c == 0xE2 || c == 0xE3 || c == 0xEF) && i + 2 < n) {
      auto c1 = static_cast<unsigned char>(s[i + 1]), c2 = static_cast<unsigned char>(s[i + 2]);
      bool sp = (c == 0xE2 && c1 == 0x80 && (c2 <= 0x8A || c2 == 0xAF)) ||
                (c == 0xE2 && c1 == 0x81 && c2 == 0x9F) || (c == 0xE3 && c1 == 0x80 && c2 == 0x80);
      bool none = (c == 0xE2 && c1 == 0x80 && c2 == 0x8B) || (c == 0xEF && c1 == 0xBB && c2 == 0xBF);
      if (sp) {
        if (!space) {
          out.push_back(' ');
          space = true;
        }
        i += 3;
        continue;
      }
      if (none) {
        i += 3;
        continue;
      }
    }
    out.push_back(static_cast<char>(c));
    space = false;
    ++i;
  }
}

std::string collapse_space(std::string_view s) {
  std::string out;
  append_collapsed(out, s);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

std::string ascii_lower(std::string_view s) {
  std::string r(s);
  for (char& c : r) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return r;
}

size_t utf8_length(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

}  // namespace parallax::extract::internal
