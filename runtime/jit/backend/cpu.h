// The interface of a JIT backend (RPython's AbstractCPU): compile loops and bridges from traces,
// run them, read their exits, force frames, redirect and invalidate loops. Implemented by the
// x86-64 backend (backend/x86_64) and by the reference interpreter (interp/), which tests run
// side by side.
//
// Running a loop: execute() allocates a JIT frame (a GC object), runs until a guard fails (with
// no bridge attached) or a finish, and returns the frame — the "dead frame" — with frame->descr
// the exit taken. The caller must root the frame (push it on the shadow stack) before anything
// may collect, and reads the exit values with value()/exc_value().
//
// Forcing: `force_token()` gives a reference to the running frame. A function called by
// call_may_force (or call_assembler) may call force(token): the frame is marked forced and
// returned as a dead frame holding the fail arguments of the guard_not_forced that follows the
// call; when the call returns, that guard fails.
//
// call_assembler(args, descr=LOOP) runs LOOP with args as execute() would; when LOOP ends with a
// finish of one value (none for a void result), that value is the result; otherwise the
// configured assembler_helper(dead frame, LOOP) computes it.
#pragma once
#include <span>

#include "runtime/jit/backend/gc_interface.h"
#include "runtime/jit/backend/jitframe.h"
#include "runtime/jit/ir/trace.h"

namespace rpp::jit {

using AssemblerHelper = Word (*)(JitFrame* dead_frame, LoopToken* loop);

class Cpu {
 public:
  virtual ~Cpu() = default;

  // Compiles a loop (or a straight-line trace ending with finish). Throws std::invalid_argument
  // when the trace is not valid (trace_verifier.h). Fills in the token and the trace's descriptors.
  virtual void compile_loop(const Trace& trace, LoopToken* token) = 0;
  // Attaches a bridge to a guard of a compiled loop or bridge: from now on, when the guard
  // fails, the bridge runs with the guard's fail arguments as its inputs.
  virtual void compile_bridge(FailDescr* guard, const Trace& bridge) = 0;

  virtual JitFrame* execute(LoopToken* token, std::span<const Word> args) = 0;

  // The i-th exit value of a dead frame (the i-th fail argument of its guard, or of its finish).
  Word value(const JitFrame* frame, size_t i) const { return frame->slots[frame->descr->exit_slots.at(i)]; }
  size_t num_values(const JitFrame* frame) const { return frame->descr->exit_slots.size(); }
  // The exception that was pending when guard_no_exception / guard_exception / guard_not_forced
  // failed (the exception state is cleared then); null otherwise.
  layout::GcHeader* exc_value(const JitFrame* frame) const { return frame->guard_exc; }

  virtual JitFrame* force(Word force_token) = 0;

  // Calls to (and execute() of) `from` go to `to` from now on; both take the same arguments.
  virtual void redirect(LoopToken* from, LoopToken* to) = 0;
  // Every guard_not_invalidated in the loop and its bridges fails from now on.
  virtual void invalidate(LoopToken* token) = 0;

  void set_assembler_helper(AssemblerHelper helper) { assembler_helper_ = helper; }

 protected:
  AssemblerHelper assembler_helper_ = nullptr;
};

}  // namespace rpp::jit
