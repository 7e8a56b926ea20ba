// Encoding, decoding and printing resume data (see resume_data.h; the byte format is in
// docs/jit.md): unsigned LEB128 varints, tagged slots as zigzag varints.
#include "runtime/jit/optimizer/resume_data.h"

#include <algorithm>
#include <stdexcept>

#include "runtime/jit/ir/trace_printer.h"

namespace rpp::jit::opt {

namespace {

void put_varint(std::vector<uint8_t>& out, uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<uint8_t>(v | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<uint8_t>(v));
}
void put_tagged(std::vector<uint8_t>& out, Tagged t) {
  put_varint(out, (static_cast<uint64_t>(t.raw) << 1) ^ static_cast<uint64_t>(t.raw >> 63));
}

class Reader {
 public:
  Reader(const std::vector<uint8_t>& b, uint32_t at) : b_(b), at_(at) {}
  uint64_t varint() {
    uint64_t v = 0;
    int shift = 0;
    for (;;) {
      if (at_ >= b_.size()) throw std::out_of_range("resume data: truncated record");
      uint8_t byte = b_[at_++];
      v |= static_cast<uint64_t>(byte & 0x7f) << shift;
      if (!(byte & 0x80)) return v;
      shift += 7;
    }
  }
  Tagged tagged() {
    uint64_t z = varint();
    return Tagged{static_cast<int64_t>((z >> 1) ^ (~(z & 1) + 1))};
  }

 private:
  const std::vector<uint8_t>& b_;
  uint32_t at_;
};

}  // namespace

const char* virtual_kind_name(VirtualKind k) {
  switch (k) {
    case VirtualKind::Struct:
      return "struct";
    case VirtualKind::Object:
      return "object";
    case VirtualKind::Array:
      return "array";
    case VirtualKind::Str:
      return "str";
    case VirtualKind::InteriorArray:
      return "interior_array";
    case VirtualKind::Unicode:
      return "unicode";
  }
  return "?";
}

uint32_t ResumeStorage::add_const(ValueType type, Word bits) {
  ConstEntry e{type, bits};
  for (uint32_t i = 0; i < consts_.size(); ++i)
    if (consts_[i] == e) return i;
  consts_.push_back(e);
  return static_cast<uint32_t>(consts_.size() - 1);
}

uint32_t ResumeStorage::add_descr(const Descr* d) {
  auto [it, fresh] = descr_index_.emplace(d, static_cast<uint32_t>(descrs_.size()));
  if (fresh) descrs_.push_back(d);
  return it->second;
}

// Frame record: varint(parent offset + 1, or 0), varint(jitcode), varint(pc), varint(n), n slots.
uint32_t ResumeStorage::encode_frame(const ResumeFrame& f, uint32_t parent_plus_one) {
  std::vector<uint8_t>& rec = scratch_;
  rec.clear();
  put_varint(rec, parent_plus_one);
  put_varint(rec, f.jitcode);
  put_varint(rec, f.pc);
  put_varint(rec, f.slots.size());
  for (Tagged t : f.slots) put_tagged(rec, t);
  uint64_t hash = 1469598103934665603ull;  // FNV-1a
  for (uint8_t b : rec) hash = (hash ^ b) * 1099511628211ull;
  auto [first, last] = frame_dedupe_.equal_range(hash);
  for (auto it = first; it != last; ++it)
    if (it->second + rec.size() <= bytes_.size() && std::equal(rec.begin(), rec.end(), bytes_.begin() + it->second))
      return it->second;
  uint32_t at = static_cast<uint32_t>(bytes_.size());
  bytes_.insert(bytes_.end(), rec.begin(), rec.end());
  frame_dedupe_.emplace(hash, at);
  ++frame_records_;
  return at;
}

uint32_t ResumeStorage::add_guard(const std::vector<ResumeFrame>& frames,
                                  const std::vector<VirtualDescription>& virtuals, uint32_t num_fail_args,
                                  const std::vector<PendingWrite>& writes) {
  GuardResume g;
  g.num_fail_args = num_fail_args;
  g.num_frames = static_cast<uint32_t>(frames.size());
  uint32_t parent_plus_one = 0;
  for (const ResumeFrame& f : frames) parent_plus_one = encode_frame(f, parent_plus_one) + 1;
  g.frame_offset = parent_plus_one ? parent_plus_one - 1 : UINT32_MAX;
  // Virtuals record: varint(count), then per virtual varint(kind), varint(descr index + 1 or 0),
  // then for structs/objects varint(n) and n pairs (field descr index, tagged value), for arrays
  // and strings varint(length) and the tagged items, for arrays of structs varint(length),
  // varint(n) and n triples (item index, interior field descr index, tagged value).
  g.virtuals_offset = static_cast<uint32_t>(bytes_.size());
  put_varint(bytes_, virtuals.size());
  for (const VirtualDescription& v : virtuals) {
    put_varint(bytes_, static_cast<uint64_t>(v.kind));
    put_varint(bytes_, v.descr ? add_descr(v.descr) + 1 : 0);
    if (v.kind == VirtualKind::Struct || v.kind == VirtualKind::Object) {
      put_varint(bytes_, v.fields.size());
      for (const auto& [fd, t] : v.fields) {
        put_varint(bytes_, add_descr(fd));
        put_tagged(bytes_, t);
      }
    } else if (v.kind == VirtualKind::InteriorArray) {
      put_varint(bytes_, v.length);
      put_varint(bytes_, v.interior.size());
      for (const auto& iv : v.interior) {
        put_varint(bytes_, iv.item);
        put_varint(bytes_, add_descr(iv.field));
        put_tagged(bytes_, iv.value);
      }
    } else {
      put_varint(bytes_, v.items.size());
      for (Tagged t : v.items) put_tagged(bytes_, t);
    }
  }
  // Pending writes record: varint(count), then per write varint(field descr index), tagged object,
  // tagged value.
  g.writes_offset = static_cast<uint32_t>(bytes_.size());
  put_varint(bytes_, writes.size());
  for (const PendingWrite& w : writes) {
    put_varint(bytes_, add_descr(w.field));
    put_tagged(bytes_, w.object);
    put_tagged(bytes_, w.value);
  }
  guards_.push_back(g);
  return static_cast<uint32_t>(guards_.size() - 1);
}

std::vector<ResumeFrame> ResumeStorage::frames(uint32_t guard_index) const {
  const GuardResume& g = guards_.at(guard_index);
  std::vector<ResumeFrame> out;
  uint32_t at = g.frame_offset;
  for (uint32_t n = 0; n < g.num_frames; ++n) {
    Reader r(bytes_, at);
    uint64_t parent_plus_one = r.varint();
    ResumeFrame f;
    f.jitcode = static_cast<uint32_t>(r.varint());
    f.pc = static_cast<uint32_t>(r.varint());
    uint64_t count = r.varint();
    for (uint64_t i = 0; i < count; ++i) f.slots.push_back(r.tagged());
    out.insert(out.begin(), std::move(f));
    if (!parent_plus_one) break;
    at = static_cast<uint32_t>(parent_plus_one - 1);
  }
  return out;
}

std::vector<VirtualDescription> ResumeStorage::virtuals(uint32_t guard_index) const {
  Reader r(bytes_, guards_.at(guard_index).virtuals_offset);
  std::vector<VirtualDescription> out(r.varint());
  for (VirtualDescription& v : out) {
    v.kind = static_cast<VirtualKind>(r.varint());
    uint64_t d = r.varint();
    v.descr = d ? descrs_.at(d - 1) : nullptr;
    if (v.kind == VirtualKind::InteriorArray) {
      v.length = static_cast<uint32_t>(r.varint());
      uint64_t n = r.varint();
      for (uint64_t i = 0; i < n; ++i) {
        auto item = static_cast<uint32_t>(r.varint());
        auto* fd = static_cast<const InteriorFieldDescr*>(descrs_.at(r.varint()));
        v.interior.push_back(VirtualDescription::InteriorValue{item, fd, r.tagged()});
      }
      continue;
    }
    uint64_t n = r.varint();
    for (uint64_t i = 0; i < n; ++i) {
      if (v.kind == VirtualKind::Struct || v.kind == VirtualKind::Object) {
        auto* fd = static_cast<const FieldDescr*>(descrs_.at(r.varint()));
        v.fields.emplace_back(fd, r.tagged());
      } else {
        v.items.push_back(r.tagged());
      }
    }
  }
  return out;
}

std::vector<PendingWrite> ResumeStorage::pending_writes(uint32_t guard_index) const {
  Reader r(bytes_, guards_.at(guard_index).writes_offset);
  std::vector<PendingWrite> out(r.varint());
  for (PendingWrite& w : out) {
    w.field = static_cast<const FieldDescr*>(descrs_.at(r.varint()));
    w.object = r.tagged();
    w.value = r.tagged();
  }
  return out;
}

Word ResumeStorage::value_of(Tagged t, const std::vector<Word>& fail_values) const {
  switch (t.tag()) {
    case Tag::Box:
      return fail_values.at(static_cast<size_t>(t.payload()));
    case Tag::Int:
      return static_cast<Word>(t.payload());
    case Tag::Const:
      return consts_.at(static_cast<size_t>(t.payload())).bits;
    case Tag::Virtual:
      break;
  }
  throw std::logic_error("resume data: value_of a virtual");
}

namespace {

std::string format_const(const ConstEntry& c, const TraceNamespace* names) {
  switch (c.type) {
    case ValueType::Float:
      return format_float(std::bit_cast<double>(c.bits));
    case ValueType::Ref: {
      if (!c.bits) return "NULL";
      const std::string* n = names ? names->object_name(c.bits) : nullptr;
      return n ? "ConstPtr(" + *n + ")" : "ConstPtr(?)";
    }
    default: {
      const std::string* n = names ? names->symbol_name(c.bits) : nullptr;
      if (n && c.bits) return "ConstClass(" + *n + ")";
      return std::to_string(static_cast<int64_t>(c.bits));
    }
  }
}

}  // namespace

std::string print_resume(const ResumeStorage& s, uint32_t guard, const TraceNamespace* names) {
  auto slot = [&](Tagged t) -> std::string {
    switch (t.tag()) {
      case Tag::Box:
        return "#" + std::to_string(t.payload());
      case Tag::Int:
        return std::to_string(t.payload());
      case Tag::Const:
        return format_const(s.constant(static_cast<uint32_t>(t.payload())), names);
      case Tag::Virtual:
        return "v" + std::to_string(t.payload());
    }
    return "?";
  };
  std::string out;
  int depth = 0;
  for (const ResumeFrame& f : s.frames(guard)) {
    out += "  frame " + std::to_string(depth++) + " code " + std::to_string(f.jitcode) + " pc " + std::to_string(f.pc) +
           ": [";
    for (size_t i = 0; i < f.slots.size(); ++i) out += (i ? ", " : "") + slot(f.slots[i]);
    out += "]\n";
  }
  auto virtuals = s.virtuals(guard);
  for (size_t k = 0; k < virtuals.size(); ++k) {
    const VirtualDescription& v = virtuals[k];
    out += "  v" + std::to_string(k) + " = " + virtual_kind_name(v.kind);
    if (v.descr) out += " " + v.descr->name;
    if (v.kind == VirtualKind::Struct || v.kind == VirtualKind::Object) {
      out += " {";
      for (size_t i = 0; i < v.fields.size(); ++i)
        out += (i ? ", " : "") + v.fields[i].first->name + "=" + slot(v.fields[i].second);
      out += "}\n";
    } else if (v.kind == VirtualKind::InteriorArray) {
      out += "[" + std::to_string(v.length) + "] {";
      for (size_t i = 0; i < v.interior.size(); ++i)
        out += (i ? ", " : "") + std::string("[") + std::to_string(v.interior[i].item) + "]." +
               v.interior[i].field->name + "=" + slot(v.interior[i].value);
      out += "}\n";
    } else {
      out += "[" + std::to_string(v.items.size()) + "] {";
      for (size_t i = 0; i < v.items.size(); ++i) out += (i ? ", " : "") + slot(v.items[i]);
      out += "}\n";
    }
  }
  for (const PendingWrite& w : s.pending_writes(guard))
    out += "  write " + slot(w.object) + "." + w.field->name + " = " + slot(w.value) + "\n";
  return out;
}

std::vector<Word> materialize_virtuals(const ResumeStorage& s, uint32_t guard, const std::vector<Word>& fail_values,
                                       const Materializer& m) {
  auto virtuals = s.virtuals(guard);
  std::vector<Word> objects;
  for (const VirtualDescription& v : virtuals) objects.push_back(m.allocate(v));
  auto value = [&](Tagged t) {
    return t.tag() == Tag::Virtual ? objects.at(static_cast<size_t>(t.payload())) : s.value_of(t, fail_values);
  };
  for (size_t k = 0; k < virtuals.size(); ++k) {
    const VirtualDescription& v = virtuals[k];
    if (v.kind == VirtualKind::Struct || v.kind == VirtualKind::Object)
      for (size_t i = 0; i < v.fields.size(); ++i) m.store(objects[k], v, i, value(v.fields[i].second));
    else if (v.kind == VirtualKind::InteriorArray)
      for (size_t i = 0; i < v.interior.size(); ++i) m.store(objects[k], v, i, value(v.interior[i].value));
    else
      for (size_t i = 0; i < v.items.size(); ++i) m.store(objects[k], v, i, value(v.items[i]));
  }
  return objects;
}

}  // namespace rpp::jit::opt

namespace rpp::jit::opt {

void apply_pending_writes(const ResumeStorage& s, uint32_t guard, const std::vector<Word>& fail_values,
                          const std::vector<Word>& virtual_objects,
                          const std::function<void(Word, const FieldDescr*, Word)>& store_field) {
  auto value = [&](Tagged t) {
    return t.tag() == Tag::Virtual ? virtual_objects.at(static_cast<size_t>(t.payload())) : s.value_of(t, fail_values);
  };
  for (const PendingWrite& w : s.pending_writes(guard)) store_field(value(w.object), w.field, value(w.value));
}

}  // namespace rpp::jit::opt
