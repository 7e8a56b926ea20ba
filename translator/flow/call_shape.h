// The shape of a call with keywords or *args (the second argument of `call_args`): how many
// positional arguments come first, then the names of the keyword arguments in order, then
// whether the last argument is a *args tuple. As RPython's CallSpec shape.
#pragma once
#include <string>
#include <vector>

#include "translator/flow/model.h"

namespace rpp::flow {

class CallShape : public ConstPayload {
 public:
  CallShape(int positional, std::vector<std::string> keywords, bool star)
      : positional(positional), keywords(std::move(keywords)), star(star) {}

  const int positional;
  const std::vector<std::string> keywords;
  const bool star;

  std::string repr() const override {
    std::string text = "shape(" + std::to_string(positional);
    for (auto& k : keywords) text += ", " + k + "=";
    if (star) text += ", *";
    return text + ")";
  }
  bool equals(const ConstPayload& other) const override {
    auto* o = dynamic_cast<const CallShape*>(&other);
    return o && o->positional == positional && o->keywords == keywords && o->star == star;
  }
  size_t hash() const override {
    size_t h = std::hash<int>()(positional) * 31 + star;
    for (auto& k : keywords) h = h * 31 + std::hash<std::string>()(k);
    return h;
  }
};

}  // namespace rpp::flow
