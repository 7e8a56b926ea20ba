// Pure operations (RPython's pure.py and rewrite.py's identities): constant folding through
// runtime/ops.h (ir/op_semantics.h), algebraic identities on integers, and common subexpression
// elimination of pure operations and of calls to elidable functions (call_pure). An _ovf
// operation folds only when it does not overflow, and then takes its guard_no_overflow with it;
// a shared call_pure takes its guard_no_exception.
#include <map>
#include <tuple>
#include <vector>

#include "runtime/jit/ir/op_semantics.h"
#include "runtime/jit/optimizer/optimizer.h"

namespace rpp::jit::opt {

namespace {

bool is_commutative(Opcode op) {
  switch (op) {
    case Opcode::IntAdd:
    case Opcode::IntMul:
    case Opcode::IntAnd:
    case Opcode::IntOr:
    case Opcode::IntXor:
    case Opcode::IntEq:
    case Opcode::IntNe:
    case Opcode::FloatAdd:
    case Opcode::FloatMul:
    case Opcode::FloatEq:
    case Opcode::FloatNe:
    case Opcode::PtrEq:
    case Opcode::PtrNe:
    case Opcode::InstancePtrEq:
    case Opcode::InstancePtrNe:
      return true;
    default:
      return false;
  }
}

class PurePass : public Pass {
 public:
  using Pass::Pass;
  struct Key {
    Opcode opcode;
    const Descr* descr;
    std::vector<Box> args;
    bool operator<(const Key& o) const { return std::tie(opcode, descr, args) < std::tie(o.opcode, o.descr, o.args); }
  };

  const char* name() const override { return "pure"; }
  void reset() override {
    cse_.clear();
    offsets_.clear();
  }

  // (call_pure results too, of functions that cannot raise: where the loop's jump does not find
  // one it calls the function again, with no guard_no_exception to follow.)
  void export_pure(std::vector<PureEntry>& out) override {
    for (const auto& [key, result] : cse_) {
      bool call = key.opcode == Opcode::CallPure && key.descr && key.descr->kind == DescrKind::Call &&
                  static_cast<const CallDescr*>(key.descr)->effects.extra == ExtraEffect::ElidableCannotRaise;
      if (is_pure(key.opcode) || call) out.push_back(PureEntry{key.opcode, key.descr, key.args, result});
    }
  }
  void import_pure(const PureEntry& e) override { cse_[make_key(e.opcode, e.descr, e.args)] = e.result; }
  Box lookup_pure(Opcode opcode, const Descr* descr, const std::vector<Box>& args) override {
    auto it = cse_.find(make_key(opcode, descr, args));
    return it == cse_.end() ? kNoBox : opt_.resolve(it->second);
  }

  void propagate(PendingOp& op) override {
    Opcode code = op.opcode;
    if (is_pure(code) || is_ovf(code)) {
      if (fold_constant(op)) return;
      if (is_pure(code)) {
        if (Box b = identity(op); b != kNoBox) {
          opt_.forward(op.old_result, b);
          return;
        }
        if (reassociate(op)) return;
        cse(op);
        remember_offset(op);
        return;
      }
      emit_next(op);
      return;
    }
    if (code == Opcode::CallPure) {
      if (cse(op) && opt_.next_input_opcode() == Opcode::GuardNoException)
        opt_.drop_next_guard(Opcode::GuardNoException);
      return;
    }
    if (code == Opcode::GuardTrue || code == Opcode::GuardFalse) {
      if (opt_.is_const(op.args[0]) && (opt_.const_int(op.args[0]) != 0) == (code == Opcode::GuardTrue)) return;
    }
    if (code == Opcode::GuardValue && opt_.is_const(op.args[0]) && opt_.is_const(op.args[1]) &&
        opt_.info(op.args[0]).bits == opt_.info(op.args[1]).bits)
      return;
    emit_next(op);
  }

 private:
  bool fold_constant(PendingOp& op) {
    std::vector<Word> words;
    for (Box a : op.args) {
      if (!opt_.is_const(a)) return false;
      words.push_back(opt_.info(a).bits);
    }
    auto r = eval_pure_op(op.opcode, words);
    if (!r) return false;
    if (is_ovf(op.opcode)) {
      if (r->overflow || opt_.next_input_opcode() != Opcode::GuardNoOverflow) return false;
      opt_.drop_next_guard(Opcode::GuardNoOverflow);
    }
    opt_.forward(op.old_result, opt_.make_const(op.result_type, r->value));
    return true;
  }

  // x + 0, x * 1, x - x, x & x, x == x, ...; kNoBox when none applies.
  Box identity(const PendingOp& op) {
    if (op.opcode == Opcode::SameAs) return opt_.resolve(op.args[0]);
    if (op.args.size() != 2 || op.result_type != ValueType::Int) return kNoBox;
    if (opt_.info(op.args[0]).type != ValueType::Int) return kNoBox;
    Box a = opt_.resolve(op.args[0]), b = opt_.resolve(op.args[1]);
    auto is = [&](Box x, int64_t v) { return opt_.is_const(x) && opt_.const_int(x) == v; };
    switch (op.opcode) {
      case Opcode::IntAdd:
        if (is(b, 0)) return a;
        if (is(a, 0)) return b;
        break;
      case Opcode::IntSub:
        if (is(b, 0)) return a;
        if (a == b) return opt_.make_const_int(0);
        break;
      case Opcode::IntMul:
        if (is(b, 1)) return a;
        if (is(a, 1)) return b;
        if (is(a, 0) || is(b, 0)) return opt_.make_const_int(0);
        break;
      case Opcode::IntAnd:
        if (a == b || is(b, -1)) return a;
        if (is(a, -1)) return b;
        if (is(a, 0) || is(b, 0)) return opt_.make_const_int(0);
        break;
      case Opcode::IntOr:
        if (a == b || is(b, 0)) return a;
        if (is(a, 0)) return b;
        break;
      case Opcode::IntXor:
        if (a == b) return opt_.make_const_int(0);
        if (is(b, 0)) return a;
        if (is(a, 0)) return b;
        break;
      case Opcode::IntLshift:
      case Opcode::IntRshift:
      case Opcode::UintRshift:
        if (is(b, 0)) return a;
        break;
      case Opcode::IntFloorDiv:
        if (is(b, 1)) return a;
        break;
      case Opcode::IntEq:
      case Opcode::IntLe:
      case Opcode::IntGe:
      case Opcode::UintLe:
      case Opcode::UintGe:
        if (a == b) return opt_.make_const_int(1);
        break;
      case Opcode::IntNe:
      case Opcode::IntLt:
      case Opcode::IntGt:
      case Opcode::UintLt:
      case Opcode::UintGt:
        if (a == b) return opt_.make_const_int(0);
        break;
      default:
        break;
    }
    return kNoBox;
  }

  // Shares the result of an earlier identical operation (true), or emits the operation and
  // remembers it (false).
  Key make_key(Opcode opcode, const Descr* descr, const std::vector<Box>& args) {
    Key key{opcode, descr, {}};
    for (Box a : args) key.args.push_back(opt_.resolve(a));
    if (is_commutative(opcode) && key.args.size() == 2 && key.args[0] > key.args[1])
      std::swap(key.args[0], key.args[1]);
    return key;
  }

  bool cse(PendingOp& op) {
    Key key = make_key(op.opcode, op.descr, op.args);
    if (auto it = cse_.find(key); it != cse_.end()) {
      opt_.forward(op.old_result, it->second);
      return true;
    }
    emit_next(op);
    Box r = op.old_result == kNoValue ? kNoBox : opt_.forwarded(op.old_result);
    if (r != kNoBox) cse_.emplace(std::move(key), r);
    return false;
  }

  // x + c1 + c2 → x + (c1 + c2) and x + c - c → x (int_add / int_sub wrap, so this is exact).
  static bool constant_offset(Opcode code, int64_t c, int64_t* offset) {
    if (code == Opcode::IntAdd)
      *offset = c;
    else if (code == Opcode::IntSub)
      *offset = static_cast<int64_t>(0 - static_cast<uint64_t>(c));
    else
      return false;
    return true;
  }
  bool reassociate(PendingOp& op) {
    if (op.args.size() != 2 || !opt_.is_const(op.args[1])) return false;
    int64_t offset;
    if (!constant_offset(op.opcode, opt_.const_int(op.args[1]), &offset)) return false;
    auto it = offsets_.find(opt_.resolve(op.args[0]));
    if (it == offsets_.end()) return false;
    auto [base, inner] = it->second;
    int64_t total = static_cast<int64_t>(static_cast<uint64_t>(inner) + static_cast<uint64_t>(offset));
    if (total == 0) {
      opt_.forward(op.old_result, base);
      return true;
    }
    op.opcode = Opcode::IntAdd;
    op.args = {base, opt_.make_const_int(total)};
    if (Box b = identity(op); b != kNoBox) {
      opt_.forward(op.old_result, b);
      return true;
    }
    cse(op);
    remember_offset(op);
    return true;
  }
  void remember_offset(const PendingOp& op) {
    if (op.args.size() != 2 || !opt_.is_const(op.args[1]) || op.old_result == kNoValue) return;
    int64_t offset;
    if (!constant_offset(op.opcode, opt_.const_int(op.args[1]), &offset)) return;
    Box r = opt_.forwarded(op.old_result);
    if (r == kNoBox || opt_.is_const(r) || offsets_.count(r)) return;
    offsets_[r] = {opt_.resolve(op.args[0]), offset};
  }
  std::map<Box, std::pair<Box, int64_t>> offsets_;  // r = base + offset

  std::map<Key, Box> cse_;
};

}  // namespace

std::unique_ptr<Pass> make_pure_pass(Optimizer& opt) { return std::make_unique<PurePass>(opt); }

}  // namespace rpp::jit::opt
