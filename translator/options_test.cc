// Unit tests of `rpp translate` option parsing.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include "translator/diagnostics.h"
#include "translator/options.h"

using rpp::parse_translate_options;

TEST_CASE("defaults and the default output name") {
  auto o = parse_translate_options({"examples/bf/targetbf.py"});
  REQUIRE(o);
  CHECK(o->output == "./targetbf-c");
  CHECK(o->opt == 2);
  CHECK(o->gc == "gen");
  CHECK(!o->jit);
  CHECK(o->last_stage() == 7);
}

TEST_CASE("--opt=jit is --jit; stages and dumps") {
  auto o = parse_translate_options({"--opt=jit", "--dump=flow,annotate", "--stop-after", "rtype",
                                    "t.py", "--", "a", "b"});
  REQUIRE(o);
  CHECK(o->jit);
  CHECK(o->dumps.count("flow") == 1);
  CHECK(o->dumps.count("annotate") == 1);
  CHECK(o->last_stage() == 2);
  CHECK(o->target_args == std::vector<std::string>{"a", "b"});
}

TEST_CASE("bad options are user errors naming the option") {
  CHECK_THROWS_WITH_AS(parse_translate_options({"--gc=refcount", "t.py"}),
                       doctest::Contains("--gc takes gen or boehm"), rpp::UserError);
  CHECK_THROWS_WITH_AS(parse_translate_options({"--dump=flwo", "t.py"}),
                       doctest::Contains("unknown stage 'flwo'"), rpp::UserError);
  CHECK_THROWS_WITH_AS(parse_translate_options({}), doctest::Contains("no TARGET.py"),
                       rpp::UserError);
  CHECK_THROWS_WITH_AS(parse_translate_options({"a.py", "b.py"}),
                       doctest::Contains("more than one target"), rpp::UserError);
  CHECK_THROWS_WITH_AS(parse_translate_options({"--dump=jit", "t.py"}),
                       doctest::Contains("needs --jit"), rpp::UserError);
}
