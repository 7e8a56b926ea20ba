// Unit tests of fold_operation: results come from runtime/ops.h through the table.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <climits>
#include <deque>

#include "rtyper/lltype/lltype.h"
#include "rtyper/lltype/symbolic.h"
#include "rtyper/lltype/type_arena.h"
#include "translator/ll/fold.h"

using namespace rpp;
using namespace rpp::ll;

namespace {

struct Constants {
  std::deque<flow::Constant> store;
  const flow::Constant* make(flow::ConstValue v, const lltype::LowLevelType* t) {
    store.emplace_back(std::move(v));
    store.back().concretetype = t;
    return &store.back();
  }
  const flow::Constant* i(int64_t v) { return make(v, &lltype::Signed); }
  const flow::Constant* f(double v) { return make(v, &lltype::Float); }
};

}  // namespace

TEST_CASE("integer operations fold with Python's semantics") {
  Constants c;
  auto r = fold_operation("int_floordiv", {c.i(-7), c.i(2)});
  REQUIRE(r.status == FoldResult::Status::Value);
  CHECK(std::get<int64_t>(r.value) == -4);
  r = fold_operation("int_mod", {c.i(-7), c.i(2)});
  CHECK(std::get<int64_t>(r.value) == 1);
  r = fold_operation("int_lshift", {c.i(1), c.i(64)});
  CHECK(std::get<int64_t>(r.value) == 0);
  r = fold_operation("int_lt", {c.i(1), c.i(2)});
  CHECK(std::get<bool>(r.value));
  r = fold_operation("int_truediv", {c.i(1), c.i(4)});
  CHECK(std::get<double>(r.value) == 0.25);
}

TEST_CASE("raising operations fold to their value or to the exception") {
  Constants c;
  auto r = fold_operation("int_add_ovf", {c.i(INT64_MAX), c.i(1)});
  CHECK(r.status == FoldResult::Status::Raises);
  CHECK(r.error == ops::OpError::Overflow);
  r = fold_operation("int_floordiv_zer", {c.i(1), c.i(0)});
  CHECK(r.error == ops::OpError::ZeroDivision);
  r = fold_operation("int_add_ovf", {c.i(1), c.i(2)});
  REQUIRE(r.status == FoldResult::Status::Value);
  CHECK(std::get<int64_t>(r.value) == 3);
  r = fold_operation("cast_float_to_int_ovf", {c.f(std::nan(""))});
  CHECK(r.error == ops::OpError::Value);
}

TEST_CASE("other kinds: unsigned, chars, floats, casts") {
  Constants c;
  auto r = fold_operation("uint_sub", {c.make(uint64_t(0), &lltype::Unsigned), c.make(uint64_t(1), &lltype::Unsigned)});
  CHECK(std::get<uint64_t>(r.value) == UINT64_MAX);
  r = fold_operation("char_lt", {c.make(int64_t('a'), &lltype::Char), c.make(int64_t(0xE9), &lltype::Char)});
  CHECK(std::get<bool>(r.value));
  r = fold_operation("cast_int_to_char", {c.i(0x141)});
  CHECK(std::get<int64_t>(r.value) == 0x41);
  r = fold_operation("float_mod", {c.f(-7.0), c.f(2.0)});
  CHECK(std::get<double>(r.value) == 1.0);
  r = fold_operation("int_float_eq", {c.i((int64_t(1) << 53) + 1), c.f(9007199254740992.0)});
  CHECK(!std::get<bool>(r.value));
}

TEST_CASE("not foldable: symbolics, memory, side effects, wrong operand count") {
  Constants c;
  lltype::TypeArena arena;
  auto* s = arena.make_struct("S", true, {{"x", &lltype::Signed}});
  auto* off = c.make(std::shared_ptr<const flow::ConstPayload>(lltype::Symbolic::field_offset(s, "x")), &lltype::Signed);
  CHECK(fold_operation("int_add", {off, c.i(1)}).status == FoldResult::Status::NotFoldable);
  CHECK(fold_operation("int_add", {c.i(1)}).status == FoldResult::Status::NotFoldable);
  CHECK(!is_foldable_operation("getfield"));
  CHECK(!is_foldable_operation("ptr_eq"));
  CHECK(!is_foldable_operation("exc_clear"));
  CHECK(is_foldable_operation("int_add"));
  CHECK(is_foldable_operation("float_floordiv_zer"));
}
