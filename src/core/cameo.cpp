#include "dyad/cameo.h"

#include <charconv>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/tsv.h"

namespace dyad {
namespace embedded {
extern const char* const kCameoCodes;
extern const char* const kCameoPlover;
extern const char* const kCameoAcled;
}  // namespace embedded

namespace {

double to_double(const std::string& s) {
  double v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

// The three tables, parsed once on first use and immutable afterwards.
struct Tables {
  std::unordered_map<std::string, CameoCode> cameo;
  std::unordered_map<std::string, PloverType> plover;
  std::unordered_map<std::string, AcledType> acled;

  Tables() {
    // codes.tsv: code root quadclass name goldstein_gdelt goldstein_icews description notes
    for (const auto& f : tsv_rows(embedded::kCameoCodes)) {
      if (f.size() < 6) continue;
      cameo[f[0]] = CameoCode{f[0], f[1], static_cast<int>(to_double(f[2])), f[3],
                              to_double(f[4]), to_double(f[5])};
    }
    for (const auto& f : tsv_rows(embedded::kCameoPlover)) {
      if (f.size() >= 4) plover[f[0]] = PloverType{f[1], f[2], f[3]};
    }
    for (const auto& f : tsv_rows(embedded::kCameoAcled)) {
      if (f.size() >= 3) acled[f[0]] = AcledType{f[1], f[2]};
    }
  }
};

const Tables& tables() {
  static const Tables t;
  return t;
}

template <typename Map>
const typename Map::mapped_type* find_in(const Map& map, std::string_view code) {
  auto it = map.find(std::string(code));
  return it == map.end() ? nullptr : &it->second;
}

}  // namespace

const CameoCode* find_cameo(std::string_view code) { return find_in(tables().cameo, code); }
const PloverType* find_plover(std::string_view code) { return find_in(tables().plover, code); }
const AcledType* find_acled(std::string_view code) { return find_in(tables().acled, code); }

std::string cameo_root(std::string_view code) {
  if (code.size() >= 2 && code[0] >= '0' && code[0] <= '9' && code[1] >= '0' && code[1] <= '9') {
    return std::string(code.substr(0, 2));
  }
  return {};
}

bool cameo_joint_act(std::string_view code) {
  const std::string root = cameo_root(code);
  return root == "04" || root == "06" || code == "057";
}

}  // namespace dyad
