// The flow builder's expressions: names and scopes, operations (folded on constants), and
// control flow inside expressions (and/or, conditional expressions, chained comparisons),
// assignment targets and unpacking.
#include <stdexcept>

#include "translator/flow/flow_builder.h"
#include "translator/flow/operations.h"

namespace rpp::flow {

using namespace rpp::pyast;

void FlowBuilder::error(pyast::Pos pos, const std::string& message) { throw FlowError{pos, message}; }

Constant* FlowBuilder::constant(const ConstValue& value) { return graph_.new_constant(value); }

std::optional<PyObjectRef> FlowBuilder::as_ref(Value* v) const {
  if (!v || !v->is_constant()) return std::nullopt;
  if (auto* r = std::get_if<PyObjectRef>(&static_cast<Constant*>(v)->value)) return *r;
  return std::nullopt;
}

Constant* FlowBuilder::object_constant(const ConstValue& value, pyast::Pos pos) {
  if (auto* ref = std::get_if<PyObjectRef>(&value)) {
    if (space_.kind(*ref) == frontend::ObjectKind::Class) {
      auto cls = objects_.class_info(*ref);
      if (!cls->body_problem.empty()) {
        throw FlowError{pos, "class '" + cls->qualname + "' (" + cls->body_file + ":" +
                                 std::to_string(cls->body_pos.line) + ":" + std::to_string(cls->body_pos.col) +
                                 ") has " + cls->body_problem +
                                 " in its body: class bodies may contain only defs and constant assignments "
                                 "(compute tables at module level)"};
      }
    }
  }
  return constant(value);
}

// ---------------------------------------------------------------- operations

Value* FlowBuilder::op(const std::string& opname, std::vector<Value*> args, pyast::Pos pos) {
  const FlowOpInfo* info = find_flow_op(opname);
  if (!info) throw std::logic_error("flow: unknown operation " + opname);
  std::vector<std::string> cases(info->raises.begin(), info->raises.end());
  return op_with_cases(opname, std::move(args), pos, cases, opname == "next");
}

Value* FlowBuilder::op_with_cases(const std::string& opname, std::vector<Value*> args, pyast::Pos pos,
                                  const std::vector<std::string>& cases, bool force_exception_links) {
  const FlowOpInfo* info = find_flow_op(opname);
  bool all_constant = true;
  for (Value* a : args) all_constant &= a->is_constant();
  if (all_constant && (info->pure() || (info->flags & kInplace) || opname == "getattr")) {
    std::vector<ConstValue> values;
    for (Value* a : args) values.push_back(static_cast<Constant*>(a)->value);
    bool foldable = true;
    for (auto& v : values) foldable &= !std::holds_alternative<std::shared_ptr<const ConstPayload>>(v);
    if (foldable) {
      frontend::FoldResult folded = objects_.fold(opname, values);
      if (folded.status == frontend::FoldResult::Folded) {
        return opname == "getattr" ? object_constant(folded.value, pos) : constant(folded.value);
      }
      if (folded.status == frontend::FoldResult::Error) error(pos, folded.error);
    }
  }
  Variable* result = record(opname, std::move(args), pos);
  static const char* const kBooleanOps[] = {"lt", "le", "eq", "ne", "gt", "ge", "is_", "contains",
                                            "isinstance", "issubtype", "bool"};
  for (const char* b : kBooleanOps)
    if (opname == b) boolean_results_[result] = true;
  if (!cases.empty() && (protected_depth_ > 0 || force_exception_links)) guessexception(cases);
  return result;
}

bool FlowBuilder::truth(Value* v, pyast::Pos pos) {
  if (v->is_constant() && std::holds_alternative<bool>(static_cast<Constant*>(v)->value))
    return std::get<bool>(static_cast<Constant*>(v)->value);
  if (boolean_results_.count(v)) {
    // A comparison's result is a bool already: switch on it directly, once per path.
    auto known = known_truth_.find(v);
    if (known != known_truth_.end()) return known->second;
    bool outcome = guessbool(v);
    known_truth_[v] = outcome;
    return outcome;
  }
  if (v == last_tested_) return last_truth_;
  bool outcome = guessbool(op("bool", {v}, pos));
  last_tested_ = v;
  last_truth_ = outcome;
  return outcome;
}

bool FlowBuilder::exception_match(Value* etype, Value* cls, pyast::Pos pos) {
  auto ref = as_ref(cls);
  if (!ref) error(pos, "an except clause must name exception classes that are constants");
  if (space_.kind(*ref) == frontend::ObjectKind::Tuple) {
    frontend::FoldResult n = objects_.fold("len", {ConstValue{*ref}});
    int64_t count = std::get<int64_t>(n.value);
    for (int64_t i = 0; i < count; ++i) {
      frontend::FoldResult item = objects_.fold("getitem", {ConstValue{*ref}, ConstValue{i}});
      if (exception_match(etype, object_constant(item.value, pos), pos)) return true;
    }
    return false;
  }
  if (space_.kind(*ref) != frontend::ObjectKind::Class)
    error(pos, "an except clause must name exception classes, not " + space_.describe(*ref));
  object_constant(ConstValue{*ref}, pos);
  return guessbool(op("issubtype", {etype, cls}, pos));
}

// ---------------------------------------------------------------- names

Value* FlowBuilder::load_local(const std::string& name, pyast::Pos pos) {
  auto slot = local_slots_.find(name);
  if (slot != local_slots_.end()) {
    Value* v = locals_[slot->second];
    if (is_unbound(v)) {
      Value* cls = constant(space_.builtin("UnboundLocalError"));
      Value* message = constant("cannot access local variable '" + name + "' where it is not associated with a value");
      throw PyRaise{cls, generic_call(cls, {message}, {}, nullptr, pos)};
    }
    if (!v) {
      error(pos, "local variable '" + name +
                     "' may be used before it is assigned (it has no value on some path to here)");
    }
    return v;
  }
  auto free = free_slots_.find(name);
  if (free != free_slots_.end()) {
    const auto& cell = info_->closure.at(free->second);
    if (!cell) error(pos, "free variable '" + name + "' has no value when the function runs");
    return object_constant(*cell, pos);
  }
  auto global = objects_.lookup_global(info_->ref, name);
  if (!global) error(pos, "name '" + name + "' is not defined");
  return object_constant(*global, pos);
}

void FlowBuilder::store_local(const std::string& name, Value* value, pyast::Pos pos) {
  if (declared_global_.count(name))
    error(pos, "assigning to the global '" + name +
                   "' is not RPython: globals are constants of the translated program; keep mutable state "
                   "in an instance (or a prebuilt object's attribute)");
  if (declared_nonlocal_.count(name))
    error(pos, "assigning to the nonlocal '" + name +
                   "' is not RPython: nested functions may only read constants; keep mutable state in an "
                   "instance");
  auto slot = local_slots_.find(name);
  if (slot == local_slots_.end()) throw std::logic_error("flow: no local slot for " + name);
  locals_[slot->second] = value;
}

Value* FlowBuilder::eval_name(const Name& e) { return load_local(e.id, e.pos); }

// ---------------------------------------------------------------- expressions

namespace {

const char* binary_op(BinaryOperator op) {
  switch (op) {
    case BinaryOperator::Add: return "add";
    case BinaryOperator::Sub: return "sub";
    case BinaryOperator::Mult: return "mul";
    case BinaryOperator::Div: return "truediv";
    case BinaryOperator::FloorDiv: return "floordiv";
    case BinaryOperator::Mod: return "mod";
    case BinaryOperator::Pow: return "pow";
    case BinaryOperator::LShift: return "lshift";
    case BinaryOperator::RShift: return "rshift";
    case BinaryOperator::BitOr: return "or_";
    case BinaryOperator::BitXor: return "xor";
    case BinaryOperator::BitAnd: return "and_";
    case BinaryOperator::MatMult: return nullptr;
  }
  return nullptr;
}

bool is_int_float_or_str(const Value* v) {
  if (!v->is_constant()) return false;
  const ConstValue& c = static_cast<const Constant*>(v)->value;
  return std::holds_alternative<int64_t>(c) || std::holds_alternative<double>(c) ||
         std::holds_alternative<std::string>(c) || std::holds_alternative<uint64_t>(c);
}

}  // namespace

Value* FlowBuilder::eval(const Expr& e) {
  switch (e.kind) {
    case ExprKind::Constant:
      return constant(as<pyast::Constant>(e).value);
    case ExprKind::Name:
      return eval_name(as<Name>(e));
    case ExprKind::Attribute:
      return eval_attribute(as<Attribute>(e));
    case ExprKind::Subscript:
      return eval_subscript(as<Subscript>(e));
    case ExprKind::Call:
      return eval_call(as<Call>(e));
    case ExprKind::BinOp: {
      auto& b = as<BinOp>(e);
      const char* opname = binary_op(b.op);
      if (!opname) error(e.pos, "the '@' operator is not RPython");
      Value* left = eval(*b.left);
      Value* right = eval(*b.right);
      return op(opname, {left, right}, e.pos);
    }
    case ExprKind::UnaryOp: {
      auto& u = as<UnaryOp>(e);
      Value* v = eval(*u.operand);
      switch (u.op) {
        case UnaryOperator::Not: return constant(!truth(v, e.pos));
        case UnaryOperator::USub: return op("neg", {v}, e.pos);
        case UnaryOperator::UAdd: return op("pos", {v}, e.pos);
        case UnaryOperator::Invert: return op("invert", {v}, e.pos);
      }
      break;
    }
    case ExprKind::BoolOp:
      return eval_boolop(as<BoolOp>(e));
    case ExprKind::Compare:
      return eval_compare(as<Compare>(e));
    case ExprKind::IfExp: {
      auto& x = as<IfExp>(e);
      return truth(eval(*x.test), x.test->pos) ? eval(*x.body) : eval(*x.orelse);
    }
    case ExprKind::Tuple: {
      std::vector<Value*> items;
      for (auto& item : as<Tuple>(e).elts) {
        if (item->kind == ExprKind::Starred)
          error(item->pos, "starred unpacking of unknown length is not RPython: build the tuple item by item");
        items.push_back(eval(*item));
      }
      return op("newtuple", items, e.pos);
    }
    case ExprKind::List: {
      std::vector<Value*> items;
      for (auto& item : as<List>(e).elts) {
        if (item->kind == ExprKind::Starred)
          error(item->pos, "starred unpacking of unknown length is not RPython: use list concatenation (a + b)");
        items.push_back(eval(*item));
      }
      return op("newlist", items, e.pos);
    }
    case ExprKind::Dict: {
      auto& d = as<Dict>(e);
      std::vector<std::pair<Value*, Value*>> items;
      for (size_t i = 0; i < d.values.size(); ++i) {
        if (!d.keys[i]) error(d.values[i]->pos, "'**' in a dict display is not RPython: copy the items one by one");
        Value* key = eval(*d.keys[i]);
        items.push_back({key, eval(*d.values[i])});
      }
      Value* dict = op("newdict", {}, e.pos);
      for (auto& [k, v] : items) op("setitem", {dict, k, v}, e.pos);
      return dict;
    }
    case ExprKind::JoinedStr:
      return eval_joinedstr(as<JoinedStr>(e));
    case ExprKind::FormattedValue:
      break;
    case ExprKind::Lambda:
      return eval_lambda(as<Lambda>(e));
    case ExprKind::Set:
      error(e.pos, "set literals are not RPython: use a dict with the elements as keys");
    case ExprKind::SetComp:
      error(e.pos, "set comprehensions are not RPython: build a dict with the elements as keys");
    case ExprKind::GeneratorExp:
      error(e.pos, "generator expressions are not RPython: use a list comprehension [...]");
    case ExprKind::ListComp:
    case ExprKind::DictComp:
      error(e.pos, "a comprehension in this position is not supported: assign it to a variable first");
    case ExprKind::NamedExpr:
      error(e.pos, "assignment expressions (:=) are not RPython: assign in a statement of its own");
    case ExprKind::Yield:
    case ExprKind::YieldFrom:
      error(e.pos, "generators ('yield') are not RPython yet: return a list, or write an iterator class with __next__");
    case ExprKind::Await:
      error(e.pos, "'await' is not RPython");
    case ExprKind::Starred:
      error(e.pos, "starred unpacking of unknown length is not RPython");
    case ExprKind::Slice:
      error(e.pos, "a slice outside a subscript");
  }
  error(e.pos, std::string(describe(e.kind)) + " is not supported here");
}

Value* FlowBuilder::eval_attribute(const Attribute& e) {
  Value* obj = eval(*e.value);
  return op("getattr", {obj, constant(e.attr)}, e.pos);
}

Value* FlowBuilder::eval_subscript(const Subscript& e) {
  Value* obj = eval(*e.value);
  if (e.slice->kind == ExprKind::Slice) {
    auto& s = as<Slice>(*e.slice);
    Value* lower = s.lower ? eval(*s.lower) : constant(NoneValue{});
    Value* upper = s.upper ? eval(*s.upper) : constant(NoneValue{});
    if (!s.step) return op("getslice", {obj, lower, upper}, e.pos);
    Value* step = eval(*s.step);
    return op("getitem", {obj, op("newslice", {lower, upper, step}, e.pos)}, e.pos);
  }
  Value* index = eval(*e.slice);
  return op("getitem", {obj, index}, e.pos);
}

Value* FlowBuilder::compare(CmpOperator cmp, Value* a, Value* b, pyast::Pos pos) {
  switch (cmp) {
    case CmpOperator::Eq: return op("eq", {a, b}, pos);
    case CmpOperator::NotEq: return op("ne", {a, b}, pos);
    case CmpOperator::Lt: return op("lt", {a, b}, pos);
    case CmpOperator::LtE: return op("le", {a, b}, pos);
    case CmpOperator::Gt: return op("gt", {a, b}, pos);
    case CmpOperator::GtE: return op("ge", {a, b}, pos);
    case CmpOperator::In: return op("contains", {b, a}, pos);
    case CmpOperator::NotIn: return constant(!truth(op("contains", {b, a}, pos), pos));
    case CmpOperator::Is:
    case CmpOperator::IsNot: {
      if (is_int_float_or_str(a) || is_int_float_or_str(b))
        error(pos, "'is' between ints, floats or strs is not RPython: use '==' (or '!=')");
      Value* same = op("is_", {a, b}, pos);
      return cmp == CmpOperator::Is ? same : constant(!truth(same, pos));
    }
  }
  throw std::logic_error("flow: unknown comparison");
}

Value* FlowBuilder::eval_compare(const Compare& e) {
  Value* left = eval(*e.left);
  Value* result = nullptr;
  for (size_t i = 0; i < e.ops.size(); ++i) {
    Value* right = eval(*e.comparators[i]);
    result = compare(e.ops[i], left, right, e.pos);
    if (i + 1 < e.ops.size() && !truth(result, e.pos)) return result;
    left = right;
  }
  return result;
}

Value* FlowBuilder::eval_boolop(const BoolOp& e) {
  Value* v = nullptr;
  for (size_t i = 0; i < e.values.size(); ++i) {
    v = eval(*e.values[i]);
    if (i + 1 == e.values.size()) break;
    bool t = truth(v, e.values[i]->pos);
    if (e.op == BoolOperator::And ? !t : t) return v;
  }
  return v;
}

Value* FlowBuilder::eval_joinedstr(const JoinedStr& e) {
  Value* result = nullptr;
  for (auto& part : e.values) {
    Value* piece;
    if (part->kind == ExprKind::FormattedValue) {
      auto& f = as<FormattedValue>(*part);
      Value* v = eval(*f.value);
      if (f.conversion == 'r') v = op("repr", {v}, f.pos);
      else if (f.conversion == 'a') error(f.pos, "the !a conversion is not RPython: use !r");
      else if (f.conversion == 's') v = op("str", {v}, f.pos);
      if (f.format_spec) {
        piece = op("format", {v, eval(*f.format_spec)}, f.pos);
      } else {
        piece = f.conversion == -1 ? op("str", {v}, f.pos) : v;
      }
    } else {
      piece = eval(*part);
    }
    result = result ? op("add", {result, piece}, e.pos) : piece;
  }
  return result ? result : constant(std::string());
}

Value* FlowBuilder::eval_lambda(const Lambda& e) {
  std::vector<ConstValue> defaults;
  for (auto& d : e.args.defaults) {
    Value* v = eval(*d);
    if (!v->is_constant()) error(d->pos, "the default values of a lambda must be constants");
    defaults.push_back(static_cast<Constant*>(v)->value);
  }
  std::vector<ConstValue> closure;
  for (auto& name : objects_.nested_freevars(info_->ref, "<lambda>", e.code_line, e.code_index)) {
    Value* v = load_local(name, e.pos);
    if (!v->is_constant())
      error(e.pos, "the lambda uses the variable '" + name +
                       "', which is not a constant here: lambdas may only close over constants");
    closure.push_back(static_cast<Constant*>(v)->value);
  }
  return constant(objects_.make_function(info_->ref, "<lambda>", e.code_line, e.code_index, defaults, {}, closure));
}

// ---------------------------------------------------------------- assignment

std::vector<Value*> FlowBuilder::unpack(Value* value, size_t count, pyast::Pos pos) {
  Value* length = op("len", {value}, pos);
  Value* right = op("eq", {length, constant(static_cast<int64_t>(count))}, pos);
  if (!truth(right, pos)) {
    Value* cls = constant(space_.builtin("ValueError"));
    Value* message = constant(std::string("wrong number of values to unpack (expected ") + std::to_string(count) + ")");
    throw PyRaise{cls, generic_call(cls, {message}, {}, nullptr, pos)};
  }
  std::vector<Value*> items;
  for (size_t i = 0; i < count; ++i) items.push_back(op("getitem", {value, constant(static_cast<int64_t>(i))}, pos));
  return items;
}

void FlowBuilder::assign(const Expr& target, Value* value) {
  switch (target.kind) {
    case ExprKind::Name:
      store_local(as<Name>(target).id, value, target.pos);
      return;
    case ExprKind::Attribute: {
      auto& a = as<Attribute>(target);
      Value* obj = eval(*a.value);
      op("setattr", {obj, constant(a.attr), value}, target.pos);
      return;
    }
    case ExprKind::Subscript: {
      auto& s = as<Subscript>(target);
      Value* obj = eval(*s.value);
      if (s.slice->kind == ExprKind::Slice && !as<Slice>(*s.slice).step) {
        auto& sl = as<Slice>(*s.slice);
        Value* lower = sl.lower ? eval(*sl.lower) : constant(NoneValue{});
        Value* upper = sl.upper ? eval(*sl.upper) : constant(NoneValue{});
        op("setslice", {obj, lower, upper, value}, target.pos);
        return;
      }
      op("setitem", {obj, eval(*s.slice), value}, target.pos);
      return;
    }
    case ExprKind::Tuple:
    case ExprKind::List: {
      const ExprList& elts = target.kind == ExprKind::Tuple ? as<Tuple>(target).elts : as<List>(target).elts;
      for (auto& t : elts)
        if (t->kind == ExprKind::Starred)
          error(t->pos, "starred unpacking of unknown length is not RPython: index the items you need");
      auto items = unpack(value, elts.size(), target.pos);
      for (size_t i = 0; i < elts.size(); ++i) assign(*elts[i], items[i]);
      return;
    }
    case ExprKind::Starred:
      error(target.pos, "starred unpacking of unknown length is not RPython: index the items you need");
    default:
      error(target.pos, "cannot assign to " + std::string(describe(target.kind)));
  }
}

}  // namespace rpp::flow
