// Unit tests of the flow builder through its API (FlowSpace) on programs imported by the embedded
// CPython: determinism, the checker and copygraph on every graph, the graph cache and
// specialization keys, located errors. Needs RPP_HOME (set by `rpp test`) for python/.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "translator/diagnostics.h"
#include "translator/flow/checkgraph.h"
#include "translator/flow/copygraph.h"
#include "translator/flow/dump.h"
#include "translator/flow/flow_space.h"
#include "translator/frontend/program.h"
#include "translator/frontend/python_host.h"
#include "translator/frontend/python_object_table.h"

namespace fs = std::filesystem;
using namespace rpp;
using namespace rpp::flow;

namespace {

std::string write_target(const std::string& name, const std::string& text) {
  fs::path dir = fs::temp_directory_path() / ("rpp_flow_test_" + std::to_string(getpid()));
  fs::create_directories(dir);
  fs::path file = dir / (name + ".py");
  std::ofstream(file) << text;
  return file.string();
}

const char* const kProgram = R"(
from rpython.rlib.unroll import unrolling_iterable

class Node(object):
    def __init__(self, value, next=None):
        self.value = value
        self.next = next

class Leaf(Node):
    def __init__(self, value):
        super().__init__(value)

KINDS = unrolling_iterable([1, 2, 3])

def walk(node):
    total = 0
    while node is not None:
        try:
            total += node.value[0]
        except (KeyError, IndexError) as e:
            continue
        finally:
            node = node.next
    return total

def classify(x, flag):
    for k in KINDS:
        if x == k:
            return k * 10
    if flag:
        return -1
    with open("f") as f:
        data = [c for c in f.read() if c != "x"]
    return len(data) if x > 2 else x

def entry_point(argv):
    n = Leaf(1)
    walk(Node(2, n))
    classify(len(argv), True)
    return 0
)";

struct Flowed {
  std::shared_ptr<frontend::Program> program;
  std::shared_ptr<frontend::ObjectTable> objects;
  std::unique_ptr<FlowSpace> space;
  std::string dump;
};

Flowed flow_program(const std::string& path) {
  Flowed f;
  f.program = frontend::Program::import(path, {}, {});
  f.objects = frontend::make_object_table(*f.program);
  f.space = std::make_unique<FlowSpace>(*f.objects, true);
  flow_live_functions(*f.space);
  ObjectDescriber describe = [&](PyObjectRef r) { return f.space->describe(r); };
  for (FunctionGraph* g : f.space->graphs()) f.dump += dump_graph(*g, describe) + "\n";
  return f;
}

}  // namespace

TEST_CASE("flowing the same program twice gives identical dumps; every graph passes the checker") {
  auto path = write_target("flow_program", kProgram);
  Flowed first = flow_program(path);
  Flowed second = flow_program(path);
  CHECK(first.dump == second.dump);
  CHECK(first.space->graphs().size() == 5);  // entry_point, Leaf.__init__, walk, Node.__init__, classify
  for (FunctionGraph* g : first.space->graphs()) {
    INFO(g->name);
    CHECK(check_graph(*g).empty());
    auto copy = copygraph(*g);
    CHECK(check_graph(*copy).empty());
    CHECK(dump_graph(*copy) == dump_graph(*g));
  }
  // The unrolled loop tests each constant, and the exception links of the try reach a dispatch.
  CHECK(first.dump.find("eq(v") != std::string::npos);
  CHECK(first.dump.find("issubtype(") != std::string::npos);
  CHECK(first.dump.find("next(") != std::string::npos);
}

TEST_CASE("the graph cache keys graphs by function and specialization key") {
  auto path = write_target("flow_keys", R"(
def pick(flag, x):
    if flag:
        return x + 1
    return x - 1

def entry_point(argv):
    return pick(len(argv) > 1, 2)
)");
  Flowed f = flow_program(path);
  FunctionGraph* entry = f.space->graphs().at(0);
  CHECK(f.space->graph_for(entry->func) == entry);
  FunctionGraph* pick = f.space->graphs().at(1);
  CHECK(pick->name == "pick");
  CHECK(dump_graph(*pick).find("switch") != std::string::npos);

  SpecializationKey key;
  key.suffix = "__flag_True";
  key.constant_args = {ConstValue{true}, std::nullopt};
  FunctionGraph* special = f.space->graph_for(pick->func, key);
  CHECK(special != pick);
  CHECK(special->name == "pick__flag_True");
  CHECK(special->startblock->inputargs.size() == 2);  // the calling convention stays
  std::string text = dump_graph(*special);
  CHECK(text.find("switch") == std::string::npos);
  CHECK(text.find("add(v1, 1)") != std::string::npos);
  CHECK(f.space->graph_for(pick->func, key) == special);
  CHECK(check_graph(*special).empty());
}

TEST_CASE("bad input is a located user error with exit code 2, reached through the call chain") {
  auto path = write_target("flow_bad", R"(
def helper(x):
    return {x}

def entry_point(argv):
    return helper(1)
)");
  try {
    flow_program(path);
    FAIL("no error");
  } catch (const UserError& e) {
    std::string message = e.what();
    CHECK(e.exit_code() == 2);
    CHECK(message.find(path + ":3:12: error: set literals are not RPython") == 0);
    CHECK(message.find("in function helper") != std::string::npos);
    CHECK(message.find("called from entry_point at " + path + ":6:12") != std::string::npos);
  }
}

int main(int argc, char** argv) {
  const char* home = std::getenv("RPP_HOME");
  if (!home) {
    std::fprintf(stderr, "flow_builder_test: RPP_HOME must name the repository (run it with `rpp test`)\n");
    return 1;
  }
  frontend::PythonHost host(home, {"flow_builder_test"});
  doctest::Context context(argc, argv);
  return context.run();
}
