// Encodings of memory operations: field, array, interior-field and raw loads and stores at the
// descriptors' offsets (runtime/layout.h), string length/item/set/copy, the write barrier (a
// conditional call on the header's kGcFlagTrackYoungPtrs bit), and allocation (the nursery bump
// inline, the GC's malloc as an out-of-line slow path).
#include <climits>

#include "runtime/jit/backend/x86_64/assembler.h"
#include "runtime/layout.h"
#include "runtime/ops.h"

namespace rpp::jit::x86 {

namespace {

bool fits_imm32(int64_t v) { return v >= INT32_MIN && v <= INT32_MAX; }
uint32_t bit(int r) { return 1u << r; }

int scale_of(uint32_t size) { return size == 1 || size == 2 || size == 4 || size == 8 ? static_cast<int>(size) : 0; }

void copy_string_content(char* src, char* dst, int64_t src_start, int64_t dst_start, int64_t length, int64_t scale) {
  ops::raw_memcopy(src + layout::kStrCharsOffset + scale * src_start, dst + layout::kStrCharsOffset + scale * dst_start,
                   scale * length);
}

}  // namespace

// base + index * size + offset, with the index in a register (or folded when constant).
static Xbyak::RegExp item_expr(Xbyak::CodeGenerator& a, RegisterAllocator& ra, const Trace& t, Gpr base, ValueId index,
                               uint32_t size, int64_t offset) {
  if (t.is_const(index)) {
    int64_t disp = offset + t.const_int_value(index) * static_cast<int64_t>(size);
    if (fits_imm32(disp)) return reg64(base) + static_cast<int32_t>(disp);
    a.mov(a.r11, disp);
    return reg64(base) + a.r11;
  }
  Gpr ri = ra.use_gpr(index);
  if (int s = scale_of(size)) return reg64(base) + reg64(ri) * s + static_cast<int32_t>(offset);
  a.imul(a.r11, reg64(ri), static_cast<int32_t>(size));
  return reg64(base) + a.r11 + static_cast<int32_t>(offset);
}

static void load_sized(Xbyak::CodeGenerator& a, RegisterAllocator& ra, ValueId result, ValueType type, uint32_t size,
                       bool is_signed, const Xbyak::RegExp& e, std::optional<ValueId> reuse) {
  if (type == ValueType::Float) {
    int x = ra.def_xmm(result);
    a.movsd(xmm(x), a.qword[e]);
    return;
  }
  Gpr r = ra.def_gpr(result, reuse);
  switch (size) {
    case 1:
      if (is_signed) a.movsx(reg64(r), a.byte[e]);
      else a.movzx(reg32(r), a.byte[e]);
      break;
    case 2:
      if (is_signed) a.movsx(reg64(r), a.word[e]);
      else a.movzx(reg32(r), a.word[e]);
      break;
    case 4:
      if (is_signed) a.movsxd(reg64(r), a.dword[e]);
      else a.mov(reg32(r), a.dword[e]);
      break;
    default: a.mov(reg64(r), a.qword[e]); break;
  }
}

void TraceAssembler::emit_load(const Op& op) {
  auto& a = *a_;
  ValueId p = trace_.arg(op, 0);
  Gpr base = ra_->use_gpr(p);
  std::optional<ValueId> reuse = p;
  switch (op.opcode) {
    case Opcode::ArraylenGc: {
      auto* d = static_cast<ArrayDescr*>(op.descr);
      load_sized(a, *ra_, op.result, ValueType::Int, 8, true, reg64(base) + static_cast<int32_t>(d->length_offset), reuse);
      return;
    }
    case Opcode::GetfieldGc:
    case Opcode::GetfieldRaw: {
      auto* f = static_cast<FieldDescr*>(op.descr);
      load_sized(a, *ra_, op.result, f->type, f->size, f->is_signed, reg64(base) + static_cast<int32_t>(f->offset), reuse);
      return;
    }
    case Opcode::GetarrayitemGc:
    case Opcode::GetarrayitemRaw: {
      auto* d = static_cast<ArrayDescr*>(op.descr);
      auto e = item_expr(a, *ra_, trace_, base, trace_.arg(op, 1), d->item_size, d->base_offset);
      load_sized(a, *ra_, op.result, d->item_type, d->item_size, d->is_signed, e, reuse);
      return;
    }
    case Opcode::GetinteriorfieldGc: {
      auto* d = static_cast<InteriorFieldDescr*>(op.descr);
      auto e = item_expr(a, *ra_, trace_, base, trace_.arg(op, 1), d->array->item_size,
                         int64_t{d->array->base_offset} + d->field->offset);
      load_sized(a, *ra_, op.result, d->field->type, d->field->size, d->field->is_signed, e, reuse);
      return;
    }
    case Opcode::RawLoad: {
      auto* d = static_cast<ArrayDescr*>(op.descr);
      auto e = item_expr(a, *ra_, trace_, base, trace_.arg(op, 1), 1, 0);
      load_sized(a, *ra_, op.result, d->item_type, d->item_size, d->is_signed, e, reuse);
      return;
    }
    default: throw std::logic_error("emit_load");
  }
}

void TraceAssembler::write_barrier(Gpr object) {
  auto& a = *a_;
  a.test(a.byte[reg64(object) + layout::kGcFlagsOffset], static_cast<uint8_t>(layout::kGcFlagTrackYoungPtrs));
  auto slow = std::make_shared<Xbyak::Label>();
  auto back = std::make_shared<Xbyak::Label>();
  a.jnz(*slow, Xbyak::CodeGenerator::T_NEAR);
  a.L(*back);
  out_of_line_.push_back([this, slow, back, object] {
    auto& a = *a_;
    a.L(*slow);
    a.call(reinterpret_cast<const void*>(ctx_.stubs.save_all));
    a.mov(a.rsi, reg64(object));
    a.mov(a.rdi, reinterpret_cast<uint64_t>(ctx_.gc.gc));
    a.mov(a.rax, reinterpret_cast<uint64_t>(ctx_.gc.write_barrier));
    a.call(a.rax);
    a.call(reinterpret_cast<const void*>(ctx_.stubs.restore_all));
    a.jmp(*back, Xbyak::CodeGenerator::T_NEAR);
  });
}

// Stores `value` (a variable or a constant) of the given type and size at e.
static void store_sized(Xbyak::CodeGenerator& a, RegisterAllocator& ra, MoveEmitter& moves, const Trace& t,
                        ValueId value, ValueType type, uint32_t size, const Xbyak::RegExp& e) {
  if (t.is_const(value)) {
    uint64_t bits = t.value(value).constant;
    int64_t v = static_cast<int64_t>(bits);
    bool small = type == ValueType::Int && fits_imm32(v);
    if (small || (size < 8 && type == ValueType::Int)) {
      switch (size) {
        case 1: a.mov(a.byte[e], static_cast<uint8_t>(bits)); return;
        case 2: a.mov(a.word[e], static_cast<uint16_t>(bits)); return;
        case 4: a.mov(a.dword[e], static_cast<uint32_t>(bits)); return;
        default: a.mov(a.qword[e], static_cast<int32_t>(v)); return;
      }
    }
    moves.load_imm(kScratch2, bits, type == ValueType::Float ? ValueType::Int : type);
    a.mov(a.qword[e], a.r10);
    return;
  }
  if (type == ValueType::Float) {
    a.movsd(a.qword[e], xmm(ra.use_xmm(value)));
    return;
  }
  Gpr r = ra.use_gpr(value);
  switch (size) {
    case 1: a.mov(a.byte[e], reg8(r)); return;
    case 2: a.mov(a.word[e], reg16(r)); return;
    case 4: a.mov(a.dword[e], reg32(r)); return;
    default: a.mov(a.qword[e], reg64(r)); return;
  }
}

void TraceAssembler::emit_store(const Op& op) {
  auto& a = *a_;
  ValueId p = trace_.arg(op, 0);
  Gpr base = ra_->use_gpr(p);
  bool gc = op.opcode == Opcode::SetfieldGc || op.opcode == Opcode::SetarrayitemGc ||
            op.opcode == Opcode::SetinteriorfieldGc;
  ValueType type;
  uint32_t size;
  ValueId value;
  // Load the value first, so that the address computation's use of r11 comes last.
  switch (op.opcode) {
    case Opcode::SetfieldGc:
    case Opcode::SetfieldRaw: {
      auto* f = static_cast<FieldDescr*>(op.descr);
      type = f->type;
      size = f->size;
      value = trace_.arg(op, 1);
      if (!trace_.is_const(value)) (type == ValueType::Float ? (void)ra_->use_xmm(value) : (void)ra_->use_gpr(value));
      if (gc && type == ValueType::Ref) write_barrier(base);
      store_sized(a, *ra_, *moves_, trace_, value, type, size, reg64(base) + static_cast<int32_t>(f->offset));
      return;
    }
    case Opcode::SetarrayitemGc:
    case Opcode::SetarrayitemRaw:
    case Opcode::RawStore: {
      auto* d = static_cast<ArrayDescr*>(op.descr);
      type = d->item_type;
      size = d->item_size;
      value = trace_.arg(op, 2);
      if (!trace_.is_const(value)) (type == ValueType::Float ? (void)ra_->use_xmm(value) : (void)ra_->use_gpr(value));
      if (!trace_.is_const(trace_.arg(op, 1))) ra_->use_gpr(trace_.arg(op, 1));
      if (gc && type == ValueType::Ref) write_barrier(base);
      bool raw_store = op.opcode == Opcode::RawStore;
      auto e = item_expr(a, *ra_, trace_, base, trace_.arg(op, 1), raw_store ? 1 : d->item_size,
                         raw_store ? 0 : d->base_offset);
      store_sized(a, *ra_, *moves_, trace_, value, type, size, e);
      return;
    }
    case Opcode::SetinteriorfieldGc:
    case Opcode::SetinteriorfieldRaw: {
      auto* d = static_cast<InteriorFieldDescr*>(op.descr);
      type = d->field->type;
      size = d->field->size;
      value = trace_.arg(op, 2);
      if (!trace_.is_const(value)) (type == ValueType::Float ? (void)ra_->use_xmm(value) : (void)ra_->use_gpr(value));
      if (!trace_.is_const(trace_.arg(op, 1))) ra_->use_gpr(trace_.arg(op, 1));
      if (gc && type == ValueType::Ref) write_barrier(base);
      auto e = item_expr(a, *ra_, trace_, base, trace_.arg(op, 1), d->array->item_size,
                         int64_t{d->array->base_offset} + d->field->offset);
      store_sized(a, *ra_, *moves_, trace_, value, type, size, e);
      return;
    }
    default: throw std::logic_error("emit_store");
  }
}

void TraceAssembler::emit_string_op(const Op& op) {
  auto& a = *a_;
  bool wide = op.opcode == Opcode::Unicodelen || op.opcode == Opcode::Unicodegetitem ||
              op.opcode == Opcode::Unicodesetitem || op.opcode == Opcode::Copyunicodecontent;
  uint32_t char_size = wide ? 4 : 1;
  if (op.opcode == Opcode::Copystrcontent || op.opcode == Opcode::Copyunicodecontent) {
    std::vector<CallArg> args;
    auto a5 = trace_.args(op);
    for (size_t k = 0; k < 5; ++k) args.push_back({a5[k], 0, k < 2 ? ValueType::Ref : ValueType::Int});
    args.push_back({kNoValue, char_size, ValueType::Int});
    emit_helper_call(reinterpret_cast<uint64_t>(&copy_string_content), args, kNoValue, false);
    return;
  }
  ValueId s = trace_.arg(op, 0);
  Gpr base = ra_->use_gpr(s);
  switch (op.opcode) {
    case Opcode::Strlen:
    case Opcode::Unicodelen:
      load_sized(a, *ra_, op.result, ValueType::Int, 8, true, reg64(base) + static_cast<int32_t>(layout::kStrLengthOffset), s);
      return;
    case Opcode::Strgetitem:
    case Opcode::Unicodegetitem: {
      auto e = item_expr(a, *ra_, trace_, base, trace_.arg(op, 1), char_size, layout::kStrCharsOffset);
      load_sized(a, *ra_, op.result, ValueType::Int, char_size, false, e, s);
      return;
    }
    case Opcode::Strsetitem:
    case Opcode::Unicodesetitem: {
      ValueId value = trace_.arg(op, 2);
      if (!trace_.is_const(value)) ra_->use_gpr(value);
      if (!trace_.is_const(trace_.arg(op, 1))) ra_->use_gpr(trace_.arg(op, 1));
      auto e = item_expr(a, *ra_, trace_, base, trace_.arg(op, 1), char_size, layout::kStrCharsOffset);
      store_sized(a, *ra_, *moves_, trace_, value, ValueType::Int, char_size, e);
      return;
    }
    default: throw std::logic_error("emit_string_op");
  }
}

void TraceAssembler::emit_allocation(const Op& op) {
  auto& a = *a_;
  uint32_t tid = 0, item_size = 0, items_offset = 0, length_offset = 0, extra = 0;
  uint64_t fixed_size = 0;
  uintptr_t vtable = 0;
  bool varsize = false;
  switch (op.opcode) {
    case Opcode::New:
    case Opcode::NewWithVtable: {
      auto* d = static_cast<SizeDescr*>(op.descr);
      tid = d->type_id;
      fixed_size = d->size;
      if (op.opcode == Opcode::NewWithVtable) vtable = d->vtable;
      break;
    }
    case Opcode::NewArray:
    case Opcode::NewArrayClear: {
      auto* d = static_cast<ArrayDescr*>(op.descr);
      tid = d->type_id;
      item_size = d->item_size;
      items_offset = d->base_offset;
      length_offset = d->length_offset;
      varsize = true;
      break;
    }
    case Opcode::Newstr:
    case Opcode::Newunicode: {
      bool wide = op.opcode == Opcode::Newunicode;
      tid = wide ? layout::kTidStrWide : layout::kTidStrNarrow;
      item_size = wide ? 4 : 1;
      items_offset = layout::kStrCharsOffset;
      length_offset = layout::kStrLengthOffset;
      extra = wide ? 0 : 1;
      varsize = true;
      break;
    }
    default: throw std::logic_error("emit_allocation");
  }
  uint64_t max_size = ctx_.gc.max_nursery_object_size;
  ValueId length = varsize ? trace_.arg(op, 0) : kNoValue;
  Gpr rlen = RAX;
  bool const_length = varsize && trace_.is_const(length);
  if (varsize && !const_length) rlen = ra_->use_gpr(length);
  if (const_length) {
    int64_t n = trace_.const_int_value(length);
    uint64_t raw = items_offset + static_cast<uint64_t>(n) * item_size + extra;
    fixed_size = std::max<uint64_t>((raw + 7) & ~uint64_t{7}, layout::kMinObjectSize);
    if (n < 0) fixed_size = UINT64_MAX;
  }
  Gpr r = ra_->def_gpr(op.result, std::nullopt, varsize && !const_length ? bit(rlen) : 0);
  std::vector<int> gc_slots = ra_->live_ref_slots(true, op.result);
  const uint64_t* gcmap = make_gcmap(gc_slots);
  auto slow = std::make_shared<Xbyak::Label>();
  auto back = std::make_shared<Xbyak::Label>();
  bool inline_fast_path = varsize ? (const_length ? fixed_size <= max_size : true) : fixed_size <= max_size;
  if (inline_fast_path) {
    if (varsize && !const_length) {
      uint64_t max_items = max_size > items_offset + extra ? (max_size - items_offset - extra) / item_size : 0;
      if (max_items > INT32_MAX) max_items = INT32_MAX;
      a.cmp(reg64(rlen), static_cast<int32_t>(max_items));
      a.ja(*slow, Xbyak::CodeGenerator::T_NEAR);
      int32_t add = static_cast<int32_t>(items_offset + extra + 7);
      if (int s = scale_of(item_size)) a.lea(a.r10, a.ptr[reg64(rlen) * s + add]);
      else {
        a.imul(a.r10, reg64(rlen), static_cast<int32_t>(item_size));
        a.add(a.r10, add);
      }
      a.and_(a.r10, -8);
      load_globals(kScratch);
      a.mov(reg64(r), a.qword[a.r11 + layout::kGlobalsNurseryFreeOffset]);
      a.add(a.r10, reg64(r));
    } else {
      load_globals(kScratch);
      a.mov(reg64(r), a.qword[a.r11 + layout::kGlobalsNurseryFreeOffset]);
      a.lea(a.r10, a.ptr[reg64(r) + static_cast<int32_t>(fixed_size)]);
    }
    a.cmp(a.r10, a.qword[a.r11 + layout::kGlobalsNurseryTopOffset]);
    a.ja(*slow, Xbyak::CodeGenerator::T_NEAR);
    a.mov(a.qword[a.r11 + layout::kGlobalsNurseryFreeOffset], a.r10);
    a.mov(a.qword[reg64(r)], static_cast<int32_t>(tid));
    if (varsize) {
      if (const_length) a.mov(a.qword[reg64(r) + static_cast<int32_t>(length_offset)],
                              static_cast<int32_t>(trace_.const_int_value(length)));
      else a.mov(a.qword[reg64(r) + static_cast<int32_t>(length_offset)], reg64(rlen));
    }
  } else {
    a.jmp(*slow, Xbyak::CodeGenerator::T_NEAR);
  }
  a.L(*back);
  if (vtable) {
    a.mov(a.r10, static_cast<uint64_t>(vtable));
    a.mov(a.qword[reg64(r) + layout::kTypeptrOffset], a.r10);
  }
  int64_t const_len = const_length ? trace_.const_int_value(length) : 0;
  out_of_line_.push_back([this, slow, back, r, rlen, varsize, const_length, const_len, tid, fixed_size, gcmap] {
    auto& a = *a_;
    a.L(*slow);
    a.call(reinterpret_cast<const void*>(ctx_.stubs.save_all));
    a.mov(a.r11, reinterpret_cast<uint64_t>(gcmap));
    a.mov(a.qword[a.rbp + kJitFrameGcmapOffset], a.r11);
    if (varsize) {
      if (const_length) a.mov(a.rdx, static_cast<uint64_t>(const_len));
      else a.mov(a.rdx, reg64(rlen));
      a.mov(a.esi, tid);
      a.mov(a.rdi, reinterpret_cast<uint64_t>(ctx_.gc.gc));
      a.mov(a.rax, reinterpret_cast<uint64_t>(ctx_.gc.malloc_varsize));
    } else {
      a.mov(a.rdx, fixed_size);
      a.mov(a.esi, tid);
      a.mov(a.rdi, reinterpret_cast<uint64_t>(ctx_.gc.gc));
      a.mov(a.rax, reinterpret_cast<uint64_t>(ctx_.gc.malloc_fixed));
    }
    a.call(a.rax);
    a.mov(a.r10, a.rax);
    reload_frame();
    a.call(reinterpret_cast<const void*>(ctx_.stubs.restore_all));
    a.mov(reg64(r), a.r10);
    a.jmp(*back, Xbyak::CodeGenerator::T_NEAR);
  });
}

}  // namespace rpp::jit::x86
