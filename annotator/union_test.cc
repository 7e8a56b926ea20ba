// Unit tests of the lattice: every union rule, contains(), intersection, list/dict definitions
// merging and re-flowing their readers, and the printed form of annotations.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include "annotator/classdef.h"
#include "annotator/container_store.h"
#include "annotator/description.h"
#include "annotator/union.h"

using namespace rpp::annotator;
using rpp::flow::SourceLocation;

namespace {

// Records re-flow requests instead of re-flowing.
struct RecordingObserver : FlowObserver {
  std::vector<Position> reflowed;
  SourceLocation location;
  void reflow_from(const Position& p) override { reflowed.push_back(p); }
  Position current_position() const override { return {}; }
  SourceLocation current_location() const override { return location; }
};

SomeRef inst(const ClassDef& c, bool nullable = false) {
  return std::make_shared<SomeInstance>(&c, nullable);
}

std::string union_repr(const SomeRef& a, const SomeRef& b) { return union_of(a, b)->repr(); }

std::string union_error(const SomeRef& a, const SomeRef& b) {
  try {
    union_of(a, b);
  } catch (const UnionError& e) {
    return e.what();
  }
  return "(no error)";
}

SomeRef uint_() { return std::make_shared<SomeInteger>(false, IntType::Unsigned); }
SomeRef longlong() { return std::make_shared<SomeInteger>(false, IntType::SignedLongLong); }

}  // namespace

TEST_CASE("impossible is the neutral element") {
  CHECK(union_of(s_impossible(), s_int()) == s_int());
  CHECK(union_of(s_str(), s_impossible()) == s_str());
  CHECK(union_repr(s_impossible(), s_none()) == "None");
  CHECK(union_repr(s_impossible(), s_impossible()) == "impossible");
}

TEST_CASE("equal annotations keep their constant") {
  CHECK(union_repr(const_int(3), const_int(3)) == "int = 3");
  CHECK(union_repr(const_str("ab"), const_str("ab")) == "str = 'ab'");
  CHECK(union_repr(const_bool(true), const_bool(true)) == "bool = True");
}

TEST_CASE("bool with bool: the constant only when both agree") {
  CHECK(union_repr(const_bool(true), const_bool(false)) == "bool");
  CHECK(union_repr(const_bool(true), s_bool()) == "bool");
}

TEST_CASE("bool with int is an int, non-negative when the int is, marked as maybe a bool") {
  CHECK(union_repr(s_bool(), s_int()) == "int (or bool)");
  CHECK(union_repr(s_bool(), s_nonneg_int()) == "nonneg int (or bool)");
  CHECK(union_repr(const_bool(false), const_int(7)) == "nonneg int (or bool)");
  CHECK(union_repr(union_of(s_bool(), s_int()), s_int()) == "int (or bool)");
}

TEST_CASE("int with int: non-negative only when both are, constants dropped") {
  CHECK(union_repr(const_int(1), const_int(2)) == "nonneg int");
  CHECK(union_repr(const_int(1), const_int(-2)) == "int");
  CHECK(union_repr(s_nonneg_int(), s_int()) == "int");
}

TEST_CASE("unsigned with a non-negative int is unsigned; with a signed int it is an error") {
  CHECK(union_repr(uint_(), s_nonneg_int()) == "r_uint");
  CHECK(union_repr(const_int(0), uint_()) == "r_uint");
  CHECK(union_error(uint_(), s_int()).find("same signedness") != std::string::npos);
  CHECK(union_error(uint_(), longlong()).find("different sizes") != std::string::npos);
}

TEST_CASE("longer integer types win over int") {
  CHECK(union_repr(longlong(), s_int()) == "r_longlong");
  auto ull = std::make_shared<SomeInteger>(false, IntType::UnsignedLongLong);
  CHECK(union_repr(ull, uint_()) == "r_ulonglong");
}

TEST_CASE("int with float is a float (RPython's rule)") {
  CHECK(union_repr(s_int(), s_float()) == "float");
  CHECK(union_repr(const_float(1.5), s_bool()) == "float");
  CHECK(union_repr(const_float(1.5), const_float(2.5)) == "float");
}

TEST_CASE("char with char is a char, with str a str") {
  CHECK(union_repr(const_str("a"), const_str("b")) == "char");
  CHECK(union_repr(const_str("a"), s_str()) == "str");
  CHECK(union_repr(const_str("abc"), const_str("x")) == "str");
  CHECK(const_str("é")->is(SomeKind::Char));
}

TEST_CASE("str and bytes never mix") {
  CHECK(union_error(s_str(), s_bytes()).find("mixing str and bytes") != std::string::npos);
  CHECK(union_error(s_char(), s_bytes()).find("mixing str and bytes") != std::string::npos);
  CHECK(union_repr(const_bytes("a"), s_bytes()) == "bytes");
}

TEST_CASE("None makes references nullable and is an error with value types") {
  CHECK(union_repr(s_str(), s_none()) == "str or None");
  CHECK(union_repr(s_none(), s_char()) == "str or None");
  CHECK(union_repr(s_none(), s_bytes()) == "bytes or None");
  CHECK(union_repr(s_none(), s_none()) == "None");
  CHECK(union_error(s_none(), s_int()).find("None cannot be mixed with int") != std::string::npos);
  CHECK(union_error(s_float(), s_none()).find("float") != std::string::npos);
  CHECK(union_error(s_bool(), s_none()).find("bool") != std::string::npos);
  auto t = std::make_shared<SomeTuple>(std::vector<SomeRef>{s_int()});
  CHECK(union_error(t, s_none()).find("tuple") != std::string::npos);
}

TEST_CASE("numbers never mix with text or containers") {
  CHECK(union_error(s_int(), s_str()) == "no common type for int and str");
  CHECK(union_error(s_float(), s_char()) == "no common type for float and char");
}

TEST_CASE("tuples union item by item and need the same length") {
  auto a = std::make_shared<SomeTuple>(std::vector<SomeRef>{const_int(1), s_str()});
  auto b = std::make_shared<SomeTuple>(std::vector<SomeRef>{s_bool(), s_none()});
  CHECK(union_repr(a, b) == "tuple(nonneg int (or bool), str or None)");
  auto c = std::make_shared<SomeTuple>(std::vector<SomeRef>{s_int()});
  CHECK(union_error(a, c).find("different lengths (2 and 1)") != std::string::npos);
  auto d = std::make_shared<SomeTuple>(std::vector<SomeRef>{s_int(), s_int()});
  CHECK(union_error(a, d).find("no common type for str and int") != std::string::npos);
}

TEST_CASE("instances go to their common base; unrelated classes are an error") {
  ClassDef base("Node", nullptr, 1);
  ClassDef add("Add", &base, 2);
  ClassDef mul("Mul", &base, 3);
  ClassDef lit("Lit", &add, 4);
  ClassDef other("Other", nullptr, 5);
  CHECK(union_repr(inst(add), inst(mul)) == "Node");
  CHECK(union_repr(inst(lit), inst(add)) == "Add");
  CHECK(union_repr(inst(lit), inst(mul, true)) == "Node or None");
  CHECK(union_repr(inst(lit), s_none()) == "Lit or None");
  CHECK(union_error(inst(add), inst(other)).find("no common base class") != std::string::npos);
  CHECK(union_error(inst(add), s_int()) == "no common type for Add and int");
}

TEST_CASE("instance hint flags survive only when both have them") {
  ClassDef frame("Frame", nullptr, 1);
  InstanceFlags direct;
  direct.access_directly = true;
  auto a = std::make_shared<SomeInstance>(&frame, false, direct);
  auto b = std::make_shared<SomeInstance>(&frame, false, InstanceFlags{});
  CHECK(union_repr(a, a) == "Frame (access_directly)");
  CHECK(union_repr(a, b) == "Frame");
}

TEST_CASE("PBCs of one kind union their sets, sorted by creation; kinds never mix") {
  Desc f(DescKind::Function, 2, "f");
  Desc g(DescKind::Function, 1, "g");
  Desc c(DescKind::Class, 3, "C");
  auto sf = std::make_shared<SomePBC>(std::vector<const Desc*>{&f});
  auto sg = std::make_shared<SomePBC>(std::vector<const Desc*>{&g});
  CHECK(union_repr(sf, sg) == "functions {g, f}");
  CHECK(union_repr(sf, s_none()) == "function f or None");
  CHECK(union_repr(union_of(sf, sg), sf) == "functions {g, f}");
  auto sc = std::make_shared<SomePBC>(std::vector<const Desc*>{&c});
  CHECK(union_error(sf, sc).find("different kinds") != std::string::npos);
}

TEST_CASE("iterators need the same variant") {
  auto a = std::make_shared<SomeIterator>(s_str(), IterVariant::Plain);
  auto b = std::make_shared<SomeIterator>(s_none(), IterVariant::Plain);
  CHECK(union_repr(a, b) == "iterator over str or None");
  auto c = std::make_shared<SomeIterator>(s_str(), IterVariant::Reversed);
  CHECK(union_error(a, c).find("iterators of different kinds") != std::string::npos);
}

TEST_CASE("builtins union only with the same builtin") {
  auto len = std::make_shared<SomeBuiltin>("len");
  auto abs = std::make_shared<SomeBuiltin>("abs");
  CHECK(union_repr(len, len) == "builtin len");
  CHECK(union_error(len, abs).find("different builtin") != std::string::npos);
  auto m1 = std::make_shared<SomeBuiltin>("str.join", const_str("ab"));
  auto m2 = std::make_shared<SomeBuiltin>("str.join", s_char());
  CHECK(union_repr(m1, m2) == "builtin method str.join of str");
}

TEST_CASE("types go to the common base class") {
  ClassDef base("Node", nullptr, 1);
  ClassDef add("Add", &base, 2);
  ClassDef mul("Mul", &base, 3);
  auto a = std::make_shared<SomeType>(&add);
  auto b = std::make_shared<SomeType>(&mul);
  CHECK(union_repr(a, b) == "type (subclass of Node)");
  CHECK(union_error(a, s_int()) == "no common type for type (subclass of Add) and int");
}

TEST_CASE("lists merge their definitions: one item type, flags combined") {
  RecordingObserver obs;
  ContainerStore store(&obs);
  ListDef* l1 = store.new_list(s_int());
  ListDef* l2 = store.new_list(s_impossible(), false, true);
  auto a = std::make_shared<SomeList>(l1);
  auto b = std::make_shared<SomeList>(l2);
  CHECK(a->repr() == "list[int; fixed]");
  CHECK_FALSE(contains(a, b));  // contains() never merges
  CHECK(!l1->same_as(*l2));
  Position reader{nullptr, reinterpret_cast<rpp::flow::Block*>(0x10), 0};
  l2->read_item(reader);
  SomeRef u = union_of(a, b);
  CHECK(l1->same_as(*l2));
  CHECK(u->repr() == "list[int; resized]");
  CHECK(contains(a, b));
  // l2's reader saw `impossible`; now it must see `int`.
  REQUIRE(obs.reflowed.size() == 1);
  CHECK(obs.reflowed[0] == reader);
  CHECK(union_repr(a, s_none()) == "list[int; resized] or None");
}

TEST_CASE("list items generalize and re-flow their readers; conflicts name the origin") {
  RecordingObserver obs;
  ContainerStore store(&obs);
  ListDef* l = store.new_list(s_impossible());
  Position p1{nullptr, reinterpret_cast<rpp::flow::Block*>(0x20), 1};
  l->read_item(p1);
  obs.location.file = std::make_shared<const std::string>("prog.py");
  obs.location.line = 12;
  CHECK(l->generalize(const_int(1)));
  CHECK(obs.reflowed.size() == 1);
  CHECK_FALSE(l->generalize(const_int(1)));
  CHECK(l->generalize(s_int()));
  CHECK(obs.reflowed.size() == 2);
  obs.location.line = 20;
  try {
    l->generalize(s_str());
    FAIL("expected a union error");
  } catch (const UnionError& e) {
    CHECK(std::string(e.what()) == "no common type for int and str");
    CHECK(e.other_location.line == 12);
  }
}

TEST_CASE("resizing a list that must not be resized is an error") {
  RecordingObserver obs;
  ContainerStore store(&obs);
  ListDef* l = store.new_list(s_int());
  l->never_resize();
  l->mutate();
  CHECK_THROWS_AS(l->resize(), AnnotatorFailure);
  ListDef* r = store.new_list(s_int(), true, true);
  CHECK_THROWS_AS(r->never_resize(), AnnotatorFailure);
}

TEST_CASE("range lists: merged steps become variable, merged with a list it is a list") {
  RecordingObserver obs;
  ContainerStore store(&obs);
  ListDef* r1 = store.new_list(s_int());
  r1->item()->range_step = 1;
  ListDef* r2 = store.new_list(s_int());
  r2->item()->range_step = 2;
  CHECK(std::make_shared<SomeList>(r1)->repr() == "list[int; range]");
  r1->merge(*r2);
  CHECK(r1->item()->range_step == 0);
  ListDef* plain = store.new_list(s_int());
  r1->merge(*plain);
  CHECK(!r1->item()->range_step.has_value());
}

TEST_CASE("dicts merge keys and values; r_dicts and dicts never mix") {
  RecordingObserver obs;
  ContainerStore store(&obs);
  DictDef* d1 = store.new_dict(s_str(), s_int());
  DictDef* d2 = store.new_dict(s_char(), s_impossible());
  auto a = std::make_shared<SomeDict>(d1);
  auto b = std::make_shared<SomeDict>(d2);
  CHECK(union_repr(a, b) == "dict[str, int]");
  CHECK(d1->same_as(*d2));
  DictDef* r = store.new_dict(s_str(), s_int(), true);
  CHECK(union_error(a, std::make_shared<SomeDict>(r)).find("r_dict") != std::string::npos);
  CHECK(union_repr(s_none(), a) == "dict[str, int] or None");
}

TEST_CASE("contains: the order of the lattice") {
  CHECK(contains(s_int(), const_int(3)));
  // int ∪ bool is "int (or bool)": above int (the mark that a bool may be printed as a number).
  CHECK_FALSE(contains(s_int(), s_bool()));
  CHECK(contains(union_of(s_int(), s_bool()), s_bool()));
  CHECK(contains(union_of(s_int(), s_bool()), s_int()));
  CHECK_FALSE(contains(s_bool(), s_int()));
  CHECK(contains(s_float(), s_int()));
  CHECK_FALSE(contains(s_int(), s_str()));
  CHECK(contains(noneified(s_str()), s_none()));
  CHECK(contains(s_str(), s_impossible()));
}

TEST_CASE("intersection narrows instances and None") {
  ClassDef base("Node", nullptr, 1);
  ClassDef add("Add", &base, 2);
  ClassDef mul("Mul", &base, 3);
  CHECK(intersection(inst(base, true), inst(add))->repr() == "Add");
  CHECK(intersection(inst(add), inst(base))->repr() == "Add");
  CHECK(intersection(inst(add), inst(mul))->repr() == "impossible");
  CHECK(intersection(inst(add, true), s_none())->repr() == "None");
  CHECK(intersection(s_int(), s_nonneg_int())->repr() == "nonneg int");
}

TEST_CASE("nonnoneified and without_constant") {
  CHECK(nonnoneified(noneified(s_str()))->repr() == "str");
  CHECK(nonnoneified(s_none())->repr() == "impossible");
  CHECK(without_constant(const_int(-4))->repr() == "int");
  CHECK(without_constant(const_int(4))->repr() == "nonneg int");
  CHECK(without_constant(const_str("x"))->repr() == "char");
  CHECK(noneified(s_int()) == nullptr);
}

TEST_CASE("constants print as Python literals") {
  CHECK(const_str("it's")->repr() == "str = \"it's\"");
  CHECK(const_str("a\nb")->repr() == "str = 'a\\nb'");
  CHECK(const_bytes("\x01z")->repr() == "bytes = b'\\x01z'");
  CHECK(const_float(0.1)->repr() == "float = 0.1");
  CHECK(const_float(7.0)->repr() == "float = 7.0");
}
