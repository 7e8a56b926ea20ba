// str.split, str.rsplit (by whitespace or a separator, with maxsplit), str.splitlines and
// str.join, with CPython's rules.
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "runtime/gc/roots.h"
#include "runtime/rlib/exceptions.h"
#include "runtime/rlib/helpers.h"
#include "runtime/rlib/str_list.h"
#include "runtime/rlib/str_object.h"
#include "runtime/rlib/unicode_db.h"

using namespace rpp::rlib;
using Ranges = std::vector<std::pair<int64_t, int64_t>>;
namespace u = rpp::rlib::unicode;

namespace {

Ranges split_whitespace(const StrView& s, int64_t maxsplit) {
  Ranges out;
  int64_t i = 0, n = s.length;
  while (true) {
    while (i < n && u::is_space(s[i])) ++i;
    if (i == n) break;
    if (maxsplit-- == 0) {
      out.push_back({i, n});
      break;
    }
    int64_t j = i;
    while (j < n && !u::is_space(s[j])) ++j;
    out.push_back({i, j});
    i = j;
  }
  return out;
}

Ranges rsplit_whitespace(const StrView& s, int64_t maxsplit) {
  Ranges out;
  int64_t i = s.length;
  while (true) {
    while (i > 0 && u::is_space(s[i - 1])) --i;
    if (i == 0) break;
    if (maxsplit-- == 0) {
      out.push_back({0, i});
      break;
    }
    int64_t j = i;
    while (j > 0 && !u::is_space(s[j - 1])) --j;
    out.push_back({j, i});
    i = j;
  }
  return {out.rbegin(), out.rend()};
}

bool is_line_break(char32_t c) {
  return c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || c == 0x1C || c == 0x1D || c == 0x1E || c == 0x85 ||
         c == 0x2028 || c == 0x2029;
}

bool check_separator(void* sep) {
  if (rpp::layout::str_length(sep) == 0) {
    raise_builtin(rpp::layout::kExcValueError, std::string_view("empty separator"));
    return false;
  }
  return true;
}

}  // namespace

extern "C" {

void* rpp_helper_str_split(void* str, void* sep, int64_t maxsplit) {
  if (maxsplit < 0) maxsplit = INT64_MAX;
  StrView s(str);
  if (!sep) return str_list_of_slices(str, split_whitespace(s, maxsplit));
  if (!check_separator(sep)) return nullptr;
  int64_t seplen = rpp::layout::str_length(sep);
  Ranges out;
  int64_t i = 0;
  while (maxsplit-- > 0) {
    int64_t at = rpp_helper_str_find(str, sep, i, s.length);
    if (at < 0) break;
    out.push_back({i, at});
    i = at + seplen;
  }
  out.push_back({i, s.length});
  return str_list_of_slices(str, out);
}

void* rpp_helper_str_rsplit(void* str, void* sep, int64_t maxsplit) {
  if (maxsplit < 0) maxsplit = INT64_MAX;
  StrView s(str);
  if (!sep) return str_list_of_slices(str, rsplit_whitespace(s, maxsplit));
  if (!check_separator(sep)) return nullptr;
  int64_t seplen = rpp::layout::str_length(sep);
  Ranges out;
  int64_t end = s.length;
  while (maxsplit-- > 0) {
    int64_t at = rpp_helper_str_rfind(str, sep, 0, end);
    if (at < 0) break;
    out.push_back({at + seplen, end});
    end = at;
  }
  out.push_back({0, end});
  return str_list_of_slices(str, Ranges(out.rbegin(), out.rend()));
}

void* rpp_helper_str_splitlines(void* str, bool keepends) {
  StrView s(str);
  Ranges out;
  int64_t i = 0, n = s.length;
  while (i < n) {
    int64_t j = i;
    while (j < n && !is_line_break(s[j])) ++j;
    int64_t eol = j;
    if (j < n) {
      eol = (s[j] == '\r' && j + 1 < n && s[j + 1] == '\n') ? j + 2 : j + 1;
      if (keepends) j = eol;
    }
    out.push_back({i, j});
    i = eol;
  }
  return str_list_of_slices(str, out);
}

void* rpp_helper_str_join(void* sep, void* seq) {
  int64_t count = str_sequence_length(seq);
  if (count == 0) return empty_str();
  if (count == 1 && str_sequence_item(seq, 0)) return str_sequence_item(seq, 0);
  int64_t seplen = rpp::layout::str_length(sep);
  int64_t total = seplen * (count - 1);
  bool wide = rpp::layout::str_is_wide(sep);
  for (int64_t i = 0; i < count; ++i) {
    void* item = str_sequence_item(seq, i);
    if (!item) {
      raise_builtin(rpp::layout::kExcTypeError,
                    "sequence item " + std::to_string(i) + ": expected str instance, NoneType found");
      return nullptr;
    }
    total += rpp::layout::str_length(item);
    wide = wide || rpp::layout::str_is_wide(item);
  }
  rpp::gc::Rooted<void> rsep(sep), rseq(seq);
  void* result = alloc_str(total, wide);
  int64_t at = 0;
  auto copy = [&](const void* piece) {
    StrView p(piece);
    if (wide) {
      char32_t* out = mutable_wide_chars(result) + at;
      for (int64_t k = 0; k < p.length; ++k) out[k] = p[k];
    } else {
      std::memcpy(mutable_narrow_chars(result) + at, p.narrow(), size_t(p.length));
    }
    at += p.length;
  };
  for (int64_t i = 0; i < count; ++i) {
    if (i > 0) copy(rsep.get());
    copy(str_sequence_item(rseq.get(), i));
  }
  return result;
}

}  // extern "C"
