// The flow builder: an abstract interpreter of one function's syntax tree that records flow-level
// operations into a FunctionGraph (DESIGN §1 "flow"), as RPython's flow space does on bytecode.
//
// The frame holds Variables and Constants. Operations on constants that Python would compute the
// same way every time are folded; the others are recorded into the current block. A condition on
// a Variable forks: the block ends with a switch and one "egg" block per outcome; flowing an egg
// replays its ancestor block from its start (the recorded operations give back the same result
// Variables) up to the fork, then continues with the egg's outcome — so a fork may happen anywhere
// inside an expression. Blocks end, and states merge, at statement boundaries (once the block has
// recorded something or is an egg), at loop heads, at exception dispatch and at finally / __exit__
// entries; merging a state into an existing block of the same point either links to it (when that
// block is general enough) or replaces it by a block with the union state, which is flowed again.
// Dead branches (a condition on a constant) are never flowed.
//
// Implemented across flow_context.cc (blocks, forks, merges), statements.cc, expressions.cc and
// calls.cc. Internal to translator/flow: other stages use flow_space.h.
#pragma once
#include <deque>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "translator/flow/flow_space.h"
#include "translator/flow/frame_state.h"
#include "translator/flow/model.h"
#include "translator/frontend/object_table.h"
#include "translator/frontend/pyast.h"

namespace rpp::flow {

// Code that is not RPython (or cannot be flowed), at a position of the function's source.
struct FlowError {
  pyast::Pos pos;
  std::string message;
};

// C++ exceptions that unwind the interpreter's own stack.
struct StopFlowing {};                            // the current block is closed
struct PyRaise { Value* etype; Value* evalue; };  // a Python exception being raised
struct ReturnSignal { Value* value; };
struct BreakSignal {};
struct ContinueSignal {};

class FlowBuilder {
 public:
  FlowBuilder(FlowSpace& space, std::shared_ptr<const frontend::FunctionInfo> info,
              const SpecializationKey& key, FunctionGraph& graph);
  // Flows the whole function into the graph. Throws FlowError.
  void build();

 private:
  // ---------------------------------------------------------------- blocks (flow_context.cc)
  enum class Outcome { None, False, True, Normal, Exception };

  // What the builder knows of a block while flowing.
  struct FlowBlock {
    Block* block = nullptr;
    bool egg = false;
    // Spam blocks (starting at a merge point): the state at their start; dead once replaced by a
    // more general block.
    FrameState state;
    bool dead = false;
    // Egg blocks: the block that forked and which of its outcomes this block follows; for an
    // exception outcome, the exception the replay raises.
    FlowBlock* prev = nullptr;
    Outcome outcome = Outcome::None;
    Value* exc_type = nullptr;
    Value* exc_value = nullptr;

    FlowBlock* ancestor();
  };

  // A block of the egg chain being replayed: its operations, then the outcome of `egg`.
  struct Replay {
    FlowBlock* block;
    size_t index;
    FlowBlock* egg;
  };

  FlowBlock* new_spam_block(const FrameState& state);
  FlowBlock* new_egg_block(FlowBlock* prev, Outcome outcome);
  void record_block(FlowBlock* block);
  bool replaying() const { return replay_pos_ < replays_.size(); }
  FrameState current_state(const Point& point) const;
  void set_state(const FrameState& state);
  // Ends the current block with a link to the block for `point` (found or made by merging).
  [[noreturn]] void join(const Point& point);
  void mergeblock(FlowBlock* from, const FrameState& state);
  void link(Block* from, Block* to, std::vector<Value*> args);
  // Records an operation (or, while replaying, checks it and returns the recorded result).
  Variable* record(const std::string& opname, std::vector<Value*> args, pyast::Pos pos);
  bool guessbool(Value* condition);
  // After recording an operation that can raise inside a handler: fork on its exceptions.
  void guessexception(const std::vector<std::string>& cases);
  void close_with(Block* target, std::vector<Value*> args);
  // Ends the block at a statement boundary when it has recorded something or is an egg.
  void boundary();
  // Graph clean-up after flowing: SSI form for egg blocks, empty blocks, single-entry chains.
  void finish_graph();

  // ---------------------------------------------------------------- the frame (statements.cc)
  bool resuming() const { return resume_depth_ < resume_.size(); }
  // The step of the resume path for the statement `s`, when resuming into it.
  const Step* resume_step_into(const pyast::Stmt& s) const;
  void consume_resume_step() { ++resume_depth_; }
  Point point_at(const pyast::Stmt& s, Part part, int handler = 0, int index = 0) const;

  // Entry ownership: an enclosing construct owns at most one entry at a time, at its depth.
  class EntryScope {
   public:
    EntryScope(FlowBuilder& b, const pyast::Stmt& owner, EntryKind kind, std::vector<Value*> values, int tag = 0);
    ~EntryScope();
    Entry& entry() { return b_.entries_[depth_]; }
    void release();  // drop the entry now (the construct goes on without it)
   private:
    FlowBuilder& b_;
    size_t depth_;
    bool released_ = false;
  };

  // Statements.
  void run_function();
  void exec_list(const pyast::Stmt* owner, Part part, int handler, const pyast::StmtList& list);
  void exec_stmt(const pyast::Stmt& s);
  void exec_if(const pyast::If& s);
  void exec_while(const pyast::While& s);
  void exec_for(const pyast::For& s);
  void exec_for_body(const pyast::For& s);
  void exec_try(const pyast::Try& s);
  void exec_try_except(const pyast::Try& s);
  void exec_dispatch(const pyast::Try& s);
  void exec_handler(const pyast::Try& s, int k);  // resuming inside except clause k
  void exec_finally(const pyast::Try& s);
  void exec_with(const pyast::With& s);
  void exec_with_exit(const pyast::With& s);
  void exec_raise(const pyast::Raise& s);
  void exec_assert(const pyast::Assert& s);
  void exec_assign(const pyast::Assign& s);
  void exec_augassign(const pyast::AugAssign& s);
  void exec_delete(const pyast::Delete& s);
  void exec_import(const pyast::Stmt& s);
  void exec_nested_def(const pyast::FunctionDef& s);
  void resignal(Unroll kind, const std::vector<Value*>& payload);

  // ---------------------------------------------------------------- expressions (expressions.cc)
  Value* eval(const pyast::Expr& e);
  Value* eval_name(const pyast::Name& e);
  Value* eval_attribute(const pyast::Attribute& e);
  Value* eval_subscript(const pyast::Subscript& e);
  Value* eval_compare(const pyast::Compare& e);
  Value* eval_boolop(const pyast::BoolOp& e);
  Value* eval_joinedstr(const pyast::JoinedStr& e);
  Value* eval_lambda(const pyast::Lambda& e);
  Value* compare(pyast::CmpOperator op, Value* a, Value* b, pyast::Pos pos);
  // bool(v) and a fork on it.
  bool truth(Value* v, pyast::Pos pos);
  void assign(const pyast::Expr& target, Value* value);
  std::vector<Value*> unpack(Value* value, size_t count, pyast::Pos pos);
  Value* load_local(const std::string& name, pyast::Pos pos);
  void store_local(const std::string& name, Value* value, pyast::Pos pos);
  // An operation: folded when pure and every argument is a foldable constant, else recorded
  // (with its exception links when a handler would catch them, or always for `next`).
  Value* op(const std::string& opname, std::vector<Value*> args, pyast::Pos pos);
  Value* op_with_cases(const std::string& opname, std::vector<Value*> args, pyast::Pos pos,
                       const std::vector<std::string>& cases, bool force_exception_links = false);
  Constant* constant(const ConstValue& value);
  // A constant met as a global, attribute, closure cell or import: classes are checked here.
  Constant* object_constant(const ConstValue& value, pyast::Pos pos);
  std::optional<PyObjectRef> as_ref(Value* v) const;
  Value* raise_new(const std::string& builtin_class, std::vector<Value*> args, pyast::Pos pos);
  // Exception matching for except clauses: folded on constant classes.
  bool exception_match(Value* etype, Value* cls, pyast::Pos pos);
  [[noreturn]] void error(pyast::Pos pos, const std::string& message);

  // ---------------------------------------------------------------- calls (calls.cc)
  Value* eval_call(const pyast::Call& e);
  Value* call_super_method(const pyast::Call& e, const pyast::Attribute& attr, const pyast::Call& super_call);
  // A call of a constant Python function with its arguments bound to the signature (keywords
  // and defaults resolved): simple_call(f, every parameter).
  Value* call_function(PyObjectRef function, std::vector<Value*> positional,
                       std::vector<std::pair<std::string, Value*>> keywords, pyast::Pos pos,
                       Value* bound_self = nullptr);
  // The arguments of such a call, one per parameter (the *args tuple made); with `bound_self`,
  // the first parameter is bound to it (and included). nullopt when the function takes **kwargs.
  std::optional<std::vector<Value*>> bind_arguments(PyObjectRef function, std::vector<Value*> positional,
                                                    std::vector<std::pair<std::string, Value*>> keywords,
                                                    pyast::Pos pos, Value* bound_self);
  Value* call_special(const std::string& name, const pyast::Call& e, std::vector<Value*>& args,
                      std::vector<std::pair<std::string, Value*>>& keywords, bool& handled);
  Value* generic_call(Value* callee, std::vector<Value*> args, std::vector<std::pair<std::string, Value*>> keywords,
                      Value* star, pyast::Pos pos);
  std::vector<std::string> call_exceptions(Value* callee);
  // Results of calls of constant classes: `raise E(...)` raises exactly E.
  std::unordered_map<const Value*, PyObjectRef> instance_of_;

  // What forks decided on the current path: the truth of results of comparisons (which cannot
  // change), so that `a < b < c` or `if x and y:` test each value once. Rebuilt by replays.
  std::unordered_map<const Value*, bool> known_truth_;
  std::unordered_map<const Value*, bool> boolean_results_;
  // The value whose truth was tested last, while no operation was recorded since: `a and b or c`
  // hands `a` on to `or`, which need not test it again.
  const Value* last_tested_ = nullptr;
  bool last_truth_ = false;

  // ---------------------------------------------------------------- data
  FlowSpace& space_;
  frontend::ObjectTable& objects_;
  std::shared_ptr<const frontend::FunctionInfo> info_;
  const pyast::FunctionDef& fdef_;
  SpecializationKey key_;
  FunctionGraph& graph_;
  std::shared_ptr<const std::string> file_;

  // Scope: local slots (co_varnames, co_cellvars, hidden comprehension names), declarations.
  std::vector<std::string> local_names_;
  std::unordered_map<std::string, size_t> local_slots_;
  std::unordered_map<std::string, size_t> free_slots_;
  std::unordered_map<std::string, pyast::Pos> declared_global_, declared_nonlocal_;

  // Blocks.
  std::deque<FlowBlock> flow_blocks_;
  std::deque<FlowBlock*> pending_;
  std::unordered_map<std::string, std::vector<FlowBlock*>> joinpoints_;
  FlowBlock* current_ = nullptr;
  std::vector<Replay> replays_;
  size_t replay_pos_ = 0;

  // The frame.
  std::vector<Value*> locals_;
  std::vector<Entry> entries_;
  size_t entry_depth_ = 0;
  Point path_;
  Point resume_;
  size_t resume_depth_ = 0;
  int protected_depth_ = 0;
};

}  // namespace rpp::flow
