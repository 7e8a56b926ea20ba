// Evaluators of OPS operations on words, generated from runtime/ll_operations.def
// (operation_evaluators.h).
#include "translator/llinterp/operation_evaluators.h"

#include <map>
#include <string>
#include <tuple>
#include <utility>

namespace rpp::llinterp {

namespace {

template <class T>
struct IsChecked : std::false_type {};
template <class T>
struct IsChecked<ops::Checked<T>> : std::true_type {};

template <class R, class... A, size_t... I>
ops::OpError call(R (*fn)(A...), const Word* args, Word* result, std::index_sequence<I...>) {
  if constexpr (std::is_void_v<R>) {
    fn(from_word<std::decay_t<A>>(args[I])...);
    *result = 0;
    return ops::OpError::None;
  } else {
    R r = fn(from_word<std::decay_t<A>>(args[I])...);
    if constexpr (IsChecked<R>::value) {
      if (!r.ok()) return r.error;
      *result = to_word(r.value);
    } else {
      *result = to_word(r);
    }
    return ops::OpError::None;
  }
}

template <auto Fn>
ops::OpError evaluate(const Word* args, Word* result) {
  return []<class R, class... A>(R (*fn)(A...), const Word* a, Word* out) {
    return call(fn, a, out, std::index_sequence_for<A...>{});
  }(Fn, args, result);
}

template <auto Fn>
constexpr int arity_of() {
  return []<class R, class... A>(R (*)(A...)) { return int(sizeof...(A)); }(Fn);
}

#define RPP_EVAL_OPS(name) table.emplace(#name, OperationEvaluator{&evaluate<&rpp::ops::name>, arity_of<&rpp::ops::name>()});
#define RPP_EVAL_MEMORY(name)
#define RPP_EVAL_LOWERED(name)

std::map<std::string, OperationEvaluator, std::less<>> build_table() {
  std::map<std::string, OperationEvaluator, std::less<>> table;
#define RPP_LL_OP(name, operands, result, flags, impl) RPP_EVAL_##impl(name)
#include "runtime/ll_operations.def"
#undef RPP_LL_OP
  for (auto& [name, evaluator] : table) {
    auto checked = table.find(name + "_ovf");
    if (checked != table.end() && checked->second.arity == evaluator.arity)
      evaluator.overflow_check = checked->second.evaluate;
  }
  return table;
}

}  // namespace

const OperationEvaluator* find_evaluator(std::string_view opname) {
  static const auto table = build_table();
  auto it = table.find(opname);
  return it == table.end() ? nullptr : &it->second;
}

}  // namespace rpp::llinterp
