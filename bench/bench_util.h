// Helpers shared by the benchmarks.
#pragma once

#include <fstream>
#include <string>

namespace dyad::bench {

// Peak resident memory of this process so far, in MiB (VmHWM from /proc/self/status).
// bench/run starts one process per benchmark, so this is that benchmark's peak.
inline double peak_rss_mib() {
  std::ifstream status("/proc/self/status");
  std::string key;
  while (status >> key) {
    if (key == "VmHWM:") {
      double kib = 0;
      status >> kib;
      return kib / 1024.0;
    }
    std::getline(status, key);
  }
  return 0;
}

}  // namespace dyad::bench
