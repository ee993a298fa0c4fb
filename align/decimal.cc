#include "decimal.h"

#include <cstdlib>

namespace bitext::align {

Decimal Decimal::Parse(std::string_view text) {
  Decimal d;
  int64_t after_point = 0;
  bool point = false;
  for (char c : text) {
    if (c == '.') {
      point = true;
      continue;
    }
    if (d.digits.empty() && c == '0') {  // a leading zero
      after_point += point;
      continue;
    }
    d.digits += c;
    after_point += point;
  }
  d.exponent = -after_point;
  while (!d.digits.empty() && d.digits.back() == '0') {
    d.digits.pop_back();
    ++d.exponent;
  }
  if (d.digits.empty()) d.exponent = 0;
  return d;
}

Decimal Decimal::Of(uint64_t value) { return Parse(std::to_string(value)); }

Decimal Decimal::Scaled(int power) const {
  Decimal d = *this;
  if (!d.digits.empty()) d.exponent += power;
  return d;
}

double Decimal::ToDouble() const {
  if (digits.empty()) return 0;
  return std::strtod((digits + "e" + std::to_string(exponent)).c_str(), nullptr);
}

std::string Decimal::Text() const {
  if (digits.empty()) return "0";
  constexpr int64_t kPlainDigits = 30;
  const int64_t size = static_cast<int64_t>(digits.size());
  if (exponent >= 0 && size + exponent <= kPlainDigits) return digits + std::string(static_cast<size_t>(exponent), '0');
  if (exponent < 0 && -exponent <= kPlainDigits) {
    if (-exponent < size)
      return digits.substr(0, static_cast<size_t>(size + exponent)) + "." +
             digits.substr(static_cast<size_t>(size + exponent));
    return "0." + std::string(static_cast<size_t>(-exponent - size), '0') + digits;
  }
  const std::string mantissa = size == 1 ? digits : digits.substr(0, 1) + "." + digits.substr(1);
  return mantissa + "e" + std::to_string(exponent + size - 1);
}

std::strong_ordering Decimal::operator<=>(const Decimal& other) const {
  if (digits.empty() || other.digits.empty()) return !digits.empty() <=> !other.digits.empty();
  // With no leading zeros, the magnitude is where the first digit stands;
  // at the same magnitude the digits compare as strings ("15" < "151" < "16").
  const int64_t magnitude = exponent + static_cast<int64_t>(digits.size());
  const int64_t other_magnitude = other.exponent + static_cast<int64_t>(other.digits.size());
  if (magnitude != other_magnitude) return magnitude <=> other_magnitude;
  return digits.compare(other.digits) <=> 0;
}

}  // namespace bitext::align
