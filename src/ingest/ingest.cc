// STUB: replaced by the real readers.
#include "parallax/ingest.h"
namespace parallax::ingest {
void read_path(const std::string&, const Options&, Batch&) {}
Batch read_paths(const std::vector<std::string>& paths, const Options& o) {
  Batch b;
  for (const auto& p : paths) read_path(p, o, b);
  return b;
}
void read_document(const RawDocument&, const Options&, Batch&) {}
}  // namespace parallax::ingest
