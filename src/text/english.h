// English word forms shared by the lemmatiser and the coder's verb lookup.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dyad::text {

// Base forms a regular English inflection may come from, in either case, most likely
// first: "SHELLED" -> SHELL, SHELLE, SHEL; "raided" -> raid, raide; "planning" -> plan;
// "carries" -> carry. A caller keeps the first its dictionary knows: the stripping alone
// cannot tell "raided" (raid) from "ceded" (cede).
std::vector<std::string> regular_verb_bases(std::string_view form);

}  // namespace dyad::text
