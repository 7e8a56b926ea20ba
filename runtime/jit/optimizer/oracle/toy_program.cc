// The toy language of the oracle: its world (descriptors), generator, interpreter and state
// description (see toy_program.h).
#include "runtime/jit/optimizer/oracle/toy_program.h"

#include <cstring>
#include <functional>
#include <map>
#include <stdexcept>

#include "runtime/jit/ir/op_semantics.h"
#include "runtime/jit/ir/trace_parser.h"
#include "runtime/ops.h"

namespace rpp::jit::oracle {

namespace {

void toy_bump(layout::GcHeader* obj, int64_t offset, int64_t delta) {
  if (!obj) return;
  ops::store<int64_t>(obj, offset, ops::int_add(ops::load<int64_t>(obj, offset), delta));
}

const char* const kClassNames[kClasses] = {"box", "pair", "vec"};

const Opcode kArith[] = {Opcode::IntAdd, Opcode::IntSub,      Opcode::IntMul,     Opcode::IntAnd,   Opcode::IntOr,
                         Opcode::IntXor, Opcode::IntLt,       Opcode::IntLe,      Opcode::IntEq,    Opcode::IntNe,
                         Opcode::IntGt,  Opcode::IntFloorDiv, Opcode::UintRshift, Opcode::IntLshift};
const Opcode kOvf[] = {Opcode::IntAddOvf, Opcode::IntSubOvf, Opcode::IntMulOvf};

int64_t toy_mix(int64_t a, int64_t b) { return ops::int_add(ops::int_mul(a, 31), b); }

}  // namespace

int64_t toy_mix_value(int64_t a, int64_t b) { return toy_mix(a, b); }

World::World(TraceNamespace& n) : names(n) {
  parse_declarations(
      "object box { val: int, next: ref }\n"
      "object pair { a: int, b: int, left: ref }\n"
      "object vec { items: ref, n: int }\n"
      "array ints of int\n"
      "object frame { f0: int virtualizable, f1: int virtualizable, fr: ref virtualizable }\n",
      names);
  for (int c = 0; c < kClasses; ++c) classes[c] = static_cast<SizeDescr*>(names.find(kClassNames[c]));
  auto field = [&](const char* name) { return static_cast<FieldDescr*>(names.find(name)); };
  int_fields[0] = {field("box.val")};
  ref_fields[0] = {field("box.next")};
  int_fields[1] = {field("pair.a"), field("pair.b")};
  ref_fields[1] = {field("pair.left")};
  int_fields[2] = {field("vec.n")};
  vec_items = field("vec.items");
  ints = static_cast<ArrayDescr*>(names.find("ints"));
  bump_fn = reinterpret_cast<Word>(&toy_bump);
  names.add_symbol("toy_bump", bump_fn);
  bump_cd = names.make<CallDescr>("cd_bump");
  bump_cd->arg_types = {ValueType::Ref, ValueType::Int, ValueType::Int};
  bump_cd->result_type = ValueType::Void;
  bump_cd->effects.extra = ExtraEffect::CannotRaise;
  bump_cd->effects.can_collect = false;
  bump_cd->effects.writes_fields = {field("box.val")};
  bump_random_cd = names.make<CallDescr>("cd_bump_random");
  bump_random_cd->arg_types = bump_cd->arg_types;
  bump_random_cd->result_type = ValueType::Void;
  bump_random_cd->effects.extra = ExtraEffect::RandomEffects;
  bump_random_cd->effects.can_collect = false;
  frame_force_cd = names.make<CallDescr>("cd_frame_force");
  frame_force_cd->arg_types = {ValueType::Int, ValueType::Int, ValueType::Int};  // the frame's address
  frame_force_cd->result_type = ValueType::Void;
  frame_force_cd->effects.extra = ExtraEffect::ForcesVirtualOrVirtualizable;
  frame_force_cd->effects.can_collect = false;
  mix_fn = reinterpret_cast<Word>(&toy_mix);
  names.add_symbol("toy_mix", mix_fn);
  mix_cd = names.make<CallDescr>("cd_mix");
  mix_cd->arg_types = {ValueType::Int, ValueType::Int};
  mix_cd->result_type = ValueType::Int;
  mix_cd->effects.extra = ExtraEffect::ElidableCannotRaise;
  mix_cd->effects.can_collect = false;
  frame = static_cast<SizeDescr*>(names.find("frame"));
  frame_ints[0] = field("frame.f0");
  frame_ints[1] = field("frame.f1");
  frame_ref = field("frame.fr");
}

int World::class_of(Word obj) const {
  if (!obj) return -1;
  Word vt = ops::load<Word>(reinterpret_cast<void*>(obj), layout::kTypeptrOffset);
  for (int c = 0; c < kClasses; ++c)
    if (classes[c]->vtable == vt) return c;
  if (frame->vtable == vt) return kClasses;
  throw std::logic_error("oracle: an object of unknown class");
}

std::string Program::to_string() const {
  std::string s;
  for (size_t pc = 0; pc < body.size(); ++pc) {
    const Instr& i = body[pc];
    static const char* const kNames[] = {"const",  "arith",   "arith_const", "ovf",      "new",     "new_vec",
                                         "move",   "get_int", "set_int",     "get_ref",  "set_ref", "type_of",
                                         "ptr_eq", "if_true", "get_item",    "set_item", "bump",    "bump_random",
                                         "call",   "frame_get", "frame_set", "frame_get_ref", "frame_set_ref",
                                         "frame_call", "frame_arg", "pure_call", "dec",     "loop_end"};
    s += std::to_string(pc) + ": " + kNames[static_cast<int>(i.kind)];
    if (i.kind == Kind::Arith || i.kind == Kind::ArithConst || i.kind == Kind::Ovf)
      s += " " + std::string(op_name(i.op));
    s += " dst=" + std::to_string(i.dst) + " a=" + std::to_string(i.a) + " b=" + std::to_string(i.b) +
         " c=" + std::to_string(i.c) + " cls=" + std::to_string(i.cls) + " field=" + std::to_string(i.field) +
         " skip=" + std::to_string(i.skip) + "\n";
  }
  for (size_t k = 0; k < subs.size(); ++k) {
    s += "sub " + std::to_string(k) + ":\n";
    std::string body = subs[k].to_string();
    s += body;
  }
  return s;
}

std::vector<uint64_t> callee_registers(uint64_t int_arg, uint64_t ref_arg, uint64_t frame) {
  std::vector<uint64_t> regs(kNumRegs, 0);
  regs[1] = int_arg;
  regs[kIntRegs] = ref_arg;
  regs[kFrameReg] = frame;
  return regs;
}

namespace {

std::vector<Instr> generate_body(std::mt19937_64& rng, int length, int subs) {
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<uint64_t>(n)); };
  std::vector<Instr> body;
  for (int k = 0; k < length; ++k) {
    Instr i;
    int r = pick(100);
    i.dst = 1 + pick(kIntRegs - 1);  // never the counter
    i.a = pick(kIntRegs);
    i.b = pick(kIntRegs);
    if (r < 8) {
      i.kind = Kind::Const;
      i.c = pick(4) == 0 ? static_cast<int64_t>(rng()) : pick(20) - 5;
    } else if (r < 22) {
      i.kind = Kind::Arith;
      i.op = kArith[pick(sizeof kArith / sizeof kArith[0])];
    } else if (r < 30) {
      i.kind = Kind::ArithConst;
      i.op = kArith[pick(sizeof kArith / sizeof kArith[0])];
      i.c = pick(3) == 0 ? 0 : pick(9) - 2;
    } else if (r < 36) {
      i.kind = Kind::Ovf;
      i.op = kOvf[pick(3)];
    } else if (r < 44) {
      i.kind = Kind::New;
      i.dst = pick(kRefRegs);
      i.cls = pick(2);
    } else if (r < 48) {
      i.kind = Kind::NewVec;
      i.dst = pick(kRefRegs);
      i.c = 1 + pick(4);
    } else if (r < 51) {
      i.kind = Kind::Move;
      i.dst = pick(kRefRegs);
      i.a = pick(kRefRegs);
    } else if (r < 60) {
      i.kind = Kind::GetInt;
      i.a = pick(kRefRegs);
      i.field = pick(2);
    } else if (r < 68) {
      i.kind = Kind::SetInt;
      i.a = pick(kRefRegs);
      i.field = pick(2);
    } else if (r < 72) {
      i.kind = Kind::GetRef;
      i.dst = pick(kRefRegs);
      i.a = pick(kRefRegs);
    } else if (r < 76) {
      i.kind = Kind::SetRef;
      i.a = pick(kRefRegs);
      i.b = pick(kRefRegs);
    } else if (r < 79) {
      i.kind = Kind::TypeOf;
      i.a = pick(kRefRegs);
    } else if (r < 81) {
      i.kind = Kind::PtrEq;
      i.a = pick(kRefRegs);
      i.b = pick(kRefRegs);
    } else if (r < 87) {
      i.kind = Kind::IfTrue;
      i.skip = 1 + pick(3);
    } else if (r < 91) {
      i.kind = Kind::GetItem;
      i.a = pick(kRefRegs);
    } else if (r < 95) {
      i.kind = Kind::SetItem;
      i.a = pick(kRefRegs);
      i.dst = pick(kIntRegs);
    } else if (r < 98) {
      i.kind = Kind::Bump;
      i.a = pick(kRefRegs);
    } else {
      i.kind = Kind::BumpRandom;
      i.a = pick(kRefRegs);
    }
    if (pick(6) == 0) {
      // The frame's virtualizable fields.
      int f = pick(12);
      i = Instr{};
      i.dst = 1 + pick(kIntRegs - 1);
      i.b = pick(kIntRegs);
      i.field = pick(kFrameIntFields);
      if (f < 4) {
        i.kind = Kind::FrameGet;
      } else if (f < 8) {
        i.kind = Kind::FrameSet;
      } else if (f < 9) {
        i.kind = Kind::FrameGetRef;
        i.dst = pick(kRefRegs);
      } else if (f < 10) {
        i.kind = Kind::FrameSetRef;
        i.b = pick(kRefRegs);
      } else {
        i.kind = f < 11 ? Kind::FrameCall : Kind::FrameArg;
      }
    } else if (pick(12) == 0) {
      i = Instr{Kind::PureCall};
      i.dst = 1 + pick(kIntRegs - 1);
      i.a = pick(kIntRegs);
      i.b = pick(kIntRegs);
    }
    if (subs > 0 && pick(6) == 0) {
      i = Instr{Kind::Call};
      i.dst = 1 + pick(kIntRegs - 1);
      i.a = pick(kIntRegs);
      i.b = pick(kRefRegs);
      i.cls = pick(subs);
    }
    body.push_back(i);
  }
  // Branches skip forward inside the body, never over its end.
  for (size_t k = 0; k < body.size(); ++k)
    if (body[k].kind == Kind::IfTrue && k + 1 + body[k].skip > body.size())
      body[k].skip = static_cast<int>(body.size() - k - 1);
  return body;
}

}  // namespace

Program generate_program(std::mt19937_64& rng) {
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<uint64_t>(n)); };
  Program p;
  int subs = pick(3);
  for (int k = 0; k < subs; ++k) {
    Program sub;
    sub.body = generate_body(rng, 3 + pick(6), 0);
    p.subs.push_back(std::move(sub));
  }
  p.body = generate_body(rng, 3 + pick(14), subs);
  p.body.push_back(Instr{Kind::Dec});
  p.body.push_back(Instr{Kind::LoopEnd});
  return p;
}

InitialState generate_state(std::mt19937_64& rng) {
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<uint64_t>(n)); };
  InitialState s;
  s.ints[0] = 2 + pick(12);
  for (int i = 1; i < kIntRegs; ++i) s.ints[i] = pick(5) == 0 ? static_cast<int64_t>(rng()) : pick(16) - 4;
  for (int k = 0; k < kRefRegs; ++k) {
    auto& o = s.refs[k];
    int r = pick(10);
    if (r < 2)
      o.cls = -1;
    else if (r < 6 && k > 0)
      o.alias = pick(k);  // aliases matter for the heap cache
    else
      o.cls = pick(kClasses);
    o.i0 = pick(10) - 3;
    o.i1 = pick(10) - 3;
    o.link = pick(3) == 0 ? -1 : pick(kRefRegs);
    o.items = 1 + pick(4);
  }
  for (int64_t& v : s.frame_ints) v = pick(10) - 3;
  s.frame_ref = pick(3) == 0 ? -1 : pick(kRefRegs);
  return s;
}

Registers build_state(const InitialState& s, const World& w, TestGc& gc) {
  Registers regs(kNumRegs, 0);
  for (int i = 0; i < kIntRegs; ++i) regs[i] = static_cast<Word>(s.ints[i]);
  auto alloc = [&](int cls) {
    const SizeDescr* d = w.classes[cls];
    layout::GcHeader* obj = gc.malloc_fixed(d->type_id, d->size);
    ops::store<Word>(obj, layout::kTypeptrOffset, d->vtable);
    return obj;
  };
  for (int k = 0; k < kRefRegs; ++k) {
    const auto& o = s.refs[k];
    Word& slot = regs[kIntRegs + k];
    if (o.alias >= 0)
      slot = regs[kIntRegs + o.alias];
    else if (o.cls < 0)
      slot = 0;
    else {
      layout::GcHeader* obj = alloc(o.cls);
      auto& ifs = w.int_fields[o.cls];
      ops::store<int64_t>(obj, ifs[0]->offset, o.i0);
      if (ifs.size() > 1) ops::store<int64_t>(obj, ifs[1]->offset, o.i1);
      if (o.cls == 2) {
        layout::GcHeader* arr = gc.malloc_varsize(w.ints->type_id, o.items);
        for (int64_t i = 0; i < o.items; ++i)
          ops::store<int64_t>(arr, static_cast<int64_t>(w.ints->base_offset) + 8 * i, o.i1 + i);
        ops::store<Word>(obj, w.vec_items->offset, reinterpret_cast<Word>(arr));
        ops::store<int64_t>(obj, w.int_fields[2][0]->offset, o.items);
      }
      slot = reinterpret_cast<Word>(obj);
    }
  }
  // Links between the initial objects (after all exist).
  for (int k = 0; k < kRefRegs; ++k) {
    const auto& o = s.refs[k];
    Word obj = regs[kIntRegs + k];
    if (o.alias >= 0 || !obj || o.link < 0) continue;
    int cls = w.class_of(obj);
    if (w.ref_fields[cls].empty()) continue;
    ops::store<Word>(reinterpret_cast<void*>(obj), w.ref_fields[cls][0]->offset, regs[kIntRegs + o.link]);
  }
  layout::GcHeader* frame = gc.malloc_fixed(w.frame->type_id, w.frame->size);
  ops::store<Word>(frame, layout::kTypeptrOffset, w.frame->vtable);
  for (int k = 0; k < kFrameIntFields; ++k) ops::store<int64_t>(frame, w.frame_ints[k]->offset, s.frame_ints[k]);
  ops::store<Word>(frame, w.frame_ref->offset, s.frame_ref < 0 ? 0 : regs[kIntRegs + s.frame_ref]);
  regs[kFrameReg] = reinterpret_cast<Word>(frame);
  return regs;
}

namespace {

void* ptr(Word w) { return reinterpret_cast<void*>(w); }

}  // namespace

Registers interpret(const Program& p, const World& w, TestGc& gc, Registers regs, size_t pc) {
  auto R = [&](int i) -> Word& { return regs[i]; };
  auto P = [&](int i) -> Word& { return regs[kIntRegs + i]; };
  auto eval = [](Opcode op, Word x, Word y) {
    Word args[2] = {x, y};
    return *eval_pure_op(op, args);
  };
  while (pc < p.body.size()) {
    const Instr& i = p.body[pc];
    size_t next = pc + 1;
    switch (i.kind) {
      case Kind::Const:
        R(i.dst) = static_cast<Word>(i.c);
        break;
      case Kind::Arith:
        R(i.dst) = eval(i.op, R(i.a), R(i.b)).value;
        break;
      case Kind::ArithConst:
        R(i.dst) = eval(i.op, R(i.a), static_cast<Word>(i.c)).value;
        break;
      case Kind::Ovf: {
        auto r = eval(i.op, R(i.a), R(i.b));
        R(i.dst) = r.overflow ? 0 : r.value;
        break;
      }
      case Kind::New: {
        const SizeDescr* d = w.classes[i.cls];
        layout::GcHeader* obj = gc.malloc_fixed(d->type_id, d->size);
        ops::store<Word>(obj, layout::kTypeptrOffset, d->vtable);
        P(i.dst) = reinterpret_cast<Word>(obj);
        break;
      }
      case Kind::NewVec: {
        const SizeDescr* d = w.classes[2];
        layout::GcHeader* obj = gc.malloc_fixed(d->type_id, d->size);
        ops::store<Word>(obj, layout::kTypeptrOffset, d->vtable);
        layout::GcHeader* arr = gc.malloc_varsize(w.ints->type_id, i.c);
        ops::store<Word>(obj, w.vec_items->offset, reinterpret_cast<Word>(arr));
        ops::store<int64_t>(obj, w.int_fields[2][0]->offset, i.c);
        P(i.dst) = reinterpret_cast<Word>(obj);
        break;
      }
      case Kind::Move:
        P(i.dst) = P(i.a);
        break;
      case Kind::GetInt:
      case Kind::SetInt: {
        int cls = w.class_of(P(i.a));
        if (cls < 0) {
          if (i.kind == Kind::GetInt) R(i.dst) = 0;
          break;
        }
        const auto& fs = w.int_fields[cls];
        const FieldDescr* f = fs[static_cast<size_t>(i.field) % fs.size()];
        if (i.kind == Kind::GetInt)
          R(i.dst) = ops::load<Word>(ptr(P(i.a)), f->offset);
        else
          ops::store<Word>(ptr(P(i.a)), f->offset, R(i.b));
        break;
      }
      case Kind::GetRef:
      case Kind::SetRef: {
        int cls = w.class_of(P(i.a));
        if (cls < 0 || w.ref_fields[cls].empty()) {
          if (i.kind == Kind::GetRef) P(i.dst) = 0;
          break;
        }
        const FieldDescr* f = w.ref_fields[cls][0];
        if (i.kind == Kind::GetRef)
          P(i.dst) = ops::load<Word>(ptr(P(i.a)), f->offset);
        else
          ops::store<Word>(ptr(P(i.a)), f->offset, P(i.b));
        break;
      }
      case Kind::TypeOf:
        R(i.dst) = static_cast<Word>(w.class_of(P(i.a)) + 1);
        break;
      case Kind::PtrEq:
        R(i.dst) = P(i.a) == P(i.b) ? 1 : 0;
        break;
      case Kind::IfTrue:
        if (R(i.a) != 0) next += static_cast<size_t>(i.skip);
        break;
      case Kind::GetItem:
      case Kind::SetItem: {
        if (w.class_of(P(i.a)) != 2) {
          if (i.kind == Kind::GetItem) R(i.dst) = 0;
          break;
        }
        Word arr = ops::load<Word>(ptr(P(i.a)), w.vec_items->offset);
        int64_t len = layout::array_length(ptr(arr));
        int64_t index = static_cast<int64_t>(R(i.b));
        if (index < 0 || index >= len) {
          if (i.kind == Kind::GetItem) R(i.dst) = 0;
          break;
        }
        int64_t offset = static_cast<int64_t>(w.ints->base_offset) + 8 * index;
        if (i.kind == Kind::GetItem)
          R(i.dst) = ops::load<Word>(ptr(arr), offset);
        else
          ops::store<Word>(ptr(arr), offset, R(i.dst));
        break;
      }
      case Kind::Bump:
      case Kind::BumpRandom:
        if (w.class_of(P(i.a)) == 0)
          toy_bump(static_cast<layout::GcHeader*>(ptr(P(i.a))), w.int_fields[0][0]->offset,
                   static_cast<int64_t>(R(i.b)));
        break;
      case Kind::Call: {
        Registers result = interpret(p.subs.at(static_cast<size_t>(i.cls)), w, gc,
                                     callee_registers(R(i.a), P(i.b), regs[kFrameReg]));
        R(i.dst) = result[kResultRegister];
        break;
      }
      case Kind::FrameGet:
        R(i.dst) = ops::load<Word>(ptr(regs[kFrameReg]), w.frame_ints[i.field]->offset);
        break;
      case Kind::FrameSet:
        ops::store<Word>(ptr(regs[kFrameReg]), w.frame_ints[i.field]->offset, R(i.b));
        break;
      case Kind::FrameGetRef:
        P(i.dst) = ops::load<Word>(ptr(regs[kFrameReg]), w.frame_ref->offset);
        break;
      case Kind::FrameSetRef:
        ops::store<Word>(ptr(regs[kFrameReg]), w.frame_ref->offset, P(i.b));
        break;
      case Kind::FrameCall:
      case Kind::FrameArg:
        toy_bump(static_cast<layout::GcHeader*>(ptr(regs[kFrameReg])), w.frame_ints[0]->offset,
                 static_cast<int64_t>(R(i.b)));
        break;
      case Kind::PureCall:
        R(i.dst) = static_cast<Word>(toy_mix(static_cast<int64_t>(R(i.a)), static_cast<int64_t>(R(i.b))));
        break;
      case Kind::Dec:
        R(0) = static_cast<Word>(ops::int_sub(static_cast<int64_t>(R(0)), 1));
        break;
      case Kind::LoopEnd:
        if (static_cast<int64_t>(R(0)) > 0)
          next = 0;
        else
          next = p.body.size();
        break;
    }
    pc = next;
  }
  return regs;
}

Registers clone_state(const Registers& regs, const World& w, TestGc& to) {
  std::map<Word, Word> copies;
  std::function<Word(Word)> copy = [&](Word obj) -> Word {
    if (!obj) return 0;
    if (auto it = copies.find(obj); it != copies.end()) return it->second;
    int cls = w.class_of(obj);
    const SizeDescr* d = cls == kClasses ? w.frame : w.classes[cls];
    layout::GcHeader* fresh = to.malloc_fixed(d->type_id, d->size);
    std::memcpy(reinterpret_cast<char*>(fresh) + layout::kTypeptrOffset,
                reinterpret_cast<const char*>(obj) + layout::kTypeptrOffset, d->size - layout::kTypeptrOffset);
    Word n = reinterpret_cast<Word>(fresh);
    copies[obj] = n;
    std::vector<const FieldDescr*> refs;
    if (cls == kClasses)
      refs = {w.frame_ref};
    else
      refs.assign(w.ref_fields[cls].begin(), w.ref_fields[cls].end());
    for (const FieldDescr* f : refs) ops::store<Word>(ptr(n), f->offset, copy(ops::load<Word>(ptr(obj), f->offset)));
    if (cls == 2) {
      Word arr = ops::load<Word>(ptr(obj), w.vec_items->offset);
      int64_t len = layout::array_length(ptr(arr));
      layout::GcHeader* items = to.malloc_varsize(w.ints->type_id, len);
      std::memcpy(reinterpret_cast<char*>(items) + w.ints->base_offset,
                  reinterpret_cast<const char*>(arr) + w.ints->base_offset, static_cast<size_t>(8 * len));
      ops::store<Word>(ptr(n), w.vec_items->offset, reinterpret_cast<Word>(items));
    }
    return n;
  };
  Registers out = regs;
  for (int k = kIntRegs; k < kNumRegs; ++k) out[k] = copy(regs[k]);
  return out;
}

std::string describe_state(const Registers& regs, const std::vector<Word>& extra_roots, const World& w) {
  std::map<Word, int> number;
  std::vector<Word> order;
  auto ref = [&](Word obj) -> std::string {
    if (!obj) return "null";
    auto [it, fresh] = number.emplace(obj, static_cast<int>(order.size()));
    if (fresh) order.push_back(obj);
    return "o" + std::to_string(it->second);
  };
  std::string out = "regs:";
  for (int i = 0; i < kIntRegs; ++i) out += " " + std::to_string(static_cast<int64_t>(regs[i]));
  for (int k = 0; k < kRefRegs; ++k) out += " " + ref(regs[kIntRegs + k]);
  out += " frame " + ref(regs[kFrameReg]);
  out += "\nroots:";
  for (Word r : extra_roots) out += " " + ref(r);
  out += "\n";
  for (size_t n = 0; n < order.size(); ++n) {
    Word obj = order[n];
    int cls = w.class_of(obj);
    if (cls == kClasses) {
      out += "o" + std::to_string(n) + " = frame{";
      for (const FieldDescr* f : w.frame_ints)
        out += f->name + "=" + std::to_string(ops::load<int64_t>(ptr(obj), f->offset)) + " ";
      out += w.frame_ref->name + "=" + ref(ops::load<Word>(ptr(obj), w.frame_ref->offset)) + "}\n";
      continue;
    }
    out += "o" + std::to_string(n) + " = " + w.classes[cls]->name + "{";
    for (const FieldDescr* f : w.int_fields[cls])
      out += f->name + "=" + std::to_string(ops::load<int64_t>(ptr(obj), f->offset)) + " ";
    for (const FieldDescr* f : w.ref_fields[cls])
      out += f->name + "=" + ref(ops::load<Word>(ptr(obj), f->offset)) + " ";
    if (cls == 2) {
      Word arr = ops::load<Word>(ptr(obj), w.vec_items->offset);
      int64_t len = layout::array_length(ptr(arr));
      out += "items=[";
      for (int64_t i = 0; i < len; ++i)
        out += (i ? "," : "") +
               std::to_string(ops::load<int64_t>(ptr(arr), static_cast<int64_t>(w.ints->base_offset) + 8 * i));
      out += "]";
    }
    out += "}\n";
  }
  return out;
}

}  // namespace rpp::jit::oracle
