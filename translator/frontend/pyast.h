// A C++ copy of Python's abstract syntax tree (the `ast` module of CPython 3.11), made by the
// frontend from the source of each function the flow builder reads, so that the builder works on
// plain C++ data and py::object never leaves the frontend. Every construct is represented, even
// those that are not RPython: the builder reports those (with their position) only when live code
// reaches them. Constants are flow constants (PyObjectRef for what has no C++ form, such as
// integers beyond 64 bits or Ellipsis).
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "translator/flow/model.h"

namespace rpp::pyast {

// 1-based line and column (the column counts UTF-8 bytes, as CPython's col_offset + 1).
struct Pos {
  int line = 0;
  int col = 0;
};

enum class ExprKind {
  BoolOp, NamedExpr, BinOp, UnaryOp, Lambda, IfExp, Dict, Set, ListComp, SetComp, DictComp,
  GeneratorExp, Await, Yield, YieldFrom, Compare, Call, FormattedValue, JoinedStr, Constant,
  Attribute, Subscript, Starred, Name, List, Tuple, Slice,
};

enum class StmtKind {
  FunctionDef, ClassDef, Return, Delete, Assign, AugAssign, AnnAssign, For, While, If, With,
  Match, Raise, Try, TryStar, Assert, Import, ImportFrom, Global, Nonlocal, Expr, Pass, Break,
  Continue,
};

enum class BinaryOperator { Add, Sub, Mult, MatMult, Div, Mod, Pow, LShift, RShift, BitOr, BitXor, BitAnd, FloorDiv };
enum class UnaryOperator { Invert, Not, UAdd, USub };
enum class BoolOperator { And, Or };
enum class CmpOperator { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };

// How a name is used where it appears (Python's expr_context).
enum class Context { Load, Store, Del };

struct Expr {
  ExprKind kind;
  Pos pos;
  explicit Expr(ExprKind k) : kind(k) {}
  virtual ~Expr() = default;
};
using ExprPtr = std::unique_ptr<Expr>;
using ExprList = std::vector<ExprPtr>;

struct Stmt {
  StmtKind kind;
  Pos pos;
  explicit Stmt(StmtKind k) : kind(k) {}
  virtual ~Stmt() = default;
};
using StmtPtr = std::unique_ptr<Stmt>;
using StmtList = std::vector<StmtPtr>;

template <ExprKind K>
struct ExprOf : Expr {
  static constexpr ExprKind kKind = K;
  ExprOf() : Expr(K) {}
};
template <StmtKind K>
struct StmtOf : Stmt {
  static constexpr StmtKind kKind = K;
  StmtOf() : Stmt(K) {}
};

// Downcasts by kind (the caller has checked `kind`).
template <class T>
const T& as(const Expr& e) { return static_cast<const T&>(e); }
template <class T>
const T& as(const Stmt& s) { return static_cast<const T&>(s); }

// ---- Expressions ----
struct BoolOp : ExprOf<ExprKind::BoolOp> { BoolOperator op; ExprList values; };
struct NamedExpr : ExprOf<ExprKind::NamedExpr> { ExprPtr target, value; };
struct BinOp : ExprOf<ExprKind::BinOp> { ExprPtr left; BinaryOperator op; ExprPtr right; };
struct UnaryOp : ExprOf<ExprKind::UnaryOp> { UnaryOperator op; ExprPtr operand; };
struct IfExp : ExprOf<ExprKind::IfExp> { ExprPtr test, body, orelse; };
struct Dict : ExprOf<ExprKind::Dict> { ExprList keys /* nullptr: **mapping */, values; };
struct Set : ExprOf<ExprKind::Set> { ExprList elts; };
struct Comprehension { ExprPtr target, iter; ExprList ifs; bool is_async = false; };
// ListComp, SetComp, GeneratorExp: elt; DictComp: key and value.
struct ListComp : ExprOf<ExprKind::ListComp> { ExprPtr elt; std::vector<Comprehension> generators; };
struct SetComp : ExprOf<ExprKind::SetComp> { ExprPtr elt; std::vector<Comprehension> generators; };
struct GeneratorExp : ExprOf<ExprKind::GeneratorExp> { ExprPtr elt; std::vector<Comprehension> generators; };
struct DictComp : ExprOf<ExprKind::DictComp> { ExprPtr key, value; std::vector<Comprehension> generators; };
struct Await : ExprOf<ExprKind::Await> { ExprPtr value; };
struct Yield : ExprOf<ExprKind::Yield> { ExprPtr value; /* may be null */ };
struct YieldFrom : ExprOf<ExprKind::YieldFrom> { ExprPtr value; };
struct Compare : ExprOf<ExprKind::Compare> { ExprPtr left; std::vector<CmpOperator> ops; ExprList comparators; };
struct Keyword { std::string arg; /* empty: **mapping */ ExprPtr value; Pos pos; };
struct Call : ExprOf<ExprKind::Call> { ExprPtr func; ExprList args; std::vector<Keyword> keywords; };
// conversion: -1 none, 's', 'r', 'a'; format_spec: a JoinedStr or nullptr.
struct FormattedValue : ExprOf<ExprKind::FormattedValue> { ExprPtr value; int conversion = -1; ExprPtr format_spec; };
struct JoinedStr : ExprOf<ExprKind::JoinedStr> { ExprList values; };
struct Constant : ExprOf<ExprKind::Constant> { flow::ConstValue value; };
struct Attribute : ExprOf<ExprKind::Attribute> { ExprPtr value; std::string attr; Context ctx = Context::Load; };
struct Subscript : ExprOf<ExprKind::Subscript> { ExprPtr value, slice; Context ctx = Context::Load; };
struct Starred : ExprOf<ExprKind::Starred> { ExprPtr value; Context ctx = Context::Load; };
struct Name : ExprOf<ExprKind::Name> { std::string id; Context ctx = Context::Load; };
struct List : ExprOf<ExprKind::List> { ExprList elts; Context ctx = Context::Load; };
struct Tuple : ExprOf<ExprKind::Tuple> { ExprList elts; Context ctx = Context::Load; };
struct Slice : ExprOf<ExprKind::Slice> { ExprPtr lower, upper, step; /* each may be null */ };

// ---- Function signatures ----
struct Arg { std::string name; Pos pos; };
struct Arguments {
  std::vector<Arg> posonlyargs, args, kwonlyargs;
  bool has_vararg = false, has_kwarg = false;
  Arg vararg, kwarg;
  ExprList defaults;      // for the last positional parameters
  ExprList kw_defaults;   // one per kwonly parameter, nullptr when it has none
};

// code_line / code_index: which code object of the enclosing function this is (its first line,
// decorators included, and its rank among the functions of the same name starting there).
struct Lambda : ExprOf<ExprKind::Lambda> { Arguments args; ExprPtr body; int code_line = 0, code_index = 0; };

// ---- Statements ----
struct FunctionDef : StmtOf<StmtKind::FunctionDef> {
  std::string name;
  Arguments args;
  StmtList body;
  ExprList decorators;
  bool is_async = false;
  bool is_lambda = false;  // a lambda, given the body `return EXPR`
  int code_line = 0, code_index = 0;  // as Lambda's
};
struct ClassDef : StmtOf<StmtKind::ClassDef> { std::string name; ExprList bases; std::vector<Keyword> keywords; StmtList body; ExprList decorators; };
struct Return : StmtOf<StmtKind::Return> { ExprPtr value; /* may be null */ };
struct Delete : StmtOf<StmtKind::Delete> { ExprList targets; };
struct Assign : StmtOf<StmtKind::Assign> { ExprList targets; ExprPtr value; };
struct AugAssign : StmtOf<StmtKind::AugAssign> { ExprPtr target; BinaryOperator op; ExprPtr value; };
struct AnnAssign : StmtOf<StmtKind::AnnAssign> { ExprPtr target, annotation, value; /* value may be null */ };
struct For : StmtOf<StmtKind::For> { ExprPtr target, iter; StmtList body, orelse; bool is_async = false; };
struct While : StmtOf<StmtKind::While> { ExprPtr test; StmtList body, orelse; };
struct If : StmtOf<StmtKind::If> { ExprPtr test; StmtList body, orelse; };
// `with A as a, B as b:` is converted into nested With statements of one item each.
struct With : StmtOf<StmtKind::With> { ExprPtr context_expr, optional_vars; StmtList body; bool is_async = false; };
struct Match : StmtOf<StmtKind::Match> {};
struct Raise : StmtOf<StmtKind::Raise> { ExprPtr exc, cause; /* each may be null */ };
struct ExceptHandler { ExprPtr type; /* null: bare except */ std::string name; StmtList body; Pos pos; };
struct Try : StmtOf<StmtKind::Try> { StmtList body; std::vector<ExceptHandler> handlers; StmtList orelse, finalbody; };
struct TryStar : StmtOf<StmtKind::TryStar> {};
struct Assert : StmtOf<StmtKind::Assert> { ExprPtr test, msg; };
struct Alias { std::string name, asname; Pos pos; };
struct Import : StmtOf<StmtKind::Import> { std::vector<Alias> names; };
struct ImportFrom : StmtOf<StmtKind::ImportFrom> { std::string module; std::vector<Alias> names; int level = 0; };
struct Global : StmtOf<StmtKind::Global> { std::vector<std::string> names; };
struct Nonlocal : StmtOf<StmtKind::Nonlocal> { std::vector<std::string> names; };
struct ExprStmt : StmtOf<StmtKind::Expr> { ExprPtr value; };
struct Pass : StmtOf<StmtKind::Pass> {};
struct Break : StmtOf<StmtKind::Break> {};
struct Continue : StmtOf<StmtKind::Continue> {};

// Names for messages: "a 'match' statement", "a set literal", ...
const char* describe(ExprKind kind);
const char* describe(StmtKind kind);

}  // namespace rpp::pyast
