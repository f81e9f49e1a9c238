// What tests do when data from ../shared is missing: with CI=true they fail (CI must never
// pass by skipping), otherwise they skip with a message.
#pragma once

#include <gtest/gtest.h>

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

namespace dyad::testing {

inline std::string shared_path(const std::string& relative) {
  return std::string(DYAD_SOURCE_DIR) + "/../shared/" + relative;
}

inline bool running_in_ci() {
  const char* ci = std::getenv("CI");
  return ci != nullptr && std::string(ci) == "true";
}

struct CliRun {
  int status = -1;
  std::string out;
};

// Runs the dyad binary with `args` (shell words), stderr discarded unless `merge_stderr`.
inline CliRun run_dyad(const std::string& args, bool merge_stderr = false) {
  const std::string cmd = std::string(DYAD_BINARY) + " " + args + (merge_stderr ? " 2>&1" : " 2>/dev/null");
  CliRun r;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  std::array<char, 4096> buf{};
  std::size_t n = 0;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  const int st = pclose(p);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

}  // namespace dyad::testing

// Skips the test (or fails it under CI=true) when ../shared/RELATIVE is absent.
#define DYAD_REQUIRE_SHARED(relative)                                                   \
  do {                                                                                  \
    const std::string dyad_path_ = ::dyad::testing::shared_path(relative);              \
    if (!std::filesystem::exists(dyad_path_)) {                                         \
      if (::dyad::testing::running_in_ci()) {                                           \
        FAIL() << "shared data missing: " << dyad_path_;                                \
      } else {                                                                          \
        GTEST_SKIP() << "shared data absent (" << dyad_path_ << "); skipping";          \
      }                                                                                 \
    }                                                                                   \
  } while (false)
