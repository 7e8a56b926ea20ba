// The flow stage's entry points: graphs are built on demand, one per (function, specialization
// key), and cached; the annotator asks for them as it discovers calls. `--stop-after=flow`
// flows the entry point and every function its live code calls through a constant.
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "translator/flow/model.h"
#include "translator/frontend/object_table.h"

namespace rpp::flow {

// How a graph of a function is specialized (decided by the annotator from `specialize:`
// decorators and argument annotations). The default key gives the plain graph.
struct SpecializationKey {
  // Appended to the graph's name (`f` -> `f__arg0_True`); "" for the default graph.
  std::string suffix;
  // Arguments bound to constants while flowing (nullopt: an ordinary argument). The graph keeps
  // an input argument for each (so every graph of a function has the same calling convention),
  // but its body sees the constant: `if flag:` on a constant argument flows one branch only.
  std::vector<std::optional<ConstValue>> constant_args;

  // A text equal for equal keys (constants by value, objects by table id).
  std::string cache_key() const;
};

// Where live code first reached a function: the caller and the call's location (a chain), for
// error messages.
struct ReachedFrom {
  std::string caller;
  SourceLocation where;
  std::shared_ptr<const ReachedFrom> parent;
};

class FlowSpace {
 public:
  // `check_asserts`: false with --asserts=remove (assert statements are not flowed).
  FlowSpace(frontend::ObjectTable& objects, bool check_asserts);
  ~FlowSpace();

  // The graph of `function` for `key`, built on the first request. Throws UserError (exit code 2)
  // for code that is not RPython, naming the file, line and column, the function and the chain
  // of callers `from`.
  FunctionGraph* graph_for(PyObjectRef function, const SpecializationKey& key = {},
                           std::shared_ptr<const ReachedFrom> from = nullptr);
  FunctionGraph* find(PyObjectRef function, const SpecializationKey& key = {}) const;

  // Every graph built so far, in build order.
  const std::vector<FunctionGraph*>& graphs() const { return order_; }
  frontend::ObjectTable& objects() { return objects_; }
  bool check_asserts() const { return check_asserts_; }

  // The Python functions `graph` calls through a constant (simple_call of a constant function,
  // and __init__ of a constant class that is instantiated), with the call locations, in order;
  // not the rlib functions and classes the translator implements (ObjectTable::special_name).
  std::vector<std::pair<PyObjectRef, SourceLocation>> constant_callees(const FunctionGraph& graph);

  // Cached answers of the object table.
  frontend::ObjectKind kind(PyObjectRef ref);
  const std::string& special_name(PyObjectRef ref);
  PyObjectRef builtin(const std::string& name);
  // How constants print in dumps.
  std::string describe(PyObjectRef ref);

 private:
  frontend::ObjectTable& objects_;
  bool check_asserts_;
  std::vector<std::unique_ptr<FunctionGraph>> owned_;
  std::vector<FunctionGraph*> order_;
  std::map<std::pair<uint32_t, std::string>, FunctionGraph*> cache_;
  std::unordered_map<uint32_t, frontend::ObjectKind> kinds_;
  std::unordered_map<uint32_t, std::string> special_names_;
  std::unordered_map<std::string, PyObjectRef> builtins_;
  std::unordered_map<uint32_t, std::string> descriptions_;
};

// Flows the entry point and, transitively, every function called through a constant, in a
// breadth-first order (deterministic). Method calls on instances wait for the annotator.
void flow_live_functions(FlowSpace& space);

}  // namespace rpp::flow
