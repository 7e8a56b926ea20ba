// The driver of trace compilation: entry code, the walk over the operations, labels, jumps,
// finishes, guard stubs, and the finished piece (see assembler.h).
#include "runtime/jit/backend/x86_64/assembler.h"

#include <algorithm>
#include <cstring>
#include <stdexcept>
#include <unordered_map>

#include "runtime/jit/ir/trace_verifier.h"
#include "runtime/layout.h"

namespace rpp::jit::x86 {

TraceAssembler::TraceAssembler(const AssemblerContext& ctx, const Trace& trace, LoopData& loop, FailDescr* guard)
    : ctx_(ctx), trace_(trace), loop_(loop), from_guard_(guard), live_(trace) {}

Xbyak::Address TraceAssembler::slot_mem(int slot) { return a_->qword[a_->rbp + slot_offset(slot)]; }

void TraceAssembler::load_globals(Gpr r) { a_->mov(reg64(r), reinterpret_cast<uint64_t>(&layout::rpp_globals)); }

void TraceAssembler::reload_frame() {
  load_globals(kScratch);
  a_->mov(a_->r11, a_->qword[a_->r11 + layout::kGlobalsRootStackTopOffset]);
  a_->mov(a_->rbp, a_->qword[a_->r11 - 8]);
}

void TraceAssembler::jcc(Cond c, const Xbyak::Label& t) {
  auto& a = *a_;
  const auto N = Xbyak::CodeGenerator::T_NEAR;
  switch (c) {
    case Cond::O: a.jo(t, N); break;
    case Cond::NO: a.jno(t, N); break;
    case Cond::B: a.jb(t, N); break;
    case Cond::AE: a.jae(t, N); break;
    case Cond::E: a.je(t, N); break;
    case Cond::NE: a.jne(t, N); break;
    case Cond::BE: a.jbe(t, N); break;
    case Cond::A: a.ja(t, N); break;
    case Cond::S: a.js(t, N); break;
    case Cond::NS: a.jns(t, N); break;
    case Cond::P: a.jp(t, N); break;
    case Cond::NP: a.jnp(t, N); break;
    case Cond::L: a.jl(t, N); break;
    case Cond::GE: a.jge(t, N); break;
    case Cond::LE: a.jle(t, N); break;
    case Cond::G: a.jg(t, N); break;
  }
}

void TraceAssembler::setcc(Cond c, const Xbyak::Reg8& r) {
  auto& a = *a_;
  switch (c) {
    case Cond::O: a.seto(r); break;
    case Cond::NO: a.setno(r); break;
    case Cond::B: a.setb(r); break;
    case Cond::AE: a.setae(r); break;
    case Cond::E: a.sete(r); break;
    case Cond::NE: a.setne(r); break;
    case Cond::BE: a.setbe(r); break;
    case Cond::A: a.seta(r); break;
    case Cond::S: a.sets(r); break;
    case Cond::NS: a.setns(r); break;
    case Cond::P: a.setp(r); break;
    case Cond::NP: a.setnp(r); break;
    case Cond::L: a.setl(r); break;
    case Cond::GE: a.setge(r); break;
    case Cond::LE: a.setle(r); break;
    case Cond::G: a.setg(r); break;
  }
}

void TraceAssembler::cmovcc(Cond c, const Xbyak::Reg64& d, const Xbyak::Operand& s) {
  auto& a = *a_;
  switch (c) {
    case Cond::O: a.cmovo(d, s); break;
    case Cond::NO: a.cmovno(d, s); break;
    case Cond::B: a.cmovb(d, s); break;
    case Cond::AE: a.cmovae(d, s); break;
    case Cond::E: a.cmove(d, s); break;
    case Cond::NE: a.cmovne(d, s); break;
    case Cond::BE: a.cmovbe(d, s); break;
    case Cond::A: a.cmova(d, s); break;
    case Cond::S: a.cmovs(d, s); break;
    case Cond::NS: a.cmovns(d, s); break;
    case Cond::P: a.cmovp(d, s); break;
    case Cond::NP: a.cmovnp(d, s); break;
    case Cond::L: a.cmovl(d, s); break;
    case Cond::GE: a.cmovge(d, s); break;
    case Cond::LE: a.cmovle(d, s); break;
    case Cond::G: a.cmovg(d, s); break;
  }
}

const uint64_t* TraceAssembler::make_gcmap(const std::vector<int>& ref_slots) {
  int max = -1;
  for (int s : ref_slots) max = std::max(max, s);
  size_t words = max < 0 ? 0 : static_cast<size_t>(max) / 64 + 1;
  auto map = std::make_unique<uint64_t[]>(1 + words);
  map[0] = words;
  for (size_t w = 0; w < words; ++w) map[1 + w] = 0;
  for (int s : ref_slots) map[1 + s / 64] |= uint64_t{1} << (s % 64);
  piece_->gcmaps.push_back(std::move(map));
  return piece_->gcmaps.back().get();
}

namespace {

bool saves_exception(Opcode op) {
  return op == Opcode::GuardNoException || op == Opcode::GuardException || op == Opcode::GuardNotForced;
}

}  // namespace

// The guard's exit state is the register allocator's state right now.
static void record_exit(FailDescr* d, const Trace& t, std::span<const ValueId> values, RegisterAllocator& ra,
                        const std::function<const uint64_t*(const std::vector<int>&)>& make_gcmap) {
  d->exit_slots.clear();
  d->exit_types.clear();
  std::vector<int> refs;
  for (ValueId v : values) {
    int slot = ra.loc(v).exit_slot();
    d->exit_slots.push_back(slot);
    d->exit_types.push_back(t.type(v));
    if (t.type(v) == ValueType::Ref) refs.push_back(slot);
  }
  d->gcmap = make_gcmap(refs);
}

void TraceAssembler::guard_jump(const Op& op, Cond fail_when) {
  auto* d = static_cast<FailDescr*>(op.descr);
  auto label = std::make_unique<Xbyak::Label>();
  jcc(fail_when, *label);
  patch_offsets_.push_back({d, a_->getSize() - 4});
  record_exit(d, trace_, trace_.fail_args(op), *ra_, [&](const std::vector<int>& r) { return make_gcmap(r); });
  guard_stubs_.push_back({d, std::move(label)});
}

void TraceAssembler::guard_jump_always(const Op& op) {
  auto* d = static_cast<FailDescr*>(op.descr);
  auto label = std::make_unique<Xbyak::Label>();
  a_->jmp(*label, Xbyak::CodeGenerator::T_NEAR);
  patch_offsets_.push_back({d, a_->getSize() - 4});
  record_exit(d, trace_, trace_.fail_args(op), *ra_, [&](const std::vector<int>& r) { return make_gcmap(r); });
  guard_stubs_.push_back({d, std::move(label)});
}

void TraceAssembler::record_exit_only(const Op& op) {
  auto* d = static_cast<FailDescr*>(op.descr);
  record_exit(d, trace_, trace_.fail_args(op), *ra_, [&](const std::vector<int>& r) { return make_gcmap(r); });
  guard_stubs_.push_back({d, std::make_unique<Xbyak::Label>()});
}

void TraceAssembler::emit_entry(Xbyak::CodeGenerator& a) {
  std::vector<int> ref_slots;
  if (!from_guard_) {
    // Redirection site, then the prologue: save callee-saved registers, frame in rbp, frame on
    // the shadow stack.
    static const uint8_t kNop5[] = {0x0F, 0x1F, 0x44, 0x00, 0x00};
    for (uint8_t b : kNop5) a.db(b);
    a.push(a.rbp);
    a.push(a.rbx);
    a.push(a.r12);
    a.push(a.r13);
    a.push(a.r14);
    a.push(a.r15);
    a.sub(a.rsp, kStackReserve);
    a.mov(a.rbp, a.rdi);
    load_globals(kScratch);
    a.mov(a.r10, a.qword[a.r11 + layout::kGlobalsRootStackTopOffset]);
    a.mov(a.qword[a.r10], a.rbp);
    a.add(a.qword[a.r11 + layout::kGlobalsRootStackTopOffset], 8);
    const auto& inputs = trace_.inputs();
    for (size_t i = 0; i < inputs.size(); ++i) {
      int slot = kFrameFirstSpillSlot + static_cast<int>(i);
      ra_->place(inputs[i], Location::slot(slot));
      if (trace_.type(inputs[i]) == ValueType::Ref) ref_slots.push_back(slot);
    }
  } else {
    const auto& inputs = trace_.inputs();
    std::vector<std::pair<size_t, int>> duplicates;  // inputs whose location an earlier one has
    std::set<int> taken;
    for (size_t i = 0; i < inputs.size(); ++i) {
      int slot = from_guard_->exit_slots[i];
      if (!taken.insert(slot).second) {
        duplicates.push_back({i, slot});
        continue;
      }
      ra_->place(inputs[i], Location::from_exit_slot(slot, trace_.type(inputs[i]) == ValueType::Float));
      if (trace_.type(inputs[i]) == ValueType::Ref) ref_slots.push_back(slot);
    }
    // A value the guard listed twice: the bridge's second input gets a copy in a fresh slot
    // (after the frame check below, which may move the frame).
    pending_duplicates_ = duplicates;
  }
  // Frame depth check: the immediate is patched once the depth is known.
  auto info = std::make_unique<ReallocInfo>();
  info->gcmap = make_gcmap(ref_slots);
  info->gc = &ctx_.gc;
  ReallocInfo* raw = info.get();
  piece_->realloc_infos.push_back(std::move(info));
  a.cmp(a.qword[a.rbp + kJitFrameLengthOffset], 0x7fffffff);
  depth_patch_offset_ = a.getSize() - 4;
  has_depth_check_ = true;
  auto slow = std::make_shared<Xbyak::Label>();
  auto back = std::make_shared<Xbyak::Label>();
  a.jl(*slow, Xbyak::CodeGenerator::T_NEAR);
  a.L(*back);
  for (auto& [i, slot] : pending_duplicates_) {
    ValueId v = trace_.inputs()[i];
    int copy = ra_->new_spill_slot();
    moves_->move(Location::slot(copy), Location::from_exit_slot(slot, trace_.type(v) == ValueType::Float), trace_.type(v));
    ra_->place(v, Location::slot(copy));
  }
  pending_duplicates_.clear();
  out_of_line_.push_back([this, slow, back, raw] {
    auto& a = *a_;
    a.L(*slow);
    a.mov(a.r11, reinterpret_cast<uint64_t>(raw));
    a.call(reinterpret_cast<const void*>(ctx_.stubs.realloc_frame));
    a.jmp(*back, Xbyak::CodeGenerator::T_NEAR);
  });
}

int32_t TraceAssembler::condition_fusable(size_t i) const {
  const auto& ops = trace_.ops();
  const Op& op = ops[i];
  if (!has_flag(op.opcode, kBoolResult) || op.result == kNoValue) return -1;
  if (op.opcode == Opcode::FloatEq || op.opcode == Opcode::FloatNe) return -1;
  if (i + 1 >= ops.size()) return -1;
  const Op& next = ops[i + 1];
  if (next.opcode != Opcode::GuardTrue && next.opcode != Opcode::GuardFalse) return -1;
  if (trace_.arg(next, 0) != op.result || live_.last_use(op.result) != static_cast<int32_t>(i + 1)) return -1;
  for (ValueId v : trace_.fail_args(next))
    if (v == op.result) return -1;
  return static_cast<int32_t>(i + 1);
}

void TraceAssembler::emit_op(size_t i) {
  const Op& op = trace_.ops()[i];
  switch (op.opcode) {
    case Opcode::Label: return emit_label(op);
    case Opcode::Jump: return emit_jump(op);
    case Opcode::Finish: return emit_finish(op);
    case Opcode::IntAdd: case Opcode::IntSub: case Opcode::IntMul: case Opcode::IntAnd: case Opcode::IntOr:
    case Opcode::IntXor:
      return emit_int_binary(op);
    case Opcode::IntFloorDiv: case Opcode::IntMod: case Opcode::UintFloorDiv: case Opcode::UintMod:
      return emit_int_division(op);
    case Opcode::IntLshift: case Opcode::IntRshift: case Opcode::UintRshift:
      return emit_shift(op);
    case Opcode::IntNeg: case Opcode::IntInvert: case Opcode::IntAbs: case Opcode::IntForceGeZero:
    case Opcode::SameAs: case Opcode::CastPtrToInt: case Opcode::CastIntToPtr:
      return emit_int_unary(op);
    case Opcode::IntAddOvf: case Opcode::IntSubOvf: case Opcode::IntMulOvf:
      return emit_ovf(op);
    case Opcode::FloatAdd: case Opcode::FloatSub: case Opcode::FloatMul: case Opcode::FloatTrueDiv:
      return emit_float_binary(op);
    case Opcode::FloatNeg: case Opcode::FloatAbs:
      return emit_float_unary(op);
    case Opcode::CastFloatToInt: case Opcode::CastIntToFloat: case Opcode::ConvertFloatBytesToLonglong:
    case Opcode::ConvertLonglongBytesToFloat:
      return emit_cast(op);
    case Opcode::ArraylenGc: case Opcode::GetfieldGc: case Opcode::GetfieldRaw: case Opcode::GetarrayitemGc:
    case Opcode::GetarrayitemRaw: case Opcode::GetinteriorfieldGc: case Opcode::RawLoad:
      return emit_load(op);
    case Opcode::SetfieldGc: case Opcode::SetfieldRaw: case Opcode::SetarrayitemGc: case Opcode::SetarrayitemRaw:
    case Opcode::SetinteriorfieldGc: case Opcode::SetinteriorfieldRaw: case Opcode::RawStore:
      return emit_store(op);
    case Opcode::Strlen: case Opcode::Strgetitem: case Opcode::Unicodelen: case Opcode::Unicodegetitem:
    case Opcode::Strsetitem: case Opcode::Unicodesetitem: case Opcode::Copystrcontent:
    case Opcode::Copyunicodecontent:
      return emit_string_op(op);
    case Opcode::New: case Opcode::NewWithVtable: case Opcode::NewArray: case Opcode::NewArrayClear:
    case Opcode::Newstr: case Opcode::Newunicode:
      return emit_allocation(op);
    case Opcode::ForceToken: {
      Gpr r = ra_->def_gpr(op.result);
      a_->mov(reg64(r), a_->rbp);
      return;
    }
    case Opcode::Keepalive: return;
    case Opcode::Call: case Opcode::CallPure: case Opcode::CallLoopinvariant: case Opcode::CallMayForce:
      return emit_call(op, i);
    case Opcode::CondCall: return emit_cond_call(op);
    case Opcode::CallAssembler: return emit_call_assembler(op, i);
    default:
      if (has_flag(op.opcode, kBoolResult)) return emit_comparison(op, condition_fusable(i) >= 0);
      if (is_guard(op.opcode)) return emit_guard(op, i);
      throw std::logic_error("x86 backend: no encoding for " + std::string(op_name(op.opcode)));
  }
}

void TraceAssembler::emit_label(const Op& op) {
  auto* target = static_cast<TargetToken*>(op.descr);
  std::vector<Location> locs = ra_->place_label_args(trace_.args(op));
  auto label = std::make_unique<Xbyak::Label>();
  a_->align(16);
  a_->L(*label);
  label_offsets_.push_back({a_->getSize(), target});
  label_locations_.push_back({target, locs});
  local_labels_.push_back({target, std::move(label)});
}

void TraceAssembler::emit_jump(const Op& op) {
  auto* target = static_cast<TargetToken*>(op.descr);
  auto args = trace_.args(op);
  const std::vector<Location>* dst = nullptr;
  Xbyak::Label* local = nullptr;
  for (auto& [t, locs] : label_locations_)
    if (t == target) dst = &locs;
  for (auto& [t, l] : local_labels_)
    if (t == target) local = l.get();
  std::vector<Location> decoded;
  if (!dst) {
    if (!target->code) throw std::invalid_argument("jump to a label that is not compiled");
    for (size_t k = 0; k < target->arg_locations.size(); ++k)
      decoded.push_back(Location::from_exit_slot(target->arg_locations[k], target->arg_types[k] == ValueType::Float));
    dst = &decoded;
    if (target->owner && target->owner != loop_.token && target->owner->backend_loop)
      extra_depth_ = std::max<int>(extra_depth_, static_cast<int>(static_cast<LoopData*>(target->owner->backend_loop)->frame_depth));
  }
  std::vector<Move> moves;
  for (size_t k = 0; k < args.size(); ++k) moves.push_back({(*dst)[k], ra_->loc(args[k]), trace_.type(args[k])});
  moves_->parallel(std::move(moves));
  if (local) a_->jmp(*local, Xbyak::CodeGenerator::T_NEAR);
  else a_->jmp(reinterpret_cast<const void*>(target->code), Xbyak::CodeGenerator::T_NEAR);
}

void TraceAssembler::emit_finish(const Op& op) {
  auto* d = static_cast<FailDescr*>(op.descr);
  auto args = trace_.args(op);
  std::vector<Move> moves;
  std::vector<int> refs;
  d->exit_slots.clear();
  d->exit_types.clear();
  for (size_t k = 0; k < args.size(); ++k) {
    moves.push_back({Location::slot(static_cast<int>(k)), ra_->loc(args[k]), trace_.type(args[k])});
    d->exit_slots.push_back(static_cast<int>(k));
    d->exit_types.push_back(trace_.type(args[k]));
    if (trace_.type(args[k]) == ValueType::Ref) refs.push_back(static_cast<int>(k));
  }
  d->gcmap = make_gcmap(refs);
  d->finish_value_count = static_cast<int32_t>(args.size());
  min_depth_ = std::max(min_depth_, static_cast<int>(args.size()));
  moves_->parallel(std::move(moves));
  a_->mov(a_->r11, reinterpret_cast<uint64_t>(d));
  a_->mov(a_->qword[a_->rbp + kJitFrameDescrOffset], a_->r11);
  a_->mov(a_->r11, reinterpret_cast<uint64_t>(d->gcmap));
  a_->mov(a_->qword[a_->rbp + kJitFrameGcmapOffset], a_->r11);
  a_->jmp(reinterpret_cast<const void*>(ctx_.stubs.exit_common), Xbyak::CodeGenerator::T_NEAR);
}

void TraceAssembler::emit_code(Xbyak::CodeGenerator& a) {
  a_ = &a;
  piece_ = std::make_unique<CompiledPiece>();
  piece_->is_bridge = from_guard_ != nullptr;
  piece_->refs = std::make_unique<GcRefTable>(trace_);
  moves_ = std::make_unique<MoveEmitter>(a, *piece_->refs);
  ra_ = std::make_unique<RegisterAllocator>(trace_, live_, *moves_);
  out_of_line_.clear();
  local_labels_.clear();
  guard_stubs_.clear();
  label_offsets_.clear();
  label_locations_.clear();
  invalidation_offsets_.clear();
  invalidation_guards_.clear();
  patch_offsets_.clear();
  stub_saves_exception_.clear();
  has_pending_cond_ = false;
  extra_depth_ = 0;
  min_depth_ = 0;

  emit_entry(a);
  const auto& ops = trace_.ops();
  for (size_t i = 0; i < ops.size(); ++i) {
    ra_->begin_op(static_cast<int32_t>(i));
    try {
      emit_op(i);
    } catch (const std::logic_error& e) {
      throw std::logic_error("x86 backend, operation " + std::to_string(i) + " (" +
                             std::string(op_name(ops[i].opcode)) + "): " + e.what());
    }
    ra_->end_op();
  }
  // Out of line: slow paths, then one recovery stub per guard (all its jumps land there).
  for (size_t k = 0; k < out_of_line_.size(); ++k) out_of_line_[k]();
  // Group the jumps by guard (a guard may have several), in order of first appearance.
  std::vector<FailDescr*> order;
  std::unordered_map<FailDescr*, std::vector<Xbyak::Label*>> labels_of;
  for (auto& [d, label] : guard_stubs_) {
    auto& labels = labels_of[d];
    if (labels.empty()) order.push_back(d);
    labels.push_back(label.get());
  }
  stub_offsets_.clear();
  for (FailDescr* d : order) {
    for (Xbyak::Label* label : labels_of[d]) a.L(*label);
    stub_offsets_.push_back({d, a.getSize()});
    // Room for the bridge jump patched over the stub's start.
    static const uint8_t kNop5[] = {0x0F, 0x1F, 0x44, 0x00, 0x00};
    for (uint8_t b : kNop5) a.db(b);
    if (stub_saves_exception_.count(d)) {
      load_globals(kScratch);
      a.mov(a.r10, a.qword[a.r11 + layout::kGlobalsExcValueOffset]);
      a.mov(a.qword[a.rbp + kJitFrameGuardExcOffset], a.r10);
      a.mov(a.qword[a.r11 + layout::kGlobalsExcTypeOffset], 0);
      a.mov(a.qword[a.r11 + layout::kGlobalsExcValueOffset], 0);
    }
    a.mov(a.r11, reinterpret_cast<uint64_t>(d));
    a.jmp(reinterpret_cast<const void*>(ctx_.stubs.guard_exit), Xbyak::CodeGenerator::T_NEAR);
  }
}

std::unique_ptr<CompiledPiece> TraceAssembler::assemble() {
  std::string err = verify_trace(trace_);
  if (!err.empty()) throw std::invalid_argument("invalid trace: " + err);
  size_t estimate = 1024;
  for (const Op& op : trace_.ops()) estimate += 64 + 16 * (op.num_args + op.num_fail_args) + (is_guard(op.opcode) ? 48 : 0);
  while (true) {
    CodeMemory::Block block = ctx_.memory.allocate(estimate);
    try {
      Xbyak::CodeGenerator a(block.size, block.start);
      emit_code(a);
      a.ready();
      uint8_t* base = block.start;
      int depth = std::max({ra_->frame_depth(), extra_depth_, min_depth_});
      piece_->frame_depth = depth;
      for (auto& info : piece_->realloc_infos) info->depth = depth;
      int32_t depth32 = depth;
      std::memcpy(base + depth_patch_offset_, &depth32, 4);
      piece_->code = block;
      piece_->code_size = a.getSize();
      piece_->start = base;
      for (auto& [offset, target] : label_offsets_) {
        target->code = base + offset;
        target->owner = loop_.token;
      }
      for (auto& [target, locs] : label_locations_) {
        target->arg_locations.clear();
        target->arg_types.clear();
        for (auto& l : locs) target->arg_locations.push_back(l.exit_slot());
      }
      for (auto& [target, locs] : label_locations_) {
        (void)locs;
        for (const Op& op : trace_.ops())
          if (op.opcode == Opcode::Label && op.descr == target)
            for (ValueId v : trace_.args(op)) target->arg_types.push_back(trace_.type(v));
      }
      std::unordered_map<FailDescr*, int> jumps_per_guard;
      for (auto& [d, off] : patch_offsets_) ++jumps_per_guard[d];
      for (auto& [d, off] : patch_offsets_) d->patch_site = jumps_per_guard[d] == 1 ? base + off : nullptr;
      for (auto& [d, off] : stub_offsets_) {
        d->stub = base + off;
        d->owner = loop_.token;
        d->bridge_code = nullptr;
      }
      for (auto& [nop, stub_index] : invalidation_offsets_)
        piece_->invalidation_sites.push_back({base + nop, nullptr});
      for (size_t k = 0; k < invalidation_offsets_.size(); ++k)
        piece_->invalidation_sites[k].stub = invalidation_guards_[k]->stub;
      ctx_.memory.seal(block, a.getSize());
      piece_->code = block;
      return std::move(piece_);
    } catch (const Xbyak::Error& e) {
      ctx_.memory.abandon(block);
      if (static_cast<int>(e) != Xbyak::ERR_CODE_IS_TOO_BIG) throw std::runtime_error(std::string("x86 backend: ") + e.what());
      estimate *= 2;
    } catch (...) {
      ctx_.memory.abandon(block);
      throw;
    }
  }
}

}  // namespace rpp::jit::x86
