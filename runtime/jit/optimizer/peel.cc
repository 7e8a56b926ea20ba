// Loop peeling (RPython's unroll.py, simplified): a loop `label(L0) body jump(L0)` is optimized
// as a preamble (the body once, ending where the jump was) followed by a second label L1 and the
// body again, jumping to L1. What crosses from the preamble to the loop is the jump's state:
// virtuals there stay virtual (their fields become L1's arguments: the loop's virtual state),
// and the facts known about each argument at the end of the preamble — constant, class,
// non-null, integer range — are assumed at L1, so the loop's guards and operations they decide
// vanish (the work stays in the preamble). At the loop's jump the state must have the same
// virtual shape and satisfy every assumed fact; a fact that does not hold is dropped and the loop
// optimized again; a shape that differs (or a virtual reachable twice) means no peeling.
// `loop_entry` records L1's virtual state and assumed facts: what a bridge jumping to L1 must
// establish (the short preamble's contract).
#include <functional>
#include <map>

#include "runtime/jit/optimizer/optimizer.h"

namespace rpp::jit::opt {

namespace {

using ShapeNode = LoopEntry::Node;
using Fact = LoopEntry::Fact;

enum FactBit : uint8_t { kFactConst = 1, kFactClass = 2, kFactNonnull = 4, kFactBool = 8, kFactRange = 16 };

}  // namespace

std::optional<OptimizedTrace> Optimizer::run_peeled(const Trace& in, const std::vector<Snapshot>& snapshots) {
  const auto& ops = in.ops();
  if (ops.size() < 2 || ops.back().opcode != Opcode::Jump) return std::nullopt;
  size_t label_index = ops.size();
  for (size_t i = 0; i < ops.size(); ++i)
    if (ops[i].opcode == Opcode::Label) label_index = i;
  if (label_index == ops.size() || ops[label_index].descr != ops.back().descr) return std::nullopt;
  const Op& label = ops[label_index];
  const Op& jump = ops.back();
  auto* l0 = static_cast<TargetToken*>(label.descr);
  TargetToken* l1 = names_.make<TargetToken>(l0->name.empty() ? std::string() : l0->name + ".loop");
  l1->owner = l0->owner;

  std::vector<uint8_t> dropped;     // per leaf: facts that did not hold at the loop's jump
  std::vector<bool> dropped_links;  // per heap link: its object may be null at the loop's jump
  std::vector<bool> dropped_items;  // per item link: the loop's jump does not know the item
  std::vector<bool> dropped_vable;  // per virtualizable field at the preamble's end: not carried
  std::vector<bool> dirty_vable;    // per virtualizable field: dirty in the loop (written there)
  for (int attempt = 0; attempt < 8; ++attempt) {
    begin_run(in, snapshots);
    process(0, ops.size() - 1);  // the preamble: everything but the jump
    // Virtualizable fields and delayed writes (lazy setfields) of plain objects reachable from
    // the jump's arguments cross the label as values (the loop keeps them in registers and does
    // the writes only when it is left); the others are written back here.
    struct VableLink {
      Pass* owner;  // the virtualizables pass or the heap pass
      const FieldDescr* field;
      Box object, value;
      size_t object_leaf = 0;
      int value_root = -1;
      bool dirty = false;
      size_t index = 0;  // in the preamble's list of virtualizable fields
    };
    std::vector<VableLink> vable_links;
    {
      std::vector<Box> plain;
      std::vector<Box> visited;
      std::function<void(Box)> reach = [&](Box b) {
        b = resolve(b);
        VirtualObject* v = virtual_of(b);
        if (!v) {
          plain.push_back(b);
          return;
        }
        for (Box x : visited)
          if (x == b) return;
        visited.push_back(b);
        auto fields = v->fields;
        auto items = v->items;
        for (auto& f : fields) reach(f.second);
        for (Box item : items)
          if (item != kNoBox) reach(item);
      };
      for (ValueId a : in.args(jump)) reach(arg_box(a));
      std::vector<VableEntry> entries;
      std::vector<Pass*> owners;
      for (auto& p : passes_) {
        p->export_vable(entries);
        owners.resize(entries.size(), p.get());
      }
      if (dropped_vable.size() < entries.size()) dropped_vable.resize(entries.size(), false);
      if (dirty_vable.size() < entries.size()) dirty_vable.resize(entries.size(), false);
      std::map<Pass*, std::vector<VableEntry>> keep;
      for (size_t n = 0; n < entries.size(); ++n) {
        const VableEntry& e = entries[n];
        bool reached = false;
        for (Box b : plain) reached |= b == resolve(e.object);
        if (!reached || dropped_vable[n]) continue;
        VableLink l;
        l.owner = owners[n];
        l.field = e.field;
        l.object = resolve(e.object);
        l.value = resolve(e.value);
        l.dirty = e.dirty || dirty_vable[n];
        l.index = n;
        vable_links.push_back(l);
        keep[owners[n]].push_back(e);
      }
      for (auto& p : passes_) p->flush_keeping(keep[p.get()]);
    }

    // The preamble's end state, flattened into shapes over leaves.
    std::vector<ShapeNode> nodes;
    std::vector<Box> leaves;
    std::vector<Box> seen_virtuals;
    bool shareable = true;
    std::function<int(Box)> build = [&](Box b) -> int {
      b = resolve(b);
      if (VirtualObject* v = virtual_of(b); v && v->kind == VirtualKind::InteriorArray)
        b = force(b);  // (arrays of structs do not stay virtual across the label)
      int index = static_cast<int>(nodes.size());
      nodes.emplace_back();
      VirtualObject* v = virtual_of(b);
      if (!v) {
        nodes[index].leaf = static_cast<int>(leaves.size());
        leaves.push_back(b);
        return index;
      }
      for (Box s : seen_virtuals) shareable &= s != b;
      seen_virtuals.push_back(b);
      if (!shareable) return index;
      ShapeNode n;
      n.kind = v->kind;
      n.descr = v->descr;
      n.alloc = v->alloc;
      n.item_type = v->item_type;
      auto fields = v->fields;  // (build may grow nodes, not virtuals_)
      auto items = v->items;
      for (auto& [fd, value] : fields) n.fields.emplace_back(fd, build(value));
      for (Box item : items) n.items.push_back(item == kNoBox ? -1 : build(item));
      nodes[index] = std::move(n);
      return index;
    };
    std::vector<int> roots;
    for (ValueId a : in.args(jump)) roots.push_back(build(arg_box(a)));
    if (!shareable) return std::nullopt;
    {
      // The virtualizable fields' values are roots too (a virtual there stays virtual); one whose
      // virtual is also reachable otherwise is not carried.
      bool retry_vable = false;
      for (VableLink& l : vable_links) {
        for (size_t k = 0; k < leaves.size(); ++k)
          if (resolve(leaves[k]) == l.object) {
            l.object_leaf = k;
            break;
          }
        l.value_root = build(l.value);
        if (!shareable) {
          dropped_vable[l.index] = true;
          retry_vable = true;
          break;
        }
      }
      if (retry_vable) continue;
    }
    // Known field contents of plain arguments cross the label as extra arguments (so the loop
    // does not read them again); the loop's jump passes the then-current contents.
    struct HeapLink {
      const FieldDescr* field;
      size_t object_leaf, value_leaf;
    };
    std::vector<HeapLink> links;
    {
      std::vector<HeapEntry> entries;
      for (auto& p : passes_) p->export_heap(entries);
      // Rounds: a field's content may itself be an object whose fields are known.
      std::vector<bool> linked(entries.size(), false);
      for (int round = 0; round < 3; ++round) {
        size_t known = leaves.size();
        for (size_t n = 0; n < entries.size(); ++n) {
          const HeapEntry& e = entries[n];
          if (linked[n]) continue;
          Box obj = resolve(e.object), value = resolve(e.value);
          if (virtual_of(value)) continue;
          for (size_t k = 0; k < known; ++k) {
            if (resolve(leaves[k]) != obj) continue;
            linked[n] = true;
            if (links.size() < dropped_links.size() && dropped_links[links.size()]) {
              links.push_back(HeapLink{e.field, k, SIZE_MAX});
              break;
            }
            links.push_back(HeapLink{e.field, k, leaves.size()});
            leaves.push_back(value);
            break;
          }
        }
      }
    }
    // Known array items at constant indices of plain arguments cross the label the same way; the
    // loop's jump passes the item only if the loop knows it (reading it there could be out of
    // bounds), otherwise the link is dropped and the loop optimized again.
    struct ItemLink {
      const ArrayDescr* array;
      size_t object_leaf;
      Box index;
      size_t value_leaf;
    };
    std::vector<ItemLink> item_links;
    {
      std::vector<ItemEntry> entries;
      for (auto& p : passes_) p->export_items(entries);
      size_t plain = leaves.size();
      for (const ItemEntry& e : entries) {
        Box obj = resolve(e.object), value = resolve(e.value);
        if (virtual_of(value)) continue;
        for (size_t k = 0; k < plain; ++k) {
          if (resolve(leaves[k]) != obj) continue;
          size_t n = item_links.size();
          if (n < dropped_items.size() && dropped_items[n]) {
            item_links.push_back(ItemLink{e.array, k, e.index, SIZE_MAX});
            break;
          }
          item_links.push_back(ItemLink{e.array, k, e.index, leaves.size()});
          leaves.push_back(value);
          break;
        }
      }
    }
    // Results of pure operations on arguments (or constants) cross the label too (invariant code
    // motion): the loop uses them instead of computing them again; the loop's jump passes the
    // result for the next iteration's arguments (found in the loop, or computed there).
    struct PureLink {
      Opcode opcode;
      const Descr* descr;
      std::vector<int64_t> args;  // >= 0: a leaf; < 0: -(1 + constant Box)
      ValueType type;
      size_t value_leaf;
    };
    std::vector<PureLink> pure_links;
    {
      std::vector<PureEntry> entries;
      for (auto& p : passes_) p->export_pure(entries);
      size_t known = leaves.size();
      for (const PureEntry& e : entries) {
        Box result = resolve(e.result);
        if (boxes_[result].is_const || virtual_of(result)) continue;
        bool is_leaf = false;
        for (size_t k = 0; k < known; ++k) is_leaf |= resolve(leaves[k]) == result;
        if (is_leaf) continue;
        PureLink l{e.opcode, e.descr, {}, boxes_[result].type, 0};
        bool ok = true;
        for (Box a : e.args) {
          a = resolve(a);
          if (boxes_[a].is_const) {
            l.args.push_back(-1 - static_cast<int64_t>(a));
            continue;
          }
          int64_t found = -1;
          for (size_t k = 0; k < known && found < 0; ++k)
            if (resolve(leaves[k]) == a) found = static_cast<int64_t>(k);
          if (found < 0) ok = false;
          l.args.push_back(found);
        }
        if (!ok) continue;
        l.value_leaf = leaves.size();
        leaves.push_back(result);
        pure_links.push_back(std::move(l));
      }
    }
    if (dropped.size() < leaves.size()) dropped.resize(leaves.size(), 0);

    std::vector<Fact> facts(leaves.size());
    for (size_t k = 0; k < leaves.size(); ++k) {
      const BoxInfo& i = boxes_[resolve(leaves[k])];
      Fact& f = facts[k];
      f.type = i.type;
      if (!(dropped[k] & kFactConst) && i.is_const) f.is_const = true, f.bits = i.bits;
      if (!(dropped[k] & kFactClass)) f.known_class = i.known_class;
      if (!(dropped[k] & kFactNonnull)) f.nonnull = i.nonnull;
      if (!(dropped[k] & kFactBool)) f.is_bool = i.is_bool;
      if (!(dropped[k] & kFactRange) && i.type == ValueType::Int && !i.is_const) f.lo = i.bound.lo, f.hi = i.bound.hi;
    }

    // The loop: label L1 over the leaves, facts assumed, the body again.
    std::vector<Box> vars = emit_label(leaves, l1);
    for (size_t k = 0; k < vars.size(); ++k) {
      const Fact& f = facts[k];
      BoxInfo& i = boxes_[vars[k]];
      i.known_class = f.known_class;
      i.nonnull = f.nonnull;
      i.is_bool = f.is_bool;
      if (f.type == ValueType::Int) i.bound = IntBound::range(f.lo, f.hi);
      if (f.is_const) make_equal(vars[k], make_const(f.type, f.bits));
    }
    for (const HeapLink& l : links)
      if (l.value_leaf != SIZE_MAX)
        for (auto& p : passes_) p->import_heap(HeapEntry{l.field, vars[l.object_leaf], vars[l.value_leaf]});
    for (const ItemLink& l : item_links)
      if (l.value_leaf != SIZE_MAX)
        for (auto& p : passes_) p->import_item(ItemEntry{l.array, vars[l.object_leaf], l.index, vars[l.value_leaf]});
    auto pure_args = [&](const PureLink& l, const std::vector<Box>& of) {
      std::vector<Box> args;
      for (int64_t a : l.args) args.push_back(a >= 0 ? of[static_cast<size_t>(a)] : static_cast<Box>(-1 - a));
      return args;
    };
    for (const PureLink& l : pure_links)
      for (auto& p : passes_) p->import_pure(PureEntry{l.opcode, l.descr, pure_args(l, vars), vars[l.value_leaf]});
    std::function<Box(int)> instantiate = [&](int index) -> Box {
      const ShapeNode n = nodes[index];
      if (n.leaf >= 0) return vars[n.leaf];
      VirtualObject v;
      v.kind = n.kind;
      v.descr = n.descr;
      v.alloc = n.alloc;
      v.item_type = n.item_type;
      for (auto& [fd, child] : n.fields) v.fields.emplace_back(fd, instantiate(child));
      for (int child : n.items) v.items.push_back(child < 0 ? kNoBox : instantiate(child));
      return make_virtual(std::move(v));
    };
    auto olds = in.args(label);
    for (size_t i = 0; i < olds.size(); ++i) forward_[olds[i]] = instantiate(roots[i]);
    for (const VableLink& l : vable_links)
      l.owner->import_vable(VableEntry{l.field, vars[l.object_leaf], instantiate(l.value_root), l.dirty});
    second_copy_ = true;
    process(label_index + 1, ops.size() - 1);
    second_copy_ = false;

    // The loop's jump: the same shape, and the assumed facts must hold.
    std::vector<Box> values(leaves.size(), kNoBox);
    std::vector<Box> matched;
    std::function<bool(int, Box)> match = [&](int index, Box b) -> bool {
      const ShapeNode& n = nodes[index];
      b = resolve(b);
      if (n.leaf >= 0) {
        values[n.leaf] = b;
        return true;
      }
      VirtualObject* v = virtual_of(b);
      if (!v || v->kind != n.kind || v->descr != n.descr) return false;
      for (Box m : matched)
        if (m == b) return false;
      matched.push_back(b);
      auto zero = [&](ValueType t) { return make_const(t, 0); };
      for (auto& [fd, value] : v->fields) {
        bool known = false;
        for (auto& nf : n.fields) known |= nf.first == fd;
        if (!known) return false;
      }
      for (auto& [fd, child] : n.fields) {
        Box value = kNoBox;
        for (auto& [vf, vv] : v->fields)
          if (vf == fd) value = vv;
        if (!match(child, value == kNoBox ? zero(fd->type) : value)) return false;
      }
      if (v->items.size() != n.items.size()) return false;
      for (size_t i = 0; i < n.items.size(); ++i) {
        Box item =
            v->items[i] == kNoBox ? zero(n.kind == VirtualKind::Array ? n.item_type : ValueType::Int) : v->items[i];
        if (n.items[i] < 0) {
          if (!(is_const(item) && info(item).bits == 0)) return false;
        } else if (!match(n.items[i], item)) {
          return false;
        }
      }
      return true;
    };
    auto jump_args = in.args(jump);
    auto match_jump = [&] {
      values.assign(leaves.size(), kNoBox);
      matched.clear();
      for (size_t i = 0; i < jump_args.size(); ++i)
        if (!match(roots[i], arg_box(jump_args[i]))) return false;
      return true;
    };
    if (!match_jump()) return std::nullopt;  // (before the writes below: where the objects are)
    {
      // The carried fields' current values go to the label (read again where the loop wrote
      // them back and forgot them); the loop's other ones are written back.
      bool retry_vable = false;
      std::map<Pass*, std::vector<VableEntry>> keep;
      std::vector<VableEntry> kept;
      std::vector<Box> carried_values;
      for (const VableLink& l : vable_links) {
        Box obj = resolve(values[l.object_leaf]);
        bool twice = false;
        for (const VableEntry& k : kept) twice |= k.field == l.field && resolve(k.object) == obj;
        if (twice || virtual_of(obj)) {
          dropped_vable[l.index] = true;
          retry_vable = true;
          continue;
        }
        Box value;
        if (const VableEntry* e = l.owner->cached_vable(l.field, obj)) {
          value = resolve(e->value);
          if (e->dirty && !l.dirty) {
            dirty_vable[l.index] = true;  // written in the loop: dirty after the label too
            retry_vable = true;
          }
        } else {
          const SizeDescr* owner = l.field->parent;
          if (!info(obj).nonnull || !owner || !owner->vtable || info(obj).known_class != owner->vtable) {
            dropped_vable[l.index] = true;
            retry_vable = true;
            continue;
          }
          value = emit_direct(Opcode::GetfieldGc, {obj}, const_cast<FieldDescr*>(l.field), l.field->type);
        }
        keep[l.owner].push_back(VableEntry{l.field, obj, value, false});
        kept.push_back(VableEntry{l.field, obj, value, false});
        carried_values.push_back(value);
      }
      if (retry_vable) continue;
      for (auto& p : passes_) p->flush_keeping(keep[p.get()]);
      if (!match_jump()) return std::nullopt;  // a write-back forced part of the virtual state
      for (size_t n = 0; n < vable_links.size(); ++n)
        if (!match(vable_links[n].value_root, carried_values[n])) {
          dropped_vable[vable_links[n].index] = true;
          retry_vable = true;
        }
      if (retry_vable) continue;
    }
    // A virtual reaching a plain argument is forced there; if the virtual state also holds
    // virtuals, forcing could reach them and split an object in two: no peeling then.
    if (!matched.empty())
      for (Box v : values)
        if (v != kNoBox && virtual_of(v)) return std::nullopt;
    for (size_t k = 0; k < values.size(); ++k)
      if (values[k] != kNoBox) values[k] = force_if_virtual(values[k]);
    bool retry = false;
    for (size_t n = 0; n < links.size(); ++n) {
      const HeapLink& l = links[n];
      if (l.value_leaf == SIZE_MAX) continue;
      Box obj = resolve(values[l.object_leaf]);
      Box value = kNoBox;
      for (auto& p : passes_)
        if (value == kNoBox) value = p->cached_field(l.field, obj);
      if (value == kNoBox) {
        // Read it only from an object known to have the field (non-null, of the field's class);
        // otherwise do without this link.
        // (A quasi-immutable field would need a guard_not_invalidated: not read here.)
        const SizeDescr* owner = l.field->parent;
        if (l.field->is_quasi_immutable || !info(obj).nonnull || !owner || !owner->vtable ||
            info(obj).known_class != owner->vtable) {
          if (dropped_links.size() <= n) dropped_links.resize(n + 1, false);
          dropped_links[n] = true;
          retry = true;
          continue;
        }
        value = emit_direct(Opcode::GetfieldGc, {obj}, const_cast<FieldDescr*>(l.field), l.field->type);
      }
      values[l.value_leaf] = value;
    }
    for (size_t n = 0; n < item_links.size(); ++n) {
      const ItemLink& l = item_links[n];
      if (l.value_leaf == SIZE_MAX) continue;
      Box value = kNoBox;
      for (auto& p : passes_)
        if (value == kNoBox) value = p->cached_item(l.array, resolve(values[l.object_leaf]), l.index);
      if (value == kNoBox) {
        if (dropped_items.size() <= n) dropped_items.resize(n + 1, false);
        dropped_items[n] = true;
        retry = true;
        continue;
      }
      values[l.value_leaf] = value;
    }
    if (retry) continue;
    for (const PureLink& l : pure_links) {
      std::vector<Box> args = pure_args(l, values);
      for (Box& a : args) a = resolve(a);
      Box value = kNoBox;
      for (auto& p : passes_)
        if (value == kNoBox) value = p->lookup_pure(l.opcode, l.descr, args);
      if (value == kNoBox) value = emit_direct(l.opcode, args, const_cast<Descr*>(l.descr), l.type);
      values[l.value_leaf] = value;
    }
    for (size_t k = 0; k < values.size(); ++k) {
      Box x = force_if_virtual(values[k]);
      values[k] = x;
      const BoxInfo& i = boxes_[resolve(x)];
      const Fact& f = facts[k];
      IntBound b = i.is_const ? IntBound::constant(static_cast<int64_t>(i.bits)) : i.bound;
      auto drop = [&](uint8_t bit) {
        dropped[k] |= bit;
        retry = true;
      };
      if (f.is_const && !(i.is_const && i.bits == f.bits)) drop(kFactConst);
      if (f.known_class && i.known_class != f.known_class) drop(kFactClass);
      if (f.nonnull && !i.nonnull) drop(kFactNonnull);
      if (f.is_bool && !i.is_bool && !(b.lo >= 0 && b.hi <= 1)) drop(kFactBool);
      if (f.type == ValueType::Int && !f.is_const && (b.lo < f.lo || b.hi > f.hi)) drop(kFactRange);
    }
    if (retry) continue;
    EmittedOp e;
    e.opcode = Opcode::Jump;
    e.args = values;
    e.descr = l1;
    emitted_.push_back(std::move(e));

    peeled_ = true;
    auto shared = std::make_shared<LoopEntry>();
    LoopEntry& le = *shared;
    le.label = l1;
    le.preamble = l0;
    l1->arg_types.clear();  // (what jumps from other traces are checked against)
    for (const Fact& f : facts) l1->arg_types.push_back(f.type);
    le.nodes = nodes;
    le.roots = roots;
    le.facts = facts;
    for (const HeapLink& l : links)
      if (l.value_leaf != SIZE_MAX) le.heap.push_back(LoopEntry::HeapLink{l.field, l.object_leaf, l.value_leaf});
    for (const ItemLink& l : item_links)
      if (l.value_leaf != SIZE_MAX)
        le.items.push_back(
            LoopEntry::ItemLink{l.array, l.object_leaf, static_cast<int64_t>(boxes_[l.index].bits), l.value_leaf});
    for (const PureLink& l : pure_links) {
      LoopEntry::PureLink p{l.opcode, l.descr, {}, l.type, l.value_leaf};
      for (int64_t a : l.args) {
        if (a >= 0) {
          p.args.push_back(LoopEntry::PureArg{a, ValueType::Int, 0});
        } else {
          const BoxInfo& c = boxes_[static_cast<Box>(-1 - a)];
          p.args.push_back(LoopEntry::PureArg{-1, c.type, c.bits});
        }
      }
      le.pure.push_back(std::move(p));
    }
    for (const VableLink& l : vable_links)
      le.vable.push_back(LoopEntry::VableLink{l.field, l.object_leaf, l.value_root, l.dirty, l.owner != vable_pass_});
    entry_ = shared;
    return finish_run();
  }
  return std::nullopt;
}

}  // namespace rpp::jit::opt
