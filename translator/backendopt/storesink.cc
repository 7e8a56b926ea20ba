// Repeated field reads removed (storesink.h).
#include "translator/backendopt/storesink.h"

#include <map>
#include <string>

#include "rtyper/lltype/lltype.h"
#include "rtyper/lltype/operation_table.h"
#include "translator/backendopt/analyzers/call_graph.h"
#include "translator/backendopt/analyzers/effects.h"

namespace rpp::backendopt {

using flow::Block;
using flow::Operation;
using flow::Value;
using flow::Variable;

namespace {

const std::string* field_name(const Operation& op, size_t index) {
  if (op.args.size() <= index) return nullptr;
  auto* c = dynamic_cast<const flow::Constant*>(op.args[index]);
  return c ? std::get_if<std::string>(&c->value) : nullptr;
}

// The struct a getfield/setfield reads or writes (through its pointer's type).
const lltype::LowLevelType* struct_of(const Value* object) {
  auto* ptr = lltype::as<lltype::Ptr>(object->concretetype);
  return ptr ? ptr->to() : nullptr;
}

struct Known {
  std::string field;
  Value* value;
};

// (object variable, field) -> the value it holds.
using Cache = std::map<std::pair<const Value*, std::string>, Known>;

// Forgets every object's `field` (by name alone: two pointers of different types may still
// reach the same field through casts).
void forget_field(Cache& cache, const std::string& field) {
  for (auto it = cache.begin(); it != cache.end();)
    it = it->second.field == field ? cache.erase(it) : std::next(it);
}

// Whether a written effect member (`f`, `[*].f`, `*`, `[*]`) may be the field `field`.
bool member_may_be(const std::string& member, const std::string& field) {
  if (member == "*" || member == field) return true;
  return member.size() > field.size() && member.ends_with("." + field);
}

// A store into the items of an array whose items are not structs: no getfield reads those.
bool writes_only_plain_array_items(const Operation& op) {
  if (op.opname != "setarrayitem" && op.opname != "bare_setarrayitem") return false;
  auto* array = lltype::as<lltype::Array>(struct_of(op.args[0]));
  return array && !lltype::as<lltype::Struct>(array->item());
}

class Sinker {
 public:
  explicit Sinker(const analyzers::EffectsAnalysis& effects) : effects_(effects) {}

  size_t run(flow::FunctionGraph& graph) {
    std::map<const Block*, size_t> predecessors;
    std::map<const Block*, flow::Link*> only_link;
    for (flow::Link* link : graph.iterlinks()) {
      ++predecessors[link->target];
      only_link[link->target] = link;
    }
    std::map<const Block*, Cache> at_exit;
    size_t replaced = 0;
    for (Block* block : graph.iterblocks()) {
      Cache cache;
      // A block with one predecessor (already visited: blocks come in depth-first order) starts
      // with what its predecessor knew, through the link's arguments.
      if (block != graph.startblock && predecessors[block] == 1) {
        flow::Link* link = only_link[block];
        if (link->prevblock != block && at_exit.count(link->prevblock)) cache = through_link(at_exit[link->prevblock], *link);
      }
      for (Operation& op : block->operations) replaced += visit(op, cache);
      at_exit[block] = std::move(cache);
    }
    return replaced;
  }

 private:
  const analyzers::EffectsAnalysis& effects_;

  static Cache through_link(const Cache& before, const flow::Link& link) {
    Cache after;
    auto renamed = [&](const Value* v) -> Value* {
      if (dynamic_cast<const flow::Constant*>(v)) return const_cast<Value*>(v);
      for (size_t i = 0; i < link.args.size() && i < link.target->inputargs.size(); ++i)
        if (link.args[i] == v) return link.target->inputargs[i];
      return nullptr;
    };
    // The exception variables of a link are not values of the block before it.
    if (link.last_exception || link.last_exc_value) return after;
    for (const auto& [key, known] : before) {
      Value* object = renamed(key.first);
      Value* value = renamed(known.value);
      if (!object || !value || dynamic_cast<const flow::Constant*>(object)) continue;
      after[{object, key.second}] = Known{known.field, value};
    }
    return after;
  }

  size_t visit(Operation& op, Cache& cache) {
    if (op.opname == "getfield" && op.args.size() == 2 && op.args[0]->is_variable()) {
      const std::string* field = field_name(op, 1);
      if (!field) return 0;
      auto it = cache.find({op.args[0], *field});
      if (it != cache.end() && it->second.value->concretetype == op.result->concretetype) {
        op.opname = "same_as";
        op.args = {it->second.value};
        return 1;
      }
      if (!lltype::is_void(op.result->concretetype)) cache[{op.args[0], *field}] = Known{*field, op.result};
      return 0;
    }
    if ((op.opname == "setfield" || op.opname == "bare_setfield") && op.args.size() == 3) {
      const std::string* field = field_name(op, 1);
      if (!field) {
        cache.clear();
        return 0;
      }
      forget_field(cache, *field);
      if (op.args[0]->is_variable() && !lltype::is_void(op.args[2]->concretetype))
        cache[{op.args[0], *field}] = Known{*field, op.args[2]};
      return 0;
    }
    const lltype::OperationInfo* info = lltype::find_operation(op.opname);
    if (info && info->is_call()) {
      analyzers::Effects e = effects_.operation(op);
      if (e.random) {
        cache.clear();
        return 0;
      }
      // Forget the fields the call may write (by struct and field name).
      for (const analyzers::Effect& w : e.writes)
        for (auto it = cache.begin(); it != cache.end();)
          it = member_may_be(w.member, it->second.field) ? cache.erase(it) : std::next(it);
      return 0;
    }
    // A new object changes no existing one.
    if (op.opname == "malloc" || op.opname == "malloc_varsize") return 0;
    if (!info || info->has_side_effects()) {
      if (!writes_only_plain_array_items(op)) cache.clear();
    }
    return 0;
  }
};

}  // namespace

size_t sink_stores(const std::vector<flow::FunctionGraph*>& graphs) {
  analyzers::CallGraph calls(graphs);
  analyzers::EffectsAnalysis effects(calls);
  Sinker sinker(effects);
  size_t replaced = 0;
  for (flow::FunctionGraph* g : graphs) replaced += sinker.run(*g);
  return replaced;
}

}  // namespace rpp::backendopt
