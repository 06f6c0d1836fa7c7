// Terminal and Markdown reports. Both follow one outline: the articles, the facts
// they share, what each alone reports and leaves out, who is quoted, how each
// sources and frames, what was removed as page residue, and the inputs that failed.
#include "parallax/report.h"

#include <algorithm>
#include <cstdio>
#include <numeric>
#include <string>
#include <string_view>

#include "text_util.h"

namespace parallax::report {
namespace {

constexpr SourceKind kShownKinds[] = {SourceKind::kNamedPerson, SourceKind::kOrganisation,
                                      SourceKind::kMediaOutlet, SourceKind::kDocument,
                                      SourceKind::kAnonymous};
constexpr const char* kKindShort[] = {"named", "organisation", "media", "document", "anonymous"};
constexpr FrameCategory kCategories[] = {FrameCategory::kLoaded, FrameCategory::kLabel,
                                         FrameCategory::kIntensifier, FrameCategory::kHedge,
                                         FrameCategory::kOpinion};

// What both formats need, derived once.
struct View {
  const Input& in;
  size_t n;
  std::vector<std::string> labels;    // unique per article
  std::vector<uint32_t> shared_all;   // facts every article reports
  std::vector<uint32_t> shared_some;  // facts two or more (not all) report
};

View make_view(const Input& in) {
  View v{in,
         std::min({in.articles.size(), in.analyses.size(), in.comparison.articles.size()}),
         {},
         {},
         {}};
  for (size_t i = 0; i < v.n; ++i) v.labels.push_back(in.articles[i].label());
  // Two inputs with one outlet would read the same: number the repeats.
  for (size_t i = 0; i < v.n; ++i) {
    size_t same = std::count(v.labels.begin(), v.labels.end(), v.labels[i]);
    if (same > 1) v.labels[i] = in.articles[i].label() + " #" + std::to_string(i + 1);
  }
  for (uint32_t f = 0; f < in.comparison.facts.size(); ++f) {
    size_t k = in.comparison.facts[f].articles.size();
    if (k >= 2 && k == v.n)
      v.shared_all.push_back(f);
    else if (k >= 2)
      v.shared_some.push_back(f);
  }
  return v;
}

std::string fmt_float(double x, int digits) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", digits, x);
  return buf;
}

std::string article_refs(const Fact& f) {
  std::string s = "[";
  for (size_t i = 0; i < f.articles.size(); ++i) {
    if (i) s += ",";
    s += std::to_string(f.articles[i] + 1);
  }
  return s + "]";
}

std::string member_text(const Input& in, const FactMember& m) {
  if (m.article >= in.articles.size() || m.article >= in.analyses.size()) return {};
  const auto& sentences = in.analyses[m.article].sentences;
  if (m.sentence >= sentences.size()) return {};
  return std::string(sentences[m.sentence].span.of(in.articles[m.article].text));
}

// "Lis Hart (Vale campaign)": the speaker with whom the articles say they speak for.
std::string speaker_label(const SpeakerCoverage& s) {
  if (s.affiliations.empty()) return s.speaker;
  std::string out = s.speaker + " (";
  for (size_t i = 0; i < s.affiliations.size(); ++i) out += (i ? ", " : "") + s.affiliations[i];
  return out + ")";
}

uint32_t total_quotes(const SpeakerCoverage& s) {
  return std::accumulate(s.quotes.begin(), s.quotes.end(), 0u);
}

// ---------------------------------------------------------------------------
// Terminal
// ---------------------------------------------------------------------------

class Terminal {
 public:
  Terminal(const View& v, const Options& o) : v_(v), o_(o), width_(std::max(o.width, 40)) {}

  std::string render() {
    header();
    shared_facts();
    per_article_facts();
    quoted();
    sourcing();
    framing();
    residue();
    errors();
    return out_;
  }

 private:
  std::string bold(std::string_view s) const {
    return o_.color ? "\x1b[1m" + std::string(s) + "\x1b[0m" : std::string(s);
  }
  std::string dim(std::string_view s) const {
    return o_.color ? "\x1b[2m" + std::string(s) + "\x1b[0m" : std::string(s);
  }
  void heading(std::string_view s) {
    std::string w = wrap(s, width_, "", "  ");
    w.pop_back();
    out_ += "\n" + bold(w) + "\n";
  }
  // Plain text wrapped to the width, optionally dim.
  void para(std::string_view text, std::string_view first, std::string_view rest,
            bool is_dim = false) {
    std::string w = wrap(text, width_, first, rest);
    w.pop_back();
    out_ += (is_dim ? dim(w) : w) + "\n";
  }
  std::string ref(size_t a) const { return "[" + std::to_string(a + 1) + "] " + v_.labels[a]; }
  // A wrapped line with a hanging indent; `text` shortened to at most `lines` lines.
  void item(std::string_view first, std::string_view rest, std::string_view text,
            size_t lines = 2) {
    size_t room = width_ - display_width(rest);
    out_ += wrap(shorten(text, room * lines - 4), width_, first, rest);
  }

  void header() {
    out_ += bold("Parallax: " + std::to_string(v_.n) + " articles compared") + "\n";
    for (size_t a = 0; a < v_.n; ++a) {
      const Article& art = v_.in.articles[a];
      std::string meta = art.published.empty() ? "date unknown" : art.published;
      meta += " · " + std::to_string(v_.in.analyses[a].word_count) + " words";
      if (!art.language.empty())
        meta += " · " + art.language;
      else if (!v_.in.analyses[a].language.empty())
        meta += " · " + v_.in.analyses[a].language;
      if (display_width(ref(a)) + 2 + display_width(meta) <= width_) {
        out_ += bold(ref(a)) + "  " + dim(meta) + "\n";
      } else {
        out_ += bold(shorten(ref(a), width_)) + "\n";
        para(meta, "    ", "    ", true);
      }
      std::string title = art.title.empty() ? "(no title)" : art.title;
      out_ += "    " + shorten(title, width_ - 4) + "\n";
    }
    if (v_.n >= 2) {
      std::string overlap = "Headline words shared with the others: ";
      for (size_t a = 0; a < v_.n; ++a) {
        if (a) overlap += ", ";
        overlap += "[" + std::to_string(a + 1) + "] " +
                   fmt_float(100.0 * v_.in.comparison.articles[a].title_overlap, 0) + "%";
      }
      out_ += wrap(overlap, width_, "", "  ");
    }
  }

  void fact_list(const std::vector<uint32_t>& facts, bool show_members) {
    size_t shown = 0;
    for (uint32_t f : facts) {
      if (shown == o_.max_facts) {
        out_ += dim("  … and " + std::to_string(facts.size() - shown) + " more") + "\n";
        break;
      }
      const Fact& fact = v_.in.comparison.facts[f];
      std::string refs = article_refs(fact);
      item("  • " + refs + " ", "    ", fact.summary);
      if (show_members) {
        for (const auto& m : fact.members) {
          std::string t = member_text(v_.in, m);
          if (t == fact.summary) continue;
          out_ += dim("      [" + std::to_string(m.article + 1) + "] " + shorten(t, width_ - 10)) +
                  "\n";
        }
      }
      ++shown;
    }
  }

  void shared_facts() {
    if (v_.n == 2)
      heading("Reported by both (" + std::to_string(v_.shared_all.size()) + ")");
    else
      heading("Reported by all (" + std::to_string(v_.shared_all.size()) + ")");
    if (v_.shared_all.empty()) out_ += dim("  (none)") + "\n";
    fact_list(v_.shared_all, v_.n <= 4);
    if (v_.n >= 3) {
      heading("Reported by several (" + std::to_string(v_.shared_some.size()) + ")");
      if (v_.shared_some.empty()) out_ += dim("  (none)") + "\n";
      fact_list(v_.shared_some, false);
    }
  }

  void per_article_facts() {
    for (size_t a = 0; a < v_.n; ++a) {
      const ArticleComparison& ac = v_.in.comparison.articles[a];
      std::string h = "Only in " + ref(a) + " (" + std::to_string(ac.only_here.size()) + ")";
      if (v_.n == 2) h += " — " + ref(1 - a) + " leaves these out";
      heading(h);
      if (ac.only_here.empty()) out_ += dim("  (none)") + "\n";
      fact_list(ac.only_here, false);
      if (v_.n >= 3) {
        heading(ref(a) + " leaves out (" + std::to_string(ac.omitted.size()) + ")");
        if (ac.omitted.empty()) out_ += dim("  (nothing that two others report)") + "\n";
        fact_list(ac.omitted, false);
      }
    }
  }

  void quoted() {
    const auto& speakers = v_.in.comparison.speakers;
    heading("Who is quoted (" + std::to_string(speakers.size()) + ")");
    if (speakers.empty()) {
      out_ += dim("  (no attributed quotes found)") + "\n";
      return;
    }
    const bool columns = v_.n <= 8;
    // Room for a short affiliation ("Lis Hart (Vale campaign)") when the width allows.
    const size_t rest = 2 + 1 + 13 + (columns ? 5 * v_.n : 18);
    size_t name_w = static_cast<size_t>(width_) > rest + 28 ? std::min<size_t>(34, width_ - rest) : 28;
    std::string head = "  " + pad("speaker", name_w) + " " + pad("kind", 13);
    if (columns) {
      for (size_t a = 0; a < v_.n; ++a) head += " " + pad("[" + std::to_string(a + 1) + "]", 4);
    } else {
      head += " articles  quotes";
    }
    out_ += dim(head) + "\n";
    size_t shown = 0;
    for (const auto& s : speakers) {
      if (shown == o_.max_facts * 2) {
        out_ += dim("  … and " + std::to_string(speakers.size() - shown) + " more") + "\n";
        break;
      }
      std::string line = "  " + pad(shorten(speaker_label(s), name_w), name_w) + " " +
                         pad(dim(to_string(s.kind)), 13 + (o_.color ? 8 : 0));
      if (columns) {
        for (size_t a = 0; a < v_.n && a < s.quotes.size(); ++a)
          line += " " + pad(s.quotes[a] ? std::to_string(s.quotes[a]) : "·", 4);
      } else {
        size_t in =
            std::count_if(s.quotes.begin(), s.quotes.end(), [](uint32_t q) { return q > 0; });
        line += " " + pad(std::to_string(in), 9) + " " + std::to_string(total_quotes(s));
      }
      while (!line.empty() && line.back() == ' ') line.pop_back();
      out_ += line + "\n";
      ++shown;
    }
  }

  void sourcing() {
    heading("Sourcing");
    for (size_t a = 0; a < v_.n; ++a) {
      const SourcingProfile& s = v_.in.comparison.articles[a].sourcing;
      uint32_t total = s.direct + s.indirect;
      para(ref(a) + ": " + std::to_string(total) + " quotes, " + std::to_string(s.direct) +
               " direct / " + std::to_string(s.indirect) + " indirect",
           "", "    ");
      std::string kinds;
      for (size_t k = 0; k < 5; ++k) {
        if (k) kinds += " · ";
        kinds += std::string(kKindShort[k]) + " " +
                 std::to_string(s.by_kind[static_cast<size_t>(kShownKinds[k])]);
      }
      para(kinds, "    ", "    ", true);
      if (!s.sources.empty()) {
        std::string list;
        for (size_t i = 0; i < s.sources.size(); ++i) list += (i ? ", " : "") + s.sources[i];
        item("    sources: ", "      ", list, 3);
      }
    }
  }

  void framing() {
    heading("Framing");
    for (size_t a = 0; a < v_.n; ++a) {
      const FramingProfile& f = v_.in.comparison.articles[a].framing;
      para(ref(a) + ": " + fmt_float(f.density, 1) + " framing words per 100 words; " +
               std::to_string(f.opinion_sentences) + " opinion / " +
               std::to_string(f.reporting_sentences) + " reporting sentences",
           "", "    ");
      std::string cats;
      for (size_t c = 0; c < 5; ++c) {
        if (c) cats += " · ";
        cats += std::string(to_string(kCategories[c])) + " " +
                std::to_string(f.by_category[static_cast<size_t>(kCategories[c])]);
      }
      para(cats, "    ", "    ", true);
      const Analysis& an = v_.in.analyses[a];
      std::string spans;
      size_t shown = 0;
      for (uint32_t i : f.strongest) {
        if (shown == o_.max_spans || i >= an.framing.size()) break;
        const FramingSpan& fs = an.framing[i];
        if (shown) spans += ", ";
        spans += "\"" + squeeze(fs.span.of(v_.in.articles[a].text)) + "\" (" +
                 to_string(fs.category) + ")";
        ++shown;
      }
      if (!spans.empty()) item("    strongest: ", "      ", spans, 3);
    }
  }

  void residue() {
    size_t total = 0;
    for (size_t a = 0; a < v_.n; ++a) total += v_.in.articles[a].residue.size();
    heading("Removed as page residue (" + std::to_string(total) + ")");
    if (total == 0) {
      out_ += dim("  (nothing)") + "\n";
      return;
    }
    for (size_t a = 0; a < v_.n; ++a) {
      const auto& res = v_.in.articles[a].residue;
      if (res.empty()) continue;
      para(ref(a) + " (" + std::to_string(res.size()) + ")", "", "    ");
      size_t shown = 0;
      for (const Residue& r : res) {
        if (shown == o_.max_facts) {
          out_ += dim("    … and " + std::to_string(res.size() - shown) + " more") + "\n";
          break;
        }
        std::string reason = r.reason.empty() ? "removed" : r.reason;
        if (r.line >= 0) reason += " (line " + std::to_string(r.line) + ")";
        std::string line = "    " + dim(reason + ":") + " ";
        size_t room = width_ > display_width(reason) + 7 ? width_ - display_width(reason) - 7 : 10;
        out_ += line + shorten(r.text, room) + "\n";
        ++shown;
      }
    }
  }

  void errors() {
    if (v_.in.errors.empty()) return;
    heading("Inputs that failed (" + std::to_string(v_.in.errors.size()) + ")");
    for (const Status& s : v_.in.errors) item("  • ", "    ", s.message(), 3);
  }

  const View& v_;
  const Options& o_;
  size_t width_;
  std::string out_;
};

// ---------------------------------------------------------------------------
// Markdown
// ---------------------------------------------------------------------------

// Table cells and list items: one line, no pipes breaking the table.
std::string md(std::string_view s) {
  std::string t = squeeze(s), out;
  for (char c : t) {
    if (c == '|' || c == '*' || c == '_' || c == '`' || c == '[' || c == ']' || c == '<' ||
        c == '>' || c == '\\')
      out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

class Markdown {
 public:
  Markdown(const View& v, const Options& o) : v_(v), o_(o) {}

  std::string render() {
    out_ += "# Parallax: " + std::to_string(v_.n) + " articles compared\n\n";
    articles();
    facts_section(v_.n == 2 ? "Reported by both" : "Reported by all", v_.shared_all, true);
    if (v_.n >= 3) facts_section("Reported by several", v_.shared_some, false);
    for (size_t a = 0; a < v_.n; ++a) {
      const ArticleComparison& ac = v_.in.comparison.articles[a];
      facts_section("Only in " + ref(a), ac.only_here, false);
      if (v_.n >= 3) facts_section(ref(a) + " leaves out", ac.omitted, false);
    }
    quoted();
    sourcing();
    framing();
    residue();
    errors();
    return out_;
  }

 private:
  std::string ref(size_t a) const { return "[" + std::to_string(a + 1) + "] " + v_.labels[a]; }

  void articles() {
    out_ +=
        "## Articles\n\n| # | Label | Title | Published | Words | Language | Headline overlap |\n";
    out_ += "|---|---|---|---|---:|---|---:|\n";
    for (size_t a = 0; a < v_.n; ++a) {
      const Article& art = v_.in.articles[a];
      std::string lang = !art.language.empty() ? art.language : v_.in.analyses[a].language;
      out_ += "| " + std::to_string(a + 1) + " | " + md(v_.labels[a]) + " | " + md(art.title) +
              " | " + md(art.published.empty() ? "unknown" : art.published) + " | " +
              std::to_string(v_.in.analyses[a].word_count) + " | " + md(lang) + " | " +
              fmt_float(100.0 * v_.in.comparison.articles[a].title_overlap, 0) + "% |\n";
    }
    out_ += "\n";
  }

  void facts_section(const std::string& title, const std::vector<uint32_t>& facts, bool members) {
    out_ += "## " + md(title) + " (" + std::to_string(facts.size()) + ")\n\n";
    if (facts.empty()) {
      out_ += "_None._\n\n";
      return;
    }
    size_t shown = 0;
    for (uint32_t f : facts) {
      if (shown == o_.max_facts) {
        out_ += "- … and " + std::to_string(facts.size() - shown) + " more\n";
        break;
      }
      const Fact& fact = v_.in.comparison.facts[f];
      out_ += "- **" + md(article_refs(fact)) + "** " + md(fact.summary) + "\n";
      if (members && v_.n <= 4) {
        for (const auto& m : fact.members) {
          std::string t = member_text(v_.in, m);
          if (t == fact.summary) continue;
          out_ += "  - " + std::to_string(m.article + 1) + ": " + md(t) + "\n";
        }
      }
      ++shown;
    }
    out_ += "\n";
  }

  void quoted() {
    const auto& speakers = v_.in.comparison.speakers;
    out_ += "## Who is quoted (" + std::to_string(speakers.size()) + ")\n\n";
    if (speakers.empty()) {
      out_ += "_No attributed quotes found._\n\n";
      return;
    }
    out_ += "| Speaker | Kind |";
    std::string rule = "|---|---|";
    for (size_t a = 0; a < v_.n; ++a) {
      out_ += " " + std::to_string(a + 1) + " |";
      rule += "---:|";
    }
    out_ += "\n" + rule + "\n";
    for (const auto& s : speakers) {
      out_ += "| " + md(speaker_label(s)) + " | " + to_string(s.kind) + " |";
      for (size_t a = 0; a < v_.n; ++a)
        out_ += " " + std::to_string(a < s.quotes.size() ? s.quotes[a] : 0) + " |";
      out_ += "\n";
    }
    out_ += "\n";
  }

  void sourcing() {
    out_ += "## Sourcing\n\n| Article | Direct | Indirect |";
    for (const char* k : kKindShort) out_ += " " + std::string(k) + " |";
    out_ += " Sources |\n|---|---:|---:|---:|---:|---:|---:|---:|---|\n";
    for (size_t a = 0; a < v_.n; ++a) {
      const SourcingProfile& s = v_.in.comparison.articles[a].sourcing;
      out_ += "| " + md(ref(a)) + " | " + std::to_string(s.direct) + " | " +
              std::to_string(s.indirect) + " |";
      for (SourceKind k : kShownKinds)
        out_ += " " + std::to_string(s.by_kind[static_cast<size_t>(k)]) + " |";
      std::string list;
      for (size_t i = 0; i < s.sources.size(); ++i) list += (i ? ", " : "") + s.sources[i];
      out_ += " " + md(list) + " |\n";
    }
    out_ += "\n";
  }

  void framing() {
    out_ += "## Framing\n\n| Article | Per 100 words |";
    for (FrameCategory c : kCategories) out_ += " " + std::string(to_string(c)) + " |";
    out_ +=
        " Opinion sentences | Reporting sentences "
        "|\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n";
    for (size_t a = 0; a < v_.n; ++a) {
      const FramingProfile& f = v_.in.comparison.articles[a].framing;
      out_ += "| " + md(ref(a)) + " | " + fmt_float(f.density, 1) + " |";
      for (FrameCategory c : kCategories)
        out_ += " " + std::to_string(f.by_category[static_cast<size_t>(c)]) + " |";
      out_ += " " + std::to_string(f.opinion_sentences) + " | " +
              std::to_string(f.reporting_sentences) + " |\n";
    }
    out_ += "\n";
    for (size_t a = 0; a < v_.n; ++a) {
      const FramingProfile& f = v_.in.comparison.articles[a].framing;
      const Analysis& an = v_.in.analyses[a];
      if (f.strongest.empty()) continue;
      out_ += "Strongest wording in " + md(ref(a)) + ":\n\n";
      size_t shown = 0;
      for (uint32_t i : f.strongest) {
        if (shown == o_.max_spans || i >= an.framing.size()) break;
        const FramingSpan& fs = an.framing[i];
        out_ += "- \"" + md(fs.span.of(v_.in.articles[a].text)) + "\" (" + to_string(fs.category) +
                ")\n";
        ++shown;
      }
      out_ += "\n";
    }
  }

  void residue() {
    size_t total = 0;
    for (size_t a = 0; a < v_.n; ++a) total += v_.in.articles[a].residue.size();
    out_ += "## Removed as page residue (" + std::to_string(total) + ")\n\n";
    if (total == 0) {
      out_ += "_Nothing._\n\n";
      return;
    }
    for (size_t a = 0; a < v_.n; ++a) {
      const auto& res = v_.in.articles[a].residue;
      if (res.empty()) continue;
      out_ += "### " + md(ref(a)) + "\n\n";
      for (const Residue& r : res)
        out_ += "- *" + md(r.reason.empty() ? "removed" : r.reason) + "*" +
                (r.line >= 0 ? " (line " + std::to_string(r.line) + ")" : std::string()) + ": " +
                md(shorten(r.text, 160)) + "\n";
      out_ += "\n";
    }
  }

  void errors() {
    if (v_.in.errors.empty()) return;
    out_ += "## Inputs that failed (" + std::to_string(v_.in.errors.size()) + ")\n\n";
    for (const Status& s : v_.in.errors) out_ += "- " + md(s.message()) + "\n";
    out_ += "\n";
  }

  const View& v_;
  const Options& o_;
  std::string out_;
};

}  // namespace

std::string terminal(const Input& in, const Options& options) {
  View v = make_view(in);
  return Terminal(v, options).render();
}

std::string markdown(const Input& in, const Options& options) {
  View v = make_view(in);
  return Markdown(v, options).render();
}

std::string story_heading(const StoryHead& head, const std::string& format) {
  std::string title = "Story " + head.story.id + ": " + head.story.label + " (" +
                      std::to_string(head.compared) + " articles compared";
  if (!head.left_out.empty()) title += ", " + std::to_string(head.left_out.size()) + " left out";
  title += ")";
  std::vector<std::string> notes;
  for (const std::string& c : head.copy_labels) notes.push_back("near-copy: " + c);
  for (const std::string& l : head.left_labels) notes.push_back("left out: " + l);
  std::string out;
  if (format == "markdown") {
    out += "# " + md(title) + "\n\n";
    for (const std::string& note : notes) out += "- " + md(note) + "\n";
    if (!notes.empty()) out += "\n";
    return out;
  }
  out += std::string(std::min<size_t>(display_width(title), 100), '=') + "\n" + title + "\n";
  for (const std::string& note : notes) out += "  " + note + "\n";
  return out + "\n";
}

}  // namespace parallax::report
