// Prebuilt constants (RPython's rpbc): sets of functions, bound methods, classes and frozen
// objects, and calls through them.
//   - one function, class or frozen object (never None): Void — the callee is known;
//   - several functions: a function pointer (Ptr(Func)), all of one signature (normalize_calls.h);
//     a call is an indirect_call with the set of graphs it may reach;
//   - bound methods: the receiver instance; one function is a direct_call, several are dynamic
//     dispatch through the method pointer in the receiver's vtable (rclass.h);
//   - several classes: a vtable pointer (ClassRepr); `cls()` calls the vtable's instantiate.
// Calls of builtins are in rbuiltin.h.
#pragma once
#include <vector>

#include "annotator/description.h"
#include "annotator/some_value.h"
#include "rtyper/hop.h"
#include "rtyper/repr.h"

namespace rpp::rtyper {

class FunctionPointerRepr final : public Repr {
 public:
  FunctionPointerRepr(std::vector<const annotator::Desc*> descs, const lltype::LowLevelType* type);
  const std::vector<const annotator::Desc*>& descs() const { return descs_; }
  flow::ConstValue convert_const(const flow::ConstValue& value, RTyper& rtyper) override;

 private:
  std::vector<const annotator::Desc*> descs_;
};

class MethodsRepr final : public Repr {
 public:
  MethodsRepr(std::vector<const annotator::Desc*> descs, Repr* receiver);
  const std::vector<const annotator::Desc*>& descs() const { return descs_; }
  Repr* receiver() const { return receiver_; }

 private:
  std::vector<const annotator::Desc*> descs_;
  Repr* receiver_;
};

// The repr of a SomePBC.
std::unique_ptr<Repr> make_pbc_repr(RTyper& rtyper, const annotator::SomePBC& pbc);

// The graph a function desc runs for calls without specialization (its only graph, or the
// unspecialized one), or nullptr.
flow::FunctionGraph* default_graph(const annotator::FunctionDesc& func);

// simple_call / call_args of a PBC (arg 0 of the hop is the callee).
flow::Value* rtype_pbc_call(Hop& hop);
// getattr of a frozen object or a class constant, or of a method on an instance (the receiver).
flow::Value* rtype_pbc_getattr(Hop& hop);
// `cls(args)` of a class known statically: a new instance, then __init__.
flow::Value* instantiate_class(Hop& hop, const annotator::ClassDef* classdef, size_t first_arg);

}  // namespace rpp::rtyper
