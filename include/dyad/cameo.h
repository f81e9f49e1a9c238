// The CAMEO code table: name, root, QuadClass and Goldstein value of each CAMEO code.
//
// Event codes in dyad are the strings the loaded dictionaries define; the reference suites
// use codes outside CAMEO, so a code missing from this table is not an error, it simply
// has no CAMEO attributes. The table is compiled into the library from
// data/cameo/codes.tsv (the ICEWS CAMEO table), so it needs no file at run time.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace dyad {

enum class GoldsteinScale { kGdelt, kIcews };

// QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
// 4 material conflict.
struct CameoCode {
  std::string code;   // "195"
  std::string root;   // "19"
  int quad_class = 0;
  std::string name;   // "Employ aerial weapons"
  double goldstein_gdelt = 0;
  double goldstein_icews = 0;

  double goldstein(GoldsteinScale scale) const {
    return scale == GoldsteinScale::kGdelt ? goldstein_gdelt : goldstein_icews;
  }
};

// The entry for `code`, or nullopt when it is not a CAMEO code.
const CameoCode* find_cameo(std::string_view code);

// The root of an event code: its first two characters when they are digits ("195" -> "19"),
// else empty.
std::string cameo_root(std::string_view code);

// Whether a code is an act its parties do together, with no direction: consult (04, visits
// included), sign a formal agreement (057), cooperate (06). "A and B held talks" may be
// written A->B or B->A.
bool cameo_joint_act(std::string_view code);

// PLOVER event type, mode and context for a CAMEO code (crosswalk of PLOVER draft 0.8,
// data/cameo/plover.tsv). PLOVER dropped CAMEO 01x and 02x: those have none.
struct PloverType {
  std::string event_type;  // "ASSAULT"
  std::string mode;        // "aerial", may be empty
  std::string context;     // "military", may be empty
};
const PloverType* find_plover(std::string_view code);

// ACLED-style event type and sub-type where one fits (data/cameo/acled.tsv, ours).
struct AcledType {
  std::string event_type;      // "Explosions/Remote violence"
  std::string sub_event_type;  // "Air/drone strike"
};
const AcledType* find_acled(std::string_view code);

}  // namespace dyad
