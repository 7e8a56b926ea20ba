// Checks, at compile time, that every operation of the table whose meaning is in ops.h (impl OPS)
// has a function rpp::ops::NAME whose C++ parameter and result types are the table's kinds, and
// that exactly the raising ones return Checked<T>.
#include <doctest/doctest.h>

#include <string_view>

#include "runtime/ll_operation_flags.h"
#include "runtime/ops.h"

namespace {

using rpp::ops::Checked;

template <class T> struct KindOf { static constexpr char value = '?'; static constexpr bool checked = false; };
template <> struct KindOf<long> { static constexpr char value = 'i'; static constexpr bool checked = false; };
template <> struct KindOf<unsigned long> { static constexpr char value = 'u'; static constexpr bool checked = false; };
template <> struct KindOf<long long> { static constexpr char value = 'l'; static constexpr bool checked = false; };
template <> struct KindOf<unsigned long long> { static constexpr char value = 'x'; static constexpr bool checked = false; };
template <> struct KindOf<double> { static constexpr char value = 'f'; static constexpr bool checked = false; };
template <> struct KindOf<bool> { static constexpr char value = 'b'; static constexpr bool checked = false; };
template <> struct KindOf<unsigned char> { static constexpr char value = 'c'; static constexpr bool checked = false; };
template <> struct KindOf<char32_t> { static constexpr char value = 'w'; static constexpr bool checked = false; };
template <> struct KindOf<char*> { static constexpr char value = 'a'; static constexpr bool checked = false; };
template <> struct KindOf<void*> { static constexpr char value = 'p'; static constexpr bool checked = false; };
template <> struct KindOf<void> { static constexpr char value = 'v'; static constexpr bool checked = false; };
template <class T> struct KindOf<Checked<T>> { static constexpr char value = KindOf<T>::value; static constexpr bool checked = true; };

static_assert(KindOf<int64_t>::value == 'i' && KindOf<uint64_t>::value == 'u');

template <class R, class... A>
constexpr bool operands_match(R (*)(A...), std::string_view operands) {
  constexpr char kinds[] = {KindOf<A>::value..., '\0'};
  return std::string_view(kinds, sizeof...(A)) == operands;
}
template <class R, class... A>
constexpr bool result_matches(R (*)(A...), std::string_view result) {
  return result.size() == 1 && KindOf<R>::value == result[0];
}
template <class R, class... A>
constexpr bool raising_matches(R (*)(A...), uint32_t flags) {
  return KindOf<R>::checked == ((flags & rpp::llop_flags::kRaiseMask) != 0);
}

using namespace rpp::llop_flags;

#define CHECK_IMPL_OPS(name, operands, result, flags)                                         \
  static_assert(operands_match(&rpp::ops::name, operands), #name ": operand kinds differ");   \
  static_assert(result_matches(&rpp::ops::name, result), #name ": result kind differs");      \
  static_assert(raising_matches(&rpp::ops::name, flags), #name ": Checked<T> iff it raises");
#define CHECK_IMPL_MEMORY(name, operands, result, flags)
#define CHECK_IMPL_LOWERED(name, operands, result, flags)
#define RPP_LL_OP(name, operands, result, flags, impl) CHECK_IMPL_##impl(name, operands, result, flags)
#include "runtime/ll_operations.def"
#undef RPP_LL_OP

constexpr int count_ops() {
  int n = 0;
#define RPP_LL_OP(name, operands, result, flags, impl) ++n;
#include "runtime/ll_operations.def"
#undef RPP_LL_OP
  return n;
}

}  // namespace

TEST_CASE("the operation table's kinds match the C++ signatures in ops.h") {
  CHECK(count_ops() > 200);  // the static_asserts above did the real work
}
