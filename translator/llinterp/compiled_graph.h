// The compiled form of a low-level graph for the ll interpreter: variables numbered into frame
// slots, constants turned into words once, every operation resolved to what it does (an ops.h
// evaluator, a load or store at a known offset, a call, an allocation...), links with their
// argument slots and their exception cases as class-id ranges. Made once per graph on its first
// call (compile_graph); unsupported operations are reported here, at their source location.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "rtyper/lltype/memory_layout.h"
#include "translator/flow/model.h"
#include "translator/ll/helper_table.h"
#include "translator/llinterp/heap.h"
#include "translator/llinterp/operation_evaluators.h"

namespace rpp::llinterp {

// An operand: a frame slot (>= 0) or a constant (-1 - index into CompiledGraph::constants).
using Operand = int32_t;

enum class OpCode : uint8_t {
  Evaluate,        // an OPS operation through its ops.h evaluator
  Copy,            // same_as, casts between pointers and addresses, hint, jit_force_virtual
  Load,            // getfield, raw_load: a value of `type` at arg0 + offset (+ arg1 for raw_load)
  Store,           // setfield, bare_setfield, raw_store
  Address,         // getsubstruct: arg0 + offset
  ArrayLoad,       // getarrayitem
  ArrayStore,      // setarrayitem, bare_setarrayitem
  ArrayAddress,    // getarraysubstruct
  ArrayLength,     // getarraysize
  InteriorLoad,    // getinteriorfield
  InteriorStore,   // setinteriorfield
  InteriorLength,  // getinteriorarraysize
  DirectCall,      // a graph or a helper, constant
  IndirectCall,    // through a function word
  Malloc,          // malloc, malloc_varsize (arg0: the length)
  IdentityHash,    // gc_identityhash, gc_id: the address (objects never move here)
  ConditionalCall,       // jit_conditional_call(cond, fn, args...)
  ConditionalCallValue,  // jit_conditional_call_value(value, fn, args...)
  IsVirtual,       // jit_is_virtual: false
  StackCheck,      // RecursionError when the interpreter's call depth is exhausted
  DebugAssert,     // debug_assert(cond, "message")
  FatalError,      // debug_fatalerror
  Nop,             // GC, JIT markers and hints with no effect when interpreted
};

// One step of an interior path: a field (a constant offset) or an array index.
struct InteriorStep {
  bool is_index = false;
  int64_t offset = 0;                // a field's offset
  Operand index = 0;                 // an index operand
  lltype::VarsizeLayout array;       // the indexed array
};

struct CompiledOp {
  OpCode code = OpCode::Nop;
  const OperationEvaluator* evaluator = nullptr;
  std::vector<Operand> args;
  int32_t result = -1;  // slot, or -1 (Void)
  const lltype::LowLevelType* type = nullptr;  // the value loaded or stored
  int64_t offset = 0;
  lltype::VarsizeLayout array;
  std::vector<InteriorStep> path;
  const lltype::ContainerType* alloc_type = nullptr;
  flow::FunctionGraph* graph = nullptr;       // DirectCall of a graph
  const ll::HelperInfo* helper = nullptr;     // DirectCall of a helper
  std::string text;                           // DebugAssert's message
  const flow::Operation* source = nullptr;
};

struct CompiledLink {
  int32_t target = -1;  // block index
  std::vector<Operand> args;
  int32_t last_exception = -1;  // slots bound on an exception link
  int32_t last_exc_value = -1;
  // A switch case: its word; an exception case: the class-id range it catches.
  Word case_word = 0;
  bool is_default = false;
  int64_t catch_min = 0, catch_max = 0;
};

struct CompiledBlock {
  enum class Kind : uint8_t { Normal, Return, Except } kind = Kind::Normal;
  std::vector<int32_t> inputs;
  std::vector<CompiledOp> ops;
  enum class Exit : uint8_t { Goto, Switch, Catch, None } exit = Exit::None;
  Operand exitswitch = 0;
  std::vector<CompiledLink> exits;
};

struct CompiledGraph {
  flow::FunctionGraph* graph = nullptr;
  std::vector<CompiledBlock> blocks;  // blocks[0] is the start block
  std::vector<Word> constants;
  size_t slot_count = 0;
};

// Compiles a graph (throws InterpError, located, for what the interpreter cannot run).
std::unique_ptr<CompiledGraph> compile_graph(flow::FunctionGraph& graph, Heap& heap);

// `FILE:LINE:COL: ` for an operation (or `graph NAME: ` when it has no location).
std::string location_prefix(const flow::Operation* op, const flow::FunctionGraph* graph);

}  // namespace rpp::llinterp
