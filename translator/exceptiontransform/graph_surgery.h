// Small graph edits the exception transform and the stack-check insertion share: splitting a
// block after an operation (the rest moves to a new block whose input arguments are fresh
// variables for every value it uses from before: SSI), and making typed variables and
// operations with a location.
#pragma once
#include <string>
#include <vector>

#include "rtyper/lltype/lltype.h"
#include "translator/flow/model.h"

namespace rpp::exceptiontransform {

// A new variable of `type`.
flow::Variable* typed_variable(flow::FunctionGraph& g, const lltype::LowLevelType* type, std::string hint = "");
// A new constant of `type`.
flow::Constant* typed_constant(flow::FunctionGraph& g, flow::ConstValue value, const lltype::LowLevelType* type);
// Appends `result = opname(args)` to `block` (result Void when `result_type` is Void) with the
// location `where`; returns the result variable.
flow::Variable* append_op(flow::FunctionGraph& g, flow::Block* block, const std::string& opname,
                          std::vector<flow::Value*> args, const lltype::LowLevelType* result_type,
                          const flow::SourceLocation& where, std::string hint = "");

// The variables `block` defines (input arguments and operation results) that are used by its
// operations from `from` on, its exitswitch or its links' arguments, in a deterministic order.
std::vector<flow::Variable*> live_after(const flow::Block* block, size_t from);

// Moves operations [from, end), the exitswitch and the exits of `block` to a new block whose
// input arguments are fresh copies of live_after(block, from); `block` keeps operations
// [0, from) and no exits. Returns the new block and the variables to pass to it.
struct SplitResult {
  flow::Block* rest = nullptr;
  std::vector<flow::Value*> pass;  // link arguments from `block` to `rest`
};
SplitResult split_block(flow::FunctionGraph& g, flow::Block* block, size_t from);

// The zero value of a type as a constant (0, 0.0, false, null, none for Void).
flow::Constant* zero_constant(flow::FunctionGraph& g, const lltype::LowLevelType* type);

}  // namespace rpp::exceptiontransform
