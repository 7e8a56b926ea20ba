// Virtualizables (RPython's virtualizable.py and the vable part of pyjitpl): the fields of the jit
// driver's frame marked `virtualizable` (FieldDescr::is_virtualizable) are kept as values. A read
// gives the value last read or written; a write only changes the value (the field is dirty: memory
// holds an older one). Dirty fields are written back where the frame may be looked at by someone
// else: at guards they are described in the resume data (delayed writes, done when the guard
// fails), before calls that may force the frame (call_may_force, call_assembler, calls with random
// effects or that force virtualizables, calls taking the frame as an argument, calls whose effect
// info reads or writes the field) and at labels, jumps and finishes. With loop peeling the values
// cross the loop label (peel.cc): the loop keeps the frame's fields in registers and writes them
// back only when it is left.
//
// The contract that makes this sound is RPython's: while the loop runs, the frame's virtualizable
// fields are accessed only through the trace's one reference to the frame (so no other Box aliases
// it), and code outside the trace that looks at them forces the frame first.
#include <algorithm>

#include "runtime/jit/optimizer/optimizer.h"

namespace rpp::jit::opt {

namespace {

bool is_word_field(const FieldDescr* fd) { return fd->size == 8 || fd->type != ValueType::Int; }

class VirtualizablePass : public Pass {
 public:
  using Pass::Pass;
  const char* name() const override { return "virtualizables"; }

  void reset() override { entries_.clear(); }

  void flush() override { flush_keeping({}); }

  void flush_keeping(const std::vector<VableEntry>& keep) override {
    std::vector<VableEntry> entries = std::move(entries_);
    entries_.clear();
    for (const VableEntry& e : entries) {
      bool kept = false;
      for (const VableEntry& k : keep)
        kept |= k.field == e.field && opt_.resolve(k.object) == opt_.resolve(e.object);
      if (e.dirty && !kept) write_back(e);
    }
  }

  void export_vable(std::vector<VableEntry>& out) override {
    for (const VableEntry& e : entries_)
      out.push_back(VableEntry{e.field, opt_.resolve(e.object), opt_.resolve(e.value), e.dirty});
  }
  void import_vable(const VableEntry& e) override { entries_.push_back(e); }
  const VableEntry* cached_vable(const FieldDescr* field, Box object) override {
    int k = find(field, object);
    return k < 0 ? nullptr : &entries_[static_cast<size_t>(k)];
  }

  // The fields of a forced virtual are known (and in memory).
  void forced(Box obj, const VirtualObject& v) override {
    if (v.kind != VirtualKind::Struct && v.kind != VirtualKind::Object) return;
    for (const auto& [fd, value] : v.fields)
      if (fd->is_virtualizable && is_word_field(fd)) set(fd, obj, opt_.resolve(value), false);
  }

  void propagate(PendingOp& op) override {
    switch (op.opcode) {
      case Opcode::GetfieldGc: {
        auto* fd = static_cast<const FieldDescr*>(op.descr);
        if (!fd->is_virtualizable || !is_word_field(fd) || opt_.virtual_of(op.args[0])) break;
        if (int k = find(fd, op.args[0]); k >= 0) {
          opt_.forward(op.old_result, opt_.resolve(entries_[static_cast<size_t>(k)].value));
          return;
        }
        emit_next(op);
        Box r = opt_.forwarded(op.old_result);
        if (r != kNoBox) set(fd, op.args[0], r, false);
        return;
      }
      case Opcode::SetfieldGc: {
        auto* fd = static_cast<const FieldDescr*>(op.descr);
        if (!fd->is_virtualizable || opt_.virtual_of(op.args[0])) break;
        if (!is_word_field(fd)) {
          // A narrow field is written through (its value would need truncating).
          drop(fd, op.args[0]);
          break;
        }
        set(fd, op.args[0], opt_.resolve(op.args[1]), true);
        return;
      }
      default:
        if (is_guard(op.opcode)) {
          for (const VableEntry& e : entries_)
            if (e.dirty)
              op.pending_writes.push_back(HeapEntry{e.field, opt_.resolve(e.object), opt_.resolve(e.value)});
        } else if (is_call(op.opcode) || op.opcode == Opcode::CallAssembler) {
          before_call(op);
        }
        break;
    }
    emit_next(op);
  }

 private:
  int find(const FieldDescr* fd, Box obj) const {
    obj = opt_.resolve(obj);
    for (size_t k = 0; k < entries_.size(); ++k)
      if (entries_[k].field == fd && opt_.resolve(entries_[k].object) == obj) return static_cast<int>(k);
    return -1;
  }
  void set(const FieldDescr* fd, Box obj, Box value, bool dirty) {
    if (int k = find(fd, obj); k >= 0) {
      entries_[static_cast<size_t>(k)].value = value;
      entries_[static_cast<size_t>(k)].dirty |= dirty;
      return;
    }
    entries_.push_back(VableEntry{fd, opt_.resolve(obj), value, dirty});
  }
  void drop(const FieldDescr* fd, Box obj) {
    if (int k = find(fd, obj); k >= 0) entries_.erase(entries_.begin() + k);
  }
  void write_back(const VableEntry& e) {
    PendingOp write;
    write.opcode = Opcode::SetfieldGc;
    write.args = {opt_.resolve(e.object), opt_.resolve(e.value)};
    write.descr = const_cast<FieldDescr*>(e.field);
    emit_next(write);
  }

  // Writes back (and forgets, when the callee may change them) the fields a call may look at.
  void before_call(const PendingOp& op) {
    const CallDescr* cd =
        op.descr && op.descr->kind == DescrKind::Call ? static_cast<const CallDescr*>(op.descr) : nullptr;
    bool forces = !cd || op.opcode == Opcode::CallMayForce || op.opcode == Opcode::CallAssembler ||
                  cd->effects.extra == ExtraEffect::RandomEffects ||
                  cd->effects.extra == ExtraEffect::ForcesVirtualOrVirtualizable;
    if (forces) {
      flush();
      return;
    }
    if (cd->effects.is_elidable()) return;
    std::vector<VableEntry> entries = std::move(entries_);
    entries_.clear();
    for (VableEntry& e : entries) {
      Box obj = opt_.resolve(e.object);
      bool passed = std::any_of(op.args.begin(), op.args.end(), [&](Box a) { return opt_.resolve(a) == obj; });
      auto listed = [&](const std::vector<const Descr*>& list) {
        return std::find(list.begin(), list.end(), e.field) != list.end();
      };
      bool written = passed || listed(cd->effects.writes_fields);
      bool read = written || listed(cd->effects.reads_fields);
      if (read && e.dirty) {
        write_back(e);
        e.dirty = false;
      }
      if (!written) entries_.push_back(e);
    }
  }

  std::vector<VableEntry> entries_;  // in order of first access (deterministic output)
};

}  // namespace

std::unique_ptr<Pass> make_virtualizables_pass(Optimizer& opt) { return std::make_unique<VirtualizablePass>(opt); }

}  // namespace rpp::jit::opt
