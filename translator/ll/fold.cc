// fold_operation (fold.h): one evaluator per foldable operation, generated from the table.
#include "translator/ll/fold.h"

#include <map>
#include <type_traits>
#include <utility>

#include "runtime/ll_operation_flags.h"

namespace rpp::ll {

namespace {

using Args = std::vector<const flow::Constant*>;
using Evaluator = FoldResult (*)(const Args&);

// Reads an operand as the C++ type of its kind; false when the constant has no such value.
template <class T>
bool read_operand(const flow::Constant* c, T& out) {
  const flow::ConstValue& v = c->value;
  if constexpr (std::is_same_v<T, bool>) {
    if (auto* b = std::get_if<bool>(&v)) return out = *b, true;
  } else if constexpr (std::is_same_v<T, double>) {
    if (auto* d = std::get_if<double>(&v)) return out = *d, true;
  } else if constexpr (std::is_same_v<T, uint64_t> || std::is_same_v<T, unsigned long long>) {
    if (auto* u = std::get_if<uint64_t>(&v)) return out = T(*u), true;
  } else if constexpr (std::is_integral_v<T> || std::is_same_v<T, char32_t>) {
    if (auto* i = std::get_if<int64_t>(&v)) return out = T(*i), true;
  }
  return false;
}

template <class T>
flow::ConstValue to_value(T v) {
  if constexpr (std::is_same_v<T, bool>) return v;
  else if constexpr (std::is_same_v<T, double>) return v;
  else if constexpr (std::is_same_v<T, uint64_t> || std::is_same_v<T, unsigned long long>) return uint64_t(v);
  else return int64_t(v);
}

template <class T>
struct IsChecked : std::false_type {};
template <class T>
struct IsChecked<ops::Checked<T>> : std::true_type {};

template <class R, class... A, size_t... I>
FoldResult call(R (*fn)(A...), const Args& args, std::index_sequence<I...>) {
  std::tuple<std::decay_t<A>...> values;
  if (!(read_operand(args[I], std::get<I>(values)) && ...)) return {};
  R r = fn(std::get<I>(values)...);
  if constexpr (IsChecked<R>::value) {
    if (!r.ok()) return {FoldResult::Status::Raises, {}, r.error};
    return {FoldResult::Status::Value, to_value(r.value), ops::OpError::None};
  } else {
    return {FoldResult::Status::Value, to_value(r), ops::OpError::None};
  }
}

template <auto Fn>
FoldResult evaluate(const Args& args) {
  return []<class R, class... A>(R (*fn)(A...), const Args& a) -> FoldResult {
    if (a.size() != sizeof...(A)) return {};
    return call(fn, a, std::index_sequence_for<A...>{});
  }(Fn, args);
}

using namespace llop_flags;

// Only operations whose meaning is in ops.h and that may be folded get an evaluator.
template <uint32_t Flags>
constexpr bool foldable() {
  return (Flags & (Fold | TryFold)) != 0;
}

#define RPP_FOLD_OPS(name, flags)                                                      \
  if constexpr (foldable<(flags)>()) table.emplace(#name, &evaluate<&rpp::ops::name>);
#define RPP_FOLD_MEMORY(name, flags)
#define RPP_FOLD_LOWERED(name, flags)

const std::map<std::string, Evaluator>& evaluators() {
  static const auto* t = [] {
    auto* m = new std::map<std::string, Evaluator>;
    auto& table = *m;
#define RPP_LL_OP(name, operands, result, flags, impl) RPP_FOLD_##impl(name, flags)
#include "runtime/ll_operations.def"
#undef RPP_LL_OP
    return m;
  }();
  return *t;
}

}  // namespace

FoldResult fold_operation(const std::string& opname, const Args& args) {
  auto it = evaluators().find(opname);
  if (it == evaluators().end()) return {};
  return it->second(args);
}

bool is_foldable_operation(const std::string& opname) { return evaluators().count(opname) > 0; }

}  // namespace rpp::ll
