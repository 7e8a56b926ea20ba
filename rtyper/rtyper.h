// The RTyper (DESIGN §1, rtype): turns the annotated flow graphs into low-level graphs, in place.
// Every annotation gets a Repr (a low-level type); every flow operation is replaced by low-level
// operations of runtime/ll_operations.def (through the operation handlers of op_handlers.h);
// links convert values between the reprs of their two ends; prebuilt objects (class vtables,
// prebuilt instances, strings, tuples) become static data (rtyper/lltype/static_data.h).
//
// Order: every class gets its structs and vtable first (rclass.h), graphs called through one
// function pointer get one signature (normalize_calls.h), then each graph is specialized block
// by block (specialize_graph.h). Low-level helper graphs the rtyper writes itself (helper_graphs.h)
// are added as they are needed. An operation with no low-level implementation is a located
// error naming the source line and the annotations of its arguments.
#pragma once
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "annotator/annotator.h"
#include "rtyper/lltype/runtime_types.h"
#include "rtyper/lltype/static_data.h"
#include "rtyper/lltype/type_arena.h"
#include "rtyper/repr.h"
#include "translator/context.h"

namespace rpp::rtyper {

class ClassReprs;
class HelperGraphs;
class ExceptionData;

class RTyper {
 public:
  RTyper(TranslationContext& context, annotator::Annotator& annotator);
  ~RTyper();
  RTyper(const RTyper&) = delete;
  RTyper& operator=(const RTyper&) = delete;

  // Specializes every annotated graph. Throws UserError (located) on failure.
  void specialize();

  TranslationContext& context() { return context_; }
  annotator::Annotator& annotator() { return annotator_; }
  annotator::Bookkeeper& bookkeeper() { return annotator_.bookkeeper(); }
  lltype::TypeArena& types() { return *context_.types; }
  const lltype::RuntimeTypes& runtime_types() const { return rt_; }
  lltype::StaticData& static_data() { return static_data_; }
  const lltype::StaticData& static_data() const { return static_data_; }
  ClassReprs& classes() { return *classes_; }
  HelperGraphs& helpers() { return *helpers_; }
  ExceptionData& exceptions() { return *exceptions_; }

  // The repr of an annotation (memoized; never null: impossible and None are Void).
  Repr* getrepr(const annotator::SomeRef& s);
  // Registers a repr made by a family's code under `key` (returns the existing one if any).
  Repr* remember(const std::string& key, std::unique_ptr<Repr> repr);
  Repr* find_repr(const std::string& key) const;
  Repr* void_repr();

  // The graph of the entry point, and every low-level graph in a deterministic order (the
  // annotated graphs in discovery order, then the helper graphs the rtyper made).
  flow::FunctionGraph* entry_graph() const { return entry_; }
  std::vector<flow::FunctionGraph*> all_graphs() const;
  // Takes ownership of a graph the rtyper made (helper graphs).
  flow::FunctionGraph* add_graph(std::unique_ptr<flow::FunctionGraph> graph);
  // Graphs whose signature normalize_calls unified: parameter and result annotations to use.
  struct Signature {
    std::vector<annotator::SomeRef> params;
    annotator::SomeRef result;
  };
  std::map<const flow::FunctionGraph*, Signature>& signatures() { return signatures_; }

  // The low-level type of a graph's function pointer (its start block's arguments and its
  // return value, once the graph is specialized or its signature known).
  const lltype::FuncType* graph_type(flow::FunctionGraph* graph);
  // Makes sure `graph` (an annotated graph, or a helper) will be specialized.
  bool is_specialized(const flow::FunctionGraph* graph) const { return specialized_.count(graph) > 0; }

 private:
  TranslationContext& context_;
  annotator::Annotator& annotator_;
  lltype::RuntimeTypes rt_;
  lltype::StaticData static_data_;
  std::map<std::string, std::unique_ptr<Repr>> reprs_;
  std::unique_ptr<ClassReprs> classes_;
  std::unique_ptr<HelperGraphs> helpers_;
  std::unique_ptr<ExceptionData> exceptions_;
  flow::FunctionGraph* entry_ = nullptr;
  std::vector<std::unique_ptr<flow::FunctionGraph>> own_graphs_;
  std::map<const flow::FunctionGraph*, Signature> signatures_;
  std::set<const flow::FunctionGraph*> specialized_;
  std::vector<flow::FunctionGraph*> annotated_graphs_;

  std::string repr_key(const annotator::SomeRef& s);
  std::unique_ptr<Repr> make_repr(const annotator::SomeRef& s);
};

}  // namespace rpp::rtyper
