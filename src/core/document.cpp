#include "dyad/document.h"

#include <cstdint>
#include <cstdio>

namespace dyad {

std::string content_id(std::string_view text) {
  std::uint64_t h = 1469598103934665603ULL;  // FNV-1a 64-bit offset basis
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace dyad
