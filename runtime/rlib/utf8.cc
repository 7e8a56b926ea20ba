// UTF-8 and Latin-1 codecs (utf8.h) and their helpers: str_encode_utf8, str_encode_latin1,
// bytes_decode_utf8, bytes_decode_latin1, with CPython's error messages.
#include "runtime/rlib/utf8.h"

#include <cstdio>
#include <cstring>

#include "runtime/gc/roots.h"
#include "runtime/rlib/exceptions.h"
#include "runtime/rlib/helpers.h"
#include "runtime/rlib/str_object.h"

namespace rpp::rlib {

void append_utf8(char32_t c, std::string& out) {
  if (c < 0x80) {
    out.push_back(char(c));
  } else if (c < 0x800) {
    out.push_back(char(0xC0 | (c >> 6)));
    out.push_back(char(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(char(0xE0 | (c >> 12)));
    out.push_back(char(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(char(0x80 | (c & 0x3F)));
  } else {
    out.push_back(char(0xF0 | (c >> 18)));
    out.push_back(char(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(char(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(char(0x80 | (c & 0x3F)));
  }
}

std::string utf8_of(const void* str) {
  StrView s(str);
  std::string out;
  if (!s.wide) {
    out.reserve(size_t(s.length));
    const uint8_t* p = s.narrow();
    for (int64_t i = 0; i < s.length; ++i) append_utf8(p[i], out);
    return out;
  }
  out.reserve(size_t(s.length) * 2);
  for (int64_t i = 0; i < s.length; ++i) {
    char32_t c = s[i];
    if (c >= 0xDC80 && c <= 0xDCFF) out.push_back(char(c - 0xDC00));
    else append_utf8(c, out);
  }
  return out;
}

namespace {

// One step of strict UTF-8 decoding at `i`: the code point and its byte count, or an error:
// `bad` bytes from i are reported with `reason`.
struct DecodeStep {
  char32_t c = 0;
  size_t length = 0;  // 0: error
  size_t bad = 1;
  const char* reason = nullptr;
};

DecodeStep decode_one(const uint8_t* p, size_t n, size_t i) {
  DecodeStep r;
  uint8_t b = p[i];
  if (b < 0x80) return {b, 1, 0, nullptr};
  size_t need;
  uint8_t lo = 0x80, hi = 0xBF;
  if (b >= 0xC2 && b <= 0xDF) need = 1;
  else if (b >= 0xE0 && b <= 0xEF) {
    need = 2;
    if (b == 0xE0) lo = 0xA0;
    if (b == 0xED) hi = 0x9F;
  } else if (b >= 0xF0 && b <= 0xF4) {
    need = 3;
    if (b == 0xF0) lo = 0x90;
    if (b == 0xF4) hi = 0x8F;
  } else {
    r.reason = "invalid start byte";
    return r;
  }
  char32_t c = b & (need == 1 ? 0x1F : need == 2 ? 0x0F : 0x07);
  for (size_t k = 1; k <= need; ++k) {
    if (i + k >= n) {
      r.bad = n - i;
      r.reason = "unexpected end of data";
      return r;
    }
    uint8_t cb = p[i + k];
    uint8_t klo = k == 1 ? lo : 0x80, khi = k == 1 ? hi : 0xBF;
    if (cb < klo || cb > khi) {
      r.bad = k;
      r.reason = "invalid continuation byte";
      return r;
    }
    c = (c << 6) | (cb & 0x3F);
  }
  return {c, need + 1, 0, nullptr};
}

std::string char_escape(char32_t c) {
  char buf[16];
  if (c < 0x100) std::snprintf(buf, sizeof buf, "\\x%02x", unsigned(c));
  else if (c < 0x10000) std::snprintf(buf, sizeof buf, "\\u%04x", unsigned(c));
  else std::snprintf(buf, sizeof buf, "\\U%08x", unsigned(c));
  return buf;
}

// CPython's UnicodeEncodeError message for the run [start, end) of unencodable chars.
void raise_encode_error(const char* codec, const StrView& s, int64_t start, int64_t end, const char* reason) {
  std::string msg = std::string("'") + codec + "' codec can't encode ";
  if (end - start == 1) msg += "character '" + char_escape(s[start]) + "' in position " + std::to_string(start);
  else msg += "characters in position " + std::to_string(start) + "-" + std::to_string(end - 1);
  msg += ": ";
  msg += reason;
  raise_builtin(layout::kExcUnicodeEncodeError, msg);
}

}  // namespace

void* str_from_utf8_lossless(std::string_view text) {
  auto* p = reinterpret_cast<const uint8_t*>(text.data());
  size_t n = text.size();
  TextOut out;
  out.reserve(n);
  for (size_t i = 0; i < n;) {
    DecodeStep step = decode_one(p, n, i);
    if (step.length) {
      out.push(step.c);
      i += step.length;
    } else {
      out.push(0xDC00 + p[i]);  // surrogateescape: one byte at a time
      ++i;
    }
  }
  return out.finish();
}

}  // namespace rpp::rlib

using namespace rpp::rlib;

extern "C" {

void* rpp_helper_str_encode_utf8(void* str) {
  StrView s(str);
  std::string out;
  out.reserve(size_t(s.length));
  for (int64_t i = 0; i < s.length; ++i) {
    char32_t c = s[i];
    if (c >= 0xD800 && c <= 0xDFFF) {
      int64_t end = i + 1;
      while (end < s.length && s[end] >= 0xD800 && s[end] <= 0xDFFF) ++end;
      raise_encode_error("utf-8", s, i, end, "surrogates not allowed");
      return nullptr;
    }
    append_utf8(c, out);
  }
  return bytes_from(out.data(), out.size());
}

void* rpp_helper_str_encode_latin1(void* str) {
  StrView s(str);
  if (s.wide) {
    for (int64_t i = 0; i < s.length; ++i)
      if (s[i] > 0xFF) {
        int64_t end = i + 1;
        while (end < s.length && s[end] > 0xFF) ++end;
        raise_encode_error("latin-1", s, i, end, "ordinal not in range(256)");
        return nullptr;
      }
  }
  // The chars are the bytes (a narrow str, or a wide one without chars >= 256 - impossible).
  if (s.length == 0) return empty_bytes();
  int64_t n = s.length;
  rpp::gc::Rooted<void> rs(str);
  void* b = alloc_bytes(n);
  StrView src(rs.get());
  for (int64_t i = 0; i < n; ++i) mutable_narrow_chars(b)[i] = uint8_t(src[i]);
  return b;
}

void* rpp_helper_bytes_decode_utf8(void* bytes) {
  auto* p = rpp::layout::str_narrow_chars(bytes);
  size_t n = size_t(rpp::layout::str_length(bytes));
  TextOut out;
  out.reserve(n);
  for (size_t i = 0; i < n;) {
    DecodeStep step = decode_one(p, n, i);
    if (!step.length) {
      char buf[160];
      if (step.bad == 1)
        std::snprintf(buf, sizeof buf, "'utf-8' codec can't decode byte 0x%02x in position %zu: %s", unsigned(p[i]), i,
                      step.reason);
      else
        std::snprintf(buf, sizeof buf, "'utf-8' codec can't decode bytes in position %zu-%zu: %s", i, i + step.bad - 1,
                      step.reason);
      raise_builtin(rpp::layout::kExcUnicodeDecodeError, std::string_view(buf));
      return nullptr;
    }
    out.push(step.c);
    i += step.length;
  }
  return out.finish();
}

void* rpp_helper_bytes_decode_latin1(void* bytes) {
  size_t n = size_t(rpp::layout::str_length(bytes));
  if (n <= 1) return n ? one_char_str(rpp::layout::str_narrow_chars(bytes)[0]) : empty_str();
  rpp::gc::Rooted<void> b(bytes);
  void* s = alloc_str(int64_t(n), false);
  std::memcpy(mutable_narrow_chars(s), rpp::layout::str_narrow_chars(b.get()), n);
  return s;
}

}  // extern "C"
