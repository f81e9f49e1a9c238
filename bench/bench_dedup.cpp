// Deduplication speed: mentions clustered per second, on synthetic reports shaped like a
// busy news year: 400 dyads, events on random days of a year, each reported 1 to 6 times in
// sentences built from a small vocabulary with town names, codes from a few families.
#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <vector>

#include "bench_util.h"
#include "dyad/dedup.h"

namespace {

std::vector<dyad::DedupMention> synthetic_mentions(int events) {
  static const char* kCountries[] = {"USA", "RUS", "UKR", "SYR", "ISR", "PSE", "IRN", "CHN",
                                     "TWN", "SDN", "COL", "VEN", "IND", "PAK", "MLI", "SOM",
                                     "YEM", "LBN", "NGA", "MMR"};
  static const char* kRoles[] = {"", "GOV", "MIL", "REB", "CVL", "COP"};
  static const char* kCodes[] = {"190", "193", "195", "183", "141", "175", "042", "043",
                                 "046", "111", "163", "173"};
  static const char* kVerbs[] = {"struck", "attacked", "bombed", "hit", "raided", "met",
                                 "criticised", "sanctioned", "detained", "shelled"};
  static const char* kWords[] = {"positions", "forces", "officials", "overnight", "said",
                                 "residents", "capital", "border", "camp", "convoy"};
  std::mt19937 rng(42);
  auto pick = [&rng](auto& table) {
    return table[std::uniform_int_distribution<std::size_t>(0, std::size(table) - 1)(rng)];
  };
  std::vector<dyad::DedupMention> out;
  int next_id = 0;
  for (int e = 0; e < events; ++e) {
    const int dyad = std::uniform_int_distribution<int>(0, 399)(rng);
    const std::string source = std::string(kCountries[dyad % 20]) + kRoles[dyad % 6];
    const std::string target = std::string(kCountries[(dyad / 20) % 20]) + kRoles[(dyad / 6) % 6];
    const std::string code = pick(kCodes);
    const int day = 20000 + std::uniform_int_distribution<int>(0, 364)(rng);
    const std::string town = "Town" + std::to_string(std::uniform_int_distribution<int>(0, 99)(rng));
    const int reports = std::uniform_int_distribution<int>(1, 6)(rng);
    for (int r = 0; r < reports; ++r) {
      dyad::DedupMention m;
      m.id = "m" + std::to_string(next_id++);
      m.source = source;
      m.target = target;
      m.code = code;
      m.day = day + std::uniform_int_distribution<int>(0, 1)(rng);
      m.place = r % 2 ? town : "";
      m.outlet = "outlet" + std::to_string(r);
      m.document_id = "doc" + std::to_string(next_id);
      m.text = std::string("Troops ") + pick(kVerbs) + " " + pick(kWords) + " near " + town + " " +
               pick(kWords) + " " + pick(kWords) + ", " + pick(kWords) + " said.";
      out.push_back(std::move(m));
    }
  }
  return out;
}

void BM_DedupAssignEvents(benchmark::State& state) {
  const auto mentions = synthetic_mentions(static_cast<int>(state.range(0)));
  const std::unordered_map<std::string, std::string> previous;
  std::size_t events = 0;
  for (auto _ : state) {
    const auto assigned = dyad::assign_events(mentions, previous, dyad::DedupOptions{});
    events = assigned.size();
    benchmark::DoNotOptimize(events);
  }
  state.counters["mentions_per_s"] = benchmark::Counter(
      static_cast<double>(mentions.size()) * static_cast<double>(state.iterations()),
      benchmark::Counter::kIsRate);
  state.counters["mentions"] = static_cast<double>(mentions.size());
  state.counters["peak_rss_mib"] = dyad::bench::peak_rss_mib();
}
BENCHMARK(BM_DedupAssignEvents)->Arg(30000)->Unit(benchmark::kMillisecond);

}  // namespace
