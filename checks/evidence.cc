#include "evidence.h"

#include <algorithm>

namespace bitext {
namespace {

std::string_view NameOf(const Evidence::Values::value_type& value) { return value.first; }

// The first value whose name does not sort before `name`.
template <class Iterator>
Iterator FirstNotBefore(Iterator begin, Iterator end, std::string_view name) {
  return std::lower_bound(begin, end, name, [](const auto& value, std::string_view n) { return NameOf(value) < n; });
}

}  // namespace

Evidence::Evidence(std::initializer_list<Values::value_type> values) : values_(values) {
  std::stable_sort(values_.begin(), values_.end(), [](const auto& a, const auto& b) { return NameOf(a) < NameOf(b); });
  values_.erase(
      std::unique(values_.begin(), values_.end(), [](const auto& a, const auto& b) { return NameOf(a) == NameOf(b); }),
      values_.end());
}

Evidence::Values::const_iterator Evidence::At(std::string_view name) const {
  const auto it = FirstNotBefore(values_.begin(), values_.end(), name);
  return it != values_.end() && NameOf(*it) == name ? it : values_.end();
}

const EvidenceValue* Evidence::Find(std::string_view name) const {
  const auto it = At(name);
  return it == values_.end() ? nullptr : &it->second;
}

const std::string* Evidence::Text(std::string_view name) const {
  const EvidenceValue* value = Find(name);
  return value ? value->text() : nullptr;
}

long long Evidence::Integer(std::string_view name, long long otherwise) const {
  const EvidenceValue* value = Find(name);
  const long long* number = value ? value->integer() : nullptr;
  return number ? *number : otherwise;
}

void Evidence::Set(const char* name, EvidenceValue value) {
  const auto it = FirstNotBefore(values_.begin(), values_.end(), name);
  if (it != values_.end() && NameOf(*it) == name) {
    it->second = std::move(value);
  } else {
    values_.emplace(it, name, std::move(value));
  }
}

void Evidence::Erase(std::string_view name) {
  const auto it = At(name);
  if (it != values_.end()) values_.erase(it);
}

}  // namespace bitext
