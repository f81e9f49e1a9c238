#include "dyad/golden.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "dyad/document.h"
#include "dyad/reader.h"

namespace dyad {

Result<std::vector<GoldenSentence>> read_golden(const std::string& path) {
  auto data = read_file(path);
  if (!data) return data.error();
  std::vector<GoldenSentence> out;
  std::size_t line_no = 0, pos = 0;
  while (pos < data->size()) {
    const auto nl = data->find('\n', pos);
    const std::string line = data->substr(pos, (nl == std::string::npos ? data->size() : nl) - pos);
    pos = nl == std::string::npos ? data->size() : nl + 1;
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const std::string where = path + ":" + std::to_string(line_no);
    const auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("text") || !j.contains("events")) {
      return make_error(ErrorCode::kParse, "expected {\"id\", \"date\", \"text\", \"events\"}", where);
    }
    GoldenSentence g;
    g.where = where;
    g.id = j.value("id", "");
    g.text = j.value("text", "");
    if (auto d = parse_date(j.value("date", ""))) g.date = *d;
    for (const auto& e : j["events"]) {
      g.events.push_back(ExpectedEvent{e.value("source", "---"), e.value("target", "---"), e.value("code", "")});
    }
    for (const auto& t : j.value("tags", nlohmann::json::array())) g.tags.push_back(t.get<std::string>());
    out.push_back(std::move(g));
  }
  return out;
}

namespace {

ExpectedEvent with_root(const ExpectedEvent& e) {
  return ExpectedEvent{e.source, e.target, e.code.substr(0, 2)};
}

std::string band_of(double confidence) {
  if (confidence < 0.5) return "0.0-0.5";
  const int tenth = std::min(9, static_cast<int>(confidence * 10));
  return "0." + std::to_string(tenth) + "-" + (tenth == 9 ? std::string("1.0") : "0." + std::to_string(tenth + 1));
}

// Adds one sentence's predicted and expected sets to `prf`, and returns the matches.
std::multiset<ExpectedEvent> count(const std::vector<ExpectedEvent>& predicted,
                                   const std::vector<ExpectedEvent>& expected, Prf& prf) {
  std::multiset<ExpectedEvent> want(expected.begin(), expected.end()), hits;
  prf.predicted += static_cast<int>(predicted.size());
  prf.expected += static_cast<int>(expected.size());
  for (const auto& p : predicted) {
    auto it = want.find(p);
    if (it != want.end()) {
      ++prf.true_positives;
      hits.insert(p);
      want.erase(it);
    }
  }
  return hits;
}

}  // namespace

Result<GoldenScore> score_golden(const std::vector<GoldenSentence>& sentences, const Coder& coder,
                                 const TextParser& parser) {
  GoldenScore score;
  for (const GoldenSentence& g : sentences) {
    auto parsed = parser(g.text);
    if (!parsed) return Error{parsed.error().code, parsed.error().message, g.where};
    Document doc;
    doc.text = g.text;
    doc.published = g.date;
    doc.external_id = g.id;
    doc.id = content_id(g.text);
    std::vector<ExpectedEvent> predicted, predicted_roots;
    std::vector<double> confidences;
    for (const auto& coding : coder.code_document(doc, *parsed)) {
      for (const Mention& m : coding.mentions) {
        if (m.context.negated || m.context.hypothetical) continue;
        ExpectedEvent e{m.source.code_string(), m.target.code.empty() ? "---" : m.target.code_string(), m.code};
        if (std::find(predicted.begin(), predicted.end(), e) != predicted.end()) continue;
        predicted.push_back(e);
        confidences.push_back(m.confidence);
      }
    }
    for (const auto& p : predicted) predicted_roots.push_back(with_root(p));
    std::vector<ExpectedEvent> expected_roots;
    for (const auto& e : g.events) expected_roots.push_back(with_root(e));

    count(predicted, g.events, score.code);
    auto root_hits = count(predicted_roots, expected_roots, score.root);
    // Per root and per confidence band.
    for (std::size_t i = 0; i < predicted_roots.size(); ++i) {
      const auto& p = predicted_roots[i];
      Prf& r = score.by_root[p.code];
      Prf& c = score.by_confidence[band_of(confidences[i])];
      ++r.predicted;
      ++c.predicted;
      if (auto it = root_hits.find(p); it != root_hits.end()) {
        ++r.true_positives;
        ++c.true_positives;
        root_hits.erase(it);
      }
    }
    for (const auto& e : expected_roots) ++score.by_root[e.code].expected;
    auto sorted_p = predicted, sorted_e = g.events;
    std::sort(sorted_p.begin(), sorted_p.end());
    std::sort(sorted_e.begin(), sorted_e.end());
    if (sorted_p != sorted_e) score.misses.push_back({&g, predicted});
  }
  return score;
}

}  // namespace dyad
