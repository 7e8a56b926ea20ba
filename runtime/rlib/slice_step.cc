// Extended slices (`l[a:b:c]`, `s[::-1]`): Python's index arithmetic (slice_bounds.h), the
// strided copy of list items and the strided str slice. A None bound is kSliceNone; the
// caller has raised ValueError for step 0 (here it gives an empty slice).
#include <cstring>

#include "runtime/gc/gc.h"
#include "runtime/gc/roots.h"
#include "runtime/layout.h"
#include "runtime/rlib/helpers.h"
#include "runtime/rlib/slice_bounds.h"
#include "runtime/rlib/str_object.h"

using namespace rpp::rlib;
namespace layout = rpp::layout;

namespace {

char* item_address(void* array, int64_t i) {
  const layout::TypeInfo& info = rpp::gc::type_info(layout::type_id_of(array));
  return static_cast<char*>(array) + info.items_offset + size_t(i) * info.item_size;
}

}  // namespace

extern "C" {

int64_t rpp_helper_slice_length(int64_t length, int64_t start, int64_t stop, int64_t step) {
  if (step == 0) return 0;
  return adjust_step_slice(length, start, stop, step);
}

int64_t rpp_helper_slice_start(int64_t length, int64_t start, int64_t stop, int64_t step) {
  if (step == 0) return 0;
  adjust_step_slice(length, start, stop, step);
  return start;
}

void rpp_helper_array_copy_step(void* src, void* dst, int64_t src_start, int64_t step, int64_t n) {
  if (n <= 0) return;
  rpp::gc::write_barrier(dst);
  size_t size = rpp::gc::type_info(layout::type_id_of(src)).item_size;
  for (int64_t i = 0; i < n; ++i) std::memcpy(item_address(dst, i), item_address(src, src_start + i * step), size);
}

void* rpp_helper_str_slice_step(void* s, int64_t start, int64_t stop, int64_t step) {
  if (step == 0) return empty_str();
  StrView view(s);
  int64_t n = adjust_step_slice(view.length, start, stop, step);
  TextOut out;
  out.reserve(size_t(n));
  for (int64_t i = 0; i < n; ++i) out.push(view[start + i * step]);
  return out.finish();
}

}  // extern "C"
