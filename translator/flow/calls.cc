// The flow builder's calls: special functions folded or turned into operations
// (we_are_translated, isinstance, len, ovfcheck...), calls of constant Python functions with their
// arguments bound to the signature (keywords and defaults resolved at flow time), zero-argument
// super(), and generic calls (simple_call / call_args).
#include <algorithm>
#include <stdexcept>
#include <unordered_map>

#include "translator/flow/call_shape.h"
#include "translator/flow/flow_builder.h"

namespace rpp::flow {

using namespace rpp::pyast;

namespace {

// Builtins that become flow operations: name -> (operation, number of arguments).
const std::unordered_map<std::string, std::pair<const char*, size_t>>& builtin_operations() {
  static const std::unordered_map<std::string, std::pair<const char*, size_t>> table = {
      {"builtins.len", {"len", 1}},         {"builtins.type", {"type", 1}},
      {"builtins.hash", {"hash", 1}},       {"builtins.repr", {"repr", 1}},
      {"builtins.str", {"str", 1}},         {"builtins.bool", {"bool", 1}},
      {"builtins.abs", {"abs", 1}},         {"builtins.ord", {"ord", 1}},
      {"builtins.hex", {"hex", 1}},         {"builtins.oct", {"oct", 1}},
      {"builtins.id", {"id", 1}},           {"builtins.iter", {"iter", 1}},
      {"builtins.next", {"next", 1}},       {"builtins.isinstance", {"isinstance", 2}},
      {"builtins.issubclass", {"issubtype", 2}}, {"builtins.divmod", {"divmod", 2}},
      {"builtins.pow", {"pow", 2}},         {"builtins.getattr", {"getattr", 2}},
      {"builtins.setattr", {"setattr", 3}},
  };
  return table;
}

// Builtins that raise (RPython's builtins_exceptions); other builtins do not raise.
const std::unordered_map<std::string, std::vector<std::string>>& builtin_exceptions() {
  static const std::unordered_map<std::string, std::vector<std::string>> table = {
      {"builtins.int", {"ValueError"}},
      {"builtins.float", {"ValueError"}},
      {"builtins.chr", {"ValueError"}},
      {"builtins.min", {"ValueError"}},  // of an empty list
      {"builtins.max", {"ValueError"}},
  };
  return table;
}

const char* ovf_operation(const Expr& e) {
  if (e.kind == ExprKind::BinOp) {
    switch (as<BinOp>(e).op) {
      case BinaryOperator::Add: return "add_ovf";
      case BinaryOperator::Sub: return "sub_ovf";
      case BinaryOperator::Mult: return "mul_ovf";
      case BinaryOperator::FloorDiv: return "floordiv_ovf";
      case BinaryOperator::Mod: return "mod_ovf";
      case BinaryOperator::LShift: return "lshift_ovf";
      default: return nullptr;
    }
  }
  if (e.kind == ExprKind::UnaryOp && as<UnaryOp>(e).op == UnaryOperator::USub) return "neg_ovf";
  return nullptr;
}

}  // namespace

std::vector<std::string> FlowBuilder::call_exceptions(Value* callee) {
  if (auto ref = as_ref(callee)) {
    const std::string& name = space_.special_name(*ref);
    if (name.rfind("builtins.", 0) == 0) {
      auto it = builtin_exceptions().find(name);
      return it == builtin_exceptions().end() ? std::vector<std::string>{} : it->second;
    }
  }
  // Any exception, SystemExit (outside Exception) included: `finally` and a bare `except:` see it.
  return {"BaseException"};
}

Value* FlowBuilder::generic_call(Value* callee, std::vector<Value*> args,
                                 std::vector<std::pair<std::string, Value*>> keywords, Value* star, pyast::Pos pos) {
  auto cases = call_exceptions(callee);
  auto cls = as_ref(callee);
  if (cls && space_.kind(*cls) != frontend::ObjectKind::Class) cls.reset();
  if (keywords.empty() && !star) {
    args.insert(args.begin(), callee);
    Value* result = op_with_cases("simple_call", std::move(args), pos, cases);
    if (cls) instance_of_[result] = *cls;
    return result;
  }
  std::vector<std::string> names;
  std::vector<Value*> all = {callee};
  for (auto& [name, v] : keywords) names.push_back(name);
  all.push_back(constant(std::shared_ptr<const ConstPayload>(
      std::make_shared<CallShape>(static_cast<int>(args.size()), names, star != nullptr))));
  all.insert(all.end(), args.begin(), args.end());
  for (auto& [name, v] : keywords) all.push_back(v);
  if (star) all.push_back(star);
  Value* result = op_with_cases("call_args", std::move(all), pos, cases);
  if (cls) instance_of_[result] = *cls;
  return result;
}

std::optional<std::vector<Value*>> FlowBuilder::bind_arguments(
    PyObjectRef function, std::vector<Value*> positional, std::vector<std::pair<std::string, Value*>> keywords,
    pyast::Pos pos, Value* bound_self) {
  auto info = objects_.function_info(function);
  const std::string fname = info->qualname + "()";
  if (!info->kwarg.empty()) return std::nullopt;
  if (bound_self) positional.insert(positional.begin(), bound_self);
  const auto& params = info->argnames;
  std::vector<Value*> slots(params.size(), nullptr);
  std::vector<Value*> extra;
  for (size_t i = 0; i < positional.size(); ++i) {
    if (i < slots.size()) slots[i] = positional[i];
    else extra.push_back(positional[i]);
  }
  if (!extra.empty() && info->vararg.empty()) {
    size_t given = positional.size() - (bound_self ? 1 : 0), takes = params.size() - (bound_self ? 1 : 0);
    error(pos, fname + " takes " + std::to_string(takes) + " positional argument" + (takes == 1 ? "" : "s") +
                   " but " + std::to_string(given) + (given == 1 ? " was" : " were") + " given");
  }
  std::vector<Value*> kwonly(info->kwonlyargnames.size(), nullptr);
  for (auto& [name, v] : keywords) {
    auto p = std::find(params.begin(), params.end(), name);
    if (p != params.end()) {
      size_t i = p - params.begin();
      if (slots[i]) error(pos, fname + " got multiple values for argument '" + name + "'");
      slots[i] = v;
      continue;
    }
    auto k = std::find(info->kwonlyargnames.begin(), info->kwonlyargnames.end(), name);
    if (k == info->kwonlyargnames.end()) error(pos, fname + " got an unexpected keyword argument '" + name + "'");
    kwonly[k - info->kwonlyargnames.begin()] = v;
  }
  size_t first_default = params.size() - info->defaults.size();
  for (size_t i = 0; i < slots.size(); ++i) {
    if (slots[i]) continue;
    if (i >= first_default) {
      slots[i] = constant(info->defaults[i - first_default]);
    } else {
      error(pos, fname + " missing required argument '" + params[i] + "'");
    }
  }
  for (size_t i = 0; i < kwonly.size(); ++i) {
    if (kwonly[i]) continue;
    auto d = info->kwdefaults.find(info->kwonlyargnames[i]);
    if (d == info->kwdefaults.end())
      error(pos, fname + " missing required keyword-only argument '" + info->kwonlyargnames[i] + "'");
    kwonly[i] = constant(d->second);
  }
  std::vector<Value*> args = slots;
  if (!info->vararg.empty()) args.push_back(op("newtuple", extra, pos));
  args.insert(args.end(), kwonly.begin(), kwonly.end());
  return args;
}

Value* FlowBuilder::call_function(PyObjectRef function, std::vector<Value*> positional,
                                  std::vector<std::pair<std::string, Value*>> keywords, pyast::Pos pos,
                                  Value* bound_self) {
  auto info = objects_.function_info(function);
  if (info->not_rpython)
    error(pos, "'" + info->qualname + "' is marked not_rpython: translated code cannot call it");
  Value* callee = constant(function);
  auto args = bind_arguments(function, positional, keywords, pos, bound_self);
  if (!args) {
    if (bound_self) positional.insert(positional.begin(), bound_self);
    return generic_call(callee, positional, keywords, nullptr, pos);
  }
  return generic_call(callee, *args, {}, nullptr, pos);
}

Value* FlowBuilder::call_special(const std::string& name, const Call& e, std::vector<Value*>& args,
                                 std::vector<std::pair<std::string, Value*>>& keywords, bool& handled) {
  handled = true;
  if (name == "rpython.rlib.objectmodel.we_are_translated") return constant(true);
  if (name == "builtins.exec" || name == "builtins.eval" || name == "builtins.compile")
    error(e.pos, "'" + name.substr(9) +
                     "' inside translated code is not RPython: generate the code at import time (module level "
                     "code may call exec), so that the function exists before translation");
  if (name == "builtins.globals" || name == "builtins.locals" || name == "builtins.vars")
    error(e.pos, "'" + name.substr(9) + "()' is not RPython");
  if (name == "builtins.super")
    error(e.pos, "super() is only supported as super().method(...) (call a method of the parent class)");
  auto it = builtin_operations().find(name);
  if (it != builtin_operations().end() && keywords.empty() && args.size() == it->second.second) {
    std::string opname = it->second.first;
    if ((opname == "getattr" || opname == "setattr") &&
        !(args[1]->is_constant() && std::holds_alternative<std::string>(static_cast<Constant*>(args[1])->value)))
      error(e.pos, "getattr()/setattr() need a constant attribute name in RPython");
    return op(opname, args, e.pos);
  }
  handled = false;
  return nullptr;
}

Value* FlowBuilder::eval_call(const Call& e) {
  // super().method(...)
  if (e.func->kind == ExprKind::Attribute) {
    auto& attr = as<Attribute>(*e.func);
    if (attr.value->kind == ExprKind::Call) {
      auto& inner = as<Call>(*attr.value);
      if (inner.func->kind == ExprKind::Name && as<Name>(*inner.func).id == "super" &&
          !local_slots_.count("super")) {
        Value* s = eval(*inner.func);
        if (auto ref = as_ref(s); ref && space_.special_name(*ref) == "builtins.super")
          return call_super_method(e, attr, inner);
      }
    }
  }
  Value* callee = eval(*e.func);
  auto ref = as_ref(callee);
  std::string special = ref ? space_.special_name(*ref) : "";
  if (special == "rpython.rlib.rarithmetic.ovfcheck") {
    if (e.args.size() != 1 || !e.keywords.empty()) error(e.pos, "ovfcheck() takes one argument");
    const Expr& arg = *e.args[0];
    const char* opname = ovf_operation(arg);
    if (!opname)
      error(arg.pos, "ovfcheck() must be applied directly to an arithmetic operation: ovfcheck(x + y), "
                     "ovfcheck(x - y), ovfcheck(x * y), ovfcheck(x // y), ovfcheck(x % y), ovfcheck(x << y) "
                     "or ovfcheck(-x)");
    if (arg.kind == ExprKind::BinOp) {
      auto& b = as<BinOp>(arg);
      Value* left = eval(*b.left);
      Value* right = eval(*b.right);
      return op(opname, {left, right}, arg.pos);
    }
    return op(opname, {eval(*as<UnaryOp>(arg).operand)}, arg.pos);
  }

  std::vector<Value*> args;
  Value* star = nullptr;
  for (auto& a : e.args) {
    if (star) error(a->pos, "arguments after *args are not RPython");
    if (a->kind == ExprKind::Starred) {
      Value* v = eval(*as<Starred>(*a).value);
      auto tuple = as_ref(v);
      if (tuple && space_.kind(*tuple) == frontend::ObjectKind::Tuple) {
        auto n = objects_.fold("len", {ConstValue{*tuple}});
        for (int64_t i = 0; i < std::get<int64_t>(n.value); ++i)
          args.push_back(object_constant(objects_.fold("getitem", {ConstValue{*tuple}, ConstValue{i}}).value, a->pos));
      } else {
        star = v;
      }
      continue;
    }
    args.push_back(eval(*a));
  }
  std::vector<std::pair<std::string, Value*>> keywords;
  for (auto& k : e.keywords) {
    if (k.arg.empty()) error(k.pos, "'**' in a call is not RPython: pass the keyword arguments by name");
    keywords.push_back({k.arg, eval(*k.value)});
  }
  if (ref) {
    if (!special.empty()) {
      bool handled = false;
      Value* result = call_special(special, e, args, keywords, handled);
      if (handled) return result;
    }
    frontend::ObjectKind kind = space_.kind(*ref);
    if (kind == frontend::ObjectKind::Function && !star) return call_function(*ref, args, keywords, e.pos);
    if (kind == frontend::ObjectKind::Class && !star && !keywords.empty()) {
      // C(a, k=v): the keywords are bound to __init__'s parameters (self excluded).
      auto init = objects_.fold("getattr", {ConstValue{*ref}, ConstValue{std::string("__init__")}});
      auto* init_ref = std::get_if<PyObjectRef>(&init.value);
      if (init.status == frontend::FoldResult::Folded && init_ref &&
          space_.kind(*init_ref) == frontend::ObjectKind::Function) {
        Value* self = constant(NoneValue{});  // a placeholder for binding
        if (auto bound = bind_arguments(*init_ref, args, keywords, e.pos, self)) {
          bound->erase(bound->begin());
          return generic_call(callee, *bound, {}, nullptr, e.pos);
        }
      }
    }
    if (kind == frontend::ObjectKind::BoundMethod && !star) {
      auto [self, function] = objects_.bound_method(*ref);
      auto fref = std::get_if<PyObjectRef>(&function);
      if (fref && space_.kind(*fref) == frontend::ObjectKind::Function)
        return call_function(*fref, args, keywords, e.pos, object_constant(self, e.pos));
    }
  }
  return generic_call(callee, args, keywords, star, e.pos);
}

Value* FlowBuilder::call_super_method(const Call& e, const Attribute& attr, const Call& super_call) {
  Value* cls;
  Value* self;
  if (!super_call.args.empty()) {
    if (super_call.args.size() != 2) error(super_call.pos, "super() takes no arguments, or a class and an instance");
    cls = eval(*super_call.args[0]);
    self = eval(*super_call.args[1]);
  } else {
    auto free = free_slots_.find("__class__");
    if (free == free_slots_.end() || info_->argnames.empty())
      error(super_call.pos, "super() without arguments works only in a method (a function defined in a class body)");
    cls = load_local("__class__", super_call.pos);
    self = load_local(info_->argnames[0], super_call.pos);
  }
  auto cls_ref = as_ref(cls);
  if (!cls_ref || space_.kind(*cls_ref) != frontend::ObjectKind::Class)
    error(super_call.pos, "super() needs a constant class");
  std::vector<Value*> args;
  for (auto& a : e.args) {
    if (a->kind == ExprKind::Starred) error(a->pos, "*args in a super() call is not supported");
    args.push_back(eval(*a));
  }
  std::vector<std::pair<std::string, Value*>> keywords;
  for (auto& k : e.keywords) {
    if (k.arg.empty()) error(k.pos, "'**' in a call is not RPython: pass the keyword arguments by name");
    keywords.push_back({k.arg, eval(*k.value)});
  }
  frontend::SuperAttribute found = objects_.super_lookup(*cls_ref, attr.attr);
  auto fref = std::get_if<PyObjectRef>(&found.value);
  switch (found.kind) {
    case frontend::SuperAttribute::Function:
      return call_function(*fref, args, keywords, e.pos, self);
    case frontend::SuperAttribute::StaticMethod:
      return call_function(*fref, args, keywords, e.pos);
    case frontend::SuperAttribute::ClassMethod:
      error(attr.pos, "calling a classmethod through super() is not supported: call it on the parent class");
    case frontend::SuperAttribute::Value:
      error(attr.pos, "super()." + attr.attr + " is not a method");
    case frontend::SuperAttribute::Missing:
      break;
  }
  error(attr.pos, "super() of class '" + space_.describe(*cls_ref) + "' has no attribute '" + attr.attr + "'");
}

}  // namespace rpp::flow
