// Dates as news sites, feeds and extractors write them, to ISO 8601. Hand-written
// rather than std::get_time: that is locale-bound and knows one format per call.
#include <algorithm>
#include <array>
#include <cstdio>
#include <optional>

#include "core/normalize.h"

namespace parallax {

namespace {

struct MonthName {
  const char* name;
  int month;
};

// Lower case; English, German, French and Spanish full names and the usual
// abbreviations. Prefix-free matching is not needed: a token must match whole.
constexpr MonthName kMonths[] = {
    {"january", 1},
    {"jan", 1},
    {"februar", 2},
    {"february", 2},
    {"feb", 2},
    {"march", 3},
    {"mar", 3},
    {"april", 4},
    {"apr", 4},
    {"may", 5},
    {"june", 6},
    {"jun", 6},
    {"july", 7},
    {"jul", 7},
    {"august", 8},
    {"aug", 8},
    {"september", 9},
    {"sep", 9},
    {"sept", 9},
    {"october", 10},
    {"oct", 10},
    {"november", 11},
    {"nov", 11},
    {"december", 12},
    {"dec", 12},
    {"januar", 1},
    {"jänner", 1},
    {"märz", 3},
    {"mai", 5},
    {"juni", 6},
    {"juli", 7},
    {"oktober", 10},
    {"okt", 10},
    {"dezember", 12},
    {"dez", 12},
    {"janvier", 1},
    {"février", 2},
    {"fevrier", 2},
    {"mars", 3},
    {"avril", 4},
    {"juin", 6},
    {"juillet", 7},
    {"août", 8},
    {"aout", 8},
    {"septembre", 9},
    {"octobre", 10},
    {"novembre", 11},
    {"décembre", 12},
    {"decembre", 12},
    {"enero", 1},
    {"febrero", 2},
    {"marzo", 3},
    {"abril", 4},
    {"mayo", 5},
    {"junio", 6},
    {"julio", 7},
    {"agosto", 8},
    {"septiembre", 9},
    {"setiembre", 9},
    {"octubre", 10},
    {"noviembre", 11},
    {"diciembre", 12},
    // Italian, Portuguese and Dutch.
    {"gennaio", 1},
    {"febbraio", 2},
    {"aprile", 4},
    {"maggio", 5},
    {"giugno", 6},
    {"luglio", 7},
    {"settembre", 9},
    {"ottobre", 10},
    {"dicembre", 12},
    {"janeiro", 1},
    {"fevereiro", 2},
    {"março", 3},
    {"maio", 5},
    {"junho", 6},
    {"julho", 7},
    {"setembro", 9},
    {"outubro", 10},
    {"novembro", 11},
    {"dezembro", 12},
    {"januari", 1},
    {"februari", 2},
    {"maart", 3},
    {"mei", 5},
    {"augustus", 8},
};

// Weekday names and their short forms, in the languages of kMonths.
constexpr const char* kWeekdays[] = {
    "monday", "tuesday",   "wednesday", "thursday", "friday",     "saturday", "sunday",   "mon",
    "tue",    "tues",      "wed",       "thu",      "thur",       "thurs",    "fri",      "sat",
    "sun",    "montag",    "dienstag",  "mittwoch", "donnerstag", "freitag",  "samstag",  "sonntag",
    "lundi",  "mardi",     "mercredi",  "jeudi",    "vendredi",   "samedi",   "dimanche", "lunes",
    "martes", "miércoles", "jueves",    "viernes",  "sábado",     "domingo"};

// Words other than weekdays that may stand around a date without changing it.
constexpr const char* kFiller[] = {"de", "del", "le", "the", "of",        "on",      "at",
                                   "um", "à",   "a",  "las", "published", "updated", "posted"};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string lower(std::string_view s) {
  std::string r(s);
  for (char& c : r) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return r;
}

std::optional<int> month_of(std::string_view tok) {
  std::string l = lower(tok);
  if (!l.empty() && l.back() == '.') l.pop_back();
  for (const auto& m : kMonths) {
    if (l == m.name) return m.month;
  }
  return std::nullopt;
}

bool is_weekday_lower(std::string_view l) {
  for (const char* w : kWeekdays) {
    if (l == w) return true;
  }
  return false;
}

bool is_filler(std::string_view tok) {
  std::string l = lower(tok);
  if (!l.empty() && (l.back() == '.' || l.back() == ':')) l.pop_back();
  if (is_weekday_lower(l)) return true;
  for (const char* f : kFiller) {
    if (l == f) return true;
  }
  return false;
}

// "6", "06", "6th", "1st", "6.", "1er".
std::optional<int> day_of(std::string_view tok) {
  size_t i = 0;
  int v = 0;
  while (i < tok.size() && is_digit(tok[i]) && i < 2) v = v * 10 + (tok[i++] - '0');
  if (i == 0) return std::nullopt;
  std::string rest = lower(tok.substr(i));
  if (rest.empty() || rest == "." || rest == "st" || rest == "nd" || rest == "rd" || rest == "th" ||
      rest == "er") {
    if (v >= 1 && v <= 31) return v;
  }
  return std::nullopt;
}

std::optional<int> year_of(std::string_view tok) {
  if (tok.size() != 4 || !std::all_of(tok.begin(), tok.end(), is_digit)) return std::nullopt;
  int v = std::stoi(std::string(tok));
  if (v < 1800 || v > 2200) return std::nullopt;
  return v;
}

bool valid_ymd(int y, int m, int d) {
  static constexpr std::array<int, 12> kDays = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1 || d > kDays[m - 1]) return false;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return !(m == 2 && d == 29 && !leap);
}

std::string ymd(int y, int m, int d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

// Reads a number of exactly `n` digits at s[i].
bool digits(std::string_view s, size_t i, size_t n, int& v) {
  if (i + n > s.size()) return false;
  v = 0;
  for (size_t k = 0; k < n; ++k) {
    if (!is_digit(s[i + k])) return false;
    v = v * 10 + (s[i + k] - '0');
  }
  return true;
}

// A clock time with an optional zone: "10:00", "10:00:00", "10:00:00.123Z",
// "10:00+02:00", "10:00 am", "10:00 GMT". Empty when `s` is not one.
std::string parse_time(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == 'T' || s.front() == ','))
    s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  if (s.empty()) return {};
  size_t i = 0;
  int h = 0, mi = 0, se = 0;
  if (digits(s, 0, 2, h)) {
    i = 2;
  } else if (digits(s, 0, 1, h)) {
    i = 1;
  } else {
    return {};
  }
  if (i >= s.size() || s[i] != ':' || !digits(s, i + 1, 2, mi)) return {};
  i += 3;
  if (i < s.size() && s[i] == ':' && digits(s, i + 1, 2, se)) i += 3;
  if (i < s.size() && s[i] == '.') {  // fractions of a second: dropped
    ++i;
    while (i < s.size() && is_digit(s[i])) ++i;
  }
  std::string_view rest = s.substr(i);
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  std::string lrest = lower(rest);
  if (lrest.starts_with("am") || lrest.starts_with("a.m.")) {
    if (h == 12) h = 0;
    rest.remove_prefix(lrest.starts_with("am") ? 2 : 4);
  } else if (lrest.starts_with("pm") || lrest.starts_with("p.m.")) {
    if (h < 12) h += 12;
    rest.remove_prefix(lrest.starts_with("pm") ? 2 : 4);
  }
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  if (h > 23 || mi > 59 || se > 60) return {};
  std::string zone;
  lrest = lower(rest);
  if (rest.empty()) {
  } else if (lrest == "z" || lrest == "utc" || lrest == "gmt" || lrest == "+00:00" ||
             lrest == "+0000") {
    zone = "Z";
  } else if ((rest[0] == '+' || rest[0] == '-') && rest.size() >= 3) {
    int zh = 0, zm = 0;
    if (!digits(rest, 1, 2, zh)) return {};
    size_t k = 3;
    if (k < rest.size() && rest[k] == ':') ++k;
    if (k < rest.size() && !digits(rest, k, 2, zm)) return {};
    if (k < rest.size()) k += 2;
    if (k != rest.size() || zh > 14 || zm > 59) return {};
    char buf[8];
    std::snprintf(buf, sizeof buf, "%c%02d:%02d", rest[0], zh, zm);
    zone = buf;
  } else {
    return {};
  }
  char buf[16];
  std::snprintf(buf, sizeof buf, "T%02d:%02d:%02d", h, mi, se);
  return buf + zone;
}

std::vector<std::string_view> tokens(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == ',' || s[i] == '\t')) ++i;
    size_t b = i;
    while (i < s.size() && s[i] != ' ' && s[i] != ',' && s[i] != '\t') ++i;
    if (i > b) out.push_back(s.substr(b, i - b));
  }
  return out;
}

}  // namespace

std::string normalize_date(std::string_view in) {
  std::string s = normalize_space(in);
  if (s.empty()) return s;
  std::string_view v = s;

  // Year first: 2023-06-06, 2023/06/06, 2023.06.06, with an optional time.
  int y = 0, m = 0, d = 0;
  if (digits(v, 0, 4, y) && v.size() >= 8 && (v[4] == '-' || v[4] == '/' || v[4] == '.')) {
    char sep = v[4];
    size_t i = 5;
    size_t ml = (i + 1 < v.size() && is_digit(v[i + 1])) ? 2 : 1;
    if (!digits(v, i, ml, m)) return s;
    i += ml;
    if (i >= v.size() || v[i] != sep) return s;
    ++i;
    size_t dl = (i + 1 < v.size() && is_digit(v[i + 1])) ? 2 : 1;
    if (!digits(v, i, dl, d)) return s;
    i += dl;
    if (!valid_ymd(y, m, d)) return s;
    std::string date = ymd(y, m, d);
    std::string_view rest = v.substr(i);
    if (rest.empty()) return date;
    std::string t = parse_time(rest);
    return t.empty() ? s : date + t;
  }

  // Words: "June 6, 2023", "6 Jun 2023", "6th Jun 2023", "Tuesday, 6 June 2023 10:00",
  // "6. Juni 2023", "6 de junio de 2023", and numeric "06.06.2023".
  std::vector<std::string_view> toks = tokens(v);
  std::optional<int> month, day, year;
  size_t used_until = 0;
  for (size_t k = 0; k < toks.size(); ++k) {
    std::string_view t = toks[k];
    if (year && month && day) break;
    if (!year && !month && !day && t.size() >= 8 && t.size() <= 10 && is_digit(t[0])) {
      // d.m.yyyy or d/m/yyyy: day first unless that is impossible (US m/d/yyyy).
      char sep = t.find('.') != std::string_view::npos ? '.' : '/';
      size_t a = t.find(sep), b = t.rfind(sep);
      if (a != std::string_view::npos && b != a) {
        int p = 0, q = 0, yy = 0;
        std::string_view ps = t.substr(0, a), qs = t.substr(a + 1, b - a - 1), ys = t.substr(b + 1);
        if (ps.size() <= 2 && qs.size() <= 2 && digits(ps, 0, ps.size(), p) &&
            digits(qs, 0, qs.size(), q) && digits(ys, 0, 4, yy) && ys.size() == 4) {
          // "." is day first (European); "/" is day first when the first number
          // can't be a month, month first (US) when the second can't be, and
          // ambiguous otherwise.
          int dd = p, mm = q;
          if (sep == '/') {
            if (p <= 12 && q > 12) {
              dd = q;
              mm = p;
            } else if (p <= 12 && q <= 12 && p != q) {
              return s;
            }
          }
          if (!valid_ymd(yy, mm, dd)) return s;
          year = yy;
          month = mm;
          day = dd;
          used_until = k + 1;
          continue;
        }
      }
    }
    if (auto mo = month_of(t); mo && !month) {
      month = mo;
      used_until = k + 1;
      continue;
    }
    if (auto yv = year_of(t); yv && !year && (day || month)) {
      year = yv;
      used_until = k + 1;
      continue;
    }
    if (auto dv = day_of(t); dv && !day) {
      day = dv;
      used_until = k + 1;
      continue;
    }
    if (is_filler(t) || t == "–" || t == "-" || t == "|") {
      if (!(year && month && day)) continue;
    }
    if (!(year && month && day)) return s;
  }
  if (!(year && month && day) || !valid_ymd(*year, *month, *day)) return s;
  std::string date = ymd(*year, *month, *day);
  // A clock time may follow ("June 6, 2023 10:00 GMT", "6 Jun 2023 at 3:45 pm").
  std::string rest;
  for (size_t k = used_until; k < toks.size(); ++k) {
    if (rest.empty() && is_filler(toks[k])) continue;
    if (!rest.empty()) rest += ' ';
    rest += toks[k];
  }
  if (rest.empty()) return date;
  std::string t = parse_time(rest);
  return t.empty() ? date : date + t;
}

bool is_month_or_weekday(std::string_view word) {
  std::string l = lower(word);
  if (!l.empty() && l.back() == '.') l.pop_back();
  return month_of(l).has_value() || is_weekday_lower(l);
}

}  // namespace parallax
