// Builtin callables: Python's builtin functions and types used as functions (`len`, `range`,
// `int`, ...), the methods of builtin types (`str.split`, `list.append`, ...), and the functions of
// rpython.rlib, os, math, time and sys that the translator implements itself. Each has a rule from
// the argument annotations to the result; SomeBuiltin names which one (methods carry their
// receiver). The tables are filled by builtin_functions.cc, builtin_methods.cc and rlib_functions.cc.
#pragma once
#include <string>
#include <unordered_map>

#include "annotator/op_rules.h"

namespace rpp::annotator {

using BuiltinRule = SomeRef (*)(RuleContext& cx, const SomeBuiltin& self, const CallArgs& args);
using BuiltinTable = std::unordered_map<std::string, BuiltinRule>;

void add_builtin_functions(BuiltinTable& table);
void add_builtin_methods(BuiltinTable& table);  // keys "str.split", "list.append", ...
void add_rlib_functions(BuiltinTable& table);   // keys "jit.promote", "os.write", ...

// Whether `name` is a builtin with a rule ("len", "os.write", "jit.promote", "str.split"...).
bool is_builtin_name(const std::string& name);
// The rule of a builtin (a method is looked up as "<type>.<name>" from its receiver).
BuiltinRule find_builtin(const SomeBuiltin& b);
// "str", "bytes", "list", "dict", "iterator" ... for method keys.
std::string method_prefix(const SomeRef& receiver);

SomeRef call_builtin(RuleContext& cx, const SomeBuiltin& b, const CallArgs& args);
// The arguments of a `call_args` operation (its CallShape says which are keywords / *args).
CallArgs decode_call_args(RuleContext& cx);

// Helpers for builtin rules.
void expect_args(const SomeBuiltin& b, const CallArgs& args, size_t min, size_t max);
std::string builtin_display_name(const SomeBuiltin& b);

// Shared with the operation rules.
SomeRef len_annotation(RuleContext& cx, const SomeRef& c);
SomeRef iter_annotation(RuleContext& cx, const SomeRef& c);
SomeRef next_annotation(RuleContext& cx, const SomeRef& it);
SomeRef contains_annotation(RuleContext& cx, const SomeRef& c, const SomeRef& item);
SomeRef isinstance_annotation(RuleContext& cx, const SomeRef& x, const flow::Variable* v,
                              const SomeRef& classes);
SomeRef str_of(RuleContext& cx, const SomeRef& x, bool repr);
// SEMANTICS.md: a warning when an int that may have been a bool is turned into text.
void warn_if_bool_in_int(RuleContext& cx, const SomeRef& x);
SomeRef call_special_method(RuleContext& cx, const SomeRef& instance, const std::string& name,
                            std::vector<SomeRef> args);

}  // namespace rpp::annotator
