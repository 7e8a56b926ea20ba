// The graph checker: every invariant of the graph model (model.h), checked after every stage in
// tests and debug builds. See check_graph for the list.
#pragma once
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "translator/flow/model.h"

namespace rpp::flow {

struct CheckOptions {
  // Whether an operation may raise (the last operation of a block whose exitswitch is
  // last_exception must). Default: the flow-level table; operations it does not list pass.
  std::function<bool(const Operation&)> can_raise;
  // Whether an operation name is known to the stage. Default: accept every name.
  std::function<bool(const std::string&)> known_operation;
  // Flow graphs: every operation is in the flow-level table, with its arity.
  bool flow_level = false;
};

// The violations found, one message each (empty when the graph is well formed):
//  - the return block has one input argument, the except block two; neither has operations or
//    exits; the start block is neither of them and no link enters it;
//  - SSI: every Variable is defined once in the whole graph (an input argument, an operation
//    result, or a link's last_exception / last_exc_value) and used only in the block defining it
//    (operations use earlier definitions; exitswitch and link arguments any definition of the
//    block; a link may also use its own last_exception / last_exc_value);
//  - a link carries one argument per input argument of its target, and its prevblock is the block
//    it leaves;
//  - exits: none only on the return and except blocks; exitswitch nullptr means one unconditional
//    exit; a Variable exitswitch has cases that are distinct constants (False and True for a
//    bool switch) with `default` only last; a last_exception exitswitch follows an operation that
//    can raise, its first exit is the normal one (no case), the others have distinct exception
//    classes as cases and carry last_exception / last_exc_value, which appear nowhere else, and
//    do not pass on the raising operation's result;
//  - every operation has a result and a known source location;
//  - Boost.Graph's reachability agrees with iterblocks(), and its dominator tree reaches every
//    block from the start block.
std::vector<std::string> check_graph(const FunctionGraph& graph, const CheckOptions& options = {});

class GraphCheckError : public std::logic_error {
 public:
  using std::logic_error::logic_error;
};

// Throws GraphCheckError listing every violation (and naming the graph) when there is any.
void assert_graph_ok(const FunctionGraph& graph, const CheckOptions& options = {});

}  // namespace rpp::flow
