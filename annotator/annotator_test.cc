// Unit tests of the fixpoint on hand-built graphs (no Python): loops generalize to a fixpoint,
// calls flow callees lazily and re-flow callers, narrowing on links, union errors at joins name
// both sources, blocked blocks are reported, specialization by argument type.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <map>

#include "annotator/annotator.h"
#include "annotator/op_rules.h"
#include "annotator/union.h"
#include "translator/flow/operations.h"

using namespace rpp::annotator;
using namespace rpp::flow;

namespace {

// Graphs made by test code, one per function; specializations get a fresh copy from the maker.
struct HandGraphs : GraphSource {
  std::map<std::string, std::function<FunctionGraph*(const std::string& name)>> makers;
  std::vector<std::unique_ptr<FunctionGraph>> owned;
  FunctionGraph* build_graph(FunctionDesc& func, const std::string&, const std::string& suffix,
                             const std::vector<std::optional<ConstValue>>&, const Annotator&) override {
    return makers.at(func.name)(func.name + suffix);
  }
  FunctionGraph* make(const std::string& name) {
    owned.push_back(std::make_unique<FunctionGraph>(name));
    return owned.back().get();
  }
};

SourceLocation at(int line) {
  SourceLocation l;
  l.file = std::make_shared<const std::string>("test.py");
  l.line = line;
  l.col = 5;
  return l;
}

FunctionDesc* function(Annotator& a, const std::string& name, std::vector<std::string> params) {
  auto* f = a.bookkeeper().make_desc<FunctionDesc>(DescKind::Function, a.bookkeeper().next_serial(), name);
  f->signature.params = std::move(params);
  return f;
}

Variable* op(FunctionGraph* g, Block* b, const std::string& name, std::vector<Value*> args, int line) {
  Variable* r = g->new_variable();
  b->operations.push_back(Operation{name, std::move(args), r, at(line)});
  return r;
}

std::string reader_never_used(const std::string&, int) { return ""; }

}  // namespace

TEST_CASE("a counting loop: the counter generalizes from a constant to a non-negative int") {
  // def count(n): i = 0; while i < n: i = i + 1; return i
  HandGraphs graphs;
  graphs.makers["count"] = [&](const std::string& name) {
    FunctionGraph* g = graphs.make(name);
    Variable* n = g->new_variable("n");
    g->startblock = g->new_block({n});
    Variable* n2 = g->new_variable("n");
    Variable* i = g->new_variable("i");
    Block* head = g->new_block({n2, i});
    g->startblock->add_exit(head, {n, g->new_constant(int64_t{0})});
    Variable* c = op(g, head, "lt", {i, n2}, 2);
    head->exitswitch = c;
    Variable* n3 = g->new_variable("n");
    Variable* i3 = g->new_variable("i");
    Block* body = g->new_block({n3, i3});
    head->add_exit(g->returnblock, {i}, g->new_constant(false));
    head->add_exit(body, {n2, i}, g->new_constant(true));
    Variable* i4 = op(g, body, "add", {i3, g->new_constant(int64_t{1})}, 3);
    body->add_exit(head, {n3, i4});
    g->arg_names = {"n"};
    return g;
  };
  Annotator ann(graphs);
  FunctionDesc* count = function(ann, "count", {"n"});
  FunctionGraph* g = ann.annotate_entry(*count, {s_int()});
  CHECK(g->returnblock->inputargs[0]->annotation->repr() == "nonneg int");
}

TEST_CASE("calls flow callees and re-flow callers when the return annotation grows") {
  // def id(x): return x          def main(): a = id(1); b = id("s") -> union error? no: two calls
  HandGraphs graphs;
  graphs.makers["ident"] = [&](const std::string& name) {
    FunctionGraph* g = graphs.make(name);
    Variable* x = g->new_variable("x");
    g->startblock = g->new_block({x});
    g->startblock->add_exit(g->returnblock, {x});
    return g;
  };
  Annotator ann(graphs);
  FunctionDesc* ident = function(ann, "ident", {"x"});
  graphs.makers["main"] = [&](const std::string& name) {
    FunctionGraph* g = graphs.make(name);
    g->startblock = g->new_block({});
    auto* callee = std::make_shared<SomePBC>(std::vector<const Desc*>{ident}).get();
    (void)callee;
    // Calls through a constant whose annotation is pre-set (no Python in this test).
    Constant* f = g->new_constant(PyObjectRef{1});
    f->annotation = std::make_shared<SomePBC>(std::vector<const Desc*>{ident});
    Variable* r1 = op(g, g->startblock, "simple_call", {f, g->new_constant(int64_t{1})}, 10);
    Variable* r2 = op(g, g->startblock, "simple_call", {f, g->new_constant(int64_t{-5})}, 11);
    Variable* s = op(g, g->startblock, "add", {r1, r2}, 12);
    g->startblock->add_exit(g->returnblock, {s});
    return g;
  };
  FunctionDesc* main_f = function(ann, "main", {});
  FunctionGraph* g = ann.annotate_entry(*main_f, {});
  CHECK(g->returnblock->inputargs[0]->annotation->repr() == "int");
  CHECK(ident->graphs.size() == 1);
  CHECK(ident->graphs[""]->returnblock->inputargs[0]->annotation->repr() == "int");
}

TEST_CASE("a join of int and str is a located error naming both sources and the call chain") {
  HandGraphs graphs;
  graphs.makers["f"] = [&](const std::string& name) {
    FunctionGraph* g = graphs.make(name);
    Variable* c = g->new_variable("c");
    g->startblock = g->new_block({c});
    Variable* t = op(g, g->startblock, "bool", {c}, 2);
    g->startblock->exitswitch = t;
    Block* yes = g->new_block({});
    Block* no = g->new_block({});
    g->startblock->add_exit(no, {}, g->new_constant(false));
    g->startblock->add_exit(yes, {}, g->new_constant(true));
    Variable* x1 = op(g, yes, "add", {g->new_constant(int64_t{1}), g->new_constant(int64_t{2})}, 3);
    Variable* x2 = op(g, no, "add", {g->new_constant(std::string("a")), g->new_constant(std::string("b"))}, 5);
    Variable* x = g->new_variable("x");
    Block* join = g->new_block({x});
    yes->add_exit(join, {x1});
    no->add_exit(join, {x2});
    join->add_exit(g->returnblock, {x});
    return g;
  };
  Annotator ann(graphs);
  ann.set_source_reader(reader_never_used);
  FunctionDesc* f = function(ann, "f", {"c"});
  try {
    ann.annotate_entry(*f, {s_bool()});
    FAIL("expected an error");
  } catch (const AnnotationError& e) {
    std::string m = e.what();
    CHECK(m.find("test.py:") == 0);
    CHECK(m.find("no common type") != std::string::npos);
    CHECK(m.find("the variable 'x' is") != std::string::npos);
    CHECK(m.find("note:") != std::string::npos);
    CHECK(m.find("call chain: f") != std::string::npos);
  }
}

TEST_CASE("narrowing: `x is None` on a nullable str gives str on the false link") {
  HandGraphs graphs;
  graphs.makers["g"] = [&](const std::string& name) {
    FunctionGraph* g = graphs.make(name);
    Variable* x = g->new_variable("x");
    g->startblock = g->new_block({x});
    Variable* t = op(g, g->startblock, "is_", {x, g->new_constant(NoneValue{})}, 2);
    g->startblock->exitswitch = t;
    Variable* y = g->new_variable("x");
    Block* not_none = g->new_block({y});
    g->startblock->add_exit(g->returnblock, {g->new_constant(std::string(""))}, g->new_constant(true));
    g->startblock->add_exit(not_none, {x}, g->new_constant(false));
    Variable* l = op(g, not_none, "len", {y}, 3);
    Variable* s = op(g, not_none, "str", {l}, 3);
    not_none->add_exit(g->returnblock, {s});
    return g;
  };
  Annotator ann(graphs);
  FunctionDesc* f = function(ann, "g", {"x"});
  FunctionGraph* g = ann.annotate_entry(*f, {noneified(s_str())});
  CHECK(g->returnblock->inputargs[0]->annotation->repr() == "str");
  Block* not_none = g->startblock->exits[1]->target;
  CHECK(not_none->inputargs[0]->annotation->repr() == "str");
}

TEST_CASE("assert n >= 0 makes n non-negative after the check") {
  HandGraphs graphs;
  graphs.makers["h"] = [&](const std::string& name) {
    FunctionGraph* g = graphs.make(name);
    Variable* n = g->new_variable("n");
    g->startblock = g->new_block({n});
    Variable* t = op(g, g->startblock, "ge", {n, g->new_constant(int64_t{0})}, 2);
    Variable* b = op(g, g->startblock, "bool", {t}, 2);
    g->startblock->exitswitch = b;
    Variable* m = g->new_variable("n");
    Block* ok = g->new_block({m});
    g->startblock->add_exit(g->returnblock, {g->new_constant(int64_t{0})}, g->new_constant(false));
    g->startblock->add_exit(ok, {n}, g->new_constant(true));
    ok->add_exit(g->returnblock, {m});
    return g;
  };
  Annotator ann(graphs);
  FunctionDesc* f = function(ann, "h", {"n"});
  FunctionGraph* g = ann.annotate_entry(*f, {s_int()});
  CHECK(g->returnblock->inputargs[0]->annotation->repr() == "nonneg int");
}

TEST_CASE("an operation that can never succeed blocks its block, reported at the end") {
  HandGraphs graphs;
  graphs.makers["k"] = [&](const std::string& name) {
    FunctionGraph* g = graphs.make(name);
    g->startblock = g->new_block({});
    Variable* l = op(g, g->startblock, "newlist", {}, 2);
    Variable* item = op(g, g->startblock, "getitem", {l, g->new_constant(int64_t{0})}, 3);
    g->startblock->add_exit(g->returnblock, {item});
    return g;
  };
  Annotator ann(graphs);
  ann.set_source_reader(reader_never_used);
  FunctionDesc* f = function(ann, "k", {});
  try {
    ann.annotate_entry(*f, {});
    FAIL("expected an error");
  } catch (const AnnotationError& e) {
    std::string m = e.what();
    CHECK(m.find("test.py:3:5: error: `getitem` can never succeed here") == 0);
    CHECK(m.find("the list is always empty") != std::string::npos);
  }
}

TEST_CASE("specialize:argtype makes one graph per argument type; a runaway one is an error") {
  HandGraphs graphs;
  graphs.makers["spec"] = [&](const std::string& name) {
    FunctionGraph* g = graphs.make(name);
    Variable* x = g->new_variable("x");
    g->startblock = g->new_block({x});
    g->startblock->add_exit(g->returnblock, {x});
    return g;
  };
  Annotator ann(graphs);
  FunctionDesc* spec = function(ann, "spec", {"x"});
  spec->specialize_tag = "specialize:argtype(0)";
  graphs.makers["main"] = [&](const std::string& name) {
    FunctionGraph* g = graphs.make(name);
    g->startblock = g->new_block({});
    Constant* f = g->new_constant(PyObjectRef{1});
    f->annotation = std::make_shared<SomePBC>(std::vector<const Desc*>{spec});
    Variable* a = op(g, g->startblock, "simple_call", {f, g->new_constant(int64_t{1})}, 10);
    Variable* b = op(g, g->startblock, "simple_call", {f, g->new_constant(std::string("s"))}, 11);
    Variable* t = op(g, g->startblock, "newtuple", {a, b}, 12);
    g->startblock->add_exit(g->returnblock, {t});
    return g;
  };
  FunctionDesc* main_f = function(ann, "main", {});
  FunctionGraph* g = ann.annotate_entry(*main_f, {});
  CHECK(spec->graphs.size() == 2);
  CHECK(g->returnblock->inputargs[0]->annotation->repr() == "tuple(int = 1, char = 's')");

  Annotator ann2(graphs);
  ann2.max_specializations = 1;
  FunctionDesc* spec2 = function(ann2, "spec", {"x"});
  spec2->specialize_tag = "specialize:argtype(0)";
  spec = spec2;
  FunctionDesc* main2 = function(ann2, "main", {});
  CHECK_THROWS_WITH_AS(ann2.annotate_entry(*main2, {}),
                       doctest::Contains("a specialization that never stops"), AnnotationError);
}

TEST_CASE("argument count errors are Python's messages") {
  HandGraphs graphs;
  graphs.makers["two"] = [&](const std::string& name) {
    FunctionGraph* g = graphs.make(name);
    Variable* a = g->new_variable("a");
    Variable* b = g->new_variable("b");
    g->startblock = g->new_block({a, b});
    g->startblock->add_exit(g->returnblock, {a});
    return g;
  };
  Annotator ann(graphs);
  FunctionDesc* two = function(ann, "two", {"a", "b"});
  // main(f): f(1), with f a variable holding the function (so the arguments are not pre-bound).
  graphs.makers["main"] = [&](const std::string& name) {
    FunctionGraph* g = graphs.make(name);
    Variable* f = g->new_variable("f");
    g->startblock = g->new_block({f});
    Variable* r = op(g, g->startblock, "simple_call", {f, g->new_constant(int64_t{1})}, 7);
    g->startblock->add_exit(g->returnblock, {r});
    return g;
  };
  ann.set_source_reader(reader_never_used);
  FunctionDesc* main_f = function(ann, "main", {"f"});
  CHECK_THROWS_WITH_AS(ann.annotate_entry(*main_f, {std::make_shared<SomePBC>(std::vector<const Desc*>{two})}),
                       doctest::Contains("two() missing 1 required positional argument: 'b'"),
                       AnnotationError);
}

TEST_CASE("every flow-level operation has an annotation rule") {
  for (const auto& op : rpp::flow::flow_ops()) {
    INFO(std::string(op.name));
    bool has_rule = find_rule(op.name) != nullptr;
    CHECK(has_rule);
  }
}
