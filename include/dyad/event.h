// The event record.
//
// The coder turns a sentence into Mentions: one coded event as one report tells it, with
// its provenance. Deduplication later groups the Mentions of one real event into an Event.
// Field names follow GDELT 2.0 where they fit, so a GDELT export can be written from them;
// docs/schema.md documents the JSON Lines and TSV output of both.
#pragma once

#include <cmath>
#include <string>
#include <vector>

#include "dyad/actor.h"
#include "dyad/cameo.h"
#include "dyad/date.h"
#include "dyad/sentence.h"

namespace dyad {

// The circumstances in which a sentence reports an act. A mention with any of these set is
// not a plain report that the act happened: analysts filter on them.
struct EventContext {
  bool negated = false;       // "did not attack"
  bool hypothetical = false;  // "would strike", "could impose"
  bool future = false;        // "plans to", "will visit"
  std::string claimed_by;     // "Y attacked Z, officials said" -> the officials' text
};

// Where in the original text an event came from.
struct Provenance {
  std::string document_id;   // Document::id (content hash)
  std::string external_id;   // Document::external_id
  std::string url;
  std::size_t sentence_index = 0;
  std::string sentence;      // the sentence text
  Span sentence_span;
  Span source_span;          // bytes of the source actor's words in the document text
  Span verb_span;
  Span target_span;
  std::string pattern;       // id of the verb pattern that fired ("CAMEO.2.0.txt:1234")
};

// Versions of everything that made a mention, so stored data says how it was coded.
struct CodingVersions {
  std::string coder;         // dyad version
  std::string dictionaries;  // hash or name of the dictionary set
  std::string models;        // version of the parser models, empty for given parses
};

// One coded event as reported in one sentence.
struct Mention {
  Actor source;
  Actor target;
  std::string code;        // event code as the dictionaries define it ("195", "042")
  std::string root;        // CAMEO root ("19"), empty for non-CAMEO codes
  int quad_class = 0;      // 1..4 for CAMEO codes, 0 otherwise
  double goldstein = 0;    // on the scale chosen at coding time (GDELT's by default)
  std::string cameo_name;  // CAMEO name, empty for non-CAMEO codes

  std::string plover_type, plover_mode, plover_context;  // empty for CAMEO 01x, 02x
  std::string acled_type, acled_sub_type;                // empty where none fits

  Date report_date;        // the document's date
  Date event_date;         // when the act happened; the report date until enrich sets it
  EventContext context;
  double confidence = 0;   // in [0, 1]; precision rises with it (docs/coder.md)
  Provenance provenance;
  CodingVersions versions;
};

// Fills root, quad_class, goldstein, cameo_name and the PLOVER and ACLED fields of
// `mention` from its code (nothing for codes outside CAMEO).
void describe_code(Mention& mention, GoldsteinScale scale);

// A confidence as the outputs write it: three decimals (0.7, not 0.7000000000000001).
inline double rounded_confidence(double c) { return std::round(c * 1000.0) / 1000.0; }

// A real-world event: the Mentions that report it, grouped by deduplication.
struct Event {
  std::string id;
  Mention summary;                      // the representative coding
  std::vector<std::string> mention_ids;
  int num_mentions = 0;
  int num_sources = 0;
  Date first_seen, last_seen;
};

}  // namespace dyad
