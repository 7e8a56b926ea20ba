// Low-level types as C++ definitions (c_types.h).
#include "translator/genc/c_types.h"

#include <algorithm>

#include "rtyper/lltype/memory_layout.h"

namespace rpp::genc {

using namespace lltype;

bool holds_gc_header(const Struct* s) {
  if (!s->is_gc()) return false;
  if (s->fields().empty()) return true;
  auto* first = as<Struct>(s->fields()[0].type);
  return !(first && first->is_gc());
}

std::string CTypes::field_name(const std::string& field) const {
  std::string n = sanitize_identifier(field);
  if (n == "hdr" || n == "length" || n == "items" || (is_reserved_identifier(n) && n != "errno" && n != "stdin" &&
                                                      n != "stdout" && n != "stderr" && n != "assert" && n != "main"))
    n += "_";
  return n;
}

std::string CTypes::field_path(const Struct* s, const std::string& field) const {
  std::string prefix;
  while (s) {
    if (s->field(field)) return prefix + field_name(field);
    const Struct* parent = s->parent();
    if (!parent) return "";
    prefix += field_name(s->fields()[0].name) + ".";
    s = parent;
  }
  return "";
}

std::string CTypes::name(const LowLevelType* t) {
  if (auto* p = as<Primitive>(t)) {
    switch (p->prim()) {
      case PrimitiveKind::Void: return "void";
      case PrimitiveKind::Signed: return "int64_t";
      case PrimitiveKind::Unsigned: return "uint64_t";
      case PrimitiveKind::SignedLongLong: return "long long";
      case PrimitiveKind::UnsignedLongLong: return "unsigned long long";
      case PrimitiveKind::Float: return "double";
      case PrimitiveKind::Bool: return "bool";
      case PrimitiveKind::Char: return "unsigned char";
      case PrimitiveKind::UniChar: return "char32_t";
      case PrimitiveKind::Address: return "char*";
    }
  }
  if (auto* p = as<Ptr>(t)) return name(p->to()) + "*";
  if (auto* s = as<Struct>(t)) return names_.name(t, "S_" + s->name());
  if (auto* o = as<OpaqueType>(t)) return names_.name(t, "O_" + o->name());
  if (auto* a = as<Array>(t)) return names_.name(t, "A_" + a->to_string());
  if (auto* f = as<FuncType>(t)) return names_.name(t, "F_" + f->to_string());
  return "void";
}

void CTypes::closure(const LowLevelType* t, std::set<const LowLevelType*>& out) const {
  if (as<Primitive>(t)) return;
  if (auto* p = as<Ptr>(t)) return closure(p->to(), out);
  if (!out.insert(t).second) return;
  if (auto* s = as<Struct>(t)) {
    for (const StructField& f : s->fields()) closure(f.type, out);
  } else if (auto* a = as<Array>(t)) {
    closure(a->item(), out);
  } else if (auto* f = as<FuncType>(t)) {
    for (auto* arg : f->args()) closure(arg, out);
    closure(f->result(), out);
  }
}

// Definitions must follow what they inline (struct fields, array items) and, for function
// types, their signatures' function-pointer types; pointers to structs only need the forward
// declarations emitted first.
void CTypes::visit_definition_order(const LowLevelType* t, std::set<const LowLevelType*>& done,
                                    std::vector<const LowLevelType*>& out, const std::set<const LowLevelType*>& wanted) {
  if (as<Primitive>(t) || !wanted.count(t) || done.count(t)) return;
  done.insert(t);
  auto needs = [&](const LowLevelType* dep) {
    if (auto* p = as<Ptr>(dep)) {
      if (as<FuncType>(p->to()) || as<Array>(p->to())) visit_definition_order(p->to(), done, out, wanted);
      return;
    }
    visit_definition_order(dep, done, out, wanted);
  };
  if (auto* s = as<Struct>(t)) {
    for (const StructField& f : s->fields()) needs(f.type);
  } else if (auto* a = as<Array>(t)) {
    needs(a->item());
  } else if (auto* f = as<FuncType>(t)) {
    for (auto* arg : f->args()) needs(arg);
    needs(f->result());
  }
  out.push_back(t);
}

std::string CTypes::definition(const LowLevelType* t) {
  std::string n = name(t);
  std::string text;
  if (auto* s = as<Struct>(t)) {
    if (!s->defined()) return "";
    text = "struct " + n + " {\n";
    if (holds_gc_header(s)) text += "  rpp::layout::GcHeader hdr;\n";
    for (const StructField& f : s->fields()) {
      if (is_void(f.type)) continue;
      if (auto* a = as<Array>(f.type); a && f.name == s->fields().back().name) {
        text += "  " + name(a) + " " + field_name(f.name) + ";  // var-sized\n";
        continue;
      }
      text += "  " + name(f.type) + " " + field_name(f.name) + ";\n";
    }
    text += "};\n";
  } else if (auto* a = as<Array>(t)) {
    text = "struct " + n + " {\n";
    if (a->is_gc()) text += "  rpp::layout::GcHeader hdr;\n";
    if (!a->hints().nolength) text += "  int64_t length;\n";
    if (!is_void(a->item())) text += "  " + name(a->item()) + (a->hints().nolength ? " items[0];\n" : " items[];\n");
    text += "};\n";
  } else if (auto* f = as<FuncType>(t)) {
    text = "using " + n + " = " + name(f->result()) + "(";
    bool first = true;
    for (auto* arg : f->args()) {
      if (is_void(arg)) continue;
      if (!first) text += ", ";
      text += name(arg);
      first = false;
    }
    text += ");\n";
  }
  return text + layout_asserts(t);
}

std::string CTypes::layout_asserts(const LowLevelType* t) {
  std::string n = name(t);
  std::string text;
  auto* c = as<ContainerType>(t);
  if (auto* s = as<Struct>(t)) {
    if (!s->defined()) return "";
    for (const StructField& f : s->fields()) {
      if (is_void(f.type)) continue;
      text += "static_assert(offsetof(" + n + ", " + field_name(f.name) + ") == " +
              std::to_string(field_offset(s, f.name)) + ");\n";
    }
    if (!s->is_varsize()) text += "static_assert(sizeof(" + n + ") == " + std::to_string(size_of(s)) + ");\n";
  } else if (auto* a = as<Array>(t)) {
    VarsizeLayout v = varsize_layout(c);
    if (v.has_length) text += "static_assert(offsetof(" + n + ", length) == " + std::to_string(v.length_offset) + ");\n";
    if (!is_void(a->item()))
      text += "static_assert(offsetof(" + n + ", items) == " + std::to_string(v.items_offset) + ");\n";
  }
  return text;
}

std::string CTypes::definitions(const std::set<const LowLevelType*>& used) {
  std::set<const LowLevelType*> all;
  for (auto* t : used) closure(t, all);
  std::vector<const LowLevelType*> sorted(all.begin(), all.end());
  // Types not named yet get their names in the order of their LL text (never of addresses).
  std::stable_sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->to_string() < b->to_string(); });
  for (auto* t : sorted) name(t);
  // By name: a unit's text depends only on the types it uses, not on the rest of the program.
  std::sort(sorted.begin(), sorted.end(), [&](auto* a, auto* b) { return name(a) < name(b); });
  std::string text;
  for (auto* t : sorted)
    if (as<Struct>(t) || as<OpaqueType>(t) || as<Array>(t)) text += "struct " + name(t) + ";\n";
  std::set<const LowLevelType*> done;
  std::vector<const LowLevelType*> defs;
  for (auto* t : sorted) visit_definition_order(t, done, defs, all);
  for (auto* t : defs) text += definition(t);
  return text;
}

}  // namespace rpp::genc
