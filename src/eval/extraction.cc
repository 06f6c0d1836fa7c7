// Scoring extract_html on article-extraction sets (see parallax/eval.h for the
// metrics, which follow each set's own evaluation code).
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unordered_map>

#include "parallax/eval.h"
#include "parallax/extract.h"
#include "parallax/ingest.h"

namespace parallax::eval {

namespace fs = std::filesystem;
using nlohmann::json;

// ---------------------------------------------------------------------------
// Zyte metric
// ---------------------------------------------------------------------------

namespace {

// Pages of an evaluation set are read whole; the limit only guards against a runaway
// gzip stream.
constexpr size_t kMaxPageBytes = size_t{256} << 20;

// Python's str \w: alphabetic (L*), numeric (N*) or the underscore.
bool is_word_char(UChar32 c) {
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }
  switch (u_charType(c)) {
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
    case U_DECIMAL_DIGIT_NUMBER:
    case U_LETTER_NUMBER:
    case U_OTHER_NUMBER:
      return true;
    default:
      return false;
  }
}

std::unordered_map<std::string, uint32_t> shingles(std::string_view text, size_t n) {
  std::vector<std::string_view> toks = word_tokens(text);
  std::unordered_map<std::string, uint32_t> out;
  if (toks.empty()) return out;
  size_t count = toks.size() >= n ? toks.size() - n + 1 : 1;
  out.reserve(count);
  std::string key;
  for (size_t i = 0; i < count; ++i) {
    key.clear();
    for (size_t k = i; k < std::min(toks.size(), i + n); ++k) {
      key.append(toks[k]);
      key.push_back('\x1f');
    }
    ++out[key];
  }
  return out;
}

}  // namespace

std::vector<std::string_view> word_tokens(std::string_view text) {
  std::vector<std::string_view> out;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t len = static_cast<int32_t>(text.size());
  int32_t i = 0, start = -1;
  while (i < len) {
    int32_t at = i;
    UChar32 c;
    U8_NEXT(s, i, len, c);
    bool w = c >= 0 && is_word_char(c);
    if (w && start < 0) start = at;
    if (!w && start >= 0) {
      out.push_back(text.substr(start, at - start));
      start = -1;
    }
  }
  if (start >= 0) out.push_back(text.substr(start));
  return out;
}

ShingleCounts shingle_match(std::string_view truth, std::string_view prediction, size_t n) {
  auto t = shingles(truth, n);
  auto p = shingles(prediction, n);
  double tp = 0, fp = 0, fn = 0;
  for (const auto& [k, tc] : t) {
    auto it = p.find(k);
    uint32_t pc = it == p.end() ? 0 : it->second;
    tp += std::min(tc, pc);
    fn += tc > pc ? tc - pc : 0;
    fp += pc > tc ? pc - tc : 0;
  }
  for (const auto& [k, pc] : p) {
    if (!t.count(k)) fp += pc;
  }
  double s = tp + fp + fn;
  if (s > 0) return {tp / s, fp / s, fn / s};
  return {};
}

Prf average_prf(const std::vector<ShingleCounts>& pages) {
  double psum = 0, rsum = 0;
  size_t pn = 0, rn = 0;
  for (const auto& c : pages) {
    if (c.tp + c.fp > 0) {
      psum += (c.fp == 0 && c.fn == 0) ? 1.0 : c.tp / (c.tp + c.fp);
      ++pn;
    }
    if (c.tp + c.fn > 0) {
      rsum += (c.fp == 0 && c.fn == 0) ? 1.0 : c.tp / (c.tp + c.fn);
      ++rn;
    }
  }
  Prf r;
  r.precision = pn ? psum / pn : 0;
  r.recall = rn ? rsum / rn : 0;
  r.f1 = r.precision + r.recall > 0 ? 2 * r.precision * r.recall / (r.precision + r.recall) : 0;
  return r;
}

// ---------------------------------------------------------------------------
// trafilatura metric
// ---------------------------------------------------------------------------

std::string normalize_whitespace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = true;
  for (size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    bool ws = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      ws = true;
      ++i;
    }
    if (ws) {
      if (!space) out.push_back(' ');
      space = true;
    } else {
      out.push_back(static_cast<char>(c));
      space = false;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

void count_snippets(std::string_view output, const std::vector<std::string>& must_include,
                    const std::vector<std::string>& must_exclude, SnippetCounts& counts) {
  std::string text = normalize_whitespace(output);
  for (const auto& s : must_include) {
    std::string n = normalize_whitespace(s);
    if (text.find(n) != std::string::npos) {
      ++counts.tp;
    } else {
      ++counts.fn;
    }
  }
  for (const auto& s : must_exclude) {
    std::string n = normalize_whitespace(s);
    if (text.find(n) != std::string::npos) {
      ++counts.fp;
    } else {
      ++counts.tn;
    }
  }
}

Prf with_f1(double precision, double recall) {
  Prf r{precision, recall, 0};
  if (precision + recall > 0) r.f1 = 2 * precision * recall / (precision + recall);
  return r;
}

Prf snippet_prf(const SnippetCounts& c) {
  Prf r;
  r.precision = c.tp + c.fp ? double(c.tp) / double(c.tp + c.fp) : 0;
  r.recall = c.tp + c.fn ? double(c.tp) / double(c.tp + c.fn) : 0;
  r.f1 = r.precision + r.recall > 0 ? 2 * r.precision * r.recall / (r.precision + r.recall) : 0;
  return r;
}

namespace {

// NFKC case folding and white space normalisation.
std::string fold(std::string_view s) {
  UErrorCode st = U_ZERO_ERROR;
  const icu::Normalizer2* nf = icu::Normalizer2::getNFKCCasefoldInstance(st);
  std::string w = normalize_whitespace(s);
  if (U_FAILURE(st)) return w;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(w);
  icu::UnicodeString f = nf->normalize(u, st);
  if (U_FAILURE(st)) return w;
  std::string out;
  f.toUTF8String(out);
  return normalize_whitespace(out);
}

// "By A and B", "A, B", "A; B" -> folded names.
std::vector<std::string> author_names(const std::vector<std::string>& in) {
  std::vector<std::string> out;
  for (const auto& raw : in) {
    std::string s = fold(raw);
    for (std::string_view p : {"by ", "von ", "par ", "por "}) {
      if (s.rfind(p, 0) == 0) s = s.substr(p.size());
    }
    std::string cur;
    auto push = [&]() {
      std::string t = normalize_whitespace(cur);
      cur.clear();
      if (!t.empty() && std::find(out.begin(), out.end(), t) == out.end()) out.push_back(t);
    };
    for (size_t i = 0; i < s.size(); ++i) {
      if (s[i] == ',' || s[i] == ';' || s[i] == '|' || s[i] == '&' || s[i] == '/') {
        push();
        continue;
      }
      bool sep = false;
      for (std::string_view w : {" and ", " und "}) {
        if (s.compare(i, w.size(), w) == 0) {
          push();
          i += w.size() - 1;
          sep = true;
          break;
        }
      }
      if (!sep) cur.push_back(s[i]);
    }
    push();
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

bool same_title(std::string_view ours, std::string_view truth) {
  std::string a = fold(ours), b = fold(truth);
  return !b.empty() && a == b;
}

bool same_authors(const std::vector<std::string>& ours, const std::vector<std::string>& truth) {
  auto a = author_names(ours), b = author_names(truth);
  return !b.empty() && a == b;
}

bool same_date(std::string_view ours, std::string_view truth) {
  return truth.size() >= 10 && ours.size() >= 10 && ours.substr(0, 10) == truth.substr(0, 10);
}

// ---------------------------------------------------------------------------
// Files
// ---------------------------------------------------------------------------

// ---------------------------------------------------------------------------
// Running a set
// ---------------------------------------------------------------------------

namespace {

double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

struct TruthRow {
  std::string id, url, body, title, date;
  std::vector<std::string> authors, include, exclude;
  bool has_body = false, has_snippets = false;
};

std::vector<std::string> strings_of(const json& v) {
  std::vector<std::string> out;
  if (v.is_string()) out.push_back(v.get<std::string>());
  if (v.is_array()) {
    for (const auto& x : v) {
      if (x.is_string()) out.push_back(x.get<std::string>());
    }
  }
  return out;
}

Result<std::vector<TruthRow>> read_truth(const std::string& path) {
  std::ifstream in(path);
  if (!in) return not_found(path + ": no such file");
  std::vector<TruthRow> rows;
  std::string line;
  size_t lineno = 0;
  while (std::getline(in, line)) {
    ++lineno;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    json j = json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("id")) {
      return invalid_input(path + ":" + std::to_string(lineno) + ": not a JSON object with an id");
    }
    TruthRow r;
    r.id = j["id"].is_string() ? j["id"].get<std::string>() : j["id"].dump();
    if (j.contains("url") && j["url"].is_string()) r.url = j["url"].get<std::string>();
    if (j.contains("body")) {
      r.has_body = true;
      if (j["body"].is_string()) r.body = j["body"].get<std::string>();
    }
    if (j.contains("must_include")) {
      r.has_snippets = true;
      r.include = strings_of(j["must_include"]);
      if (j.contains("must_exclude")) r.exclude = strings_of(j["must_exclude"]);
    }
    if (j.contains("title") && j["title"].is_string()) r.title = j["title"].get<std::string>();
    if (j.contains("date") && j["date"].is_string()) r.date = j["date"].get<std::string>();
    if (j.contains("author")) r.authors = strings_of(j["author"]);
    rows.push_back(std::move(r));
  }
  return rows;
}

std::string page_path(const fs::path& pages, const std::string& id) {
  for (const char* ext : {".html.gz", ".gz", ".html", ""}) {
    fs::path p = pages / (id + ext);
    std::error_code ec;
    if (fs::is_regular_file(p, ec)) return p.string();
  }
  return {};
}

// "Published F1: a 0.970, b 2.0.0 0.958, ..." in a README.
std::map<std::string, std::string> published_figures(const fs::path& readme) {
  std::map<std::string, std::string> out;
  std::ifstream in(readme);
  if (!in) return out;
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  size_t p = text.find("Published F1");
  if (p == std::string::npos) return out;
  p = text.find(':', p);
  if (p == std::string::npos) return out;
  // The list ends at a full stop: a '.' followed by white space (a decimal point is
  // followed by a digit).
  size_t e = p;
  while (e < text.size() &&
         !(text[e] == '.' && (e + 1 == text.size() || text[e + 1] == ' ' || text[e + 1] == '\n'))) {
    ++e;
  }
  std::string list = text.substr(p + 1, e - p - 1);
  for (char& c : list) {
    if (c == '\n') c = ' ';
  }
  size_t i = 0;
  while (i < list.size()) {
    size_t c = list.find(',', i);
    if (c == std::string::npos) c = list.size();
    std::string item = normalize_whitespace(list.substr(i, c - i));
    i = c + 1;
    size_t sp = item.rfind(' ');
    if (sp == std::string::npos) continue;
    std::string name = item.substr(0, sp), score = item.substr(sp + 1);
    if (score.empty() || !(score[0] >= '0' && score[0] <= '9')) continue;
    // Drop a version number: "trafilatura 2.0.0" -> "trafilatura".
    size_t vs = name.rfind(' ');
    if (vs != std::string::npos && name[vs + 1] >= '0' && name[vs + 1] <= '9')
      name = name.substr(0, vs);
    out[name] = score;
  }
  return out;
}

// The README's name for a peers/ file name ("news_please" -> "news-please").
std::string published_for(const std::map<std::string, std::string>& pub, const std::string& peer) {
  auto key = [](std::string s) {
    std::string k;
    for (char c : s) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) k.push_back(c);
    }
    return k;
  };
  static const std::map<std::string, std::string> kAliases = {{"newspaper", "newspaper4k"},
                                                              {"readability", "readabilitylxml"},
                                                              {"htmltext", "wholepagetext"},
                                                              {"justext", "justext"}};
  std::string pk = key(peer);
  if (auto it = kAliases.find(pk); it != kAliases.end()) pk = it->second;
  for (const auto& [name, score] : pub) {
    if (key(name) == pk) return score;
  }
  return {};
}

}  // namespace

Result<ExtractionReport> evaluate_extraction(const std::string& dir,
                                             const ExtractionOptions& options) {
  fs::path root(dir);
  std::error_code ec;
  if (!fs::is_directory(root, ec)) return not_found(dir + ": no such folder");
  auto truth = read_truth((root / "truth.jsonl").string());
  if (!truth.ok()) return truth.status();
  if (truth->empty()) return invalid_input((root / "truth.jsonl").string() + ": no pages");
  fs::path pages = root / "pages";
  if (!fs::is_directory(pages, ec))
    return not_found((root / "pages").string() + ": no such folder");

  ExtractionReport rep;
  bool zyte = truth->front().has_body;
  if (!zyte && !truth->front().has_snippets) {
    return invalid_input((root / "truth.jsonl").string() +
                         ": rows have neither body nor must_include");
  }
  rep.set = zyte ? "zyte" : "trafilatura";
  rep.published = published_figures(root / "README.md");

  std::vector<ShingleCounts> ours;
  size_t done = 0;
  for (const TruthRow& row : *truth) {
    Prediction pred;
    pred.id = row.id;
    std::string path = page_path(pages, row.id);
    if (path.empty()) {
      pred.error = (pages / row.id).string() + ": page missing";
    } else if (auto html = ingest::read_bytes(path, kMaxPageBytes); !html.ok()) {
      pred.error = html.status().message();
    } else {
      extract::HtmlOptions ho;
      ho.source = path;
      if (row.url.find("://") != std::string::npos) ho.url = row.url;
      double c0 = thread_cpu_seconds();
      auto t0 = std::chrono::steady_clock::now();
      auto ex = extract::extract_html(*html, ho);
      auto t1 = std::chrono::steady_clock::now();
      rep.cpu_seconds += thread_cpu_seconds() - c0;
      rep.seconds += std::chrono::duration<double>(t1 - t0).count();
      rep.html_bytes += html->size();
      if (ex.ok()) {
        pred.body = ex->article.text;
        pred.title = ex->article.title;
        pred.authors = ex->article.authors;
        pred.published = ex->article.published;
      } else {
        pred.error = ex.status().message();
      }
    }
    if (!pred.error.empty()) ++rep.failed;
    ++rep.pages;
    if (zyte) {
      ours.push_back(shingle_match(row.body, pred.body));
    } else {
      count_snippets(pred.body, row.include, row.exclude, rep.snippets);
      if (!row.title.empty()) {
        ++rep.title_pages;
        rep.title_hits += same_title(pred.title, row.title);
      }
      if (!row.authors.empty()) {
        ++rep.author_pages;
        rep.author_hits += same_authors(pred.authors, row.authors);
      }
      if (!row.date.empty()) {
        ++rep.date_pages;
        rep.date_hits += same_date(pred.published, row.date);
      }
    }
    if (options.keep_predictions) rep.predictions.push_back(std::move(pred));
    ++done;
    if (options.progress) options.progress(done, truth->size());
  }

  if (zyte) {
    rep.ours = average_prf(ours);
    fs::path peers = root / "peers";
    if (fs::is_directory(peers, ec)) {
      std::vector<fs::path> files;
      for (const auto& e : fs::directory_iterator(peers, ec)) {
        if (e.path().extension() == ".json") files.push_back(e.path());
      }
      std::sort(files.begin(), files.end());
      for (const auto& f : files) {
        std::ifstream in(f);
        json j = json::parse(in, nullptr, false);
        if (j.is_discarded() || !j.is_object())
          return invalid_input(f.string() + ": not a JSON object");
        // Newer runs wrap the pages: {"output": {id: ...}, "version": "2.0.0"}.
        if (auto o = j.find("output");
            o != j.end() && o->is_object() && !j.contains(truth->front().id)) {
          json inner = std::move(*o);
          j = std::move(inner);
        }
        std::vector<ShingleCounts> counts;
        counts.reserve(truth->size());
        for (const TruthRow& row : *truth) {
          std::string body;
          auto it = j.find(row.id);
          if (it != j.end() && it->is_object()) {
            auto b = it->find("articleBody");
            if (b != it->end() && b->is_string()) body = b->get<std::string>();
          }
          counts.push_back(shingle_match(row.body, body));
        }
        PeerScore ps;
        ps.name = f.stem().string();
        ps.score = average_prf(counts);
        ps.published = published_for(rep.published, ps.name);
        rep.peers.push_back(std::move(ps));
      }
      std::sort(rep.peers.begin(), rep.peers.end(),
                [](const PeerScore& a, const PeerScore& b) { return a.score.f1 > b.score.f1; });
    }
  } else {
    rep.ours = snippet_prf(rep.snippets);
  }
  return rep;
}

}  // namespace parallax::eval
