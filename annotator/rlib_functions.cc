// The functions of rpython.rlib the translator implements itself (JIT hints, object-model
// operations, typed integers, float formatting, debug helpers) and those of os, math, time and
// sys that RPython programs may call. JIT hints keep their meaning for later stages and do not
// change types; JitDriver markers are checked: exactly the driver's greens and reds, as keywords.
#include <algorithm>

#include "annotator/builtins.h"
#include "annotator/classdef.h"
#include "annotator/description.h"
#include "annotator/dictdef.h"
#include "annotator/listdef.h"
#include "annotator/python_objects.h"
#include "annotator/union.h"

namespace rpp::annotator {

namespace {

const SomeRef& arg(const CallArgs& a, size_t i) { return a.positional[i]; }

void no_keywords(const SomeBuiltin& b, const CallArgs& a) {
  if (!a.keywords.empty() || a.star)
    throw AnnotatorFailure(builtin_display_name(b) + "() takes no keyword arguments");
}

void require(bool ok, const SomeBuiltin& b, const std::string& what, const SomeRef& got) {
  if (!ok) throw AnnotatorFailure(builtin_display_name(b) + "() " + what + ", not " + describe_for_user(got));
}

template <SomeRef (*Result)()>
SomeRef fixed(RuleContext&, const SomeBuiltin& b, const CallArgs& a) {
  (void)b;
  (void)a;
  return Result();
}

SomeRef returns_none_any_args(RuleContext&, const SomeBuiltin&, const CallArgs&) { return s_none(); }

// ---- JIT ----

SomeRef hint_fn(RuleContext&, const SomeBuiltin& b, const CallArgs& a) {
  expect_args(b, a, 1, 1);
  SomeRef x = arg(a, 0);
  bool access_directly = false, fresh = false;
  for (const auto& [k, v] : a.keywords) {
    static const char* known[] = {"promote", "promote_string", "promote_unicode", "access_directly",
                                  "fresh_virtualizable", "force_virtualizable", "force_no_const"};
    if (std::find_if(std::begin(known), std::end(known), [&](const char* n) { return k == n; }) ==
        std::end(known))
      throw AnnotatorFailure("hint(): unknown hint '" + k + "'");
    if (k == "access_directly") access_directly = true;
    if (k == "fresh_virtualizable") fresh = true;
  }
  if ((access_directly || fresh) && x->is(SomeKind::Instance)) {
    const auto& inst = x->as<SomeInstance>();
    InstanceFlags f = inst.flags;
    f.access_directly = f.access_directly || access_directly;
    f.fresh_virtualizable = f.fresh_virtualizable || fresh;
    return std::make_shared<SomeInstance>(inst.classdef, inst.can_be_none(), f);
  }
  return x;
}

SomeRef identity_fn(RuleContext&, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 1, 1);
  return arg(a, 0);
}

SomeRef promote_string_fn(RuleContext&, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 1, 1);
  require(arg(a, 0)->is_str(), b, "needs a str", arg(a, 0));
  return arg(a, 0);
}

SomeRef bool_any_fn(RuleContext&, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 0, 1);
  return s_bool();
}

SomeRef conditional_call_fn(RuleContext& cx, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 2, 16);
  CallArgs inner;
  inner.positional.assign(a.positional.begin() + 2, a.positional.end());
  SomeRef r = cx.annotator.call(arg(a, 1), inner);
  if (b.name == "jit.conditional_call_elidable") return union_of(without_constant(arg(a, 0)), r);
  if (!contains(s_none(), r))
    throw AnnotatorFailure("conditional_call(): the function must return None, not " + describe_for_user(r));
  return s_none();
}

SomeRef record_known_result_fn(RuleContext& cx, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 2, 16);
  CallArgs inner;
  inner.positional.assign(a.positional.begin() + 2, a.positional.end());
  cx.annotator.call(arg(a, 1), inner);
  return s_none();
}

// jit_merge_point / can_enter_jit / loop_header on a JitDriver.
SomeRef jit_marker_fn(RuleContext& cx, const SomeBuiltin& b, const CallArgs& a) {
  if (!a.positional.empty() || a.star)
    throw AnnotatorFailure(b.name + "() takes only keyword arguments: the driver's greens and reds");
  const Desc* driver = b.receiver->as<SomePBC>().descs()[0];
  JitDriverInfo info = cx.bk.python()->jitdriver_info(driver);
  if (b.name == "loop_header") {
    if (!a.keywords.empty()) throw AnnotatorFailure("loop_header() takes no arguments");
    return s_none();
  }
  if (info.autoreds && b.name == "can_enter_jit")
    throw AnnotatorFailure("can_enter_jit() is not allowed with reds='auto'");
  std::vector<std::string> expected;
  for (const auto& g : info.greens) expected.push_back(g.substr(0, g.find('.')));
  if (!info.autoreds)
    for (const auto& r : info.reds) expected.push_back(r);
  std::vector<std::string> given;
  for (const auto& [k, v] : a.keywords) given.push_back(k);
  std::vector<std::string> missing, extra;
  for (const auto& e : expected)
    if (std::find(given.begin(), given.end(), e) == given.end()) missing.push_back(e);
  for (const auto& g : given)
    if (std::find(expected.begin(), expected.end(), g) == expected.end()) extra.push_back(g);
  if (!missing.empty() || !extra.empty()) {
    std::string m = b.name + "() must be given exactly the driver's greens and reds as keywords";
    AnnotatorFailure f(m);
    auto join = [](const std::vector<std::string>& v) {
      std::string s;
      for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
      return s;
    };
    if (!missing.empty()) f.notes.push_back("missing: " + join(missing));
    if (!extra.empty()) f.notes.push_back("not a green or red of the driver: " + join(extra));
    f.notes.push_back("greens: " + join(info.greens) + "; reds: " + (info.autoreds ? "auto" : join(info.reds)));
    throw f;
  }
  // Each keyword must name the live variable it passes (jit_merge_point(pc=pc, ...)).
  const flow::Operation& op = cx.op;
  if (op.opname == "call_args") {
    for (size_t i = 0; i < a.keywords.size(); ++i) {
      const flow::Value* v = op.args[op.args.size() - a.keywords.size() + i];
      const std::string& k = a.keywords[i].first;
      if (v->is_constant() && std::find(info.reds.begin(), info.reds.end(), k) != info.reds.end())
        throw AnnotatorFailure(b.name + "(): the red '" + k + "' is passed a constant, not a live variable");
    }
  }
  for (const auto& [k, v] : a.keywords) {
    if (v->is(SomeKind::None))
      throw AnnotatorFailure(b.name + "(): the variable '" + k + "' is always None");
  }
  for (const auto& vname : info.virtualizables) {
    for (const auto& [k, v] : a.keywords) {
      if (k != vname) continue;
      if (!v->is(SomeKind::Instance) || !v->as<SomeInstance>().classdef->desc ||
          !v->as<SomeInstance>().classdef->desc->has_virtualizable)
        throw AnnotatorFailure(b.name + "(): the virtualizable '" + k +
                               "' must be an instance of a class with _virtualizable_, not " +
                               describe_for_user(v));
    }
  }
  cx.annotator.record_jit_marker(b.name, driver);
  return s_none();
}

SomeRef set_param_fn(RuleContext&, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 2, 3);
  return s_none();
}

// ---- objectmodel ----

SomeRef instantiate_fn(RuleContext& cx, const SomeBuiltin& b, const CallArgs& a) {
  expect_args(b, a, 1, 2);  // instantiate(cls, nonmovable=False)
  SomeRef c = arg(a, 0);
  SomeRef result = s_impossible();
  if (c->is(SomeKind::PBC)) {
    for (const Desc* d : c->as<SomePBC>().descs()) {
      require(d->kind == DescKind::Class, b, "needs a class", c);
      ClassDef* cls = cx.bk.classdef_for(const_cast<ClassDesc*>(&d->as<ClassDesc>()));
      cls->instantiated = true;
      result = union_of(result, std::make_shared<SomeInstance>(cls));
    }
    return result;
  }
  if (c->is(SomeKind::Type) && c->as<SomeType>().base) {
    for (const ClassDef* cls : c->as<SomeType>().base->all_subclasses())
      const_cast<ClassDef*>(cls)->instantiated = true;
    return std::make_shared<SomeInstance>(c->as<SomeType>().base);
  }
  require(false, b, "needs a class", c);
  return nullptr;
}

SomeRef compute_hash_fn(RuleContext&, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 1, 1);
  SomeRef x = arg(a, 0);
  require(!x->is(SomeKind::List) && !x->is(SomeKind::Dict), b, "needs a hashable value", x);
  return s_int();
}

SomeRef identity_hash_fn(RuleContext&, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 1, 1);
  SomeRef x = arg(a, 0);
  require(x->is(SomeKind::Instance) || x->is(SomeKind::None) || x->is(SomeKind::PBC) || x->is(SomeKind::List) ||
              x->is(SomeKind::Dict),
          b, "needs an object", x);
  return s_int();
}

SomeRef newlist_hint_fn(RuleContext& cx, const SomeBuiltin& b, const CallArgs& a) {
  expect_args(b, a, 0, 1);
  if (!a.positional.empty()) require(arg(a, 0)->is_integer(), b, "needs an integer", arg(a, 0));
  return cx.bk.new_list(s_impossible());
}

SomeRef resizelist_hint_fn(RuleContext&, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 2, 2);
  require(arg(a, 0)->is(SomeKind::List), b, "needs a list", arg(a, 0));
  arg(a, 0)->as<SomeList>().listdef->resize();
  return s_none();
}

SomeRef likely_fn(RuleContext&, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 1, 1);
  SomeRef x = arg(a, 0);
  return x->is(SomeKind::Bool) ? x : s_bool();
}

SomeRef r_dict_fn(RuleContext& cx, const SomeBuiltin& b, const CallArgs& a) {
  expect_args(b, a, 2, 2);
  for (const auto& [k, v] : a.keywords)
    if (k != "force_non_null" && k != "simple_hash_eq")
      throw AnnotatorFailure("r_dict() got an unexpected keyword argument '" + k + "'");
  SomeRef eq = arg(a, 0), hash = arg(a, 1);
  require(eq->is(SomeKind::PBC), b, "needs a function as key_eq", eq);
  require(hash->is(SomeKind::PBC), b, "needs a function as key_hash", hash);
  SomeRef d = cx.bk.new_dict(s_impossible(), s_impossible(), true);
  DictKey* key = d->as<SomeDict>().dictdef->key();
  key->eq_function = eq;
  key->hash_function = hash;
  return d;
}

// ---- typed integers ----

SomeRef intmask_fn(RuleContext&, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 1, 1);
  SomeRef x = arg(a, 0);
  require(x->is_integer() || x->is(SomeKind::Float), b, "needs an integer", x);
  return s_int();
}

SomeRef r_uint_fn(RuleContext&, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 0, 1);
  if (!a.positional.empty())
    require(arg(a, 0)->is_number(), b, "needs a number", arg(a, 0));
  return std::make_shared<SomeInteger>(true, IntType::Unsigned);
}

SomeRef r_int_fn(RuleContext&, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 0, 1);
  if (!a.positional.empty())
    require(arg(a, 0)->is_number(), b, "needs a number", arg(a, 0));
  return s_int();
}

SomeRef is_valid_int_fn(RuleContext&, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 1, 1);
  return s_bool();
}

SomeRef float_to_int_fn(RuleContext&, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 1, 1);
  require(arg(a, 0)->is_number(), b, "needs a float", arg(a, 0));
  return s_int();
}

// ---- rfloat ----

SomeRef formatd_fn(RuleContext&, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 3, 4);
  require(arg(a, 0)->is_number(), b, "needs a float", arg(a, 0));
  require(arg(a, 1)->is_str(), b, "needs a format code", arg(a, 1));
  if (b.name == "rfloat.double_to_string")
    return std::make_shared<SomeTuple>(std::vector<SomeRef>{s_str(), s_int()});
  return s_str();
}

SomeRef string_to_float_fn(RuleContext&, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 1, 1);
  require(arg(a, 0)->is_str(), b, "needs a str", arg(a, 0));
  return s_float();
}

SomeRef round_double_fn(RuleContext&, const SomeBuiltin& b, const CallArgs& a) {
  expect_args(b, a, 2, 3);
  require(arg(a, 0)->is_number(), b, "needs a float", arg(a, 0));
  return s_float();
}

// ---- debug ----

SomeRef debug_print_fn(RuleContext& cx, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  for (const auto& s : a.positional) str_of(cx, s, false);
  return s_none();
}

SomeRef never_returns_fn(RuleContext&, const SomeBuiltin&, const CallArgs&) { return s_impossible(); }

SomeRef make_sure_not_resized_fn(RuleContext&, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 1, 1);
  require(arg(a, 0)->is(SomeKind::List), b, "needs a list", arg(a, 0));
  arg(a, 0)->as<SomeList>().listdef->never_resize();
  return s_none();
}

SomeRef ll_assert_fn(RuleContext&, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 2, 2);
  require(arg(a, 1)->is_str(), b, "needs a message string", arg(a, 1));
  return s_none();
}

// ---- os, time, math, sys ----

SomeRef os_write_fn(RuleContext&, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 2, 2);
  require(arg(a, 0)->is_integer(), b, "needs a file descriptor (an int)", arg(a, 0));
  if (arg(a, 1)->is_str())
    throw AnnotatorFailure("os.write() needs bytes, not str (mixing str and bytes): encode it, e.g. s.encode('utf-8')");
  require(arg(a, 1)->is(SomeKind::Bytes) && !arg(a, 1)->can_be_none(), b, "needs bytes", arg(a, 1));
  return s_nonneg_int();
}

SomeRef os_read_fn(RuleContext&, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 2, 2);
  require(arg(a, 0)->is_integer(), b, "needs a file descriptor (an int)", arg(a, 0));
  require(arg(a, 1)->is_integer(), b, "needs a size (an int)", arg(a, 1));
  return s_bytes();
}

SomeRef os_open_fn(RuleContext&, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 2, 3);
  require(arg(a, 0)->is_str() && !arg(a, 0)->can_be_none(), b, "needs a path (a str)", arg(a, 0));
  for (size_t i = 1; i < a.positional.size(); ++i) require(arg(a, i)->is_integer(), b, "needs int flags and mode", arg(a, i));
  return s_nonneg_int();
}

// os.getenv(name[, default]) / os.environ.get(name[, default]): looked up when it runs (at
// module level it ran in CPython: a constant). None when unset unless a str default is given.
SomeRef os_getenv_fn(RuleContext&, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 1, 2);
  require(arg(a, 0)->is_str() && !arg(a, 0)->can_be_none(), b, "needs a variable name (a str)", arg(a, 0));
  if (a.positional.size() == 2) {
    SomeRef d = arg(a, 1);
    require(d->is(SomeKind::None) || d->is_str(), b, "needs a default that is a str or None", d);
    if (d->is_str() && !d->can_be_none()) return s_str();
  }
  return std::make_shared<SomeStr>(true);
}

// os.lseek(fd, pos, how) -> the new position.
SomeRef os_lseek_fn(RuleContext&, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 3, 3);
  for (const auto& s : a.positional) require(s->is_integer(), b, "needs ints (fd, position, whence)", s);
  return s_nonneg_int();
}

SomeRef fd_to_none_fn(RuleContext&, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 1, 1);
  require(arg(a, 0)->is_integer(), b, "needs a file descriptor (an int)", arg(a, 0));
  return s_none();
}

SomeRef float_math_fn(RuleContext&, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 1, 2);
  for (const auto& s : a.positional) require(s->is_number(), b, "needs a number", s);
  return s_float();
}

SomeRef int_math_fn(RuleContext&, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 1, 1);
  require(arg(a, 0)->is_number(), b, "needs a number", arg(a, 0));
  return s_int();
}

SomeRef bool_math_fn(RuleContext&, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 1, 1);
  require(arg(a, 0)->is_number(), b, "needs a number", arg(a, 0));
  return s_bool();
}

SomeRef frexp_fn(RuleContext&, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 1, 1);
  return std::make_shared<SomeTuple>(std::vector<SomeRef>{s_float(), s_int()});
}

SomeRef modf_fn(RuleContext&, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 1, 1);
  return std::make_shared<SomeTuple>(std::vector<SomeRef>{s_float(), s_float()});
}

SomeRef time_fn(RuleContext&, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 0, 0);
  return s_float();
}

SomeRef sleep_fn(RuleContext&, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 1, 1);
  require(arg(a, 0)->is_number(), b, "needs a number", arg(a, 0));
  return s_none();
}

SomeRef exception_init_fn(RuleContext& cx, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 1, 16);
  SomeRef self = arg(a, 0);
  require(self->is(SomeKind::Instance), b, "needs an exception instance", self);
  SomeRef items = s_impossible();
  for (size_t i = 1; i < a.positional.size(); ++i) items = union_of(items, without_constant(arg(a, i)));
  cx.bk.record_exception_args(const_cast<ClassDef*>(self->as<SomeInstance>().classdef), items);
  return s_none();
}

SomeRef stream_write_fn(RuleContext&, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 1, 1);
  require(arg(a, 0)->is_str() && !arg(a, 0)->can_be_none(), b, "needs a str", arg(a, 0));
  return s_nonneg_int();
}

// ---- rstring builders ----

SomeRef new_builder_fn(RuleContext&, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 0, 1);
  if (!a.positional.empty()) require(arg(a, 0)->is_integer(), b, "needs an initial size (an int)", arg(a, 0));
  return std::make_shared<SomeBuilder>(b.name == "rstring.BytesBuilder");
}

bool builder_bytes(const SomeBuiltin& b) { return b.receiver->as<SomeBuilder>().bytes; }

void require_piece(const SomeBuiltin& b, const SomeRef& s) {
  bool ok = builder_bytes(b) ? s->is(SomeKind::Bytes) : s->is_str();
  if (ok && !s->can_be_none()) return;
  if ((builder_bytes(b) && s->is_str()) || (!builder_bytes(b) && s->is(SomeKind::Bytes)))
    throw AnnotatorFailure("mixing str and bytes: " + b.receiver->repr() + "." + b.name + "() of " + s->repr());
  require(false, b, builder_bytes(b) ? "needs bytes" : "needs a str", s);
}

SomeRef builder_append_fn(RuleContext&, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 1, 1);
  require_piece(b, arg(a, 0));
  return s_none();
}

SomeRef builder_append_slice_fn(RuleContext&, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 3, 3);
  require_piece(b, arg(a, 0));
  require(arg(a, 1)->is_integer() && arg(a, 2)->is_integer(), b, "needs integer bounds", arg(a, 1));
  return s_none();
}

SomeRef builder_append_multiple_fn(RuleContext&, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 2, 2);
  require_piece(b, arg(a, 0));
  require(arg(a, 1)->is_integer(), b, "needs a count (an int)", arg(a, 1));
  return s_none();
}

SomeRef builder_build_fn(RuleContext&, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 0, 0);
  return builder_bytes(b) ? s_bytes() : s_str();
}

SomeRef builder_getlength_fn(RuleContext&, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 0, 0);
  return s_nonneg_int();
}

// sys.exit(code) raises SystemExit(code) (rtyper: a helper graph that makes and raises it); the
// code's type joins the type of `e.code` (system_exit_code.h).
SomeRef sys_exit_fn(RuleContext& cx, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 0, 1);
  cx.bk.record_system_exit(a.positional.empty() ? s_none() : arg(a, 0), "sys.exit()");
  return s_impossible();  // never returns
}

}  // namespace

void add_rlib_functions(BuiltinTable& t) {
  t["jit.hint"] = hint_fn;
  t["jit.promote"] = identity_fn;
  t["jit.promote_string"] = promote_string_fn;
  t["jit.promote_unicode"] = promote_string_fn;
  t["jit.we_are_jitted"] = bool_any_fn;
  t["jit.isconstant"] = bool_any_fn;
  t["jit.isvirtual"] = bool_any_fn;
  t["jit.assert_green"] = returns_none_any_args;
  t["jit.current_trace_length"] = fixed<s_int>;
  t["jit.jit_debug"] = returns_none_any_args;
  t["jit.record_exact_class"] = returns_none_any_args;
  t["jit.record_exact_value"] = returns_none_any_args;
  t["jit.record_known_result"] = record_known_result_fn;
  t["jit.conditional_call"] = conditional_call_fn;
  t["jit.conditional_call_elidable"] = conditional_call_fn;
  t["jit.enter_portal_frame"] = returns_none_any_args;
  t["jit.leave_portal_frame"] = returns_none_any_args;
  t["jit.set_param"] = set_param_fn;
  t["jit.set_user_param"] = set_param_fn;
  t["jit.set_param_to_default"] = set_param_fn;
  t["jit_merge_point"] = jit_marker_fn;
  t["can_enter_jit"] = jit_marker_fn;
  t["loop_header"] = jit_marker_fn;
  t["objectmodel.we_are_translated"] = fixed<s_bool>;
  t["objectmodel.instantiate"] = instantiate_fn;
  t["objectmodel.compute_hash"] = compute_hash_fn;
  t["objectmodel.compute_identity_hash"] = identity_hash_fn;
  t["objectmodel.compute_unique_id"] = identity_hash_fn;
  t["objectmodel.current_object_addr_as_int"] = identity_hash_fn;
  t["objectmodel.newlist_hint"] = newlist_hint_fn;
  t["objectmodel.resizelist_hint"] = resizelist_hint_fn;
  t["objectmodel.keepalive_until_here"] = returns_none_any_args;
  t["objectmodel.likely"] = likely_fn;
  t["objectmodel.unlikely"] = likely_fn;
  t["objectmodel.r_dict"] = r_dict_fn;
  t["objectmodel.r_ordereddict"] = r_dict_fn;
  t["rarithmetic.intmask"] = intmask_fn;
  t["rarithmetic.longlongmask"] = intmask_fn;
  t["rarithmetic.widen"] = intmask_fn;
  t["rarithmetic.ovfcheck"] = identity_fn;
  t["rarithmetic.is_valid_int"] = is_valid_int_fn;
  t["rarithmetic.ovfcheck_float_to_int"] = float_to_int_fn;
  t["rarithmetic.ovfcheck_float_to_longlong"] = float_to_int_fn;
  t["rarithmetic.r_uint"] = r_uint_fn;
  t["rarithmetic.r_int"] = r_int_fn;
  t["rfloat.formatd"] = formatd_fn;
  t["rfloat.double_to_string"] = formatd_fn;
  t["rfloat.string_to_float"] = string_to_float_fn;
  t["rfloat.rstring_to_float"] = string_to_float_fn;
  t["rfloat.round_double"] = round_double_fn;
  t["debug.debug_print"] = debug_print_fn;
  t["debug.debug_start"] = returns_none_any_args;
  t["debug.debug_stop"] = returns_none_any_args;
  t["debug.have_debug_prints"] = fixed<s_bool>;
  t["debug.debug_offset"] = fixed<s_int>;
  t["debug.debug_flush"] = returns_none_any_args;
  t["debug.ll_assert"] = ll_assert_fn;
  t["debug.fatalerror"] = never_returns_fn;
  t["debug.fatalerror_notb"] = never_returns_fn;
  t["debug.make_sure_not_resized"] = make_sure_not_resized_fn;
  t["debug.mark_dict_non_null"] = returns_none_any_args;
  t["debug.check_nonneg"] = returns_none_any_args;
  t["debug.check_regular_int"] = returns_none_any_args;
  t["debug.check_list_of_chars"] = returns_none_any_args;
  t["debug.check_annotation"] = returns_none_any_args;
  t["debug.attach_gdb"] = returns_none_any_args;
  t["os.write"] = os_write_fn;
  t["os.read"] = os_read_fn;
  t["os.open"] = os_open_fn;
  t["os.close"] = fd_to_none_fn;
  t["os.getenv"] = os_getenv_fn;
  t["os.environ.get"] = os_getenv_fn;
  t["os.lseek"] = os_lseek_fn;
  t["os.isatty"] = bool_math_fn;
  for (const char* f : {"sqrt", "exp", "log", "log10", "log2", "sin", "cos", "tan", "asin", "acos",
                        "atan", "atan2", "sinh", "cosh", "tanh", "fabs", "pow", "fmod", "hypot",
                        "copysign", "ldexp", "expm1", "log1p", "asinh", "acosh", "atanh", "erf", "erfc",
                        "gamma", "lgamma"})
    t[std::string("math.") + f] = float_math_fn;
  t["math.floor"] = int_math_fn;
  t["math.ceil"] = int_math_fn;
  t["math.trunc"] = int_math_fn;
  t["math.isnan"] = bool_math_fn;
  t["math.isinf"] = bool_math_fn;
  t["math.isfinite"] = bool_math_fn;
  t["math.frexp"] = frexp_fn;
  t["math.modf"] = modf_fn;
  t["time.time"] = time_fn;
  t["time.perf_counter"] = time_fn;
  t["time.monotonic"] = time_fn;
  t["time.process_time"] = time_fn;
  t["time.sleep"] = sleep_fn;
  t["sys.exit"] = sys_exit_fn;
  t["exception.__init__"] = exception_init_fn;
  t["rstring.StringBuilder"] = new_builder_fn;
  t["rstring.UnicodeBuilder"] = new_builder_fn;
  t["rstring.BytesBuilder"] = new_builder_fn;
  t["builder.append"] = builder_append_fn;
  t["builder.append_slice"] = builder_append_slice_fn;
  t["builder.append_multiple_char"] = builder_append_multiple_fn;
  t["builder.build"] = builder_build_fn;
  t["builder.getlength"] = builder_getlength_fn;
  t["sys.stdout.write"] = stream_write_fn;
  t["sys.stderr.write"] = stream_write_fn;
  t["sys.stdout.flush"] = returns_none_any_args;
  t["sys.stderr.flush"] = returns_none_any_args;
}

}  // namespace rpp::annotator
