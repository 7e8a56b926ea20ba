// Laying out the types declared in trace files (see trace_declarations.h).
#include "runtime/jit/ir/trace_declarations.h"

#include <algorithm>

#include "runtime/jit/ir/trace_lexer.h"
#include "runtime/layout.h"

namespace rpp::jit {

namespace {

struct FieldType {
  ValueType type;
  uint8_t size;
  bool is_signed;
  bool is_immutable = false;        // `name: int immutable`
  bool is_quasi_immutable = false;  // `name: int quasi_immutable`
  bool is_virtualizable = false;    // `name: int virtualizable`
};

FieldType field_type(const std::string& name, LineCursor& cur) {
  if (name == "int") return {ValueType::Int, 8, true};
  if (name == "uint") return {ValueType::Int, 8, false};
  if (name == "i32") return {ValueType::Int, 4, true};
  if (name == "u32") return {ValueType::Int, 4, false};
  if (name == "i16") return {ValueType::Int, 2, true};
  if (name == "u16") return {ValueType::Int, 2, false};
  if (name == "i8") return {ValueType::Int, 1, true};
  if (name == "u8" || name == "char" || name == "bool") return {ValueType::Int, 1, false};
  if (name == "float") return {ValueType::Float, 8, true};
  if (name == "ref") return {ValueType::Ref, 8, false};
  cur.fail("unknown type '" + name + "' (int uint i32 u32 i16 u16 i8 u8 char bool float ref)");
}

uint32_t align_up(uint32_t v, uint32_t a) { return (v + a - 1) / a * a; }

struct LaidOutField {
  std::string name;
  FieldType type;
  uint32_t offset;
};

// `{ name: type, ... }` laid out in C order from `start` with natural alignment.
std::vector<LaidOutField> parse_fields(LineCursor& cur, uint32_t start, uint32_t& end, uint32_t& max_align) {
  std::vector<LaidOutField> fields;
  uint32_t offset = start;
  max_align = 1;
  cur.expect("{");
  if (!cur.accept("}")) {
    do {
      std::string fname = cur.name();
      cur.expect(":");
      FieldType ft = field_type(cur.name(), cur);
      if (cur.peek().kind == Token::Name) {
        std::string hint = cur.name();
        if (hint == "immutable") ft.is_immutable = true;
        else if (hint == "quasi_immutable") ft.is_quasi_immutable = true;
        else if (hint == "virtualizable") ft.is_virtualizable = true;
        else cur.fail("unknown field hint '" + hint + "' (immutable, quasi_immutable, virtualizable)");
      }
      for (auto& f : fields)
        if (f.name == fname) cur.fail("field '" + fname + "' is declared twice");
      offset = align_up(offset, ft.size);
      fields.push_back({fname, ft, offset});
      offset += ft.size;
      max_align = std::max<uint32_t>(max_align, ft.size);
    } while (cur.accept(","));
    cur.expect("}");
  }
  end = offset;
  return fields;
}

void check_new_name(const std::string& name, TraceNamespace& names, LineCursor& cur) {
  if (names.find(name)) cur.fail("the name '" + name + "' is already used");
}

FieldDescr* make_field(TraceNamespace& names, const std::string& name, const FieldType& t, uint32_t offset,
                       const SizeDescr* parent) {
  auto* f = names.make<FieldDescr>(name);
  f->offset = offset;
  f->size = t.size;
  f->type = t.type;
  f->is_signed = t.is_signed;
  f->is_immutable = t.is_immutable;
  f->is_quasi_immutable = t.is_quasi_immutable;
  f->is_virtualizable = t.is_virtualizable;
  f->parent = parent;
  return f;
}

void declare_struct(LineCursor& cur, TraceNamespace& names, bool is_object, bool is_raw) {
  std::string name = cur.name();
  check_new_name(name, names, cur);
  uint32_t start = is_raw ? 0 : static_cast<uint32_t>(is_object ? layout::kTypeptrOffset + 8 : layout::kGcHeaderSize);
  uint32_t end, max_align;
  auto fields = parse_fields(cur, start, end, max_align);
  cur.expect_end();
  auto* size = names.make<SizeDescr>(name);
  size->size = align_up(end, is_raw ? max_align : layout::kObjectAlignment);
  if (!is_raw) size->size = std::max<uint32_t>(size->size, layout::kMinObjectSize);
  if (!is_raw) {
    std::vector<uint32_t> gc_offsets;
    for (auto& f : fields)
      if (f.type.type == ValueType::Ref) gc_offsets.push_back(f.offset);
    layout::TypeInfo info{};
    info.fixed_size = size->size;
    info.flags = is_object ? layout::kTypeInfoHasVtable : 0;
    size->type_id = names.add_type(info, std::move(gc_offsets), {});
  }
  if (is_object) size->vtable = reinterpret_cast<uintptr_t>(names.add_class(name));
  for (auto& f : fields) make_field(names, name + "." + f.name, f.type, f.offset, size);
}

void declare_array(LineCursor& cur, TraceNamespace& names, bool is_raw) {
  std::string name = cur.name();
  check_new_name(name, names, cur);
  std::string of = cur.name();
  if (of != "of") cur.fail("expected 'of' after the array's name");
  auto* array = names.make<ArrayDescr>(name);
  array->is_raw = is_raw;
  array->base_offset = is_raw ? 0 : static_cast<uint32_t>(layout::kArrayItemsOffset);
  array->length_offset = is_raw ? 0 : static_cast<uint32_t>(layout::kArrayLengthOffset);
  std::vector<uint32_t> item_gc_offsets;
  if (cur.is_punct("{")) {
    uint32_t end, max_align;
    auto fields = parse_fields(cur, 0, end, max_align);
    if (fields.empty()) cur.fail("an array of empty structs");
    array->item_size = align_up(end, max_align);
    array->item_type = ValueType::Void;
    for (auto& f : fields) {
      auto* inner = make_field(names, "", f.type, f.offset, nullptr);
      auto* interior = names.make<InteriorFieldDescr>(name + "." + f.name);
      interior->array = array;
      interior->field = inner;
      if (f.type.type == ValueType::Ref) item_gc_offsets.push_back(f.offset);
    }
  } else {
    FieldType t = field_type(cur.name(), cur);
    array->item_size = t.size;
    array->item_type = t.type;
    array->is_signed = t.is_signed;
    if (t.type == ValueType::Ref) item_gc_offsets.push_back(0);
  }
  cur.expect_end();
  if (!is_raw) {
    layout::TypeInfo info{};
    info.fixed_size = static_cast<uint32_t>(layout::kArrayItemsOffset);
    info.flags = layout::kTypeInfoVarsize | (item_gc_offsets.empty() ? 0 : layout::kTypeInfoItemsHaveGcPtrs);
    info.item_size = array->item_size;
    info.length_offset = static_cast<uint32_t>(layout::kArrayLengthOffset);
    info.items_offset = static_cast<uint32_t>(layout::kArrayItemsOffset);
    array->type_id = names.add_type(info, {}, std::move(item_gc_offsets));
  }
}

ValueType call_type(const std::string& name, uint8_t& size, bool& is_signed, LineCursor& cur) {
  size = 8;
  is_signed = true;
  if (name == "void") return ValueType::Void;
  FieldType t = field_type(name, cur);
  size = t.size;
  is_signed = t.is_signed;
  return t.type;
}

void declare_call(LineCursor& cur, TraceNamespace& names) {
  std::string name = cur.name();
  check_new_name(name, names, cur);
  auto* call = names.make<CallDescr>(name);
  cur.expect("(");
  if (!cur.accept(")")) {
    do {
      uint8_t size;
      bool is_signed;
      ValueType t = call_type(cur.name(), size, is_signed, cur);
      if (t == ValueType::Void) cur.fail("an argument of type void");
      if (size != 8) cur.fail("arguments are words (int, uint, ref or float)");
      call->arg_types.push_back(t);
    } while (cur.accept(","));
    cur.expect(")");
  }
  cur.expect("->");
  call->result_type = call_type(cur.name(), call->result_size, call->result_signed, cur);
  if (cur.accept("[")) {
    do {
      std::string e = cur.name();
      if (e == "cannot_raise") call->effects.extra = ExtraEffect::CannotRaise;
      else if (e == "can_raise") call->effects.extra = ExtraEffect::CanRaise;
      else if (e == "elidable") call->effects.extra = ExtraEffect::ElidableCannotRaise;
      else if (e == "elidable_can_raise") call->effects.extra = ExtraEffect::ElidableCanRaise;
      else if (e == "loopinvariant") call->effects.extra = ExtraEffect::LoopInvariant;
      else if (e == "forces") call->effects.extra = ExtraEffect::ForcesVirtualOrVirtualizable;
      else if (e == "random") call->effects.extra = ExtraEffect::RandomEffects;
      else if (e == "no_collect") call->effects.can_collect = false;
      else if (e == "writes" || e == "reads") {
        // writes=DESCR / reads=DESCR: a field or array the function writes or reads (effect info).
        cur.expect("=");
        std::string what = cur.name();
        Descr* d = names.find(what);
        if (!d || (d->kind != DescrKind::Field && d->kind != DescrKind::Array))
          cur.fail("'" + what + "' is not a field or array descriptor");
        auto& list = d->kind == DescrKind::Field ? (e == "writes" ? call->effects.writes_fields : call->effects.reads_fields)
                                                 : (e == "writes" ? call->effects.writes_arrays : call->effects.reads_arrays);
        list.push_back(d);
      }
      else cur.fail("unknown effect '" + e + "'");
    } while (cur.accept(","));
    cur.expect("]");
  }
  cur.expect_end();
}

}  // namespace

bool is_declaration_keyword(std::string_view word) {
  return word == "struct" || word == "object" || word == "array" || word == "rawarray" || word == "rawstruct" ||
         word == "call";
}

void parse_declaration(LineCursor& cur, TraceNamespace& names) {
  std::string kw = cur.name();
  if (kw == "struct") declare_struct(cur, names, false, false);
  else if (kw == "object") declare_struct(cur, names, true, false);
  else if (kw == "rawstruct") declare_struct(cur, names, false, true);
  else if (kw == "array") declare_array(cur, names, false);
  else if (kw == "rawarray") declare_array(cur, names, true);
  else if (kw == "call") declare_call(cur, names);
  else cur.fail("unknown declaration '" + kw + "'");
}

}  // namespace rpp::jit
