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

class Analyzer;


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
  // A given Penn tree (PETRARCH) converted to dependencies (penn_to_dependencies), or
  // when it does not convert its words and Penn tags without heads: run_suite's
  // TaggedParser lemmatises the one and parses the other.
  std::optional<Sentence> tagged;
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
  std::string tabari_project;          // TABARI: the .project naming the dictionaries, which
                                       // load with load_tabari_project(), not the PETRARCH loaders
};

// Reads a suite file, detecting its format. Malformed XML (UniversalPetrarch's nested
// comment) is read leniently: comments end at the first "-->".
Result<Suite> read_suite(const std::string& path);

// TABARI's Validate.text format: "YYMMDD  ID" records, their sentence, and a /* comment */
// holding the expected events ("\n{ SRC / TGT / CODE }"; "{---}", "{+++}" and "{###}" for
// none) and option changes ("\n{ OPTION: COMPLEX: VERBS[5] ... }", applied from that record
// on; COMPLEX's VERBS[n] becomes "max_verbs"). The .project beside the file that names it
// gives tabari_project, the dictionaries and the starting options (on the first record).
// Records have no parse: run_suite's SentenceParser makes them. Records from "FINAL-01"
// on are TABARI's debugging records and are not evaluated.
Result<Suite> read_tabari_suite(const std::string& path);
Result<Suite> read_tabari_suite(const std::string& path, const std::string& text);
// True when the first line that is not blank or a "#" comment is a "YYMMDD  ID" header.
bool looks_like_tabari_suite(std::string_view text);

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

// How a record's given tree (SuiteRecord::tagged) is made ready to code: lemmas for a
// converted tree, a parse on the tree's tags for words without heads. Records with
// tagged words and no TaggedParser go to the SentenceParser.
using TaggedParser = std::function<std::optional<Sentence>(const Sentence& tagged)>;

// The TaggedParser of an analyzer: Analyzer::lemmatize for a parsed sentence,
// Analyzer::parse for words without heads. The analyzer must outlive it.
TaggedParser analyzer_tagged_parser(const Analyzer& analyzer);

// Runs every record with the suite's dictionaries and options.
Result<SuiteReport> run_suite(const Suite& suite, const SentenceParser& parser = nullptr,
                              const TaggedParser& tagged_parser = nullptr);

}  // namespace dyad
