// Every helper that allocates, run with a collection at every allocation (RPP_GC_STRESS): with
// the moving checker GC (semispace: a stale reference faults at once) this shows that helpers
// root what they hold across allocations; linked with Boehm it is Boehm's stress test. The test
// itself keeps its inputs in Rooted slots.
#include <doctest/doctest.h>

#include <unistd.h>

#include <cstdlib>
#include <string>

#include "runtime/gc/gc.h"
#include "runtime/gc/roots.h"
#include "runtime/layout.h"
#include "runtime/rlib/helpers.h"
#include "runtime/rlib/main_support.h"
#include "runtime/rlib/str_list.h"
#include "tests/runtime/runtime_test_support.h"

using namespace rpp::runtime_test;
using rpp::gc::Rooted;
namespace layout = rpp::layout;

namespace {

struct Stress {
  Stress() { rpp_gc_set_stress(1); }
  ~Stress() { rpp_gc_set_stress(0); }
};

}  // namespace

TEST_CASE("str helpers survive a collection at every allocation") {
  Rooted<void> a(S("hello w\u00f6rld")), b(S(" \u20ac and more \u20ac ")), sep(S(",")), csv(S("a,b,,c\u20ac,d"));
  Stress stress;
  uint64_t before = rpp_gc_collection_count();
  CHECK(U(rpp_helper_str_concat(a.get(), b.get())) == "hello w\u00f6rld \u20ac and more \u20ac ");
  CHECK(U(rpp_helper_str_slice(b.get(), 1, 6)) == "\u20ac and");
  CHECK(U(rpp_helper_str_slice(b.get(), 3, 6)) == "and");
  CHECK(U(rpp_helper_str_mul(b.get(), 2)) == " \u20ac and more \u20ac  \u20ac and more \u20ac ");
  CHECK(U(rpp_helper_str_strip(b.get(), true, true)) == "\u20ac and more \u20ac");
  CHECK(U(rpp_helper_str_strip_chars(b.get(), sep.get(), true, true)) == " \u20ac and more \u20ac ");
  CHECK(U(rpp_helper_str_upper(a.get())) == "HELLO W\u00d6RLD");
  CHECK(U(rpp_helper_str_lower(b.get())) == " \u20ac and more \u20ac ");
  CHECK(U(rpp_helper_str_title(a.get())) == "Hello W\u00f6rld");
  CHECK(U(rpp_helper_str_swapcase(a.get())) == "HELLO W\u00d6RLD");
  CHECK(U(rpp_helper_str_capitalize(a.get())) == "Hello w\u00f6rld");
  CHECK(repr_of_str_list(rpp_helper_str_split(csv.get(), sep.get(), -1)) == "['a', 'b', '', 'c\u20ac', 'd']");
  CHECK(repr_of_str_list(rpp_helper_str_rsplit(csv.get(), sep.get(), 2)) == "['a,b,', 'c\u20ac', 'd']");
  CHECK(repr_of_str_list(rpp_helper_str_split(b.get(), nullptr, -1)) == "['\u20ac', 'and', 'more', '\u20ac']");
  CHECK(repr_of_str_list(rpp_helper_str_splitlines(csv.get(), true)) == "['a,b,,c\u20ac,d']");
  {
    Rooted<void> parts(rpp_helper_str_split(csv.get(), sep.get(), -1));
    CHECK(U(rpp_helper_str_join(b.get(), parts.get())) ==
          "a \u20ac and more \u20ac b \u20ac and more \u20ac  \u20ac and more \u20ac c\u20ac \u20ac and more \u20ac d");
  }
  CHECK(U(rpp_helper_str_replace(csv.get(), sep.get(), b.get(), 2)) == "a \u20ac and more \u20ac b \u20ac and more \u20ac ,c\u20ac,d");
  CHECK(U(rpp_helper_str_center(a.get(), 15, 0x20ac)) == "\u20ac\u20achello w\u00f6rld\u20ac\u20ac");
  CHECK(U(rpp_helper_str_zfill(sep.get(), 3)) == "00,");
  CHECK(U(rpp_helper_str_repr(b.get())) == "' \u20ac and more \u20ac '");
  CHECK(UB(rpp_helper_str_encode_utf8(a.get())) == "hello w\xc3\xb6rld");
  CHECK(UB(rpp_helper_str_encode_latin1(a.get())) == "hello w\xf6rld");
  CHECK(U(rpp_helper_str_from_char(0x1F600)) == "\U0001F600");
  CHECK(U(rpp_helper_int_to_str(-1234567)) == "-1234567");
  CHECK(U(rpp_helper_float_to_str(0.1)) == "0.1");
  {
    Rooted<void> spec(S(">12,.2f"));
    CHECK(U(rpp_helper_format_float(1234.5678, spec.get())) == "    1,234.57");
    CHECK(rpp_helper_format_str(a.get(), spec.get()) == nullptr);
    CHECK(take_exception() == "ValueError: Unknown format code 'f' for object of type 'str'");
  }
  CHECK(rpp_helper_str_to_int(csv.get(), 10) == -1);
  CHECK(take_exception() == "ValueError: invalid literal for int() with base 10: 'a,b,,c\u20ac,d'");
  CHECK(rpp_gc_collection_count() > before + 30);
}

TEST_CASE("bytes, codecs and builders survive a collection at every allocation") {
  Rooted<void> x(B("caf\xc3\xa9 ")), y(B("\xff")), s(S("\u20ac!"));
  Stress stress;
  CHECK(UB(rpp_helper_bytes_concat(x.get(), x.get())) == "caf\xc3\xa9 caf\xc3\xa9 ");
  CHECK(UB(rpp_helper_bytes_slice(x.get(), 1, 3)) == "af");
  CHECK(U(rpp_helper_bytes_decode_utf8(x.get())) == "caf\u00e9 ");
  CHECK(U(rpp_helper_bytes_decode_latin1(x.get())) == "caf\u00c3\u00a9 ");
  CHECK(rpp_helper_bytes_decode_utf8(y.get()) == nullptr);
  CHECK(take_exception().rfind("UnicodeDecodeError", 0) == 0);
  Rooted<void> builder(rpp_helper_builder_new(1));
  for (int i = 0; i < 20; ++i) {
    rpp_helper_builder_append(builder.get(), s.get());
    rpp_helper_builder_append_char(builder.get(), U'a' + i);
    rpp_helper_builder_append_slice(builder.get(), s.get(), 1, 2);
  }
  rpp_helper_builder_append_multiple_char(builder.get(), U'z', 3);
  std::string built = U(rpp_helper_builder_build(builder.get()));
  CHECK(built.size() == 20 * 6 + 3);
  CHECK(built.substr(0, 6) == "\u20ac!a!");
  Rooted<void> bb(rpp_helper_bytes_builder_new(0));
  for (int i = 0; i < 10; ++i) rpp_helper_bytes_builder_append(bb.get(), x.get());
  rpp_helper_bytes_builder_append_char(bb.get(), '.');
  CHECK(layout::str_length(rpp_helper_bytes_builder_build(bb.get())) == 61);
}

TEST_CASE("bytes methods survive a collection at every allocation") {
  Rooted<void> x(B(" a,b\r\nc \xff")), comma(B(",")), star(B("*")), two(B("**")), hex(S(" 0a ff")), sep(S(":"));
  Stress stress;
  uint64_t before = rpp_gc_collection_count();
  CHECK(repr_of_str_list(rpp_helper_bytes_rsplit(x.get(), nullptr, 1)) == "[' a,b\\r\\nc', '\u00ff']");
  CHECK(repr_of_str_list(rpp_helper_bytes_rsplit(x.get(), comma.get(), -1)) == "[' a', 'b\\r\\nc \u00ff']");
  CHECK(repr_of_str_list(rpp_helper_bytes_splitlines(x.get(), true)) == "[' a,b\\r\\n', 'c \u00ff']");
  CHECK(repr_of_str_list(rpp_helper_bytes_split(x.get(), nullptr, 0)) == "['a,b\\r\\nc \u00ff']");
  CHECK(U(rpp_helper_bytes_hex(comma.get(), sep.get(), 1)) == "2c");
  CHECK(U(rpp_helper_bytes_hex(x.get(), sep.get(), -4)) == "20612c62:0d0a6320:ff");
  CHECK(UB(rpp_helper_bytes_fromhex(hex.get())) == "\x0a\xff");
  CHECK(UB(rpp_helper_bytes_center(comma.get(), 4, star.get())) == "*,**");
  CHECK(rpp_helper_bytes_ljust(comma.get(), 4, two.get()) == nullptr);
  CHECK(take_exception() == "TypeError: ljust() argument 2 must be a byte string of length 1, not bytes");
  CHECK(UB(rpp_helper_bytes_zfill(comma.get(), 3)) == "00,");
  CHECK(UB(rpp_helper_bytes_title(x.get())) == " A,B\r\nC \xff");
  CHECK(U(rpp_helper_bytes_repr(x.get())) == "b' a,b\\r\\nc \\xff'");
  CHECK(rpp_gc_collection_count() > before + 10);
}

TEST_CASE("lists and dicts survive a collection at every allocation") {
  Stress stress;
  Rooted<void> d(rpp_helper_dict_new(kTidDict, kTidStrEntries));
  for (int i = 0; i < 200; ++i) {
    Rooted<void> key(rpp_helper_int_to_str(i * 37));
    int64_t e = rpp_helper_dict_insert_str(d.get(), key.get(), rpp_helper_str_hash(key.get()));
    void* entries = layout::read_at<void*>(d.get(), layout::kDictEntriesOffset);
    layout::write_at<int64_t>(entries, 16 + 24 * size_t(e) + 16, i);
  }
  int found = 0;
  for (int i = 0; i < 200; ++i) {
    Rooted<void> key(rpp_helper_int_to_str(i * 37));
    int64_t e = rpp_helper_dict_lookup_str(d.get(), key.get(), rpp_helper_str_hash(key.get()));
    void* entries = layout::read_at<void*>(d.get(), layout::kDictEntriesOffset);
    found += e >= 0 && layout::read_at<int64_t>(entries, 16 + 24 * size_t(e) + 16) == i;
  }
  CHECK(found == 200);
  Rooted<void> refs(rpp_helper_dict_new(kTidDict, kTidRefEntries));
  Rooted<void> first(new_object(7));
  rpp_helper_dict_insert_ref(refs.get(), first.get());
  for (int i = 0; i < 50; ++i) {
    Rooted<void> o(new_object(i));
    rpp_helper_dict_insert_ref(refs.get(), o.get());
  }
  CHECK(rpp_helper_dict_lookup_ref(refs.get(), first.get()) == 0);  // identity hash survives moves
  rpp_helper_dict_clear(refs.get());
  CHECK(rpp_helper_dict_lookup_ref(refs.get(), first.get()) == -1);

  Rooted<void> list(rpp_gc_malloc_varsize(kTidRefArray, 0));
  {
    void* l = rpp::gc::allocate_fixed(kTidRefList);
    layout::write_at<void*>(l, layout::kListItemsOffset, list.get());
    list.set(l);
  }
  for (int i = 0; i < 100; ++i) {
    Rooted<void> item(rpp_helper_int_to_str(i));
    rpp_helper_list_resize_ge(list.get(), i + 1);
    void* items = layout::read_at<void*>(list.get(), layout::kListItemsOffset);
    rpp::gc::write_barrier_array(items, i);
    layout::write_at<void*>(items, 16 + 8 * size_t(i), item.get());
  }
  rpp_helper_list_resize_le(list.get(), 3);
  void* items = layout::read_at<void*>(list.get(), layout::kListItemsOffset);
  CHECK(U(layout::read_at<void*>(items, 16 + 16)) == "2");
  Rooted<void> argv_list(rpp_make_argv(0, nullptr));
  CHECK(rpp::rlib::str_sequence_length(argv_list.get()) == 0);
}

namespace {
// An eq for custom dict keys that allocates (so collects under stress) before comparing.
bool allocating_eq(void* a, void* b) {
  Rooted<void> ra(a), rb(b);
  rpp_helper_int_to_str(12345);
  return layout::read_at<int64_t>(ra.get(), 16) == layout::read_at<int64_t>(rb.get(), 16);
}
}  // namespace

TEST_CASE("the remaining allocating helpers survive a collection at every allocation") {
  Rooted<void> s(S("ab\u20ac")), spec(S("+08x"));
  Stress stress;
  CHECK(U(rpp_helper_str_chr(0x20ac)) == "\u20ac");
  CHECK(U(rpp_helper_str_ljust(s.get(), 5, U'.')) == "ab\u20ac..");
  CHECK(U(rpp_helper_str_rjust(s.get(), 5, 0x20ac)) == "\u20ac\u20acab\u20ac");
  CHECK(U(rpp_helper_format_int(255, spec.get())) == "+00000ff");
  CHECK(rpp_helper_str_to_float(s.get()) == -1.0);
  CHECK(take_exception() == "ValueError: could not convert string to float: 'ab\u20ac'");
  Rooted<void> d(rpp_helper_dict_new(kTidDict, kTidIntEntries));
  for (int64_t k = 0; k < 100; ++k) rpp_helper_dict_insert_int(d.get(), k * k);
  CHECK(rpp_helper_dict_lookup_int(d.get(), 81) == 9);
  Rooted<void> c(rpp_helper_dict_new(kTidDict, kTidRefEntries));
  for (int64_t k = 0; k < 30; ++k) {
    Rooted<void> key(new_object(k % 10));
    rpp_helper_dict_insert_custom(c.get(), key.get(), k % 10, allocating_eq);
  }
  CHECK(layout::read_at<int64_t>(c.get(), layout::kDictNumItemsOffset) == 10);
  Rooted<void> probe(new_object(7));
  CHECK(rpp_helper_dict_lookup_custom(c.get(), probe.get(), 7, allocating_eq) == 7);
  CHECK(take_exception().empty());
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  Rooted<void> data(B("piped"));
  CHECK(rpp_helper_os_write(fds[1], data.get()) == 5);
  CHECK(UB(rpp_helper_os_read(fds[0], 100)) == "piped");
  close(fds[0]);
  close(fds[1]);
  setenv("RPP_ROOTING_TEST", "x\u00e9", 1);
  Rooted<void> name(S("RPP_ROOTING_TEST"));
  CHECK(U(rpp_helper_os_getenv(name.get())) == "x\u00e9");
  uintptr_t saved = layout::rpp_globals.stack_limit;
  layout::rpp_globals.stack_limit = ~uintptr_t(0);  // every stack is too deep now
  rpp_helper_stack_check_slowpath();
  layout::rpp_globals.stack_limit = saved;
  CHECK(take_exception() == "RecursionError: maximum recursion depth exceeded");
}

TEST_CASE("helpers the table does not mark CanCollect never collect") {
  Rooted<void> s(S("hello \u20ac world")), sub(S("o")), b(B("bytes")), sb(B("t"));
  Rooted<void> builder(rpp_helper_builder_new(4));
  Rooted<void> d(rpp_helper_dict_new(kTidDict, kTidStrEntries));
  Rooted<void> refs(rpp_helper_dict_new(kTidDict, kTidRefEntries));
  Rooted<void> ints(rpp_helper_dict_new(kTidDict, kTidIntEntries));
  Rooted<void> array(rpp_gc_malloc_varsize(kTidIntArray, 10));
  rpp_helper_dict_insert_str(d.get(), sub.get(), rpp_helper_str_hash(sub.get()));
  rpp_helper_dict_insert_int(ints.get(), 5);
  Stress stress;
  uint64_t before = rpp_gc_collection_count();
  int64_t sink = 0;
  sink += rpp_helper_str_eq(s.get(), sub.get()) + rpp_helper_str_cmp(s.get(), sub.get()) + rpp_helper_str_hash(s.get());
  sink += rpp_helper_str_find(s.get(), sub.get(), 0, 100) + rpp_helper_str_rfind(s.get(), sub.get(), 0, 100);
  sink += rpp_helper_str_find_char(s.get(), U'o', 0, 100) + rpp_helper_str_rfind_char(s.get(), U'o', 0, 100);
  sink += rpp_helper_str_count(s.get(), sub.get(), 0, 100);
  sink += rpp_helper_str_startswith(s.get(), sub.get()) + rpp_helper_str_endswith(s.get(), sub.get());
  sink += rpp_helper_str_isspace(s.get()) + rpp_helper_str_isalpha(s.get()) + rpp_helper_str_isdigit(s.get()) +
          rpp_helper_str_isalnum(s.get()) + rpp_helper_str_isdecimal(s.get()) + rpp_helper_str_isnumeric(s.get()) +
          rpp_helper_str_isupper(s.get()) + rpp_helper_str_islower(s.get()) + rpp_helper_str_istitle(s.get()) +
          rpp_helper_str_isidentifier(s.get()) + rpp_helper_str_isprintable(s.get()) + rpp_helper_str_isascii(s.get());
  sink += rpp_helper_unichar_isspace(U' ') + rpp_helper_unichar_isalpha(U'a') + rpp_helper_unichar_isdigit(U'1') +
          rpp_helper_unichar_isalnum(U'a') + rpp_helper_unichar_isdecimal(U'1') + rpp_helper_unichar_isnumeric(U'1') +
          rpp_helper_unichar_isupper(U'A') + rpp_helper_unichar_islower(U'a');
  sink += rpp_helper_bytes_eq(b.get(), sb.get()) + rpp_helper_bytes_cmp(b.get(), sb.get()) +
          rpp_helper_bytes_hash(b.get()) + rpp_helper_bytes_find(b.get(), sb.get(), 0, 100);
  sink += rpp_helper_builder_length(builder.get());
  rpp_helper_array_copy(array.get(), array.get(), 0, 1, 5);
  rpp_helper_array_reverse(array.get(), 0, 10);
  sink += rpp_helper_dict_lookup_str(d.get(), sub.get(), rpp_helper_str_hash(sub.get()));
  sink += rpp_helper_dict_lookup_ref(refs.get(), s.get()) + rpp_helper_dict_lookup_int(ints.get(), 5);
  sink += rpp_helper_dict_next_index(ints.get(), 0) + rpp_helper_dict_last_index(ints.get());
  rpp_helper_dict_delete_index(ints.get(), 0);
  sink += rpp_helper_int_pow(3, 5);
  sink += int64_t(rpp_helper_math_atan2(1, 1) + rpp_helper_math_erf(0.5) + rpp_helper_math_erfc(0.5));
  sink += rpp_helper_os_isatty(0);
  sink += int64_t(rpp_helper_time_time() + rpp_helper_time_clock()) + rpp_helper_time_perf_counter_ns();
  CHECK(rpp_gc_collection_count() == before);
  CHECK(sink != 0);
}

TEST_CASE("raising from a helper allocates the exception safely") {
  Stress stress;
  Rooted<void> s(S("\u20ac\u20ac"));
  rpp_helper_str_encode_latin1(s.get());
  CHECK(take_exception() ==
        "UnicodeEncodeError: 'latin-1' codec can't encode characters in position 0-1: ordinal not in range(256)");
  rpp_helper_os_open(s.get(), 0, 0);
  CHECK(take_exception() == "OSError: [Errno 2] No such file or directory: '\u20ac\u20ac'");
}

