// libFuzzer target for extract_html: any bytes must give an Extraction or an error,
// never a crash, a hang or a broken invariant. Build with -DPARALLAX_FUZZ=ON and
// clang; see the fuzz section at the end of CMakeLists.txt.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "parallax/extract.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  parallax::extract::HtmlOptions options;
  options.source = "fuzz";
  options.max_bytes = 4u << 20;
  // The first byte picks a declared charset and a depth limit, so that the decoding
  // and flattening paths are reached too.
  if (!bytes.empty()) {
    static constexpr const char* kTypes[] = {"", "text/html; charset=utf-8", "text/html; charset=windows-1252",
                                             "text/html; charset=shift_jis", "text/html; charset=utf-16"};
    options.content_type = kTypes[static_cast<uint8_t>(bytes[0]) % 5];
    options.max_depth = 8 + static_cast<uint8_t>(bytes[0]) % 64;
  }
  auto r = parallax::extract::extract_html(bytes, options);
  if (r.ok()) {
    const parallax::Article& a = r->article;
    if (a.paragraphs.empty() || a.text.empty()) __builtin_trap();
    for (const auto& p : a.paragraphs) {
      if (p.span.end > a.text.size() || p.span.begin >= p.span.end) __builtin_trap();
    }
    if (a.id.size() != 16) __builtin_trap();
  } else if (r.status().message().rfind("fuzz: ", 0) != 0) {
    __builtin_trap();  // every error names its input
  }
  return 0;
}
