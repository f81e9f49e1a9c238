// The store: coded documents, their sentences and mentions, and the deduplicated events,
// in SQLite (one file, the default) or PostgreSQL (a shared server), behind one interface.
//
// Writes are idempotent and atomic per batch: a document's key is its content hash, so
// writing a document again with the same coder, dictionary and model versions changes
// nothing, and writing it with other versions replaces its sentences and mentions whole.
// A batch is one transaction: a crash loses at most the batch being written, never part of
// a document. After each batch the store regroups the mentions near the new ones into
// events (include/dyad/dedup.h) in the same transaction. docs/storage.md describes the
// schema and its migrations.
//
// A Store is one connection: use it from one thread at a time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "dyad/document.h"
#include "dyad/event.h"
#include "dyad/result.h"

namespace dyad {

// A sentence as stored: its position, its bytes in the document text, and its text.
struct StoredSentence {
  std::size_t index = 0;
  Span span;
  std::string text;
};

// One document with everything the coder made of it: what the store writes.
struct CodedDocument {
  Document document;                     // `sentences` (the parses) is not stored
  std::vector<StoredSentence> sentences;
  std::vector<Mention> mentions;         // may be empty
  CodingVersions versions;               // what coded it, also when no mention came out; the
                                         // store gives its mentions these versions
};

// Whether two codings were made by the same coder, dictionaries and models: a document
// stored with the same versions is not written again.
inline bool same_versions(const CodingVersions& a, const CodingVersions& b) {
  return a.coder == b.coder && a.dictionaries == b.dictionaries && a.models == b.models;
}

// What one write did.
struct WriteReport {
  std::size_t added = 0;      // documents new to the store
  std::size_t replaced = 0;   // documents stored before with other coding versions
  std::size_t unchanged = 0;  // documents stored before with the same versions: skipped
  std::size_t sentences = 0;  // sentences and mentions written
  std::size_t mentions = 0;
  std::size_t events = 0;     // event rows rewritten by deduplication
};

// Row counts of the main tables.
struct StoreCounts {
  std::int64_t documents = 0, sentences = 0, mentions = 0, events = 0, actors = 0, places = 0;
};

// A mention read back: the coded event as reported, with its keys and its event.
struct StoredMention {
  std::string id;          // "<document id>-<ordinal>": stable while the document's coding is
  std::string event_id;    // empty for flagged mentions (negated, hypothetical), never grouped
  std::string outlet;
  std::string place;
  Mention mention;
};

// A deduplicated event: its representative coding and how many reported it.
struct StoredEvent {
  std::string id;
  std::string representative_mention;   // StoredMention::id
  std::string source, target;           // actor codes
  std::string source_country, target_country;
  std::string code, root;
  int quad_class = 0;
  double goldstein = 0;
  Date date;                            // event date (the report date until enrich)
  std::string place;
  int num_mentions = 0;
  int num_sources = 0;
  Date first_seen, last_seen;
};

// Which events a query reads. Empty fields do not filter; dates are inclusive.
struct EventFilter {
  std::optional<Date> from, to;
  std::string actor;    // a country ("USA") or a full actor code ("USAGOV"), either side
  std::string code;     // an event code or a root prefix ("19", "195")
  std::size_t limit = 0;  // 0: no limit
};

// One day of a dyad: events by direction, QuadClass and CAMEO root.
struct DyadDay {
  long day = 0;             // days since 1970-01-01
  bool forward = true;      // A -> B when true, B -> A otherwise
  int quad_class = 0;
  std::string root;
  int events = 0;
  double goldstein_sum = 0;
};

// What "top" ranks.
enum class TopKind { kActors, kDyads, kPlaces };

struct TopEntry {
  std::string key;          // an actor code, "USA-VEN", or a place key
  int events = 0;
  double goldstein_sum = 0;
};

class Store {
 public:
  virtual ~Store() = default;
  Store() = default;
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // "sqlite" or "postgres".
  virtual std::string backend() const = 0;

  // Writes the documents in one transaction and regroups the affected events. On error
  // nothing of the batch is kept.
  virtual Result<WriteReport> write(std::span<const CodedDocument> documents) = 0;

  // The versions a stored document was coded with, nullopt when it is not stored.
  virtual Result<std::optional<CodingVersions>> coded_with(const std::string& document_id) = 0;

  // Stored document ids in ascending order, at most `limit` of them after `after`
  // (exclusive; empty: from the start), for walking a large store in pages.
  virtual Result<std::vector<std::string>> document_ids(const std::string& after,
                                                        std::size_t limit) = 0;

  // A stored document, without sentences.
  virtual Result<Document> document(const std::string& id) = 0;
  virtual Result<std::vector<StoredSentence>> sentences(const std::string& document_id) = 0;
  virtual Result<std::vector<StoredMention>> mentions(const std::string& document_id) = 0;

  virtual Result<StoreCounts> counts() = 0;

  // Documents whose sentences match a full-text query (words, all required), as
  // (document id, sentence index), at most `limit`.
  virtual Result<std::vector<std::pair<std::string, std::size_t>>> search(
      const std::string& words, std::size_t limit) = 0;

  // Deduplicated events matching the filter, by date then id.
  virtual Result<std::vector<StoredEvent>> events(const EventFilter& filter) = 0;

  // The daily series of the dyad A-B in both directions. `a` and `b` are countries
  // ("USA") or full actor codes ("USAGOV").
  virtual Result<std::vector<DyadDay>> dyad_days(const std::string& a, const std::string& b,
                                                 std::optional<Date> from,
                                                 std::optional<Date> to) = 0;

  // Documents stored per report day (day -> count), for normalising by news volume.
  virtual Result<std::map<long, int>> documents_per_day(std::optional<Date> from,
                                                        std::optional<Date> to) = 0;

  // The `limit` actors, dyads or places with most events in the period.
  virtual Result<std::vector<TopEntry>> top(TopKind kind, std::optional<Date> from,
                                            std::optional<Date> to, std::size_t limit) = 0;
};

// Opens (creating and migrating when needed) the store a URL names: "postgres://..." or
// "postgresql://..." is a PostgreSQL server (libpq connection URI); "sqlite:PATH" or a plain
// path is an SQLite file (created when absent).
Result<std::unique_ptr<Store>> open_store(const std::string& url);

// The schema version a fresh store migrates to (the number of the last migration).
int store_schema_version();

}  // namespace dyad
