// Rules of the arithmetic operations: numbers (int kinds, bool, float, with Python's meaning:
// `/` gives a float, `//` and `%` floor, `**` stays int only for an exponent known >= 0), text and
// bytes concatenation and repetition, `%` formatting with a constant format, list and tuple
// concatenation, and the augmented assignments (`lst += x` extends the list in place).
#include <cmath>

#include "annotator/builtins.h"
#include "annotator/listdef.h"
#include "annotator/op_rules.h"
#include "annotator/union.h"

namespace rpp::annotator {

namespace {

enum class Arith { Add, Sub, Mul, TrueDiv, FloorDiv, Mod, Pow, LShift, RShift, And, Or, Xor, DivMod };

const char* symbol(Arith a) {
  switch (a) {
    case Arith::Add: return "+";
    case Arith::Sub: return "-";
    case Arith::Mul: return "*";
    case Arith::TrueDiv: return "/";
    case Arith::FloorDiv: return "//";
    case Arith::Mod: return "%";
    case Arith::Pow: return "**";
    case Arith::LShift: return "<<";
    case Arith::RShift: return ">>";
    case Arith::And: return "&";
    case Arith::Or: return "|";
    case Arith::Xor: return "^";
    case Arith::DivMod: return "divmod";
  }
  return "?";
}

[[noreturn]] void bad_operands(Arith a, const SomeRef& x, const SomeRef& y) {
  std::string what = a == Arith::DivMod ? std::string("divmod()") : std::string(symbol(a));
  throw AnnotatorFailure("unsupported operand types for " + what + ": " + describe_for_user(x) +
                         " and " + describe_for_user(y));
}

bool nonneg(const SomeRef& s) { return s->is_integer() && s->as<SomeInteger>().nonneg(); }

SomeRef integer(bool nonneg_result, IntType type) {
  if (type == IntType::Signed) return nonneg_result ? s_nonneg_int() : s_int();
  return std::make_shared<SomeInteger>(nonneg_result, type);
}

SomeRef integer_arith(Arith a, const SomeRef& x, const SomeRef& y) {
  // Bool op bool stays bool for the bitwise operations.
  if (x->is(SomeKind::Bool) && y->is(SomeKind::Bool) &&
      (a == Arith::And || a == Arith::Or || a == Arith::Xor)) {
    if (x->is_constant() && y->is_constant()) {
      bool bx = std::get<bool>(*x->constant()), by = std::get<bool>(*y->constant());
      return const_bool(a == Arith::And ? (bx && by) : a == Arith::Or ? (bx || by) : (bx != by));
    }
    return s_bool();
  }
  IntType type;
  if (a == Arith::LShift || a == Arith::RShift) {
    type = x->as<SomeInteger>().int_type();
  } else {
    SomeRef u = union_integers(without_constant(x), without_constant(y));
    type = u->as<SomeInteger>().int_type();
  }
  bool nx = nonneg(x), ny = nonneg(y);
  bool result_nonneg = false;
  switch (a) {
    case Arith::Add:
    case Arith::Mul:
    case Arith::FloorDiv:
    case Arith::Or:
    case Arith::Xor:
    case Arith::Pow:
      result_nonneg = nx && ny;
      break;
    case Arith::Mod:
      result_nonneg = ny;  // Python's % has the sign of the divisor
      break;
    case Arith::And:
      result_nonneg = nx || ny;
      break;
    case Arith::RShift:
      result_nonneg = nx;
      break;
    default:
      result_nonneg = false;
  }
  if (a == Arith::Pow) {
    if (!ny) {
      if (y->is_constant()) return s_float();  // a negative constant exponent
      throw AnnotatorFailure(
          "int ** int with an exponent that may be negative: its result would be an int or a "
          "float; make the exponent known to be >= 0 (e.g. `assert e >= 0`) or use a float");
    }
  }
  if (a == Arith::DivMod) {
    SomeRef q = integer(nx && ny, type);
    SomeRef r = integer(ny, type);
    return std::make_shared<SomeTuple>(std::vector<SomeRef>{q, r});
  }
  return integer(result_nonneg || int_type_unsigned(type), type);
}

SomeRef string_format(RuleContext& cx, const SomeRef& fmt, const SomeRef& values);

SomeRef binary(Arith a, const SomeRef& x, const SomeRef& y, RuleContext& cx, bool inplace) {
  // Numbers.
  if (x->is_number() && y->is_number()) {
    bool any_float = x->is(SomeKind::Float) || y->is(SomeKind::Float);
    if (a == Arith::TrueDiv) return s_float();
    if (any_float) {
      if (a == Arith::LShift || a == Arith::RShift || a == Arith::And || a == Arith::Or ||
          a == Arith::Xor)
        bad_operands(a, x, y);
      if (a == Arith::DivMod) return std::make_shared<SomeTuple>(std::vector<SomeRef>{s_float(), s_float()});
      return s_float();
    }
    return integer_arith(a, x, y);
  }
  // Text and bytes.
  if (x->is_str() && y->is_str()) {
    if (a == Arith::Add) {
      if (x->is_constant() && y->is_constant())
        return const_str(std::get<std::string>(*x->constant()) + std::get<std::string>(*y->constant()));
      if (x->can_be_none() || y->can_be_none())
        throw AnnotatorFailure("str + str where one side may be None (" + describe_for_user(x) +
                               " + " + describe_for_user(y) + ")");
      return s_str();
    }
    if (a == Arith::Mod) return string_format(cx, x, y);
    bad_operands(a, x, y);
  }
  if (x->is_str() && a == Arith::Mod) return string_format(cx, x, y);
  if (x->is(SomeKind::Bytes) && y->is(SomeKind::Bytes) && a == Arith::Add) return s_bytes();
  if ((x->is_str() && y->is(SomeKind::Bytes)) || (x->is(SomeKind::Bytes) && y->is_str()))
    throw AnnotatorFailure(std::string("mixing str and bytes in ") + symbol(a) + ": " +
                           describe_for_user(x) + " and " + describe_for_user(y) +
                           " (encode or decode explicitly)");
  if (a == Arith::Mul) {
    if ((x->is_str() && y->is_integer()) || (x->is_integer() && y->is_str())) return s_str();
    if ((x->is(SomeKind::Bytes) && y->is_integer()) || (x->is_integer() && y->is(SomeKind::Bytes)))
      return s_bytes();
    if (x->is(SomeKind::List) && y->is_integer()) {
      if (inplace) {
        x->as<SomeList>().listdef->resize();
        return nonnoneified(x);
      }
      SomeRef item = x->as<SomeList>().listdef->read_item(cx.position());
      return cx.bk.new_list(item);
    }
    if (x->is_integer() && y->is(SomeKind::List)) {
      SomeRef item = y->as<SomeList>().listdef->read_item(cx.position());
      return cx.bk.new_list(item);
    }
  }
  if (a == Arith::Add && x->is(SomeKind::List)) {
    ListDef* lx = x->as<SomeList>().listdef;
    if (inplace) {
      // lst += iterable: extend in place.
      SomeRef item;
      if (y->is(SomeKind::List)) item = y->as<SomeList>().listdef->read_item(cx.position());
      else if (y->is(SomeKind::Tuple)) {
        item = s_impossible();
        for (const auto& i : y->as<SomeTuple>().items) item = union_of(item, i);
      } else if (y->is_str()) item = s_char();
      else bad_operands(a, x, y);
      lx->resize();
      lx->generalize(item);
      return nonnoneified(x);
    }
    if (!y->is(SomeKind::List)) bad_operands(a, x, y);
    ListDef* ly = y->as<SomeList>().listdef;
    SomeRef item = union_of(lx->read_item(cx.position()), ly->read_item(cx.position()));
    return cx.bk.new_list(item);
  }
  if (a == Arith::Add && x->is(SomeKind::Tuple) && y->is(SomeKind::Tuple)) {
    std::vector<SomeRef> items = x->as<SomeTuple>().items;
    for (const auto& i : y->as<SomeTuple>().items) items.push_back(i);
    return std::make_shared<SomeTuple>(std::move(items));
  }
  bad_operands(a, x, y);
}

template <Arith A, bool Inplace>
SomeRef binary_rule(RuleContext& cx) {
  return binary(A, cx.arg(0), cx.arg(1), cx, Inplace);
}

SomeRef neg_rule(RuleContext& cx) {
  SomeRef x = cx.arg(0);
  if (x->is(SomeKind::Float)) return s_float();
  if (x->is_integer()) return integer(x->as<SomeInteger>().is_unsigned(), x->as<SomeInteger>().int_type());
  throw AnnotatorFailure("bad operand type for unary -: " + describe_for_user(x));
}

SomeRef pos_rule(RuleContext& cx) {
  SomeRef x = cx.arg(0);
  if (x->is(SomeKind::Bool)) return s_nonneg_int();
  if (x->is_number()) return without_constant(x);
  throw AnnotatorFailure("bad operand type for unary +: " + describe_for_user(x));
}

SomeRef abs_rule(RuleContext& cx) {
  SomeRef x = cx.arg(0);
  if (x->is(SomeKind::Float)) return s_float();
  if (x->is_integer()) return integer(true, x->as<SomeInteger>().int_type());
  throw AnnotatorFailure("bad operand type for abs(): " + describe_for_user(x));
}

SomeRef invert_rule(RuleContext& cx) {
  SomeRef x = cx.arg(0);
  if (x->is_integer()) return integer(x->as<SomeInteger>().is_unsigned(), x->as<SomeInteger>().int_type());
  throw AnnotatorFailure("bad operand type for unary ~: " + describe_for_user(x));
}

// ---- % formatting ----

// What a conversion needs from its value.
void check_format_value(char conv, const SomeRef& v) {
  switch (conv) {
    case 'd':
    case 'i':
    case 'x':
    case 'X':
    case 'o':
      if (!v->is_integer() && !(v->is(SomeKind::Float) && (conv == 'd' || conv == 'i')))
        throw AnnotatorFailure(std::string("%") + conv + " needs an integer, not " + describe_for_user(v));
      return;
    case 'f':
    case 'F':
    case 'e':
    case 'E':
    case 'g':
    case 'G':
      if (!v->is_number())
        throw AnnotatorFailure(std::string("%") + conv + " needs a number, not " + describe_for_user(v));
      return;
    case 'c':
      if (!v->is_integer() && !v->is(SomeKind::Char))
        throw AnnotatorFailure("%c needs a character or an integer, not " + describe_for_user(v));
      return;
    case 's':
    case 'r':
      if (v->is(SomeKind::Bytes))
        throw AnnotatorFailure(std::string("%") + conv +
                               " of bytes is not RPython (it would print b'...'): decode it first");
      return;
    default:
      throw AnnotatorFailure(std::string("unsupported format character '") + conv + "'");
  }
}

SomeRef string_format(RuleContext& cx, const SomeRef& fmt, const SomeRef& values) {
  if (!fmt->is_constant())
    throw AnnotatorFailure("string formatting with % needs a constant format string");
  const std::string& f = std::get<std::string>(*fmt->constant());
  std::vector<SomeRef> items;
  if (values->is(SomeKind::Tuple))
    items = values->as<SomeTuple>().items;
  else
    items.push_back(values);
  size_t next = 0;
  for (size_t i = 0; i < f.size(); ++i) {
    if (f[i] != '%') continue;
    ++i;
    while (i < f.size() && std::string("-+ #0").find(f[i]) != std::string::npos) ++i;
    while (i < f.size() && (isdigit(static_cast<unsigned char>(f[i])) || f[i] == '.' || f[i] == '*')) {
      if (f[i] == '*') throw AnnotatorFailure("'*' widths in % formatting are not supported");
      ++i;
    }
    if (i >= f.size()) throw AnnotatorFailure("incomplete format in " + const_repr(*fmt->constant()));
    if (f[i] == '%') continue;
    if (next >= items.size())
      throw AnnotatorFailure("not enough arguments for the format string " + const_repr(*fmt->constant()));
    warn_if_bool_in_int(cx, items[next]);
    check_format_value(f[i], items[next++]);
  }
  if (next != items.size())
    throw AnnotatorFailure("not all arguments converted during string formatting of " +
                           const_repr(*fmt->constant()));
  return s_str();
}

}  // namespace

void add_arithmetic_rules(RuleTable& t) {
  t["add"] = binary_rule<Arith::Add, false>;
  t["sub"] = binary_rule<Arith::Sub, false>;
  t["mul"] = binary_rule<Arith::Mul, false>;
  t["truediv"] = binary_rule<Arith::TrueDiv, false>;
  t["floordiv"] = binary_rule<Arith::FloorDiv, false>;
  t["mod"] = binary_rule<Arith::Mod, false>;
  t["pow"] = binary_rule<Arith::Pow, false>;
  t["lshift"] = binary_rule<Arith::LShift, false>;
  t["rshift"] = binary_rule<Arith::RShift, false>;
  t["and_"] = binary_rule<Arith::And, false>;
  t["or_"] = binary_rule<Arith::Or, false>;
  t["xor"] = binary_rule<Arith::Xor, false>;
  t["divmod"] = binary_rule<Arith::DivMod, false>;
  t["add_ovf"] = binary_rule<Arith::Add, false>;
  t["sub_ovf"] = binary_rule<Arith::Sub, false>;
  t["mul_ovf"] = binary_rule<Arith::Mul, false>;
  t["floordiv_ovf"] = binary_rule<Arith::FloorDiv, false>;
  t["mod_ovf"] = binary_rule<Arith::Mod, false>;
  t["lshift_ovf"] = binary_rule<Arith::LShift, false>;
  t["inplace_add"] = binary_rule<Arith::Add, true>;
  t["inplace_sub"] = binary_rule<Arith::Sub, true>;
  t["inplace_mul"] = binary_rule<Arith::Mul, true>;
  t["inplace_truediv"] = binary_rule<Arith::TrueDiv, true>;
  t["inplace_floordiv"] = binary_rule<Arith::FloorDiv, true>;
  t["inplace_mod"] = binary_rule<Arith::Mod, true>;
  t["inplace_pow"] = binary_rule<Arith::Pow, true>;
  t["inplace_lshift"] = binary_rule<Arith::LShift, true>;
  t["inplace_rshift"] = binary_rule<Arith::RShift, true>;
  t["inplace_and"] = binary_rule<Arith::And, true>;
  t["inplace_or"] = binary_rule<Arith::Or, true>;
  t["inplace_xor"] = binary_rule<Arith::Xor, true>;
  t["neg"] = neg_rule;
  t["neg_ovf"] = neg_rule;
  t["pos"] = pos_rule;
  t["abs"] = abs_rule;
  t["abs_ovf"] = abs_rule;
  t["invert"] = invert_rule;
}

}  // namespace rpp::annotator
