// Every helper of runtime/helpers.def has a body (this file does not link otherwise) whose C++
// signature matches the table's LL signature: Signed int64_t, Float double, Bool bool, Char
// unsigned char, UniChar char32_t, Void void, any Ptr a pointer.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "runtime/helper_flags.h"
#include "runtime/rlib/helpers.h"

namespace {

template <class T> struct LLKind { static constexpr const char* name = "?"; };
template <> struct LLKind<int64_t> { static constexpr const char* name = "Signed"; };
template <> struct LLKind<double> { static constexpr const char* name = "Float"; };
template <> struct LLKind<bool> { static constexpr const char* name = "Bool"; };
template <> struct LLKind<unsigned char> { static constexpr const char* name = "Char"; };
template <> struct LLKind<char32_t> { static constexpr const char* name = "UniChar"; };
template <> struct LLKind<void> { static constexpr const char* name = "Void"; };
template <class T> struct LLKind<T*> { static constexpr const char* name = "Ptr"; };

template <class R, class... A>
std::string signature_of(R (*)(A...)) {
  std::vector<std::string> args = {LLKind<A>::name...};
  std::string out = "(";
  for (size_t i = 0; i < args.size(); ++i) out += (i ? ", " : "") + args[i];
  return out + ") -> " + LLKind<R>::name;
}

// "(Ptr(rpy_string), Signed) -> Ptr(rpy_string)" -> "(Ptr, Signed) -> Ptr"
std::string erase_pointee_types(const std::string& sig) {
  std::string out;
  for (size_t i = 0; i < sig.size(); ++i) {
    if (sig.compare(i, 4, "Ptr(") == 0) {
      out += "Ptr";
      int depth = 0;
      for (i += 3; i < sig.size(); ++i) {
        if (sig[i] == '(') ++depth;
        if (sig[i] == ')' && --depth == 0) break;
      }
    } else {
      out.push_back(sig[i]);
    }
  }
  return out;
}

struct Row {
  const char* name;
  const char* table_signature;
  std::string cxx_signature;
};

using namespace rpp::helper_flags;

const std::vector<Row>& rows() {
  static const std::vector<Row> all = {
#define RPP_HELPER(name, signature, flags, reads, writes, oopspec) {#name, signature, signature_of(&rpp_helper_##name)},
#include "runtime/helpers.def"
#undef RPP_HELPER
  };
  return all;
}

}  // namespace

TEST_CASE("every helper has a body with the table's signature") {
  for (const Row& r : rows()) CHECK_MESSAGE(erase_pointee_types(r.table_signature) == r.cxx_signature, r.name);
  CHECK(rows().size() > 140);
}
