#include "dyad/paths.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace dyad {
namespace {

std::string find_dir(const char* env, const char* name) {
  if (const char* v = std::getenv(env); v && *v) return v;
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path in_tree = fs::path(DYAD_SOURCE_DIR) / name;
  if (fs::is_directory(in_tree, ec)) return in_tree.string();
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const fs::path installed = exe.parent_path().parent_path() / "share" / "dyad" / name;
    if (fs::is_directory(installed, ec)) return installed.string();
  }
  return in_tree.string();
}

}  // namespace

std::string default_data_dir() { return find_dir("DYAD_DATA", "data"); }
std::string default_models_dir() { return find_dir("DYAD_MODELS", "models"); }

}  // namespace dyad
