// The type rules of low-level operations (ll_typecheck.h).
#include "translator/ll/ll_typecheck.h"

#include "rtyper/lltype/operation_table.h"
#include "rtyper/lltype/symbolic.h"
#include "translator/ll/ll_constants.h"

namespace rpp::ll {

using namespace lltype;
using flow::Constant;
using flow::Value;

namespace {

std::string type_name(const LowLevelType* t) { return t ? t->to_string() : "<untyped>"; }

const char* kind_description(char kind) {
  switch (kind) {
    case 'i': return "Signed";
    case 'u': return "Unsigned";
    case 'l': return "SignedLongLong";
    case 'x': return "UnsignedLongLong";
    case 'f': return "Float";
    case 'b': return "Bool";
    case 'c': return "Char";
    case 'w': return "UniChar";
    case 'a': return "Address";
    case 'p': return "a Ptr";
    case 'v': return "a Void constant";
    default: return "any type";
  }
}

bool matches_kind(const Value* v, char kind) {
  if (kind == '*') return true;
  if (!v->concretetype) return false;
  if (kind == 'v') return v->is_constant() && is_void(v->concretetype);
  return op_kind_of(v->concretetype) == kind;
}

const std::string* void_string(const Value* v) {
  auto* c = dynamic_cast<const Constant*>(v);
  if (!c || !is_void(c->concretetype)) return nullptr;
  return std::get_if<std::string>(&c->value);
}

// The struct a Ptr operand points to, or an error.
const Struct* pointed_struct(const Value* v, std::string& error) {
  auto* s = pointee<Struct>(v->concretetype);
  if (!s) error = "expects a Ptr to a struct, got " + type_name(v->concretetype);
  return s;
}

const Array* pointed_array(const Value* v, std::string& error) {
  auto* a = pointee<Array>(v->concretetype);
  if (!a) error = "expects a Ptr to an array, got " + type_name(v->concretetype);
  return a;
}

const StructField* named_field(const Struct* s, const Value* name_arg, std::string& error) {
  const std::string* name = void_string(name_arg);
  if (!name) {
    error = "expects the field name as a Void string constant";
    return nullptr;
  }
  const StructField* f = s->field(*name);
  if (!f) error = s->name() + " has no field '" + *name + "'";
  return f;
}

std::string expect_type(const char* what, const LowLevelType* want, const LowLevelType* got) {
  if (want == got) return "";
  return std::string(what) + " should be " + type_name(want) + ", not " + type_name(got);
}

std::string check_call(const flow::Operation& op, bool indirect) {
  auto* fn = pointee<FuncType>(op.args[0]->concretetype);
  if (!fn) return "the callee should be a Ptr to a function, not " + type_name(op.args[0]->concretetype);
  size_t nargs = op.args.size() - 1 - (indirect ? 1 : 0);
  if (indirect) {
    auto* last = dynamic_cast<const Constant*>(op.args.back());
    if (!last || !is_void(last->concretetype) ||
        !(graph_set_of(last) || std::holds_alternative<flow::NoneValue>(last->value)))
      return "the last operand of indirect_call is the set of graphs it may call ([@f, ...] or none)";
  } else if (op.args[0]->is_variable()) {
    return "direct_call needs a constant callee (use indirect_call)";
  }
  if (nargs != fn->args().size())
    return "the callee takes " + std::to_string(fn->args().size()) + " arguments, " + std::to_string(nargs) + " given";
  for (size_t i = 0; i < nargs; ++i)
    if (op.args[1 + i]->concretetype != fn->args()[i])
      return "argument " + std::to_string(i + 1) + " should be " + type_name(fn->args()[i]) + ", not " +
             type_name(op.args[1 + i]->concretetype);
  if (op.result->concretetype != fn->result())
    return expect_type("the result", fn->result(), op.result->concretetype);
  if (indirect)
    if (auto* set = graph_set_of(static_cast<const Constant*>(op.args.back())))
      for (flow::FunctionGraph* g : set->graphs()) {
        if (!g->startblock) continue;  // not built yet (the LL parser checks it at the end)
        std::vector<flow::Variable*> in = g->startblock ? g->startblock->inputargs : std::vector<flow::Variable*>{};
        bool same = in.size() == fn->args().size() && g->returnblock->inputargs[0]->concretetype == fn->result();
        for (size_t i = 0; same && i < in.size(); ++i) same = in[i]->concretetype == fn->args()[i];
        if (!same) return "graph " + g->name + " in the set does not have the callee's type";
      }
  return "";
}

std::string check_malloc(const flow::Operation& op, bool varsize) {
  const LowLevelType* t = type_constant_of(dynamic_cast<const Constant*>(op.args[0]));
  if (!t) return "the first operand is the type to allocate (<T>)";
  auto* c = dynamic_cast<const ContainerType*>(t);
  if (!c || t->kind() == TypeKind::Func) return "cannot allocate " + type_name(t);
  const std::string* flavor = void_string(op.args[1]);
  if (!flavor || (*flavor != "gc" && *flavor != "raw")) return "the flavor is \"gc\" or \"raw\"";
  if ((*flavor == "gc") != c->is_gc())
    return *flavor == "gc" ? type_name(t) + " is not a GC type (flavor \"raw\")" : type_name(t) + " is a GC type (flavor \"gc\")";
  bool is_var = t->kind() == TypeKind::Array || (as<Struct>(t) && as<Struct>(t)->is_varsize());
  if (varsize && !is_var) return type_name(t) + " is not var-sized (use malloc)";
  if (!varsize && is_var) return type_name(t) + " is var-sized (use malloc_varsize)";
  auto* p = as<Ptr>(op.result->concretetype);
  if (!p || p->to() != c) return "the result should be Ptr(" + type_name(t) + "), not " + type_name(op.result->concretetype);
  return "";
}

}  // namespace

const LowLevelType* interior_type(const LowLevelType* container, const std::vector<Value*>& path, std::string& error) {
  const LowLevelType* t = container;
  for (Value* step : path) {
    if (auto* s = as<Struct>(t)) {
      const StructField* f = named_field(s, step, error);
      if (!f) return nullptr;
      t = f->type;
    } else if (auto* a = as<Array>(t)) {
      if (step->concretetype != &Signed) {
        error = "an index into " + type_name(a) + " should be Signed";
        return nullptr;
      }
      t = a->item();
    } else {
      error = "cannot go inside " + type_name(t);
      return nullptr;
    }
  }
  return t;
}

std::string check_operation(const flow::Operation& op, TypeArena& arena) {
  const OperationInfo* info = find_operation(op.opname);
  if (!info) return "unknown low-level operation '" + op.opname + "'";
  size_t fixed = info->fixed_operand_count();
  if (info->variadic() ? op.args.size() < fixed : op.args.size() != fixed)
    return op.opname + " takes " + (info->variadic() ? "at least " : "") + std::to_string(fixed) + " operand" +
           (fixed == 1 ? "" : "s") + ", " + std::to_string(op.args.size()) + " given";
  for (Value* a : op.args)
    if (!a->concretetype) return "an operand has no type";
  if (!op.result || !op.result->concretetype) return "the result has no type";
  for (size_t i = 0; i < fixed; ++i)
    if (!matches_kind(op.args[i], info->operands[i]))
      return "operand " + std::to_string(i + 1) + " of " + op.opname + " should be " +
             kind_description(info->operands[i]) + ", not " + type_name(op.args[i]->concretetype);
  char rk = info->result[0];
  if (rk != '*' && !(rk == 'v' ? is_void(op.result->concretetype) : op_kind_of(op.result->concretetype) == rk))
    return "the result of " + op.opname + " should be " + kind_description(rk) + ", not " +
           type_name(op.result->concretetype);

  std::string error;
  const std::string& name = op.opname;
  const LowLevelType* result = op.result->concretetype;
  if (name == "direct_call") return check_call(op, false);
  if (name == "indirect_call") return check_call(op, true);
  if (name == "malloc") return check_malloc(op, false);
  if (name == "malloc_varsize") return check_malloc(op, true);
  if (name == "same_as" || name == "hint") return expect_type("the result", op.args[0]->concretetype, result);
  if (name == "getfield" || name == "setfield" || name == "bare_setfield" || name == "getsubstruct") {
    const Struct* s = pointed_struct(op.args[0], error);
    if (!s) return name + " " + error;
    const StructField* f = named_field(s, op.args[1], error);
    if (!f) return error;
    bool inlined = f->type->is_container();
    if (name == "getsubstruct") {
      if (!inlined) return "field '" + f->name + "' is not an inlined struct or array (use getfield)";
      auto* p = as<Ptr>(result);
      if (!p || p->to() != f->type) return "the result should be Ptr(" + type_name(f->type) + ")";
      return "";
    }
    if (inlined) return "field '" + f->name + "' is inlined: use getsubstruct / getinteriorfield";
    if (name == "getfield") return expect_type("the result", f->type, result);
    return expect_type("the value", f->type, op.args[2]->concretetype);
  }
  if (name == "getarrayitem" || name == "setarrayitem" || name == "bare_setarrayitem" || name == "getarraysubstruct") {
    const Array* a = pointed_array(op.args[0], error);
    if (!a) return name + " " + error;
    if (name == "getarraysubstruct") {
      auto* p = as<Ptr>(result);
      if (!p || p->to() != a->item()) return "the result should be Ptr(" + type_name(a->item()) + ")";
      return "";
    }
    if (a->item()->is_container()) return "the items of " + type_name(a) + " are structs: use getinteriorfield";
    if (name == "getarrayitem") return expect_type("the result", a->item(), result);
    return expect_type("the value", a->item(), op.args[2]->concretetype);
  }
  if (name == "getarraysize") {
    const Array* a = pointed_array(op.args[0], error);
    if (!a) return name + " " + error;
    if (a->hints().nolength) return type_name(a) + " has no length";
    return "";
  }
  if (name == "getinteriorfield" || name == "setinteriorfield" || name == "getinteriorarraysize") {
    auto* p = as<Ptr>(op.args[0]->concretetype);
    if (!p) return name + " expects a Ptr, got " + type_name(op.args[0]->concretetype);
    bool set = name == "setinteriorfield";
    std::vector<Value*> path(op.args.begin() + 1, op.args.end() - (set ? 1 : 0));
    if (set && op.args.size() < 2) return "setinteriorfield needs a value";
    const LowLevelType* t = interior_type(p->to(), path, error);
    if (!t) return error;
    if (name == "getinteriorarraysize") {
      if (!as<Array>(t)) return "the path does not lead to an array";
      return "";
    }
    if (t->is_container()) return "the path leads to an inlined " + type_name(t) + ", not a value";
    return set ? expect_type("the value", t, op.args.back()->concretetype) : expect_type("the result", t, result);
  }
  if (name == "cast_pointer") {
    auto* from = as<Ptr>(op.args[0]->concretetype);
    auto* to = as<Ptr>(result);
    if (!castable(from, to))
      return "cannot cast_pointer from " + type_name(from) + " to " + type_name(to) +
             " (not related by first-field inheritance)";
    return "";
  }
  if (name == "cast_opaque_ptr") {
    auto* from = as<Ptr>(op.args[0]->concretetype);
    auto* to = as<Ptr>(result);
    if (from->is_gc() != to->is_gc()) return "cast_opaque_ptr keeps GC-ness";
    if (!as<OpaqueType>(from->to()) && !as<OpaqueType>(to->to())) return "cast_opaque_ptr goes to or from an opaque pointer";
    return "";
  }
  if (name == "ptr_eq" || name == "ptr_ne") {
    if (op.args[0]->concretetype != op.args[1]->concretetype)
      return "comparing pointers of different types: " + type_name(op.args[0]->concretetype) + " and " +
             type_name(op.args[1]->concretetype);
    return "";
  }
  if (name == "str_len" || name == "str_getitem" || name == "str_is_wide") {
    // bytes have the layout of a narrow str (runtime/layout.h): the same operations read them.
    auto* s = pointee<Struct>(op.args[0]->concretetype);
    if (!s || (s->name() != "rpy_string" && s->name() != "rpy_bytes"))
      return name + " expects a Ptr(rpy_string) or Ptr(rpy_bytes)";
    return "";
  }
  (void)arena;
  return "";
}

std::vector<std::string> check_ll_graph(const flow::FunctionGraph& graph, TypeArena& arena) {
  std::vector<std::string> problems;
  auto blocks = graph.iterblocks();
  for (size_t b = 0; b < blocks.size(); ++b) {
    const flow::Block* block = blocks[b];
    for (size_t i = 0; i < block->operations.size(); ++i) {
      std::string e = check_operation(block->operations[i], arena);
      if (!e.empty())
        problems.push_back(graph.name + ": block " + std::to_string(b) + ", operation " + std::to_string(i) + " (" +
                           block->operations[i].opname + "): " + e);
    }
    for (auto& link : block->exits) {
      if (link->args.size() != link->target->inputargs.size()) {
        problems.push_back(graph.name + ": block " + std::to_string(b) + ": a link passes " +
                           std::to_string(link->args.size()) + " values to a block taking " +
                           std::to_string(link->target->inputargs.size()));
        continue;
      }
      for (size_t k = 0; k < link->args.size(); ++k)
        if (link->args[k]->concretetype != link->target->inputargs[k]->concretetype)
          problems.push_back(graph.name + ": block " + std::to_string(b) + ": link argument " + std::to_string(k + 1) +
                             " is " + type_name(link->args[k]->concretetype) + ", the target expects " +
                             type_name(link->target->inputargs[k]->concretetype));
    }
  }
  return problems;
}

}  // namespace rpp::ll
