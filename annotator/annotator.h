// The annotator: global type inference by abstract interpretation of flow graphs over the
// lattice, to a fixpoint (RPython's RPythonAnnotator). Blocks whose input annotations change
// are (re)scheduled on a worklist; each operation's annotation comes from the rules of
// op_rules.h; a generalization of a shared definition (list item, attribute, return value)
// re-flows exactly the positions that read it. Functions are flowed lazily, per specialization,
// as calls to them are discovered (GraphSource). After the fixpoint every Variable (and every
// Constant used) carries its SomeValue in `Value::annotation`.
#pragma once
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "annotator/bookkeeper.h"
#include "annotator/error_report.h"
#include "annotator/position.h"
#include "annotator/some_value.h"
#include "translator/flow/model.h"

namespace rpp::annotator {

// Where graphs come from: the flow builder (lazily, per specialization), or hand-made graphs
// in unit tests.
class GraphSource {
 public:
  virtual ~GraphSource() = default;
  // The graph of `func` for the specialization `key` ("" for the unspecialized graph); `suffix`
  // distinguishes the graph's name (`f__int`); `constant_args` are the arguments that are
  // constants in this specialization (nullopt for the others; empty when none). `caller` is the
  // annotator, for the chain of calls in flow errors.
  virtual flow::FunctionGraph* build_graph(FunctionDesc& func, const std::string& key,
                                           const std::string& suffix,
                                           const std::vector<std::optional<flow::ConstValue>>& constant_args,
                                           const class Annotator& caller) = 0;
};

// Arguments of a call, as annotations.
struct CallArgs {
  std::vector<SomeRef> positional;
  std::vector<std::pair<std::string, SomeRef>> keywords;
  SomeRef star;  // *args (a tuple), or null
  // The flow builder already matched the arguments to the parameters (a call of a constant
  // function: every parameter, the *args tuple, the keyword-only ones, in that order).
  bool prebound = false;
  CallShape shape() const;
};

// What the annotator remembers about a graph it annotates.
struct GraphInfo {
  FunctionDesc* func = nullptr;
  std::string specialization;  // key
  Position first_caller;       // the call that made the annotator flow it (for call chains)
  bool is_entry = false;
};

class Annotator : public FlowObserver {
 public:
  explicit Annotator(GraphSource& graphs);
  ~Annotator() override;

  Bookkeeper& bookkeeper() { return bookkeeper_; }

  // Annotates `entry` called with `args`, to the fixpoint; throws AnnotationError (a located
  // UserError) on failure. Returns the entry graph.
  flow::FunctionGraph* annotate_entry(FunctionDesc& entry, const std::vector<SomeRef>& args);
  // Runs the worklist to the fixpoint and checks for blocked blocks.
  void complete();
  // After complete(): annotates the Constants too, freezes the definitions.
  void finish();

  // The annotation of a Variable (nullptr when not annotated yet) or of a Constant.
  SomeRef annotation(flow::Value* v);
  // Every graph annotated, in discovery order.
  const std::vector<flow::FunctionGraph*>& graphs() const { return graphs_; }
  const GraphInfo* graph_info(const flow::FunctionGraph* g) const;
  flow::FunctionGraph* graph_of_block(const flow::Block* b) const;

  // ---- for the operation rules ----
  // Calls the callables in `callee` (a PBC or a type) with `args` from the current position.
  SomeRef call(const SomeRef& callee, const CallArgs& args);
  // Calls one function with the given (already matched) args: the graph for its
  // specialization, its start block scheduled, the caller recorded for return re-flows.
  SomeRef call_function(FunctionDesc& func, const CallArgs& args, const Desc* as_desc,
                        flow::FunctionGraph** graph_out = nullptr);
  // Instantiates a class: the instance annotation, with __init__ called on it.
  SomeRef instantiate(ClassDef* cls, const CallArgs& args);
  // The current operation (valid while a rule runs).
  const flow::Operation* current_operation() const { return current_op_; }
  // A JitDriver marker (jit_merge_point...) seen at the current position.
  void record_jit_marker(const std::string& marker, const Desc* driver);
  struct JitMarker {
    std::string marker;
    const Desc* driver;
    Position position;
  };
  const std::vector<JitMarker>& jit_markers() const { return jit_markers_; }
  // Warnings printed after annotation (not errors).
  void warn(const std::string& message);
  // A warning at the current operation: `FILE:LINE:COL: warning: MESSAGE`.
  void warn_here(const std::string& message);
  const std::vector<std::string>& warnings() const { return warnings_; }

  // FlowObserver
  void reflow_from(const Position& position) override;
  Position current_position() const override { return position_; }
  flow::SourceLocation current_location() const override;
  void rdict_key_changed(DictKey& key) override;

  // Where an explicit None reaches `value` (a variable of the current block) in the current
  // function: a `None` assigned on some path, or the return of a called function that returns
  // None explicitly. nullopt when its nullability only comes from data (attributes, items).
  std::optional<flow::SourceLocation> explicit_none_source(const flow::Value* value) const;

  // The chain of calls from the entry point to `graph` (entry first).
  std::vector<std::pair<flow::FunctionGraph*, flow::SourceLocation>> call_chain(
      const flow::FunctionGraph* graph) const;

  size_t blocks_processed() const { return blocks_processed_; }
  void set_source_reader(SourceLineReader reader) { source_reader_ = std::move(reader); }
  const SourceLineReader& source_reader() const { return source_reader_; }
  // Most versions of one function a specialization may make before it is an error.
  size_t max_specializations = 64;
  // Throws an AnnotationError at the current operation (for checks done outside rules).
  [[noreturn]] void fail_here(const std::string& message,
                              const std::vector<std::string>& notes = {});
  // Throws an AnnotationError at `where`, inside `graph`.
  [[noreturn]] void fail_in(const flow::FunctionGraph* graph, const flow::SourceLocation& where,
                            const std::string& message,
                            const std::vector<std::string>& notes = {});

 private:
  struct BlockState {
    flow::FunctionGraph* graph = nullptr;
    bool done = false;         // annotated (until an input generalizes)
    bool queued = false;
    int blocked_at = -1;       // operation index that could not be annotated
    const flow::Link* first_link = nullptr;  // a link that brought the current inputs
  };

  GraphSource& graph_source_;
  Bookkeeper bookkeeper_;
  std::unordered_map<const flow::Block*, BlockState> blocks_;
  std::deque<flow::Block*> pending_;
  std::vector<flow::FunctionGraph*> graphs_;
  std::unordered_map<const flow::FunctionGraph*, GraphInfo> graph_infos_;
  // Callers of each graph, re-flowed when its return annotation generalizes.
  std::unordered_map<const flow::Block*, PositionSet> return_readers_;
  std::vector<std::string> warnings_;
  std::vector<JitMarker> jit_markers_;
  Position position_;
  const flow::Operation* current_op_ = nullptr;
  size_t blocks_processed_ = 0;
  std::unordered_map<const flow::Block*, std::vector<const flow::Link*>> incoming_;
  SourceLineReader source_reader_ = disk_source_reader();
  std::unordered_map<Position, int, PositionHash> call_location_ids_;

  // calls.cc
  std::vector<SomeRef> match_arguments(FunctionDesc& func, const CallArgs& args);
  std::string specialization_key(FunctionDesc& func, const std::vector<SomeRef>& cells,
                                 std::vector<std::optional<flow::ConstValue>>* constant_args);
  flow::FunctionGraph* graph_for(FunctionDesc& func, const std::string& key,
                                 const std::vector<std::optional<flow::ConstValue>>& constant_args);
  // annotator_errors.cc
  // Where the value a link passes was made: its operation, or for a constant the statement
  // that assigns (or returns) it to `name` in the function's source when it can be found.
  flow::SourceLocation origin_of(const flow::Link* link, size_t arg_index, const std::string& name,
                                 bool is_result) const;
  flow::SourceLocation constant_source(const flow::FunctionGraph* g, const std::string& name,
                                       bool is_result, const flow::ConstValue& value) const;
  ErrorReport report_here(const std::string& message) const;

  void add_pending_block(flow::FunctionGraph* graph, flow::Block* block,
                         const std::vector<SomeRef>& cells, const flow::Link* via);
  void schedule(flow::Block* block);
  void process_block(flow::Block* block);
  // Returns false when the block is blocked at an operation.
  void flow_in(flow::FunctionGraph* graph, flow::Block* block);
  void follow_link(flow::FunctionGraph* graph, const flow::Link* link,
                   const std::vector<std::pair<const flow::Variable*, SomeRef>>* constraints);
  void follow_raise_link(flow::FunctionGraph* graph, const flow::Link* link,
                         const SomeRef& exc_value);
  SomeRef apply_renaming(const SomeRef& s, const flow::Link* link);
  void set_binding(flow::Variable* v, SomeRef s);
  SomeRef consider_op(const flow::Operation& op);
  void register_graph(flow::FunctionGraph* graph, FunctionDesc* func, const std::string& key);
  [[noreturn]] void fail_at(const std::string& message, const AnnotatorFailure* failure);
  [[noreturn]] void report_union_error_at_join(flow::FunctionGraph* graph, flow::Block* block,
                                               size_t arg_index, const flow::Link* via,
                                               const UnionError& e);
  void report_blocked_blocks();
  void check_rdict_functions();
  std::vector<DictKey*> rdict_keys_;
  friend class AnnotatorTestAccess;
};

}  // namespace rpp::annotator
