#include "dyad/actor.h"

namespace dyad {

std::string ActorCode::to_string() const {
  std::string s = country.empty() ? "---" : country;
  for (const auto& r : roles) s += r;
  return s;
}

ActorCode parse_actor_code(std::string_view code) {
  std::string clean;
  for (char c : code) {
    if (c != ' ' && c != '~' && c != '\t') clean += c;
  }
  ActorCode out;
  if (clean.empty()) return out;
  const std::string_view primary = std::string_view(clean).substr(0, 3);
  if (primary != "---") out.country = std::string(primary);
  for (std::size_t i = 3; i < clean.size(); i += 3) out.roles.push_back(clean.substr(i, 3));
  return out;
}

}  // namespace dyad
