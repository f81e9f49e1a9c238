// English irregular verbs: past and past-participle forms and their base, for forms the
// treebank never showed the lemmatiser ("fled", "forbade", "froze" in a news sentence).
// Written for dyad from the common table of English irregular verbs; prefixed verbs
// ("withdrew", "overran", "upheld") are found through their last part.
#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <utility>

#include "nlp/lemmatizer.h"

namespace dyad::nlp {
namespace {

using Pair = std::pair<std::string_view, std::string_view>;

// Sorted by form, for binary search.
constexpr auto kIrregular = std::to_array<Pair>({
    {"abode", "abide"},        {"arisen", "arise"},       {"arose", "arise"},        {"ate", "eat"},
    {"awoke", "awake"},        {"awoken", "awake"},       {"bade", "bid"},           {"beaten", "beat"},
    {"became", "become"},      {"befallen", "befall"},    {"befell", "befall"},      {"began", "begin"},
    {"begun", "begin"},        {"bent", "bend"},          {"besought", "beseech"},   {"bet", "bet"},
    {"bit", "bite"},           {"bitten", "bite"},        {"bled", "bleed"},         {"blew", "blow"},
    {"blown", "blow"},         {"bore", "bear"},          {"born", "bear"},          {"borne", "bear"},
    {"bought", "buy"},         {"bound", "bind"},         {"bred", "breed"},         {"broke", "break"},
    {"broken", "break"},       {"brought", "bring"},      {"built", "build"},        {"burnt", "burn"},
    {"burst", "burst"},        {"came", "come"},          {"cast", "cast"},          {"caught", "catch"},
    {"chose", "choose"},       {"chosen", "choose"},      {"clung", "cling"},        {"cost", "cost"},
    {"crept", "creep"},        {"dealt", "deal"},         {"did", "do"},             {"done", "do"},
    {"drank", "drink"},        {"drawn", "draw"},         {"dreamt", "dream"},       {"drew", "draw"},
    {"driven", "drive"},       {"drove", "drive"},        {"drunk", "drink"},        {"dug", "dig"},
    {"dwelt", "dwell"},        {"eaten", "eat"},          {"fallen", "fall"},        {"fed", "feed"},
    {"fell", "fall"},          {"felt", "feel"},          {"fled", "flee"},          {"flew", "fly"},
    {"flown", "fly"},          {"flung", "fling"},        {"forbade", "forbid"},     {"forbidden", "forbid"},
    {"forgave", "forgive"},    {"forgiven", "forgive"},   {"forgot", "forget"},      {"forgotten", "forget"},
    {"forsaken", "forsake"},   {"forsook", "forsake"},    {"fought", "fight"},       {"found", "find"},
    {"froze", "freeze"},       {"frozen", "freeze"},      {"gave", "give"},          {"given", "give"},
    {"gone", "go"},            {"got", "get"},            {"gotten", "get"},         {"grew", "grow"},
    {"grown", "grow"},         {"had", "have"},           {"heard", "hear"},         {"held", "hold"},
    {"hid", "hide"},           {"hidden", "hide"},        {"hit", "hit"},            {"hung", "hang"},
    {"hurt", "hurt"},          {"kept", "keep"},          {"knelt", "kneel"},        {"knew", "know"},
    {"known", "know"},         {"laid", "lay"},           {"lain", "lie"},           {"leapt", "leap"},
    {"learnt", "learn"},       {"led", "lead"},           {"left", "leave"},         {"lent", "lend"},
    {"let", "let"},            {"lit", "light"},          {"lost", "lose"},          {"made", "make"},
    {"meant", "mean"},         {"met", "meet"},           {"paid", "pay"},           {"pled", "plead"},
    {"put", "put"},            {"quit", "quit"},          {"ran", "run"},            {"rang", "ring"},
    {"read", "read"},          {"rid", "rid"},            {"ridden", "ride"},        {"risen", "rise"},
    {"rode", "ride"},          {"rose", "rise"},          {"rung", "ring"},          {"said", "say"},
    {"sang", "sing"},          {"sank", "sink"},          {"sat", "sit"},            {"saw", "see"},
    {"seen", "see"},           {"sent", "send"},          {"set", "set"},            {"shaken", "shake"},
    {"shed", "shed"},          {"shone", "shine"},        {"shook", "shake"},        {"shot", "shoot"},
    {"shrank", "shrink"},      {"shrunk", "shrink"},      {"shut", "shut"},          {"slain", "slay"},
    {"slept", "sleep"},        {"slew", "slay"},          {"slid", "slide"},         {"slung", "sling"},
    {"smitten", "smite"},      {"sold", "sell"},          {"sought", "seek"},        {"spat", "spit"},
    {"sped", "speed"},         {"spent", "spend"},        {"split", "split"},        {"spoke", "speak"},
    {"spoken", "speak"},       {"sprang", "spring"},      {"spread", "spread"},      {"sprung", "spring"},
    {"spun", "spin"},          {"stole", "steal"},        {"stolen", "steal"},       {"stood", "stand"},
    {"strewn", "strew"},       {"stricken", "strike"},    {"stridden", "stride"},    {"strode", "stride"},
    {"struck", "strike"},      {"strung", "string"},      {"stuck", "stick"},        {"stung", "sting"},
    {"stunk", "stink"},        {"sung", "sing"},          {"sunk", "sink"},          {"swam", "swim"},
    {"swept", "sweep"},        {"swore", "swear"},        {"sworn", "swear"},        {"swum", "swim"},
    {"swung", "swing"},        {"taken", "take"},         {"taught", "teach"},       {"thought", "think"},
    {"threw", "throw"},        {"thrown", "throw"},       {"thrust", "thrust"},      {"told", "tell"},
    {"took", "take"},          {"tore", "tear"},          {"torn", "tear"},          {"trod", "tread"},
    {"trodden", "tread"},      {"understood", "understand"}, {"undid", "undo"},         {"upset", "upset"},
    {"was", "be"},             {"went", "go"},            {"wept", "weep"},          {"were", "be"},
    {"woke", "wake"},          {"woken", "wake"},         {"won", "win"},            {"wore", "wear"},
    {"worn", "wear"},          {"wove", "weave"},         {"woven", "weave"},        {"written", "write"},
    {"wrote", "write"},        {"wrung", "wring"},
});

std::string_view lookup(std::string_view form) {
  const auto it = std::lower_bound(kIrregular.begin(), kIrregular.end(), form,
                                   [](const Pair& p, std::string_view f) { return p.first < f; });
  return it != kIrregular.end() && it->first == form ? it->second : std::string_view();
}

// Prefixes English builds verbs with; the rest must be an irregular form of its own.
constexpr std::array<std::string_view, 10> kPrefixes = {"with", "over", "under", "out", "fore",
                                                         "mis",  "re",   "up",    "be",  "un"};

}  // namespace

std::string irregular_verb_lemma(std::string_view lower_form) {
  if (auto base = lookup(lower_form); !base.empty()) return std::string(base);
  for (std::string_view prefix : kPrefixes) {
    if (lower_form.size() < prefix.size() + 3 || !lower_form.starts_with(prefix)) continue;
    if (auto base = lookup(lower_form.substr(prefix.size())); !base.empty()) {
      return std::string(prefix) + std::string(base);
    }
  }
  return {};
}

}  // namespace dyad::nlp
