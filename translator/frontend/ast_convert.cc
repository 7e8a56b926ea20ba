// Python `ast` nodes -> pyast nodes, by the class name of each node (CPython 3.11's grammar).
#include "translator/frontend/ast_convert.h"

#include <stdexcept>
#include <string>
#include <unordered_map>

namespace py = pybind11;

namespace rpp::frontend {

namespace {

using namespace rpp::pyast;

std::string class_name(py::handle node) { return py::str(py::type::handle_of(node).attr("__name__")); }

class Converter {
 public:
  explicit Converter(const ConstantConverter& constant) : constant_(constant) {}

  Pos pos(py::handle node) {
    Pos p;
    if (py::hasattr(node, "lineno")) {
      p.line = node.attr("lineno").cast<int>();
      p.col = node.attr("col_offset").cast<int>() + 1;
    }
    return p;
  }

  template <class T>
  std::unique_ptr<T> make(py::handle node) {
    auto n = std::make_unique<T>();
    n->pos = pos(node);
    return n;
  }

  std::string str(py::handle node, const char* field) {
    py::object v = node.attr(field);
    return v.is_none() ? std::string() : v.cast<std::string>();
  }

  ExprPtr expr_or_null(py::handle node) { return node.is_none() ? nullptr : expr(node); }

  ExprList exprs(py::handle list) {
    ExprList out;
    for (py::handle item : list) out.push_back(expr_or_null(item));
    return out;
  }

  StmtList stmts(py::handle list) {
    StmtList out;
    for (py::handle item : list) out.push_back(stmt(item));
    return out;
  }

  Context context(py::handle node) {
    std::string name = class_name(node.attr("ctx"));
    if (name == "Store") return Context::Store;
    if (name == "Del") return Context::Del;
    return Context::Load;
  }

  static BinaryOperator binop(const std::string& name) {
    static const std::unordered_map<std::string, BinaryOperator> ops = {
        {"Add", BinaryOperator::Add}, {"Sub", BinaryOperator::Sub}, {"Mult", BinaryOperator::Mult},
        {"MatMult", BinaryOperator::MatMult}, {"Div", BinaryOperator::Div}, {"Mod", BinaryOperator::Mod},
        {"Pow", BinaryOperator::Pow}, {"LShift", BinaryOperator::LShift}, {"RShift", BinaryOperator::RShift},
        {"BitOr", BinaryOperator::BitOr}, {"BitXor", BinaryOperator::BitXor},
        {"BitAnd", BinaryOperator::BitAnd}, {"FloorDiv", BinaryOperator::FloorDiv}};
    return ops.at(name);
  }

  static CmpOperator cmpop(const std::string& name) {
    static const std::unordered_map<std::string, CmpOperator> ops = {
        {"Eq", CmpOperator::Eq}, {"NotEq", CmpOperator::NotEq}, {"Lt", CmpOperator::Lt},
        {"LtE", CmpOperator::LtE}, {"Gt", CmpOperator::Gt}, {"GtE", CmpOperator::GtE},
        {"Is", CmpOperator::Is}, {"IsNot", CmpOperator::IsNot}, {"In", CmpOperator::In},
        {"NotIn", CmpOperator::NotIn}};
    return ops.at(name);
  }

  std::vector<Comprehension> generators(py::handle list) {
    std::vector<Comprehension> out;
    for (py::handle g : list) {
      Comprehension c;
      c.target = expr(g.attr("target"));
      c.iter = expr(g.attr("iter"));
      c.ifs = exprs(g.attr("ifs"));
      c.is_async = g.attr("is_async").cast<int>() != 0;
      out.push_back(std::move(c));
    }
    return out;
  }

  std::vector<Keyword> keywords(py::handle list) {
    std::vector<Keyword> out;
    for (py::handle k : list) out.push_back(Keyword{str(k, "arg"), expr(k.attr("value")), pos(k)});
    return out;
  }

  static void code_position(py::handle node, int& line, int& index) {
    if (py::hasattr(node, "rpp_code_line")) {
      line = node.attr("rpp_code_line").cast<int>();
      index = node.attr("rpp_code_index").cast<int>();
    }
  }

  Arg arg(py::handle a) { return Arg{a.attr("arg").cast<std::string>(), pos(a)}; }

  Arguments arguments(py::handle a) {
    Arguments out;
    for (py::handle x : a.attr("posonlyargs")) out.posonlyargs.push_back(arg(x));
    for (py::handle x : a.attr("args")) out.args.push_back(arg(x));
    for (py::handle x : a.attr("kwonlyargs")) out.kwonlyargs.push_back(arg(x));
    if (!a.attr("vararg").is_none()) {
      out.has_vararg = true;
      out.vararg = arg(a.attr("vararg"));
    }
    if (!a.attr("kwarg").is_none()) {
      out.has_kwarg = true;
      out.kwarg = arg(a.attr("kwarg"));
    }
    out.defaults = exprs(a.attr("defaults"));
    out.kw_defaults = exprs(a.attr("kw_defaults"));
    return out;
  }

  ExprPtr expr(py::handle node) {
    std::string k = class_name(node);
    if (k == "Name") {
      auto n = make<Name>(node);
      n->id = node.attr("id").cast<std::string>();
      n->ctx = context(node);
      return n;
    }
    if (k == "Constant") {
      auto n = make<Constant>(node);
      n->value = constant_(node.attr("value"));
      return n;
    }
    if (k == "Attribute") {
      auto n = make<Attribute>(node);
      n->value = expr(node.attr("value"));
      n->attr = node.attr("attr").cast<std::string>();
      n->ctx = context(node);
      return n;
    }
    if (k == "Call") {
      auto n = make<Call>(node);
      n->func = expr(node.attr("func"));
      n->args = exprs(node.attr("args"));
      n->keywords = keywords(node.attr("keywords"));
      return n;
    }
    if (k == "BinOp") {
      auto n = make<BinOp>(node);
      n->left = expr(node.attr("left"));
      n->op = binop(class_name(node.attr("op")));
      n->right = expr(node.attr("right"));
      return n;
    }
    if (k == "UnaryOp") {
      auto n = make<UnaryOp>(node);
      std::string op = class_name(node.attr("op"));
      n->op = op == "Not" ? UnaryOperator::Not : op == "USub" ? UnaryOperator::USub
            : op == "UAdd" ? UnaryOperator::UAdd : UnaryOperator::Invert;
      n->operand = expr(node.attr("operand"));
      return n;
    }
    if (k == "BoolOp") {
      auto n = make<BoolOp>(node);
      n->op = class_name(node.attr("op")) == "And" ? BoolOperator::And : BoolOperator::Or;
      n->values = exprs(node.attr("values"));
      return n;
    }
    if (k == "Compare") {
      auto n = make<Compare>(node);
      n->left = expr(node.attr("left"));
      for (py::handle op : node.attr("ops")) n->ops.push_back(cmpop(class_name(op)));
      n->comparators = exprs(node.attr("comparators"));
      return n;
    }
    if (k == "Subscript") {
      auto n = make<Subscript>(node);
      n->value = expr(node.attr("value"));
      n->slice = expr(node.attr("slice"));
      n->ctx = context(node);
      return n;
    }
    if (k == "Slice") {
      auto n = make<Slice>(node);
      n->lower = expr_or_null(node.attr("lower"));
      n->upper = expr_or_null(node.attr("upper"));
      n->step = expr_or_null(node.attr("step"));
      return n;
    }
    if (k == "Tuple" || k == "List") {
      if (k == "Tuple") {
        auto n = make<Tuple>(node);
        n->elts = exprs(node.attr("elts"));
        n->ctx = context(node);
        return n;
      }
      auto n = make<List>(node);
      n->elts = exprs(node.attr("elts"));
      n->ctx = context(node);
      return n;
    }
    if (k == "Dict") {
      auto n = make<Dict>(node);
      n->keys = exprs(node.attr("keys"));
      n->values = exprs(node.attr("values"));
      return n;
    }
    if (k == "Set") {
      auto n = make<Set>(node);
      n->elts = exprs(node.attr("elts"));
      return n;
    }
    if (k == "IfExp") {
      auto n = make<IfExp>(node);
      n->test = expr(node.attr("test"));
      n->body = expr(node.attr("body"));
      n->orelse = expr(node.attr("orelse"));
      return n;
    }
    if (k == "Lambda") {
      auto n = make<Lambda>(node);
      n->args = arguments(node.attr("args"));
      n->body = expr(node.attr("body"));
      code_position(node, n->code_line, n->code_index);
      return n;
    }
    if (k == "ListComp" || k == "SetComp" || k == "GeneratorExp") {
      auto gens = generators(node.attr("generators"));
      auto elt = expr(node.attr("elt"));
      if (k == "ListComp") {
        auto n = make<ListComp>(node);
        n->elt = std::move(elt);
        n->generators = std::move(gens);
        return n;
      }
      if (k == "SetComp") {
        auto n = make<SetComp>(node);
        n->elt = std::move(elt);
        n->generators = std::move(gens);
        return n;
      }
      auto n = make<GeneratorExp>(node);
      n->elt = std::move(elt);
      n->generators = std::move(gens);
      return n;
    }
    if (k == "DictComp") {
      auto n = make<DictComp>(node);
      n->key = expr(node.attr("key"));
      n->value = expr(node.attr("value"));
      n->generators = generators(node.attr("generators"));
      return n;
    }
    if (k == "JoinedStr") {
      auto n = make<JoinedStr>(node);
      n->values = exprs(node.attr("values"));
      return n;
    }
    if (k == "FormattedValue") {
      auto n = make<FormattedValue>(node);
      n->value = expr(node.attr("value"));
      n->conversion = node.attr("conversion").cast<int>();
      n->format_spec = expr_or_null(node.attr("format_spec"));
      return n;
    }
    if (k == "Starred") {
      auto n = make<Starred>(node);
      n->value = expr(node.attr("value"));
      n->ctx = context(node);
      return n;
    }
    if (k == "NamedExpr") {
      auto n = make<NamedExpr>(node);
      n->target = expr(node.attr("target"));
      n->value = expr(node.attr("value"));
      return n;
    }
    if (k == "Await") {
      auto n = make<Await>(node);
      n->value = expr(node.attr("value"));
      return n;
    }
    if (k == "Yield") {
      auto n = make<Yield>(node);
      n->value = expr_or_null(node.attr("value"));
      return n;
    }
    if (k == "YieldFrom") {
      auto n = make<YieldFrom>(node);
      n->value = expr(node.attr("value"));
      return n;
    }
    throw std::runtime_error("unknown expression node " + k);
  }

  std::unique_ptr<FunctionDef> function(py::handle node) {
    auto n = make<FunctionDef>(node);
    n->name = node.attr("name").cast<std::string>();
    n->args = arguments(node.attr("args"));
    n->body = stmts(node.attr("body"));
    n->decorators = exprs(node.attr("decorator_list"));
    n->is_async = class_name(node) == "AsyncFunctionDef";
    n->is_lambda = py::hasattr(node, "is_lambda");
    code_position(node, n->code_line, n->code_index);
    return n;
  }

  // `with A as a, B as b: body` -> nested With statements.
  StmtPtr with(py::handle node, py::handle items, size_t i, bool is_async) {
    py::handle item = items[py::int_(i)];
    auto n = make<With>(node);
    n->context_expr = expr(item.attr("context_expr"));
    n->optional_vars = expr_or_null(item.attr("optional_vars"));
    n->is_async = is_async;
    if (i + 1 < py::len(items))
      n->body.push_back(with(node, items, i + 1, is_async));
    else
      n->body = stmts(node.attr("body"));
    return n;
  }

  std::vector<Alias> aliases(py::handle list) {
    std::vector<Alias> out;
    for (py::handle a : list) out.push_back(Alias{a.attr("name").cast<std::string>(), str(a, "asname"), pos(a)});
    return out;
  }

  StmtPtr stmt(py::handle node) {
    std::string k = class_name(node);
    if (k == "Expr") {
      auto n = make<ExprStmt>(node);
      n->value = expr(node.attr("value"));
      return n;
    }
    if (k == "Assign") {
      auto n = make<Assign>(node);
      n->targets = exprs(node.attr("targets"));
      n->value = expr(node.attr("value"));
      return n;
    }
    if (k == "AugAssign") {
      auto n = make<AugAssign>(node);
      n->target = expr(node.attr("target"));
      n->op = binop(class_name(node.attr("op")));
      n->value = expr(node.attr("value"));
      return n;
    }
    if (k == "AnnAssign") {
      auto n = make<AnnAssign>(node);
      n->target = expr(node.attr("target"));
      n->annotation = expr(node.attr("annotation"));
      n->value = expr_or_null(node.attr("value"));
      return n;
    }
    if (k == "Return") {
      auto n = make<Return>(node);
      n->value = expr_or_null(node.attr("value"));
      return n;
    }
    if (k == "If") {
      auto n = make<If>(node);
      n->test = expr(node.attr("test"));
      n->body = stmts(node.attr("body"));
      n->orelse = stmts(node.attr("orelse"));
      return n;
    }
    if (k == "While") {
      auto n = make<While>(node);
      n->test = expr(node.attr("test"));
      n->body = stmts(node.attr("body"));
      n->orelse = stmts(node.attr("orelse"));
      return n;
    }
    if (k == "For" || k == "AsyncFor") {
      auto n = make<For>(node);
      n->target = expr(node.attr("target"));
      n->iter = expr(node.attr("iter"));
      n->body = stmts(node.attr("body"));
      n->orelse = stmts(node.attr("orelse"));
      n->is_async = k == "AsyncFor";
      return n;
    }
    if (k == "With" || k == "AsyncWith") return with(node, node.attr("items"), 0, k == "AsyncWith");
    if (k == "Try") {
      auto n = make<Try>(node);
      n->body = stmts(node.attr("body"));
      for (py::handle h : node.attr("handlers")) {
        ExceptHandler handler;
        handler.type = expr_or_null(h.attr("type"));
        handler.name = str(h, "name");
        handler.body = stmts(h.attr("body"));
        handler.pos = pos(h);
        n->handlers.push_back(std::move(handler));
      }
      n->orelse = stmts(node.attr("orelse"));
      n->finalbody = stmts(node.attr("finalbody"));
      return n;
    }
    if (k == "Raise") {
      auto n = make<Raise>(node);
      n->exc = expr_or_null(node.attr("exc"));
      n->cause = expr_or_null(node.attr("cause"));
      return n;
    }
    if (k == "Assert") {
      auto n = make<Assert>(node);
      n->test = expr(node.attr("test"));
      n->msg = expr_or_null(node.attr("msg"));
      return n;
    }
    if (k == "Delete") {
      auto n = make<Delete>(node);
      n->targets = exprs(node.attr("targets"));
      return n;
    }
    if (k == "Pass") return make<Pass>(node);
    if (k == "Break") return make<Break>(node);
    if (k == "Continue") return make<Continue>(node);
    if (k == "FunctionDef" || k == "AsyncFunctionDef") return function(node);
    if (k == "ClassDef") {
      auto n = make<ClassDef>(node);
      n->name = node.attr("name").cast<std::string>();
      n->bases = exprs(node.attr("bases"));
      n->keywords = keywords(node.attr("keywords"));
      n->body = stmts(node.attr("body"));
      n->decorators = exprs(node.attr("decorator_list"));
      return n;
    }
    if (k == "Import") {
      auto n = make<Import>(node);
      n->names = aliases(node.attr("names"));
      return n;
    }
    if (k == "ImportFrom") {
      auto n = make<ImportFrom>(node);
      n->module = str(node, "module");
      n->names = aliases(node.attr("names"));
      n->level = node.attr("level").is_none() ? 0 : node.attr("level").cast<int>();
      return n;
    }
    if (k == "Global" || k == "Nonlocal") {
      std::vector<std::string> names;
      for (py::handle x : node.attr("names")) names.push_back(x.cast<std::string>());
      if (k == "Global") {
        auto n = make<Global>(node);
        n->names = std::move(names);
        return n;
      }
      auto n = make<Nonlocal>(node);
      n->names = std::move(names);
      return n;
    }
    if (k == "Match") return make<Match>(node);
    if (k == "TryStar") return make<TryStar>(node);
    throw std::runtime_error("unknown statement node " + k);
  }

 private:
  const ConstantConverter& constant_;
};

}  // namespace

std::shared_ptr<const pyast::FunctionDef> convert_function_ast(py::handle node,
                                                                const ConstantConverter& constant) {
  Converter c(constant);
  return std::shared_ptr<const pyast::FunctionDef>(c.function(node));
}

}  // namespace rpp::frontend
