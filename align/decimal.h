// A number read from a text, kept exactly as written: its digits and a
// power of ten. A double holds about 16 digits and nothing above 1.8e308,
// so two 23-digit numbers that differ in the last digit, or "1" and "9"
// followed by 400 zeros, would compare equal as doubles; as decimals they
// differ, and "270.2 billion" still equals "2702亿".
//
//   Decimal::Parse("270.2").Scaled(9) == Decimal::Parse("2702").Scaled(8)  // true
//   Decimal::Parse("1,069") -> digits "1069", exponent 0
#ifndef BITEXT_ALIGN_DECIMAL_H_
#define BITEXT_ALIGN_DECIMAL_H_

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

namespace bitext::align {

// The numbers texts hold are never negative (a '-' between numbers is a
// range), so there is no sign.
struct Decimal {
  std::string digits;    // without leading or trailing zeros; empty for zero
  int64_t exponent = 0;  // the value is digits * 10^exponent

  // ASCII digits with at most one '.' ("1069", "270.2", "007").
  static Decimal Parse(std::string_view text);
  static Decimal Of(uint64_t value);

  // The value times 10^power ("million" is 6, 亿 is 8).
  Decimal Scaled(int power) const;
  // The nearest double (infinity beyond its range), for uses that need
  // no exactness, such as alignment anchors.
  double ToDouble() const;
  // Plain digits when short ("270200000000", "0.05"), else scientific
  // ("1e400", "1.2345678901234567890123e22").
  std::string Text() const;

  bool operator==(const Decimal& other) const = default;
  // Numeric order.
  std::strong_ordering operator<=>(const Decimal& other) const;
};

}  // namespace bitext::align

#endif  // BITEXT_ALIGN_DECIMAL_H_
