// The abstract frame of the flow builder (as RPython's flowspace/framestate.py, on an AST):
// where the interpreter is (a Point: a path of statement positions), the value of every local
// (a Variable, a Constant, or undefined) and the dynamic data of the enclosing constructs (for
// iterators, exceptions being handled, pending `finally` unrollers...). States are compared and
// merged where control flow joins: equal constants stay constants, anything else generalizes to a
// fresh Variable, a local undefined on one side is undefined.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "translator/flow/model.h"
#include "translator/frontend/pyast.h"

namespace rpp::flow {

// Which part of a compound statement a step of a Point is in.
enum class Part : uint8_t {
  Body,        // a statement list: the function body, if/while/for/with/try bodies
  OrElse,      // else: of if / while / for / try
  Handler,     // the body of except clause number `handler`
  FinalBody,   // the body of finally:
  LoopHead,    // the test of a while loop, or the next() of a for loop
  Dispatch,    // choosing the except clause for a pending exception
  Finally,     // entering finally: with a pending unroller
  WithExit,    // calling __exit__ of a with statement with a pending unroller
};

// One step of a path: the part `part` of `stmt` (nullptr: the function body), and for the
// statement-list parts the index of the next statement in that list.
struct Step {
  const pyast::Stmt* stmt = nullptr;
  Part part = Part::Body;
  int handler = 0;
  int index = 0;
  bool operator==(const Step&) const = default;
};
using Point = std::vector<Step>;

// What an enclosing construct keeps while the code inside it runs.
enum class EntryKind : uint8_t {
  ForIterator,   // values: [iterator]
  ForUnrolled,   // an unrolling_iterable loop: values [the iterable constant], tag: next index
  Handling,      // inside an except clause: values [etype, evalue] (for a bare `raise`)
  PendingRaise,  // at a Dispatch point: values [etype, evalue]
  Unroller,      // in a finally: body: tag: the Unroll kind; values: its payload
  WithBody,      // in a with body: values [__exit__]
  WithExit,      // at a WithExit point: tag: the Unroll kind; values [__exit__, payload...]
};

// Why a finally: (or a with's __exit__) runs.
enum class Unroll : int { Normal, Return, Break, Continue, Raise };

struct Entry {
  EntryKind kind;
  int tag = 0;
  const pyast::Stmt* owner = nullptr;
  std::vector<Value*> values;
};

// The value of a local that is unbound on this path although the code assigns it elsewhere: after a
// `with` whose __exit__ suppressed an exception raised before the body assigned it. Reading it
// raises UnboundLocalError, as in CPython. States differing in which locals are unbound never
// merge (like RPython's SpecTag).
class UnboundLocal : public ConstPayload {
 public:
  std::string repr() const override { return "<unbound>"; }
  bool equals(const ConstPayload& other) const override { return dynamic_cast<const UnboundLocal*>(&other); }
  size_t hash() const override { return 0x756e626f; }
};
bool is_unbound(const Value* v);

struct FrameState {
  Point point;
  std::vector<Value*> locals;  // nullptr: undefined
  std::vector<Entry> entries;

  // Every value that is merged: the locals, then the entries' values.
  std::vector<Value*> mergeable() const;
  // The Variables of mergeable(), in order: the input arguments of a block starting here.
  std::vector<Variable*> variables() const;
  // Same point and same entry kinds, tags, owners and sizes.
  bool same_shape(const FrameState& other) const;
  // True when this state is at least as general as `incoming` (same shape; where this has a
  // Constant, incoming has the same constant; where this has a value, incoming has one).
  bool generalizes(const FrameState& incoming) const;
  // The values `incoming` passes to a block whose state is this one (one per Variable here).
  std::vector<Value*> outputargs_from(const FrameState& incoming) const;
  // The union of two states of the same shape, with fresh Variables of `graph` where they differ.
  static FrameState unite(const FrameState& a, const FrameState& b, FunctionGraph& graph,
                          const std::vector<std::string>& local_names);
  // A copy whose Variables are fresh (the state at the start of a new block).
  FrameState with_fresh_variables(FunctionGraph& graph, const std::vector<std::string>& local_names) const;

 private:
  std::vector<Value**> mergeable_slots();
};

}  // namespace rpp::flow
