// Versioned migrations. Each migration is an SQL file per backend (src/store/migrations/
// <backend>/NNN_name.sql), compiled into the library; schema_migrations records which
// ran. A migration and its record commit together, so a crash leaves either both or none.
#include <array>
#include <set>

#include "store/database.h"

namespace dyad::embedded {
extern const char* const kSqliteMigration001;
extern const char* const kPostgresMigration001;
extern const char* const kSqliteMigration002;
extern const char* const kPostgresMigration002;
extern const char* const kSqliteMigration003;
extern const char* const kPostgresMigration003;
extern const char* const kSqliteMigration004;
extern const char* const kPostgresMigration004;
extern const char* const kSqliteMigration005;
extern const char* const kPostgresMigration005;
}  // namespace dyad::embedded

namespace dyad::store {
namespace {

struct Migration {
  int version;
  const char* name;
  const char* const* sqlite;
  const char* const* postgres;
};

// In order. A new migration goes at the end; a shipped one is never edited.
const std::array<Migration, 5> kMigrations = {{
    {1, "schema", &embedded::kSqliteMigration001, &embedded::kPostgresMigration001},
    {2, "mention_indexes", &embedded::kSqliteMigration002, &embedded::kPostgresMigration002},
    {3, "bulk_fulltext", &embedded::kSqliteMigration003, &embedded::kPostgresMigration003},
    {4, "integer_keys", &embedded::kSqliteMigration004, &embedded::kPostgresMigration004},
    {5, "slim_mentions", &embedded::kSqliteMigration005, &embedded::kPostgresMigration005},
}};

}  // namespace

int migration_count() { return static_cast<int>(kMigrations.size()); }

Status migrate(Database& db) { return migrate(db, migration_count()); }

Status migrate(Database& db, int through) {
  auto created = db.execute_script(
      "CREATE TABLE IF NOT EXISTS schema_migrations ("
      " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
  if (!created) return created;
  for (const auto& m : kMigrations) {
    if (m.version > through) break;
    if (auto begun = db.begin(); !begun) return begun;
    // Checked inside the transaction: two processes opening a new store apply it once.
    bool applied = false;
    const SqlValue version[] = {std::int64_t{m.version}};
    auto seen = db.query("SELECT 1 FROM schema_migrations WHERE version = ?", version,
                         [&](const Row&) { applied = true; });
    Status status = seen;
    if (status && !applied) {
      status = db.execute_script(db.dialect() == Dialect::kSqlite ? *m.sqlite : *m.postgres);
      const SqlValue record[] = {std::int64_t{m.version}, std::string_view(m.name)};
      if (status) {
        auto ran = db.run("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, CURRENT_TIMESTAMP)",
                          record);
        if (!ran) status = ran.error();
      }
    }
    if (!status) {
      (void)db.rollback();
      return make_error(status.error().code,
                        "migration " + std::to_string(m.version) + " (" + m.name + "): " + status.error().message,
                        status.error().where);
    }
    if (auto committed = db.commit(); !committed) return committed;
  }
  return {};
}

}  // namespace dyad::store
