// The Store, written once over Database: the same statements run on SQLite and PostgreSQL
// (both accept `?` parameters here, ON CONFLICT, `||` and integer day arithmetic); the few
// that differ (full-text search) ask the dialect.
#include <algorithm>
#include <limits>
#include <set>
#include <unordered_map>

#include "dyad/cameo.h"
#include "dyad/store.h"
#include "store/database.h"
#include "store/events.h"

namespace dyad::store {
namespace {


SqlValue text(const std::string& s) { return std::string_view(s); }
SqlValue integer(std::int64_t n) { return n; }
SqlValue day_or_null(const Date& d) { return d.valid() ? SqlValue(std::int64_t{d.days()}) : SqlValue(); }

std::string country_of(const ActorCode& code) { return code.country.empty() ? "---" : code.country; }

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += p;
  return out;
}

// Until geolocation resolves places, the target's country (else the source's) stands in.
std::string place_of(const Mention& m) {
  if (!m.target.code.country.empty()) return m.target.code.country;
  return m.source.code.country;
}

// The mention's day for grouping and series: the event date, else the report date, else
// the date of the document that carries it (a mention is never less dated than its report).
const Date& day_of(const Mention& m, const Document& d) {
  if (m.event_date.valid()) return m.event_date;
  return m.report_date.valid() ? m.report_date : d.published;
}

std::pair<std::int64_t, std::int64_t> day_range(std::optional<Date> from, std::optional<Date> to) {
  return {from ? from->days() : std::numeric_limits<std::int32_t>::min(),
          to ? to->days() : std::numeric_limits<std::int32_t>::max()};
}

// A three-letter actor is a country (or IGO, NGO...): match the country columns;
// anything longer is a full actor code.
bool is_country(const std::string& actor) { return actor.size() == 3; }

class SqlStore final : public Store {
 public:
  explicit SqlStore(std::unique_ptr<Database> db) : db_(std::move(db)) {}

  std::string backend() const override { return db_->dialect() == Dialect::kSqlite ? "sqlite" : "postgres"; }

  Result<WriteReport> write(std::span<const CodedDocument> documents) override {
    if (auto begun = db_->begin(); !begun) return begun.error();
    WriteReport report;
    Removals removals;
    batch_ = Batch{};
    Status status = number_sentences();
    if (status) status = read_stored_versions(documents);
    for (const auto& doc : documents) {
      if (!status) break;
      status = write_one(doc, report, removals);
    }
    if (status) status = store_mentions(removals, report);
    if (status) status = index_new_sentences();
    if (status) status = db_->commit();
    if (!status) {
      (void)db_->rollback();
      return status.error();
    }
    known_keys_.merge(batch_.keys);
    return report;
  }

  Result<std::optional<CodingVersions>> coded_with(const std::string& document_id) override {
    std::optional<CodingVersions> versions;
    const SqlValue p[] = {text(document_id)};
    auto s = db_->query("SELECT coder_version, dictionaries_version, models_version FROM documents WHERE id = ?", p,
                        [&](const Row& r) { versions = CodingVersions{r.text(0), r.text(1), r.text(2)}; });
    if (!s) return s.error();
    return versions;
  }

  Result<std::vector<std::string>> document_ids(const std::string& after, std::size_t limit) override {
    std::vector<std::string> ids;
    const SqlValue p[] = {text(after), integer(static_cast<std::int64_t>(limit))};
    auto s = db_->query("SELECT id FROM documents WHERE id > ? ORDER BY id LIMIT ?", p,
                        [&](const Row& r) { ids.push_back(r.text(0)); });
    if (!s) return s.error();
    return ids;
  }

  Result<Document> document(const std::string& id) override {
    std::optional<Document> doc;
    const SqlValue p[] = {text(id)};
    auto s = db_->query(
        "SELECT id, external_id, outlet, url, title, published, language, origin, text FROM documents WHERE id = ?", p,
        [&](const Row& r) {
          Document d;
          d.id = r.text(0);
          d.external_id = r.text(1);
          d.source = r.text(2);
          d.url = r.text(3);
          d.title = r.text(4);
          d.published = parse_date(r.text(5)).value_or(Date{});
          d.language = r.text(6);
          d.origin = r.text(7);
          d.text = r.text(8);
          doc = std::move(d);
        });
    if (!s) return s.error();
    if (!doc) return make_error(ErrorCode::kNotFound, "no stored document with this id", id);
    return std::move(*doc);
  }

  Result<std::vector<StoredSentence>> sentences(const std::string& document_id) override {
    std::vector<StoredSentence> out;
    const SqlValue p[] = {text(document_id)};
    auto s = db_->query("SELECT idx, span_begin, span_end, text FROM sentences"
                        " WHERE document_key = (SELECT key FROM documents WHERE id = ?) ORDER BY idx",
                        p,
                        [&](const Row& r) {
                          out.push_back({static_cast<std::size_t>(r.integer(0)),
                                         Span{static_cast<std::size_t>(r.integer(1)),
                                              static_cast<std::size_t>(r.integer(2))},
                                         r.text(3)});
                        });
    if (!s) return s.error();
    return out;
  }

  Result<std::vector<StoredMention>> mentions(const std::string& document_id) override;

  Result<StoreCounts> counts() override {
    StoreCounts c;
    const std::pair<const char*, std::int64_t*> tables[] = {
        {"documents", &c.documents}, {"sentences", &c.sentences}, {"mentions", &c.mentions},
        {"events", &c.events},       {"actors", &c.actors},       {"places", &c.places}};
    for (const auto& [table, count] : tables) {
      auto s = db_->query(std::string("SELECT count(*) FROM ") + table, {},
                          [&, ptr = count](const Row& r) { *ptr = r.integer(0); });
      if (!s) return s.error();
    }
    return c;
  }

  Result<std::vector<std::pair<std::string, std::size_t>>> search(const std::string& words,
                                                                   std::size_t limit) override;

  Result<std::vector<StoredEvent>> events(const EventFilter& filter) override;

  Result<std::vector<DyadDay>> dyad_days(const std::string& a, const std::string& b, std::optional<Date> from,
                                         std::optional<Date> to) override {
    std::vector<DyadDay> out;
    for (const bool forward : {true, false}) {
      if (!forward && a == b) break;  // a self-dyad has one direction only
      const std::string& src = forward ? a : b;
      const std::string& tgt = forward ? b : a;
      const std::string sql = std::string("SELECT event_day, quad_class, root, count(*), sum(goldstein) FROM events WHERE ") +
                              (is_country(src) ? "source_country" : "source") + " = ? AND " +
                              (is_country(tgt) ? "target_country" : "target") +
                              " = ? AND event_day BETWEEN ? AND ? GROUP BY event_day, quad_class, root";
      const auto [lo, hi] = day_range(from, to);
      const SqlValue p[] = {text(src), text(tgt), integer(lo), integer(hi)};
      auto s = db_->query(sql, p, [&](const Row& r) {
        out.push_back({static_cast<long>(r.integer(0)), forward, static_cast<int>(r.integer(1)), r.text(2),
                       static_cast<int>(r.integer(3)), r.real(4)});
      });
      if (!s) return s.error();
    }
    std::sort(out.begin(), out.end(), [](const DyadDay& x, const DyadDay& y) {
      return std::tie(x.day, y.forward, x.quad_class, x.root) < std::tie(y.day, x.forward, y.quad_class, y.root);
    });
    return out;
  }

  Result<std::map<long, int>> documents_per_day(std::optional<Date> from, std::optional<Date> to) override {
    std::map<long, int> out;
    const auto [lo, hi] = day_range(from, to);
    const SqlValue p[] = {integer(lo), integer(hi)};
    auto s = db_->query(
        "SELECT published_day, count(*) FROM documents WHERE published_day BETWEEN ? AND ? GROUP BY published_day", p,
        [&](const Row& r) { out[static_cast<long>(r.integer(0))] = static_cast<int>(r.integer(1)); });
    if (!s) return s.error();
    return out;
  }

  Result<std::vector<TopEntry>> top(TopKind kind, std::optional<Date> from, std::optional<Date> to,
                                    std::size_t limit) override;

 private:
  Status read_stored_versions(std::span<const CodedDocument> documents);
  Status write_one(const CodedDocument& doc, WriteReport& report, Removals& removals);
  Status forget_document(const std::string& id, Removals& removals);
  Result<std::int64_t> insert_document(const CodedDocument& doc);
  void hold_mention(const CodedDocument& doc, std::int64_t document_key, std::size_t ordinal);
  Status store_mentions(const Removals& removals, WriteReport& report);
  Status insert_mention(const CodedDocument& doc, std::int64_t document_key, std::size_t ordinal,
                        const std::string* event_id);
  Status insert_sentence(std::int64_t document_key, const StoredSentence& s);
  Status ensure_actor(const Actor& actor);
  Status ensure_place(const std::string& place);
  Status number_sentences();
  Status index_new_sentences();

  // A mention of the batch, held until its event is known.
  struct HeldMention {
    const CodedDocument* doc = nullptr;
    std::int64_t document_key = 0;  // documents.key of its document
    std::size_t ordinal = 0;
    bool grouped = false;  // it takes part in events: it has an entry in Batch::grouped
  };

  // What the batch being written has added so far.
  struct Batch {
    // SQLite: the highest sentence id before the batch, and the last one the batch gave.
    // The batch numbers its sentences itself, from above every stored one, so the rows above
    // `sentences_before` are exactly its own, whatever it deleted on the way.
    std::int64_t sentences_before = 0;
    std::int64_t last_sentence = 0;
    std::set<std::string> keys;  // actor codes ("a:") and place keys ("p:") it inserted
    // Document id -> the versions it is stored with, for the batch's documents that are.
    std::unordered_map<std::string, CodingVersions> stored_versions;
    // Its mentions, written after they are grouped into events: every one, and the
    // groupable ones as deduplication sees them.
    std::vector<HeldMention> mentions;
    std::vector<store::BatchMention> grouped;
  };

  std::unique_ptr<Database> db_;
  Batch batch_;
  // Actor codes and place keys known to be stored (committed): their upserts are skipped.
  std::set<std::string> known_keys_;
};

// Which of the batch's documents are stored, with what versions: a few statements of many
// ids each instead of one lookup a document.
Status SqlStore::read_stored_versions(std::span<const CodedDocument> documents) {
  constexpr std::size_t kIds = 128;
  static const std::string sql = [] {
    std::string q = "SELECT id, coder_version, dictionaries_version, models_version FROM documents WHERE id IN (?";
    for (std::size_t i = 1; i < kIds; ++i) q += ", ?";
    return q + ")";
  }();
  batch_.stored_versions.clear();
  std::vector<SqlValue> ids(kIds);
  for (std::size_t at = 0; at < documents.size(); at += kIds) {
    // A short last chunk repeats its last id: the same statement serves every chunk.
    for (std::size_t i = 0; i < kIds; ++i) ids[i] = text(documents[std::min(at + i, documents.size() - 1)].document.id);
    auto s = db_->query(sql, ids, [&](const Row& r) {
      batch_.stored_versions[r.text(0)] = CodingVersions{r.text(1), r.text(2), r.text(3)};
    });
    if (!s) return s;
  }
  return {};
}

Status SqlStore::write_one(const CodedDocument& doc, WriteReport& report, Removals& removals) {
  const Document& d = doc.document;
  const auto found = batch_.stored_versions.find(d.id);
  const CodingVersions* stored = found == batch_.stored_versions.end() ? nullptr : &found->second;
  if (stored && same_versions(*stored, doc.versions)) {
    ++report.unchanged;
    return {};
  }
  // A document given twice in one batch is stored by the time its second copy comes.
  batch_.stored_versions[d.id] = doc.versions;
  if (stored) {
    if (auto forgot = forget_document(d.id, removals); !forgot) return forgot;
    ++report.replaced;
  } else {
    ++report.added;
  }
  auto key = insert_document(doc);
  if (!key) return key.error();
  for (const auto& s : doc.sentences) {
    if (auto inserted_sentence = insert_sentence(*key, s); !inserted_sentence) return inserted_sentence;
  }
  report.sentences += doc.sentences.size();
  for (std::size_t i = 0; i < doc.mentions.size(); ++i) hold_mention(doc, *key, i);
  report.mentions += doc.mentions.size();
  return {};
}

// Inserts the document's row; returns its key, which its sentences and mentions point at.
Result<std::int64_t> SqlStore::insert_document(const CodedDocument& doc) {
  const Document& d = doc.document;
  const std::string published = d.published.to_string();
  const SqlValue row[] = {text(d.id),
                          text(d.external_id),
                          text(d.source),
                          text(d.url),
                          text(d.title),
                          text(published),
                          day_or_null(d.published),
                          text(d.language),
                          text(d.origin),
                          text(d.text),
                          text(doc.versions.coder),
                          text(doc.versions.dictionaries),
                          text(doc.versions.models),
                          integer(static_cast<std::int64_t>(doc.sentences.size())),
                          integer(static_cast<std::int64_t>(doc.mentions.size()))};
  std::int64_t key = 0;
  auto inserted = db_->query(
      "INSERT INTO documents (id, external_id, outlet, url, title, published, published_day, language, origin, text,"
      " coder_version, dictionaries_version, models_version, sentence_count, mention_count)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING key",
      row, [&](const Row& r) { key = r.integer(0); });
  if (!inserted) return inserted.error();
  return key;
}

// The sentence a mention was coded from, as stored with its document.
const std::string& sentence_text(const CodedDocument& doc, std::size_t index) {
  static const std::string none;
  if (index < doc.sentences.size() && doc.sentences[index].index == index) return doc.sentences[index].text;
  for (const auto& s : doc.sentences) {
    if (s.index == index) return s.text;
  }
  return none;
}

// Keeps a mention of the batch for writing, and, when it takes part in events, what
// deduplication and the event rows need of it.
void SqlStore::hold_mention(const CodedDocument& doc, std::int64_t document_key, std::size_t ordinal) {
  const Mention& m = doc.mentions[ordinal];
  const Date& day = day_of(m, doc.document);
  const bool grouped = groupable(m) && day.valid();
  batch_.mentions.push_back({&doc, document_key, ordinal, grouped});
  if (!grouped) return;
  const std::string source_country = country_of(m.source.code);
  const std::string target_country = country_of(m.target.code);
  const Date& seen = m.report_date.valid() ? m.report_date : doc.document.published;
  store::BatchMention b;
  b.dedup.document_id = doc.document.id;
  b.dedup.id = doc.document.id + "-" + std::to_string(ordinal);
  b.dedup.source = m.source.code_string();
  b.dedup.target = m.target.code.empty() ? std::string() : m.target.code_string();
  b.dedup.code = m.code;
  b.dedup.day = static_cast<int>(day.days());
  b.dedup.place = place_of(m);
  b.dedup.outlet = doc.document.source;
  b.dedup.text = sentence_text(doc, m.provenance.sentence_index);
  b.member = store::EventMember{doc.document.id, static_cast<std::int64_t>(ordinal), document_key,
                                b.dedup.source, b.dedup.target, source_country, target_country, m.code, m.root,
                                m.quad_class, m.goldstein, day.days(), seen.valid() ? seen.days() : day.days(),
                                b.dedup.place, b.dedup.outlet};
  batch_.grouped.push_back(std::move(b));
}

// Groups the batch's mentions into events with the stored ones near them, then writes the
// mentions with their event ids and the event rows that changed.
Status SqlStore::store_mentions(const Removals& removals, WriteReport& report) {
  auto grouping = store::group_batch(*db_, removals, batch_.grouped);
  if (!grouping) return grouping.error();
  // The grouped mentions are held in the order of the mentions that have them.
  std::size_t next_grouped = 0;
  for (const auto& held : batch_.mentions) {
    const std::string* event_id = held.grouped ? &grouping->event_of[next_grouped++] : nullptr;
    if (auto s = insert_mention(*held.doc, held.document_key, held.ordinal, event_id); !s) return s;
  }
  auto events = store::write_events(*db_, *grouping);
  if (!events) return events.error();
  report.events = *events;
  return {};
}

Status SqlStore::insert_sentence(std::int64_t document_key, const StoredSentence& s) {
  const SqlValue row[] = {integer(document_key),
                          integer(static_cast<std::int64_t>(s.index)),
                          integer(static_cast<std::int64_t>(s.span.begin)),
                          integer(static_cast<std::int64_t>(s.span.end)),
                          text(s.text),
                          integer(batch_.last_sentence + 1)};
  if (db_->dialect() != Dialect::kSqlite) {
    auto r = db_->run(
        "INSERT INTO sentences (document_key, idx, span_begin, span_end, text) VALUES (?, ?, ?, ?, ?)",
        std::span<const SqlValue>(row).first(5));
    return r ? Status() : Status(r.error());
  }
  auto r = db_->run(
      "INSERT INTO sentences (document_key, idx, span_begin, span_end, text, id) VALUES (?, ?, ?, ?, ?, ?)",
      row);
  if (!r) return r.error();
  ++batch_.last_sentence;
  return {};
}

// SQLite's sentences are numbered by the batch (the writer holds the database's lock, so no
// one else inserts meanwhile) instead of each new row's id being read back with RETURNING.
Status SqlStore::number_sentences() {
  if (db_->dialect() != Dialect::kSqlite) return {};
  auto s = db_->query("SELECT coalesce(max(id), 0) FROM sentences", {},
                      [&](const Row& r) { batch_.sentences_before = r.integer(0); });
  batch_.last_sentence = batch_.sentences_before;
  return s;
}

// SQLite's full-text index takes the batch's new sentences in one statement, last in the
// transaction (migration 3 explains why not a trigger). PostgreSQL's GIN index keeps itself.
Status SqlStore::index_new_sentences() {
  if (db_->dialect() != Dialect::kSqlite) return {};
  if (batch_.last_sentence == batch_.sentences_before) return {};
  const SqlValue p[] = {integer(batch_.sentences_before)};
  auto r = db_->run("INSERT INTO sentences_fts (rowid, text) SELECT id, text FROM sentences WHERE id > ?", p);
  return r ? Status() : Status(r.error());
}

// Removes a stored document whole, remembering the dyads and days its mentions held so
// that their events are regrouped without them.
Status SqlStore::forget_document(const std::string& id, Removals& removals) {
  const SqlValue p[] = {text(id)};
  auto s = db_->query(
      "SELECT source_country, target_country, event_day, event_id FROM mentions"
      " WHERE document_key = (SELECT key FROM documents WHERE id = ?) AND event_id IS NOT NULL",
      p, [&](const Row& r) {
        removals.add(r.text(0), r.text(1), static_cast<int>(r.integer(2)), r.text(3));
      });
  if (!s) return s;
  // The same document written twice in one batch with other versions: its first coding
  // is still held, not stored.
  std::erase_if(batch_.mentions, [&](const HeldMention& held) { return held.doc->document.id == id; });
  std::erase_if(batch_.grouped, [&](const store::BatchMention& b) { return b.dedup.document_id == id; });
  for (const char* sql : {"DELETE FROM mentions WHERE document_key = (SELECT key FROM documents WHERE id = ?)",
                          "DELETE FROM sentences WHERE document_key = (SELECT key FROM documents WHERE id = ?)",
                          "DELETE FROM documents WHERE id = ?"}) {
    auto r = db_->run(sql, p);
    if (!r) return r.error();
  }
  return {};
}

Status SqlStore::insert_mention(const CodedDocument& doc, std::int64_t document_key, std::size_t ordinal,
                                const std::string* event_id) {
  const Mention& m = doc.mentions[ordinal];
  const std::string source = m.source.code_string();
  const std::string target = m.target.code.empty() ? std::string() : m.target.code_string();
  const std::string source_country = country_of(m.source.code);
  const std::string target_country = country_of(m.target.code);
  const std::string place = place_of(m);
  const Date& day = day_of(m, doc.document);
  const auto& prov = m.provenance;
  const auto n = [](std::size_t v) { return integer(static_cast<std::int64_t>(v)); };
  const SqlValue row[] = {integer(document_key),
                          n(ordinal),
                          n(prov.sentence_index),
                          text(source),
                          text(source_country),
                          text(m.source.entry),
                          text(m.source.text),
                          n(m.source.span.begin),
                          n(m.source.span.end),
                          text(target),
                          text(target_country),
                          text(m.target.entry),
                          text(m.target.text),
                          n(m.target.span.begin),
                          n(m.target.span.end),
                          text(m.code),
                          text(m.root),
                          integer(m.quad_class),
                          m.goldstein,
                          text(m.plover_type),
                          text(m.plover_mode),
                          text(m.plover_context),
                          text(m.acled_type),
                          text(m.acled_sub_type),
                          day_or_null(m.report_date.valid() ? m.report_date : doc.document.published),
                          day_or_null(day),
                          integer(m.context.negated ? 1 : 0),
                          integer(m.context.hypothetical ? 1 : 0),
                          integer(m.context.future ? 1 : 0),
                          text(m.context.claimed_by),
                          m.confidence,
                          n(prov.verb_span.begin),
                          n(prov.verb_span.end),
                          text(prov.pattern),
                          text(place),
                          event_id ? text(*event_id) : SqlValue()};
  auto r = db_->run(
      "INSERT INTO mentions (document_key, ordinal, sentence_index, source, source_country, source_entry, source_text,"
      " source_begin, source_end, target, target_country, target_entry, target_text, target_begin, target_end,"
      " code, root, quad_class, goldstein, plover_type, plover_mode, plover_context, acled_type, acled_sub_type,"
      " report_day, event_day, negated, hypothetical, future, claimed_by, confidence, verb_begin, verb_end, pattern,"
      " place, event_id)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
      " ?, ?)",
      row);
  if (!r) return r.error();
  for (const Actor* actor : {&m.source, &m.target}) {
    if (auto added = ensure_actor(*actor); !added) return added;
  }
  if (auto added = ensure_place(place); !added) return added;
  return {};
}

// Actors and places are written once each; most mentions name ones already stored, and
// skipping their upserts saves three statements a mention.
Status SqlStore::ensure_actor(const Actor& actor) {
  if (actor.code.empty()) return {};
  const std::string code = actor.code_string();
  std::string key = "a:" + code;
  if (known_keys_.contains(key) || batch_.keys.contains(key)) return {};
  const std::string roles = joined(actor.code.roles);
  const std::string country = country_of(actor.code);
  const SqlValue a[] = {text(code), text(country), text(roles)};
  auto added = db_->run("INSERT INTO actors (code, country, roles) VALUES (?, ?, ?) ON CONFLICT (code) DO NOTHING", a);
  if (!added) return added.error();
  batch_.keys.insert(std::move(key));
  return {};
}

Status SqlStore::ensure_place(const std::string& place) {
  if (place.empty()) return {};
  std::string key = "p:" + place;
  if (known_keys_.contains(key) || batch_.keys.contains(key)) return {};
  const SqlValue p[] = {text(place), text(place), text(place)};
  auto added = db_->run(
      "INSERT INTO places (key, name, country, admin1, precision) VALUES (?, ?, ?, '', 'country')"
      " ON CONFLICT (key) DO NOTHING",
      p);
  if (!added) return added.error();
  batch_.keys.insert(std::move(key));
  return {};
}

Result<std::vector<StoredMention>> SqlStore::mentions(const std::string& document_id) {
  std::vector<StoredMention> out;
  const SqlValue p[] = {text(document_id)};
  auto s = db_->query(
      "SELECT m.ordinal, m.sentence_index, m.source, m.source_entry, m.source_text, m.source_begin, m.source_end,"
      " m.target, m.target_entry, m.target_text, m.target_begin, m.target_end, m.code, m.root, m.quad_class,"
      " m.goldstein, m.plover_type, m.plover_mode, m.plover_context, m.acled_type, m.acled_sub_type, m.report_day,"
      " m.event_day, m.negated, m.hypothetical, m.future, m.claimed_by, m.confidence, m.verb_begin, m.verb_end,"
      " m.pattern, m.place, d.outlet, d.coder_version, d.dictionaries_version, d.models_version, m.event_id,"
      " s.text, s.span_begin, s.span_end, d.url"
      " FROM documents d JOIN mentions m ON m.document_key = d.key"
      " LEFT JOIN sentences s ON s.document_key = m.document_key AND s.idx = m.sentence_index"
      " WHERE d.id = ? ORDER BY m.ordinal",
      p, [&](const Row& r) {
        const auto size = [&](int c) { return static_cast<std::size_t>(r.integer(c)); };
        StoredMention sm;
        sm.id = document_id + "-" + std::to_string(r.integer(0));
        Mention& m = sm.mention;
        m.provenance.document_id = document_id;
        m.provenance.sentence_index = size(1);
        m.source = Actor{parse_actor_code(r.text(2)), r.text(3), r.text(4), Span{size(5), size(6)}};
        if (!r.text(7).empty()) m.target = Actor{parse_actor_code(r.text(7)), r.text(8), r.text(9), Span{size(10), size(11)}};
        m.code = r.text(12);
        m.root = r.text(13);
        m.quad_class = static_cast<int>(r.integer(14));
        m.goldstein = r.real(15);
        if (const CameoCode* c = find_cameo(m.code)) m.cameo_name = c->name;
        m.plover_type = r.text(16);
        m.plover_mode = r.text(17);
        m.plover_context = r.text(18);
        m.acled_type = r.text(19);
        m.acled_sub_type = r.text(20);
        if (!r.is_null(21)) m.report_date = Date::from_days(static_cast<long>(r.integer(21)));
        if (!r.is_null(22)) m.event_date = Date::from_days(static_cast<long>(r.integer(22)));
        m.context = EventContext{r.integer(23) != 0, r.integer(24) != 0, r.integer(25) != 0, r.text(26)};
        m.confidence = r.real(27);
        m.provenance.verb_span = Span{size(28), size(29)};
        m.provenance.source_span = m.source.span;
        m.provenance.target_span = m.target.span;
        m.provenance.pattern = r.text(30);
        sm.place = r.text(31);
        sm.outlet = r.text(32);
        m.versions = CodingVersions{r.text(33), r.text(34), r.text(35)};
        sm.event_id = r.text(36);
        m.provenance.sentence = r.text(37);
        m.provenance.sentence_span = Span{size(38), size(39)};
        m.provenance.url = r.text(40);
        out.push_back(std::move(sm));
      });
  if (!s) return s.error();
  return out;
}

Result<std::vector<std::pair<std::string, std::size_t>>> SqlStore::search(const std::string& words,
                                                                          std::size_t limit) {
  std::vector<std::pair<std::string, std::size_t>> out;
  std::string sql;
  std::string query;
  if (db_->dialect() == Dialect::kSqlite) {
    // Each word quoted, so that FTS5 reads the user's text as words and never as syntax.
    std::string word;
    auto flush = [&] {
      if (word.empty()) return;
      query += (query.empty() ? "\"" : " \"") + word + "\"";
      word.clear();
    };
    for (const char c : words) {
      if (c == ' ' || c == '\t' || c == '\n') {
        flush();
      } else if (c == '"') {
        word += "\"\"";
      } else {
        word += c;
      }
    }
    flush();
    sql = "SELECT d.id, s.idx FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid"
          " JOIN documents d ON d.key = s.document_key WHERE sentences_fts MATCH ? ORDER BY d.id, s.idx LIMIT ?";
  } else {
    query = words;
    sql = "SELECT d.id, s.idx FROM sentences s JOIN documents d ON d.key = s.document_key"
          " WHERE to_tsvector('simple', s.text) @@ plainto_tsquery('simple', ?) ORDER BY d.id, s.idx LIMIT ?";
  }
  if (query.empty()) return out;
  const SqlValue p[] = {text(query), integer(static_cast<std::int64_t>(limit))};
  auto s = db_->query(sql, p, [&](const Row& r) {
    out.emplace_back(r.text(0), static_cast<std::size_t>(r.integer(1)));
  });
  if (!s) return s.error();
  return out;
}

Result<std::vector<StoredEvent>> SqlStore::events(const EventFilter& filter) {
  std::vector<StoredEvent> out;
  const auto [lo, hi] = day_range(filter.from, filter.to);
  std::string sql =
      "SELECT id, document_id, ordinal, source, target, source_country, target_country, code, root, quad_class,"
      " goldstein, event_day, place, num_mentions, num_sources, first_seen_day, last_seen_day"
      " FROM events WHERE event_day BETWEEN ? AND ?";
  std::vector<SqlValue> p = {integer(lo), integer(hi)};
  if (!filter.actor.empty()) {
    sql += is_country(filter.actor) ? " AND (source_country = ? OR target_country = ?)" : " AND (source = ? OR target = ?)";
    p.push_back(text(filter.actor));
    p.push_back(text(filter.actor));
  }
  const std::string code_prefix = filter.code + "%";
  if (!filter.code.empty()) {
    sql += " AND code LIKE ?";
    p.push_back(text(code_prefix));
  }
  sql += " ORDER BY event_day, id";
  if (filter.limit > 0) {
    sql += " LIMIT ?";
    p.push_back(integer(static_cast<std::int64_t>(filter.limit)));
  }
  auto s = db_->query(sql, p, [&](const Row& r) {
    StoredEvent e;
    e.id = r.text(0);
    e.representative_mention = r.text(1) + "-" + std::to_string(r.integer(2));
    e.source = r.text(3);
    e.target = r.text(4);
    e.source_country = r.text(5);
    e.target_country = r.text(6);
    e.code = r.text(7);
    e.root = r.text(8);
    e.quad_class = static_cast<int>(r.integer(9));
    e.goldstein = r.real(10);
    e.date = Date::from_days(static_cast<long>(r.integer(11)));
    e.place = r.text(12);
    e.num_mentions = static_cast<int>(r.integer(13));
    e.num_sources = static_cast<int>(r.integer(14));
    e.first_seen = Date::from_days(static_cast<long>(r.integer(15)));
    e.last_seen = Date::from_days(static_cast<long>(r.integer(16)));
    out.push_back(std::move(e));
  });
  if (!s) return s.error();
  return out;
}

Result<std::vector<TopEntry>> SqlStore::top(TopKind kind, std::optional<Date> from, std::optional<Date> to,
                                            std::size_t limit) {
  std::vector<TopEntry> out;
  const auto [lo, hi] = day_range(from, to);
  std::string sql;
  std::vector<SqlValue> p;
  switch (kind) {
    case TopKind::kActors:
      // An event counts once for each of its two actors (once when they are the same).
      sql = "SELECT k, count(*), sum(g) FROM ("
            "SELECT source AS k, goldstein AS g FROM events WHERE event_day BETWEEN ? AND ? AND source <> ''"
            " UNION ALL SELECT target AS k, goldstein AS g FROM events WHERE event_day BETWEEN ? AND ?"
            " AND target <> '' AND target <> source) AS a GROUP BY k ORDER BY count(*) DESC, k LIMIT ?";
      p = {integer(lo), integer(hi), integer(lo), integer(hi)};
      break;
    case TopKind::kDyads:
      sql = "SELECT source_country || '-' || target_country AS k, count(*), sum(goldstein) FROM events"
            " WHERE event_day BETWEEN ? AND ? GROUP BY source_country, target_country ORDER BY count(*) DESC, k LIMIT ?";
      p = {integer(lo), integer(hi)};
      break;
    case TopKind::kPlaces:
      sql = "SELECT place AS k, count(*), sum(goldstein) FROM events WHERE event_day BETWEEN ? AND ? AND place <> ''"
            " GROUP BY place ORDER BY count(*) DESC, k LIMIT ?";
      p = {integer(lo), integer(hi)};
      break;
  }
  p.push_back(integer(static_cast<std::int64_t>(limit)));
  auto s = db_->query(sql, p, [&](const Row& r) {
    out.push_back({r.text(0), static_cast<int>(r.integer(1)), r.real(2)});
  });
  if (!s) return s.error();
  return out;
}

}  // namespace
}  // namespace dyad::store

namespace dyad {

int store_schema_version() { return store::migration_count(); }

Result<std::unique_ptr<Store>> open_store(const std::string& url) {
  Result<std::unique_ptr<store::Database>> db = make_error(ErrorCode::kInternal, "unreachable");
  if (url.rfind("postgres://", 0) == 0 || url.rfind("postgresql://", 0) == 0) {
    db = store::open_postgres(url);
  } else {
    const std::string path = url.rfind("sqlite:", 0) == 0 ? url.substr(7) : url;
    if (path.empty()) return make_error(ErrorCode::kInvalidArgument, "empty database path", url);
    db = store::open_sqlite(path);
  }
  if (!db) return db.error();
  if (auto migrated = store::migrate(**db); !migrated) return migrated.error();
  return std::unique_ptr<Store>(std::make_unique<store::SqlStore>(std::move(*db)));
}

}  // namespace dyad
