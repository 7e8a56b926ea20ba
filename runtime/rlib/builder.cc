// String builders (rlib.rstring's StringBuilder/UnicodeBuilder build a str; BytesBuilder builds
// bytes): an rpy_builder (layout.h) with the built length and a buffer string whose own length
// is its capacity, grown by doubling. The buffer is narrow until a code point >= 256 arrives.
// build() copies (the builder can still be appended to).
#include <cstring>

#include "runtime/gc/gc.h"
#include "runtime/gc/roots.h"
#include "runtime/rlib/fatal_error.h"
#include "runtime/rlib/helpers.h"
#include "runtime/rlib/slice_bounds.h"
#include "runtime/rlib/str_object.h"

using namespace rpp::rlib;
using rpp::gc::Rooted;
namespace layout = rpp::layout;

namespace {

int64_t built_length(const void* b) { return layout::read_at<int64_t>(b, layout::kBuilderLengthOffset); }
void set_built_length(void* b, int64_t n) { layout::write_at<int64_t>(b, layout::kBuilderLengthOffset, n); }
void* buffer(const void* b) { return layout::read_at<void*>(b, layout::kBuilderBufOffset); }
bool is_bytes_builder(const void* b) { return layout::type_id_of(b) == layout::kTidBytesBuilder; }

void* new_builder(uint32_t tid, int64_t capacity) {
  if (capacity < 8) capacity = 8;
  void* buf = tid == layout::kTidBytesBuilder ? alloc_bytes(capacity) : alloc_str(capacity, false);
  Rooted<void> rbuf(buf);
  void* b = rpp::gc::allocate_fixed(tid);
  layout::write_at<void*>(b, layout::kBuilderBufOffset, rbuf.get());
  return b;
}

// Makes room for `extra` more chars (wide ones if `wide`); returns the builder (it may move).
void* reserve(void* builder, int64_t extra, bool wide) {
  void* buf = buffer(builder);
  int64_t length = built_length(builder);
  int64_t capacity = buf ? layout::str_length(buf) : 0;
  bool buf_wide = buf && layout::str_is_wide(buf);
  int64_t needed;
  if (__builtin_add_overflow(length, extra, &needed)) rpp_fatal_error_cstr("out of memory (string too long)");
  if (needed <= capacity && (buf_wide || !wide)) return builder;
  int64_t new_capacity = capacity * 2 > needed ? capacity * 2 : needed;
  if (new_capacity < 8) new_capacity = 8;
  bool new_wide = wide || buf_wide;
  Rooted<void> rb(builder);
  void* fresh = is_bytes_builder(builder) ? alloc_bytes(new_capacity) : alloc_str(new_capacity, new_wide);
  builder = rb.get();
  buf = buffer(builder);
  if (buf && length) {
    if (new_wide && !buf_wide) {
      const uint8_t* in = layout::str_narrow_chars(buf);
      char32_t* out = mutable_wide_chars(fresh);
      for (int64_t i = 0; i < length; ++i) out[i] = in[i];
    } else {
      std::memcpy(mutable_narrow_chars(fresh), layout::str_narrow_chars(buf), size_t(length) * (new_wide ? 4 : 1));
    }
  }
  rpp::gc::store_ref(builder, layout::kBuilderBufOffset, fresh);
  return builder;
}

void put_char(void* builder, int64_t at, char32_t c) {
  void* buf = buffer(builder);
  if (layout::str_is_wide(buf)) mutable_wide_chars(buf)[at] = c;
  else mutable_narrow_chars(buf)[at] = uint8_t(c);
}

bool slice_is_wide(const StrView& s, int64_t start, int64_t stop) {
  if (!s.wide) return false;
  for (int64_t i = start; i < stop; ++i)
    if (s.wide_chars()[i] >= 256) return true;
  return false;
}

void append_slice(void* builder, void* s, int64_t start, int64_t stop) {
  if (stop <= start) return;
  bool wide = slice_is_wide(StrView(s), start, stop);
  Rooted<void> rs(s);
  builder = reserve(builder, stop - start, wide);
  StrView src(rs.get());
  int64_t length = built_length(builder);
  void* buf = buffer(builder);
  if (layout::str_is_wide(buf)) {
    char32_t* out = mutable_wide_chars(buf) + length;
    for (int64_t i = start; i < stop; ++i) *out++ = src[i];
  } else if (!src.wide) {
    std::memcpy(mutable_narrow_chars(buf) + length, src.narrow() + start, size_t(stop - start));
  } else {
    uint8_t* out = mutable_narrow_chars(buf) + length;
    for (int64_t i = start; i < stop; ++i) *out++ = uint8_t(src.wide_chars()[i]);
  }
  set_built_length(builder, length + (stop - start));
}

void* build(void* builder) {
  int64_t length = built_length(builder);
  bool bytes = is_bytes_builder(builder);
  if (length == 0) return bytes ? empty_bytes() : empty_str();
  void* buf = buffer(builder);
  if (length == 1 && !bytes) return str_of_char(StrView(buf)[0]);
  bool wide = layout::str_is_wide(buf);
  Rooted<void> rb(builder);
  void* result = bytes ? alloc_bytes(length) : alloc_str(length, wide);
  std::memcpy(mutable_narrow_chars(result), layout::str_narrow_chars(buffer(rb.get())), size_t(length) * (wide ? 4 : 1));
  return result;
}

}  // namespace

extern "C" {

void* rpp_helper_builder_new(int64_t initial_capacity) { return new_builder(layout::kTidStrBuilder, initial_capacity); }
void* rpp_helper_bytes_builder_new(int64_t initial_capacity) {
  return new_builder(layout::kTidBytesBuilder, initial_capacity);
}

void rpp_helper_builder_append(void* builder, void* s) { append_slice(builder, s, 0, layout::str_length(s)); }
void rpp_helper_bytes_builder_append(void* builder, void* b) { append_slice(builder, b, 0, layout::str_length(b)); }

void rpp_helper_builder_append_slice(void* builder, void* s, int64_t start, int64_t stop) {
  normalize_slice(layout::str_length(s), start, stop);
  append_slice(builder, s, start, stop);
}

void rpp_helper_builder_append_char(void* builder, char32_t c) {
  builder = reserve(builder, 1, c >= 256);
  int64_t length = built_length(builder);
  put_char(builder, length, c);
  set_built_length(builder, length + 1);
}

void rpp_helper_bytes_builder_append_char(void* builder, unsigned char c) {
  builder = reserve(builder, 1, false);
  int64_t length = built_length(builder);
  put_char(builder, length, c);
  set_built_length(builder, length + 1);
}

void rpp_helper_builder_append_multiple_char(void* builder, char32_t c, int64_t times) {
  if (times <= 0) return;
  builder = reserve(builder, times, c >= 256);
  int64_t length = built_length(builder);
  for (int64_t i = 0; i < times; ++i) put_char(builder, length + i, c);
  set_built_length(builder, length + times);
}

void* rpp_helper_builder_build(void* builder) { return build(builder); }
void* rpp_helper_bytes_builder_build(void* builder) { return build(builder); }

int64_t rpp_helper_builder_length(void* builder) { return built_length(builder); }

}  // extern "C"
