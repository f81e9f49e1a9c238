#include "text/english.h"

#include <cctype>

namespace dyad::text {

std::vector<std::string> regular_verb_bases(std::string_view form) {
  std::vector<std::string> out;
  const bool upper = !form.empty() && std::isupper(static_cast<unsigned char>(form.back()));
  const std::string e = upper ? "E" : "e";
  const std::string y = upper ? "Y" : "y";
  auto ends_with = [&](std::string_view suffix) {
    if (form.size() <= suffix.size() + 2) return false;
    for (std::size_t k = 0; k < suffix.size(); ++k) {
      const char c = form[form.size() - suffix.size() + k];
      if (std::tolower(static_cast<unsigned char>(c)) != suffix[k]) return false;
    }
    return true;
  };
  auto strip = [&](std::string_view suffix) {
    if (!ends_with(suffix)) return;
    const std::string stem(form.substr(0, form.size() - suffix.size()));
    out.push_back(stem);
    out.push_back(stem + e);
    const std::size_t n = stem.size();
    if (stem[n - 1] == stem[n - 2]) out.push_back(stem.substr(0, n - 1));  // doubled consonant
    if (std::tolower(static_cast<unsigned char>(stem[n - 1])) == 'i') out.push_back(stem.substr(0, n - 1) + y);
  };
  strip("ed");
  strip("ing");
  strip("es");
  strip("s");
  return out;
}

}  // namespace dyad::text
