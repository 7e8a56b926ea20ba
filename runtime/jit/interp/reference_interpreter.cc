// The reference interpreter (see reference_interpreter.h).
#include "runtime/jit/interp/reference_interpreter.h"

#include <stdexcept>

#include "runtime/jit/interp/dynamic_call.h"
#include "runtime/jit/ir/op_semantics.h"
#include "runtime/jit/ir/trace_verifier.h"
#include "runtime/layout.h"
#include "runtime/ops.h"

namespace rpp::jit {

using layout::GcHeader;

namespace {

Word load_value(const void* base, int64_t offset, uint32_t size, bool is_signed, ValueType type) {
  if (type == ValueType::Float) return std::bit_cast<Word>(ops::load<double>(base, offset));
  switch (size) {
    case 1: return is_signed ? Word(int64_t(ops::load<int8_t>(base, offset))) : Word(ops::load<uint8_t>(base, offset));
    case 2: return is_signed ? Word(int64_t(ops::load<int16_t>(base, offset))) : Word(ops::load<uint16_t>(base, offset));
    case 4: return is_signed ? Word(int64_t(ops::load<int32_t>(base, offset))) : Word(ops::load<uint32_t>(base, offset));
    default: return ops::load<uint64_t>(base, offset);
  }
}

void store_value(void* base, int64_t offset, uint32_t size, ValueType type, Word v) {
  if (type == ValueType::Float) return ops::store<double>(base, offset, std::bit_cast<double>(v));
  switch (size) {
    case 1: return ops::store<uint8_t>(base, offset, uint8_t(v));
    case 2: return ops::store<uint16_t>(base, offset, uint16_t(v));
    case 4: return ops::store<uint32_t>(base, offset, uint32_t(v));
    default: return ops::store<uint64_t>(base, offset, v);
  }
}

void* ptr(Word w) { return reinterpret_cast<void*>(w); }
char* adr(Word w) { return ops::cast_int_to_adr(static_cast<int64_t>(w)); }

bool saves_exception(Opcode op) {
  return op == Opcode::GuardNoException || op == Opcode::GuardException || op == Opcode::GuardNotForced;
}

}  // namespace

// One activation: the running trace and its frame, rooted in a shadow-stack slot.
struct ReferenceInterpreter::Run {
  ReferenceInterpreter& cpu;
  CompiledTrace* ct;
  GcHeader** root;

  JitFrame* frame() const { return reinterpret_cast<JitFrame*>(*root); }
  Word get(ValueId v) const {
    const ValueInfo& info = ct->trace.value(v);
    if (!info.is_const) return frame()->slots[v];
    int32_t k = ct->ref_constant_index[v];
    return k >= 0 ? reinterpret_cast<Word>(ct->ref_constants[k]) : info.constant;
  }
  void set(ValueId v, Word w) { frame()->slots[v] = w; }

  // A fresh frame for `next`; the current one stays rooted (and is updated) meanwhile.
  JitFrame* allocate_frame(CompiledTrace* next) {
    auto* f = reinterpret_cast<JitFrame*>(
        cpu.gc_.malloc_varsize(cpu.gc_.gc, kTidJitFrame, static_cast<int64_t>(next->trace.num_values())));
    f->gcmap = next->gcmap.data();
    return f;
  }
  // Continues in `next` with `values` written into `targets` (input arguments or label arguments).
  void switch_to(CompiledTrace* next, std::span<const ValueId> sources, std::span<const ValueId> targets) {
    if (next == ct) {
      std::vector<Word> values;
      for (ValueId s : sources) values.push_back(get(s));
      for (size_t i = 0; i < targets.size(); ++i) set(targets[i], values[i]);
      return;
    }
    JitFrame* fresh = allocate_frame(next);
    for (size_t i = 0; i < targets.size(); ++i) fresh->slots[targets[i]] = get(sources[i]);
    *root = reinterpret_cast<GcHeader*>(fresh);
    ct = next;
  }
};

ReferenceInterpreter::~ReferenceInterpreter() {
  for (auto& ct : traces_)
    if (ct->num_ref_constants) gc_.remove_roots(gc_.gc, ct->ref_constants.get());
}

ReferenceInterpreter::CompiledTrace* ReferenceInterpreter::compile(const Trace& trace, LoopToken* owner) {
  std::string err = verify_trace(trace);
  if (!err.empty()) throw std::invalid_argument("invalid trace: " + err);
  auto ct = std::make_unique<CompiledTrace>();
  ct->trace = trace;
  ct->owner = owner;
  size_t n = trace.num_values();
  ct->gcmap.assign(1 + (n + 63) / 64, 0);
  ct->gcmap[0] = (n + 63) / 64;
  for (ValueId v = 0; v < n; ++v)
    if (trace.type(v) == ValueType::Ref) ct->gcmap[1 + v / 64] |= uint64_t{1} << (v % 64);
  ct->ref_constant_index.assign(n, -1);
  for (ValueId v = 0; v < n; ++v)
    if (trace.is_const(v) && trace.type(v) == ValueType::Ref && trace.value(v).constant != 0)
      ct->ref_constant_index[v] = static_cast<int32_t>(ct->num_ref_constants++);
  ct->ref_constants.reset(new GcHeader*[ct->num_ref_constants ? ct->num_ref_constants : 1]());
  for (ValueId v = 0; v < n; ++v)
    if (ct->ref_constant_index[v] >= 0)
      ct->ref_constants[ct->ref_constant_index[v]] = reinterpret_cast<GcHeader*>(trace.value(v).constant);
  if (ct->num_ref_constants) gc_.add_roots(gc_.gc, ct->ref_constants.get(), ct->num_ref_constants);
  const auto& ops = ct->trace.ops();
  for (size_t i = 0; i < ops.size(); ++i) {
    const Op& op = ops[i];
    if (op.opcode == Opcode::Label) {
      auto* target = static_cast<TargetToken*>(op.descr);
      labels_[target] = {ct.get(), i};
      target->owner = owner;
      target->code = ct.get();
      target->arg_types.clear();
      for (ValueId a : ct->trace.args(op)) target->arg_types.push_back(ct->trace.type(a));
    }
    if (is_guard(op.opcode) || op.opcode == Opcode::Finish) {
      auto* d = static_cast<FailDescr*>(op.descr);
      auto values = is_guard(op.opcode) ? ct->trace.fail_args(op) : ct->trace.args(op);
      d->exit_slots.assign(values.begin(), values.end());
      d->exit_types.clear();
      for (ValueId v : values) d->exit_types.push_back(ct->trace.type(v));
      d->gcmap = ct->gcmap.data();
      d->owner = owner;
    }
  }
  traces_.push_back(std::move(ct));
  return traces_.back().get();
}

void ReferenceInterpreter::compile_loop(const Trace& trace, LoopToken* token) {
  CompiledTrace* ct = compile(trace, token);
  token->backend_loop = ct;
  token->input_types.clear();
  for (ValueId v : trace.inputs()) token->input_types.push_back(trace.type(v));
}

void ReferenceInterpreter::compile_bridge(FailDescr* guard, const Trace& bridge) {
  if (guard->finish) throw std::invalid_argument("a bridge from a finish");
  if (bridge.inputs().size() != guard->exit_types.size())
    throw std::invalid_argument("the bridge's inputs do not match the guard's fail arguments");
  for (size_t i = 0; i < bridge.inputs().size(); ++i)
    if (bridge.type(bridge.inputs()[i]) != guard->exit_types[i])
      throw std::invalid_argument("the bridge's input types do not match the guard's fail arguments");
  CompiledTrace* ct = compile(bridge, guard->owner);
  bridges_[guard] = ct;
  guard->bridge_code = ct;
}

void ReferenceInterpreter::redirect(LoopToken* from, LoopToken* to) { redirects_[from] = to; }

void ReferenceInterpreter::invalidate(LoopToken* token) { token->invalidated = true; }

JitFrame* ReferenceInterpreter::force(Word force_token) {
  auto* frame = reinterpret_cast<JitFrame*>(force_token);
  frame->descr = frame->force_descr;
  return frame;
}

JitFrame* ReferenceInterpreter::execute(LoopToken* token, std::span<const Word> args) { return run(token, args); }

JitFrame* ReferenceInterpreter::run(LoopToken* token, std::span<const Word> args) {
  for (auto it = redirects_.find(token); it != redirects_.end(); it = redirects_.find(token)) token = it->second;
  auto* ct = static_cast<CompiledTrace*>(token->backend_loop);
  if (!ct) throw std::invalid_argument("execute of a loop that is not compiled");
  if (args.size() != ct->trace.inputs().size()) throw std::invalid_argument("execute with the wrong number of arguments");

  // Root the reference arguments while the frame is allocated.
  auto& g = layout::rpp_globals;
  GcHeader** arg_roots = g.root_stack_top;
  auto is_ref_input = [&](size_t i) { return ct->trace.type(ct->trace.inputs()[i]) == ValueType::Ref; };
  for (size_t i = 0; i < args.size(); ++i)
    if (is_ref_input(i)) *g.root_stack_top++ = reinterpret_cast<GcHeader*>(args[i]);
  GcHeader** root = g.root_stack_top++;
  *root = nullptr;
  Run r{*this, ct, root};
  JitFrame* frame = r.allocate_frame(ct);
  *root = reinterpret_cast<GcHeader*>(frame);
  for (size_t i = 0, k = 0; i < args.size(); ++i)
    r.set(ct->trace.inputs()[i], is_ref_input(i) ? reinterpret_cast<Word>(arg_roots[k++]) : args[i]);
  auto write_barrier = [&](void* obj) {
    auto* h = static_cast<GcHeader*>(obj);
    if (h->flags & layout::kGcFlagTrackYoungPtrs) gc_.write_barrier(gc_.gc, h);
  };

  bool overflowed = false;
  size_t pc = 0;
  while (true) {
    const Trace& t = r.ct->trace;
    const Op& op = t.ops()[pc];
    ++ops_executed_;
    auto args_of = [&](const Op& o) { return t.args(o); };
    auto a = [&](int i) { return r.get(t.arg(op, i)); };
    bool guard_ok = true;
    switch (op.opcode) {
      case Opcode::Label: break;
      case Opcode::Jump: {
        auto [target_ct, index] = labels_.at(static_cast<TargetToken*>(op.descr));
        r.switch_to(target_ct, args_of(op), target_ct->trace.args(target_ct->trace.ops()[index]));
        pc = index + 1;
        continue;
      }
      case Opcode::Finish: {
        JitFrame* f = r.frame();
        f->descr = static_cast<FailDescr*>(op.descr);
        f->gcmap = r.ct->gcmap.data();
        for (ValueId v : args_of(op))
          if (t.is_const(v)) f->slots[v] = r.get(v);
        g.root_stack_top = arg_roots;
        return f;
      }

      case Opcode::GuardTrue: guard_ok = a(0) != 0; break;
      case Opcode::GuardFalse: guard_ok = a(0) == 0; break;
      case Opcode::GuardValue: guard_ok = a(0) == a(1); break;
      case Opcode::GuardNonnull: guard_ok = a(0) != 0; break;
      case Opcode::GuardIsnull: guard_ok = a(0) == 0; break;
      case Opcode::GuardClass:
        guard_ok = ops::load<Word>(ptr(a(0)), layout::kTypeptrOffset) == a(1);
        break;
      case Opcode::GuardNonnullClass:
        guard_ok = a(0) != 0 && ops::load<Word>(ptr(a(0)), layout::kTypeptrOffset) == a(1);
        break;
      case Opcode::GuardNoException: guard_ok = !ops::exc_occurred(); break;
      case Opcode::GuardException:
        guard_ok = ops::exc_occurred() && reinterpret_cast<Word>(ops::exc_fetch_type()) == a(0);
        if (guard_ok) {
          if (op.result != kNoValue) r.set(op.result, reinterpret_cast<Word>(ops::exc_fetch_value()));
          ops::exc_clear();
        }
        break;
      case Opcode::GuardNoOverflow: guard_ok = !overflowed; break;
      case Opcode::GuardOverflow: guard_ok = overflowed; break;
      case Opcode::GuardNotForced: guard_ok = r.frame()->descr == nullptr; break;
      case Opcode::GuardNotInvalidated: guard_ok = !(r.ct->owner && r.ct->owner->invalidated); break;

      case Opcode::ArraylenGc:
        r.set(op.result, ops::load<Word>(ptr(a(0)), static_cast<ArrayDescr*>(op.descr)->length_offset));
        break;
      case Opcode::Strlen:
      case Opcode::Unicodelen: r.set(op.result, static_cast<Word>(ops::str_len(ptr(a(0))))); break;
      case Opcode::Strgetitem:
      case Opcode::Unicodegetitem:
        r.set(op.result, static_cast<Word>(ops::str_getitem(ptr(a(0)), static_cast<int64_t>(a(1)))));
        break;
      case Opcode::GetfieldGc:
      case Opcode::GetfieldRaw: {
        auto* f = static_cast<FieldDescr*>(op.descr);
        void* base = op.opcode == Opcode::GetfieldGc ? ptr(a(0)) : adr(a(0));
        r.set(op.result, load_value(base, f->offset, f->size, f->is_signed, f->type));
        break;
      }
      case Opcode::GetarrayitemGc:
      case Opcode::GetarrayitemRaw: {
        auto* d = static_cast<ArrayDescr*>(op.descr);
        void* base = op.opcode == Opcode::GetarrayitemGc ? ptr(a(0)) : adr(a(0));
        int64_t offset = ops::int_add(d->base_offset, ops::int_mul(static_cast<int64_t>(a(1)), d->item_size));
        r.set(op.result, load_value(base, offset, d->item_size, d->is_signed, d->item_type));
        break;
      }
      case Opcode::GetinteriorfieldGc: {
        auto* d = static_cast<InteriorFieldDescr*>(op.descr);
        int64_t offset = ops::int_add(d->array->base_offset + d->field->offset,
                                      ops::int_mul(static_cast<int64_t>(a(1)), d->array->item_size));
        r.set(op.result, load_value(ptr(a(0)), offset, d->field->size, d->field->is_signed, d->field->type));
        break;
      }
      case Opcode::RawLoad: {
        auto* d = static_cast<ArrayDescr*>(op.descr);
        r.set(op.result, load_value(adr(a(0)), static_cast<int64_t>(a(1)), d->item_size, d->is_signed, d->item_type));
        break;
      }

      case Opcode::New:
      case Opcode::NewWithVtable: {
        auto* d = static_cast<SizeDescr*>(op.descr);
        GcHeader* obj = gc_.malloc_fixed(gc_.gc, d->type_id, d->size);
        if (op.opcode == Opcode::NewWithVtable) ops::store<Word>(obj, layout::kTypeptrOffset, d->vtable);
        r.set(op.result, reinterpret_cast<Word>(obj));
        break;
      }
      case Opcode::NewArray:
      case Opcode::NewArrayClear: {
        auto* d = static_cast<ArrayDescr*>(op.descr);
        r.set(op.result, reinterpret_cast<Word>(gc_.malloc_varsize(gc_.gc, d->type_id, static_cast<int64_t>(a(0)))));
        break;
      }
      case Opcode::Newstr:
      case Opcode::Newunicode: {
        uint32_t tid = op.opcode == Opcode::Newstr ? layout::kTidStrNarrow : layout::kTidStrWide;
        r.set(op.result, reinterpret_cast<Word>(gc_.malloc_varsize(gc_.gc, tid, static_cast<int64_t>(a(0)))));
        break;
      }
      case Opcode::ForceToken: r.set(op.result, reinterpret_cast<Word>(r.frame())); break;

      case Opcode::SetfieldGc:
      case Opcode::SetfieldRaw: {
        auto* f = static_cast<FieldDescr*>(op.descr);
        bool gc = op.opcode == Opcode::SetfieldGc;
        void* base = gc ? ptr(a(0)) : adr(a(0));
        if (gc && f->type == ValueType::Ref) write_barrier(base);
        store_value(base, f->offset, f->size, f->type, a(1));
        break;
      }
      case Opcode::SetarrayitemGc:
      case Opcode::SetarrayitemRaw: {
        auto* d = static_cast<ArrayDescr*>(op.descr);
        bool gc = op.opcode == Opcode::SetarrayitemGc;
        void* base = gc ? ptr(a(0)) : adr(a(0));
        if (gc && d->item_type == ValueType::Ref) write_barrier(base);
        int64_t offset = ops::int_add(d->base_offset, ops::int_mul(static_cast<int64_t>(a(1)), d->item_size));
        store_value(base, offset, d->item_size, d->item_type, a(2));
        break;
      }
      case Opcode::SetinteriorfieldGc:
      case Opcode::SetinteriorfieldRaw: {
        auto* d = static_cast<InteriorFieldDescr*>(op.descr);
        bool gc = op.opcode == Opcode::SetinteriorfieldGc;
        void* base = gc ? ptr(a(0)) : adr(a(0));
        if (gc && d->field->type == ValueType::Ref) write_barrier(base);
        int64_t offset = ops::int_add(d->array->base_offset + d->field->offset,
                                      ops::int_mul(static_cast<int64_t>(a(1)), d->array->item_size));
        store_value(base, offset, d->field->size, d->field->type, a(2));
        break;
      }
      case Opcode::RawStore: {
        auto* d = static_cast<ArrayDescr*>(op.descr);
        store_value(adr(a(0)), static_cast<int64_t>(a(1)), d->item_size, d->item_type, a(2));
        break;
      }
      case Opcode::Strsetitem:
        ops::store<uint8_t>(ptr(a(0)), ops::int_add(layout::kStrCharsOffset, static_cast<int64_t>(a(1))), uint8_t(a(2)));
        break;
      case Opcode::Unicodesetitem:
        ops::store<char32_t>(ptr(a(0)), ops::int_add(layout::kStrCharsOffset, ops::int_mul(4, static_cast<int64_t>(a(1)))),
                             char32_t(a(2)));
        break;
      case Opcode::Copystrcontent:
      case Opcode::Copyunicodecontent: {
        int64_t scale = op.opcode == Opcode::Copystrcontent ? 1 : 4;
        char* src = static_cast<char*>(ptr(a(0))) + layout::kStrCharsOffset + scale * static_cast<int64_t>(a(2));
        char* dst = static_cast<char*>(ptr(a(1))) + layout::kStrCharsOffset + scale * static_cast<int64_t>(a(3));
        ops::raw_memcopy(src, dst, ops::int_mul(scale, static_cast<int64_t>(a(4))));
        break;
      }
      case Opcode::Keepalive: break;

      case Opcode::Call:
      case Opcode::CallPure:
      case Opcode::CallLoopinvariant:
      case Opcode::CallMayForce:
      case Opcode::CondCall: {
        auto* cd = static_cast<CallDescr*>(op.descr);
        size_t first = call_function_arg(op.opcode);
        if (op.opcode == Opcode::CondCall && a(0) == 0) break;
        if (op.opcode == Opcode::CallMayForce) {
          const Op& next = t.ops()[pc + 1];
          r.frame()->force_descr = static_cast<FailDescr*>(next.descr);
        }
        std::vector<Word> call_args;
        for (size_t k = first + 1; k < op.num_args; ++k) call_args.push_back(a(static_cast<int>(k)));
        Word result = dynamic_call(a(static_cast<int>(first)), *cd, call_args);
        if (op.result != kNoValue) r.set(op.result, result);
        break;
      }
      case Opcode::CallAssembler: {
        auto* loop = static_cast<LoopToken*>(op.descr);
        r.frame()->force_descr = pc + 1 < t.ops().size() && t.ops()[pc + 1].opcode == Opcode::GuardNotForced
                                     ? static_cast<FailDescr*>(t.ops()[pc + 1].descr)
                                     : nullptr;
        std::vector<Word> call_args;
        for (ValueId v : args_of(op)) call_args.push_back(r.get(v));
        JitFrame* callee = run(loop, call_args);
        size_t want = op.result == kNoValue ? 0 : 1;
        Word result = 0;
        if (callee->descr->finish && callee->descr->exit_slots.size() == want) {
          if (want) result = callee->slots[callee->descr->exit_slots[0]];
        } else {
          if (!assembler_helper_) throw std::logic_error("call_assembler: the callee did not finish and no assembler helper is set");
          result = assembler_helper_(callee, loop);
        }
        if (op.result != kNoValue) r.set(op.result, result);
        break;
      }

      default: {
        std::vector<Word> vals;
        for (ValueId v : args_of(op)) vals.push_back(r.get(v));
        auto res = eval_pure_op(op.opcode, vals);
        if (!res) throw std::logic_error("the reference interpreter has no case for " + std::string(op_name(op.opcode)));
        if (is_ovf(op.opcode)) overflowed = res->overflow;
        r.set(op.result, res->value);
        break;
      }
    }
    if (!guard_ok) {
      auto* d = static_cast<FailDescr*>(op.descr);
      if (auto it = bridges_.find(d); it != bridges_.end()) {
        r.switch_to(it->second, t.fail_args(op), it->second->trace.inputs());
        pc = 0;
        continue;
      }
      JitFrame* f = r.frame();
      if (saves_exception(op.opcode)) {
        f->guard_exc = static_cast<GcHeader*>(ops::exc_fetch_value());
        ops::exc_clear();
      }
      f->descr = d;
      f->gcmap = r.ct->gcmap.data();
      g.root_stack_top = arg_roots;
      return f;
    }
    ++pc;
  }
}

}  // namespace rpp::jit
