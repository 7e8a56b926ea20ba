// The heap cache (RPython's heap.py): reads of a field, of an array item (at a constant index or the
// same index variable) or of an array's length after a read or write of the same location reuse the
// value; a write of the value already there is removed. Writes invalidate what they may alias (the
// same field or array of other objects), calls what their effect info says they write (everything
// for calls with random effects or that may force). Immutable fields and array lengths survive
// everything but a label. A quasi-immutable field's first read after a call that may change it
// emits a guard_not_invalidated (resuming where the last guard resumes, when nothing with a side
// effect came in between) and is then cached like an immutable field.
//
// Lazy setfields: a word-sized write to a real object is delayed until something may read that
// field (a read of it on another object, a call, an operation not known to leave fields alone, a
// label, jump or finish); a later write of the same field replaces it, a virtual written there
// stays virtual until the write is done, and guards describe the delayed writes in their resume
// data.
#include <map>
#include <tuple>

#include "runtime/jit/optimizer/optimizer.h"

namespace rpp::jit::opt {

namespace {

class HeapPass : public Pass {
 public:
  using Pass::Pass;
  const char* name() const override { return "heap"; }

  void flush() override {
    std::vector<HeapEntry> writes = std::move(pending_);
    pending_.clear();
    for (const HeapEntry& w : writes) emit_write(w);
  }

  // Loop peeling: delayed writes to objects the loop keeps cross its label still delayed.
  void export_vable(std::vector<VableEntry>& out) override {
    for (const HeapEntry& w : pending_) out.push_back(VableEntry{w.field, opt_.resolve(w.object), opt_.resolve(w.value), true});
  }
  void flush_keeping(const std::vector<VableEntry>& keep) override {
    std::vector<HeapEntry> writes = std::move(pending_);
    pending_.clear();
    for (const HeapEntry& w : writes) {
      bool kept = false;
      for (const VableEntry& k : keep) kept |= k.field == w.field && opt_.resolve(k.object) == opt_.resolve(w.object);
      if (!kept) {
        emit_write(w);
        continue;
      }
      // (The label carries it, not the field cache.)
      fields_.erase(std::make_pair(static_cast<const Descr*>(w.field), opt_.resolve(w.object)));
    }
  }
  void flush_except(const std::vector<VableEntry>& keep) override {
    std::vector<HeapEntry> writes = std::move(pending_);
    pending_.clear();
    std::vector<HeapEntry> stay;
    for (const HeapEntry& w : writes) {
      bool kept = false;
      for (const VableEntry& k : keep) kept |= k.field == w.field && opt_.resolve(k.object) == opt_.resolve(w.object);
      if (kept)
        stay.push_back(w);
      else
        emit_write(w);
    }
    pending_.insert(pending_.begin(), stay.begin(), stay.end());
  }
  void import_vable(const VableEntry& e) override {
    pending_.push_back(HeapEntry{e.field, e.object, e.value});
    fields_[std::make_pair(static_cast<const Descr*>(e.field), opt_.resolve(e.object))] = e.value;
  }
  const VableEntry* cached_vable(const FieldDescr* field, Box object) override {
    object = opt_.resolve(object);
    for (const HeapEntry& w : pending_)
      if (w.field == field && opt_.resolve(w.object) == object) {
        scratch_ = VableEntry{field, object, opt_.resolve(w.value), true};
        return &scratch_;
      }
    auto it = fields_.find(std::make_pair(static_cast<const Descr*>(field), object));
    if (it == fields_.end()) return nullptr;
    scratch_ = VableEntry{field, object, opt_.resolve(it->second), false};
    return &scratch_;
  }

  void reset() override {
    pending_.clear();
    fields_.clear();
    items_.clear();
    immutable_.clear();
    lengths_.clear();
    quasi_guarded_ = false;
  }

  // (Quasi-immutable reads too: they are cached only while a guard_not_invalidated covers them,
  // and a loop keeping them emits them again after any call that may invalidate it.)
  void export_heap(std::vector<HeapEntry>& out) override {
    for (auto* cache : {&fields_, &immutable_})
      for (const auto& [key, value] : *cache) {
        auto* fd = static_cast<const FieldDescr*>(key.first);
        if (fd->is_quasi_immutable && cache == &fields_) continue;  // read without a guard
        out.push_back(HeapEntry{fd, key.second, value});
      }
  }
  void export_items(std::vector<ItemEntry>& out) override {
    for (const auto& [key, value] : items_) {
      const auto& [d, arr, index] = key;
      if (opt_.is_const(index)) out.push_back(ItemEntry{static_cast<const ArrayDescr*>(d), arr, index, value});
    }
  }
  void import_item(const ItemEntry& e) override {
    items_[std::make_tuple(static_cast<const Descr*>(e.array), opt_.resolve(e.object), opt_.resolve(e.index))] =
        e.value;
  }
  Box cached_item(const ArrayDescr* array, Box object, Box index) override {
    auto it = items_.find(std::make_tuple(static_cast<const Descr*>(array), opt_.resolve(object), opt_.resolve(index)));
    return it == items_.end() ? kNoBox : opt_.resolve(it->second);
  }
  void import_heap(const HeapEntry& e) override {
    bool immutable = e.field->is_immutable || e.field->is_quasi_immutable;
    if (e.field->is_quasi_immutable) quasi_guarded_ = true;  // (checked before the label)
    (immutable ? immutable_ : fields_)[std::make_pair(static_cast<const Descr*>(e.field), opt_.resolve(e.object))] =
        e.value;
  }
  Box cached_field(const FieldDescr* field, Box object) override {
    auto& cache = field->is_immutable || field->is_quasi_immutable ? immutable_ : fields_;
    auto it = cache.find(std::make_pair(static_cast<const Descr*>(field), opt_.resolve(object)));
    return it == cache.end() ? kNoBox : opt_.resolve(it->second);
  }

  // The stores of a forced virtual are known (unset fields and items are zero).
  void forced(Box obj, const VirtualObject& v) override {
    obj = opt_.resolve(obj);
    if (v.kind == VirtualKind::Struct || v.kind == VirtualKind::Object) {
      for (const auto& [fd, value] : v.fields)
        if ((fd->size == 8 || fd->type != ValueType::Int) && !(fd->is_virtualizable && opt_.config().virtualizables))
          fields_[std::make_pair(static_cast<const Descr*>(fd), obj)] = opt_.resolve(value);
    } else if (v.kind == VirtualKind::Array) {
      auto* ad = static_cast<const ArrayDescr*>(v.descr);
      lengths_[std::make_pair(v.descr, obj)] = opt_.make_const_int(static_cast<int64_t>(v.items.size()));
      if (ad->item_size != 8 && ad->item_type == ValueType::Int) return;
      for (size_t i = 0; i < v.items.size(); ++i)
        items_[std::make_tuple(v.descr, obj, opt_.make_const_int(static_cast<int64_t>(i)))] =
            v.items[i] == kNoBox ? opt_.make_const(ad->item_type, 0) : opt_.resolve(v.items[i]);
    }
  }

  void propagate(PendingOp& op) override {
    if ((op.opcode == Opcode::GetfieldGc || op.opcode == Opcode::SetfieldGc) && handled_by_vable(op)) {
      emit_next(op);  // the virtualizables pass keeps this field
      return;
    }
    switch (op.opcode) {
      case Opcode::GetfieldGc: {
        auto* fd = static_cast<const FieldDescr*>(op.descr);
        Box obj = opt_.resolve(op.args[0]);
        bool immutable = fd->is_immutable;
        if (fd->is_quasi_immutable) {
          if (!quasi_guarded_ && opt_.last_safe_snapshot()) {
            PendingOp guard;
            guard.opcode = Opcode::GuardNotInvalidated;
            guard.descr = opt_.names().make<FailDescr>();
            guard.snapshot = opt_.last_safe_snapshot();
            for (const HeapEntry& w : pending_)
              guard.pending_writes.push_back(HeapEntry{w.field, opt_.resolve(w.object), opt_.resolve(w.value)});
            emit_next(guard);
            quasi_guarded_ = true;
          }
          immutable = quasi_guarded_;
        }
        auto& cache = immutable ? immutable_ : fields_;
        auto key = std::make_pair(static_cast<const Descr*>(fd), obj);
        if (auto it = cache.find(key); it != cache.end()) {
          opt_.forward(op.old_result, it->second);
          return;
        }
        flush_field(fd, kNoBox);  // a delayed write to an object that may be this one
        emit_next(op);
        Box r = opt_.forwarded(op.old_result);
        if (r != kNoBox) cache[key] = r;
        return;
      }
      case Opcode::SetfieldGc: {
        auto* fd = static_cast<const FieldDescr*>(op.descr);
        Box obj = opt_.resolve(op.args[0]), value = opt_.resolve(op.args[1]);
        auto key = std::make_pair(static_cast<const Descr*>(fd), obj);
        bool word = fd->size == 8 || fd->type != ValueType::Int;
        if (auto it = fields_.find(key); it != fields_.end() && opt_.resolve(it->second) == value && word)
          return;  // the field already holds (or will hold) this value
        // A delayed write of this field to another object must happen first (they may alias).
        flush_field(fd, obj);
        for (auto it = fields_.begin(); it != fields_.end();)
          it = it->first.first == fd && it->first.second != obj ? fields_.erase(it) : std::next(it);
        if (!word || fd->is_immutable || fd->is_quasi_immutable) {
          flush_field(fd, kNoBox);
          emit_next(op);
          if (word)
            fields_[key] = value;
          else
            fields_.erase(key);
          return;
        }
        // Lazy: the write waits (replacing an earlier delayed write of the same field) until
        // something may read it; guards describe it in their resume data.
        fields_[key] = value;
        for (HeapEntry& w : pending_)
          if (w.field == fd && opt_.resolve(w.object) == obj) {
            w.value = value;
            return;
          }
        pending_.push_back(HeapEntry{fd, obj, value});
        return;
      }
      case Opcode::GetarrayitemGc: {
        // Keyed by the index's Box: equal constants are one Box, so this covers constant
        // indices and the same variable index.
        Box arr = opt_.resolve(op.args[0]), index = opt_.resolve(op.args[1]);
        auto key = std::make_tuple(static_cast<const Descr*>(op.descr), arr, index);
        if (auto it = items_.find(key); it != items_.end()) {
          opt_.forward(op.old_result, it->second);
          return;
        }
        emit_next(op);
        Box r = opt_.forwarded(op.old_result);
        if (r != kNoBox) items_[key] = r;
        return;
      }
      case Opcode::SetarrayitemGc: {
        auto* ad = static_cast<const ArrayDescr*>(op.descr);
        Box arr = opt_.resolve(op.args[0]), index = opt_.resolve(op.args[1]), value = opt_.resolve(op.args[2]);
        for (auto it = items_.begin(); it != items_.end();) {
          const auto& [d, a, k] = it->first;
          // Only the same array at another constant index is surely another item.
          bool distinct = d != ad || (a == arr && k != index && opt_.is_const(k) && opt_.is_const(index));
          it = distinct ? std::next(it) : items_.erase(it);
        }
        emit_next(op);
        if (ad->item_size == 8 || ad->item_type != ValueType::Int)
          items_[std::make_tuple(static_cast<const Descr*>(ad), arr, index)] = value;
        return;
      }
      case Opcode::ArraylenGc: {
        Box arr = opt_.resolve(op.args[0]);
        auto key = std::make_pair(static_cast<const Descr*>(op.descr), arr);
        if (auto it = lengths_.find(key); it != lengths_.end()) {
          opt_.forward(op.old_result, it->second);
          return;
        }
        emit_next(op);
        Box r = opt_.forwarded(op.old_result);
        if (r != kNoBox) lengths_[key] = r;
        return;
      }
      case Opcode::NewArray:
      case Opcode::NewArrayClear: {
        emit_next(op);
        Box r = opt_.forwarded(op.old_result);
        if (r != kNoBox) lengths_[std::make_pair(static_cast<const Descr*>(op.descr), r)] = opt_.resolve(op.args[0]);
        return;
      }
      case Opcode::SetinteriorfieldGc:
      case Opcode::SetfieldRaw:
      case Opcode::SetarrayitemRaw:
      case Opcode::SetinteriorfieldRaw:
      case Opcode::RawStore:
      case Opcode::Strsetitem:
      case Opcode::Unicodesetitem:
      case Opcode::Copystrcontent:
      case Opcode::Copyunicodecontent:
        break;  // nothing cached is written by these
      default:
        if (is_guard(op.opcode)) {
          for (const HeapEntry& w : pending_)
            op.pending_writes.push_back(HeapEntry{w.field, opt_.resolve(w.object), opt_.resolve(w.value)});
          break;
        }
        if (!keeps_pending_writes(op.opcode)) flush();
        if (is_call(op.opcode) || op.opcode == Opcode::CallAssembler) invalidate_for_call(op);
        break;
    }
    emit_next(op);
  }

 private:
  bool handled_by_vable(const PendingOp& op) const {
    auto* fd = static_cast<const FieldDescr*>(op.descr);
    return fd->is_virtualizable && opt_.config().virtualizables && !opt_.virtual_of(op.args[0]);
  }

  void invalidate_for_call(const PendingOp& op) {
    const CallDescr* cd =
        op.descr && op.descr->kind == DescrKind::Call ? static_cast<const CallDescr*>(op.descr) : nullptr;
    bool random = !cd || op.opcode == Opcode::CallMayForce || op.opcode == Opcode::CallAssembler ||
                  cd->effects.extra == ExtraEffect::RandomEffects ||
                  cd->effects.extra == ExtraEffect::ForcesVirtualOrVirtualizable;
    if (random) {
      fields_.clear();
      items_.clear();
      // Quasi-immutable fields may have changed (and invalidated the loop): read them again.
      for (auto it = immutable_.begin(); it != immutable_.end();) {
        auto* fd = static_cast<const FieldDescr*>(it->first.first);
        it = fd->is_quasi_immutable ? immutable_.erase(it) : std::next(it);
      }
      quasi_guarded_ = false;
      return;
    }
    if (cd->effects.is_elidable()) return;
    for (const Descr* d : cd->effects.writes_fields)
      for (auto it = fields_.begin(); it != fields_.end();)
        it = it->first.first == d ? fields_.erase(it) : std::next(it);
    for (const Descr* d : cd->effects.writes_arrays)
      for (auto it = items_.begin(); it != items_.end();)
        it = std::get<0>(it->first) == d ? items_.erase(it) : std::next(it);
  }

  // Operations that cannot read a GC object's field (so delayed field writes may wait).
  static bool keeps_pending_writes(Opcode op) {
    if (is_pure(op) || is_ovf(op) || is_alloc(op)) return true;
    switch (op) {
      case Opcode::ArraylenGc:
      case Opcode::Strlen:
      case Opcode::Strgetitem:
      case Opcode::Unicodelen:
      case Opcode::Unicodegetitem:
      case Opcode::GetfieldRaw:
      case Opcode::GetarrayitemGc:
      case Opcode::GetarrayitemRaw:
      case Opcode::GetinteriorfieldGc:
      case Opcode::RawLoad:
      case Opcode::SetfieldRaw:
      case Opcode::SetarrayitemGc:
      case Opcode::SetarrayitemRaw:
      case Opcode::SetinteriorfieldGc:
      case Opcode::SetinteriorfieldRaw:
      case Opcode::RawStore:
      case Opcode::Strsetitem:
      case Opcode::Unicodesetitem:
      case Opcode::Copystrcontent:
      case Opcode::Copyunicodecontent:
      case Opcode::Keepalive:
        return true;
      default:
        return false;
    }
  }

  void emit_write(const HeapEntry& w) {
    PendingOp write;
    write.opcode = Opcode::SetfieldGc;
    write.args = {opt_.resolve(w.object), opt_.resolve(w.value)};
    write.descr = const_cast<FieldDescr*>(w.field);
    emit_next(write);
  }

  // Emits the delayed writes of `field` to objects other than `except` (all with kNoBox).
  void flush_field(const FieldDescr* field, Box except) {
    std::vector<HeapEntry> keep;
    std::vector<HeapEntry> writes = std::move(pending_);
    pending_.clear();
    for (const HeapEntry& w : writes) {
      if (w.field == field && opt_.resolve(w.object) != except)
        emit_write(w);
      else
        keep.push_back(w);
    }
    pending_.insert(pending_.begin(), keep.begin(), keep.end());
  }

  std::vector<HeapEntry> pending_;  // delayed field writes, in order
  VableEntry scratch_{};            // what cached_vable returns
  std::map<std::pair<const Descr*, Box>, Box> fields_, immutable_, lengths_;
  std::map<std::tuple<const Descr*, Box, Box>, Box> items_;  // (array descr, array, index)
  bool quasi_guarded_ = false;
};

}  // namespace

std::unique_ptr<Pass> make_heap_pass(Optimizer& opt) { return std::make_unique<HeapPass>(opt); }

}  // namespace rpp::jit::opt
