// Integer bounds (RPython's intbounds.py): every integer value gets a range and known bits, from
// constants, from what operations can produce (lengths are ≥ 0, booleans 0..1, narrow fields and
// characters their width, x & 15 is 0..15, ...) and from the guards on comparisons that passed
// (after guard_true(int_lt(i, n)), i < n). Comparisons the bounds decide become constants (so
// their guards vanish), and _ovf operations the bounds prove cannot overflow become plain
// arithmetic without their guard_no_overflow.
#include <map>
#include <optional>

#include "runtime/jit/optimizer/optimizer.h"

namespace rpp::jit::opt {

namespace {

constexpr int64_t kMin = std::numeric_limits<int64_t>::min();
constexpr int64_t kMax = std::numeric_limits<int64_t>::max();

int64_t sat_add(int64_t a, int64_t b) {
  int64_t r;
  if (!__builtin_add_overflow(a, b, &r)) return r;
  return b > 0 ? kMax : kMin;
}
int64_t sat_sub(int64_t a, int64_t b) {
  int64_t r;
  if (!__builtin_sub_overflow(a, b, &r)) return r;
  return b < 0 ? kMax : kMin;
}

IntBound width_bound(unsigned bytes, bool is_signed) {
  if (bytes >= 8) return IntBound::unbounded();
  int bits = static_cast<int>(bytes) * 8;
  if (is_signed) return IntBound::range(-(int64_t{1} << (bits - 1)), (int64_t{1} << (bits - 1)) - 1);
  return IntBound::range(0, (int64_t{1} << bits) - 1);
}

class BoundsPass : public Pass {
 public:
  using Pass::Pass;
  const char* name() const override { return "bounds"; }
  void reset() override { comparisons_.clear(); }

  void propagate(PendingOp& op) override {
    switch (op.opcode) {
      case Opcode::IntLt:
      case Opcode::IntLe:
      case Opcode::IntGt:
      case Opcode::IntGe:
      case Opcode::IntEq:
      case Opcode::IntNe:
      case Opcode::UintLt:
      case Opcode::UintLe:
      case Opcode::UintGt:
      case Opcode::UintGe:
        if (auto known = decide(op.opcode, bound(op.args[0]), bound(op.args[1]))) {
          opt_.forward(op.old_result, opt_.make_const_int(*known ? 1 : 0));
          return;
        }
        break;
      case Opcode::IntIsTrue:
      case Opcode::IntIsZero: {
        IntBound b = bound(op.args[0]);
        if (b.lo > 0 || b.hi < 0 || b.known_ones) {
          opt_.forward(op.old_result, opt_.make_const_int(op.opcode == Opcode::IntIsTrue ? 1 : 0));
          return;
        }
        break;
      }
      case Opcode::IntAddOvf:
      case Opcode::IntSubOvf:
      case Opcode::IntMulOvf: {
        bool may_overflow = true;
        IntBound a = bound(op.args[0]), b = bound(op.args[1]);
        if (op.opcode == Opcode::IntAddOvf)
          bound_add(a, b, &may_overflow);
        else if (op.opcode == Opcode::IntSubOvf)
          bound_sub(a, b, &may_overflow);
        else
          bound_mul(a, b, &may_overflow);
        if (!may_overflow && opt_.next_input_opcode() == Opcode::GuardNoOverflow) {
          op.opcode = op.opcode == Opcode::IntAddOvf   ? Opcode::IntAdd
                      : op.opcode == Opcode::IntSubOvf ? Opcode::IntSub
                                                       : Opcode::IntMul;
          opt_.drop_next_guard(Opcode::GuardNoOverflow);
        }
        break;
      }
      case Opcode::GuardTrue:
      case Opcode::GuardFalse: {
        Box x = opt_.resolve(op.args[0]);
        auto it = comparisons_.find(x);
        if (it == comparisons_.end()) break;
        Comparison c = it->second;
        emit_next(op);
        Opcode cmp = c.opcode;
        if (op.opcode == Opcode::GuardFalse) {
          auto negated = negated_int_comparison(cmp);
          if (!negated) return;
          cmp = *negated;
        }
        narrow(cmp, c.a, c.b);
        return;
      }
      default:
        break;
    }
    Opcode code = op.opcode;
    std::vector<Box> args = op.args;
    emit_next(op);
    if (op.result_type != ValueType::Int || op.old_result == kNoValue) return;
    Box r = opt_.forwarded(op.old_result);
    if (r == kNoBox || opt_.is_const(r)) return;
    IntBound b = result_bound(code, op, args);
    opt_.info(r).bound.intersect(b);
    if (is_int_comparison(code)) comparisons_[r] = Comparison{code, opt_.resolve(args[0]), opt_.resolve(args[1])};
  }

 private:
  struct Comparison {
    Opcode opcode;
    Box a, b;
  };

  static bool is_int_comparison(Opcode op) {
    switch (op) {
      case Opcode::IntLt:
      case Opcode::IntLe:
      case Opcode::IntGt:
      case Opcode::IntGe:
      case Opcode::IntEq:
      case Opcode::IntNe:
        return true;
      default:
        return false;
    }
  }

  IntBound bound(Box b) {
    const BoxInfo& i = opt_.info(b);
    if (i.is_const) return IntBound::constant(static_cast<int64_t>(i.bits));
    return i.bound;
  }

  // A comparison the bounds decide; nullopt when they do not.
  static std::optional<bool> decide(Opcode op, IntBound a, IntBound b) {
    if (op == Opcode::UintLt || op == Opcode::UintLe || op == Opcode::UintGt || op == Opcode::UintGe) {
      if (!a.known_nonnegative() || !b.known_nonnegative()) return std::nullopt;
      op = op == Opcode::UintLt   ? Opcode::IntLt
           : op == Opcode::UintLe ? Opcode::IntLe
           : op == Opcode::UintGt ? Opcode::IntGt
                                  : Opcode::IntGe;
    }
    switch (op) {
      case Opcode::IntLt:
        if (a.known_lt(b)) return true;
        if (a.known_ge(b)) return false;
        break;
      case Opcode::IntLe:
        if (a.known_le(b)) return true;
        if (a.known_gt(b)) return false;
        break;
      case Opcode::IntGt:
        if (a.known_gt(b)) return true;
        if (a.known_le(b)) return false;
        break;
      case Opcode::IntGe:
        if (a.known_ge(b)) return true;
        if (a.known_lt(b)) return false;
        break;
      case Opcode::IntEq:
      case Opcode::IntNe: {
        bool disjoint = a.hi < b.lo || b.hi < a.lo || (a.known_ones & b.known_zeros) || (a.known_zeros & b.known_ones);
        if (disjoint) return op == Opcode::IntNe;
        break;
      }
      default:
        break;
    }
    return std::nullopt;
  }

  // What a comparison that held says about its arguments.
  void narrow(Opcode cmp, Box a, Box b) {
    IntBound ba = bound(a), bb = bound(b);
    auto set = [&](Box x, const IntBound& nb) {
      if (!opt_.is_const(x)) opt_.info(x).bound.intersect(nb);
    };
    switch (cmp) {
      case Opcode::IntLt:  // a < b
        set(a, IntBound::range(kMin, sat_sub(bb.hi, 1)));
        set(b, IntBound::range(sat_add(ba.lo, 1), kMax));
        break;
      case Opcode::IntLe:
        set(a, IntBound::range(kMin, bb.hi));
        set(b, IntBound::range(ba.lo, kMax));
        break;
      case Opcode::IntGt:
        narrow(Opcode::IntLt, b, a);
        break;
      case Opcode::IntGe:
        narrow(Opcode::IntLe, b, a);
        break;
      case Opcode::IntEq:
        set(a, bb);
        set(b, ba);
        break;
      default:
        break;
    }
  }

  IntBound result_bound(Opcode code, const PendingOp& op, const std::vector<Box>& args) {
    if (has_flag(code, kBoolResult)) return IntBound::range(0, 1);
    auto arg = [&](size_t i) { return bound(args[i]); };
    switch (code) {
      case Opcode::IntAdd:
        return bound_add(arg(0), arg(1));
      case Opcode::IntSub:
        return bound_sub(arg(0), arg(1));
      case Opcode::IntMul:
        return bound_mul(arg(0), arg(1));
      case Opcode::IntAddOvf:  // used only past its guard_no_overflow: no wrap
        if (opt_.next_input_opcode() != Opcode::GuardNoOverflow) break;
        return IntBound::range(sat_add(arg(0).lo, arg(1).lo), sat_add(arg(0).hi, arg(1).hi));
      case Opcode::IntSubOvf:
        if (opt_.next_input_opcode() != Opcode::GuardNoOverflow) break;
        return IntBound::range(sat_sub(arg(0).lo, arg(1).hi), sat_sub(arg(0).hi, arg(1).lo));
      case Opcode::IntAnd:
        return bound_and(arg(0), arg(1));
      case Opcode::IntOr:
        return bound_or(arg(0), arg(1));
      case Opcode::IntForceGeZero:
        return IntBound::range(0, arg(0).hi < 0 ? 0 : arg(0).hi);
      case Opcode::IntRshift:
      case Opcode::UintRshift: {
        if (!opt_.is_const(args[1])) break;
        int64_t k = opt_.const_int(args[1]);
        if (k <= 0 || k >= 64) break;
        if (code == Opcode::UintRshift) return IntBound::range(0, static_cast<int64_t>(~uint64_t{0} >> k));
        return IntBound::range(arg(0).lo >> k, arg(0).hi >> k);
      }
      case Opcode::ArraylenGc:
      case Opcode::Strlen:
      case Opcode::Unicodelen:
        return IntBound::range(0, kMax);
      case Opcode::Strgetitem:
        return IntBound::range(0, 255);
      case Opcode::Unicodegetitem:
        return IntBound::range(0, 0xffffffff);
      case Opcode::GetfieldGc:
      case Opcode::GetfieldRaw: {
        auto* fd = static_cast<const FieldDescr*>(op.descr);
        if (fd && fd->type == ValueType::Int) return width_bound(fd->size, fd->is_signed);
        break;
      }
      case Opcode::GetarrayitemGc:
      case Opcode::GetarrayitemRaw: {
        auto* ad = static_cast<const ArrayDescr*>(op.descr);
        if (ad && ad->item_type == ValueType::Int) return width_bound(ad->item_size, ad->is_signed);
        break;
      }
      default:
        break;
    }
    return IntBound::unbounded();
  }

  std::map<Box, Comparison> comparisons_;
};

}  // namespace

std::unique_ptr<Pass> make_bounds_pass(Optimizer& opt) { return std::make_unique<BoundsPass>(opt); }

}  // namespace rpp::jit::opt
