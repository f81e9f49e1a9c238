// Actors as the event-data field writes them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "dyad/sentence.h"

namespace dyad {

// An actor code is a primary 3-letter part, a country (USA, VEN) or an international or
// non-state primary (IGO, NGO, MNC), or "---" when there is none, followed by zero or more
// 3-letter role codes: "USAGOV", "VENMIL", "---REB", "IGOUNO", "USAGOVMIL".
struct ActorCode {
  std::string country;             // "USA", "IGO", or empty for "---"
  std::vector<std::string> roles;  // {"GOV"}, {"UNO"}, ...

  // The code as written: country (or "---") followed by the roles.
  std::string to_string() const;
  bool empty() const { return country.empty() && roles.empty(); }
  friend bool operator==(const ActorCode&, const ActorCode&) = default;
};

// Splits a code such as "USAGOV" or "---REB" into its parts. Leading and trailing spaces
// and PETRARCH's "~" agent marker are ignored; a length that is not a multiple of three
// keeps the tail as a last, short role rather than dropping it.
ActorCode parse_actor_code(std::string_view code);

// An actor found in a sentence: its code, the dictionary entry that matched, and the
// text and byte span it was matched on.
struct Actor {
  ActorCode code;
  std::string entry;  // dictionary entry id ("NICOLAS_MADURO_", "VENEZUELA"), or empty
  std::string text;   // matched words as they appear in the text
  Span span;          // bytes in the document text

  std::string code_string() const { return code.to_string(); }
};

}  // namespace dyad
