// Constants of low-level graphs as C++ expressions (Emitter::constant), and the declarations of
// functions and static objects.
#include <cinttypes>
#include <cmath>
#include <cstdio>

#include "rtyper/lltype/jit_symbolic.h"
#include "rtyper/lltype/memory_layout.h"
#include "rtyper/lltype/symbolic.h"
#include "translator/diagnostics.h"
#include "translator/genc/emitter.h"
#include "translator/ll/ll_constants.h"

namespace rpp::genc {

using namespace lltype;

std::string Emitter::type_name(const LowLevelType* t, UnitUses& uses) {
  if (!as<Primitive>(t)) uses.types.insert(t);
  return types_.name(t);
}

std::string Emitter::prototype(flow::FunctionGraph* g, UnitUses& uses) {
  std::string text = type_name(g->returnblock->inputargs[0]->concretetype, uses) + " " + function_name(g) + "(";
  bool first = true;
  for (flow::Variable* v : g->startblock->inputargs) {
    if (is_void(v->concretetype)) continue;
    if (!first) text += ", ";
    text += type_name(v->concretetype, uses);
    first = false;
  }
  return text + ")";
}

std::string Emitter::data_declaration(const StaticObject* o, UnitUses& uses) {
  return "extern \"C\" " + type_name(o->type(), uses) + " " + data_name(o) + ";\n";
}

namespace {

std::string signed_literal(int64_t v) {
  if (v == INT64_MIN) return "INT64_MIN";
  return "INT64_C(" + std::to_string(v) + ")";
}

std::string float_literal(double d) {
  if (std::isnan(d)) return "__builtin_nan(\"\")";
  if (std::isinf(d)) return d > 0 ? "__builtin_inf()" : "(-__builtin_inf())";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%a", d);
  return std::string("(") + buf + ")";
}

int64_t as_int(const flow::ConstValue& v) {
  if (auto* i = std::get_if<int64_t>(&v)) return *i;
  if (auto* u = std::get_if<uint64_t>(&v)) return int64_t(*u);
  if (auto* b = std::get_if<bool>(&v)) return *b;
  return 0;
}

}  // namespace

std::string Emitter::constant(const flow::ConstValue& value, const LowLevelType* t, UnitUses& uses) {
  if (auto* payload = std::get_if<std::shared_ptr<const flow::ConstPayload>>(&value)) {
    const flow::ConstPayload* p = payload->get();
    if (dynamic_cast<const WeAreJitted*>(p)) return "false";
    if (auto* ref = dynamic_cast<const StaticRef*>(p)) {
      uses.data.insert(ref->object());
      return "reinterpret_cast<" + type_name(t, uses) + ">(&" + data_name(ref->object()) + ")";
    }
    if (auto* helper = dynamic_cast<const ll::HelperRef*>(p))
      return "reinterpret_cast<" + type_name(t, uses) + ">(&rpp_helper_" + std::string(helper->helper()->name) + ")";
    if (auto* sym = dynamic_cast<const Symbolic*>(p)) {
      auto* container = as<ContainerType>(sym->type());
      switch (sym->kind()) {
        case SymbolicKind::FieldOffset:
          return signed_literal(int64_t(field_offset(as<Struct>(sym->type()), sym->field())));
        case SymbolicKind::TypeSize: return signed_literal(int64_t(size_of(sym->type())));
        case SymbolicKind::ItemSize: return signed_literal(int64_t(varsize_layout(container).item_size));
        case SymbolicKind::ItemsOffset: return signed_literal(int64_t(varsize_layout(container).items_offset));
        case SymbolicKind::LengthOffset: return signed_literal(int64_t(varsize_layout(container).length_offset));
        case SymbolicKind::TypeId: return signed_literal(int64_t(type_ids_.id(container)));
        case SymbolicKind::Vtable: {
          const StaticObject* vt = static_data_.vtable_of(as<Struct>(sym->type()));
          if (!vt) throw UserError("genc: error: no vtable for " + sym->type()->to_string());
          uses.data.insert(vt);
          return "reinterpret_cast<" + type_name(t, uses) + ">(&" + data_name(vt) + ")";
        }
      }
    }
    throw UserError("genc: error: cannot emit the constant " + p->repr() + " of type " + t->to_string());
  }
  if (auto* g = std::get_if<flow::GraphRef>(&value)) {
    uses.functions.insert(g->graph);
    return "reinterpret_cast<" + type_name(t, uses) + ">(&" + function_name(g->graph) + ")";
  }
  if (as<Ptr>(t) || t == &Address) return "static_cast<" + type_name(t, uses) + ">(nullptr)";
  auto* prim = as<Primitive>(t);
  if (!prim) throw UserError("genc: error: cannot emit a constant of type " + t->to_string());
  switch (prim->prim()) {
    case PrimitiveKind::Void: return "";
    case PrimitiveKind::Signed: return signed_literal(as_int(value));
    case PrimitiveKind::SignedLongLong: return "(long long)" + signed_literal(as_int(value));
    case PrimitiveKind::Unsigned: return "UINT64_C(" + std::to_string(uint64_t(as_int(value))) + ")";
    case PrimitiveKind::UnsignedLongLong:
      return "(unsigned long long)UINT64_C(" + std::to_string(uint64_t(as_int(value))) + ")";
    case PrimitiveKind::Float: {
      double d = 0;
      if (auto* f = std::get_if<double>(&value)) d = *f;
      else d = double(as_int(value));
      return float_literal(d);
    }
    case PrimitiveKind::Bool: return as_int(value) ? "true" : "false";
    case PrimitiveKind::Char: return "(unsigned char)" + std::to_string(uint64_t(as_int(value)) & 0xFF);
    case PrimitiveKind::UniChar: return "(char32_t)" + std::to_string(uint64_t(as_int(value)) & 0xFFFFFFFF);
    case PrimitiveKind::Address: return "static_cast<char*>(nullptr)";
  }
  return "0";
}

}  // namespace rpp::genc
