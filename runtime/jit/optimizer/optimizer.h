// The trace optimizer (RPython's optimizeopt): one forward walk over a trace, each operation
// sent through a chain of passes (bounds → guards → virtuals → heap → virtualizables → pure), each of which may
// rewrite it, replace its result by a known value, or pass it on; the end of the chain emits it.
// Then dead operations are removed and the optimized Trace is built, with every guard's resume
// data (resume_data.h) encoded in the result's ResumeStorage.
//
// Values of the optimized trace are Boxes: variables (inputs and results), constants, and
// virtuals (allocations not emitted, described by their fields). An input value is forwarded to
// a Box; a Box may be made equal to another one (after a guard_value, when a virtual is forced).
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "runtime/jit/ir/trace.h"
#include "runtime/jit/ir/trace_namespace.h"
#include "runtime/jit/optimizer/int_bound.h"
#include "runtime/jit/optimizer/resume_data.h"

namespace rpp::jit::opt {

using Box = uint32_t;
inline constexpr Box kNoBox = UINT32_MAX;

// Which passes run (all by default).
struct OptimizerConfig {
  bool bounds = true, guards = true, virtuals = true, heap = true, virtualizables = true, pure = true,
       dead_ops = true, peel = true;
  // Parses "all", "none" or a comma list of bounds,guards,virtuals,heap,vable,pure,dce,peel. Empty
  // on success, otherwise the error.
  std::string parse(const std::string& list);
};

struct OptimizeStats {
  size_t ops_in = 0, ops_out = 0, allocs_in = 0, allocs_out = 0, guards_in = 0, guards_out = 0;
};

// A peeled loop's entry (its short preamble's contract): what a jump to the loop label must
// establish. The label's arguments are the leaves of the virtual state: the loop's original
// arguments (`roots`, each a leaf or a virtual of that shape), the virtualizable fields it keeps
// in registers, the heap contents, array items and pure results it knows; `facts` are assumed
// about each leaf. A bridge jumping to the loop (short_preamble.cc) re-establishes them.
struct LoopEntry {
  struct Node {
    int leaf = -1;  // >= 0: a plain value, the label's leaf-th argument
    VirtualKind kind = VirtualKind::Struct;
    const Descr* descr = nullptr;
    Opcode alloc = Opcode::New;
    ValueType item_type = ValueType::Int;
    std::vector<std::pair<const FieldDescr*, int>> fields;
    std::vector<int> items;  // -1: never set (zero)
  };
  struct Fact {
    bool is_const = false;
    Word bits = 0;
    ValueType type = ValueType::Int;
    Word known_class = 0;
    bool nonnull = false;
    bool is_bool = false;
    int64_t lo = INT64_MIN, hi = INT64_MAX;
  };
  struct HeapLink {
    const FieldDescr* field;
    size_t object_leaf, value_leaf;
  };
  struct ItemLink {
    const ArrayDescr* array;
    size_t object_leaf;
    int64_t index;
    size_t value_leaf;
  };
  struct PureArg {
    int64_t leaf;  // -1: the constant (type, bits)
    ValueType type;
    Word bits;
  };
  struct PureLink {
    Opcode opcode;
    const Descr* descr;
    std::vector<PureArg> args;
    ValueType type;
    size_t value_leaf;
  };
  struct VableLink {
    const FieldDescr* field;
    size_t object_leaf;
    int value_root;  // a node
    bool dirty;      // the loop writes it back when it is left (else memory must hold it)
    bool heap;       // a delayed write of the heap pass (not a virtualizable field)
  };
  TargetToken* label = nullptr;           // the peeled loop's label
  const TargetToken* preamble = nullptr;  // the original label (the preamble's), which jumps name
  std::vector<Node> nodes;
  std::vector<int> roots;  // per argument of the original label
  std::vector<Fact> facts;  // per leaf
  std::vector<HeapLink> heap;
  std::vector<ItemLink> items;
  std::vector<PureLink> pure;
  std::vector<VableLink> vable;
};

// The entries of peeled loops, by their original label (what jumps name).
using LoopEntries = std::map<const Descr*, std::shared_ptr<const LoopEntry>>;

struct OptimizedTrace {
  Trace trace;
  std::shared_ptr<ResumeStorage> resume;
  // Per operation of `trace`: its guard's index in `resume`, or -1.
  std::vector<int32_t> resume_index;
  OptimizeStats stats;
  // Loop peeling: whether the loop was peeled, and the state a jump to the peeled loop's label
  // must establish (its virtual state and the facts the loop assumes; print_loop_entry).
  bool peeled = false;
  std::shared_ptr<const LoopEntry> entry;  // peeled loops
  // Bridges: whether the final jump went to a peeled loop's label with its short preamble inlined.
  bool short_preamble = false;
};

// A virtual object: an allocation whose fields the optimizer tracks instead of emitting it.
struct VirtualObject {
  VirtualKind kind = VirtualKind::Struct;
  const Descr* descr = nullptr;                           // SizeDescr or ArrayDescr
  Opcode alloc = Opcode::New;                             // how to allocate it when forced
  std::vector<std::pair<const FieldDescr*, Box>> fields;  // struct/object: fields set, in order
  std::vector<Box> items;                                 // array/string items (kNoBox: never set, i.e. zero)
  // An array of structs: its length and the interior fields set (item, descriptor, value).
  int64_t interior_length = 0;
  std::vector<std::tuple<uint32_t, const InteriorFieldDescr*, Box>> interior;
  ValueType item_type = ValueType::Int;
  Box forced = kNoBox;  // once forced: the allocated object
};

struct BoxInfo {
  ValueType type = ValueType::Int;
  bool is_const = false;
  Word bits = 0;
  int32_t virtual_index = -1;  // a virtual
  Box equal_to = kNoBox;       // replaced by another box
  // facts
  bool is_bool = false;  // 0 or 1 (the result of a comparison)
  bool nonnull = false;
  Word known_class = 0;
  int32_t nonnull_guard = -1;  // the emitted guard_nonnull that made it nonnull (for strengthening)
  IntBound bound;              // ints
};

// A field's known content (the heap cache's entries), carried across a peeled loop's label;
// also a write the heap pass delays (a lazy setfield).
struct HeapEntry {
  const FieldDescr* field;
  Box object, value;
};

// A virtualizable field's value kept by the virtualizables pass; dirty: not written back yet.
struct VableEntry {
  const FieldDescr* field;
  Box object, value;
  bool dirty;
};

// An array item's known content (constant index), carried across a peeled loop's label.
struct ItemEntry {
  const ArrayDescr* array;
  Box object, index, value;
};

// A pure operation's known result (the pure pass's table), carried across a peeled loop's label.
struct PureEntry {
  Opcode opcode;
  const Descr* descr;
  std::vector<Box> args;
  Box result;
};

// An operation on its way through the passes: arguments are Boxes.
struct PendingOp {
  Opcode opcode;
  std::vector<Box> args;
  Descr* descr = nullptr;
  ValueType result_type = ValueType::Void;
  ValueId old_result = kNoValue;          // the input trace's result value (forwarded when emitted)
  Snapshot snapshot;                      // guards: where to resume
  std::vector<HeapEntry> pending_writes;  // guards: delayed writes to do when resuming
};

struct EmittedOp {
  Opcode opcode;
  std::vector<Box> args;
  Descr* descr = nullptr;
  Box result = kNoBox;
  std::vector<Box> fail_args;
  int32_t resume = -1;
};

class Optimizer;

class Pass {
 public:
  explicit Pass(Optimizer& opt) : opt_(opt) {}
  virtual ~Pass() = default;
  virtual const char* name() const = 0;
  virtual void propagate(PendingOp& op) = 0;
  // A label: everything known about earlier values is forgotten.
  virtual void reset() {}
  // A virtual was forced: `obj` is now allocated with the virtual's fields and items stored.
  virtual void forced(Box obj, const VirtualObject& v) { (void)obj, (void)v; }
  // The heap cache's field entries, for loop peeling (only the heap pass has any).
  virtual void export_heap(std::vector<HeapEntry>& out) { (void)out; }
  virtual void export_items(std::vector<ItemEntry>& out) { (void)out; }
  virtual void import_item(const ItemEntry& e) { (void)e; }
  virtual Box cached_item(const ArrayDescr* array, Box object, Box index) {
    (void)array, (void)object, (void)index;
    return kNoBox;
  }
  // The pure pass's results, for loop peeling.
  virtual void export_pure(std::vector<PureEntry>& out) { (void)out; }
  virtual void import_pure(const PureEntry& e) { (void)e; }
  virtual Box lookup_pure(Opcode opcode, const Descr* descr, const std::vector<Box>& args) {
    (void)opcode, (void)descr, (void)args;
    return kNoBox;
  }
  // Emits what the pass delayed (before labels, jumps and finishes).
  virtual void flush() {}
  // The same, except the virtualizable fields in `keep` (they cross a peeled loop's label as
  // values): the virtualizables pass forgets them without writing them back (and writes back
  // the others).
  virtual void flush_keeping(const std::vector<VableEntry>& keep) {
    (void)keep;
    flush();
  }
  // Emits what the pass delayed except the writes in `keep`, which stay delayed.
  virtual void flush_except(const std::vector<VableEntry>& keep) {
    (void)keep;
    flush();
  }
  // The virtualizables pass's values and the heap pass's delayed writes (always dirty), for
  // loop peeling.
  virtual void export_vable(std::vector<VableEntry>& out) { (void)out; }
  virtual void import_vable(const VableEntry& e) { (void)e; }
  virtual const VableEntry* cached_vable(const FieldDescr* field, Box object) {
    (void)field, (void)object;
    return nullptr;
  }
  virtual void import_heap(const HeapEntry& e) { (void)e; }
  virtual Box cached_field(const FieldDescr* field, Box object) {
    (void)field, (void)object;
    return kNoBox;
  }
  void set_next(Pass* next) { next_ = next; }

 protected:
  void emit_next(PendingOp& op);
  Optimizer& opt_;
  Pass* next_ = nullptr;
};

class Optimizer {
 public:
  Optimizer(TraceNamespace& names, OptimizerConfig config);
  ~Optimizer();

  // `snapshots[i]` is the snapshot of the input's i-th operation (guards); a guard without one
  // resumes from a single frame (jitcode 0, pc = its operation index) holding its fail arguments.
  // A jump to a label of `entries` goes to that peeled loop's label, re-establishing its entry.
  OptimizedTrace run(const Trace& input, const std::vector<Snapshot>& snapshots = {},
                     const LoopEntries* entries = nullptr);

  // ---- for passes ----
  Box resolve(Box b) const;
  BoxInfo& info(Box b) { return boxes_[resolve(b)]; }
  const BoxInfo& info(Box b) const { return boxes_[resolve(b)]; }
  bool is_const(Box b) const { return info(b).is_const; }
  int64_t const_int(Box b) const { return static_cast<int64_t>(info(b).bits); }
  Box make_const(ValueType type, Word bits);
  Box make_const_int(int64_t v) { return make_const(ValueType::Int, static_cast<Word>(v)); }
  Box new_box(ValueType type);
  // The input's value `old` is now `b`.
  void forward(ValueId old, Box b) { forward_[old] = b; }
  // Every use of `from` becomes a use of `to`.
  void make_equal(Box from, Box to);

  VirtualObject* virtual_of(Box b);
  Box make_virtual(VirtualObject v, ValueType type = ValueType::Ref);
  // Emits the allocation and stores of a virtual (recursively); returns the real object.
  Box force(Box b);
  Box force_if_virtual(Box b) { return virtual_of(b) ? force(b) : resolve(b); }

  // Emits an operation created by a pass (bypassing the passes after it); returns its result.
  Box emit_direct(Opcode opcode, std::vector<Box> args, Descr* descr, ValueType result_type);
  // Drops the next operation of the input if it is `guard` (after an _ovf operation or a call
  // that was folded or shared).
  void drop_next_guard(Opcode guard) { drop_next_ = guard; }
  Opcode next_input_opcode() const;
  // The Box an input value was forwarded to (resolved), or kNoBox.
  Box forwarded(ValueId old) const;
  std::vector<EmittedOp>& emitted() { return emitted_; }
  TraceNamespace& names() { return names_; }
  const OptimizerConfig& config() const { return config_; }
  // The snapshot of the last guard emitted, while no operation with side effects followed it.
  const Snapshot& last_safe_snapshot() const { return last_safe_snapshot_; }

  void emit_final(PendingOp& op);

 private:
  Box arg_box(ValueId old);
  // short_preamble.cc: emits the jump `op` to the peeled loop of `entry` (guards, reads and
  // computations re-establishing the entry first); false (nothing done) when it cannot.
  bool jump_to_peeled_loop(PendingOp& op, const LoopEntry& entry);
  Snapshot snapshot_of(const Op& op);
  void handle_label(const Op& op);
  void begin_run(const Trace& in, const std::vector<Snapshot>& snapshots);
  void process(size_t begin, size_t end);
  OptimizedTrace finish_run();
  // Loop peeling (peel.cc): the optimized trace, or nullopt when this loop cannot be peeled.
  std::optional<OptimizedTrace> run_peeled(const Trace& in, const std::vector<Snapshot>& snapshots);
  // Emits a label over `values` (same_as for constants and repeated values); returns its arguments.
  std::vector<Box> emit_label(const std::vector<Box>& values, Descr* descr);
  void forget_facts();
  void encode_resume(EmittedOp& e, const Snapshot& snapshot, const std::vector<HeapEntry>& writes);
  void flush_passes() {
    for (auto& p : passes_) p->flush();
  }
  // Flushes every pass but the virtualizables pass (whose values may cross a peeled loop's label).
  void flush_passes_but_vable() {
    for (auto& p : passes_)
      if (p.get() != vable_pass_) p->flush();
  }
  Trace build_output(std::vector<int32_t>& resume_index);

  TraceNamespace& names_;
  OptimizerConfig config_;
  std::vector<std::unique_ptr<Pass>> passes_;
  Pass* vable_pass_ = nullptr;  // the virtualizables pass, if it runs
  Pass* heap_pass_ = nullptr;   // the heap pass, if it runs
  std::vector<BoxInfo> boxes_;
  std::vector<VirtualObject> virtuals_;
  std::vector<Box> forward_;
  std::vector<Box> input_boxes_;
  std::map<std::pair<int, Word>, Box> const_cache_;
  std::vector<EmittedOp> emitted_;
  std::shared_ptr<ResumeStorage> resume_;
  const Trace* input_ = nullptr;
  size_t current_ = 0;
  Opcode drop_next_ = Opcode::Label;  // Label: nothing to drop
  Snapshot last_safe_snapshot_;
  const std::vector<Snapshot>* snapshots_ = nullptr;
  bool second_copy_ = false;  // optimizing the peeled loop's copy of the body
  bool peeled_ = false;
  std::shared_ptr<const LoopEntry> entry_;
  const LoopEntries* entries_ = nullptr;
  bool short_preamble_ = false;
};

// Convenience: optimize with a fresh Optimizer.
OptimizedTrace optimize_trace(const Trace& input, TraceNamespace& names, OptimizerConfig config = {},
                              const std::vector<Snapshot>& snapshots = {}, const LoopEntries* entries = nullptr);

// The text form of a loop entry (loop_entry.cc).
std::string print_loop_entry(const LoopEntry& entry, const TraceNamespace& names);

// Removes operations without side effects whose results are unused (dead_ops.cc).
void remove_dead_ops(std::vector<EmittedOp>& ops);

// The passes (one file each).
std::unique_ptr<Pass> make_bounds_pass(Optimizer& opt);
std::unique_ptr<Pass> make_guards_pass(Optimizer& opt);
std::unique_ptr<Pass> make_virtuals_pass(Optimizer& opt);
std::unique_ptr<Pass> make_heap_pass(Optimizer& opt);
std::unique_ptr<Pass> make_virtualizables_pass(Optimizer& opt);
std::unique_ptr<Pass> make_pure_pass(Optimizer& opt);

}  // namespace rpp::jit::opt
