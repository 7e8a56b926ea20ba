// A position in the annotated program: an operation of a block of a graph. Definitions (list
// items, dict keys, attributes, return values) remember the positions that read them, so that
// a generalization re-flows exactly those blocks.
#pragma once
#include <cstddef>
#include <functional>
#include <unordered_set>
#include <vector>

#include "translator/flow/model.h"

namespace rpp::annotator {

struct Position {
  flow::FunctionGraph* graph = nullptr;
  flow::Block* block = nullptr;
  int index = -1;  // operation index in block (-1: the block's input or exits)
  bool operator==(const Position&) const = default;
  bool valid() const { return block != nullptr; }
};

struct PositionHash {
  size_t operator()(const Position& p) const {
    return std::hash<const void*>()(p.block) * 31 + static_cast<size_t>(p.index);
  }
};

// A set of positions that iterates in insertion order (so re-flowing is deterministic).
class PositionSet {
 public:
  void add(const Position& p) {
    if (seen_.insert(p).second) order_.push_back(p);
  }
  void add_all(const PositionSet& other) {
    for (const auto& p : other.order_) add(p);
  }
  const std::vector<Position>& items() const { return order_; }

 private:
  std::vector<Position> order_;
  std::unordered_set<Position, PositionHash> seen_;
};

// Where definitions report to: the annotator re-flows a position, and tells where the operation
// being annotated is (for error messages naming the sources of a type).
class FlowObserver {
 public:
  virtual ~FlowObserver() = default;
  virtual void reflow_from(const Position& position) = 0;
  virtual Position current_position() const = 0;
  virtual flow::SourceLocation current_location() const = 0;
  // The key type of an r_dict changed: its eq and hash functions must be annotated again.
  virtual void rdict_key_changed(class DictKey& key) { (void)key; }
};

}  // namespace rpp::annotator
