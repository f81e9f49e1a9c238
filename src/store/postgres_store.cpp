// The PostgreSQL backend, over libpqxx 6.4. libpqxx reports errors by throwing; every
// exception is caught here and becomes an Error, so none crosses the library boundary.
// Statements are written with `?` like SQLite's and numbered ($1, $2, ...) when prepared.
#include <pqxx/pqxx>

#include <cstdio>
#include <optional>
#include <unordered_map>
#include <vector>

#include "store/database.h"

namespace dyad::store {
namespace {

class PostgresRow final : public Row {
 public:
  explicit PostgresRow(const pqxx::row& row) : row_(row) {}
  bool is_null(int column) const override { return row_[column].is_null(); }
  std::int64_t integer(int column) const override {
    return row_[column].is_null() ? 0 : row_[column].as<std::int64_t>();
  }
  double real(int column) const override { return row_[column].is_null() ? 0 : row_[column].as<double>(); }
  std::string text(int column) const override { return row_[column].is_null() ? "" : row_[column].c_str(); }

 private:
  const pqxx::row& row_;
};

// "a = ? AND b = ?" -> "a = $1 AND b = $2". Our statements never hold a literal '?'.
std::string number_parameters(const std::string& sql) {
  std::string out;
  int n = 0;
  for (const char c : sql) {
    if (c == '?') {
      out += '$' + std::to_string(++n);
    } else {
      out += c;
    }
  }
  return out;
}

std::vector<std::optional<std::string>> as_text(std::span<const SqlValue> params) {
  std::vector<std::optional<std::string>> out;
  out.reserve(params.size());
  for (const auto& v : params) {
    if (const auto* n = std::get_if<std::int64_t>(&v)) {
      out.emplace_back(std::to_string(*n));
    } else if (const auto* d = std::get_if<double>(&v)) {
      char buffer[32];
      std::snprintf(buffer, sizeof buffer, "%.17g", *d);
      out.emplace_back(buffer);
    } else if (const auto* s = std::get_if<std::string_view>(&v)) {
      out.emplace_back(std::string(*s));
    } else {
      out.emplace_back(std::nullopt);
    }
  }
  return out;
}

class PostgresDatabase final : public Database {
 public:
  explicit PostgresDatabase(std::unique_ptr<pqxx::connection> connection) : connection_(std::move(connection)) {}

  Dialect dialect() const override { return Dialect::kPostgres; }

  Status execute_script(const std::string& sql) override {
    return guarded("", [&] {
      if (work_) {
        work_->exec(sql);
      } else {
        pqxx::nontransaction tx(*connection_);
        tx.exec(sql);
      }
    });
  }

  Status begin() override {
    return guarded("", [&] { work_ = std::make_unique<pqxx::work>(*connection_); });
  }
  Status commit() override {
    auto status = guarded("", [&] {
      if (work_) work_->commit();
    });
    work_.reset();
    return status;
  }
  Status rollback() override {
    auto status = guarded("", [&] {
      if (work_) work_->abort();
    });
    work_.reset();
    return status;
  }

  Result<std::int64_t> run(const std::string& sql, std::span<const SqlValue> params) override {
    std::int64_t changed = 0;
    auto status = guarded(sql, [&] {
      const auto result = exec(sql, params);
      changed = static_cast<std::int64_t>(result.affected_rows());
    });
    if (!status) return status.error();
    return changed;
  }

  Status query(const std::string& sql, std::span<const SqlValue> params,
               const std::function<void(const Row&)>& on_row) override {
    return guarded(sql, [&] {
      const auto result = exec(sql, params);
      for (const auto& r : result) on_row(PostgresRow(r));
    });
  }

 private:
  pqxx::result exec(const std::string& sql, std::span<const SqlValue> params) {
    auto it = prepared_.find(sql);
    if (it == prepared_.end()) {
      const std::string name = "s" + std::to_string(prepared_.size());
      connection_->prepare(name, number_parameters(sql));
      it = prepared_.emplace(sql, name).first;
    }
    const auto values = as_text(params);
    const auto dynamic = pqxx::prepare::make_dynamic_params(values);
    if (work_) return work_->exec_prepared(it->second, dynamic);
    pqxx::nontransaction tx(*connection_);
    return tx.exec_prepared(it->second, dynamic);
  }

  template <typename Fn>
  Status guarded(const std::string& sql, Fn&& fn) {
    try {
      fn();
      return {};
    } catch (const std::exception& e) {
      std::string message = std::string("postgres: ") + e.what();
      while (!message.empty() && message.back() == '\n') message.pop_back();
      if (!sql.empty()) message += " in: " + sql.substr(0, 80);
      return make_error(ErrorCode::kIo, message);
    }
  }

  std::unique_ptr<pqxx::connection> connection_;
  std::unique_ptr<pqxx::work> work_;
  std::unordered_map<std::string, std::string> prepared_;
};

}  // namespace

Result<std::unique_ptr<Database>> open_postgres(const std::string& uri) {
  try {
    auto connection = std::make_unique<pqxx::connection>(uri);
    pqxx::nontransaction tx(*connection);
    // Fewer notices on stderr: the library never prints, and libpq would.
    tx.exec("SET client_min_messages TO WARNING");
    tx.commit();
    return std::unique_ptr<Database>(std::make_unique<PostgresDatabase>(std::move(connection)));
  } catch (const std::exception& e) {
    return make_error(ErrorCode::kIo, std::string("cannot connect to PostgreSQL: ") + e.what());
  }
}

}  // namespace dyad::store
