// Static objects as C++ definitions (static_data_writer.h).
#include "translator/genc/static_data_writer.h"

#include <cstdio>

#include "rtyper/lltype/memory_layout.h"
#include "runtime/rlib/str_hash.h"
#include "translator/diagnostics.h"

namespace rpp::genc {

using namespace lltype;

namespace {

// An int64_t initializer for any value (INT64_MIN has no literal).
std::string hex_int64(int64_t v) {
  char text[40];
  std::snprintf(text, sizeof text, "int64_t(0x%016llxULL)", static_cast<unsigned long long>(v));
  return text;
}

class StaticDataWriter {
 public:
  StaticDataWriter(Emitter& emitter, UnitUses& uses) : e_(emitter), uses_(uses) {}

  std::string write() {
    std::string types, declarations, definitions;
    for (const auto& object : e_.static_data().objects()) {
      const StaticObject& o = *object;
      std::string type = object_type(o, types);
      std::string name = e_.data_name(&o);
      declarations += "extern \"C\" " + type + " " + name + ";\n";
      definitions += "alignas(8) " + type + " " + name + " = " + initializer(o, o.type(), o.type()->is_gc() ? header(o.type(), o) : "") + ";\n";
    }
    return types + "\n" + declarations + "\n" + definitions;
  }

 private:
  Emitter& e_;
  UnitUses& uses_;

  std::string ctype(const LowLevelType* t) { return e_.type_name(t, uses_); }

  std::string header(const ContainerType* t, const StaticObject& o) {
    uint32_t tid = e_.type_ids().id(t);
    if (o.is_str()) {
      bool wide = false;
      for (char32_t c : o.text())
        if (c >= 256) wide = true;
      tid = wide ? layout::kTidStrWide : layout::kTidStrNarrow;
    }
    // Prebuilt objects are never moved or freed; the first store of a GC pointer into one takes
    // the write barrier, which remembers it (--gc=gen; Boehm ignores the flag).
    return "{" + std::to_string(tid) + ", rpp::layout::kGcFlagPrebuilt | rpp::layout::kGcFlagTrackYoungPtrs}";
  }

  // Item count of the sized array type of a var-sized object (Char arrays keep a zero byte).
  static size_t sized_count(const Array* a, size_t length) {
    return length + (a->item() == &Char ? 1 : 0);
  }

  // The C++ type of the object: its struct, or a sized struct for a var-sized one.
  std::string object_type(const StaticObject& o, std::string& types) {
    const ContainerType* t = o.type();
    if (o.is_str()) {
      bool wide = false;
      for (char32_t c : o.text())
        if (c >= 256) wide = true;
      std::string z = "Z_" + e_.data_name(&o);
      types += "struct " + z + " { rpp::layout::GcHeader hdr; int64_t hash; int64_t length; " +
               std::string(wide ? "char32_t" : "unsigned char") + " chars[" +
               std::to_string(o.text().size() + (wide ? 0 : 1)) + "]; };\n";
      return z;
    }
    if (auto* a = as<Array>(t)) {
      std::string z = "Z_" + e_.data_name(&o);
      types += "struct " + z + " {";
      if (a->is_gc()) types += " rpp::layout::GcHeader hdr;";
      if (!a->hints().nolength) types += " int64_t length;";
      if (!is_void(a->item()) && o.length())
        types += " " + ctype(a->item()) + " items[" + std::to_string(sized_count(a, o.length())) + "];";
      types += " };\n";
      return z;
    }
    auto* s = as<Struct>(t);
    if (s && s->is_varsize()) {
      const StructField& last = s->fields().back();
      auto* a = as<Array>(last.type);
      if (!a)
        throw UserError("genc: error: static object " + o.name() + ": a var-sized struct whose array is nested deeper");
      const StaticObject* child = o.inlined_if_any(last.name);
      size_t n = child ? child->length() : 0;
      std::string z = "Z_" + e_.data_name(&o);
      types += "struct " + z + " {";
      if (holds_gc_header(s)) types += " rpp::layout::GcHeader hdr;";
      for (const StructField& f : s->fields()) {
        if (is_void(f.type)) continue;
        if (&f == &last) {
          types += " struct {";
          if (!a->hints().nolength) types += " int64_t length;";
          if (!is_void(a->item()) && n) types += " " + ctype(a->item()) + " items[" + std::to_string(sized_count(a, n)) + "];";
          types += " } " + e_.types().field_name(f.name) + ";";
        } else {
          types += " " + ctype(f.type) + " " + e_.types().field_name(f.name) + ";";
        }
      }
      types += " };\n";
      types += "static_assert(offsetof(" + z + ", " + e_.types().field_name(last.name) + ") == " +
               std::to_string(field_offset(s, last.name)) + ");\n";
      return z;
    }
    return ctype(t);
  }

  std::string value(const flow::ConstValue& v, const LowLevelType* t) { return e_.constant(v, t, uses_); }

  // `hdr`: the GC header of the outermost object, written by whichever part holds it.
  std::string initializer(const StaticObject& o, const ContainerType* t, const std::string& hdr) {
    if (o.is_str()) {
      bool wide = false;
      for (char32_t c : o.text())
        if (c >= 256) wide = true;
      // The hash is computed now, as str_hash would (the runtime never writes into prebuilt objects).
      std::string text = "{" + hdr + ", " + hex_int64(rlib::hash_code_points(o.text())) + ", " +
                         std::to_string(o.text().size()) + ", {";
      for (size_t i = 0; i < o.text().size(); ++i) text += (i ? "," : "") + std::to_string(uint32_t(o.text()[i]));
      return text + "}}";
    }
    if (auto* a = as<Array>(t)) {
      std::string text = "{";
      bool comma = false;
      if (a->is_gc()) {
        text += hdr;
        comma = true;
      }
      if (!a->hints().nolength) {
        text += std::string(comma ? ", " : "") + std::to_string(o.length());
        comma = true;
      }
      if (!is_void(a->item()) && o.length()) {
        text += std::string(comma ? ", " : "") + "{";
        for (size_t i = 0; i < o.length(); ++i) {
          if (i) text += ", ";
          const StaticObject::Slot& slot = o.slots()[i];
          text += slot.inlined ? initializer(*slot.inlined, slot.inlined->type(), "") : value(slot.value, a->item());
        }
        text += "}";
      }
      return text + "}";
    }
    auto* s = as<Struct>(t);
    if (!s) throw UserError("genc: error: static object " + o.name() + " of type " + t->to_string());
    std::string text = "{";
    bool comma = false;
    if (holds_gc_header(s)) {
      text += hdr;
      comma = true;
    }
    for (size_t i = 0; i < s->fields().size(); ++i) {
      const StructField& f = s->fields()[i];
      if (is_void(f.type)) continue;
      text += comma ? ", " : "";
      comma = true;
      const StaticObject::Slot& slot = o.slots()[i];
      if (as<Struct>(f.type) || as<Array>(f.type)) {
        // the parent part (first field) shares the outer object's header
        if (slot.inlined) text += initializer(*slot.inlined, as<ContainerType>(f.type), i == 0 ? hdr : "");
        else text += "{}";
      } else {
        text += value(slot.value, f.type);
      }
    }
    return text + "}";
  }
};

}  // namespace

std::string write_static_data(Emitter& emitter, UnitUses& uses) { return StaticDataWriter(emitter, uses).write(); }

}  // namespace rpp::genc
