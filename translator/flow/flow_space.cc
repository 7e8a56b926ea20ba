// The graph cache of the flow stage, the conversion of FlowErrors into located user errors, and
// the walk over the functions live code calls through constants.
#include "translator/flow/flow_space.h"

#include <deque>
#include <set>
#include <stdexcept>

#include "translator/diagnostics.h"
#include "translator/flow/checkgraph.h"
#include "translator/flow/const_repr.h"
#include "translator/flow/flow_builder.h"

namespace rpp::flow {

std::string SpecializationKey::cache_key() const {
  std::string key = suffix;
  for (auto& c : constant_args) key += "|" + (c ? std::to_string(c->index()) + ":" + const_repr(*c) : "-");
  return key;
}

FlowSpace::FlowSpace(frontend::ObjectTable& objects, bool check_asserts)
    : objects_(objects), check_asserts_(check_asserts) {}

FlowSpace::~FlowSpace() = default;

frontend::ObjectKind FlowSpace::kind(PyObjectRef ref) {
  auto it = kinds_.find(ref.id);
  if (it != kinds_.end()) return it->second;
  return kinds_[ref.id] = objects_.kind(ref);
}

const std::string& FlowSpace::special_name(PyObjectRef ref) {
  auto it = special_names_.find(ref.id);
  if (it != special_names_.end()) return it->second;
  return special_names_[ref.id] = objects_.special_name(ref);
}

PyObjectRef FlowSpace::builtin(const std::string& name) {
  auto it = builtins_.find(name);
  if (it != builtins_.end()) return it->second;
  return builtins_[name] = objects_.builtin(name);
}

std::string FlowSpace::describe(PyObjectRef ref) {
  auto it = descriptions_.find(ref.id);
  if (it != descriptions_.end()) return it->second;
  return descriptions_[ref.id] = objects_.describe(ref);
}

FunctionGraph* FlowSpace::find(PyObjectRef function, const SpecializationKey& key) const {
  auto it = cache_.find({function.id, key.cache_key()});
  return it == cache_.end() ? nullptr : it->second;
}

namespace {

std::string location_text(const SourceLocation& loc) {
  return (loc.file ? *loc.file : std::string("?")) + ":" + std::to_string(loc.line) + ":" + std::to_string(loc.col);
}

std::string reached_from_text(const std::shared_ptr<const ReachedFrom>& from) {
  std::string text;
  for (auto r = from; r; r = r->parent) text += "\n  called from " + r->caller + " at " + location_text(r->where);
  return text;
}

// `FILE:LINE:COL: error: MESSAGE`, the source line with a caret, the function and its callers.
std::string format_error(frontend::ObjectTable& objects, const frontend::FunctionInfo& info, const FlowError& e,
                         const std::shared_ptr<const ReachedFrom>& from) {
  std::string text = info.filename + ":" + std::to_string(e.pos.line) + ":" + std::to_string(e.pos.col) +
                     ": error: " + e.message;
  std::string line = objects.source_line(info.filename, e.pos.line);
  size_t indent = line.find_first_not_of(" \t");
  if (indent != std::string::npos) {
    text += "\n    " + line.substr(indent);
    if (e.pos.col > static_cast<int>(indent)) text += "\n    " + std::string(e.pos.col - 1 - indent, ' ') + "^";
  }
  text += "\n  in function " + info.qualname + reached_from_text(from);
  return text;
}

}  // namespace

FunctionGraph* FlowSpace::graph_for(PyObjectRef function, const SpecializationKey& key,
                                    std::shared_ptr<const ReachedFrom> from) {
  if (FunctionGraph* g = find(function, key)) return g;
  auto info = objects_.function_info(function);
  if (!info->ast) {
    std::string where = from ? location_text(from->where) + ": error: " : "rpp: error: ";
    throw UserError(where + "cannot find the source of function '" + info->qualname + "' (defined in " +
                    info->filename + " at line " + std::to_string(info->first_line) + "): " + info->source_error +
                    "; functions made at import time must come from a file or from exec() of a string" +
                    (from ? reached_from_text(from->parent) : ""));
  }
  auto graph = std::make_unique<FunctionGraph>(info->qualname + key.suffix);
  graph->func = function;
  graph->flags = info->flags;
  try {
    FlowBuilder(*this, info, key, *graph).build();
  } catch (const FlowError& e) {
    throw UserError(format_error(objects_, *info, e, from));
  } catch (const std::logic_error& e) {
    throw UserError("rpp: internal error while flowing " + info->qualname + " (" + info->filename + ":" +
                        std::to_string(info->first_line) + "): " + e.what(),
                    3);
  }
  CheckOptions check;
  check.flow_level = true;
  auto errors = check_graph(*graph, check);
  if (!errors.empty()) {
    std::string message = "rpp: internal error: the flow graph of " + graph->name + " breaks the graph invariants:";
    for (auto& e : errors) message += "\n  " + e;
    throw UserError(message, 3);
  }
  FunctionGraph* result = graph.get();
  owned_.push_back(std::move(graph));
  order_.push_back(result);
  cache_[{function.id, key.cache_key()}] = result;
  return result;
}

std::vector<std::pair<PyObjectRef, SourceLocation>> FlowSpace::constant_callees(const FunctionGraph& graph) {
  std::vector<std::pair<PyObjectRef, SourceLocation>> callees;
  std::set<uint32_t> seen;
  auto add = [&](PyObjectRef ref, const SourceLocation& where) {
    if (seen.insert(ref.id).second) callees.push_back({ref, where});
  };
  for (Block* b : graph.iterblocks()) {
    for (const Operation& op : b->operations) {
      if ((op.opname != "simple_call" && op.opname != "call_args") || op.args.empty() || !op.args[0]->is_constant())
        continue;
      auto* ref = std::get_if<PyObjectRef>(&static_cast<Constant*>(op.args[0])->value);
      if (!ref) continue;
      frontend::ObjectKind k = kind(*ref);
      if (!special_name(*ref).empty()) continue;  // implemented by the translator, never flowed
      if (k == frontend::ObjectKind::Function) {
        add(*ref, op.location);
      } else if (k == frontend::ObjectKind::Class) {
        auto init = objects_.fold("getattr", {ConstValue{*ref}, ConstValue{std::string("__init__")}});
        if (init.status != frontend::FoldResult::Folded) continue;
        auto* init_ref = std::get_if<PyObjectRef>(&init.value);
        if (init_ref && kind(*init_ref) == frontend::ObjectKind::Function) add(*init_ref, op.location);
      }
    }
  }
  return callees;
}

void flow_live_functions(FlowSpace& space) {
  struct Work {
    PyObjectRef function;
    std::shared_ptr<const ReachedFrom> from;
  };
  std::deque<Work> work{{space.objects().entry_point(), nullptr}};
  std::set<uint32_t> queued{work.front().function.id};
  while (!work.empty()) {
    Work w = work.front();
    work.pop_front();
    FunctionGraph* graph = space.graph_for(w.function, {}, w.from);
    for (auto& [callee, where] : space.constant_callees(*graph)) {
      if (!queued.insert(callee.id).second) continue;
      work.push_back({callee, std::make_shared<const ReachedFrom>(ReachedFrom{graph->name, where, w.from})});
    }
  }
}

}  // namespace rpp::flow
