// Guards (RPython's rewrite.py, the guard part): what a guard proves is remembered — after
// guard_true(x) x is 1, after guard_value(x, C) x is C, after guard_nonnull / guard_class the
// value is non-null / of that class — so later guards it implies vanish. Guard strengthening: a
// guard_class on a value whose non-nullness an earlier guard_nonnull established turns that
// earlier guard into guard_nonnull_class (checked at the first place, resuming from there) and
// disappears.
#include <set>

#include "runtime/jit/optimizer/optimizer.h"

namespace rpp::jit::opt {

namespace {

class GuardsPass : public Pass {
 public:
  using Pass::Pass;
  const char* name() const override { return "guards"; }
  void reset() override { nonzero_.clear(); }

  void propagate(PendingOp& op) override {
    switch (op.opcode) {
      case Opcode::GuardTrue:
      case Opcode::GuardFalse: {
        Box x = opt_.resolve(op.args[0]);
        bool want = op.opcode == Opcode::GuardTrue;
        if (opt_.is_const(x)) {
          if ((opt_.const_int(x) != 0) == want) return;
          break;  // always fails: keep it
        }
        if (want && nonzero_.count(x)) return;
        emit_next(op);
        // guard_false(x): x is 0. guard_true(x): x is 1 if it is a boolean, otherwise only nonzero.
        if (!want)
          opt_.make_equal(x, opt_.make_const_int(0));
        else if (opt_.info(x).is_bool || (opt_.info(x).bound.lo >= 0 && opt_.info(x).bound.hi <= 1))
          opt_.make_equal(x, opt_.make_const_int(1));
        else
          nonzero_.insert(x);
        return;
      }
      case Opcode::GuardValue: {
        Box x = opt_.resolve(op.args[0]), c = opt_.resolve(op.args[1]);
        if (opt_.is_const(x) && opt_.is_const(c)) {
          if (opt_.info(x).bits == opt_.info(c).bits) return;
          break;
        }
        emit_next(op);
        if (opt_.is_const(c)) opt_.make_equal(x, c);
        return;
      }
      case Opcode::GuardNonnull: {
        Box x = opt_.resolve(op.args[0]);
        if (opt_.info(x).nonnull) return;
        if (opt_.is_const(x)) break;  // null: always fails
        emit_next(op);
        auto& emitted = opt_.emitted();
        BoxInfo& i = opt_.info(x);
        i.nonnull = true;
        if (!emitted.empty() && emitted.back().opcode == Opcode::GuardNonnull && emitted.back().args[0] == x)
          i.nonnull_guard = static_cast<int32_t>(emitted.size() - 1);
        return;
      }
      case Opcode::GuardIsnull: {
        Box x = opt_.resolve(op.args[0]);
        if (opt_.is_const(x) && opt_.info(x).bits == 0) return;
        if (opt_.info(x).nonnull) break;  // always fails
        emit_next(op);
        opt_.make_equal(x, opt_.make_const(ValueType::Ref, 0));
        return;
      }
      case Opcode::GuardClass:
      case Opcode::GuardNonnullClass: {
        Box x = opt_.resolve(op.args[0]), cls = opt_.resolve(op.args[1]);
        if (!opt_.is_const(cls)) break;
        Word c = opt_.info(cls).bits;
        BoxInfo& i = opt_.info(x);
        if (i.known_class == c && (i.nonnull || op.opcode == Opcode::GuardClass)) return;
        if (i.known_class != 0) break;  // another class: always fails
        if (i.nonnull_guard >= 0) {
          // Strengthen the earlier guard_nonnull into guard_nonnull_class.
          EmittedOp& earlier = opt_.emitted()[static_cast<size_t>(i.nonnull_guard)];
          earlier.opcode = Opcode::GuardNonnullClass;
          earlier.args = {x, cls};
          i.nonnull_guard = -1;
          i.known_class = c;
          return;
        }
        emit_next(op);
        BoxInfo& after = opt_.info(x);
        after.known_class = c;
        after.nonnull = true;
        return;
      }
      default:
        break;
    }
    emit_next(op);
  }

 private:
  std::set<Box> nonzero_;  // integers a guard_true proved nonzero (not booleans: those are 1)
};

}  // namespace

std::unique_ptr<Pass> make_guards_pass(Optimizer& opt) { return std::make_unique<GuardsPass>(opt); }

}  // namespace rpp::jit::opt
