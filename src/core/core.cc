#include "parallax/core.h"

#include <xxhash.h>

#include <cstdio>

namespace parallax {

Status invalid_input(std::string message) { return {StatusCode::kInvalidInput, std::move(message)}; }
Status not_found(std::string message) { return {StatusCode::kNotFound, std::move(message)}; }
Status io_error(std::string message) { return {StatusCode::kIoError, std::move(message)}; }
Status too_large(std::string message) { return {StatusCode::kTooLarge, std::move(message)}; }

std::string Article::label() const {
  if (!outlet.empty()) return outlet;
  if (!source.empty() && source != "-") {
    std::string_view s = source;
    if (auto colon = s.rfind(':'); colon != std::string_view::npos && colon + 1 < s.size() &&
                                   s.find_first_not_of("0123456789", colon + 1) == std::string_view::npos) {
      s = s.substr(0, colon);  // "file.jsonl:12" names a line; the label is the file
    }
    if (auto slash = s.find_last_of('/'); slash != std::string_view::npos) s = s.substr(slash + 1);
    if (auto dot = s.find('.'); dot != std::string_view::npos && dot > 0) s = s.substr(0, dot);
    if (!s.empty()) return std::string(s);
  }
  return id;
}

void Article::add_paragraph(std::string_view paragraph, BlockKind kind, int32_t line) {
  if (!text.empty()) text += "\n\n";
  Paragraph p;
  p.span.begin = static_cast<uint32_t>(text.size());
  text += paragraph;
  p.span.end = static_cast<uint32_t>(text.size());
  p.kind = kind;
  p.line = line;
  paragraphs.push_back(p);
}

std::string hash_id(std::string_view bytes) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx",
                static_cast<unsigned long long>(XXH64(bytes.data(), bytes.size(), 0)));
  return buf;
}

const char* to_string(EntityType t) {
  switch (t) {
    case EntityType::kPerson: return "person";
    case EntityType::kOrganisation: return "organisation";
    case EntityType::kPlace: return "place";
    case EntityType::kNationality: return "nationality";
    case EntityType::kGroup: return "group";
    case EntityType::kOther: return "other";
  }
  return "other";
}

const char* to_string(SourceKind k) {
  switch (k) {
    case SourceKind::kNamedPerson: return "named person";
    case SourceKind::kOrganisation: return "organisation";
    case SourceKind::kMediaOutlet: return "media outlet";
    case SourceKind::kDocument: return "document";
    case SourceKind::kAnonymous: return "anonymous";
    case SourceKind::kUnknown: return "unknown";
  }
  return "unknown";
}

const char* to_string(FrameCategory c) {
  switch (c) {
    case FrameCategory::kLabel: return "label";
    case FrameCategory::kLoaded: return "loaded";
    case FrameCategory::kIntensifier: return "intensifier";
    case FrameCategory::kHedge: return "hedge";
    case FrameCategory::kOpinion: return "opinion";
  }
  return "loaded";
}

const char* to_string(BlockKind k) {
  switch (k) {
    case BlockKind::kParagraph: return "paragraph";
    case BlockKind::kHeading: return "heading";
    case BlockKind::kListItem: return "list item";
    case BlockKind::kBlockQuote: return "block quote";
  }
  return "paragraph";
}

}  // namespace parallax
