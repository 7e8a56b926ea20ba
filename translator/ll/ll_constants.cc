// GraphSet and HelperRef constants (ll_constants.h).
#include "translator/ll/ll_constants.h"

namespace rpp::ll {

std::string graph_reference(const std::string& name) {
  bool plain = !name.empty();
  for (char c : name)
    if (!(isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.')) plain = false;
  if (plain) return "@" + name;
  std::string quoted = "@\"";
  for (char c : name) {
    if (c == '"' || c == '\\') quoted += '\\';
    quoted += c;
  }
  return quoted + "\"";
}

std::string GraphSet::repr() const {
  std::string s = "[";
  for (size_t i = 0; i < graphs_.size(); ++i) {
    if (i) s += ", ";
    s += graph_reference(graphs_[i]->name);
  }
  return s + "]";
}

bool GraphSet::equals(const flow::ConstPayload& other) const {
  auto* o = dynamic_cast<const GraphSet*>(&other);
  return o && o->graphs_ == graphs_;
}

size_t GraphSet::hash() const {
  size_t h = graphs_.size();
  for (auto* g : graphs_) h = h * 31 + std::hash<const void*>()(g);
  return h;
}

bool HelperRef::equals(const flow::ConstPayload& other) const {
  auto* o = dynamic_cast<const HelperRef*>(&other);
  return o && o->helper_ == helper_;
}

namespace {
template <class T>
const T* payload_as(const flow::Constant* c) {
  auto* p = std::get_if<std::shared_ptr<const flow::ConstPayload>>(&c->value);
  return p ? dynamic_cast<const T*>(p->get()) : nullptr;
}
}  // namespace

const GraphSet* graph_set_of(const flow::Constant* c) { return payload_as<GraphSet>(c); }

const HelperInfo* helper_of(const flow::Constant* c) {
  auto* h = payload_as<HelperRef>(c);
  return h ? h->helper() : nullptr;
}

flow::FunctionGraph* graph_of(const flow::Constant* c) {
  auto* g = std::get_if<flow::GraphRef>(&c->value);
  return g ? g->graph : nullptr;
}

}  // namespace rpp::ll
