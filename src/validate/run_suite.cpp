#include <algorithm>
#include <set>

#include "dyad/nlp.h"
#include "dyad/validation.h"

namespace dyad {
namespace {

bool truthy(const std::string& v) {
  std::string s;
  for (char c : v) s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s == "true" || s == "1" || s == "yes";
}

// The code in brackets after `word` in a TABARI DEFAULT: value ("SOURCE [DEFSRC] PRIOR"),
// or empty.
std::string bracketed_after(const std::string& value, const std::string& word) {
  const auto at = value.find(word);
  if (at == std::string::npos) return {};
  const auto open = value.find('[', at);
  const auto close = value.find(']', open);
  if (open == std::string::npos || close == std::string::npos) return {};
  return value.substr(open + 1, close - open - 1);
}

// "DEFAULT: SOURCE [DEFSRC] PRIOR TARGET [DEFTAR] AFTER", "DEFAULT: OFF".
void apply_tabari_default(const std::string& value, CoderOptions& options) {
  options.default_source = bracketed_after(value, "SOURCE");
  options.default_target = bracketed_after(value, "TARGET");
}

// An actor code as the suite writes it: TABARI writes an agent with no actor ("police")
// as the agent, "~COP", where PETRARCH and dyad write "---COP".
std::string suite_code(const ActorCode& code, const std::string& format) {
  if (format == "tabari" && code.country.empty() && !code.roles.empty()) return "~" + code.to_string().substr(3);
  return code.to_string();
}

// Applies a record's option changes to the coder options in force.
void apply_options(const std::map<std::string, std::string>& changes, CoderOptions& options) {
  for (const auto& [name, value] : changes) {
    if (name == "require_dyad") options.require_target = truthy(value);
    if (name == "comma_emax" || name == "max_verbs") {
      // Kept for the record: dyad codes long sentences clause by clause and has no
      // comma-based cap; TABARI's verb cap is applied where the suite asks for it.
      if (name == "max_verbs") options.max_verbs = std::atoi(value.c_str());
    }
    if (name == "tabari.default") apply_tabari_default(value, options);
  }
}

}  // namespace

TaggedParser analyzer_tagged_parser(const Analyzer& analyzer) {
  return [&analyzer](const Sentence& tagged) -> std::optional<Sentence> {
    Sentence s = tagged;
    if (s.parsed()) {
      analyzer.lemmatize(s);
    } else {
      analyzer.parse(s);
    }
    return s;
  };
}

Result<SuiteReport> run_suite(const Suite& suite, const SentenceParser& parser, const TaggedParser& tagged_parser) {
  LoadOptions load;
  load.exact_actor_words = suite.format == "petrarch";
  load.closed_connectors = suite.format == "petrarch";  // its verbs are in PETRARCH-1 syntax
  auto lexicon = suite.tabari_project.empty() ? load_petrarch_lexicon(suite.dictionaries, load)
                                               : load_tabari_project(suite.tabari_project);
  if (!lexicon) return lexicon.error();
  // The suites specify the reference coders' behaviour: code as they do.
  CoderOptions options;
  options.reference_semantics = true;
  options.attribution_events = suite.format == "petrarch";
  options.clause_only_patterns = suite.format == "universalpetrarch";
  options.tabari_discard_codes = suite.format == "tabari";
  options.split_joint_codes = suite.format == "petrarch";
  options.agentless_passive_as_active = suite.format == "petrarch";
  options.every_listing_patterns = suite.format == "petrarch";
  options.pattern_words_as_written = suite.format == "petrarch";
  options.fold_adverbial_acts = suite.format == "petrarch";
  SuiteReport report;
  std::set<std::string> include(suite.include.begin(), suite.include.end());
  for (const SuiteRecord& r : suite.records) {
    apply_options(r.options, options);
    RecordOutcome o;
    o.record = &r;
    if (!r.evaluate) {
      o.excluded_why = "evaluate=\"false\"";
    } else if (!include.empty() && !include.count(r.category)) {
      o.excluded_why = "category not in <Include>";
    }
    // PETRARCH's ERROR records test how it survives malformed Penn trees; dyad does not
    // read Penn trees (it parses the text itself), so they test nothing here.
    if (o.excluded_why.empty() && suite.format == "petrarch" && r.category == "ERROR") {
      o.excluded_why = "tests a malformed Penn tree, a format dyad does not read";
    }
    std::optional<Sentence> sentence = r.parse;
    if (!sentence && r.tagged && tagged_parser) sentence = tagged_parser(*r.tagged);
    if (!sentence && parser) sentence = parser(r.text);
    if (!sentence && o.excluded_why.empty()) o.excluded_why = "no parse dyad can read";
    if (sentence) {
      Document doc;
      doc.text = r.text;
      doc.published = r.date;
      doc.external_id = r.id;
      const Coder coder(*lexicon, options);
      const SentenceCoding coding = coder.code(doc, *sentence);
      o.trace = coding.trace;
      o.trace.push_back(std::string("reason: ") + no_event_reason_name(coding.reason));
      for (const Mention& m : coding.mentions) {
        o.actual.push_back(ExpectedEvent{suite_code(m.source.code, suite.format),
                                         m.target.code.empty() ? "---" : suite_code(m.target.code, suite.format), m.code});
      }
    }
    std::vector<ExpectedEvent> want = r.expected, got = o.actual;
    std::sort(want.begin(), want.end());
    std::sort(got.begin(), got.end());
    got.erase(std::unique(got.begin(), got.end()), got.end());
    want.erase(std::unique(want.begin(), want.end()), want.end());
    o.passed = want == got;
    o.counted = o.excluded_why.empty();
    if (o.counted) {
      auto& cat = report.by_category[r.category];
      ++cat.second;
      ++report.counted;
      if (o.passed) {
        ++cat.first;
        ++report.passed;
      }
    }
    report.outcomes.push_back(std::move(o));
  }
  return report;
}

}  // namespace dyad
