// Reading inputs: files and standard input to RawDocuments, checks that hold for
// every format, then the reader for the format.
#include "parallax/ingest.h"

#include <zlib.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "ingest/ingest_internal.h"

namespace parallax::ingest {

namespace {

namespace fs = std::filesystem;

constexpr std::string_view kPlain = "text/plain";
constexpr std::string_view kMarkdown = "text/markdown";
constexpr std::string_view kJsonl = "application/x-ndjson";
constexpr std::string_view kHtml = "text/html";

std::string lower(std::string_view s) {
  std::string r(s);
  for (char& c : r) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return r;
}

// By extension; empty (sniff the content) when the extension says nothing.
std::string media_type_of(std::string path) {
  if (lower(fs::path(path).extension().string()) == ".gz") path.resize(path.size() - 3);
  std::string ext = lower(fs::path(path).extension().string());
  if (ext == ".txt" || ext == ".text") return std::string(kPlain);
  if (ext == ".md" || ext == ".markdown" || ext == ".mdown" || ext == ".mkd") {
    return std::string(kMarkdown);
  }
  if (ext == ".jsonl" || ext == ".ndjson") return std::string(kJsonl);
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return std::string(kHtml);
  return {};
}

std::string sniff(std::string_view bytes) {
  size_t first = bytes.find_first_not_of(" \t\r\n\f\v");
  if (first == std::string_view::npos) return std::string(kPlain);
  if (bytes[first] == '{') return std::string(kJsonl);
  std::string_view rest = bytes.substr(first);
  if (rest.size() >= 5 && rest[0] == '<') {
    std::string head = lower(rest.substr(0, 15));
    if (head.starts_with("<!doctype html") || head.starts_with("<html")) return std::string(kHtml);
  }
  if (rest.starts_with("---") || rest.starts_with("# ") || rest.starts_with("## ")) {
    return std::string(kMarkdown);
  }
  return std::string(kPlain);
}

bool is_control(unsigned char c) {
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') || c == 0x7F;
}

// An error for content no reader should see, or an ok Status.
Status check_content(std::string_view bytes, const std::string& source, const Options& options) {
  if (bytes.size() > options.max_bytes) {
    return too_large(source + ": " + std::to_string(bytes.size()) +
                     " bytes, more than the limit of " + std::to_string(options.max_bytes));
  }
  if (bytes.empty()) return invalid_input(source + ": empty file");
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    return invalid_input(source + ": UTF-16 text is not supported (convert it to UTF-8)");
  }
  if (size_t nul = bytes.find('\0'); nul != std::string_view::npos) {
    return invalid_input(source + ": binary data (NUL byte at offset " + std::to_string(nul) + ")");
  }
  size_t controls = 0;
  for (char c : bytes) controls += is_control(static_cast<unsigned char>(c));
  // A stray escape or form feed is text; one byte in ten is not.
  if (controls * 10 > bytes.size()) {
    return invalid_input(source + ": binary data (" + std::to_string(controls) + " of " +
                         std::to_string(bytes.size()) + " bytes are control characters)");
  }
  if (bytes.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos) {
    return invalid_input(source + ": only white space");
  }
  return {};
}

bool is_gzip(std::string_view b) {
  return b.size() >= 2 && static_cast<unsigned char>(b[0]) == 0x1f &&
         static_cast<unsigned char>(b[1]) == 0x8b;
}

void parse(std::string_view bytes, std::string media_type, const std::string& source,
           const Options& options, Batch& out) {
  std::string inflated;
  if (is_gzip(bytes)) {
    auto r = gunzip_if_gzip(bytes, source, options.max_bytes);
    if (!r.ok()) {
      out.errors.push_back(r.status());
      return;
    }
    inflated = std::move(r).value();
    bytes = inflated;
  }
  if (Status s = check_content(bytes, source, options); !s.ok()) {
    out.errors.push_back(std::move(s));
    return;
  }
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  if (bytes.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos) {
    out.errors.push_back(invalid_input(source + ": only white space"));
    return;
  }
  if (media_type.empty()) media_type = sniff(bytes);
  if (media_type == kHtml) {
    if (!options.html) {
      out.errors.push_back(invalid_input(source + ": an HTML page, and no page reader was given"));
      return;
    }
    RawDocument doc;
    doc.bytes.assign(bytes);
    doc.media_type = std::string(kHtml);
    doc.source = source;
    auto article = options.html(doc);
    if (!article.ok()) {
      out.errors.push_back(article.status());
      return;
    }
    if (article->outlet.empty()) article->outlet = options.outlet;
    out.articles.push_back(std::move(article).value());
    return;
  }
  if (media_type == kJsonl) {
    internal::read_jsonl(bytes, source, options, out);  // checks UTF-8 line by line
    return;
  }
  // We reject rather than guess a legacy encoding: a wrong guess would corrupt every
  // quote and name downstream without anyone noticing.
  if (size_t bad = parallax::find_invalid_utf8(bytes); bad != std::string_view::npos) {
    out.errors.push_back(invalid_input(source + ": invalid UTF-8 at byte offset " +
                                       std::to_string(bad) + " (convert the file to UTF-8)"));
    return;
  }
  internal::read_text(bytes, media_type == kMarkdown, source, options, out);
}

Result<std::string> read_stdin(size_t max_bytes) {
  std::string bytes;
  char buf[1 << 16];
  while (true) {
    size_t n = std::fread(buf, 1, sizeof buf, stdin);
    bytes.append(buf, n);
    if (bytes.size() > max_bytes)
      return too_large("-: standard input is larger than the limit of " +
                       std::to_string(max_bytes) + " bytes");
    if (n < sizeof buf) break;
  }
  if (std::ferror(stdin)) return io_error("-: cannot read standard input");
  return bytes;
}

// The raw bytes of a path, within max_bytes (not yet decompressed).
Result<std::string> read_raw(const std::string& path, size_t max_bytes) {
  if (path == "-") return read_stdin(max_bytes);
  std::error_code ec;
  fs::file_status st = fs::status(path, ec);
  if (ec || !fs::exists(st)) return not_found(path + ": no such file");
  if (fs::is_directory(st)) return invalid_input(path + ": is a directory, not a file");
  if (fs::is_regular_file(st)) {
    uintmax_t size = fs::file_size(path, ec);
    if (!ec && size > max_bytes)
      return too_large(path + ": " + std::to_string(size) + " bytes, more than the limit of " +
                       std::to_string(max_bytes));
  }
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return io_error(path + ": cannot open (" + std::strerror(errno) + ")");
  std::string bytes;
  char buf[1 << 16];
  bool too_big = false;
  while (true) {
    size_t n = std::fread(buf, 1, sizeof buf, f);
    bytes.append(buf, n);
    // Pipes and devices have no size to check up front.
    if (bytes.size() > max_bytes) {
      too_big = true;
      break;
    }
    if (n < sizeof buf) break;
  }
  bool failed = std::ferror(f) != 0;
  std::fclose(f);
  if (too_big)
    return too_large(path + ": larger than the limit of " + std::to_string(max_bytes) + " bytes");
  if (failed) return io_error(path + ": cannot read");
  return bytes;
}

}  // namespace

void read_path(const std::string& path, const Options& options, Batch& out) {
  ++out.inputs;
  auto bytes = read_raw(path, options.max_bytes);
  if (!bytes.ok()) {
    out.errors.push_back(bytes.status());
    return;
  }
  parse(*bytes, path == "-" ? std::string() : media_type_of(path), path, options, out);
}

Result<std::string> read_bytes(const std::string& path, size_t max_bytes) {
  auto raw = read_raw(path, max_bytes);
  if (!raw.ok() || !is_gzip(*raw)) return raw;
  return gunzip_if_gzip(*raw, path, max_bytes);
}

Batch read_paths(const std::vector<std::string>& paths, const Options& options) {
  Batch b;
  for (const auto& p : paths) read_path(p, options, b);
  return b;
}

void read_document(const RawDocument& doc, const Options& options, Batch& out) {
  ++out.inputs;
  std::string source = doc.source.empty() ? "-" : doc.source;
  std::string media = doc.media_type;
  if (media == "application/jsonl" || media == "application/json-lines")
    media = std::string(kJsonl);
  if (media != kPlain && media != kMarkdown && media != kJsonl && media != kHtml) media.clear();
  parse(doc.bytes, media, source, options, out);
}

// A small file can inflate to gigabytes: the output is capped at max_bytes.
Result<std::string> gunzip_if_gzip(std::string_view bytes, const std::string& source,
                                   size_t max_bytes) {
  if (!is_gzip(bytes)) return std::string(bytes);
  z_stream zs{};
  if (inflateInit2(&zs, 15 + 32) != Z_OK)
    return io_error(source + ": cannot start gzip decompression");
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  zs.avail_in = static_cast<uInt>(bytes.size());
  std::string out;
  char buf[1 << 16];
  while (true) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    int rc = inflate(&zs, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END) {
      std::string why = rc == Z_BUF_ERROR ? "truncated gzip stream"
                                          : std::string("corrupt gzip stream (") +
                                                (zs.msg ? zs.msg : "zlib error") + ")";
      inflateEnd(&zs);
      return invalid_input(source + ": " + why);
    }
    out.append(buf, sizeof buf - zs.avail_out);
    if (out.size() > max_bytes) {
      inflateEnd(&zs);
      return too_large(source + ": decompresses to more than the limit of " +
                       std::to_string(max_bytes) + " bytes");
    }
    if (rc == Z_STREAM_END) {
      // Concatenated gzip members continue.
      if (zs.avail_in == 0) break;
      inflateReset(&zs);
      continue;
    }
    if (zs.avail_in == 0 && zs.avail_out != 0) {
      inflateEnd(&zs);
      return invalid_input(source + ": truncated gzip stream");
    }
  }
  inflateEnd(&zs);
  return out;
}

}  // namespace parallax::ingest
