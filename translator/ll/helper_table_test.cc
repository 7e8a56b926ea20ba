// Unit tests of the helper table: every signature is a well-formed function type over the
// runtime's types, printed as written; effects parse; names are unique.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <set>

#include "translator/ll/helper_table.h"

using namespace rpp;
using namespace rpp::ll;

TEST_CASE("every helper's signature parses, in canonical form") {
  lltype::TypeArena arena;
  std::set<std::string_view> names;
  for (const HelperInfo& h : all_helpers()) {
    CHECK_MESSAGE(names.insert(h.name).second, h.name);
    const lltype::FuncType* f = nullptr;
    CHECK_NOTHROW(f = helper_type(h, arena));
    REQUIRE(f);
    // The LL printer writes a helper constant's type from the signature text: it must be the
    // type's own text.
    CHECK(f->to_string() == "Func" + std::string(h.signature));
  }
  CHECK(all_helpers().size() > 40);
}

TEST_CASE("flags and effects of a few helpers") {
  const HelperInfo* concat = find_helper("str_concat");
  REQUIRE(concat);
  CHECK(concat->can_collect());
  CHECK(concat->elidable());
  CHECK(!concat->can_raise());
  CHECK(concat->oopspec == "str.concat");
  const HelperInfo* hash = find_helper("str_hash");
  REQUIRE(hash->writes.size() == 1);
  CHECK(hash->writes[0] == HelperEffect{"rpy_string", "hash"});
  const HelperInfo* resize = find_helper("list_resize_ge");
  CHECK(resize->writes.size() == 3);
  CHECK(resize->writes[2] == HelperEffect{"array", "[*]"});
  CHECK(find_helper("str_to_int")->can_raise());
  CHECK(find_helper("nope") == nullptr);
}

TEST_CASE("effect lists parse") {
  auto e = parse_helper_effects(" a.b ,c[*], d ");
  REQUIRE(e.size() == 3);
  CHECK(e[0] == HelperEffect{"a", "b"});
  CHECK(e[1] == HelperEffect{"c", "[*]"});
  CHECK(e[2] == HelperEffect{"d", ""});
  CHECK(parse_helper_effects("").empty());
}
