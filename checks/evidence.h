// What a finding rests on: named values a reader or a tool can check (the
// text concerned, the numbers compared, the words lost). Plain data, free of
// any output format: the renderers turn it into JSON.
#ifndef BITEXT_CHECKS_EVIDENCE_H_
#define BITEXT_CHECKS_EVIDENCE_H_

#include <initializer_list>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace bitext {

// One value of a finding's evidence: a text, a whole number, a real number, a
// list of texts or counts by text.
class EvidenceValue {
 public:
  using Texts = std::vector<std::string>;
  using Counts = std::map<std::string, int>;

  EvidenceValue(std::string text) : value_(std::move(text)) {}
  EvidenceValue(const char* text) : value_(std::string(text)) {}
  EvidenceValue(int number) : value_(static_cast<long long>(number)) {}
  EvidenceValue(long number) : value_(static_cast<long long>(number)) {}
  EvidenceValue(long long number) : value_(number) {}
  EvidenceValue(unsigned long number) : value_(static_cast<long long>(number)) {}
  EvidenceValue(double number) : value_(number) {}
  EvidenceValue(Texts texts) : value_(std::move(texts)) {}
  EvidenceValue(Counts counts) : value_(std::make_shared<const Counts>(std::move(counts))) {}
  // A flag would silently become a number: say what it counts instead.
  EvidenceValue(bool) = delete;

  const std::string* text() const { return std::get_if<std::string>(&value_); }
  const long long* integer() const { return std::get_if<long long>(&value_); }
  const Texts* texts() const { return std::get_if<Texts>(&value_); }

  // Calls `visit` with the value as its own type.
  template <class Visitor>
  decltype(auto) Visit(Visitor&& visit) const {
    return std::visit(
        [&visit](const auto& value) -> decltype(auto) {
          if constexpr (std::is_same_v<std::decay_t<decltype(value)>, std::shared_ptr<const Counts>>) {
            return visit(*value);
          } else {
            return visit(value);
          }
        },
        value_);
  }

 private:
  // Counts are rare and a map is large: held apart, so that every other
  // value takes the room of a string (findings can number in the thousands).
  std::variant<std::string, long long, double, Texts, std::shared_ptr<const Counts>> value_;
};

// A finding's evidence, by name: `{{"key", text}, {"lost", words}}`. Kept
// as one sorted list (a set holds thousands of findings of a few values
// each); a name given twice keeps its first value. Names are string
// literals, held as pointers: a std::string does not convert to one.
class Evidence {
 public:
  using Values = std::vector<std::pair<const char*, EvidenceValue>>;

  Evidence() = default;
  Evidence(std::initializer_list<Values::value_type> values);

  bool empty() const { return values_.empty(); }
  bool Has(std::string_view name) const { return Find(name) != nullptr; }
  const EvidenceValue* Find(std::string_view name) const;
  // The text named `name`, or null when there is none or it is not a text.
  const std::string* Text(std::string_view name) const;
  // The whole number named `name`, or `otherwise`.
  long long Integer(std::string_view name, long long otherwise) const;
  void Set(const char* name, EvidenceValue value);
  void Erase(std::string_view name);

  // In the order of the names.
  Values::const_iterator begin() const { return values_.begin(); }
  Values::const_iterator end() const { return values_.end(); }

 private:
  Values::const_iterator At(std::string_view name) const;

  Values values_;
};

}  // namespace bitext

#endif  // BITEXT_CHECKS_EVIDENCE_H_
