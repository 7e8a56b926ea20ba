// The shape of the yes/no analyzers (can-raise, can-collect, forces-virtualizable): false is
// bottom, true is top, join is `or`. A concrete domain adds operation / helper / graph_local.
#pragma once

namespace rpp::analyzers {

struct BooleanDomain {
  using Result = bool;
  Result bottom() const { return false; }
  Result top() const { return true; }
  bool join(Result& into, const Result& other) const {
    if (into || !other) return false;
    into = true;
    return true;
  }
};

}  // namespace rpp::analyzers
