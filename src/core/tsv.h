// Tab-separated tables: splitting them (with a header line) into rows of fields, and the
// fields of the lines dyad writes (TSV output, GDELT rows, CSV).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace dyad {

// Rows of `text` after its header line; empty lines and lines starting with '#' skipped.
inline std::vector<std::vector<std::string>> tsv_rows(std::string_view text) {
  std::vector<std::vector<std::string>> rows;
  bool header = true;
  while (!text.empty()) {
    const auto nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    if (header) {
      header = false;
      continue;
    }
    std::vector<std::string> fields;
    std::size_t start = 0;
    for (;;) {
      const auto tab = line.find('\t', start);
      fields.emplace_back(line.substr(start, tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    rows.push_back(std::move(fields));
  }
  return rows;
}

// A field for a tab-separated line: tabs and line breaks become spaces, so that every row
// keeps its number of fields.
inline std::string clean_field(std::string s) {
  for (char& c : s) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return s;
}

// A number as the text outputs write it: as JSON does (7.0, -4.4).
inline std::string number(double v) { return nlohmann::json(v).dump(); }

}  // namespace dyad
