// Export formats (include/dyad/export.h). Each format is one function from an Event to a
// line; the column lists are the single source of truth for headers and tests.
#include "dyad/export.h"

#include <array>
#include <cstdint>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "core/tsv.h"

namespace dyad {
namespace {

using nlohmann::json;

// The date GDELT's SQLDATE means: when the event happened (the report date until enrich).
Date event_date(const Event& e) {
  return e.summary.event_date.valid() ? e.summary.event_date : e.summary.report_date;
}

std::string digits(int value, int width) {
  std::string s = std::to_string(value);
  return s.size() < static_cast<std::size_t>(width)
             ? std::string(static_cast<std::size_t>(width) - s.size(), '0') + s
             : s;
}

std::string yyyymmdd(const Date& d) {
  if (!d.valid()) return {};
  return digits(d.year, 4) + digits(std::max(d.month, 1), 2) + digits(std::max(d.day, 1), 2);
}

// GDELT's FractionDate: the year plus the elapsed fraction of it, to four places.
std::string fraction_date(const Date& d) {
  if (!d.valid()) return {};
  const Date first{d.year, 1, 1};
  const Date day{d.year, std::max(d.month, 1), std::max(d.day, 1)};
  const double fraction = static_cast<double>(day.days() - first.days()) / 365.0;
  std::array<char, 32> buf{};
  std::snprintf(buf.data(), buf.size(), "%.4f", d.year + fraction);
  return buf.data();
}

// Primary codes that are not countries: GDELT puts their first role in KnownGroupCode and
// the primary itself first among the types.
bool is_group_primary(const std::string& primary) {
  return primary == "IGO" || primary == "NGO" || primary == "IMG" || primary == "MNC";
}

// Actor block: Code, Name, CountryCode, KnownGroupCode, EthnicCode, Religion1Code,
// Religion2Code, Type1Code, Type2Code, Type3Code.
void add_actor(std::vector<std::string>& row, const Actor& a) {
  std::string country, known_group;
  std::vector<std::string> types;
  if (is_group_primary(a.code.country)) {
    types.push_back(a.code.country);
    if (!a.code.roles.empty()) known_group = a.code.roles.front();
    types.insert(types.end(), a.code.roles.begin() + (a.code.roles.empty() ? 0 : 1),
                 a.code.roles.end());
  } else {
    country = a.code.country;
    types = a.code.roles;
  }
  std::string name = a.text;
  for (char& c : name) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  row.push_back(a.code.empty() ? std::string() : a.code_string());
  row.push_back(name);
  row.push_back(country);
  row.push_back(known_group);
  row.insert(row.end(), 3, std::string());  // ethnic, religion 1, religion 2
  for (std::size_t i = 0; i < 3; ++i) row.push_back(i < types.size() ? types[i] : std::string());
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

json actor_json(const Actor& a) {
  return json{{"code", a.code_string()}, {"country", a.code.country}, {"name", a.text}};
}

const char* precision_name(Date::Precision p) {
  switch (p) {
    case Date::Precision::kDay: return "day";
    case Date::Precision::kMonth: return "month";
    case Date::Precision::kYear: return "year";
  }
  return "day";
}

}  // namespace

const std::vector<std::string>& gdelt_event_columns() {
  static const std::vector<std::string> kColumns = [] {
    std::vector<std::string> c = {"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"};
    for (const char* actor : {"Actor1", "Actor2"}) {
      for (const char* field : {"Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode",
                                "Religion1Code", "Religion2Code", "Type1Code", "Type2Code",
                                "Type3Code"}) {
        c.push_back(std::string(actor) + field);
      }
    }
    for (const char* field : {"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode",
                              "QuadClass", "GoldsteinScale", "NumMentions", "NumSources",
                              "NumArticles", "AvgTone"}) {
      c.emplace_back(field);
    }
    for (const char* geo : {"Actor1Geo_", "Actor2Geo_", "ActionGeo_"}) {
      for (const char* field : {"Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat",
                                "Long", "FeatureID"}) {
        c.push_back(std::string(geo) + field);
      }
    }
    c.emplace_back("DATEADDED");
    c.emplace_back("SOURCEURL");
    return c;
  }();
  return kColumns;
}

long long gdelt_event_id(const std::string& event_id) {
  std::uint64_t h = 14695981039346656037ULL;
  for (unsigned char c : event_id) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return static_cast<long long>(h & ((std::uint64_t{1} << 53) - 1));
}

std::string gdelt_event_row(const Event& e) {
  const Mention& m = e.summary;
  const Date date = event_date(e);
  std::vector<std::string> row;
  row.reserve(gdelt_event_columns().size());
  row.push_back(std::to_string(gdelt_event_id(e.id)));
  row.push_back(yyyymmdd(date));
  row.push_back(date.valid() ? digits(date.year, 4) + digits(std::max(date.month, 1), 2) : "");
  row.push_back(date.valid() ? digits(date.year, 4) : "");
  row.push_back(fraction_date(date));
  add_actor(row, m.source);
  add_actor(row, m.target);
  // GDELT's IsRootEvent marks events from the lead paragraph; dyad knows the sentence.
  row.emplace_back(m.provenance.sentence_index == 0 ? "1" : "0");
  row.push_back(m.code);
  row.push_back(m.root.empty() ? std::string() : m.code.substr(0, std::min<std::size_t>(3, m.code.size())));
  row.push_back(m.root);
  row.push_back(m.quad_class > 0 ? std::to_string(m.quad_class) : std::string());
  row.push_back(m.root.empty() ? std::string() : number(m.goldstein));
  row.push_back(std::to_string(e.num_mentions));
  row.push_back(std::to_string(e.num_sources));
  row.insert(row.end(), 2, std::string());       // NumArticles, AvgTone
  constexpr std::size_t kGeoColumns = 24;  // Actor1Geo, Actor2Geo, ActionGeo: 8 each
  row.insert(row.end(), kGeoColumns, std::string());
  row.push_back(e.first_seen.valid() ? yyyymmdd(e.first_seen) + "000000" : std::string());
  row.push_back(m.provenance.url);
  std::string line;
  for (std::size_t i = 0; i < row.size(); ++i) {
    if (i > 0) line += '\t';
    line += clean_field(row[i]);
  }
  return line;
}

std::string plover_json(const Event& e) {
  const Mention& m = e.summary;
  const Date date = event_date(e);
  json j{{"id", e.id},
         {"date", date.to_string()},
         {"date_precision", precision_name(date.precision)},
         {"event_type", m.plover_type},
         {"mode", m.plover_mode},
         {"context", m.plover_context.empty() ? json::array() : json::array({m.plover_context})},
         {"actor", actor_json(m.source)},
         {"recipient", actor_json(m.target)},
         {"cameo", {{"code", m.code},
                    {"root", m.root},
                    {"quad_class", m.quad_class},
                    {"goldstein", m.goldstein}}},
         {"acled", m.acled_type.empty() ? json(nullptr)
                                        : json{{"event_type", m.acled_type},
                                               {"sub_event_type", m.acled_sub_type}}},
         {"num_mentions", e.num_mentions},
         {"num_sources", e.num_sources},
         {"first_seen", e.first_seen.to_string()},
         {"last_seen", e.last_seen.to_string()},
         {"confidence", rounded_confidence(m.confidence)},
         {"source", {{"document_id", m.provenance.document_id}, {"url", m.provenance.url}}},
         {"text", m.provenance.sentence}};
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

const std::vector<std::string>& csv_columns() {
  static const std::vector<std::string> kColumns = {
      "event_id",    "date",         "source",       "source_country", "source_name",
      "target",      "target_country", "target_name", "code",          "root",
      "quad_class",  "goldstein",    "plover_type",  "plover_mode",    "acled_type",
      "acled_sub_type", "num_mentions", "num_sources", "first_seen",   "last_seen",
      "confidence",  "document_id",  "url",          "sentence"};
  return kColumns;
}

std::string csv_header() {
  std::string line;
  for (const std::string& c : csv_columns()) line += (line.empty() ? "" : ",") + c;
  return line;
}

std::string csv_row(const Event& e) {
  const Mention& m = e.summary;
  const std::vector<std::string> row = {
      e.id,
      event_date(e).to_string(),
      m.source.code_string(),
      m.source.code.country,
      m.source.text,
      m.target.code_string(),
      m.target.code.country,
      m.target.text,
      m.code,
      m.root,
      m.quad_class > 0 ? std::to_string(m.quad_class) : std::string(),
      m.root.empty() ? std::string() : number(m.goldstein),
      m.plover_type,
      m.plover_mode,
      m.acled_type,
      m.acled_sub_type,
      std::to_string(e.num_mentions),
      std::to_string(e.num_sources),
      e.first_seen.to_string(),
      e.last_seen.to_string(),
      number(rounded_confidence(m.confidence)),
      m.provenance.document_id,
      m.provenance.url,
      m.provenance.sentence};
  std::string line;
  for (std::size_t i = 0; i < row.size(); ++i) {
    if (i > 0) line += ',';
    line += csv_field(row[i]);
  }
  return line;
}

Event event_from_mention(const Mention& mention, const std::string& event_id) {
  Event e;
  e.id = event_id;
  e.summary = mention;
  e.num_mentions = 1;
  e.num_sources = 1;
  e.first_seen = e.last_seen = mention.report_date;
  return e;
}

}  // namespace dyad
