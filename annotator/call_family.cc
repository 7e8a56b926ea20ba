// Call families as a union-find over Descs, and the table of call sites.
#include "annotator/call_family.h"

#include <algorithm>

namespace rpp::annotator {

CallFamilies::Node* CallFamilies::find(Node* n) {
  while (n->parent) {
    if (n->parent->parent) n->parent = n->parent->parent;
    n = n->parent;
  }
  return n;
}

CallFamily* CallFamilies::family_of(const Desc* desc) {
  auto it = node_of_.find(desc);
  if (it == node_of_.end()) {
    Node& n = nodes_.emplace_back();
    n.order = nodes_.size();
    n.family = std::make_unique<CallFamily>();
    n.family->descs.push_back(desc);
    it = node_of_.emplace(desc, &n).first;
  }
  return find(it->second)->family.get();
}

CallFamily* CallFamilies::unite(const std::vector<const Desc*>& descs) {
  if (descs.empty()) return nullptr;
  family_of(descs[0]);
  Node* root = find(node_of_[descs[0]]);
  for (size_t i = 1; i < descs.size(); ++i) {
    family_of(descs[i]);
    Node* other = find(node_of_[descs[i]]);
    if (other == root) continue;
    if (other->order < root->order) std::swap(root, other);  // the older root wins
    for (const Desc* d : other->family->descs) root->family->descs.push_back(d);
    for (const CallSite* s : other->family->sites) root->family->sites.push_back(s);
    other->family.reset();
    other->parent = root;
  }
  return root->family.get();
}

void CallFamilies::record(CallSite site) {
  site.position.graph = nullptr;  // sites are keyed by block and index
  auto it = site_by_position_.find(site.position);
  if (it != site_by_position_.end()) {
    *it->second = std::move(site);
    return;
  }
  CallSite& stored = sites_.emplace_back(std::move(site));
  site_by_position_[stored.position] = &stored;
  if (!stored.callees.empty()) {
    CallFamily* f = family_of(stored.callees[0].first);
    f->sites.push_back(&stored);
  }
}

const CallSite* CallFamilies::site_at(const flow::Block* block, int index) const {
  auto it = site_by_position_.find(Position{nullptr, const_cast<flow::Block*>(block), index});
  return it == site_by_position_.end() ? nullptr : it->second;
}

std::vector<CallFamily*> CallFamilies::families() const {
  std::vector<CallFamily*> out;
  for (const Node& n : nodes_)
    if (!n.parent && n.family) out.push_back(n.family.get());
  return out;
}

}  // namespace rpp::annotator
