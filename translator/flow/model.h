// The graph model shared by every stage (DESIGN §1): FunctionGraph, Block, Link, Operation, and the
// values Variable and Constant. Graphs are mutated in place by every stage, from flow graphs
// (Python-level operations) to low-level graphs (operations of the low-level table, every value with
// a concretetype). A graph owns all its blocks, variables and constants (stable addresses), so
// values are plain pointers; links are owned by the block they leave.
//
// Invariants (checked by the graph checker after every stage in tests): a Variable lives in one
// block (defined as an input argument, an operation result, or a link's last_exception /
// last_exc_value) and crosses blocks only through Link::args (SSI); an operation that can raise is
// the last of its block, whose exitswitch is last_exception; every operation has a location.
#pragma once
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace rpp::lltype {
class LowLevelType;  // rtyper/lltype: the concrete type of a value after rtyping
}
namespace rpp::annotator {
class SomeValue;  // annotator/: the inferred type of a value
}

namespace rpp::flow {

class FunctionGraph;

// Where an operation comes from in the user's source; `inlined_at` is the call site it was
// inlined into (a chain, innermost first). `function` names the function a location of such a
// chain is in (set by inlining on every entry but the last, which is in the graph holding the
// operation): a translated program's traceback prints inlined functions as frames.
struct SourceLocation {
  std::shared_ptr<const std::string> file;
  int line = 0;
  int col = 0;
  std::shared_ptr<const SourceLocation> inlined_at;
  std::shared_ptr<const std::string> function;
  bool known() const { return file != nullptr && line > 0; }
};

// A Python object seen by the frontend (function, class, module, prebuilt instance, ...): an index
// into the frontend's object table, so py::object never enters the graph model.
struct PyObjectRef {
  uint32_t id = 0;
  bool operator==(const PyObjectRef&) const = default;
};

// A bytes value (distinct from str, which is UTF-8 text in std::string).
struct Bytes {
  std::string data;
  bool operator==(const Bytes&) const = default;
};

struct NoneValue {
  bool operator==(const NoneValue&) const = default;
};

// A graph as a constant (the callee of direct_call, a function pointer).
struct GraphRef {
  FunctionGraph* graph = nullptr;
  bool operator==(const GraphRef&) const = default;
};

// Marker constant: the exitswitch of a block whose last operation can raise.
struct LastExceptionMarker {
  bool operator==(const LastExceptionMarker&) const = default;
};

// Marker exitcase: the `default` case of a switch.
struct DefaultCase {
  bool operator==(const DefaultCase&) const = default;
};

// Constants that later stages define (low-level pointers to prebuilt objects, symbolic offsets
// and sizes, descriptors...): printed, compared and hashed through this interface.
class ConstPayload {
 public:
  virtual ~ConstPayload() = default;
  virtual std::string repr() const = 0;
  virtual bool equals(const ConstPayload& other) const = 0;
  virtual size_t hash() const = 0;
};

using ConstValue = std::variant<NoneValue, bool, int64_t, uint64_t, double, std::string, Bytes,
                                PyObjectRef, GraphRef, LastExceptionMarker, DefaultCase,
                                std::shared_ptr<const ConstPayload>>;

bool const_value_equal(const ConstValue& a, const ConstValue& b);

class Value {
 public:
  enum class Kind { Variable, Constant };
  explicit Value(Kind kind) : kind_(kind) {}
  virtual ~Value() = default;
  Kind kind() const { return kind_; }
  bool is_variable() const { return kind_ == Kind::Variable; }
  bool is_constant() const { return kind_ == Kind::Constant; }

  const lltype::LowLevelType* concretetype = nullptr;        // set by the rtyper
  std::shared_ptr<const annotator::SomeValue> annotation;    // set by the annotator

 private:
  Kind kind_;
};

class Variable : public Value {
 public:
  Variable() : Value(Kind::Variable) {}
  std::string name_hint;  // the Python name it came from, if any (dumps show it)
  uint32_t serial = 0;    // creation order within its graph (dumps renumber anyway)
};

class Constant : public Value {
 public:
  explicit Constant(ConstValue v) : Value(Kind::Constant), value(std::move(v)) {}
  ConstValue value;
};

struct Operation {
  std::string opname;            // a name from the flow-level or the low-level operation table
  std::vector<Value*> args;
  Variable* result = nullptr;    // every operation has a result (Void-typed when unused)
  SourceLocation location;
};

class Block;

struct Link {
  std::vector<Value*> args;      // one per target->inputargs
  Block* target = nullptr;
  Block* prevblock = nullptr;
  // nullptr for an unconditional exit or the normal exit of a raising block; otherwise the case
  // (bool, int, char/str, exception class, DefaultCase).
  Constant* exitcase = nullptr;
  Constant* llexitcase = nullptr;      // the exitcase as a low-level value (after rtyping)
  // On the exception links of a raising block: variables bound to the exception class and value,
  // defined on the link and usable in `args`.
  Variable* last_exception = nullptr;
  Variable* last_exc_value = nullptr;
};

class Block {
 public:
  std::vector<Variable*> inputargs;
  std::vector<Operation> operations;
  // nullptr: one unconditional exit (or none for the return/except blocks); a Variable: a switch
  // on its value; the graph's last_exception constant: the last operation can raise.
  Value* exitswitch = nullptr;
  std::vector<std::unique_ptr<Link>> exits;

  bool raises() const;  // exitswitch is last_exception
  Link* add_exit(Block* target, std::vector<Value*> args, Constant* exitcase = nullptr);
  void clear_exits() { exits.clear(); }
  bool is_final() const { return exits.empty(); }
};

// Flags a graph keeps from its function (set from rlib's decorators; read by the JIT, inlining...).
struct GraphFlags {
  bool elidable = false;
  bool dont_look_inside = false;
  bool unroll_safe = false;
  bool look_inside_iff = false;
  bool loop_invariant = false;
  bool always_inline = false;
  bool dont_inline = false;
  std::string oopspec;
};

class FunctionGraph {
 public:
  explicit FunctionGraph(std::string name);
  FunctionGraph(const FunctionGraph&) = delete;
  FunctionGraph& operator=(const FunctionGraph&) = delete;

  std::string name;            // e.g. `Interpreter.run`, plus a specialization suffix
  Block* startblock = nullptr;
  Block* returnblock = nullptr;   // one input argument: the result; no operations, no exits
  Block* exceptblock = nullptr;   // two input arguments: exception class and value
  GraphFlags flags;
  SourceLocation location;        // the `def` line
  PyObjectRef func;               // the Python function (frontend object table), if any
  std::vector<std::string> arg_names;

  // Arena: everything below is owned by the graph.
  Variable* new_variable(std::string name_hint = "");
  Constant* new_constant(ConstValue value);
  Block* new_block(std::vector<Variable*> inputargs = {});
  Constant* last_exception();     // the exitswitch marker of raising blocks

  // Blocks reachable from startblock, depth-first, in a deterministic order (exits in order).
  std::vector<Block*> iterblocks() const;
  // Every link between reachable blocks, in the same order.
  std::vector<Link*> iterlinks() const;

 private:
  std::deque<Variable> variables_;
  std::deque<Constant> constants_;
  std::deque<Block> blocks_;
  Constant* last_exception_ = nullptr;
  uint32_t next_serial_ = 0;
};

}  // namespace rpp::flow
