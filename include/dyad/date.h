// Calendar dates as the event record uses them: a day, with the precision the text gave.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace dyad {

// A proleptic Gregorian date. Precision says how much of it the source fixed: a dateline
// "Dec 3" fixes a day, "in March 2019" a month. An invalid Date (year 0) means unknown.
struct Date {
  enum class Precision { kDay, kMonth, kYear };

  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31
  Precision precision = Precision::kDay;

  bool valid() const { return year != 0; }
  // YYYY-MM-DD (YYYY-MM or YYYY at lower precision); empty when invalid.
  std::string to_string() const;
  // Days since 1970-01-01 (negative before), for comparisons and date arithmetic.
  long days() const;
  static Date from_days(long days);

  friend bool operator==(const Date&, const Date&) = default;
};

// Parses YYYY-MM-DD, YYYYMMDD, YYYY-MM or YYYY (also the first 10 characters of an ISO
// timestamp). Returns nullopt for anything else or an impossible day.
std::optional<Date> parse_date(std::string_view text);

// Finds a wire-style dateline at the start of a text ("CARACAS, Dec 3 (Reuters) -",
// "LONDON, 3 December 2025 -") and returns its date. A dateline without a year takes the
// year of `reference` and, if that would put it more than a month after `reference`, the
// year before. Returns nullopt when there is no dated dateline.
std::optional<Date> parse_dateline(std::string_view text, const Date& reference);

}  // namespace dyad
