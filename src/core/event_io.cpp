#include "dyad/event_io.h"

#include <nlohmann/json.hpp>

#include "core/tsv.h"
#include "dyad/version.h"

namespace dyad {
namespace {

using nlohmann::json;

json span_json(const Span& s) { return json::array({s.begin, s.end}); }

json actor_json(const Actor& a) {
  return json{{"code", a.code_string()},
              {"country", a.code.country},
              {"roles", a.code.roles},
              {"text", a.text},
              {"entry", a.entry},
              {"span", span_json(a.span)}};
}

std::string span_text(const Span& s) {
  return s.empty() ? std::string() : std::to_string(s.begin) + "-" + std::to_string(s.end);
}

}  // namespace

std::string mention_to_json(const Mention& m) {
  const Provenance& p = m.provenance;
  json j{{"schema_version", kSchemaVersion},
         {"document_id", p.document_id},
         {"external_id", p.external_id},
         {"url", p.url},
         {"sentence_index", p.sentence_index},
         {"report_date", m.report_date.to_string()},
         {"event_date", m.event_date.to_string()},
         {"source", actor_json(m.source)},
         {"target", actor_json(m.target)},
         {"code", m.code},
         {"root", m.root},
         {"quad_class", m.quad_class},
         {"goldstein", m.goldstein},
         {"cameo_name", m.cameo_name},
         {"plover", m.plover_type.empty() ? json(nullptr)
                                          : json{{"type", m.plover_type},
                                                 {"mode", m.plover_mode},
                                                 {"context", m.plover_context}}},
         {"acled", m.acled_type.empty()
                       ? json(nullptr)
                       : json{{"type", m.acled_type}, {"sub_type", m.acled_sub_type}}},
         {"context", {{"negated", m.context.negated},
                      {"hypothetical", m.context.hypothetical},
                      {"future", m.context.future},
                      {"claimed_by", m.context.claimed_by}}},
         {"confidence", rounded_confidence(m.confidence)},
         {"provenance", {{"sentence", p.sentence},
                         {"sentence_span", span_json(p.sentence_span)},
                         {"source_span", span_json(p.source_span)},
                         {"verb_span", span_json(p.verb_span)},
                         {"target_span", span_json(p.target_span)},
                         {"pattern", p.pattern}}},
         {"versions", {{"coder", m.versions.coder},
                       {"dictionaries", m.versions.dictionaries},
                       {"models", m.versions.models}}}};
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

const std::vector<std::string>& tsv_columns() {
  static const std::vector<std::string> kColumns = {
      "schema_version", "document_id", "external_id",  "sentence_index", "report_date",
      "event_date",     "source",      "target",       "code",           "root",
      "quad_class",     "goldstein",   "source_text",  "target_text",    "plover_type",
      "acled_type",     "acled_sub_type", "negated",   "hypothetical",   "future",
      "claimed_by",     "confidence",  "verb_span",    "pattern",        "sentence"};
  return kColumns;
}

std::string tsv_header() {
  std::string out;
  for (const auto& c : tsv_columns()) {
    if (!out.empty()) out += '\t';
    out += c;
  }
  return out;
}

std::string mention_to_tsv(const Mention& m) {
  const Provenance& p = m.provenance;
  const std::vector<std::string> fields = {
      kSchemaVersion, p.document_id, p.external_id, std::to_string(p.sentence_index),
      m.report_date.to_string(), m.event_date.to_string(), m.source.code_string(),
      m.target.code_string(), m.code, m.root, std::to_string(m.quad_class),
      number(m.goldstein), m.source.text, m.target.text, m.plover_type, m.acled_type,
      m.acled_sub_type, m.context.negated ? "1" : "0", m.context.hypothetical ? "1" : "0",
      m.context.future ? "1" : "0", m.context.claimed_by, number(rounded_confidence(m.confidence)),
      span_text(p.verb_span), p.pattern, p.sentence};
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) out += '\t';
    out += clean_field(fields[i]);
  }
  return out;
}

std::string document_to_json(const Document& d) {
  json j{{"schema_version", kSchemaVersion}, {"id", d.id},       {"external_id", d.external_id},
         {"source", d.source},               {"url", d.url},     {"title", d.title},
         {"date", d.published.to_string()},  {"language", d.language},
         {"origin", d.origin},               {"text", d.text}};
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace dyad
