// The flow-level operation table built from operations.def.
#include "translator/flow/operations.h"

#include <sstream>
#include <unordered_map>

namespace rpp::flow {

namespace {

std::vector<std::string_view> split_names(std::string_view text) {
  std::vector<std::string_view> names;
  size_t i = 0;
  while (i < text.size()) {
    size_t j = text.find(' ', i);
    if (j == std::string_view::npos) j = text.size();
    if (j > i) names.push_back(text.substr(i, j - i));
    i = j + 1;
  }
  return names;
}

struct Table {
  std::vector<FlowOpInfo> ops;
  std::unordered_map<std::string_view, size_t> index;
  Table() {
#define FLOW_OP(name, arity, flags, raises) \
  ops.push_back(FlowOpInfo{#name, arity, static_cast<unsigned>(flags), split_names(raises)});
#include "translator/flow/operations.def"
#undef FLOW_OP
    for (size_t i = 0; i < ops.size(); ++i) index.emplace(ops[i].name, i);
  }
};

const Table& table() {
  static const Table t;
  return t;
}

}  // namespace

const FlowOpInfo* find_flow_op(std::string_view name) {
  auto& t = table();
  auto it = t.index.find(name);
  return it == t.index.end() ? nullptr : &t.ops[it->second];
}

const std::vector<FlowOpInfo>& flow_ops() { return table().ops; }

const FlowOpInfo* inplace_variant(std::string_view binary_op) {
  return find_flow_op("inplace_" + std::string(binary_op));
}

}  // namespace rpp::flow
