// Sizes, alignments and field offsets by the layout contract (memory_layout.h).
#include "rtyper/lltype/memory_layout.h"

#include <algorithm>
#include <vector>

#include "runtime/layout.h"

namespace rpp::lltype {

namespace {

size_t round_up(size_t n, size_t a) { return a <= 1 ? n : (n + a - 1) / a * a; }

size_t primitive_size(const Primitive* p) {
  switch (p->prim()) {
    case PrimitiveKind::Void: return 0;
    case PrimitiveKind::Bool:
    case PrimitiveKind::Char: return 1;
    case PrimitiveKind::UniChar: return 4;
    default: return 8;
  }
}

// The first field of a GcStruct that is its parent GcStruct (inlined at offset 0).
bool is_gc_parent_field(const Struct* s, size_t index) {
  if (index != 0 || !s->is_gc()) return false;
  auto* inner = as<Struct>(s->fields()[0].type);
  return inner && inner->is_gc();
}

// Offsets of every field of `s`, and the end of the last one.
struct StructOffsets {
  std::vector<size_t> offsets;
  size_t end = 0;
};

StructOffsets struct_offsets(const Struct* s) {
  if (!s->defined()) throw TypeError("the layout of " + s->name() + " is unknown: it is declared, not defined");
  StructOffsets r;
  size_t pos = s->is_gc() ? layout::kGcHeaderSize : 0;
  const auto& fields = s->fields();
  for (size_t i = 0; i < fields.size(); ++i) {
    const LowLevelType* t = fields[i].type;
    if (is_gc_parent_field(s, i)) {
      r.offsets.push_back(0);
      pos = size_of(t);
      continue;
    }
    size_t a = align_of(t);
    if (as<Array>(t)) a = layout::kWordSize;  // the length word
    pos = round_up(pos, a);
    r.offsets.push_back(pos);
    pos += size_of(t);
  }
  r.end = pos;
  return r;
}

}  // namespace

size_t align_of(const LowLevelType* t) {
  if (auto* p = as<Primitive>(t)) return std::max<size_t>(1, primitive_size(p));
  if (as<Ptr>(t)) return layout::kWordSize;
  if (auto* s = as<Struct>(t)) {
    if (s->is_gc()) return layout::kWordSize;
    size_t a = 1;
    for (const StructField& f : s->fields()) a = std::max(a, as<Array>(f.type) ? layout::kWordSize : align_of(f.type));
    return a;
  }
  if (as<Array>(t)) return layout::kWordSize;
  return layout::kWordSize;
}

size_t size_of(const LowLevelType* t) {
  if (auto* p = as<Primitive>(t)) return primitive_size(p);
  if (as<Ptr>(t)) return layout::kWordSize;
  if (auto* s = as<Struct>(t)) {
    StructOffsets o = struct_offsets(s);
    return round_up(o.end, align_of(s));
  }
  if (auto* a = as<Array>(t)) {
    if (a->is_gc()) return layout::kArrayItemsOffset;
    return a->hints().nolength ? 0 : layout::kWordSize;
  }
  throw TypeError(t->to_string() + " has no size");
}

size_t field_offset(const Struct* s, const std::string& field) {
  StructOffsets o = struct_offsets(s);
  for (size_t i = 0; i < s->fields().size(); ++i)
    if (s->fields()[i].name == field) return o.offsets[i];
  throw TypeError(s->name() + " has no field '" + field + "'");
}

VarsizeLayout varsize_layout(const ContainerType* t) {
  VarsizeLayout v;
  if (auto* a = as<Array>(t)) {
    v.array = a;
    v.has_length = !a->hints().nolength;
    v.length_offset = a->is_gc() ? layout::kArrayLengthOffset : 0;
    v.items_offset = a->is_gc() ? layout::kArrayItemsOffset : (v.has_length ? layout::kWordSize : 0);
    v.item_size = round_up(size_of(a->item()), align_of(a->item()));
    return v;
  }
  auto* s = as<Struct>(t);
  if (!s || !s->is_varsize()) throw TypeError(t->to_string() + " is not var-sized");
  const StructField& last = s->fields().back();
  size_t base = field_offset(s, last.name);
  VarsizeLayout inner = varsize_layout(static_cast<const ContainerType*>(last.type));
  if (as<Array>(last.type)) {
    // The inlined array has no header: its length word is at the field's offset.
    inner.length_offset = base;
    inner.items_offset = base + (inner.has_length ? layout::kInlinedArrayItemsDelta : 0);
  } else {
    inner.length_offset += base;
    inner.items_offset += base;
  }
  return inner;
}

size_t allocation_size(const ContainerType* t, int64_t length) {
  size_t size;
  if (as<Array>(t) || (as<Struct>(t) && as<Struct>(t)->is_varsize())) {
    VarsizeLayout v = varsize_layout(t);
    size = v.items_offset + v.item_size * size_t(length < 0 ? 0 : length);
    if (v.array->item() == &Char) size += 1;
  } else {
    size = size_of(t);
  }
  if (t->is_gc()) {
    size = round_up(size, layout::kObjectAlignment);
    if (size < layout::kMinObjectSize) size = layout::kMinObjectSize;
  }
  return size == 0 ? 1 : size;
}

}  // namespace rpp::lltype
