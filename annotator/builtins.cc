// The rule table of operations and of builtins, with the helpers every rule shares: looking up a
// builtin or a method, converting values to text (str()/repr()/print/%s), argument counts.
#include "annotator/builtins.h"

#include "annotator/classdef.h"
#include "annotator/description.h"
#include "annotator/listdef.h"
#include "annotator/dictdef.h"
#include "annotator/union.h"

namespace rpp::annotator {

namespace {

const RuleTable& rule_table() {
  static const RuleTable table = [] {
    RuleTable t;
    add_arithmetic_rules(t);
    add_comparison_rules(t);
    add_container_rules(t);
    add_attribute_rules(t);
    add_call_rules(t);
    add_misc_rules(t);
    return t;
  }();
  return table;
}

const BuiltinTable& builtin_table() {
  static const BuiltinTable table = [] {
    BuiltinTable t;
    add_builtin_functions(t);
    add_builtin_methods(t);
    add_rlib_functions(t);
    return t;
  }();
  return table;
}

// Values whose text is the same in both worlds (no addresses, no b'...').
void check_printable(RuleContext& cx, const SomeRef& x, bool repr, int depth) {
  switch (x->kind()) {
    case SomeKind::Bool:
    case SomeKind::Integer:
    case SomeKind::Float:
    case SomeKind::Char:
    case SomeKind::Str:
    case SomeKind::None:
    case SomeKind::Impossible:
      return;
    case SomeKind::Bytes:
      throw AnnotatorFailure(std::string(repr ? "repr()" : "str()") + " of bytes is not RPython (it would print "
                             "b'...'): decode it first, e.g. b.decode('utf-8')");
    case SomeKind::List:
      check_printable(cx, x->as<SomeList>().listdef->read_item(cx.position()), true, depth + 1);
      return;
    case SomeKind::Tuple:
      for (const auto& i : x->as<SomeTuple>().items) check_printable(cx, i, true, depth + 1);
      return;
    case SomeKind::Dict: {
      DictDef* d = x->as<SomeDict>().dictdef;
      check_printable(cx, d->read_key(cx.position()), true, depth + 1);
      check_printable(cx, d->read_value(cx.position()), true, depth + 1);
      return;
    }
    case SomeKind::Instance:
      if (depth == 0) return;  // handled by the caller
      throw AnnotatorFailure("converting a container of instances (" + describe_for_user(x) +
                             ") to text is not supported: it would print addresses");
    default:
      throw AnnotatorFailure("converting " + describe_for_user(x) + " to text is not supported");
  }
}

}  // namespace

Rule find_rule(std::string_view opname) {
  const auto& t = rule_table();
  auto it = t.find(opname);
  return it == t.end() ? nullptr : it->second;
}

std::string RuleContext::const_str_arg(size_t i) const {
  SomeRef s = arg(i);
  if (!s->is_constant() || !std::holds_alternative<std::string>(*s->constant()))
    throw AnnotatorFailure("`" + op.opname + "` needs a constant name, not " + describe_for_user(s));
  return std::get<std::string>(*s->constant());
}

std::string describe_for_user(const SomeRef& s) { return s ? s->repr() : "nothing"; }

void unsupported(const std::string& what, const SomeRef& a, const SomeRef& b) {
  std::string m = what + " of " + describe_for_user(a);
  if (b) m += " and " + describe_for_user(b);
  throw AnnotatorFailure(m + " is not supported");
}

std::string method_prefix(const SomeRef& r) {
  switch (r->kind()) {
    case SomeKind::Str:
    case SomeKind::Char: return "str";
    case SomeKind::Bytes: return "bytes";
    case SomeKind::List: return "list";
    case SomeKind::Dict: return "dict";
    case SomeKind::PBC: return "pbc";
    case SomeKind::Instance: return "instance";
    case SomeKind::Builder: return "builder";
    default: return "?";
  }
}

bool builtin_type_has_method(const SomeRef& receiver, const std::string& name) {
  return builtin_table().count(method_prefix(receiver) + "." + name) > 0;
}

bool is_builtin_name(const std::string& name) { return builtin_table().count(name) > 0; }

BuiltinRule find_builtin(const SomeBuiltin& b) {
  std::string key = b.receiver && !b.receiver->is(SomeKind::Tuple) && b.name != "slice"
                        ? (b.receiver->is(SomeKind::PBC) || b.receiver->is(SomeKind::Instance)
                               ? b.name
                               : method_prefix(b.receiver) + "." + b.name)
                        : b.name;
  auto it = builtin_table().find(key);
  return it == builtin_table().end() ? nullptr : it->second;
}

std::string builtin_display_name(const SomeBuiltin& b) {
  if (b.receiver && !b.receiver->is(SomeKind::PBC) && !b.receiver->is(SomeKind::Instance))
    return method_prefix(b.receiver) + "." + b.name;
  return b.name;
}

SomeRef call_builtin(RuleContext& cx, const SomeBuiltin& b, const CallArgs& args) {
  BuiltinRule rule = find_builtin(b);
  if (!rule) throw AnnotatorFailure(builtin_display_name(b) + "() is not supported in RPython");
  return rule(cx, b, args);
}

void expect_args(const SomeBuiltin& b, const CallArgs& args, size_t min, size_t max) {
  size_t n = args.positional.size();
  if (n >= min && n <= max) return;
  std::string expected = min == max ? std::to_string(min)
                                    : (max > 8 ? "at least " + std::to_string(min)
                                               : "from " + std::to_string(min) + " to " + std::to_string(max));
  throw AnnotatorFailure(builtin_display_name(b) + "() takes " + expected + " argument" +
                         (max == 1 && min == 1 ? "" : "s") + " (" + std::to_string(n) + " given)");
}

void warn_if_bool_in_int(RuleContext& cx, const SomeRef& x) {
  if (x->is(SomeKind::Integer) && x->as<SomeInteger>().from_bool)
    cx.annotator.warn_here("a value that may be a bool is an int here (" + x->repr() +
                           "): it is printed as a number, 1 or 0, not True or False");
}

SomeRef str_of(RuleContext& cx, const SomeRef& x, bool repr) {
  warn_if_bool_in_int(cx, x);
  if (x->is(SomeKind::Instance)) {
    const auto* cls = x->as<SomeInstance>().classdef;
    const char* special = repr ? "__repr__" : "__str__";
    bool has = false;
    for (const ClassDef* c : cls->mro())
      if (c->desc && (c->desc->members.count(special) || c->desc->members.count("__repr__"))) has = true;
    if (has) {
      SomeRef r = call_special_method(cx, x, cx.bk.class_level_value(const_cast<ClassDef*>(cls), special)
                                                 ? special : "__repr__", {});
      if (!r->is_str() && !r->is(SomeKind::Impossible))
        throw AnnotatorFailure(std::string(special) + " of " + cls->name + " must return a str, not " +
                               describe_for_user(r));
      return s_str();
    }
    if (cx.bk.is_exception_class(cls)) return s_str();
    throw AnnotatorFailure(std::string(repr ? "repr()" : "str()") + " of an instance of " + cls->name +
                           ", whose class defines no __str__ or __repr__, is not supported (it would "
                           "print an address)");
  }
  check_printable(cx, x, repr, 0);
  if (!repr && x->is_constant()) {
    const auto& c = *x->constant();
    if (std::holds_alternative<std::string>(c)) return const_str(std::get<std::string>(c));
    if (std::holds_alternative<int64_t>(c)) return const_str(std::to_string(std::get<int64_t>(c)));
    if (std::holds_alternative<flow::NoneValue>(c)) return const_str("None");
  }
  return s_str();
}

}  // namespace rpp::annotator
