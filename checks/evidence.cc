#include "evidence.h"

#include <algorithm>

namespace bitext {
namespace {

bool NameBefore(const Evidence::Values::value_type& a, const Evidence::Values::value_type& b) {
  return std::string_view(a.first) < std::string_view(b.first);
}

}  // namespace

Evidence::Evidence(std::initializer_list<Values::value_type> values) : values_(values) {
  std::stable_sort(values_.begin(), values_.end(), NameBefore);
  values_.erase(std::unique(values_.begin(), values_.end(),
                            [](const auto& a, const auto& b) { return std::string_view(a.first) == b.first; }),
                values_.end());
}

Evidence::Values::const_iterator Evidence::At(std::string_view name) const {
  const auto it = std::lower_bound(values_.begin(), values_.end(), name, [](const auto& value, std::string_view n) {
    return std::string_view(value.first) < n;
  });
  return it != values_.end() && std::string_view(it->first) == name ? it : values_.end();
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
  const auto it = std::lower_bound(values_.begin(), values_.end(), std::string_view(name),
                                   [](const auto& v, std::string_view n) { return std::string_view(v.first) < n; });
  if (it != values_.end() && std::string_view(it->first) == name) {
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
