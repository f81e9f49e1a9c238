// Export formats for deduplicated events: the GDELT 2.0 event table, PLOVER JSON and flat
// CSV. Pure functions from an Event to one line of text (no trailing newline); `dyad export`
// writes them over store queries. docs/analytics.md lists the columns and what dyad fills.
#pragma once

#include <string>
#include <vector>

#include "dyad/event.h"

namespace dyad {

// GDELT 2.0 event table: the 61 columns in GDELT's order and meaning, tab-separated, no
// header (GDELT files have none). Filled: the id (GLOBALEVENTID, a 53-bit number derived
// from the event id, since GDELT tools read it as an integer), dates, both actors (code,
// name, country, known group, types), root event flag, the CAMEO codes, QuadClass, Goldstein,
// NumMentions, NumSources, DATEADDED (first seen) and SOURCEURL. Empty until dyad has them:
// ethnic and religion codes, NumArticles, AvgTone and the three geography blocks. Tabs and
// line breaks inside fields become spaces, so every row has exactly 61 fields.
const std::vector<std::string>& gdelt_event_columns();
std::string gdelt_event_row(const Event& event);

// The GLOBALEVENTID written for an event id (FNV-1a 64 of the id, kept to 53 bits so that
// JSON readers hold it exactly).
long long gdelt_event_id(const std::string& event_id);

// One PLOVER-style JSON object: id, date, event_type, mode, context, actor and recipient
// (code, country, name), the CAMEO and ACLED-style codes beside it, counts, confidence and the
// source sentence.
std::string plover_json(const Event& event);

// Flat CSV (RFC 4180: fields with commas, quotes or line breaks are quoted, quotes doubled).
const std::vector<std::string>& csv_columns();
std::string csv_header();
std::string csv_row(const Event& event);

// An Event of one mention, for exporting mentions that have not been deduplicated.
Event event_from_mention(const Mention& mention, const std::string& event_id);

}  // namespace dyad
