// The field's reference suites: UniversalPetrarch's validation XML, PETRARCH's unit-test XML
// and TABARI's Validate.text. A suite names its dictionaries and options; each record has
// a sentence (with a parse, for UniversalPetrarch) and the events it must code to.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "dyad/coder.h"
#include "dyad/date.h"
#include "dyad/lexicon.h"
#include "dyad/result.h"
#include "dyad/sentence.h"

namespace dyad {

struct ExpectedEvent {
  std::string source, target, code;
  friend bool operator==(const ExpectedEvent&, const ExpectedEvent&) = default;
  friend bool operator<(const ExpectedEvent& a, const ExpectedEvent& b) {
    return std::tie(a.source, a.target, a.code) < std::tie(b.source, b.target, b.code);
  }
};

struct SuiteRecord {
  std::string id;
  std::string category;
  Date date;
  bool evaluate = true;
  std::string text;
  std::optional<Sentence> parse;       // a given UD parse (UniversalPetrarch)
  bool unreadable_parse = false;       // a parse in a format dyad does not read
  std::vector<ExpectedEvent> expected; // empty with no events expected
  std::map<std::string, std::string> options;  // option changes that apply from here on
  std::string where;                   // file:line
};

struct Suite {
  std::string path;
  std::string format;                  // "universalpetrarch", "petrarch", "tabari"
  LexiconFiles dictionaries;
  std::vector<std::string> include;    // categories in the denominator (empty: all)
  std::vector<SuiteRecord> records;
};

// Reads a suite file, detecting its format. Malformed XML (UniversalPetrarch's nested
// comment) is read leniently: comments end at the first "-->".
Result<Suite> read_suite(const std::string& path);

struct RecordOutcome {
  const SuiteRecord* record = nullptr;
  std::vector<ExpectedEvent> actual;
  bool counted = false;   // in the denominator
  bool passed = false;
  std::string excluded_why;
  std::vector<std::string> trace;  // the coder's steps, for --explain
};

struct SuiteReport {
  std::vector<RecordOutcome> outcomes;
  std::map<std::string, std::pair<int, int>> by_category;  // passed, counted
  int passed = 0, counted = 0;
  double pass_rate() const { return counted ? static_cast<double>(passed) / counted : 0; }
};

// How a record without a given parse is parsed (our own parser); nullptr codes only
// records with given parses and excludes the others.
using SentenceParser = std::function<std::optional<Sentence>(const std::string& text)>;

// Runs every record with the suite's dictionaries and options.
Result<SuiteReport> run_suite(const Suite& suite, const SentenceParser& parser = nullptr);

}  // namespace dyad
