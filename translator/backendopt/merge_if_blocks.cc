// Merging chains of equality tests on one value into a switch (merge_if_blocks.h).
#include "translator/backendopt/merge_if_blocks.h"

#include <map>

#include "translator/backendopt/graph_edit.h"

namespace rpp::backendopt {

using namespace flow;

namespace {

bool is_equality(const std::string& opname) {
  return opname == "int_eq" || opname == "char_eq" || opname == "unichar_eq" || opname == "uint_eq";
}

// A block that ends by testing `value == constant` and switching on the result: the tested value,
// the constant and the true/false exits.
struct Test {
  Value* value = nullptr;
  Constant* constant = nullptr;
  Link* if_true = nullptr;
  Link* if_false = nullptr;
};

bool match_test(Block* b, Test& t) {
  if (b->operations.empty() || !b->exitswitch || !b->exitswitch->is_variable() || b->raises()) return false;
  const Operation& op = b->operations.back();
  if (!is_equality(op.opname) || op.result != b->exitswitch || op.args.size() != 2) return false;
  if (b->exits.size() != 2) return false;
  Value* x = op.args[0];
  Value* k = op.args[1];
  if (x->is_constant()) std::swap(x, k);
  if (!k->is_constant() || x->is_constant()) return false;
  t.value = x;
  t.constant = static_cast<Constant*>(k);
  for (auto& l : b->exits) {
    if (!l->exitcase) return false;
    auto* flag = std::get_if<bool>(&l->exitcase->value);
    if (!flag) return false;
    (*flag ? t.if_true : t.if_false) = l.get();
  }
  if (!t.if_true || !t.if_false) return false;
  // The test's result must only be the switch (links may carry it: it is known on each exit).
  for (size_t i = 0; i + 1 < b->operations.size(); ++i)
    for (Value* a : b->operations[i].args)
      if (a == op.result) return false;
  return true;
}

// Rewrites a link's arguments, replacing the test result by the constant it has on that exit.
std::vector<Value*> with_known_result(FunctionGraph& g, const Link* l, const Value* result, bool known,
                                      const ValueMap& map) {
  std::vector<Value*> args;
  for (Value* a : l->args) {
    if (a == result) args.push_back(typed_constant(g, known, result->concretetype));
    else args.push_back(renamed(map, a));
  }
  return args;
}

bool merge_chain(FunctionGraph& g, Block* head, const std::map<const Block*, std::vector<Link*>>& entries) {
  Test first;
  if (!match_test(head, first)) return false;
  struct Case {
    Constant* constant;
    Block* target;
    std::vector<Value*> args;
  };
  std::vector<Case> cases;
  cases.push_back({first.constant, first.if_true->target,
                   with_known_result(g, first.if_true, head->exitswitch, true, {})});
  Link* fall = first.if_false;  // the exit taken when no test matched so far
  ValueMap map;                 // the chain's block arguments -> the head's values
  std::vector<Value*> fall_args = with_known_result(g, fall, head->exitswitch, false, {});
  Value* value = first.value;
  while (true) {
    Block* next = fall->target;
    auto it = entries.find(next);
    if (next == head || it == entries.end() || it->second.size() != 1 || next->operations.size() != 1) break;
    Test t;
    if (!match_test(next, t)) break;
    ValueMap step = map;
    for (size_t i = 0; i < next->inputargs.size(); ++i) step[next->inputargs[i]] = fall_args[i];
    if (renamed(step, t.value) != value || t.constant->concretetype != first.constant->concretetype) break;
    map = step;
    bool repeated = false;
    for (const Case& c : cases)
      if (const_value_equal(c.constant->value, t.constant->value)) repeated = true;
    if (!repeated)
      cases.push_back({t.constant, t.if_true->target, with_known_result(g, t.if_true, next->exitswitch, true, map)});
    fall = t.if_false;
    fall_args = with_known_result(g, fall, next->exitswitch, false, map);
  }
  if (cases.size() < 2) return false;
  head->operations.pop_back();
  head->exitswitch = value;
  Block* default_target = fall->target;
  head->exits.clear();
  for (Case& c : cases) {
    Constant* k = typed_constant(g, c.constant->value, c.constant->concretetype);
    Link* l = head->add_exit(c.target, c.args, k);
    l->llexitcase = k;
  }
  Constant* d = g.new_constant(DefaultCase{});
  Link* l = head->add_exit(default_target, fall_args, d);
  l->llexitcase = d;
  return true;
}

}  // namespace

size_t merge_if_blocks(FunctionGraph& graph) {
  size_t merged = 0;
  for (bool again = true; again;) {
    again = false;
    auto entries = links_into(graph);
    for (Block* b : graph.iterblocks()) {
      if (merge_chain(graph, b, entries)) {
        ++merged;
        again = true;
        break;
      }
    }
  }
  return merged;
}

}  // namespace rpp::backendopt
