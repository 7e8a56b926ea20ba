// Tiny source programs for the optimizer's correctness oracle: a loop body over integer and
// reference registers, a frame object whose fields are virtualizable (the jit driver's frame:
// only the frame register reaches it) and a heap of three classes (box, pair, vec — a vec holds an
// int array),
// with arithmetic, overflow checks, allocation, field and item reads and writes, class tests,
// branches and calls with effects. The program has its own reference interpreter (on real GC
// objects laid out by the trace descriptors) and a tracer recording one iteration of the loop as
// a trace with a snapshot (jitcode 0, pc, every register) at each guard, so a failing guard can
// resume the interpreter from the resume data.
#pragma once
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "runtime/jit/ir/opcode.h"
#include "runtime/jit/ir/trace.h"
#include "runtime/jit/ir/trace_namespace.h"
#include "runtime/jit/optimizer/resume_data.h"
#include "runtime/jit/testing/test_gc.h"

namespace rpp::jit::oracle {

inline constexpr int kIntRegs = 5;  // r0 is the loop counter
inline constexpr int kRefRegs = 3;
inline constexpr int kClasses = 3;  // box, pair, vec
inline constexpr int kFrameReg = kIntRegs + kRefRegs;  // the frame (never in another register)
inline constexpr int kNumRegs = kFrameReg + 1;
inline constexpr int kFrameIntFields = 2;

enum class Kind : uint8_t {
  Const,       // r[dst] = c
  Arith,       // r[dst] = op(r[a], r[b])
  ArithConst,  // r[dst] = op(r[a], c)
  Ovf,         // r[dst] = op_ovf(r[a], r[b]), 0 on overflow
  New,         // p[dst] = new class cls
  NewVec,      // p[dst] = new vec of c items
  Move,        // p[dst] = p[a]
  GetInt,      // r[dst] = p[a].(int field `field` of its class), 0 for null
  SetInt,      // p[a].(int field) = r[b]
  GetRef,      // p[dst] = p[a].(ref field), null for null or a class without one
  SetRef,      // p[a].(ref field) = p[b]
  TypeOf,      // r[dst] = 0 for null, else its class + 1
  PtrEq,       // r[dst] = p[a] is p[b]
  IfTrue,      // if r[a]: skip `skip` instructions
  GetItem,     // r[dst] = p[a].items[r[b]] for a vec and an index in range, else 0
  SetItem,     // p[a].items[r[b]] = r[dst] for a vec and an index in range
  Bump,        // for a box: call bump(p[a], r[b]) — a call that writes box.val (effect info says so)
  BumpRandom,  // the same through a call with random effects
  Call,        // r[dst] = subroutine cls(r[a], p[b]): its registers start zero with r1 = r[a],
               // p0 = p[b]; its r2 is the result (guards inside resume through two frames)
  FrameGet,    // r[dst] = frame.(int field `field`)      (virtualizable fields)
  FrameSet,    // frame.(int field) = r[b]
  FrameGetRef, // p[dst] = frame.ref
  FrameSetRef, // frame.ref = p[b]
  FrameCall,   // call_may_force bump(frame, r[b]): adds r[b] to frame's int field 0 (forces the frame)
  FrameArg,    // the same through a plain call taking the frame as an argument
  PureCall,    // r[dst] = mix(r[a], r[b]): a call to an elidable function (call_pure)
  Dec,         // r0 -= 1
  LoopEnd,     // loop while r0 > 0
};

struct Instr {
  Kind kind;
  Opcode op = Opcode::IntAdd;
  int dst = 0, a = 0, b = 0;
  int64_t c = 0;
  int cls = 0, field = 0, skip = 0;
};

struct Program {
  std::vector<Instr> body;    // ends with Dec, LoopEnd (subroutines: straight code, no calls)
  std::vector<Program> subs;  // the subroutines Call instructions call (jitcode 1 + index)
  std::string to_string() const;
};

// The registers a Call gives its subroutine.
// (The subroutine shares its caller's frame.)
std::vector<uint64_t> callee_registers(uint64_t int_arg, uint64_t ref_arg, uint64_t frame);
inline constexpr int kResultRegister = 2;

// The initial heap and registers, built the same way for every run.
struct InitialState {
  int64_t ints[kIntRegs] = {};
  struct Obj {
    int cls = -1;    // -1: null; otherwise the class
    int alias = -1;  // >= 0: the same object as that register
    int64_t i0 = 0, i1 = 0;
    int link = -1;      // ref field: the object of that register (if it is an object), or null
    int64_t items = 1;  // vec length
  } refs[kRefRegs];
  int64_t frame_ints[kFrameIntFields] = {};
  int frame_ref = -1;  // the frame's ref field: the object of that register, or null

};

Program generate_program(std::mt19937_64& rng);
int64_t toy_mix_value(int64_t a, int64_t b);  // what PureCall computes
InitialState generate_state(std::mt19937_64& rng);

// Descriptors and helpers of the toy world, declared in a TraceNamespace.
struct World {
  explicit World(TraceNamespace& names);
  TraceNamespace& names;
  SizeDescr* classes[kClasses];
  std::vector<FieldDescr*> int_fields[kClasses], ref_fields[kClasses];
  FieldDescr* vec_items;
  ArrayDescr* ints;
  CallDescr* bump_cd;         // writes box.val only
  CallDescr* bump_random_cd;  // random effects
  CallDescr* frame_force_cd;  // forces virtualizables (for call_may_force)
  CallDescr* mix_cd;          // elidable, cannot raise
  Word mix_fn;
  SizeDescr* frame;
  FieldDescr* frame_ints[kFrameIntFields];
  FieldDescr* frame_ref;
  Word bump_fn;
  Word vtable(int cls) const { return classes[cls]->vtable; }
  int class_of(Word obj) const;  // -1 for null, kClasses for the frame
};

// Registers: ints first, then references, then the frame.
using Registers = std::vector<Word>;

// Builds the initial objects in `gc` (no collection may happen while a run lasts: the caller
// uses a nursery large enough and checks).
Registers build_state(const InitialState& s, const World& w, TestGc& gc);

// Runs the program from `pc` until the loop ends; returns the final registers.
Registers interpret(const Program& p, const World& w, TestGc& gc, Registers regs, size_t pc = 0);

// Records one iteration from pc 0 with the given registers as the trace's input arguments:
// `[inputs] label(...) body jump(...)`; every guard has a snapshot. Runs the iteration for real
// (in `gc`) to know which way each branch goes.
struct Recorded {
  Trace trace;
  std::vector<opt::Snapshot> snapshots;  // per operation
  LoopToken* loop = nullptr;
  TargetToken* label = nullptr;  // the loop's label
};
Recorded record_trace(const Program& p, const World& w, TestGc& gc, Registers regs);

// Records a bridge: from `pc` with the given registers as the trace's input arguments to the end
// of the iteration, then `jump(registers, descr=label)` (the jump's snapshot: jitcode 0, pc 0,
// the registers). Runs it for real in `gc`. Nullopt when the loop ends on the way.
std::optional<Recorded> record_bridge(const Program& p, const World& w, TestGc& gc, Registers regs, size_t pc,
                                      TargetToken* label);

// A copy of the objects reachable from `regs` in `to` (for recording a bridge without touching
// the heap the compiled code runs on); returns the registers pointing to the copies.
Registers clone_state(const Registers& regs, const World& w, TestGc& to);

// Describes the registers and the heap reachable from them and from `extra_roots` with object
// identities numbered in order of discovery (so two runs compare up to addresses).
std::string describe_state(const Registers& regs, const std::vector<Word>& extra_roots, const World& w);

}  // namespace rpp::jit::oracle
