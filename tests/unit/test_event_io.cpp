// The writers against docs/schema.md: the documented fields are exactly the written ones.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "dyad/event_io.h"

namespace dyad {
namespace {

// First-column names of the markdown table that follows `heading` in docs/schema.md.
std::vector<std::string> documented_fields(const std::string& heading) {
  std::ifstream in(std::string(DYAD_SOURCE_DIR) + "/docs/schema.md");
  std::string line;
  bool in_section = false, in_table = false;
  std::vector<std::string> names;
  while (std::getline(in, line)) {
    if (line.rfind("## ", 0) == 0) {
      if (in_section && in_table) break;
      in_section = line == "## " + heading;
      continue;
    }
    if (!in_section) continue;
    if (line.rfind("|", 0) == 0) {
      if (!in_table) {  // header row, then the |---| row
        in_table = true;
        std::getline(in, line);
        continue;
      }
      const auto end = line.find('|', 1);
      std::string name = line.substr(1, end - 1);
      name.erase(0, name.find_first_not_of(' '));
      name.erase(name.find_last_not_of(' ') + 1);
      names.push_back(name);
    } else if (in_table) {
      break;
    }
  }
  return names;
}

Mention sample_mention() {
  Mention m;
  m.source.code = parse_actor_code("USAGOV");
  m.source.text = "U.S. officials";
  m.source.span = {0, 14};
  m.target.code = parse_actor_code("VENMIL");
  m.target.text = "the Venezuelan navy";
  m.code = "195";
  describe_code(m, GoldsteinScale::kGdelt);
  m.report_date = Date{2026, 11, 3};
  m.event_date = m.report_date;
  m.context.claimed_by = "officials";
  m.confidence = 0.8;
  m.provenance.document_id = "0123456789abcdef";
  m.provenance.sentence = "A line\twith a tab";
  m.provenance.verb_span = {20, 28};
  return m;
}

std::vector<std::string> keys(const nlohmann::json& j) {
  std::vector<std::string> out;
  for (auto it = j.begin(); it != j.end(); ++it) out.push_back(it.key());
  return out;
}

TEST(Schema, JsonMentionFieldsMatchTheDocs) {
  const auto documented = documented_fields("Mentions: JSON Lines (`dyad code`, default)");
  ASSERT_GE(documented.size(), 15u);
  const auto j = nlohmann::json::parse(mention_to_json(sample_mention()));
  auto written = keys(j);
  auto sorted_doc = documented;
  std::sort(sorted_doc.begin(), sorted_doc.end());
  std::sort(written.begin(), written.end());
  EXPECT_EQ(written, sorted_doc);
  EXPECT_EQ(j["source"]["code"], "USAGOV");
  EXPECT_EQ(j["source"]["roles"][0], "GOV");
  EXPECT_EQ(j["target"]["country"], "VEN");
  EXPECT_EQ(j["quad_class"], 4);
  EXPECT_EQ(j["acled"]["sub_type"], "Air/drone strike");
  EXPECT_EQ(j["provenance"]["verb_span"][1], 28);
}

TEST(Schema, TsvColumnsMatchTheDocsInOrder) {
  const auto documented = documented_fields("Mentions: TSV (`dyad code --output tsv`)");
  EXPECT_EQ(documented, tsv_columns());
  const std::string row = mention_to_tsv(sample_mention());
  EXPECT_EQ(std::count(row.begin(), row.end(), '\t') + 1,
            static_cast<long>(tsv_columns().size()))
      << "a tab inside a field must not add a column";
  EXPECT_EQ(row.find('\n'), std::string::npos);
}

TEST(Schema, DocumentFieldsMatchTheDocs) {
  auto documented = documented_fields("Documents: JSON Lines (`dyad read`)");
  Document d;
  d.text = "Text.";
  auto written = keys(nlohmann::json::parse(document_to_json(d)));
  std::sort(documented.begin(), documented.end());
  std::sort(written.begin(), written.end());
  EXPECT_EQ(written, documented);
}

}  // namespace
}  // namespace dyad
