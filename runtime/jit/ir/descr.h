// Descriptors: the plain data a trace operation needs besides its arguments — which field, which
// array, what size of object, which function signature and effects, where a guard goes on failure,
// where a jump lands. Field/array/size/call descriptors are emitted by the translator as static
// data; guard, finish and loop descriptors are created when a trace is recorded or parsed.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "runtime/jit/ir/value_type.h"

namespace rpp::jit {

enum class DescrKind : uint8_t { Size, Field, Array, InteriorField, Call, Fail, Target, Loop };

struct Descr {
  explicit Descr(DescrKind k, std::string n = {}) : kind(k), name(std::move(n)) {}
  virtual ~Descr() = default;
  DescrKind kind;
  std::string name;  // how the text form refers to it (descr=NAME)
};

// The size and type of a fixed-size GC object (for new / new_with_vtable).
struct SizeDescr : Descr {
  explicit SizeDescr(std::string n = {}) : Descr(DescrKind::Size, std::move(n)) {}
  uint32_t size = 0;      // bytes, GC header included
  uint32_t type_id = 0;   // written into the GC header
  uintptr_t vtable = 0;   // for new_with_vtable: the class pointer stored in typeptr; 0 otherwise
};

// A field of a GC object or of raw memory, at a fixed offset from the object's address.
struct FieldDescr : Descr {
  explicit FieldDescr(std::string n = {}) : Descr(DescrKind::Field, std::move(n)) {}
  uint32_t offset = 0;
  uint8_t size = 8;           // 1, 2, 4 or 8 bytes
  ValueType type = ValueType::Int;
  bool is_signed = true;      // for integer fields narrower than a word
  bool is_immutable = false;  // `_immutable_fields_`: reads may be folded
  bool is_quasi_immutable = false;
  // A field of the jit driver's virtualizable (the interpreter's frame): while a loop runs it is
  // read and written only through the one reference the trace has to the frame, and calls that
  // touch it force the frame (RPython's contract), so the optimizer keeps it in registers.
  bool is_virtualizable = false;
  const SizeDescr* parent = nullptr;  // the object type it belongs to, when known
};

// An array of items: GC arrays carry their length at length_offset; raw arrays have none.
// Arrays of structs have items of item_size bytes, read through InteriorFieldDescr.
struct ArrayDescr : Descr {
  explicit ArrayDescr(std::string n = {}) : Descr(DescrKind::Array, std::move(n)) {}
  uint32_t base_offset = 0;    // where item 0 starts
  uint32_t length_offset = 0;  // where the length (a word) is, for GC arrays
  uint32_t item_size = 8;
  ValueType item_type = ValueType::Int;  // Void for arrays of structs
  bool is_signed = true;
  bool is_raw = false;       // raw memory: no GC header, no length
  uint32_t type_id = 0;      // written into the GC header by new_array
};

// A field inside an item of an array of structs.
struct InteriorFieldDescr : Descr {
  explicit InteriorFieldDescr(std::string n = {}) : Descr(DescrKind::InteriorField, std::move(n)) {}
  const ArrayDescr* array = nullptr;
  const FieldDescr* field = nullptr;  // offset relative to the start of the item
};

// What a called function may do (RPython's EffectInfo), as computed by the translator's analyzers.
enum class ExtraEffect : uint8_t {
  ElidableCannotRaise,
  LoopInvariant,
  CannotRaise,
  ElidableOrMemoryError,
  ElidableCanRaise,
  CanRaise,
  ForcesVirtualOrVirtualizable,
  RandomEffects,
};

struct EffectInfo {
  ExtraEffect extra = ExtraEffect::CanRaise;
  bool can_collect = true;  // may run the GC (so references may move)
  std::vector<const Descr*> reads_fields, writes_fields, reads_arrays, writes_arrays;
  int oopspec = 0;          // an id the optimizer recognizes (string concat, ...); 0 = none
  bool can_raise() const {
    return extra != ExtraEffect::ElidableCannotRaise && extra != ExtraEffect::CannotRaise &&
           extra != ExtraEffect::LoopInvariant;
  }
  bool is_elidable() const {
    return extra == ExtraEffect::ElidableCannotRaise || extra == ExtraEffect::ElidableOrMemoryError ||
           extra == ExtraEffect::ElidableCanRaise;
  }
};

// The signature of a called function (System V: ints and refs in integer registers, floats in
// xmm registers) and its effects.
struct CallDescr : Descr {
  explicit CallDescr(std::string n = {}) : Descr(DescrKind::Call, std::move(n)) {}
  std::vector<ValueType> arg_types;
  ValueType result_type = ValueType::Void;
  uint8_t result_size = 8;     // an int result narrower than a word is extended by the backend
  bool result_signed = true;
  EffectInfo effects;
};

struct LoopToken;

// Where the trace exits to: a guard's failure, or a finish. The backend fills in where each exit
// value is found in the JIT frame; the metainterp attaches its resume data.
struct FailDescr : Descr {
  explicit FailDescr(std::string n = {}, bool is_finish = false)
      : Descr(DescrKind::Fail, std::move(n)), finish(is_finish) {}
  bool finish;                          // a finish's descriptor rather than a guard's
  std::vector<ValueType> exit_types;    // the types of the exit values (fail args / finish args)
  std::vector<int32_t> exit_slots;      // backend: the JIT-frame slot of each exit value
  const uint64_t* gcmap = nullptr;      // backend: which frame slots hold references at the exit
  uint8_t* patch_site = nullptr;        // backend: the rel32 of the guard's jump, if it has one
  uint8_t* stub = nullptr;              // backend: the guard's recovery stub
  int32_t finish_value_count = -1;      // backend: for a finish, how many values it returns
  void* bridge_code = nullptr;          // backend: the attached bridge's start, if any
  LoopToken* owner = nullptr;           // the loop this exit belongs to
  void* resume_data = nullptr;          // metainterp: opaque
  uint32_t fail_count = 0;              // metainterp: how often it failed (for bridge heuristics)
};

// A label inside a loop: jumps land here with their arguments in arg_slots' locations.
struct TargetToken : Descr {
  explicit TargetToken(std::string n = {}) : Descr(DescrKind::Target, std::move(n)) {}
  LoopToken* owner = nullptr;
  void* code = nullptr;                 // backend: the label's address
  std::vector<int32_t> arg_locations;   // backend: encoded location of each label argument
  std::vector<ValueType> arg_types;
};

// A compiled loop as a whole (RPython's JitCellToken): entered with a JIT frame holding its input
// arguments; can be redirected to another loop and invalidated.
struct LoopToken : Descr {
  explicit LoopToken(std::string n = {}) : Descr(DescrKind::Loop, std::move(n)) {}
  std::vector<ValueType> input_types;
  void* backend_loop = nullptr;         // backend: its compiled code and data
  bool invalidated = false;
};

}  // namespace rpp::jit
