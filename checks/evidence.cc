#include "evidence.h"

namespace bitext {

const EvidenceValue* Evidence::Find(std::string_view name) const {
  const auto it = values_.find(name);
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

void Evidence::Set(const std::string& name, EvidenceValue value) {
  const auto it = values_.find(name);
  if (it != values_.end()) {
    it->second = std::move(value);
  } else {
    values_.emplace(name, std::move(value));
  }
}

void Evidence::Erase(std::string_view name) {
  const auto it = values_.find(name);
  if (it != values_.end()) values_.erase(it);
}

}  // namespace bitext
