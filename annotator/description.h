// Descriptions of prebuilt constants, the members of a SomePBC: a function, a class, a method (a
// function found on a class, bound to instances of some classdef), a frozen object (a module, a
// prebuilt instance with `_freeze_`), or a method of a frozen object. One Desc per Python object
// (memoized by identity in the bookkeeper); `serial` is its creation order, so sets of Descs
// sort the same way on every run.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "translator/flow/model.h"

namespace rpp::annotator {

enum class DescKind : uint8_t { Function, Class, Method, Frozen, MethodOfFrozen };
const char* desc_kind_name(DescKind kind, bool plural);  // "function" / "functions"

class Desc {
 public:
  Desc(DescKind kind, uint32_t serial, std::string name)
      : kind(kind), serial(serial), name(std::move(name)) {}
  virtual ~Desc() = default;
  const DescKind kind;
  const uint32_t serial;
  const std::string name;  // qualified: `Parser.parse`, `Node`, `mod`
  std::optional<flow::PyObjectRef> pyobj;  // the Python object, when there is one

  template <class T>
  T& as() {
    return static_cast<T&>(*this);
  }
  template <class T>
  const T& as() const {
    return static_cast<const T&>(*this);
  }
};

}  // namespace rpp::annotator
