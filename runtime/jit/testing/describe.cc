// Address-free descriptions of values (see describe.h).
#include "runtime/jit/testing/describe.h"

#include <bit>
#include <cstdio>
#include <set>

#include "runtime/jit/ir/trace_printer.h"
#include "runtime/layout.h"
#include "runtime/ops.h"

namespace rpp::jit {

namespace {

class Describer {
 public:
  explicit Describer(const TraceNamespace& names) : names_(names) {}

  std::string value(Word w, ValueType type, int depth) {
    switch (type) {
      case ValueType::Int: return std::to_string(static_cast<int64_t>(w));
      case ValueType::Float: {
        double d = std::bit_cast<double>(w);
        if (d != d && w != 0x7ff8000000000000ull) {  // a nan other than the canonical one: its bits
          char buf[40];
          std::snprintf(buf, sizeof buf, "nan(0x%016llx)", static_cast<unsigned long long>(w));
          return buf;
        }
        return format_float(d);
      }
      case ValueType::Ref: return ref(w, depth);
      case ValueType::Void: return "void";
    }
    return "?";
  }

 private:
  std::string field_value(const void* obj, uint32_t offset, uint32_t size, bool is_signed, ValueType type, int depth) {
    Word w;
    if (type == ValueType::Float) w = std::bit_cast<Word>(ops::load<double>(obj, offset));
    else if (size == 8) w = ops::load<uint64_t>(obj, offset);
    else if (size == 4) w = is_signed ? Word(int64_t(ops::load<int32_t>(obj, offset))) : Word(ops::load<uint32_t>(obj, offset));
    else if (size == 2) w = is_signed ? Word(int64_t(ops::load<int16_t>(obj, offset))) : Word(ops::load<uint16_t>(obj, offset));
    else w = is_signed ? Word(int64_t(ops::load<int8_t>(obj, offset))) : Word(ops::load<uint8_t>(obj, offset));
    return value(w, type, depth);
  }

  std::string ref(Word w, int depth) {
    if (w == 0) return "null";
    const void* obj = reinterpret_cast<const void*>(w);
    uint32_t tid = layout::type_id_of(obj);
    if (tid == layout::kTidStrNarrow || tid == layout::kTidStrWide || tid == layout::kTidBytes) {
      std::string s = tid == layout::kTidStrWide ? "u\"" : "\"";
      int64_t n = layout::str_length(obj);
      for (int64_t i = 0; i < n; ++i) {
        char32_t c = layout::str_char_at(obj, i);
        if (c >= 32 && c < 127 && c != '"' && c != '\\') s += static_cast<char>(c);
        else {
          char buf[16];
          std::snprintf(buf, sizeof buf, "\\x{%x}", static_cast<unsigned>(c));
          s += buf;
        }
      }
      return s + "\"";
    }
    if (depth <= 0) return "<...>";
    if (!seen_.insert(w).second) return "<cycle>";
    std::string out;
    for (const auto& d : names_.owned()) {
      if (d->kind == DescrKind::Size && static_cast<const SizeDescr*>(d.get())->type_id == tid && tid != 0) {
        const auto* size = static_cast<const SizeDescr*>(d.get());
        out = size->name + "{";
        bool first = true;
        for (const auto& f : names_.owned()) {
          if (f->kind != DescrKind::Field) continue;
          const auto* fd = static_cast<const FieldDescr*>(f.get());
          if (fd->parent != size) continue;
          if (!first) out += ", ";
          first = false;
          std::string fname = fd->name.substr(fd->name.find('.') + 1);
          out += fname + "=" + field_value(obj, fd->offset, fd->size, fd->is_signed, fd->type, depth - 1);
        }
        out += "}";
        break;
      }
      if (d->kind == DescrKind::Array && static_cast<const ArrayDescr*>(d.get())->type_id == tid && tid != 0) {
        const auto* array = static_cast<const ArrayDescr*>(d.get());
        int64_t n = layout::array_length(obj);
        out = array->name + "[" + std::to_string(n) + "]{";
        for (int64_t i = 0; i < n && i < 16; ++i) {
          if (i) out += ", ";
          uint32_t base = array->base_offset + static_cast<uint32_t>(i) * array->item_size;
          if (array->item_type != ValueType::Void) {
            out += field_value(obj, base, array->item_size, array->is_signed, array->item_type, depth - 1);
            continue;
          }
          out += "(";
          bool first = true;
          for (const auto& f : names_.owned()) {
            if (f->kind != DescrKind::InteriorField) continue;
            const auto* id = static_cast<const InteriorFieldDescr*>(f.get());
            if (id->array != array) continue;
            if (!first) out += ", ";
            first = false;
            out += field_value(obj, base + id->field->offset, id->field->size, id->field->is_signed, id->field->type,
                               depth - 1);
          }
          out += ")";
        }
        if (n > 16) out += ", ...";
        out += "}";
        break;
      }
    }
    seen_.erase(w);
    if (out.empty()) out = "<object of type " + std::to_string(tid) + ">";
    return out;
  }

  const TraceNamespace& names_;
  std::set<Word> seen_;
};

}  // namespace

std::string describe_value(Word value, ValueType type, const TraceNamespace& names, int depth) {
  return Describer(names).value(value, type, depth);
}

std::string describe_exit(const Cpu& cpu, const JitFrame* frame, const std::string& exit_name,
                          const TraceNamespace& names) {
  std::string out = "exit: " + exit_name + "\n";
  const FailDescr* d = frame->descr;
  for (size_t i = 0; i < cpu.num_values(frame); ++i) {
    ValueType t = d->exit_types[i];
    out += "  ";
    out += type_prefix(t);
    out += std::to_string(i) + " = " + describe_value(cpu.value(frame, i), t, names) + "\n";
  }
  if (frame->guard_exc) {
    Word typeptr = ops::load<Word>(frame->guard_exc, layout::kTypeptrOffset);
    const std::string* cls = names.symbol_name(typeptr);
    out += "  exception: " + (cls ? *cls : std::string("<unknown class>")) + "\n";
  }
  return out;
}

}  // namespace rpp::jit
