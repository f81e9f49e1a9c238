// Where the NLP tests find the UD treebank, and what they do when it is absent:
// with CI=true a missing treebank FAILS the test, otherwise the test is skipped.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

namespace dyad::testing {

inline std::string ewt_path(const std::string& split) {
  return std::string(DYAD_SOURCE_DIR) + "/../shared/data/ud/en_ewt/en_ewt-ud-" + split +
         ".conllu";
}

inline bool in_ci() {
  const char* ci = std::getenv("CI");
  return ci != nullptr && std::string(ci) == "true";
}

}  // namespace dyad::testing

// Skips the test (or fails it under CI=true) when the EWT split `split` is absent.
#define DYAD_REQUIRE_EWT(split)                                                          \
  do {                                                                                   \
    if (!std::filesystem::exists(::dyad::testing::ewt_path(split))) {                    \
      if (::dyad::testing::in_ci()) {                                                    \
        FAIL() << "UD EWT data missing: " << ::dyad::testing::ewt_path(split);           \
      } else {                                                                           \
        GTEST_SKIP() << "UD EWT data absent (" << ::dyad::testing::ewt_path(split)       \
                     << "); set up ../shared/data/ud to run this test";                  \
      }                                                                                  \
    }                                                                                    \
  } while (false)
