// Stack-check insertion (stack_check.h).
#include "translator/exceptiontransform/stack_check.h"

#include "rtyper/lltype/lltype.h"
#include "translator/backendopt/analyzers/call_graph.h"
#include "translator/exceptiontransform/graph_surgery.h"

namespace rpp::exceptiontransform {

using namespace flow;

namespace {

bool already_checked(const FunctionGraph& g) {
  for (const Operation& op : g.startblock->operations)
    if (op.opname == "stack_check") return true;
  return false;
}

// A new start block `start(args'): stack_check(); goto old_start(args')`.
void insert_at_entry(FunctionGraph& g) {
  Block* old_start = g.startblock;
  std::vector<Variable*> inputs;
  std::vector<Value*> pass;
  for (Variable* v : old_start->inputargs) {
    Variable* copy = typed_variable(g, v->concretetype, v->name_hint);
    inputs.push_back(copy);
    pass.push_back(copy);
  }
  Block* start = g.new_block(inputs);
  append_op(g, start, "stack_check", {}, &lltype::Void, g.location);
  start->add_exit(old_start, pass);
  g.startblock = start;
}

}  // namespace

size_t insert_stack_checks(const std::vector<FunctionGraph*>& graphs) {
  analyzers::CallGraph calls(graphs);
  size_t count = 0;
  for (FunctionGraph* g : graphs) {
    const auto& scc = calls.sccs()[calls.scc_of(g)];
    bool recursive = scc.size() > 1;
    if (!recursive)
      for (FunctionGraph* callee : calls.callees(g))
        if (callee == g) recursive = true;
    if (!recursive || already_checked(*g)) continue;
    insert_at_entry(*g);
    ++count;
  }
  return count;
}

}  // namespace rpp::exceptiontransform
