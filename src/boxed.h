// A value held on the heap and copied with its owner: for a part that most
// objects of a type lack, which held in place would take its full size in
// every one of them.
#ifndef BITEXT_SRC_BOXED_H_
#define BITEXT_SRC_BOXED_H_

#include <memory>
#include <utility>

namespace bitext {

template <class T>
class Boxed {
 public:
  Boxed() = default;
  Boxed(T value) : value_(std::make_unique<T>(std::move(value))) {}
  Boxed(const Boxed& other) : value_(other.value_ ? std::make_unique<T>(*other.value_) : nullptr) {}
  Boxed(Boxed&&) noexcept = default;
  Boxed& operator=(Boxed other) noexcept {
    value_ = std::move(other.value_);
    return *this;
  }

  explicit operator bool() const { return value_ != nullptr; }
  T& operator*() { return *value_; }
  const T& operator*() const { return *value_; }
  T* operator->() { return value_.get(); }
  const T* operator->() const { return value_.get(); }
  void reset() { value_.reset(); }

 private:
  std::unique_ptr<T> value_;
};

}  // namespace bitext

#endif  // BITEXT_SRC_BOXED_H_
