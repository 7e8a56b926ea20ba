// The optimizer's driver (see optimizer.h): the walk over the input, boxes and their facts,
// forcing virtuals, labels, encoding resume data at guards, building the output trace.
#include "runtime/jit/optimizer/optimizer.h"

#include <map>
#include <sstream>
#include <stdexcept>
#include <unordered_map>

namespace rpp::jit::opt {

std::string OptimizerConfig::parse(const std::string& list) {
  OptimizerConfig c;
  c.bounds = c.guards = c.virtuals = c.heap = c.virtualizables = c.pure = c.dead_ops = c.peel = false;
  if (list == "all") {
    *this = OptimizerConfig{};
    return {};
  }
  if (list != "none") {
    std::stringstream ss(list);
    std::string item;
    while (std::getline(ss, item, ',')) {
      if (item == "bounds")
        c.bounds = true;
      else if (item == "guards")
        c.guards = true;
      else if (item == "virtuals")
        c.virtuals = true;
      else if (item == "heap")
        c.heap = true;
      else if (item == "vable")
        c.virtualizables = true;
      else if (item == "pure")
        c.pure = true;
      else if (item == "dce")
        c.dead_ops = true;
      else if (item == "peel")
        c.peel = true;
      else
        return "unknown pass '" + item + "' (passes: bounds, guards, virtuals, heap, vable, pure, dce, peel; or all, none)";
    }
  }
  *this = c;
  return {};
}

void Pass::emit_next(PendingOp& op) {
  if (next_)
    next_->propagate(op);
  else
    opt_.emit_final(op);
}

Optimizer::Optimizer(TraceNamespace& names, OptimizerConfig config) : names_(names), config_(config) {
  if (config_.bounds) passes_.push_back(make_bounds_pass(*this));
  if (config_.guards) passes_.push_back(make_guards_pass(*this));
  if (config_.virtuals) passes_.push_back(make_virtuals_pass(*this));
  if (config_.heap) {
    passes_.push_back(make_heap_pass(*this));
    heap_pass_ = passes_.back().get();
  }
  if (config_.virtualizables) {
    passes_.push_back(make_virtualizables_pass(*this));
    vable_pass_ = passes_.back().get();
  }
  if (config_.pure) passes_.push_back(make_pure_pass(*this));
  for (size_t i = 0; i + 1 < passes_.size(); ++i) passes_[i]->set_next(passes_[i + 1].get());
}

Optimizer::~Optimizer() = default;

Box Optimizer::resolve(Box b) const {
  while (boxes_[b].equal_to != kNoBox) b = boxes_[b].equal_to;
  return b;
}

Box Optimizer::new_box(ValueType type) {
  BoxInfo info;
  info.type = type;
  boxes_.push_back(info);
  return static_cast<Box>(boxes_.size() - 1);
}

Box Optimizer::make_const(ValueType type, Word bits) {
  auto key = std::make_pair(static_cast<int>(type), bits);
  auto it = const_cache_.find(key);
  if (it != const_cache_.end()) return it->second;
  Box b = new_box(type);
  boxes_[b].is_const = true;
  boxes_[b].bits = bits;
  if (type == ValueType::Int) boxes_[b].bound = IntBound::constant(static_cast<int64_t>(bits));
  if (type == ValueType::Ref && bits) boxes_[b].nonnull = true;
  const_cache_.emplace(key, b);
  return b;
}

void Optimizer::make_equal(Box from, Box to) {
  from = resolve(from);
  to = resolve(to);
  if (from == to || boxes_[from].is_const) return;
  boxes_[from].equal_to = to;
}

VirtualObject* Optimizer::virtual_of(Box b) {
  const BoxInfo& i = info(b);
  return i.virtual_index >= 0 ? &virtuals_[i.virtual_index] : nullptr;
}

Box Optimizer::make_virtual(VirtualObject v, ValueType type) {
  Box b = new_box(type);
  boxes_[b].virtual_index = static_cast<int32_t>(virtuals_.size());
  boxes_[b].nonnull = true;
  if (v.kind == VirtualKind::Object) boxes_[b].known_class = static_cast<const SizeDescr*>(v.descr)->vtable;
  virtuals_.push_back(std::move(v));
  return b;
}

Box Optimizer::emit_direct(Opcode opcode, std::vector<Box> args, Descr* descr, ValueType result_type) {
  EmittedOp e;
  e.opcode = opcode;
  for (Box& a : args) a = resolve(a);
  e.args = std::move(args);
  e.descr = descr;
  if (result_type != ValueType::Void) e.result = new_box(result_type);
  emitted_.push_back(std::move(e));
  return emitted_.back().result;
}

Box Optimizer::force(Box b) {
  b = resolve(b);
  int32_t index = boxes_[b].virtual_index;
  if (index < 0) return b;
  VirtualObject& v = virtuals_[index];  // virtuals_ does not grow while forcing
  Descr* descr = const_cast<Descr*>(v.descr);
  Box obj;
  switch (v.kind) {
    case VirtualKind::Struct:
    case VirtualKind::Object:
      obj = emit_direct(v.alloc, {}, descr, ValueType::Ref);
      break;
    case VirtualKind::Array:
      obj = emit_direct(v.alloc, {make_const_int(static_cast<int64_t>(v.items.size()))}, descr, ValueType::Ref);
      break;
    case VirtualKind::InteriorArray:
      obj = emit_direct(v.alloc, {make_const_int(v.interior_length)}, descr, ValueType::Ref);
      break;
    case VirtualKind::Str:
    case VirtualKind::Unicode:
      obj = emit_direct(v.alloc, {make_const_int(static_cast<int64_t>(v.items.size()))}, nullptr, ValueType::Ref);
      break;
  }
  boxes_[obj].nonnull = true;
  boxes_[obj].known_class = boxes_[b].known_class;
  v.forced = obj;
  make_equal(b, obj);  // from now on (and for cycles through its fields) it is the object
  auto is_zero = [&](Box x) { return boxes_[x].is_const && boxes_[x].bits == 0; };
  if (v.kind == VirtualKind::InteriorArray) {
    auto interior = v.interior;
    for (const auto& [item, fd, value] : interior) {
      Box stored = force(value);
      if (is_zero(stored)) continue;
      emit_direct(Opcode::SetinteriorfieldGc, {obj, make_const_int(item), stored}, const_cast<InteriorFieldDescr*>(fd),
                  ValueType::Void);
    }
  } else if (v.kind == VirtualKind::Struct || v.kind == VirtualKind::Object) {
    for (size_t i = 0; i < v.fields.size(); ++i) {
      Box value = force(v.fields[i].second);
      if (is_zero(value)) continue;  // new objects are zeroed
      emit_direct(Opcode::SetfieldGc, {obj, value}, const_cast<FieldDescr*>(v.fields[i].first), ValueType::Void);
    }
  } else {
    for (size_t i = 0; i < v.items.size(); ++i) {
      if (v.items[i] == kNoBox) continue;
      Box value = force(v.items[i]);
      if (is_zero(value)) continue;
      Box index_box = make_const_int(static_cast<int64_t>(i));
      if (v.kind == VirtualKind::Array)
        emit_direct(Opcode::SetarrayitemGc, {obj, index_box, value}, descr, ValueType::Void);
      else
        emit_direct(v.kind == VirtualKind::Str ? Opcode::Strsetitem : Opcode::Unicodesetitem, {obj, index_box, value},
                    nullptr, ValueType::Void);
    }
  }
  for (auto& p : passes_) p->forced(obj, v);
  return obj;
}

// A guard's snapshot (a jump's: where a guard of the short preamble before it resumes). Without
// one: a single frame (jitcode 0, pc = the operation's index) holding the fail arguments (the
// jump's arguments).
Snapshot Optimizer::snapshot_of(const Op& op) {
  if (current_ < snapshots_->size() && (*snapshots_)[current_]) return (*snapshots_)[current_];
  auto frame = std::make_shared<SnapshotFrame>();
  frame->pc = static_cast<uint32_t>(current_);
  auto values = op.opcode == Opcode::Jump ? input_->args(op) : input_->fail_args(op);
  frame->slots.assign(values.begin(), values.end());
  return frame;
}

Opcode Optimizer::next_input_opcode() const {
  if (!input_ || current_ + 1 >= input_->ops().size()) return Opcode::Label;
  return input_->ops()[current_ + 1].opcode;
}

Box Optimizer::forwarded(ValueId old) const { return forward_[old] == kNoBox ? kNoBox : resolve(forward_[old]); }

Box Optimizer::arg_box(ValueId old) {
  if (input_->is_const(old)) return make_const(input_->type(old), input_->value(old).constant);
  Box b = forward_[old];
  if (b == kNoBox) throw std::invalid_argument("optimizer: a value used before its definition");
  return resolve(b);
}

void Optimizer::emit_final(PendingOp& op) {
  EmittedOp e;
  e.opcode = op.opcode;
  for (Box a : op.args) e.args.push_back(force_if_virtual(a));
  e.descr = op.descr;
  if (op.result_type != ValueType::Void) {
    e.result = new_box(op.result_type);
    if (op.old_result != kNoValue) forward_[op.old_result] = e.result;
    if (is_alloc(op.opcode)) boxes_[e.result].nonnull = true;
    if (has_flag(op.opcode, kBoolResult)) boxes_[e.result].is_bool = true;
    if (op.opcode == Opcode::NewWithVtable && op.descr)
      boxes_[e.result].known_class = static_cast<SizeDescr*>(op.descr)->vtable;
  }
  if (is_guard(op.opcode)) {
    encode_resume(e, op.snapshot, op.pending_writes);
    last_safe_snapshot_ = op.snapshot;
  }
  emitted_.push_back(std::move(e));
}

void Optimizer::encode_resume(EmittedOp& e, const Snapshot& snapshot, const std::vector<HeapEntry>& writes) {
  std::vector<const SnapshotFrame*> chain;
  for (const SnapshotFrame* f = snapshot.get(); f; f = f->parent.get()) chain.insert(chain.begin(), f);
  std::vector<Box> virtual_list;
  // (Guards have few fail arguments and virtuals: linear lookups beat hashing here.)
  auto index_of = [](const std::vector<Box>& list, Box b) -> int64_t {
    for (size_t i = 0; i < list.size(); ++i)
      if (list[i] == b) return static_cast<int64_t>(i);
    return -1;
  };
  auto tag = [&](Box b) -> Tagged {
    b = resolve(b);
    const BoxInfo& i = boxes_[b];
    if (i.is_const) {
      if (i.type == ValueType::Int && fits_inline_int(static_cast<int64_t>(i.bits)))
        return Tagged::make(Tag::Int, static_cast<int64_t>(i.bits));
      return Tagged::make(Tag::Const, resume_->add_const(i.type, i.bits));
    }
    if (i.virtual_index >= 0) {
      int64_t k = index_of(virtual_list, b);
      if (k < 0) {
        k = static_cast<int64_t>(virtual_list.size());
        virtual_list.push_back(b);
      }
      return Tagged::make(Tag::Virtual, k);
    }
    int64_t k = index_of(e.fail_args, b);
    if (k < 0) {
      k = static_cast<int64_t>(e.fail_args.size());
      e.fail_args.push_back(b);
    }
    return Tagged::make(Tag::Box, k);
  };
  std::vector<ResumeFrame> frames;
  for (const SnapshotFrame* f : chain) {
    ResumeFrame rf;
    rf.jitcode = f->jitcode;
    rf.pc = f->pc;
    for (ValueId v : f->slots) rf.slots.push_back(tag(arg_box(v)));
    frames.push_back(std::move(rf));
  }
  std::vector<PendingWrite> pending;
  for (const HeapEntry& w : writes) pending.push_back(PendingWrite{w.field, tag(w.object), tag(w.value)});
  std::vector<VirtualDescription> descriptions;
  for (size_t k = 0; k < virtual_list.size(); ++k) {
    const VirtualObject& v = virtuals_[boxes_[virtual_list[k]].virtual_index];
    VirtualDescription d;
    d.kind = v.kind;
    d.descr = v.descr;
    for (const auto& [fd, value] : v.fields) d.fields.emplace_back(fd, tag(value));
    d.length = static_cast<uint32_t>(v.interior_length);
    for (const auto& [item, fd, value] : v.interior)
      d.interior.push_back(VirtualDescription::InteriorValue{item, fd, tag(value)});
    for (Box item : v.items) {
      if (item == kNoBox)
        d.items.push_back(Tagged::make(Tag::Int, 0));
      else
        d.items.push_back(tag(item));
    }
    // Zero floats and null references are all-zero words, which the inline int 0 also is.
    descriptions.push_back(std::move(d));
  }
  e.resume = static_cast<int32_t>(
      resume_->add_guard(frames, descriptions, static_cast<uint32_t>(e.fail_args.size()), pending));
}

std::vector<Box> Optimizer::emit_label(const std::vector<Box>& values, Descr* descr) {
  flush_passes();
  std::vector<Box> args;
  for (Box value : values) {
    Box b = force_if_virtual(value);
    bool duplicate = false;
    for (Box s : args) duplicate |= s == b;
    if (boxes_[b].is_const || duplicate) b = emit_direct(Opcode::SameAs, {b}, nullptr, boxes_[b].type);
    args.push_back(b);
  }
  forget_facts();
  EmittedOp e;
  e.opcode = Opcode::Label;
  e.args = args;
  e.descr = descr;
  emitted_.push_back(std::move(e));
  last_safe_snapshot_.reset();
  return args;
}

// Everything known so far held before a label only.
void Optimizer::forget_facts() {
  for (auto& p : passes_) p->reset();
  for (BoxInfo& i : boxes_) {
    if (i.is_const) continue;
    i.nonnull = false;
    i.known_class = 0;
    i.nonnull_guard = -1;
    i.bound = IntBound::unbounded();
    i.is_bool = false;
  }
}

void Optimizer::handle_label(const Op& op) {
  flush_passes();
  auto olds = input_->args(op);
  std::vector<Box> values;
  for (ValueId old : olds) values.push_back(arg_box(old));
  std::vector<Box> args = emit_label(values, op.descr);
  for (size_t i = 0; i < olds.size(); ++i) forward_[olds[i]] = args[i];
}

void Optimizer::begin_run(const Trace& in, const std::vector<Snapshot>& snapshots) {
  input_ = &in;
  snapshots_ = &snapshots;
  boxes_.clear();
  virtuals_.clear();
  emitted_.clear();
  const_cache_.clear();
  input_boxes_.clear();
  for (auto& p : passes_) p->reset();
  drop_next_ = Opcode::Label;
  last_safe_snapshot_.reset();
  second_copy_ = false;
  resume_ = std::make_shared<ResumeStorage>();
  forward_.assign(in.num_values(), kNoBox);
  for (ValueId v : in.inputs()) {
    Box b = new_box(in.type(v));
    forward_[v] = b;
    input_boxes_.push_back(b);
  }
}

void Optimizer::process(size_t begin, size_t end) {
  const Trace& in = *input_;
  const auto& ops = in.ops();
  for (current_ = begin; current_ < end; ++current_) {
    const Op& op = ops[current_];
    if (drop_next_ != Opcode::Label) {
      Opcode drop = drop_next_;
      drop_next_ = Opcode::Label;
      if (op.opcode == drop) continue;
    }
    if (!is_guard(op.opcode) && !has_no_side_effect(op.opcode)) last_safe_snapshot_.reset();
    if (op.opcode == Opcode::Label) {
      handle_label(op);
      continue;
    }
    PendingOp p;
    p.opcode = op.opcode;
    for (ValueId a : in.args(op)) p.args.push_back(arg_box(a));
    p.descr = op.descr;
    if (op.result != kNoValue) {
      p.result_type = in.type(op.result);
      p.old_result = op.result;
    }
    if (is_guard(op.opcode) || (op.opcode == Opcode::Jump && entries_)) p.snapshot = snapshot_of(op);
    if (is_guard(op.opcode)) {
      // The peeled loop's copy of a guard is another exit: it gets its own descriptor.
      if (second_copy_) {
        const std::string& name = op.descr ? op.descr->name : std::string();
        p.descr = names_.make<FailDescr>(name.empty() ? name : name + ".loop");
      }
    }
    if (op.opcode == Opcode::Jump && entries_) {
      auto it = entries_->find(op.descr);
      if (it != entries_->end() && jump_to_peeled_loop(p, *it->second)) {
        short_preamble_ = true;
        continue;
      }
    }
    if (is_final(op.opcode)) {
      flush_passes();
      for (Box& a : p.args) a = resolve(a);
      emit_final(p);
    } else if (passes_.empty())
      emit_final(p);
    else
      passes_.front()->propagate(p);
  }
}

OptimizedTrace Optimizer::finish_run() {
  const Trace& in = *input_;
  if (config_.dead_ops) remove_dead_ops(emitted_);
  OptimizedTrace out;
  out.trace = build_output(out.resume_index);
  out.resume = resume_;
  OptimizeStats stats;
  for (const Op& op : in.ops()) {
    ++stats.ops_in;
    if (is_alloc(op.opcode)) ++stats.allocs_in;
    if (is_guard(op.opcode)) ++stats.guards_in;
  }
  for (const EmittedOp& e : emitted_) {
    ++stats.ops_out;
    if (is_alloc(e.opcode)) ++stats.allocs_out;
    if (is_guard(e.opcode)) ++stats.guards_out;
  }
  out.stats = stats;
  out.peeled = peeled_;
  out.entry = entry_;
  out.short_preamble = short_preamble_;
  for (size_t i = 0; i < out.trace.ops().size(); ++i) {
    Descr* d = out.trace.ops()[i].descr;
    if (out.resume_index[i] >= 0 && d && d->kind == DescrKind::Fail) {
      auto* fd = static_cast<FailDescr*>(d);
      fd->resume_data = resume_.get();
      fd->fail_count = 0;
    }
  }
  input_ = nullptr;
  return out;
}

OptimizedTrace Optimizer::run(const Trace& in, const std::vector<Snapshot>& snapshots, const LoopEntries* entries) {
  peeled_ = false;
  entry_.reset();
  entries_ = entries;
  short_preamble_ = false;
  if (config_.peel) {
    if (auto peeled = run_peeled(in, snapshots)) return std::move(*peeled);
  }
  begin_run(in, snapshots);
  process(0, in.ops().size());
  return finish_run();
}

Trace Optimizer::build_output(std::vector<int32_t>& resume_index) {
  Trace t;
  std::vector<ValueId> value(boxes_.size(), kNoValue);
  for (Box b : input_boxes_) value[b] = t.add_input(boxes_[b].type);
  auto val = [&](Box b) {
    if (value[b] == kNoValue) {
      if (!boxes_[b].is_const) throw std::logic_error("optimizer: an operation uses a value never defined");
      value[b] = t.add_const(boxes_[b].type, boxes_[b].bits);
    }
    return value[b];
  };
  std::vector<ValueId> args;
  for (const EmittedOp& e : emitted_) {
    args.clear();
    for (Box a : e.args) args.push_back(val(a));
    ValueId r = t.add_op(e.opcode, args, e.result == kNoBox ? ValueType::Void : boxes_[e.result].type, e.descr);
    if (e.result != kNoBox) value[e.result] = r;
    if (is_guard(e.opcode)) {
      args.clear();
      for (Box a : e.fail_args) args.push_back(val(a));
      t.set_fail_args(args);
    }
    resume_index.push_back(e.resume);
  }
  return t;
}

OptimizedTrace optimize_trace(const Trace& input, TraceNamespace& names, OptimizerConfig config,
                              const std::vector<Snapshot>& snapshots, const LoopEntries* entries) {
  Optimizer o(names, config);
  return o.run(input, snapshots, entries);
}

}  // namespace rpp::jit::opt
