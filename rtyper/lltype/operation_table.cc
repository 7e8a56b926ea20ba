// The table of operation_table.h, made from runtime/ll_operations.def.
#include "rtyper/lltype/operation_table.h"

#include <map>

namespace rpp::lltype {

namespace {

using namespace llop_flags;

constexpr OperationImpl kImplOPS = OperationImpl::Ops;
constexpr OperationImpl kImplMEMORY = OperationImpl::Memory;
constexpr OperationImpl kImplLOWERED = OperationImpl::Lowered;

const std::vector<OperationInfo> kOperations = {
#define RPP_LL_OP(name, operands, result, flags, impl) {#name, operands, result, flags, kImpl##impl},
#include "runtime/ll_operations.def"
#undef RPP_LL_OP
};

const std::map<std::string_view, const OperationInfo*>& by_name() {
  static const auto* index = [] {
    auto* m = new std::map<std::string_view, const OperationInfo*>;
    for (const OperationInfo& op : kOperations) m->emplace(op.name, &op);
    return m;
  }();
  return *index;
}

}  // namespace

const OperationInfo* find_operation(std::string_view name) {
  auto it = by_name().find(name);
  return it == by_name().end() ? nullptr : it->second;
}

const std::vector<OperationInfo>& all_operations() { return kOperations; }

}  // namespace rpp::lltype
