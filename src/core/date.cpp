#include "dyad/date.h"

#include <array>
#include <cctype>
#include <cstdio>
#include <algorithm>
#include <string>
#include <vector>

namespace dyad {
namespace {

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : kDays[static_cast<std::size_t>(m - 1)];
}

bool valid_ymd(int y, int m, int d) {
  return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

bool digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

int to_int(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

// Month number of an English month name or abbreviation ("Dec", "Dec.", "December"), or 0.
int month_from_name(std::string_view word) {
  static constexpr std::array<const char*, 12> kNames = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  std::string w;
  for (char c : word) {
    if (c != '.') w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (w.size() < 3) return 0;
  if (w == "sept") return 9;
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    const std::string name = kNames[i];
    if (w == name || (w.size() == 3 && name.compare(0, 3, w) == 0)) return static_cast<int>(i) + 1;
  }
  return 0;
}

}  // namespace

std::string Date::to_string() const {
  if (!valid()) return {};
  char buf[16];
  switch (precision) {
    case Precision::kYear: std::snprintf(buf, sizeof buf, "%04d", year); break;
    case Precision::kMonth: std::snprintf(buf, sizeof buf, "%04d-%02d", year, month); break;
    case Precision::kDay: std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day); break;
  }
  return buf;
}

// Howard Hinnant's days_from_civil.
long Date::days() const {
  const int m = month ? month : 1;
  const int d = day ? day : 1;
  const long y = year - (m <= 2 ? 1 : 0);
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date Date::from_days(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int y = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
  return Date{y, m, d, Precision::kDay};
}

std::optional<Date> parse_date(std::string_view s) {
  if (s.size() > 10 && (s[10] == 'T' || s[10] == ' ')) s = s.substr(0, 10);
  if (s.size() == 10 && s[4] == '-' && s[7] == '-' && digits(s.substr(0, 4)) &&
      digits(s.substr(5, 2)) && digits(s.substr(8, 2))) {
    const int y = to_int(s.substr(0, 4)), m = to_int(s.substr(5, 2)), d = to_int(s.substr(8, 2));
    if (valid_ymd(y, m, d)) return Date{y, m, d, Date::Precision::kDay};
    return std::nullopt;
  }
  if (s.size() == 8 && digits(s)) {
    const int y = to_int(s.substr(0, 4)), m = to_int(s.substr(4, 2)), d = to_int(s.substr(6, 2));
    if (valid_ymd(y, m, d)) return Date{y, m, d, Date::Precision::kDay};
    return std::nullopt;
  }
  if (s.size() == 7 && s[4] == '-' && digits(s.substr(0, 4)) && digits(s.substr(5, 2))) {
    const int y = to_int(s.substr(0, 4)), m = to_int(s.substr(5, 2));
    if (valid_ymd(y, m, 1)) return Date{y, m, 1, Date::Precision::kMonth};
    return std::nullopt;
  }
  if (s.size() == 4 && digits(s)) {
    const int y = to_int(s);
    if (y >= 1) return Date{y, 1, 1, Date::Precision::kYear};
  }
  return std::nullopt;
}

std::optional<Date> parse_dateline(std::string_view text, const Date& reference) {
  // A dateline is short and ends in a dash: "CARACAS, Dec 3 (Reuters) -". Look only there.
  const std::string_view head = text.substr(0, std::min<std::size_t>(text.size(), 120));
  const auto dash = head.find(" - ") != std::string_view::npos ? head.find(" - ")
                    : head.find(" \xE2\x80\x94 ");  // em dash
  const auto comma = head.find(',');
  if (comma == std::string_view::npos || dash == std::string_view::npos || comma > dash) {
    return std::nullopt;
  }
  // Words between the place's comma and the dash, stopping at an agency in parentheses.
  std::vector<std::string_view> words;
  std::string_view rest = head.substr(comma + 1, dash - comma - 1);
  std::size_t i = 0;
  while (i < rest.size()) {
    while (i < rest.size() && (rest[i] == ' ' || rest[i] == ',')) ++i;
    if (i < rest.size() && rest[i] == '(') break;
    std::size_t j = i;
    while (j < rest.size() && rest[j] != ' ' && rest[j] != ',') ++j;
    if (j > i) words.push_back(rest.substr(i, j - i));
    i = j;
  }
  int month = 0, day = 0, year = 0;
  for (auto w : words) {
    if (const int m = month_from_name(w); m && !month) {
      month = m;
    } else if (digits(w) && w.size() <= 2 && !day) {
      day = to_int(w);
    } else if (digits(w) && w.size() == 4 && !year) {
      year = to_int(w);
    } else {
      return std::nullopt;  // not a dateline made only of a date: leave the text alone
    }
  }
  if (!month || !day) return std::nullopt;
  if (!year) {
    if (!reference.valid()) return std::nullopt;
    year = reference.year;
    Date guess{year, month, std::min(day, days_in_month(year, month)), Date::Precision::kDay};
    if (guess.days() > reference.days() + 31) --year;
  }
  if (!valid_ymd(year, month, day)) return std::nullopt;
  return Date{year, month, day, Date::Precision::kDay};
}

}  // namespace dyad
