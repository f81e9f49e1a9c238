// The little SQL a store needs, over either backend: statements with `?` parameters,
// transactions, and rows read by column. The store logic (sql_store.cpp) is written once
// against this; sqlite_store.cpp and postgres_store.cpp implement it.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <variant>

#include "dyad/result.h"

namespace dyad::store {

// A parameter: NULL, an integer, a real or text. Text is a view: the caller keeps it alive
// until the call returns.
using SqlValue = std::variant<std::monostate, std::int64_t, double, std::string_view>;

// One result row, valid only inside the row callback.
class Row {
 public:
  virtual ~Row() = default;
  virtual bool is_null(int column) const = 0;
  virtual std::int64_t integer(int column) const = 0;  // 0 for NULL
  virtual double real(int column) const = 0;           // 0 for NULL
  virtual std::string text(int column) const = 0;      // "" for NULL
};

enum class Dialect { kSqlite, kPostgres };

class Database {
 public:
  virtual ~Database() = default;
  Database() = default;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  virtual Dialect dialect() const = 0;

  // Runs several statements without parameters (a migration).
  virtual Status execute_script(const std::string& sql) = 0;

  virtual Status begin() = 0;
  virtual Status commit() = 0;
  virtual Status rollback() = 0;  // a no-op outside a transaction

  // Runs one statement (prepared once, then reused) and returns the rows it changed.
  virtual Result<std::int64_t> run(const std::string& sql, std::span<const SqlValue> params) = 0;

  // Runs one query, calling `on_row` for each row.
  virtual Status query(const std::string& sql, std::span<const SqlValue> params,
                       const std::function<void(const Row&)>& on_row) = 0;
};

Result<std::unique_ptr<Database>> open_sqlite(const std::string& path);
Result<std::unique_ptr<Database>> open_postgres(const std::string& uri);

// Brings the schema up to date: creates schema_migrations and applies, in order and each
// in its own transaction, every migration the database has not recorded yet.
Status migrate(Database& db);
// The same, through version `through` only: how tests make a store of an older schema.
Status migrate(Database& db, int through);

// The migrations this build knows, numbered from 1.
int migration_count();

}  // namespace dyad::store
