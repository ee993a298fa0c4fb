#include "english_lemma.h"

#include <algorithm>
#include <array>
#include <utility>

namespace bitext::align {
namespace {

// Sorted by form, for binary search. Forms that are as often another word
// ("bit", "bound", "rose") are left out.
constexpr std::array<std::pair<std::string_view, std::string_view>, 123> kIrregular = {{
    {"ate", "eat"},        {"awoke", "awake"},
    {"became", "become"},  {"began", "begin"},
    {"begun", "begin"},    {"bent", "bend"},
    {"bitten", "bite"},    {"blew", "blow"},
    {"blown", "blow"},     {"bore", "bear"},
    {"borne", "bear"},     {"bought", "buy"},
    {"broke", "break"},    {"broken", "break"},
    {"brought", "bring"},  {"built", "build"},
    {"burnt", "burn"},     {"came", "come"},
    {"caught", "catch"},   {"children", "child"},
    {"chose", "choose"},   {"chosen", "choose"},
    {"clung", "cling"},    {"crept", "creep"},
    {"dealt", "deal"},     {"drank", "drink"},
    {"drawn", "draw"},     {"dreamt", "dream"},
    {"drew", "draw"},      {"driven", "drive"},
    {"drove", "drive"},    {"drunk", "drink"},
    {"dug", "dig"},        {"dwelt", "dwell"},
    {"eaten", "eat"},      {"fallen", "fall"},
    {"feet", "foot"},      {"fell", "fall"},
    {"felt", "feel"},      {"fled", "flee"},
    {"flew", "fly"},       {"flown", "fly"},
    {"forbade", "forbid"}, {"forgave", "forgive"},
    {"forgot", "forget"},  {"forgotten", "forget"},
    {"fought", "fight"},   {"froze", "freeze"},
    {"frozen", "freeze"},  {"gave", "give"},
    {"geese", "goose"},    {"given", "give"},
    {"gone", "go"},        {"got", "get"},
    {"gotten", "get"},     {"grew", "grow"},
    {"grown", "grow"},     {"heard", "hear"},
    {"held", "hold"},      {"hid", "hide"},
    {"hidden", "hide"},    {"hung", "hang"},
    {"kept", "keep"},      {"knelt", "kneel"},
    {"knew", "know"},      {"known", "know"},
    {"led", "lead"},       {"lent", "lend"},
    {"lit", "light"},      {"lost", "lose"},
    {"made", "make"},      {"meant", "mean"},
    {"men", "man"},        {"met", "meet"},
    {"mice", "mouse"},     {"paid", "pay"},
    {"ran", "run"},        {"rang", "ring"},
    {"risen", "rise"},     {"rode", "ride"},
    {"said", "say"},       {"sang", "sing"},
    {"sank", "sink"},      {"sat", "sit"},
    {"saw", "see"},        {"seen", "see"},
    {"sent", "send"},      {"shook", "shake"},
    {"shot", "shoot"},     {"slept", "sleep"},
    {"slid", "slide"},     {"sold", "sell"},
    {"sought", "seek"},    {"spat", "spit"},
    {"spent", "spend"},    {"spoke", "speak"},
    {"spoken", "speak"},   {"stole", "steal"},
    {"stolen", "steal"},   {"stood", "stand"},
    {"struck", "strike"},  {"stuck", "stick"},
    {"sung", "sing"},      {"swam", "swim"},
    {"swept", "sweep"},    {"swore", "swear"},
    {"swung", "swing"},    {"taken", "take"},
    {"taught", "teach"},   {"teeth", "tooth"},
    {"thought", "think"},  {"threw", "throw"},
    {"thrown", "throw"},   {"told", "tell"},
    {"took", "take"},      {"tore", "tear"},
    {"torn", "tear"},      {"understood", "understand"},
    {"went", "go"},        {"wept", "weep"},
    {"woke", "wake"},      {"women", "woman"},
    {"won", "win"},
}};
static_assert(std::is_sorted(kIrregular.begin(), kIrregular.end(),
                             [](const auto& a, const auto& b) { return a.first < b.first; }),
              "kIrregular must stay sorted by form");

}  // namespace

std::string_view IrregularBase(std::string_view folded_word) {
  auto it = std::lower_bound(kIrregular.begin(), kIrregular.end(), folded_word,
                             [](const auto& entry, std::string_view w) { return entry.first < w; });
  return it != kIrregular.end() && it->first == folded_word ? it->second : folded_word;
}

}  // namespace bitext::align
