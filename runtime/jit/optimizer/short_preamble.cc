// Bridges jumping to a peeled loop (RPython's short preamble, unroll.py's inline_short_preamble):
// a trace whose final jump names the original label of a loop that was peeled goes to the peeled
// loop's label instead, past the preamble, once it has re-established the loop's entry
// (LoopEntry): its virtuals of the same shape give their fields, the virtualizable fields, heap
// contents and pure results the loop keeps in registers are passed (from what the bridge knows,
// read, or computed), and every fact the loop assumes about its label's arguments is either
// known already or checked by a guard. Those guards resume where the jump goes (the jump's
// snapshot: the loop's start), with the bridge's dirty virtualizable fields as delayed writes.
// When the bridge cannot (another virtual shape, an item or a field it cannot read safely), the
// jump goes to the preamble's label as before.
#include <algorithm>
#include <functional>
#include <map>

#include "runtime/jit/optimizer/optimizer.h"

namespace rpp::jit::opt {

bool Optimizer::jump_to_peeled_loop(PendingOp& op, const LoopEntry& entry) {
  if (op.args.size() != entry.roots.size() || !entry.label) return false;
  std::vector<Box> values(entry.facts.size(), kNoBox);
  std::vector<Box> matched;
  std::function<bool(int, Box)> match = [&](int index, Box b) -> bool {
    const LoopEntry::Node& n = entry.nodes[static_cast<size_t>(index)];
    b = resolve(b);
    if (n.leaf >= 0) {
      values[static_cast<size_t>(n.leaf)] = b;
      return true;
    }
    VirtualObject* v = virtual_of(b);
    if (!v || v->kind != n.kind || v->descr != n.descr || v->items.size() != n.items.size()) return false;
    for (Box m : matched)
      if (m == b) return false;
    matched.push_back(b);
    for (auto& [fd, value] : v->fields) {
      bool known = false;
      for (auto& nf : n.fields) known |= nf.first == fd;
      if (!known) return false;
    }
    auto fields = v->fields;
    auto items = v->items;
    for (auto& [fd, child] : n.fields) {
      Box value = kNoBox;
      for (auto& [vf, vv] : fields)
        if (vf == fd) value = vv;
      if (!match(child, value == kNoBox ? make_const(fd->type, 0) : value)) return false;
    }
    for (size_t i = 0; i < n.items.size(); ++i) {
      Box item = items[i] == kNoBox ? make_const(n.kind == VirtualKind::Array ? n.item_type : ValueType::Int, 0)
                                    : items[i];
      if (n.items[i] < 0) {
        if (!(is_const(item) && info(item).bits == 0)) return false;
      } else if (!match(n.items[i], item)) {
        return false;
      }
    }
    return true;
  };
  auto match_args = [&] {
    values.assign(entry.facts.size(), kNoBox);
    matched.clear();
    for (size_t i = 0; i < op.args.size(); ++i)
      if (!match(entry.roots[i], op.args[i])) return false;
    return true;
  };
  if (!match_args()) return false;
  // The delayed writes the loop keeps delayed stay so; the others are done now (before any read).
  std::vector<VableEntry> delayed;
  for (const LoopEntry::VableLink& l : entry.vable)
    if (l.heap) delayed.push_back(VableEntry{l.field, resolve(values[l.object_leaf]), kNoBox, true});
  for (auto& p : passes_)
    if (p.get() == heap_pass_)
      p->flush_except(delayed);
    else if (p.get() != vable_pass_)
      p->flush();
  if (!match_args()) return false;
  auto guard = [&](Opcode opcode, std::vector<Box> args) {
    PendingOp g;
    g.opcode = opcode;
    g.args = std::move(args);
    g.descr = names_.make<FailDescr>(entry.label->name.empty() ? std::string() : entry.label->name + ".entry");
    g.snapshot = op.snapshot;
    if (passes_.empty())
      emit_final(g);
    else
      passes_.front()->propagate(g);
  };
  auto has_class = [&](Box obj, const FieldDescr* field) {
    const SizeDescr* owner = field->parent;
    return info(obj).nonnull && owner && owner->vtable && info(obj).known_class == owner->vtable;
  };

  // The virtualizable fields: the bridge's values (those the loop keeps clean are written back
  // first), or read from memory.
  std::map<Pass*, std::vector<VableEntry>> keep;
  std::vector<VableEntry> kept;
  for (const LoopEntry::VableLink& l : entry.vable) {
    Box obj = resolve(values[l.object_leaf]);
    if (virtual_of(obj)) return false;
    for (const VableEntry& k : kept)
      if (k.field == l.field && resolve(k.object) == obj) return false;
    Box value;
    Pass* owner = l.heap ? heap_pass_ : vable_pass_;
    const VableEntry* known = owner ? owner->cached_vable(l.field, obj) : nullptr;
    if (known) {
      value = resolve(known->value);
      if (l.dirty && (!l.heap || known->dirty)) {
        keep[owner].push_back(VableEntry{l.field, obj, value, known->dirty});
        kept.push_back(VableEntry{l.field, obj, value, known->dirty});
      }
    } else if (l.heap) {
      // (Memory holds the field; read it where the object is known to have it.)
      if (!has_class(obj, l.field)) return false;
      value = emit_direct(Opcode::GetfieldGc, {obj}, const_cast<FieldDescr*>(l.field), l.field->type);
    } else {
      // (The frame is the driver's virtualizable, of its type: its fields can be read.)
      value = emit_direct(Opcode::GetfieldGc, {obj}, const_cast<FieldDescr*>(l.field), l.field->type);
    }
    if (!match(l.value_root, value)) return false;
  }
  for (Pass* p : {vable_pass_, heap_pass_}) {
    if (!p) continue;
    // What is written back at the jump must not force part of the state passed.
    std::vector<VableEntry> all;
    p->export_vable(all);
    for (const VableEntry& e : all) {
      bool is_kept = false;
      for (const VableEntry& k : keep[p]) is_kept |= k.field == e.field && resolve(k.object) == resolve(e.object);
      if (!is_kept && e.dirty && virtual_of(e.value)) return false;
    }
  }
  for (Box v : values)
    if (v != kNoBox && virtual_of(v)) return false;  // (a plain argument of the loop given a virtual)

  // Heap contents, array items and pure results the loop keeps.
  for (const LoopEntry::HeapLink& l : entry.heap) {
    Box obj = resolve(values[l.object_leaf]);
    if (virtual_of(obj)) return false;
    Box value = kNoBox;
    for (auto& p : passes_)
      if (value == kNoBox) value = p->cached_field(l.field, obj);
    if (value == kNoBox) {
      if (!has_class(obj, l.field)) {
        // The loop assumes the object's class: check it first, then read.
        const SizeDescr* owner = l.field->parent;
        if (!owner || !owner->vtable || entry.facts[l.object_leaf].known_class != owner->vtable || info(obj).known_class)
          return false;
        guard(info(obj).nonnull ? Opcode::GuardClass : Opcode::GuardNonnullClass,
              {obj, make_const(ValueType::Int, owner->vtable)});
        obj = resolve(obj);
        if (!has_class(obj, l.field)) return false;
      }
      value = emit_direct(Opcode::GetfieldGc, {obj}, const_cast<FieldDescr*>(l.field), l.field->type);
      if (l.field->is_quasi_immutable) guard(Opcode::GuardNotInvalidated, {});  // (the loop assumes it)
    }
    values[l.value_leaf] = resolve(value);
  }
  for (const LoopEntry::ItemLink& l : entry.items) {
    if (virtual_of(values[l.object_leaf])) return false;
    Box value = kNoBox;
    for (auto& p : passes_)
      if (value == kNoBox) value = p->cached_item(l.array, resolve(values[l.object_leaf]), make_const_int(l.index));
    if (value == kNoBox) {
      // Read it, its index checked against the length first.
      Box arr = resolve(values[l.object_leaf]);
      if (virtual_of(arr) || l.index < 0 || l.array->is_raw) return false;
      if (!info(arr).nonnull) guard(Opcode::GuardNonnull, {arr});
      arr = resolve(arr);
      Box length = emit_direct(Opcode::ArraylenGc, {arr}, const_cast<ArrayDescr*>(l.array), ValueType::Int);
      guard(Opcode::GuardTrue,
            {emit_direct(Opcode::IntGt, {length, make_const_int(l.index)}, nullptr, ValueType::Int)});
      value = emit_direct(Opcode::GetarrayitemGc, {arr, make_const_int(l.index)}, const_cast<ArrayDescr*>(l.array),
                          l.array->item_type);
    }
    values[l.value_leaf] = resolve(value);
  }
  for (const LoopEntry::PureLink& l : entry.pure) {
    std::vector<Box> args;
    for (const LoopEntry::PureArg& a : l.args)
      args.push_back(a.leaf >= 0 ? resolve(values[static_cast<size_t>(a.leaf)]) : make_const(a.type, a.bits));
    Box value = kNoBox;
    for (auto& p : passes_)
      if (value == kNoBox) value = p->lookup_pure(l.opcode, l.descr, args);
    if (value == kNoBox) value = emit_direct(l.opcode, args, const_cast<Descr*>(l.descr), l.type);
    values[l.value_leaf] = resolve(value);
  }
  for (size_t k = 0; k < values.size(); ++k)
    if (values[k] == kNoBox || virtual_of(values[k]) || info(values[k]).type != entry.facts[k].type) return false;

  // The facts the loop assumes: known, or checked here (below; class checks may come first).
  for (size_t k = 0; k < values.size(); ++k) {
    const LoopEntry::Fact& f = entry.facts[k];
    Box v = resolve(values[k]);
    if (f.is_const) {
      if (is_const(v) && info(v).bits != f.bits) return false;  // would always fail
      if (!is_const(v)) guard(Opcode::GuardValue, {v, make_const(f.type, f.bits)});
      continue;
    }
    if (f.known_class && info(v).known_class != f.known_class) {
      if (info(v).known_class) return false;
      guard(info(v).nonnull ? Opcode::GuardClass : Opcode::GuardNonnullClass,
            {v, make_const(ValueType::Int, f.known_class)});
    } else if (f.nonnull && !info(v).nonnull) {
      guard(Opcode::GuardNonnull, {v});
    }
    if (f.type == ValueType::Int) {
      int64_t lo = f.lo, hi = f.hi;
      if (f.is_bool) lo = std::max<int64_t>(lo, 0), hi = std::min<int64_t>(hi, 1);
      v = resolve(v);
      IntBound b = is_const(v) ? IntBound::constant(const_int(v)) : info(v).bound;
      if (b.lo < lo)
        guard(Opcode::GuardTrue, {emit_direct(Opcode::IntGe, {v, make_const_int(lo)}, nullptr, ValueType::Int)});
      if (b.hi > hi)
        guard(Opcode::GuardTrue, {emit_direct(Opcode::IntLe, {v, make_const_int(hi)}, nullptr, ValueType::Int)});
    }
  }

  for (Pass* p : {heap_pass_, vable_pass_})
    if (p) p->flush_keeping(keep[p]);
  EmittedOp e;
  e.opcode = Opcode::Jump;
  for (Box v : values) e.args.push_back(force_if_virtual(v));
  e.descr = entry.label;
  emitted_.push_back(std::move(e));
  return true;
}

}  // namespace rpp::jit::opt
