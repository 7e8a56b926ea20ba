// Constants whose value depends on where the code runs, which no folding may evaluate:
// `we_are_jitted()` is false in compiled code and the ll interpreter, true in code the JIT's
// codewriter makes from the graph (RPython's CDefinedIntSymbolic). LL text `we_are_jitted:Bool`.
// Also the JitDriver operand of jit_marker (`jitdriver(NAME)`, Void), whose greens and reds the
// JIT reads from the annotator's description.
#pragma once
#include <string>

#include "translator/flow/model.h"

namespace rpp::lltype {

class WeAreJitted final : public flow::ConstPayload {
 public:
  std::string repr() const override { return "we_are_jitted"; }
  bool equals(const flow::ConstPayload& other) const override { return dynamic_cast<const WeAreJitted*>(&other); }
  size_t hash() const override { return 0x77656a; }
};

class JitDriverRef final : public flow::ConstPayload {
 public:
  JitDriverRef(std::string name, const void* desc) : name_(std::move(name)), desc_(desc) {}
  const std::string& name() const { return name_; }
  const void* desc() const { return desc_; }  // the annotator's Desc of the driver
  std::string repr() const override { return "jitdriver(" + name_ + ")"; }
  bool equals(const flow::ConstPayload& other) const override {
    auto* o = dynamic_cast<const JitDriverRef*>(&other);
    return o && o->desc_ == desc_;
  }
  size_t hash() const override { return std::hash<const void*>()(desc_); }

 private:
  std::string name_;
  const void* desc_;
};

}  // namespace rpp::lltype
