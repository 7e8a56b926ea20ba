// Unit tests of the frontend: importing targets, entry points, and finding function sources
// (exec-made functions included). Needs RPP_HOME (set by `rpp test`) for python/.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <pybind11/embed.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "translator/diagnostics.h"
#include "translator/frontend/function_source.h"
#include "translator/frontend/program.h"
#include "translator/frontend/program_objects.h"
#include "translator/frontend/python_host.h"

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
