// Rules of calls (`simple_call`, `call_args`) and of the remaining one-argument operations that
// are builtins in disguise (`str`, `repr`, `hash`, `id`, `ord`, `hex`, `oct`, `format`). A call
// goes to the annotator (functions, methods, classes) or to the builtin table.
#include "annotator/builtins.h"
#include "annotator/classdef.h"
#include "annotator/description.h"
#include "annotator/python_objects.h"
#include "annotator/union.h"
#include "translator/frontend/object_table.h"

namespace rpp::annotator {

namespace {

CallArgs positional_args(RuleContext& cx, size_t first) {
  CallArgs a;
  for (size_t i = first; i < cx.argc(); ++i) a.positional.push_back(cx.arg(i));
  return a;
}

SomeRef dispatch_call(RuleContext& cx, const SomeRef& callee, const CallArgs& args) {
  if (callee->is(SomeKind::Builtin)) return call_builtin(cx, callee->as<SomeBuiltin>(), args);
  return cx.annotator.call(callee, args);
}

// A call of a constant rlib function the annotator implements: the flow builder bound its
// arguments to the Python signature (defaults filled in, *args packed into a tuple); the rules
// take them unpacked.
void unpack_bound_builtin_call(RuleContext& cx, CallArgs& args) {
  if (!cx.value(0)->is_constant() || !cx.bk.python()) return;
  const auto& c = static_cast<const flow::Constant*>(cx.value(0))->value;
  if (!std::holds_alternative<flow::PyObjectRef>(c)) return;
  frontend::ObjectTable& table = cx.bk.python()->table();
  flow::PyObjectRef ref = std::get<flow::PyObjectRef>(c);
  if (table.kind(ref) != frontend::ObjectKind::Function) return;
  auto info = table.function_info(ref);
  if (info->vararg.empty()) return;
  size_t n = info->argnames.size();
  if (args.positional.size() < n + 1 || !args.positional[n]->is(SomeKind::Tuple)) return;
  std::vector<SomeRef> rest(args.positional.begin() + n + 1, args.positional.end());
  std::vector<SomeRef> items = args.positional[n]->as<SomeTuple>().items;
  args.positional.resize(n);
  args.positional.insert(args.positional.end(), items.begin(), items.end());
  (void)rest;  // keyword-only parameters of rlib builtins are not used by the rules
}

SomeRef simple_call_rule(RuleContext& cx) {
  CallArgs args = positional_args(cx, 1);
  if (cx.arg(0)->is(SomeKind::Builtin)) unpack_bound_builtin_call(cx, args);
  // A call of a constant function: the flow builder bound the arguments to the parameters.
  SomeRef callee = cx.arg(0);
  if (cx.value(0)->is_constant() && callee->is(SomeKind::PBC) && callee->as<SomePBC>().descs().size() == 1 &&
      callee->as<SomePBC>().descs()[0]->kind == DescKind::Function)
    args.prebound = true;
  return dispatch_call(cx, callee, args);
}

SomeRef call_args_rule(RuleContext& cx) {
  CallArgs args = decode_call_args(cx);
  return dispatch_call(cx, cx.arg(0), args);
}

SomeRef str_rule(RuleContext& cx) { return str_of(cx, cx.arg(0), false); }
SomeRef repr_rule(RuleContext& cx) { return str_of(cx, cx.arg(0), true); }

SomeRef hash_rule(RuleContext& cx) {
  SomeRef x = cx.arg(0);
  if (x->is(SomeKind::List) || x->is(SomeKind::Dict))
    throw AnnotatorFailure("unhashable type: " + describe_for_user(x));
  return s_int();
}

SomeRef id_rule(RuleContext& cx) {
  SomeRef x = cx.arg(0);
  if (!x->is(SomeKind::Instance) && !x->is(SomeKind::List) && !x->is(SomeKind::Dict) && !x->is(SomeKind::PBC))
    throw AnnotatorFailure("id() of " + describe_for_user(x) + " is not supported");
  return s_int();
}

SomeRef ord_rule(RuleContext& cx) {
  SomeRef x = cx.arg(0);
  if (x->is_constant() && x->is(SomeKind::Char)) {
    const std::string& s = std::get<std::string>(*x->constant());
    // Decode the one UTF-8 code point.
    unsigned char c0 = s[0];
    int64_t cp = c0 < 0x80 ? c0 : c0 < 0xE0 ? c0 & 0x1F : c0 < 0xF0 ? c0 & 0x0F : c0 & 0x07;
    for (size_t i = 1; i < s.size(); ++i) cp = (cp << 6) | (static_cast<unsigned char>(s[i]) & 0x3F);
    return const_int(cp);
  }
  if (x->is_str() || x->is(SomeKind::Bytes)) {
    if (x->can_be_none()) throw AnnotatorFailure("ord() of " + describe_for_user(x) + ", which may be None");
    return s_nonneg_int();
  }
  throw AnnotatorFailure("ord() expected a character, not " + describe_for_user(x));
}

SomeRef int_to_text_rule(RuleContext& cx) {
  SomeRef x = cx.arg(0);
  if (!x->is_integer())
    throw AnnotatorFailure(cx.op.opname + "() needs an integer, not " + describe_for_user(x));
  return s_str();
}

SomeRef format_rule(RuleContext& cx) {
  SomeRef x = cx.arg(0), spec = cx.arg(1);
  if (!spec->is_str()) throw AnnotatorFailure("format spec must be a str, not " + describe_for_user(spec));
  if (spec->is_constant() && std::get<std::string>(*spec->constant()).empty()) return str_of(cx, x, false);
  warn_if_bool_in_int(cx, x);
  if (x->is(SomeKind::Bytes))
    throw AnnotatorFailure("formatting bytes is not RPython (it would print b'...'): decode it first");
  if (!x->is_number() && !x->is_str())
    throw AnnotatorFailure("format() with a spec of " + describe_for_user(x) + " is not supported");
  return s_str();
}

}  // namespace

void add_call_rules(RuleTable& t) {
  t["simple_call"] = simple_call_rule;
  t["call_args"] = call_args_rule;
  t["str"] = str_rule;
  t["repr"] = repr_rule;
  t["hash"] = hash_rule;
  t["id"] = id_rule;
  t["ord"] = ord_rule;
  t["hex"] = int_to_text_rule;
  t["oct"] = int_to_text_rule;
  t["format"] = format_rule;
}

}  // namespace rpp::annotator
