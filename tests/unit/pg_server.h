// A throwaway PostgreSQL server for tests: initdb + pg_ctl from Debian's postgresql package
// (/usr/lib/postgresql/<version>/bin, not on PATH) in a temporary folder, listening on a
// free loopback port, stopped and removed when the test process ends.
//
// initdb refuses to run as root (and CI runs as root), so as root the server runs as the
// `postgres` user through runuser and the folder is handed to that user.
//
//   std::string url;
//   DYAD_REQUIRE_POSTGRES(url);            // skips, or fails under CI=true
//   auto store = dyad::open_store(url);    // a fresh database of its own
#pragma once

#include <memory>
#include <string>

#include "test_support.h"

namespace dyad::testing {

class PgServer {
 public:
  // Starts a server, or returns nullptr with the reason in `why`.
  static std::unique_ptr<PgServer> start(std::string& why);
  ~PgServer();
  PgServer(const PgServer&) = delete;
  PgServer& operator=(const PgServer&) = delete;

  // A connection URL for `database` on this server.
  std::string url(const std::string& database) const;

  // Creates a new empty database and returns its URL, or "" with the reason in `why`.
  std::string create_database(std::string& why);

  int port() const { return port_; }

 private:
  PgServer(std::string dir, std::string bin, std::string run_as, int port)
      : dir_(std::move(dir)), bin_(std::move(bin)), run_as_(std::move(run_as)), port_(port) {}

  std::string dir_, bin_, run_as_;
  int port_ = 0;
  int databases_ = 0;
};

// The process's server, started on first use and stopped at exit; nullptr (with `why`) when
// PostgreSQL cannot run here.
PgServer* shared_pg_server(std::string& why);

// A URL of a fresh database on the shared server, or "" with the reason in `why`.
std::string fresh_pg_database(std::string& why);

}  // namespace dyad::testing

// Sets `url` to a fresh PostgreSQL database; when PostgreSQL cannot start, skips the test
// (or fails it with CI=true: CI must never pass by skipping). In a test body or SetUp().
#define DYAD_REQUIRE_POSTGRES(url)                                                       \
  do {                                                                                   \
    std::string dyad_why_;                                                               \
    (url) = ::dyad::testing::fresh_pg_database(dyad_why_);                               \
    if ((url).empty()) {                                                                 \
      if (::dyad::testing::running_in_ci()) {                                            \
        FAIL() << "PostgreSQL unavailable under CI=true: " << dyad_why_;                 \
      } else {                                                                           \
        GTEST_SKIP() << "PostgreSQL unavailable (" << dyad_why_ << "); skipping";        \
      }                                                                                  \
    }                                                                                    \
  } while (false)
