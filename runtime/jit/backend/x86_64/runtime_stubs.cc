// The shared machine code of the x86-64 backend (see runtime_stubs.h).
#include "runtime/jit/backend/x86_64/runtime_stubs.h"

#include <cstring>

#include <xbyak/xbyak.h>

#include "runtime/jit/backend/jitframe.h"
#include "runtime/jit/backend/x86_64/location.h"
#include "runtime/jit/backend/x86_64/moves.h"
#include "runtime/layout.h"

namespace rpp::jit::x86 {

int32_t fail_descr_gcmap_offset() {
  static const int32_t offset = [] {
    FailDescr d;
    return static_cast<int32_t>(reinterpret_cast<char*>(&d.gcmap) - reinterpret_cast<char*>(&d));
  }();
  return offset;
}

int32_t fail_descr_finish_count_offset() {
  static const int32_t offset = [] {
    FailDescr d;
    return static_cast<int32_t>(reinterpret_cast<char*>(&d.finish_value_count) - reinterpret_cast<char*>(&d));
  }();
  return offset;
}

namespace {

// Called by realloc_frame: a bigger copy of the frame at the top of the shadow stack.
JitFrame* realloc_jit_frame(const ReallocInfo* info) {
  auto& g = layout::rpp_globals;
  layout::GcHeader* fresh = info->gc->malloc_varsize(info->gc->gc, kTidJitFrame, info->depth);
  auto* old = reinterpret_cast<JitFrame*>(g.root_stack_top[-1]);  // re-read: the GC may have moved it
  auto* nf = reinterpret_cast<JitFrame*>(fresh);
  nf->descr = old->descr;
  nf->force_descr = old->force_descr;
  nf->gcmap = old->gcmap;
  nf->guard_exc = old->guard_exc;
  std::memcpy(nf->slots, old->slots, sizeof(Word) * static_cast<size_t>(old->length));
  old->forward = nf;
  g.root_stack_top[-1] = fresh;
  return nf;
}

void save_or_restore(Xbyak::CodeGenerator& a, bool save) {
  for (int r = 0; r < kNumGprs; ++r) {
    Gpr g = static_cast<Gpr>(r);
    if (!is_allocatable(g)) continue;
    auto m = a.qword[a.rbp + slot_offset(kFrameGprSaveSlot + r)];
    if (save) a.mov(m, reg64(g));
    else a.mov(reg64(g), m);
  }
  for (int x = 0; x < kNumAllocatableXmms; ++x) {
    auto m = a.qword[a.rbp + slot_offset(kFrameXmmSaveSlot + x)];
    if (save) a.movsd(m, xmm(x));
    else a.movsd(xmm(x), m);
  }
}

}  // namespace

void RuntimeStubs::assemble(CodeMemory& memory) {
  block = memory.allocate(2048);
  Xbyak::CodeGenerator a(block.size, block.start);
  auto globals = reinterpret_cast<uint64_t>(&layout::rpp_globals);

  exit_common = const_cast<uint8_t*>(a.getCurr());
  a.mov(a.r11, globals);
  a.sub(a.qword[a.r11 + layout::kGlobalsRootStackTopOffset], 8);
  a.mov(a.rax, a.rbp);
  a.add(a.rsp, kStackReserve);
  a.pop(a.r15);
  a.pop(a.r14);
  a.pop(a.r13);
  a.pop(a.r12);
  a.pop(a.rbx);
  a.pop(a.rbp);
  a.ret();

  a.align(16);
  guard_exit = const_cast<uint8_t*>(a.getCurr());
  save_or_restore(a, true);
  a.mov(a.qword[a.rbp + kJitFrameDescrOffset], a.r11);
  a.mov(a.r11, a.qword[a.r11 + fail_descr_gcmap_offset()]);
  a.mov(a.qword[a.rbp + kJitFrameGcmapOffset], a.r11);
  a.jmp(reinterpret_cast<const void*>(exit_common));

  a.align(16);
  save_all = const_cast<uint8_t*>(a.getCurr());
  save_or_restore(a, true);
  a.ret();

  a.align(16);
  restore_all = const_cast<uint8_t*>(a.getCurr());
  save_or_restore(a, false);
  a.ret();

  // Entered by `call` from code where rsp is 16-byte aligned: rsp is now 8 off.
  a.align(16);
  realloc_frame = const_cast<uint8_t*>(a.getCurr());
  save_or_restore(a, true);
  a.mov(a.r10, a.qword[a.r11]);  // info->gcmap
  a.mov(a.qword[a.rbp + kJitFrameGcmapOffset], a.r10);
  a.mov(a.rdi, a.r11);
  a.sub(a.rsp, 8);
  a.mov(a.rax, reinterpret_cast<uint64_t>(&realloc_jit_frame));
  a.call(a.rax);
  a.add(a.rsp, 8);
  a.mov(a.rbp, a.rax);
  save_or_restore(a, false);
  a.ret();

  memory.seal(block, a.getSize());
}

}  // namespace rpp::jit::x86
