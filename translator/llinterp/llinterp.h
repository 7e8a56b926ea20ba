// The ll interpreter (DESIGN §3): runs low-level graphs — parsed from LL text or made by the
// rtyper — on the real runtime: objects in real memory laid out by runtime/layout.h (heap.h),
// every OPS operation through its function in runtime/ops.h (operation_evaluators.h), runtime
// helpers through the helper table (helper_calls.h), the exception state of layout.h for what
// helpers raise. It cannot drift from compiled code because it shares all of that with it.
//
// Graphs are compiled on first call into a compact form (slots for variables, constants turned
// into words once). Exceptions follow the graph model: an operation that raises at the end of a
// block whose exitswitch is last_exception takes the first exception link whose class (a vtable
// constant) contains the raised class — `min <= raised.subclassrange_min < max`; elsewhere it
// leaves the graph through its except block, to the caller.
//
// With `check_overflow`, an operation that is not `_ovf` and wraps around (operation_evaluators.h)
// stops the run with a located report (exit code kOverflowExitCode).
#pragma once
#include <cstdio>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "rtyper/lltype/static_data.h"
#include "rtyper/lltype/type_arena.h"
#include "translator/diagnostics.h"
#include "translator/flow/model.h"
#include "translator/llinterp/heap.h"
#include "translator/llinterp/words.h"

namespace rpp::llinterp {

inline constexpr int kOverflowExitCode = 3;

struct InterpOptions {
  bool check_overflow = false;  // report wraparound of operations that are not _ovf
  size_t max_depth = 200000;    // nested calls before RecursionError
  // The graphs went through the exception transform: exceptions travel in the exception state
  // (rpp_globals), an operation that fails sets it and goes on, and reaching a graph's except
  // block returns to the caller (which tests exc_occurred()).
  bool exceptions_transformed = false;
};

// Where an exception an operation raises comes from: the rtyper's static data knows the
// instance (with its message) for each operation and error; otherwise (LL modules written by
// hand) an instance of the struct named after the exception class, fields zeroed, is made.
struct RaisedException {
  Word type = 0;   // the vtable
  Word value = 0;  // the instance
};

// A run that cannot go on: a wraparound under the overflow check, a graph the interpreter cannot
// run (an operation with no meaning here, a missing helper body, an index out of bounds...).
class InterpError : public UserError {
 public:
  using UserError::UserError;
};

struct CompiledGraph;

class LLInterpreter {
 public:
  LLInterpreter(lltype::TypeArena& types, const lltype::StaticData* static_data, InterpOptions options = {});
  ~LLInterpreter();
  LLInterpreter(const LLInterpreter&) = delete;
  LLInterpreter& operator=(const LLInterpreter&) = delete;

  struct Outcome {
    bool raised = false;
    Word value = 0;            // the result (when not raised)
    RaisedException exception;  // when raised
  };
  // Runs `graph` with one word per input argument. Throws InterpError.
  // With exceptions_transformed, an exception left in the exception state by the outermost
  // graph is reported as raised (and the state cleared).
  Outcome call(flow::FunctionGraph* graph, const std::vector<Word>& args);

  Heap& heap() { return heap_; }
  const InterpOptions& options() const { return options_; }
  // The exception an operation raises: `opname` failed with `error` (OverflowError, ...), or a
  // runtime error of the interpreter itself (`RecursionError`).
  RaisedException operation_exception(const std::string& opname, const char* error_name, const char* class_name);
  // `Cls: message` for an exception (its class name, and str(args[0]) when it can be found).
  std::string describe_exception(const RaisedException& e);

  // Writes out the runtime's stdout buffer (what print_str buffered).
  void flush_output();

 private:
  friend struct Runner;
  lltype::TypeArena& types_;
  const lltype::StaticData* static_data_;
  InterpOptions options_;
  Heap heap_;
  std::unordered_map<const flow::FunctionGraph*, std::unique_ptr<CompiledGraph>> compiled_;
  size_t depth_ = 0;

  CompiledGraph& compiled(flow::FunctionGraph* graph);
  Outcome call_graph(flow::FunctionGraph* graph, const std::vector<Word>& args);
};

}  // namespace rpp::llinterp
