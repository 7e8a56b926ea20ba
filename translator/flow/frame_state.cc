// Comparing, merging and copying frame states.
#include "translator/flow/frame_state.h"

namespace rpp::flow {

namespace {

bool same_constant(const Value* a, const Value* b) {
  return a->is_constant() && b->is_constant() &&
         const_value_equal(static_cast<const Constant*>(a)->value, static_cast<const Constant*>(b)->value);
}

std::string hint_for(size_t slot, const std::vector<std::string>& local_names) {
  return slot < local_names.size() ? local_names[slot] : "";
}

}  // namespace

bool is_unbound(const Value* v) {
  if (!v || !v->is_constant()) return false;
  auto* p = std::get_if<std::shared_ptr<const ConstPayload>>(&static_cast<const Constant*>(v)->value);
  return p && *p && dynamic_cast<const UnboundLocal*>(p->get());
}

std::vector<Value*> FrameState::mergeable() const {
  std::vector<Value*> out(locals.begin(), locals.end());
  for (auto& e : entries) out.insert(out.end(), e.values.begin(), e.values.end());
  return out;
}

std::vector<Value**> FrameState::mergeable_slots() {
  std::vector<Value**> out;
  for (auto& v : locals) out.push_back(&v);
  for (auto& e : entries)
    for (auto& v : e.values) out.push_back(&v);
  return out;
}

std::vector<Variable*> FrameState::variables() const {
  std::vector<Variable*> out;
  for (Value* v : mergeable())
    if (v && v->is_variable()) out.push_back(static_cast<Variable*>(v));
  return out;
}

bool FrameState::same_shape(const FrameState& other) const {
  if (point != other.point || locals.size() != other.locals.size() || entries.size() != other.entries.size())
    return false;
  for (size_t i = 0; i < locals.size(); ++i)
    if (is_unbound(locals[i]) != is_unbound(other.locals[i])) return false;
  for (size_t i = 0; i < entries.size(); ++i) {
    const Entry& a = entries[i];
    const Entry& b = other.entries[i];
    if (a.kind != b.kind || a.tag != b.tag || a.owner != b.owner || a.values.size() != b.values.size()) return false;
  }
  return true;
}

bool FrameState::generalizes(const FrameState& incoming) const {
  if (!same_shape(incoming)) return false;
  auto mine = mergeable();
  auto theirs = incoming.mergeable();
  for (size_t i = 0; i < mine.size(); ++i) {
    if (!mine[i]) continue;
    if (!theirs[i]) return false;
    if (mine[i]->is_variable()) continue;
    if (!same_constant(mine[i], theirs[i])) return false;
  }
  return true;
}

std::vector<Value*> FrameState::outputargs_from(const FrameState& incoming) const {
  auto mine = mergeable();
  auto theirs = incoming.mergeable();
  std::vector<Value*> out;
  for (size_t i = 0; i < mine.size(); ++i)
    if (mine[i] && mine[i]->is_variable()) out.push_back(theirs[i]);
  return out;
}

FrameState FrameState::unite(const FrameState& a, const FrameState& b, FunctionGraph& graph,
                             const std::vector<std::string>& local_names) {
  FrameState result = a;
  auto slots = result.mergeable_slots();
  auto theirs = b.mergeable();
  for (size_t i = 0; i < slots.size(); ++i) {
    Value* x = *slots[i];
    Value* y = theirs[i];
    if (!x || !y) {
      *slots[i] = nullptr;
    } else if (x == y || same_constant(x, y)) {
      // keep
    } else if (y->is_variable()) {
      *slots[i] = y;  // any Variable: with_fresh_variables replaces it below
    } else if (!x->is_variable()) {
      *slots[i] = graph.new_variable(hint_for(i, local_names));
    }
  }
  // Variables are per block: the result gets its own.
  return result.with_fresh_variables(graph, local_names);
}

FrameState FrameState::with_fresh_variables(FunctionGraph& graph, const std::vector<std::string>& local_names) const {
  FrameState result = *this;
  auto slots = result.mergeable_slots();
  for (size_t i = 0; i < slots.size(); ++i)
    if (*slots[i] && (*slots[i])->is_variable()) *slots[i] = graph.new_variable(hint_for(i, local_names));
  return result;
}

}  // namespace rpp::flow
