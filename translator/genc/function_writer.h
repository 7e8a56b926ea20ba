// The writer of one C++ function (function_writer.cc: blocks and links; operation_writer.cc:
// operations; operation_sequences.cc: a block's operations, some sequences written together).
// Internal to genc; use write_function (emitter.h).
#pragma once
#include <map>
#include <set>
#include <string>
#include <vector>

#include "translator/genc/emitter.h"

namespace rpp::genc {

class FunctionWriter {
 public:
  FunctionWriter(Emitter& emitter, flow::FunctionGraph& graph, UnitUses& uses);
  std::string write();

 private:
  Emitter& emitter_;
  flow::FunctionGraph& graph_;
  UnitUses& uses_;
  std::vector<flow::Block*> blocks_;
  std::map<const flow::Block*, size_t> block_index_;
  std::map<const flow::Variable*, std::string> var_names_;
  std::vector<const flow::Variable*> declared_;
  // Values that are a caught exception (from exc_fetch_value, through links and casts): raising
  // one again keeps the traceback recorded so far, raising anything else starts a new one.
  std::set<const flow::Variable*> caught_values_;

  void name_variables();
  void find_caught_values();
  std::string var(const flow::Value* v);
  std::string ctype(const lltype::LowLevelType* t);
  std::string label(const flow::Block* b);
  std::string link_code(const flow::Link& link, const std::string& indent);
  std::string exits_code(const flow::Block* b);

  // operation_sequences.cc
  std::string operations_code(const flow::Block* b);
  std::string allocation_with_roots_code(const flow::Operation& push, const flow::Operation& alloc,
                                         const flow::Operation& pop);

  // operation_writer.cc
  std::string operation_code(const flow::Operation& op);
  std::string call_code(const flow::Operation& op, const std::string& callee, size_t first_arg, size_t end_arg,
                        bool helper);
  std::string checked_code(const flow::Operation& op, const std::string& call);
  std::string access_path(const flow::Operation& op, size_t first_step, size_t end_step, const lltype::LowLevelType*& type);
  std::string location_error(const flow::Operation& op, const std::string& message);
};

}  // namespace rpp::genc
