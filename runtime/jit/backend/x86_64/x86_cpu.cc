// The x86-64 Cpu (see x86_cpu.h).
#include "runtime/jit/backend/x86_64/x86_cpu.h"

#include <cstring>
#include <stdexcept>

#include "runtime/jit/backend/x86_64/assembler.h"
#include "runtime/layout.h"

namespace rpp::jit::x86 {

namespace {

void write_rel32_jump(CodeMemory& memory, uint8_t* at, const uint8_t* target) {
  uint8_t bytes[5];
  bytes[0] = 0xE9;
  int64_t rel = target - (at + 5);
  if (rel < INT32_MIN || rel > INT32_MAX) throw std::runtime_error("x86 backend: jump out of rel32 range");
  int32_t rel32 = static_cast<int32_t>(rel);
  std::memcpy(bytes + 1, &rel32, 4);
  memory.patch(at, bytes, 5);
}

void write_rel32(CodeMemory& memory, uint8_t* field, const uint8_t* target) {
  int64_t rel = target - (field + 4);
  if (rel < INT32_MIN || rel > INT32_MAX) throw std::runtime_error("x86 backend: jump out of rel32 range");
  int32_t rel32 = static_cast<int32_t>(rel);
  memory.patch(field, &rel32, 4);
}

}  // namespace

X86Cpu::X86Cpu(const GcForJit& gc, size_t code_reserve_bytes) : gc_(gc), memory_(code_reserve_bytes) {
  stubs_.assemble(memory_);
}

X86Cpu::~X86Cpu() {
  for (auto& loop : loops_) {
    for (auto& piece : loop->pieces) {
      if (piece->refs && piece->refs->size()) gc_.remove_roots(gc_.gc, piece->refs->data());
      memory_.release(piece->code);
    }
    if (loop->token) loop->token->backend_loop = nullptr;
  }
  memory_.release(stubs_.block);
}

void X86Cpu::register_piece(CompiledPiece& piece) {
  if (piece.refs->size()) gc_.add_roots(gc_.gc, piece.refs->data(), piece.refs->size());
}

void X86Cpu::compile_loop(const Trace& trace, LoopToken* token) {
  auto loop = std::make_unique<LoopData>();
  loop->token = token;
  AssemblerContext ctx{memory_, stubs_, gc_, assembler_helper_};
  token->backend_loop = loop.get();
  std::unique_ptr<CompiledPiece> piece;
  try {
    piece = TraceAssembler(ctx, trace, *loop, nullptr).assemble();
  } catch (...) {
    token->backend_loop = nullptr;
    throw;
  }
  loop->entry = piece->start;
  loop->frame_depth = piece->frame_depth;
  token->input_types.clear();
  for (ValueId v : trace.inputs()) token->input_types.push_back(trace.type(v));
  register_piece(*piece);
  loop->pieces.push_back(std::move(piece));
  loops_.push_back(std::move(loop));
}

void X86Cpu::compile_bridge(FailDescr* guard, const Trace& bridge) {
  if (guard->finish) throw std::invalid_argument("a bridge from a finish");
  if (!guard->owner || !guard->owner->backend_loop) throw std::invalid_argument("a bridge from a guard of no compiled loop");
  if (bridge.inputs().size() != guard->exit_types.size())
    throw std::invalid_argument("the bridge's inputs do not match the guard's fail arguments");
  for (size_t i = 0; i < bridge.inputs().size(); ++i)
    if (bridge.type(bridge.inputs()[i]) != guard->exit_types[i])
      throw std::invalid_argument("the bridge's input types do not match the guard's fail arguments");
  auto* loop = static_cast<LoopData*>(guard->owner->backend_loop);
  AssemblerContext ctx{memory_, stubs_, gc_, assembler_helper_};
  auto piece = TraceAssembler(ctx, bridge, *loop, guard).assemble();
  if (piece->frame_depth > loop->frame_depth) loop->frame_depth = piece->frame_depth;
  register_piece(*piece);
  // From now on the guard's jump (and its stub, for guards with several jumps) goes to the bridge.
  if (guard->patch_site) write_rel32(memory_, guard->patch_site, piece->start);
  write_rel32_jump(memory_, guard->stub, piece->start);
  guard->bridge_code = piece->start;
  loop->pieces.push_back(std::move(piece));
}

JitFrame* X86Cpu::execute(LoopToken* token, std::span<const Word> args) {
  auto* loop = static_cast<LoopData*>(token->backend_loop);
  if (!loop) throw std::invalid_argument("execute of a loop that is not compiled");
  if (args.size() != token->input_types.size()) throw std::invalid_argument("execute with the wrong number of arguments");
  auto& g = layout::rpp_globals;
  layout::GcHeader** arg_roots = g.root_stack_top;
  for (size_t i = 0; i < args.size(); ++i)
    if (token->input_types[i] == ValueType::Ref) *g.root_stack_top++ = reinterpret_cast<layout::GcHeader*>(args[i]);
  auto* frame = reinterpret_cast<JitFrame*>(gc_.malloc_varsize(gc_.gc, kTidJitFrame, loop->frame_depth));
  for (size_t i = 0, k = 0; i < args.size(); ++i) {
    Word w = token->input_types[i] == ValueType::Ref ? reinterpret_cast<Word>(arg_roots[k++]) : args[i];
    frame->slots[kFrameFirstSpillSlot + i] = w;
  }
  g.root_stack_top = arg_roots;
  using Entry = JitFrame* (*)(JitFrame*);
  return reinterpret_cast<Entry>(loop->entry)(frame);
}

JitFrame* X86Cpu::force(Word force_token) {
  auto* frame = reinterpret_cast<JitFrame*>(force_token);
  while (frame->forward) frame = frame->forward;
  frame->descr = frame->force_descr;
  return frame;
}

void X86Cpu::redirect(LoopToken* from, LoopToken* to) {
  auto* a = static_cast<LoopData*>(from->backend_loop);
  auto* b = static_cast<LoopData*>(to->backend_loop);
  if (!a || !b) throw std::invalid_argument("redirect between loops that are not compiled");
  write_rel32_jump(memory_, a->entry, b->entry);
  if (b->frame_depth > a->frame_depth) a->frame_depth = b->frame_depth;
}

void X86Cpu::invalidate(LoopToken* token) {
  auto* loop = static_cast<LoopData*>(token->backend_loop);
  token->invalidated = true;
  if (!loop) return;
  for (auto& piece : loop->pieces) {
    for (auto& site : piece->invalidation_sites) write_rel32_jump(memory_, site.nop, site.stub);
    piece->invalidation_sites.clear();
  }
}

void X86Cpu::free_loop(LoopToken* token) {
  for (size_t i = 0; i < loops_.size(); ++i) {
    if (loops_[i]->token != token) continue;
    for (auto& piece : loops_[i]->pieces) {
      if (piece->refs && piece->refs->size()) gc_.remove_roots(gc_.gc, piece->refs->data());
      memory_.release(piece->code);
    }
    loops_.erase(loops_.begin() + static_cast<long>(i));
    token->backend_loop = nullptr;
    return;
  }
}

}  // namespace rpp::jit::x86
