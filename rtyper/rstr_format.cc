// String formatting (rstr.h): a constant `%` format is split at translation time into literal
// text and one helper call per conversion (`format_int`, `format_float`, `format_str` with the
// conversion's spec, `%` included), concatenated; f-string fields are `format(x, spec)`; a
// constant `str.format` is split the same way into literals and fields (`{}`, `{0}`, `{name}`,
// `!r` / `!s`, `:spec`), each field formatted as format(x, spec).
#include "rtyper/rmodel.h"
#include "rtyper/rstr.h"
#include "rtyper/rtuple.h"
#include "rtyper/rtyper.h"

namespace rpp::rtyper {

using namespace lltype;
using annotator::SomeKind;
using flow::Value;

namespace {

struct Conversion {
  std::string literal;  // the text before it
  std::string spec;     // "%-08.3f"; empty for the trailing literal
  char type = 0;
};

std::vector<Conversion> parse_percent_format(Hop& hop, const std::string& format) {
  std::vector<Conversion> out;
  std::string literal;
  for (size_t i = 0; i < format.size(); ++i) {
    if (format[i] != '%') {
      literal += format[i];
      continue;
    }
    if (i + 1 < format.size() && format[i + 1] == '%') {
      literal += '%';
      ++i;
      continue;
    }
    std::string spec = "%";
    size_t j = i + 1;
    while (j < format.size() && std::string("-+ #0").find(format[j]) != std::string::npos) spec += format[j++];
    while (j < format.size() && std::isdigit(static_cast<unsigned char>(format[j]))) spec += format[j++];
    if (j < format.size() && format[j] == '.') {
      spec += format[j++];
      while (j < format.size() && std::isdigit(static_cast<unsigned char>(format[j]))) spec += format[j++];
    }
    while (j < format.size() && (format[j] == 'l' || format[j] == 'h')) ++j;
    if (j >= format.size()) hop.fail("incomplete format in '" + format + "'");
    char type = format[j];
    if (std::string("diuxXoeEfFgGsrc").find(type) == std::string::npos)
      hop.fail(std::string("unsupported format character '") + type + "' in '" + format + "'");
    spec += type;
    out.push_back({literal, spec, type});
    literal.clear();
    i = j;
  }
  out.push_back({literal, "", 0});
  return out;
}

// One formatted value: `spec` is a `%` spec or a format() spec (`percent` says which).
Value* format_value(Hop& hop, Value* x, Repr* r, const annotator::SomeRef& s, std::string spec, char type, bool percent) {
  RTyper& rtyper = hop.rtyper;
  LowLevelOps& ops = hop.llops;
  Repr* ri = rtyper.getrepr(annotator::s_int());
  Repr* rf = rtyper.getrepr(annotator::s_float());
  auto as_text = [&](Value* text) -> Value* {
    if (spec.empty() || spec == "%s") return text;
    return ops.call_helper("format_str", {text, str_constant(ops, spec)});
  };
  if (type == 'r') {
    spec.back() = 's';
    return as_text(to_repr(hop, x, r, s));
  }
  bool number = r->kind() == ReprKind::Integer || r->kind() == ReprKind::Bool || r->kind() == ReprKind::Float;
  if (type == 's' || (!percent && !number) || (percent && type == 'c' && r->kind() == ReprKind::Char)) {
    if (type == 'c') spec.back() = 's';
    return as_text(to_str(hop, x, r, s));
  }
  if (!number) hop.fail("a %" + std::string(1, type) + " format of " + (s ? s->repr() : r->name()));
  bool float_type = std::string("eEfFgG%").find(type) != std::string::npos;
  if (r->kind() == ReprKind::Float || float_type || (!percent && type == 0 && r->kind() == ReprKind::Float))
    return ops.call_helper("format_float", {ops.convert(x, r, rf), str_constant(ops, spec)});
  return ops.call_helper("format_int", {ops.convert(x, r, ri), str_constant(ops, spec)});
}

Value* concat(LowLevelOps& ops, Value* a, Value* b) { return a ? ops.call_helper("str_concat", {a, b}) : b; }

}  // namespace

// "..." % x and "..." % (x, y) with a constant format.
Value* rtype_str_mod(Hop& hop) {
  const flow::ConstValue* c = hop.constant_arg(0);
  const std::string* format = c ? std::get_if<std::string>(c) : nullptr;
  if (!format) hop.fail("% formatting needs a constant format string");
  std::vector<Conversion> parts = parse_percent_format(hop, *format);
  size_t count = parts.size() - 1;
  std::vector<Value*> values;
  std::vector<Repr*> reprs;
  std::vector<annotator::SomeRef> annotations;
  LowLevelOps& ops = hop.llops;
  if (auto* tr = dynamic_cast<TupleRepr*>(hop.args_r[1])) {
    Value* t = hop.arg(1);
    const auto& items_s = hop.args_s[1]->as<annotator::SomeTuple>().items;
    for (size_t i = 0; i < tr->items().size(); ++i) {
      values.push_back(tr->item(ops, t, i));
      reprs.push_back(tr->items()[i]);
      annotations.push_back(items_s[i]);
    }
  } else {
    values.push_back(hop.args_r[1]->is_void() ? nullptr : hop.arg(1));
    reprs.push_back(hop.args_r[1]);
    annotations.push_back(hop.args_s[1]);
  }
  if (values.size() != count)
    hop.fail("the format '" + *format + "' takes " + std::to_string(count) + " values, " +
             std::to_string(values.size()) + " given");
  Value* text = nullptr;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (!parts[i].literal.empty()) text = concat(ops, text, str_constant(ops, parts[i].literal));
    if (i < count) text = concat(ops, text, format_value(hop, values[i], reprs[i], annotations[i], parts[i].spec,
                                                         parts[i].type, true));
  }
  // The format helpers raise (invalid specs) from the middle of the block: they leave the graph.
  if (!text) text = str_constant(ops, "");
  return text;
}

// format(x, spec) with a constant spec (f-string fields).
Value* rtype_format(Hop& hop) {
  const flow::ConstValue* c = hop.constant_arg(1);
  const std::string* spec = c ? std::get_if<std::string>(c) : nullptr;
  if (!spec) hop.fail("format() needs a constant format spec");
  char type = spec->empty() ? 0 : spec->back();
  if (!std::isalpha(static_cast<unsigned char>(type)) && type != '%') type = 0;
  Value* v = format_value(hop, hop.args_r[0]->is_void() ? nullptr : hop.arg(0), hop.args_r[0], hop.args_s[0], *spec,
                          type, false);
  return v;
}

namespace {

struct FormatField {
  std::string literal;     // the text before it
  bool is_field = false;   // false for the trailing literal
  std::string name;        // "" (automatic numbering), a number or a keyword
  char conversion = 0;     // 'r', 's' or 0
  std::string spec;
};

std::vector<FormatField> parse_brace_format(Hop& hop, const std::string& format) {
  std::vector<FormatField> out;
  std::string literal;
  for (size_t i = 0; i < format.size(); ++i) {
    char c = format[i];
    if (c == '}') {
      if (i + 1 < format.size() && format[i + 1] == '}') {
        literal += '}';
        ++i;
        continue;
      }
      hop.fail("single '}' encountered in the format string '" + format + "'");
    }
    if (c != '{') {
      literal += c;
      continue;
    }
    if (i + 1 < format.size() && format[i + 1] == '{') {
      literal += '{';
      ++i;
      continue;
    }
    size_t end = format.find('}', i);
    if (end == std::string::npos) hop.fail("single '{' encountered in the format string '" + format + "'");
    std::string field = format.substr(i + 1, end - i - 1);
    if (field.find('{') != std::string::npos)
      hop.fail("nested fields in the format string '" + format + "' are not supported");
    FormatField f{literal, true};
    literal.clear();
    size_t colon = field.find(':');
    if (colon != std::string::npos) {
      f.spec = field.substr(colon + 1);
      field = field.substr(0, colon);
    }
    size_t bang = field.find('!');
    if (bang != std::string::npos) {
      std::string conv = field.substr(bang + 1);
      if (conv != "r" && conv != "s") hop.fail("unsupported conversion '!" + conv + "' in '" + format + "'");
      f.conversion = conv[0];
      field = field.substr(0, bang);
    }
    if (field.find_first_of(".[") != std::string::npos)
      hop.fail("attribute or item access in the format field '{" + field + "}' is not supported");
    f.name = field;
    out.push_back(f);
    i = end;
  }
  FormatField last;
  last.literal = literal;
  out.push_back(last);
  return out;
}

}  // namespace

Value* rtype_str_format(Hop& hop, const std::vector<size_t>& positional,
                        const std::vector<std::pair<std::string, size_t>>& keywords) {
  auto* bm = static_cast<BuiltinMethodRepr*>(hop.args_r[0]);
  (void)bm;
  const annotator::SomeRef& receiver = hop.args_s[0]->as<annotator::SomeBuiltin>().receiver;
  const std::string* format =
      receiver && receiver->is_constant() ? std::get_if<std::string>(&*receiver->constant()) : nullptr;
  if (!format) hop.fail("str.format() needs a constant format string");
  std::vector<FormatField> fields = parse_brace_format(hop, *format);
  LowLevelOps& ops = hop.llops;
  RTyper& rtyper = hop.rtyper;
  size_t automatic = 0;
  bool numbered = false, unnumbered = false;
  Value* text = nullptr;
  for (const FormatField& f : fields) {
    if (!f.literal.empty()) text = concat(ops, text, str_constant(ops, f.literal));
    if (!f.is_field) continue;
    size_t arg = 0;
    if (f.name.empty()) {
      unnumbered = true;
      if (automatic >= positional.size())
        hop.fail("the format '" + *format + "' needs more than " + std::to_string(positional.size()) + " arguments");
      arg = positional[automatic++];
    } else if (std::isdigit(static_cast<unsigned char>(f.name[0]))) {
      numbered = true;
      size_t k = std::stoul(f.name);
      if (k >= positional.size()) hop.fail("the format field {" + f.name + "} has no argument");
      arg = positional[k];
    } else {
      const size_t* found = nullptr;
      for (const auto& [name, i] : keywords)
        if (name == f.name) found = &i;
      if (!found) hop.fail("the format field {" + f.name + "} has no keyword argument");
      arg = *found;
    }
    if (numbered && unnumbered)
      hop.fail("the format '" + *format + "' mixes automatic and manual field numbering");
    Value* x = hop.args_r[arg]->is_void() ? nullptr : hop.arg(arg);
    Repr* r = hop.args_r[arg];
    annotator::SomeRef s = hop.args_s[arg];
    if (f.conversion) {
      x = f.conversion == 'r' ? to_repr(hop, x, r, s) : to_str(hop, x, r, s);
      r = rtyper.getrepr(annotator::s_str());
      s = annotator::s_str();
    }
    char type = f.spec.empty() ? 0 : f.spec.back();
    if (!std::isalpha(static_cast<unsigned char>(type)) && type != '%') type = 0;
    text = concat(ops, text, format_value(hop, x, r, s, f.spec, type, false));
  }
  // The format helpers raise (invalid specs) from the middle of the block: they leave the graph.
  if (!text) text = str_constant(ops, "");
  return text;
}

}  // namespace rpp::rtyper
