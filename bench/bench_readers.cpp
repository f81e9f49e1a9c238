// Reader throughput: JSON Lines documents read, checked and hashed per second.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "bench_util.h"
#include "dyad/reader.h"

namespace {

std::string make_jsonl(int docs) {
  const auto path = std::filesystem::temp_directory_path() / "dyad_bench_readers.jsonl";
  std::ofstream out(path);
  for (int i = 0; i < docs; ++i) {
    out << R"({"id":"b)" << i << R"(","date":"2026-03-0)" << (i % 9 + 1)
        << R"(","title":"Bench","text":"CARACAS, Mar 3 (Bench Wire) - Officials in Caracas said )"
        << i << R"( ships had been stopped near the port of La Guaira on Tuesday."})" << '\n';
  }
  return path.string();
}

void BM_ReadJsonl(benchmark::State& state) {
  const std::string path = make_jsonl(static_cast<int>(state.range(0)));
  std::size_t docs = 0;
  for (auto _ : state) {
    (void)dyad::read_path(path, {}, [&](dyad::Result<dyad::Document> d) { docs += d.ok(); });
  }
  state.counters["docs_per_s"] = benchmark::Counter(static_cast<double>(docs), benchmark::Counter::kIsRate);
  state.counters["peak_rss_mib"] = dyad::bench::peak_rss_mib();
  std::filesystem::remove(path);
}
BENCHMARK(BM_ReadJsonl)->Arg(20000)->Unit(benchmark::kMillisecond);

}  // namespace
