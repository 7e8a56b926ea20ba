// Unit tests of the flow-level operation table.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <set>

#include "translator/flow/operations.h"

using namespace rpp::flow;

TEST_CASE("operations are found by name with their arity and exceptions") {
  const FlowOpInfo* add = find_flow_op("add");
  REQUIRE(add);
  CHECK(add->arity == 2);
  CHECK(add->pure());
  CHECK(!add->can_raise());
  CHECK(add->has_ovf_variant());
  const FlowOpInfo* getitem = find_flow_op("getitem");
  REQUIRE(getitem);
  REQUIRE(getitem->raises.size() == 3);
  CHECK(getitem->raises.back() == "Exception");
  CHECK(find_flow_op("simple_call")->arity == -1);
  CHECK(find_flow_op("no_such_op") == nullptr);
  CHECK(inplace_variant("add")->name == "inplace_add");
  CHECK(inplace_variant("eq") == nullptr);
}

TEST_CASE("the table has no duplicates, every kOvf op has its _ovf variant, Exception is last") {
  std::set<std::string_view> names;
  for (auto& op : flow_ops()) {
    CHECK(names.insert(op.name).second);
    if (op.has_ovf_variant()) CHECK(find_flow_op(std::string(op.name) + "_ovf") != nullptr);
    for (size_t i = 0; i + 1 < op.raises.size(); ++i) CHECK(op.raises[i] != "Exception");
  }
}
