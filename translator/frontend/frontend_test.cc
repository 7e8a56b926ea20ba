// Unit tests of the frontend: importing targets, entry points, and finding function sources
// (exec-made functions included). Needs RPP_HOME (set by `rpp test`) for python/.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <pybind11/embed.h>

#include <cstdlib>
#include <algorithm>
#include <filesystem>
#include <fstream>

#include "translator/diagnostics.h"
#include "translator/frontend/function_source.h"
#include "translator/frontend/program.h"
#include "translator/frontend/program_objects.h"
#include "translator/frontend/python_host.h"
#include "translator/frontend/python_object_table.h"

namespace py = pybind11;
namespace fs = std::filesystem;
using rpp::frontend::Program;

namespace {

std::string write_target(const std::string& name, const std::string& text) {
  fs::path dir = fs::temp_directory_path() / ("rpp_frontend_test_" + std::to_string(getpid()));
  fs::create_directories(dir);
  fs::path file = dir / (name + ".py");
  std::ofstream(file) << text;
  return file.string();
}

}  // namespace

TEST_CASE("a target with target() and exec-made functions keeps every source") {
  auto path = write_target("gen_target", R"(
ops = {}
for name, sym in [("add", "+"), ("sub", "-")]:
    exec("def op_%s(a, b):\n    return a %s b\n" % (name, sym))
    ops[name] = globals()["op_" + name]

def entry_point(argv):
    return ops["sub"](5, ops["add"](1, 1))

def target(driver, args):
    return entry_point, None
)");
  auto program = Program::import(path, {}, {});
  CHECK(program->entry_point_name() == "entry_point");
  CHECK(!program->has_jitpolicy());
  CHECK(program->run_untranslated({path}) == 3);

  py::object module = program->objects().module;
  auto add = rpp::frontend::function_source(module.attr("ops")["add"]);
  CHECK(add.text == "def op_add(a, b):\n    return a + b\n");
  CHECK(add.first_line == 1);
  CHECK(add.filename.find("<rpp-exec-") == 0);

  auto entry = rpp::frontend::function_source(module.attr("entry_point"));
  CHECK(entry.filename == path);
  CHECK(entry.first_line == 7);
  CHECK(entry.text.find("return ops[\"sub\"]") != std::string::npos);
}

TEST_CASE("a function made from a code object without source gets a located error") {
  auto path = write_target("nosource_target", R"(
import types
def entry_point(argv):
    return 0
def f():
    return 1
lost = types.FunctionType(f.__code__.replace(co_filename="/nonexistent/made_up.py"), {})
)");
  auto program = Program::import(path, {}, {});
  py::object lost = program->objects().module.attr("lost");
  CHECK_THROWS_WITH_AS(rpp::frontend::function_source(lost),
                       doctest::Contains("/nonexistent/made_up.py:5: error: cannot find the source "
                                         "of function 'f'"),
                       rpp::UserError);
}

TEST_CASE("targets without an entry point, or with bad entries, are user errors") {
  auto none = write_target("noentry_target", "x = 1\n");
  CHECK_THROWS_WITH_AS(Program::import(none, {}, {}),
                       doctest::Contains("defines neither target(driver, args) nor entry_point(argv)"),
                       rpp::UserError);
  auto bad = write_target("badtarget_target", "def target(driver, args):\n    return 42, None\n");
  CHECK_THROWS_WITH_AS(Program::import(bad, {}, {}),
                       doctest::Contains("must return (entry_point, None)"), rpp::UserError);
}

TEST_CASE("jitpolicy and driver options reach the target") {
  auto path = write_target("policy_target", R"(
seen = []
def entry_point(argv):
    return len(seen)
def target(driver, args):
    seen.append((driver.jit, args))
    return entry_point, None
def jitpolicy(driver):
    return "policy"
)");
  auto program = Program::import(path, {{"jit", "1"}}, {"x"});
  CHECK(program->has_jitpolicy());
  py::list seen = program->objects().module.attr("seen");
  CHECK(py::repr(seen).cast<std::string>() == "[(True, ['x'])]");
}

TEST_CASE("the object table: stable ids, kinds, descriptions, folding, function sources as C++ trees") {
  auto path = write_target("table_target", R"(
import os
LIMIT = 10
PAIR = (1, "two")

class Shape(object):
    SIDES = 0

def area(w, h=2, *rest, scale=1):
    k = LIMIT
    def inner(x):
        return x + k
    return [i * w for i in range(h)]

def entry_point(argv):
    return area(len(argv))
)");
  auto program = Program::import(path, {}, {});
  auto table = rpp::frontend::make_object_table(*program);
  rpp::flow::PyObjectRef entry = table->entry_point();
  CHECK(entry.id == 1);
  CHECK(table->kind(entry) == rpp::frontend::ObjectKind::Function);
  CHECK(table->describe(entry) == "<function entry_point>");
  auto area = table->lookup_global(entry, "area");
  REQUIRE(area);
  auto area_ref = std::get<rpp::flow::PyObjectRef>(*area);
  CHECK(area_ref.id == 2);
  CHECK(table->lookup_global(entry, "area") == area);  // the same object, the same id
  CHECK(std::get<int64_t>(*table->lookup_global(entry, "LIMIT")) == 10);
  CHECK(!table->lookup_global(entry, "nope"));
  auto len = table->lookup_global(entry, "len");
  CHECK(table->special_name(std::get<rpp::flow::PyObjectRef>(*len)) == "builtins.len");
  auto shape = std::get<rpp::flow::PyObjectRef>(*table->lookup_global(entry, "Shape"));
  CHECK(table->kind(shape) == rpp::frontend::ObjectKind::Class);
  CHECK(table->class_info(shape)->body_problem.empty());
  auto sides = table->fold("getattr", {shape, std::string("SIDES")});
  CHECK(sides.status == rpp::frontend::FoldResult::Folded);
  CHECK(std::get<int64_t>(sides.value) == 0);
  auto missing = table->fold("getattr", {shape, std::string("nope")});
  CHECK(missing.status == rpp::frontend::FoldResult::Error);
  CHECK(missing.error == "class 'Shape' has no attribute 'nope'");
  auto sum = table->fold("add", {int64_t{2}, int64_t{3}});
  CHECK(std::get<int64_t>(sum.value) == 5);
  CHECK(table->fold("add", {int64_t{1} << 62, int64_t{1} << 62}).status ==
        rpp::frontend::FoldResult::NotFoldable);  // does not fit a machine word
  auto pair = *table->lookup_global(entry, "PAIR");
  CHECK(table->describe(std::get<rpp::flow::PyObjectRef>(pair)) == "(1, 'two')");
  auto os_module = std::get<rpp::flow::PyObjectRef>(*table->lookup_global(entry, "os"));
  CHECK(table->describe(os_module) == "<module os>");

  auto info = table->function_info(area_ref);
  CHECK(info->qualname == "area");
  CHECK(info->argnames == std::vector<std::string>{"w", "h"});
  CHECK(info->vararg == "rest");
  CHECK(info->kwonlyargnames == std::vector<std::string>{"scale"});
  CHECK(std::get<int64_t>(info->defaults.at(0)) == 2);
  CHECK(std::get<int64_t>(info->kwdefaults.at("scale")) == 1);
  CHECK(std::count(info->cellvars.begin(), info->cellvars.end(), "k") == 1);  // w too (the comprehension)
  REQUIRE(info->ast);
  CHECK(info->ast->name == "area");
  CHECK(info->ast->pos.line == 9);
  // k = LIMIT; def inner; the comprehension rewritten into `.t0 = []`, a loop, then return.
  REQUIRE(info->ast->body.size() == 5);
  CHECK(info->ast->body[1]->kind == rpp::pyast::StmtKind::FunctionDef);
  CHECK(info->ast->body[3]->kind == rpp::pyast::StmtKind::For);
  CHECK(info->hidden_locals.size() == 2);
  auto free = table->nested_freevars(area_ref, "inner", 11, 0);
  CHECK(free == std::vector<std::string>{"k"});
  auto inner = table->make_function(area_ref, "inner", 11, 0, {}, {}, {int64_t{10}});
  CHECK(table->make_function(area_ref, "inner", 11, 0, {}, {}, {int64_t{10}}) == inner);
  CHECK(table->function_info(inner)->closure.at(0) == rpp::flow::ConstValue{int64_t{10}});
  CHECK(table->source_line(path, 9) == "def area(w, h=2, *rest, scale=1):");
}

int main(int argc, char** argv) {
  const char* home = std::getenv("RPP_HOME");
  if (!home) {
    std::fprintf(stderr, "frontend_test: RPP_HOME must name the repository (run it with `rpp test`)\n");
    return 1;
  }
  rpp::frontend::PythonHost host(home, {"frontend_test"});
  doctest::Context context(argc, argv);
  return context.run();
}
