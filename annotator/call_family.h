// Call families, for the rtyper: the partition of callable Descs (functions, methods, classes)
// by "may be called from a common call site" (union-find), and for every call site which graph
// of each callee it calls. The rtyper gives every member of a family one calling convention.
#pragma once
#include <deque>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "annotator/position.h"
#include "translator/flow/model.h"

namespace rpp::annotator {

class Desc;

// How arguments are passed at a call site.
struct CallShape {
  int positional = 0;
  std::vector<std::string> keywords;
  bool star_args = false;
  bool operator==(const CallShape&) const = default;
};

// One call site: the shape, and the graph each possible callee runs.
struct CallSite {
  Position position;
  CallShape shape;
  std::vector<std::pair<const Desc*, flow::FunctionGraph*>> callees;
};

class CallFamily {
 public:
  std::vector<const Desc*> descs;  // in the order they joined
  std::vector<const CallSite*> sites;
};

class CallFamilies {
 public:
  // The family of `desc` (a new singleton family when it has none).
  CallFamily* family_of(const Desc* desc);
  // Puts every desc in one family; returns it.
  CallFamily* unite(const std::vector<const Desc*>& descs);
  // Records (or replaces) the call site at `site.position`.
  void record(CallSite site);
  // The call site of an operation (by block and index), or nullptr.
  const CallSite* site_at(const flow::Block* block, int index) const;
  // Every family, once, in creation order.
  std::vector<CallFamily*> families() const;

 private:
  struct Node {
    size_t order = 0;  // creation order: the older root wins a union
    Node* parent = nullptr;
    std::unique_ptr<CallFamily> family;
  };
  Node* find(Node* n);
  std::deque<Node> nodes_;
  std::unordered_map<const Desc*, Node*> node_of_;
  std::deque<CallSite> sites_;
  std::unordered_map<Position, CallSite*, PositionHash> site_by_position_;  // graph ignored
};

}  // namespace rpp::annotator
