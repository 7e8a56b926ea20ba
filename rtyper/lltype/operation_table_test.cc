// Unit tests of the toolchain's view of the operation table.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "rtyper/lltype/operation_table.h"

using namespace rpp::lltype;

TEST_CASE("operation names are unique and their kinds well-formed") {
  std::set<std::string_view> names;
  const std::string letters = "iulxfbcwapv*";
  for (const OperationInfo& op : all_operations()) {
    CHECK_MESSAGE(names.insert(op.name).second, op.name);
    for (size_t i = 0; i < op.operands.size(); ++i) {
      bool ok = letters.find(op.operands[i]) != std::string::npos ||
                (op.operands[i] == '.' && i + 1 == op.operands.size());
      CHECK_MESSAGE(ok, op.name);
    }
    CHECK_MESSAGE(op.result.size() == 1, op.name);
    CHECK_MESSAGE(letters.find(op.result[0]) != std::string::npos, op.name);
    CHECK_MESSAGE(!(op.can_fold() && op.can_raise()), op.name);
  }
}

TEST_CASE("flags answer the analyzers' questions") {
  auto* add = find_operation("int_add");
  REQUIRE(add);
  CHECK(add->can_fold());
  CHECK(!add->has_side_effects());
  CHECK(!add->can_raise());
  auto* ovf = find_operation("int_add_ovf");
  CHECK(ovf->can_raise());
  CHECK(ovf->try_fold());
  CHECK(!ovf->can_fold());
  auto* call = find_operation("direct_call");
  CHECK(call->is_call());
  CHECK(call->variadic());
  CHECK(call->fixed_operand_count() == 1);
  CHECK(find_operation("malloc")->can_collect());
  CHECK(!find_operation("malloc")->can_raise());
  CHECK(find_operation("getfield")->impl == OperationImpl::Memory);
  CHECK(find_operation("setfield")->has_side_effects());
  CHECK(!find_operation("getfield")->has_side_effects());
  CHECK(find_operation("no_such_op") == nullptr);
}
