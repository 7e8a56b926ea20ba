// Linear-scan register allocation (see register_allocator.h).
#include "runtime/jit/backend/x86_64/register_allocator.h"

#include <climits>
#include <stdexcept>

namespace rpp::jit::x86 {

namespace {
uint32_t bit(int r) { return 1u << r; }
}  // namespace

RegisterAllocator::RegisterAllocator(const Trace& trace, const Liveness& live, MoveEmitter& moves)
    : trace_(trace), live_(live), moves_(moves) {
  size_t n = trace.num_values();
  reg_.assign(n, Location{});
  slot_.assign(n, -1);
  slot_valid_.assign(n, false);
  for (auto& o : gpr_owner_) o = kNoValue;
  for (auto& o : xmm_owner_) o = kNoValue;
}

void RegisterAllocator::bind(ValueId v, Location reg) {
  reg_[v] = reg;
  if (reg.is_gpr()) gpr_owner_[reg.index] = v;
  else xmm_owner_[reg.index] = v;
}

void RegisterAllocator::unbind(ValueId v) {
  Location r = reg_[v];
  if (r.is_gpr() && gpr_owner_[r.index] == v) gpr_owner_[r.index] = kNoValue;
  if (r.is_xmm() && xmm_owner_[r.index] == v) xmm_owner_[r.index] = kNoValue;
  reg_[v] = Location{};
}

void RegisterAllocator::release(ValueId v) {
  unbind(v);
  if (slot_[v] >= 0) {
    slot_used_[slot_[v]] = false;
    slot_owner_[slot_[v]] = kNoValue;
    slot_[v] = -1;
    slot_valid_[v] = false;
  }
}

int RegisterAllocator::new_slot() {
  int s = kFrameFirstSpillSlot;
  while (s < static_cast<int>(slot_used_.size()) && slot_used_[s]) ++s;
  if (s >= static_cast<int>(slot_used_.size())) {
    slot_used_.resize(s + 1, false);
    slot_owner_.resize(s + 1, kNoValue);
  }
  slot_used_[s] = true;
  if (s > max_slot_) max_slot_ = s;
  return s;
}

void RegisterAllocator::place(ValueId v, Location where) {
  if (where.is_slot()) {
    if (where.index >= static_cast<int>(slot_used_.size())) {
      slot_used_.resize(where.index + 1, false);
      slot_owner_.resize(where.index + 1, kNoValue);
    }
    slot_used_[where.index] = true;
    slot_owner_[where.index] = v;
    slot_[v] = where.index;
    slot_valid_[v] = true;
    if (where.index > max_slot_) max_slot_ = where.index;
  } else {
    bind(v, where);
  }
}

void RegisterAllocator::reserve_slots_below(int n) {
  if (n > static_cast<int>(slot_used_.size())) {
    slot_used_.resize(n, false);
    slot_owner_.resize(n, kNoValue);
  }
  for (int s = kFrameFirstSpillSlot; s < n; ++s) slot_used_[s] = true;
  if (n - 1 > max_slot_) max_slot_ = n - 1;
}

Location RegisterAllocator::loc(ValueId v) const {
  const ValueInfo& info = trace_.value(v);
  if (info.is_const) return Location::immediate(info.constant);
  if (reg_[v].kind != Location::None) return reg_[v];
  if (slot_valid_[v]) return Location::slot(slot_[v]);
  throw std::logic_error("register allocator: a value with no location (v" + std::to_string(v) + ")");
}

std::optional<Location> RegisterAllocator::hint_for(ValueId v) const {
  int32_t k = live_.jump_arg_index(v);
  if (k >= 0 && k < static_cast<int32_t>(label_hints_.size()) && label_hints_[k].is_reg()) return label_hints_[k];
  return std::nullopt;
}

std::optional<Gpr> RegisterAllocator::free_gpr(bool prefer_callee_saved, uint32_t avoid) const {
  auto try_list = [&](const auto& list) -> std::optional<Gpr> {
    for (Gpr r : list)
      if (gpr_owner_[r] == kNoValue && !(avoid & bit(r)) && !(locked_gpr_ & bit(r))) return r;
    return std::nullopt;
  };
  if (prefer_callee_saved) {
    if (auto r = try_list(kCalleeSavedGprs)) return r;
    return try_list(kCallerSavedGprs);
  }
  if (auto r = try_list(kCallerSavedGprs)) return r;
  return try_list(kCalleeSavedGprs);
}

std::optional<int> RegisterAllocator::free_xmm(uint32_t avoid) const {
  for (int x = 0; x < kNumAllocatableXmms; ++x)
    if (xmm_owner_[x] == kNoValue && !(avoid & bit(x)) && !(locked_xmm_ & bit(x))) return x;
  return std::nullopt;
}

Gpr RegisterAllocator::alloc_gpr(bool prefer_callee_saved, uint32_t avoid, std::optional<Gpr> hint) {
  if (hint && is_allocatable(*hint) && gpr_owner_[*hint] == kNoValue && !(avoid & bit(*hint)) &&
      !(locked_gpr_ & bit(*hint)))
    return *hint;
  if (auto r = free_gpr(prefer_callee_saved, avoid)) return *r;
  // Spill the value whose next use is furthest away.
  Gpr best = RAX;
  int32_t best_next = -1;
  bool found = false;
  for (int r = 0; r < kNumGprs; ++r) {
    Gpr g = static_cast<Gpr>(r);
    if (!is_allocatable(g) || (avoid & bit(r)) || (locked_gpr_ & bit(r))) continue;
    ValueId v = gpr_owner_[r];
    if (v == kNoValue || v == kTemp) continue;
    int32_t next = live_.next_use(v, pos_ - 1);
    if (!found || next > best_next) {
      best = g;
      best_next = next;
      found = true;
    }
  }
  if (!found) throw std::logic_error("register allocator: no general register can be freed");
  spill(gpr_owner_[best], true);
  return best;
}

int RegisterAllocator::alloc_xmm(uint32_t avoid, std::optional<int> hint) {
  if (hint && *hint < kNumAllocatableXmms && xmm_owner_[*hint] == kNoValue && !(avoid & bit(*hint)) &&
      !(locked_xmm_ & bit(*hint)))
    return *hint;
  if (auto x = free_xmm(avoid)) return *x;
  int best = -1;
  int32_t best_next = -1;
  for (int x = 0; x < kNumAllocatableXmms; ++x) {
    if ((avoid & bit(x)) || (locked_xmm_ & bit(x))) continue;
    ValueId v = xmm_owner_[x];
    if (v == kNoValue || v == kTemp) continue;
    int32_t next = live_.next_use(v, pos_ - 1);
    if (best < 0 || next > best_next) {
      best = x;
      best_next = next;
    }
  }
  if (best < 0) throw std::logic_error("register allocator: no xmm register can be freed");
  spill(xmm_owner_[best], true);
  return best;
}

int RegisterAllocator::spill(ValueId v, bool drop_register) {
  if (trace_.is_const(v)) throw std::logic_error("register allocator: spilling a constant");
  if (slot_[v] < 0) slot_[v] = new_slot();
  if (!slot_valid_[v]) {
    if (reg_[v].kind == Location::None) throw std::logic_error("register allocator: spilling a value with no location");
    moves_.move(Location::slot(slot_[v]), reg_[v], trace_.type(v));
    slot_valid_[v] = true;
    slot_owner_[slot_[v]] = v;
  }
  if (drop_register && reg_[v].kind != Location::None) {
    Location r = reg_[v];
    bool locked = r.is_gpr() ? (locked_gpr_ & bit(r.index)) : (locked_xmm_ & bit(r.index));
    unbind(v);
    if (locked) {  // the register still holds a copy an instruction of this operation reads
      if (r.is_gpr()) gpr_owner_[r.index] = kTemp;
      else xmm_owner_[r.index] = kTemp;
    }
  }
  return slot_[v];
}

Gpr RegisterAllocator::use_gpr(ValueId v, uint32_t avoid_mask) {
  if (trace_.is_const(v)) {
    Gpr t = temp_gpr(avoid_mask);
    moves_.load_imm(t, trace_.value(v).constant, trace_.type(v));
    return t;
  }
  Location cur = loc(v);
  if (cur.is_gpr() && !(avoid_mask & bit(cur.index))) {
    locked_gpr_ |= bit(cur.index);
    return cur.reg();
  }
  std::optional<Gpr> hint;
  if (auto h = hint_for(v); h && h->is_gpr()) hint = h->reg();
  Gpr r = alloc_gpr(live_.crosses_call(v), avoid_mask, hint);
  moves_.move(Location::gpr(r), cur, trace_.type(v));
  if (cur.is_reg()) {
    bool locked = locked_gpr_ & bit(cur.index);
    unbind(v);
    if (locked) gpr_owner_[cur.index] = kTemp;
  }
  bind(v, Location::gpr(r));
  locked_gpr_ |= bit(r);
  return r;
}

int RegisterAllocator::use_xmm(ValueId v) {
  if (trace_.is_const(v)) {
    int t = temp_xmm();
    moves_.move(Location::xmm(t), Location::immediate(trace_.value(v).constant), ValueType::Float);
    return t;
  }
  Location cur = loc(v);
  if (cur.is_xmm()) {
    locked_xmm_ |= bit(cur.index);
    return cur.index;
  }
  std::optional<int> hint;
  if (auto h = hint_for(v); h && h->is_xmm()) hint = h->index;
  int x = alloc_xmm(0, hint);
  moves_.move(Location::xmm(x), cur, ValueType::Float);
  if (cur.is_reg()) unbind(v);
  bind(v, Location::xmm(x));
  locked_xmm_ |= bit(x);
  return x;
}

void RegisterAllocator::evict_gpr(Gpr r) {
  ValueId v = gpr_owner_[r];
  if (v != kNoValue) {
    if (v == kTemp || (locked_gpr_ & bit(r))) throw std::logic_error("register allocator: evicting a register in use");
    if (live_.last_use(v) >= pos_) {
      if (auto other = free_gpr(live_.crosses_call(v), bit(r))) {
        moves_.move(Location::gpr(*other), Location::gpr(r), trace_.type(v));
        unbind(v);
        bind(v, Location::gpr(*other));
      } else {
        spill(v, true);
      }
    } else {
      unbind(v);
    }
  }
  locked_gpr_ |= bit(r);
}

void RegisterAllocator::use_fixed_gpr(ValueId v, Gpr r) {
  if (!trace_.is_const(v) && reg_[v].is_gpr() && reg_[v].reg() == r) {
    locked_gpr_ |= bit(r);
    return;
  }
  evict_gpr(r);
  if (trace_.is_const(v)) {
    moves_.load_imm(r, trace_.value(v).constant, trace_.type(v));
    gpr_owner_[r] = kTemp;
    return;
  }
  Location cur = loc(v);
  moves_.move(Location::gpr(r), cur, trace_.type(v));
  if (cur.is_reg()) {
    bool locked = locked_gpr_ & bit(cur.index);
    unbind(v);
    if (locked) gpr_owner_[cur.index] = kTemp;
  }
  bind(v, Location::gpr(r));
}

Gpr RegisterAllocator::def_gpr(ValueId result, std::optional<ValueId> reuse, uint32_t avoid_mask) {
  if (reuse && dies_here(*reuse) && reg_[*reuse].is_gpr() && !(avoid_mask & bit(reg_[*reuse].index))) {
    Gpr r = reg_[*reuse].reg();
    unbind(*reuse);
    bind(result, Location::gpr(r));
    locked_gpr_ |= bit(r);
    return r;
  }
  std::optional<Gpr> hint;
  if (auto h = hint_for(result); h && h->is_gpr()) hint = h->reg();
  Gpr r = alloc_gpr(live_.crosses_call(result), avoid_mask, hint);
  bind(result, Location::gpr(r));
  locked_gpr_ |= bit(r);
  return r;
}

int RegisterAllocator::def_xmm(ValueId result, std::optional<ValueId> reuse) {
  if (reuse && dies_here(*reuse) && reg_[*reuse].is_xmm()) {
    int x = reg_[*reuse].index;
    unbind(*reuse);
    bind(result, Location::xmm(x));
    locked_xmm_ |= bit(x);
    return x;
  }
  std::optional<int> hint;
  if (auto h = hint_for(result); h && h->is_xmm()) hint = h->index;
  int x = alloc_xmm(0, hint);
  bind(result, Location::xmm(x));
  locked_xmm_ |= bit(x);
  return x;
}

void RegisterAllocator::def_fixed(ValueId result, Location reg) {
  if (reg.is_gpr()) {
    if (gpr_owner_[reg.index] != kNoValue) throw std::logic_error("register allocator: def_fixed into a busy register");
    locked_gpr_ |= bit(reg.index);
  } else {
    if (xmm_owner_[reg.index] != kNoValue) throw std::logic_error("register allocator: def_fixed into a busy register");
    locked_xmm_ |= bit(reg.index);
  }
  bind(result, reg);
}

Gpr RegisterAllocator::temp_gpr(uint32_t avoid_mask) {
  Gpr r = alloc_gpr(false, avoid_mask);
  gpr_owner_[r] = kTemp;
  locked_gpr_ |= bit(r);
  return r;
}

int RegisterAllocator::temp_xmm() {
  int x = alloc_xmm(0);
  xmm_owner_[x] = kTemp;
  locked_xmm_ |= bit(x);
  return x;
}

void RegisterAllocator::before_call(bool can_collect, const std::vector<ValueId>& into_slots) {
  for (ValueId v : into_slots)
    if (!trace_.is_const(v) && live_.last_use(v) > pos_) spill(v, true);
  for (int r = 0; r < kNumGprs; ++r) {
    Gpr g = static_cast<Gpr>(r);
    ValueId v = gpr_owner_[r];
    if (v == kNoValue || v == kTemp || live_.last_use(v) <= pos_) continue;
    if (can_collect && trace_.type(v) == ValueType::Ref) {
      spill(v, true);
      continue;
    }
    if (is_callee_saved(g)) continue;
    if (auto other = free_gpr(true, 0); other && is_callee_saved(*other)) {
      moves_.move(Location::gpr(*other), Location::gpr(g), trace_.type(v));
      unbind(v);
      bind(v, Location::gpr(*other));
    } else {
      spill(v, true);
    }
  }
  for (int x = 0; x < kNumXmms; ++x) {
    ValueId v = xmm_owner_[x];
    if (v == kNoValue || v == kTemp || live_.last_use(v) <= pos_) continue;
    spill(v, true);
  }
}

void RegisterAllocator::after_call() {
  for (Gpr g : kCallerSavedGprs) {
    ValueId v = gpr_owner_[g];
    if (v == kNoValue) continue;
    if (v != kTemp) {
      if (live_.last_use(v) > pos_) throw std::logic_error("register allocator: a live value in a clobbered register");
      reg_[v] = Location{};
    }
    gpr_owner_[g] = kNoValue;
  }
  for (int x = 0; x < kNumXmms; ++x) {
    ValueId v = xmm_owner_[x];
    if (v == kNoValue) continue;
    if (v != kTemp) {
      if (live_.last_use(v) > pos_) throw std::logic_error("register allocator: a live value in a clobbered register");
      reg_[v] = Location{};
    }
    xmm_owner_[x] = kNoValue;
  }
  for (Gpr g : kCallerSavedGprs) locked_gpr_ &= ~bit(g);
  locked_xmm_ = 0;
}

std::vector<int> RegisterAllocator::live_ref_slots(bool include_registers, ValueId exclude) const {
  std::vector<int> out;
  auto live_ref = [&](ValueId v) {
    return v != kNoValue && v != kTemp && v != exclude && !trace_.is_const(v) && trace_.type(v) == ValueType::Ref &&
           live_.def(v) <= pos_ && live_.last_use(v) > pos_;
  };
  for (int r = 0; r < kNumGprs; ++r) {
    ValueId v = gpr_owner_[r];
    if (!live_ref(v)) continue;
    if (include_registers) out.push_back(kFrameGprSaveSlot + r);
    else if (!slot_valid_[v])
      throw std::logic_error("register allocator: a live reference outside the frame at a collection point");
  }
  for (size_t s = 0; s < slot_owner_.size(); ++s) {
    ValueId v = slot_owner_[s];
    if (live_ref(v) && slot_valid_[v] && slot_[v] == static_cast<int32_t>(s)) out.push_back(static_cast<int>(s));
  }
  return out;
}

std::vector<Location> RegisterAllocator::place_label_args(std::span<const ValueId> args) {
  std::vector<Location> out;
  for (ValueId v : args) {
    Location cur = loc(v);
    if (!cur.is_reg()) {
      if (is_float(v)) {
        if (auto x = free_xmm(0)) {
          moves_.move(Location::xmm(*x), cur, ValueType::Float);
          bind(v, Location::xmm(*x));
          cur = Location::xmm(*x);
        }
      } else if (auto r = free_gpr(live_.crosses_call(v), 0)) {
        moves_.move(Location::gpr(*r), cur, trace_.type(v));
        bind(v, Location::gpr(*r));
        cur = Location::gpr(*r);
      }
    }
    // Jumps to the label write this one location: forget any other copy.
    if (cur.is_reg() && slot_[v] >= 0) {
      slot_used_[slot_[v]] = false;
      slot_owner_[slot_[v]] = kNoValue;
      slot_[v] = -1;
      slot_valid_[v] = false;
    } else if (cur.is_slot()) {
      unbind(v);
    }
    out.push_back(cur);
  }
  label_hints_ = out;
  return out;
}

void RegisterAllocator::end_op() {
  const Op& op = trace_.ops()[pos_];
  auto maybe_release = [&](ValueId v) {
    if (!trace_.is_const(v) && live_.last_use(v) == pos_) release(v);
  };
  for (ValueId v : trace_.args(op)) maybe_release(v);
  for (ValueId v : trace_.fail_args(op)) maybe_release(v);
  if (op.result != kNoValue && live_.last_use(op.result) < 0) release(op.result);
  for (int r = 0; r < kNumGprs; ++r)
    if (gpr_owner_[r] == kTemp) gpr_owner_[r] = kNoValue;
  for (int x = 0; x < kNumXmms; ++x)
    if (xmm_owner_[x] == kTemp) xmm_owner_[x] = kNoValue;
  locked_gpr_ = 0;
  locked_xmm_ = 0;
}

}  // namespace rpp::jit::x86
