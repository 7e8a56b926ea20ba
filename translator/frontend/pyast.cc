// Descriptions of syntax-tree nodes for messages.
#include "translator/frontend/pyast.h"

namespace rpp::pyast {

const char* describe(ExprKind kind) {
  switch (kind) {
    case ExprKind::BoolOp: return "a boolean operation";
    case ExprKind::NamedExpr: return "an assignment expression (:=)";
    case ExprKind::BinOp: return "a binary operation";
    case ExprKind::UnaryOp: return "a unary operation";
    case ExprKind::Lambda: return "a lambda";
    case ExprKind::IfExp: return "a conditional expression";
    case ExprKind::Dict: return "a dict display";
    case ExprKind::Set: return "a set literal";
    case ExprKind::ListComp: return "a list comprehension";
    case ExprKind::SetComp: return "a set comprehension";
    case ExprKind::DictComp: return "a dict comprehension";
    case ExprKind::GeneratorExp: return "a generator expression";
    case ExprKind::Await: return "an 'await' expression";
    case ExprKind::Yield: return "a 'yield' expression";
    case ExprKind::YieldFrom: return "a 'yield from' expression";
    case ExprKind::Compare: return "a comparison";
    case ExprKind::Call: return "a call";
    case ExprKind::FormattedValue: return "an f-string field";
    case ExprKind::JoinedStr: return "an f-string";
    case ExprKind::Constant: return "a constant";
    case ExprKind::Attribute: return "an attribute";
    case ExprKind::Subscript: return "a subscript";
    case ExprKind::Starred: return "a starred expression";
    case ExprKind::Name: return "a name";
    case ExprKind::List: return "a list display";
    case ExprKind::Tuple: return "a tuple";
    case ExprKind::Slice: return "a slice";
  }
  return "an expression";
}

const char* describe(StmtKind kind) {
  switch (kind) {
    case StmtKind::FunctionDef: return "a 'def' statement";
    case StmtKind::ClassDef: return "a 'class' statement";
    case StmtKind::Return: return "a 'return' statement";
    case StmtKind::Delete: return "a 'del' statement";
    case StmtKind::Assign: return "an assignment";
    case StmtKind::AugAssign: return "an augmented assignment";
    case StmtKind::AnnAssign: return "an annotated assignment";
    case StmtKind::For: return "a 'for' loop";
    case StmtKind::While: return "a 'while' loop";
    case StmtKind::If: return "an 'if' statement";
    case StmtKind::With: return "a 'with' statement";
    case StmtKind::Match: return "a 'match' statement";
    case StmtKind::Raise: return "a 'raise' statement";
    case StmtKind::Try: return "a 'try' statement";
    case StmtKind::TryStar: return "a 'try/except*' statement";
    case StmtKind::Assert: return "an 'assert' statement";
    case StmtKind::Import: return "an 'import' statement";
    case StmtKind::ImportFrom: return "a 'from ... import' statement";
    case StmtKind::Global: return "a 'global' declaration";
    case StmtKind::Nonlocal: return "a 'nonlocal' declaration";
    case StmtKind::Expr: return "an expression statement";
    case StmtKind::Pass: return "a 'pass' statement";
    case StmtKind::Break: return "a 'break' statement";
    case StmtKind::Continue: return "a 'continue' statement";
  }
  return "a statement";
}

}  // namespace rpp::pyast
