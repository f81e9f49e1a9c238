// Writing the event record: JSON Lines (the default) and TSV. docs/schema.md documents
// both; tests/unit/test_event_io.cpp checks the writers against that document.
#pragma once

#include <string>
#include <vector>

#include "dyad/document.h"
#include "dyad/event.h"

namespace dyad {

// One JSON object (no trailing newline) for a mention, with "schema_version".
std::string mention_to_json(const Mention& mention);

// The TSV header line and one TSV row (no trailing newline). Tabs and newlines inside
// fields are written as spaces so every row has exactly tsv_columns().size() fields.
const std::vector<std::string>& tsv_columns();
std::string tsv_header();
std::string mention_to_tsv(const Mention& mention);

// One JSON object for a document's metadata and text (what `dyad read` prints).
std::string document_to_json(const Document& document);

}  // namespace dyad
