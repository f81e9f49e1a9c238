// What tests do when data from ../shared is missing: with CI=true they fail (CI must never
// pass by skipping), otherwise they skip with a message.
#pragma once

#include <gtest/gtest.h>

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
