// What the coder tests share: dictionary files written to a temporary folder, and the
// events of a coded sentence as "SRC TGT CODE" strings.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "dyad/coder.h"

namespace dyad::testing {

// Writes `text` to a file of its own (one name per process: ctest runs each case as its own
// process, in parallel) and returns its path.
inline std::string write_temp(const std::string& prefix, const std::string& name, const std::string& text) {
  const auto p = std::filesystem::temp_directory_path() / (prefix + std::to_string(::getpid()) + "_" + name);
  std::ofstream(p) << text;
  return p.string();
}

// "SRC TGT CODE" strings of the sentence's mentions, in order.
inline std::vector<std::string> events(const SentenceCoding& c) {
  std::vector<std::string> out;
  for (const auto& m : c.mentions) {
    out.push_back(m.source.code_string() + " " + (m.target.code.empty() ? "---" : m.target.code_string()) + " " +
                  m.code);
  }
  return out;
}

}  // namespace dyad::testing
