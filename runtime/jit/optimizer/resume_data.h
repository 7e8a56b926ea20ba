// Resume data: what a failing guard needs to rebuild the interpreter's state (RPython's
// resume.py). The optimizer's input gives every guard a snapshot, a chain of frames (innermost
// first, each pointing to its caller) whose slots are trace values; frames are shared between
// guards (a frame object is referenced, not copied). The optimizer's output encodes, per guard,
// the frames outermost first with every slot tagged:
//
//   box      the k-th fail argument of the guard (a variable of the optimized trace)
//   int      a small integer constant, inline
//   const    an entry of the storage's constant pool (other integers, floats, references)
//   virtual  the k-th virtual object of the guard: an allocation the optimizer removed, described
//            by its kind, descriptor and fields (whose values are tagged the same way), built
//            only when the guard fails
//
// The fixed byte format (docs/jit.md, "Resume data") lives in one ResumeStorage per optimized
// trace: frame records are hash-consed, so guards whose outer frames hold the same tagged slots
// share those records (a guard's innermost record points to its parent by offset).
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "runtime/jit/ir/descr.h"
#include "runtime/jit/ir/trace.h"
#include "runtime/jit/ir/trace_namespace.h"

namespace rpp::jit::opt {

// ---- the optimizer's input: snapshots over the unoptimized trace's values --------------------
struct SnapshotFrame {
  uint32_t jitcode = 0;                         // which function (jitcode id)
  uint32_t pc = 0;                              // where to resume in it
  std::vector<ValueId> slots;                   // its live registers, as values of the input trace
  std::shared_ptr<const SnapshotFrame> parent;  // the caller's frame, or null
};
using Snapshot = std::shared_ptr<const SnapshotFrame>;  // the innermost frame

// ---- tagged slots ---------------------------------------------------------------------------------
enum class Tag : uint8_t { Box = 0, Int = 1, Const = 2, Virtual = 3 };
struct Tagged {
  int64_t raw = 0;
  static Tagged make(Tag t, int64_t payload) {
    return Tagged{static_cast<int64_t>(static_cast<uint64_t>(payload) << 2) | static_cast<int64_t>(t)};
  }
  Tag tag() const { return static_cast<Tag>(raw & 3); }
  int64_t payload() const { return raw >> 2; }
  bool operator==(const Tagged&) const = default;
};
// Integers that fit an inline tag (62 bits).
inline bool fits_inline_int(int64_t v) { return v >= -(int64_t{1} << 61) && v < (int64_t{1} << 61); }

enum class VirtualKind : uint8_t { Struct = 0, Object = 1, Array = 2, Str = 3, Unicode = 4, InteriorArray = 5 };
const char* virtual_kind_name(VirtualKind k);

// A virtual object as the encoder receives it and the decoder returns it.
struct VirtualDescription {
  VirtualKind kind = VirtualKind::Struct;
  const Descr* descr = nullptr;  // SizeDescr (struct, object), ArrayDescr (array), null (strings)
  std::vector<std::pair<const FieldDescr*, Tagged>> fields;  // struct/object: the fields set
  std::vector<Tagged> items;                                 // array/string: every item
  // An array of structs: its length and the interior fields set (item index, descriptor, value).
  uint32_t length = 0;
  struct InteriorValue {
    uint32_t item;
    const InteriorFieldDescr* field;
    Tagged value;
  };
  std::vector<InteriorValue> interior;
};

// A write the optimizer delayed (a lazy setfield): done when the guard fails, after the
// virtuals are built.
struct PendingWrite {
  const FieldDescr* field = nullptr;
  Tagged object, value;
};

struct ResumeFrame {
  uint32_t jitcode = 0, pc = 0;
  std::vector<Tagged> slots;
};

struct ConstEntry {
  ValueType type;
  Word bits;
  bool operator==(const ConstEntry&) const = default;
};

// One guard's resume data in a storage.
struct GuardResume {
  uint32_t frame_offset = 0;     // the innermost frame record
  uint32_t virtuals_offset = 0;  // the virtuals record
  uint32_t writes_offset = 0;    // the pending writes record
  uint32_t num_fail_args = 0;
  uint32_t num_frames = 0;
};

class ResumeStorage {
 public:
  // Encodes a guard: frames outermost first, then its virtuals. Returns its index.
  uint32_t add_guard(const std::vector<ResumeFrame>& frames, const std::vector<VirtualDescription>& virtuals,
                     uint32_t num_fail_args, const std::vector<PendingWrite>& writes = {});
  uint32_t add_const(ValueType type, Word bits);
  uint32_t add_descr(const Descr* d);

  // Decoding.
  std::vector<ResumeFrame> frames(uint32_t guard) const;  // outermost first
  std::vector<VirtualDescription> virtuals(uint32_t guard) const;
  std::vector<PendingWrite> pending_writes(uint32_t guard) const;
  const GuardResume& guard(uint32_t i) const { return guards_.at(i); }
  size_t num_guards() const { return guards_.size(); }
  const ConstEntry& constant(uint32_t i) const { return consts_.at(i); }
  const std::vector<uint8_t>& bytes() const { return bytes_; }
  size_t num_frame_records() const { return frame_records_; }

  // The value of a non-virtual tagged slot, given the guard's fail-argument values.
  Word value_of(Tagged t, const std::vector<Word>& fail_values) const;

 private:
  uint32_t encode_frame(const ResumeFrame& f, uint32_t parent_plus_one);
  std::vector<uint8_t> bytes_;
  std::vector<ConstEntry> consts_;
  std::vector<const Descr*> descrs_;
  std::unordered_map<const Descr*, uint32_t> descr_index_;
  std::vector<GuardResume> guards_;
  std::unordered_multimap<uint64_t, uint32_t> frame_dedupe_;  // hash of a frame record -> its offset
  std::vector<uint8_t> scratch_;
  size_t frame_records_ = 0;
};

// Text form of a guard's resume data (one line per frame, outermost first, then the virtuals):
//   frame 0 @ 12: [#0, 7, v0]
//   v0 = object cell {cell.v=#1}
// where #k is the k-th fail argument, vK the K-th virtual, constants as in traces.
std::string print_resume(const ResumeStorage& storage, uint32_t guard, const TraceNamespace* names = nullptr);

// Builds the objects a guard's virtuals describe (all allocated first, then filled, so cycles
// work): `allocate` makes a zeroed object for a description, `store` writes a field or item.
// Returns one word per virtual. The caller keeps the results alive (rooted) as needed.
struct Materializer {
  std::function<Word(const VirtualDescription&)> allocate;
  // store(object, description, index in fields/items/interior, value)
  std::function<void(Word, const VirtualDescription&, size_t, Word)> store;
};
std::vector<Word> materialize_virtuals(const ResumeStorage& storage, uint32_t guard,
                                       const std::vector<Word>& fail_values, const Materializer& m);
// Then the guard's pending writes: store_field(object, field, value) for each, in order.
void apply_pending_writes(const ResumeStorage& storage, uint32_t guard, const std::vector<Word>& fail_values,
                          const std::vector<Word>& virtual_objects,
                          const std::function<void(Word, const FieldDescr*, Word)>& store_field);

}  // namespace rpp::jit::opt
