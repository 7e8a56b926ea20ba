// Recording one iteration of a toy program as a trace (see toy_program.h): the tracer runs the
// iteration for real beside the recording, so each guard states the way the run went, and takes
// a snapshot of every register (jitcode 0, the instruction's pc) before the instruction's side
// effects, so a failing guard re-runs that instruction in the interpreter.
#include <stdexcept>

#include "runtime/jit/ir/op_semantics.h"
#include "runtime/jit/optimizer/oracle/toy_program.h"
#include "runtime/ops.h"

namespace rpp::jit::oracle {

namespace {

class Tracer {
 public:
  Tracer(const Program& p, const World& w, TestGc& gc, Registers regs)
      : p_(p), w_(w), gc_(gc), regs_(std::move(regs)) {}

  Recorded run() {
    Recorded out;
    Trace& t = out.trace;
    for (int i = 0; i < kNumRegs; ++i)
      vals_.push_back(t.add_input(i < kIntRegs ? ValueType::Int : ValueType::Ref));
    out.loop = w_.names.make<LoopToken>();
    auto* top = w_.names.make<TargetToken>();
    top->owner = out.loop;
    out.label = top;
    t.add_op(Opcode::Label, vals_, ValueType::Void, top);
    trace_ = &t;
    snapshots_ = &out.snapshots;
    snapshots_->resize(1);
    size_t pc = 0;
    for (;;) {
      pc_ = pc;
      const Instr& i = p_.body[pc];
      size_t next = step(i, pc);
      if (i.kind == Kind::LoopEnd) break;
      pc = next;
    }
    t.add_op(Opcode::Jump, vals_, ValueType::Void, top);
    snapshots_->resize(t.ops().size());
    return out;
  }

  std::optional<Recorded> run_bridge(size_t pc, TargetToken* label) {
    Recorded out;
    Trace& t = out.trace;
    for (int i = 0; i < kNumRegs; ++i) vals_.push_back(t.add_input(i < kIntRegs ? ValueType::Int : ValueType::Ref));
    out.label = label;
    trace_ = &t;
    snapshots_ = &out.snapshots;
    for (;;) {
      pc_ = pc;
      const Instr& i = p_.body[pc];
      if (i.kind == Kind::LoopEnd && static_cast<int64_t>(R(0)) <= 0) return std::nullopt;
      size_t next = step(i, pc);
      if (i.kind == Kind::LoopEnd) break;
      pc = next;
    }
    t.add_op(Opcode::Jump, vals_, ValueType::Void, label);
    auto frame = std::make_shared<opt::SnapshotFrame>();  // the loop's start
    frame->slots = vals_;
    snapshots_->resize(t.ops().size());
    snapshots_->back() = frame;
    return out;
  }

 private:
  Word& R(int i) { return regs_[i]; }
  void* frame() { return reinterpret_cast<void*>(regs_[kFrameReg]); }
  Word& P(int i) { return regs_[kIntRegs + i]; }
  ValueId& vR(int i) { return vals_[i]; }
  ValueId& vP(int i) { return vals_[kIntRegs + i]; }

  ValueId op(Opcode code, std::initializer_list<ValueId> args, ValueType type = ValueType::Void, Descr* d = nullptr) {
    return trace_->add_op(code, std::span<const ValueId>(args.begin(), args.size()), type, d);
  }
  // A guard resuming at the current instruction with the registers as they were before it (or,
  // `after` it, at the next instruction with the registers as they are).
  void guard(Opcode code, std::initializer_list<ValueId> args, bool after = false) {
    trace_->add_op(code, std::span<const ValueId>(args.begin(), args.size()), ValueType::Void,
                   w_.names.make<FailDescr>());
    auto frame = std::make_shared<opt::SnapshotFrame>();
    frame->jitcode = jitcode_;
    frame->pc = static_cast<uint32_t>(after ? pc_ + 1 : pc_);
    frame->slots = after ? vals_ : before_;
    frame->parent = parent_;
    std::vector<ValueId> fail;  // the variables of every frame (constants live in the snapshot)
    for (const opt::SnapshotFrame* f = frame.get(); f; f = f->parent.get())
      for (ValueId v : f->slots) {
        bool seen = trace_->is_const(v);
        for (ValueId x : fail) seen |= x == v;
        if (!seen) fail.push_back(v);
      }
    trace_->set_fail_args(fail);
    snapshots_->resize(trace_->ops().size());
    snapshots_->back() = frame;
  }
  // Guards that p is null (false) or an object of its class (true; returns the class).
  int guard_class_of(int reg) {
    int cls = w_.class_of(P(reg));
    if (cls < 0) {
      guard(Opcode::GuardIsnull, {vP(reg)});
      return -1;
    }
    guard(Opcode::GuardNonnull, {vP(reg)});
    guard(Opcode::GuardClass, {vP(reg), trace_->const_int(static_cast<int64_t>(w_.vtable(cls)))});
    return cls;
  }
  ValueId value_of_bool(bool b) { return trace_->const_int(b ? 1 : 0); }

  size_t step(const Instr& i, size_t pc) {
    before_ = vals_;
    auto eval = [](Opcode code, Word x, Word y) {
      Word a[2] = {x, y};
      return *eval_pure_op(code, a);
    };
    switch (i.kind) {
      case Kind::Const:
        R(i.dst) = static_cast<Word>(i.c);
        vR(i.dst) = trace_->const_int(i.c);
        break;
      case Kind::Arith:
        R(i.dst) = eval(i.op, R(i.a), R(i.b)).value;
        vR(i.dst) = op(i.op, {vR(i.a), vR(i.b)}, ValueType::Int);
        break;
      case Kind::ArithConst:
        R(i.dst) = eval(i.op, R(i.a), static_cast<Word>(i.c)).value;
        vR(i.dst) = op(i.op, {vR(i.a), trace_->const_int(i.c)}, ValueType::Int);
        break;
      case Kind::Ovf: {
        auto r = eval(i.op, R(i.a), R(i.b));
        ValueId v = op(i.op, {vR(i.a), vR(i.b)}, ValueType::Int);
        if (r.overflow) {
          guard(Opcode::GuardOverflow, {});
          R(i.dst) = 0;
          vR(i.dst) = trace_->const_int(0);
        } else {
          guard(Opcode::GuardNoOverflow, {});
          R(i.dst) = r.value;
          vR(i.dst) = v;
        }
        break;
      }
      case Kind::New: {
        const SizeDescr* d = w_.classes[i.cls];
        layout::GcHeader* obj = gc_.malloc_fixed(d->type_id, d->size);
        ops::store<Word>(obj, layout::kTypeptrOffset, d->vtable);
        P(i.dst) = reinterpret_cast<Word>(obj);
        vP(i.dst) = op(Opcode::NewWithVtable, {}, ValueType::Ref, w_.classes[i.cls]);
        break;
      }
      case Kind::NewVec: {
        const SizeDescr* d = w_.classes[2];
        layout::GcHeader* obj = gc_.malloc_fixed(d->type_id, d->size);
        ops::store<Word>(obj, layout::kTypeptrOffset, d->vtable);
        layout::GcHeader* arr = gc_.malloc_varsize(w_.ints->type_id, i.c);
        ops::store<Word>(obj, w_.vec_items->offset, reinterpret_cast<Word>(arr));
        ops::store<int64_t>(obj, w_.int_fields[2][0]->offset, i.c);
        P(i.dst) = reinterpret_cast<Word>(obj);
        ValueId vo = op(Opcode::NewWithVtable, {}, ValueType::Ref, w_.classes[2]);
        ValueId va = op(Opcode::NewArray, {trace_->const_int(i.c)}, ValueType::Ref, w_.ints);
        op(Opcode::SetfieldGc, {vo, va}, ValueType::Void, w_.vec_items);
        op(Opcode::SetfieldGc, {vo, trace_->const_int(i.c)}, ValueType::Void, w_.int_fields[2][0]);
        vP(i.dst) = vo;
        break;
      }
      case Kind::Move:
        P(i.dst) = P(i.a);
        vP(i.dst) = vP(i.a);
        break;
      case Kind::GetInt:
      case Kind::SetInt: {
        int cls = guard_class_of(i.a);
        if (cls < 0) {
          if (i.kind == Kind::GetInt) {
            R(i.dst) = 0;
            vR(i.dst) = trace_->const_int(0);
          }
          break;
        }
        const auto& fs = w_.int_fields[cls];
        FieldDescr* f = fs[static_cast<size_t>(i.field) % fs.size()];
        if (i.kind == Kind::GetInt) {
          R(i.dst) = ops::load<Word>(reinterpret_cast<void*>(P(i.a)), f->offset);
          vR(i.dst) = op(Opcode::GetfieldGc, {vP(i.a)}, ValueType::Int, f);
        } else {
          ops::store<Word>(reinterpret_cast<void*>(P(i.a)), f->offset, R(i.b));
          op(Opcode::SetfieldGc, {vP(i.a), vR(i.b)}, ValueType::Void, f);
        }
        break;
      }
      case Kind::GetRef:
      case Kind::SetRef: {
        int cls = guard_class_of(i.a);
        if (cls < 0 || w_.ref_fields[cls].empty()) {
          if (i.kind == Kind::GetRef) {
            P(i.dst) = 0;
            vP(i.dst) = trace_->const_ref(0);
          }
          break;
        }
        FieldDescr* f = w_.ref_fields[cls][0];
        if (i.kind == Kind::GetRef) {
          P(i.dst) = ops::load<Word>(reinterpret_cast<void*>(P(i.a)), f->offset);
          vP(i.dst) = op(Opcode::GetfieldGc, {vP(i.a)}, ValueType::Ref, f);
        } else {
          ops::store<Word>(reinterpret_cast<void*>(P(i.a)), f->offset, P(i.b));
          op(Opcode::SetfieldGc, {vP(i.a), vP(i.b)}, ValueType::Void, f);
        }
        break;
      }
      case Kind::TypeOf: {
        int cls = guard_class_of(i.a);
        R(i.dst) = static_cast<Word>(cls + 1);
        vR(i.dst) = trace_->const_int(cls + 1);
        break;
      }
      case Kind::PtrEq:
        R(i.dst) = P(i.a) == P(i.b) ? 1 : 0;
        vR(i.dst) = op(Opcode::PtrEq, {vP(i.a), vP(i.b)}, ValueType::Int);
        break;
      case Kind::IfTrue: {
        bool taken = R(i.a) != 0;
        guard(taken ? Opcode::GuardTrue : Opcode::GuardFalse, {vR(i.a)});
        return taken ? pc + 1 + static_cast<size_t>(i.skip) : pc + 1;
      }
      case Kind::GetItem:
      case Kind::SetItem: {
        int cls = guard_class_of(i.a);
        auto give_zero = [&] {
          if (i.kind == Kind::GetItem) {
            R(i.dst) = 0;
            vR(i.dst) = trace_->const_int(0);
          }
        };
        if (cls != 2) {
          give_zero();
          break;
        }
        Word arr = ops::load<Word>(reinterpret_cast<void*>(P(i.a)), w_.vec_items->offset);
        ValueId varr = op(Opcode::GetfieldGc, {vP(i.a)}, ValueType::Ref, w_.vec_items);
        int64_t len = layout::array_length(reinterpret_cast<void*>(arr));
        ValueId vlen = op(Opcode::ArraylenGc, {varr}, ValueType::Int, w_.ints);
        int64_t index = static_cast<int64_t>(R(i.b));
        ValueId ge = op(Opcode::IntGe, {vR(i.b), trace_->const_int(0)}, ValueType::Int);
        guard(index >= 0 ? Opcode::GuardTrue : Opcode::GuardFalse, {ge});
        if (index < 0) {
          give_zero();
          break;
        }
        ValueId lt = op(Opcode::IntLt, {vR(i.b), vlen}, ValueType::Int);
        guard(index < len ? Opcode::GuardTrue : Opcode::GuardFalse, {lt});
        if (index >= len) {
          give_zero();
          break;
        }
        int64_t offset = static_cast<int64_t>(w_.ints->base_offset) + 8 * index;
        if (i.kind == Kind::GetItem) {
          R(i.dst) = ops::load<Word>(reinterpret_cast<void*>(arr), offset);
          vR(i.dst) = op(Opcode::GetarrayitemGc, {varr, vR(i.b)}, ValueType::Int, w_.ints);
        } else {
          ops::store<Word>(reinterpret_cast<void*>(arr), offset, R(i.dst));
          op(Opcode::SetarrayitemGc, {varr, vR(i.b), vR(i.dst)}, ValueType::Void, w_.ints);
        }
        break;
      }
      case Kind::Bump:
      case Kind::BumpRandom: {
        int cls = guard_class_of(i.a);
        if (cls != 0) break;
        int64_t offset = w_.int_fields[0][0]->offset;
        ops::store<int64_t>(
            reinterpret_cast<void*>(P(i.a)), offset,
            ops::int_add(ops::load<int64_t>(reinterpret_cast<void*>(P(i.a)), offset), static_cast<int64_t>(R(i.b))));
        op(Opcode::Call,
           {trace_->const_int(static_cast<int64_t>(w_.bump_fn)), vP(i.a), trace_->const_int(offset), vR(i.b)},
           ValueType::Void, i.kind == Kind::Bump ? w_.bump_cd : w_.bump_random_cd);
        break;
      }
      case Kind::Call: {
        const Program& sub = p_.subs.at(static_cast<size_t>(i.cls));
        Registers callee = callee_registers(R(i.a), P(i.b), regs_[kFrameReg]);
        std::vector<ValueId> callee_vals;
        for (int k = 0; k < kNumRegs; ++k)
          callee_vals.push_back(k < kIntRegs ? trace_->const_int(0) : trace_->const_ref(0));
        callee_vals[1] = vR(i.a);
        callee_vals[kIntRegs] = vP(i.b);
        callee_vals[kFrameReg] = vals_[kFrameReg];
        // The caller's frame, shared by every guard inside the call.
        auto caller = std::make_shared<opt::SnapshotFrame>();
        caller->jitcode = jitcode_;
        caller->pc = static_cast<uint32_t>(pc);
        caller->slots = before_;
        caller->parent = parent_;
        Registers saved_regs = std::move(regs_);
        std::vector<ValueId> saved_vals = std::move(vals_);
        opt::Snapshot saved_parent = parent_;
        uint32_t saved_jitcode = jitcode_;
        regs_ = std::move(callee);
        vals_ = std::move(callee_vals);
        parent_ = caller;
        jitcode_ = static_cast<uint32_t>(1 + i.cls);
        for (size_t sub_pc = 0; sub_pc < sub.body.size();) {
          pc_ = sub_pc;
          sub_pc = step(sub.body[sub_pc], sub_pc);
        }
        Word result = regs_[kResultRegister];
        ValueId result_val = vals_[kResultRegister];
        regs_ = std::move(saved_regs);
        vals_ = std::move(saved_vals);
        parent_ = saved_parent;
        jitcode_ = saved_jitcode;
        pc_ = pc;
        R(i.dst) = result;
        vR(i.dst) = result_val;
        break;
      }
      case Kind::FrameGet:
        R(i.dst) = ops::load<Word>(frame(), w_.frame_ints[i.field]->offset);
        vR(i.dst) = op(Opcode::GetfieldGc, {vals_[kFrameReg]}, ValueType::Int, w_.frame_ints[i.field]);
        break;
      case Kind::FrameSet:
        ops::store<Word>(frame(), w_.frame_ints[i.field]->offset, R(i.b));
        op(Opcode::SetfieldGc, {vals_[kFrameReg], vR(i.b)}, ValueType::Void, w_.frame_ints[i.field]);
        break;
      case Kind::FrameGetRef:
        P(i.dst) = ops::load<Word>(frame(), w_.frame_ref->offset);
        vP(i.dst) = op(Opcode::GetfieldGc, {vals_[kFrameReg]}, ValueType::Ref, w_.frame_ref);
        break;
      case Kind::FrameSetRef:
        ops::store<Word>(frame(), w_.frame_ref->offset, P(i.b));
        op(Opcode::SetfieldGc, {vals_[kFrameReg], vP(i.b)}, ValueType::Void, w_.frame_ref);
        break;
      case Kind::FrameCall:
      case Kind::FrameArg: {
        int64_t offset = w_.frame_ints[0]->offset;
        ops::store<int64_t>(frame(), offset,
                            ops::int_add(ops::load<int64_t>(frame(), offset), static_cast<int64_t>(R(i.b))));
        ValueId fn = trace_->const_int(static_cast<int64_t>(w_.bump_fn));
        if (i.kind == Kind::FrameCall) {
          // The callee finds the frame by itself (as RPython's code finds the top frame), not
          // through a reference argument: only its effect (forcing) says it touches the frame.
          ValueId address = op(Opcode::CastPtrToInt, {vals_[kFrameReg]}, ValueType::Int);
          op(Opcode::CallMayForce, {fn, address, trace_->const_int(offset), vR(i.b)}, ValueType::Void,
             w_.frame_force_cd);
          guard(Opcode::GuardNotForced, {}, /*after=*/true);
        } else {
          op(Opcode::Call, {fn, vals_[kFrameReg], trace_->const_int(offset), vR(i.b)}, ValueType::Void, w_.bump_cd);
        }
        break;
      }
      case Kind::PureCall:
        R(i.dst) = static_cast<Word>(toy_mix_value(static_cast<int64_t>(R(i.a)), static_cast<int64_t>(R(i.b))));
        vR(i.dst) = op(Opcode::CallPure, {trace_->const_int(static_cast<int64_t>(w_.mix_fn)), vR(i.a), vR(i.b)},
                       ValueType::Int, w_.mix_cd);
        break;
      case Kind::Dec:
        R(0) = static_cast<Word>(ops::int_sub(static_cast<int64_t>(R(0)), 1));
        vR(0) = op(Opcode::IntSub, {vR(0), trace_->const_int(1)}, ValueType::Int);
        break;
      case Kind::LoopEnd: {
        ValueId gt = op(Opcode::IntGt, {vR(0), trace_->const_int(0)}, ValueType::Int);
        if (static_cast<int64_t>(R(0)) <= 0) throw std::logic_error("oracle: the traced iteration ends the loop");
        guard(Opcode::GuardTrue, {gt});
        break;
      }
    }
    return pc + 1;
  }

  const Program& p_;
  const World& w_;
  TestGc& gc_;
  Registers regs_;
  std::vector<ValueId> vals_, before_;
  Trace* trace_ = nullptr;
  std::vector<opt::Snapshot>* snapshots_ = nullptr;
  size_t pc_ = 0;
  uint32_t jitcode_ = 0;  // the function being traced: 0 the loop, 1 + k subroutine k
  opt::Snapshot parent_;  // its caller's frame (inside a call)
};

}  // namespace

Recorded record_trace(const Program& p, const World& w, TestGc& gc, Registers regs) {
  return Tracer(p, w, gc, std::move(regs)).run();
}

std::optional<Recorded> record_bridge(const Program& p, const World& w, TestGc& gc, Registers regs, size_t pc,
                                      TargetToken* label) {
  return Tracer(p, w, gc, std::move(regs)).run_bridge(pc, label);
}

}  // namespace rpp::jit::oracle
