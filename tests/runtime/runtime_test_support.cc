// Support for the runtime's unit tests (runtime_test_support.h).
#include "tests/runtime/runtime_test_support.h"

#include <array>
#include <cstring>

#include "runtime/gc/gc.h"
#include "runtime/gc/roots.h"
#include "runtime/gc/type_info.h"
#include "runtime/rlib/exceptions.h"
#include "runtime/rlib/helpers.h"
#include "runtime/rlib/str_list.h"
#include "runtime/rlib/str_object.h"
#include "runtime/rlib/utf8.h"

namespace rpp::runtime_test {

namespace {

using layout::TypeInfo;

constexpr uint32_t kAt16[] = {16};
constexpr uint32_t kAt8[] = {8};
constexpr uint32_t kAt0[] = {0};
constexpr uint32_t kAt24[] = {24};
constexpr uint32_t kDictPtrs[] = {24, 32};
constexpr uint32_t kRefEntryPtrs[] = {8, 16};

std::array<TypeInfo, kTestTidCount> make_table() {
  std::array<TypeInfo, kTestTidCount> t{};
  for (uint32_t tid = 0; tid < layout::kFirstGeneratedTid; ++tid) t[tid] = gc::runtime_type_info(tid);
  using namespace layout;
  t[kTidIntList] = {24, 0, 0, 0, 0, 1, kAt16, 0, nullptr};
  t[kTidIntArray] = {16, kTypeInfoVarsize, 8, 8, 16, 0, nullptr, 0, nullptr};
  t[kTidDict] = {uint32_t(kDictSize), 0, 0, 0, 0, 2, kDictPtrs, 0, nullptr};
  t[kTidIntEntries] = {16, kTypeInfoVarsize, 24, 8, 16, 0, nullptr, 0, nullptr};
  t[kTidStrEntries] = {16, kTypeInfoVarsize | kTypeInfoItemsHaveGcPtrs, 24, 8, 16, 0, nullptr, 1, kAt8};
  t[kTidRefEntries] = {16, kTypeInfoVarsize | kTypeInfoItemsHaveGcPtrs, 24, 8, 16, 0, nullptr, 2, kRefEntryPtrs};
  t[kTidException] = {32, kTypeInfoHasVtable, 0, 0, 0, 1, kAt16, 0, nullptr};
  t[kTidObject] = {32, kTypeInfoHasVtable, 0, 0, 0, 1, kAt24, 0, nullptr};
  t[kTidRefList] = {24, 0, 0, 0, 0, 1, kAt16, 0, nullptr};
  t[kTidRefArray] = {16, kTypeInfoVarsize | kTypeInfoItemsHaveGcPtrs, 8, 8, 16, 0, nullptr, 1, kAt0};
  return t;
}

const std::array<TypeInfo, kTestTidCount> kTable = make_table();

// Class names as prebuilt (static) strs, as genc would emit them.
struct alignas(8) StaticStr {
  layout::GcHeader header;
  int64_t hash;
  int64_t length;
  char chars[32];
};

StaticStr static_str(const char* text) {
  StaticStr s{};
  s.header = {layout::kTidStrNarrow, layout::kGcFlagPrebuilt};
  s.length = int64_t(std::strlen(text));
  std::memcpy(s.chars, text, size_t(s.length));
  return s;
}

StaticStr g_names[layout::kBuiltinExceptionCount + 1];
layout::ClassVtable g_vtables[layout::kBuiltinExceptionCount + 1];
layout::BuiltinExceptionInfo g_builtins[layout::kBuiltinExceptionCount];

}  // namespace

void init_runtime() {
  static bool done = false;
  if (done) return;
  done = true;
  rpp_gc_init(kTable.data(), kTable.size());
  for (uint32_t k = 0; k <= layout::kBuiltinExceptionCount; ++k) {
    const char* name = k < layout::kBuiltinExceptionCount ? rlib::builtin_exception_name(layout::BuiltinException(k)) : "Obj";
    g_names[k] = static_str(name);
    g_vtables[k] = {int64_t(k), int64_t(k) + 1, &g_names[k].header, nullptr};
    if (k < layout::kBuiltinExceptionCount) g_builtins[k] = {&g_vtables[k], kTidException, 32, 16, 24};
  }
  layout::rpp_globals.builtin_exceptions = g_builtins;
}

void* S(std::string_view utf8) { return rlib::str_from_utf8_lossless(utf8); }
std::string U(const void* str) { return str ? rlib::utf8_of(str) : "<null>"; }
void* B(std::string_view bytes) { return rlib::bytes_from(bytes.data(), bytes.size()); }
std::string UB(const void* bytes) {
  return std::string(reinterpret_cast<const char*>(layout::str_narrow_chars(bytes)), size_t(layout::str_length(bytes)));
}

std::string take_exception() {
  auto& g = layout::rpp_globals;
  if (!g.exc_type) return "";
  std::string text = U(g.exc_type->name);
  void* message = layout::read_at<void*>(g.exc_value, 16);
  if (message) text += ": " + U(message);
  g.exc_type = nullptr;
  g.exc_value = nullptr;
  return text;
}

void* new_object(int64_t number) {
  void* o = gc::allocate_fixed(kTidObject);
  layout::write_at<const layout::ClassVtable*>(o, layout::kTypeptrOffset, &g_vtables[layout::kBuiltinExceptionCount]);
  layout::write_at<int64_t>(o, 16, number);
  return o;
}

std::string repr_of_str_list(const void* list) {
  std::string out = "[";
  gc::Rooted<void> rlist(const_cast<void*>(list));
  int64_t n = rlib::str_sequence_length(list);
  for (int64_t i = 0; i < n; ++i) {
    if (i) out += ", ";
    out += U(rpp_helper_str_repr(rlib::str_sequence_item(rlist.get(), i)));
  }
  return out + "]";
}

}  // namespace rpp::runtime_test
