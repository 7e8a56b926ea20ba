// The C++ declarations of the runtime helpers of runtime/helpers.def: helper NAME is
// `rpp_helper_NAME`, extern "C", with the C++ types of its LL signature (Signed int64_t,
// Float double, Bool bool, Char unsigned char, UniChar char32_t, any Ptr void*, Void void).
// helpers_signature_test.cc checks this file against the table.
#pragma once
#include <cstdint>

extern "C" {

// ---- str (str_basic.cc, str_search.cc, str_transform.cc, str_classes.cc, str_split_join.cc)
void* rpp_helper_str_concat(void* a, void* b);
bool rpp_helper_str_eq(void* a, void* b);
int64_t rpp_helper_str_cmp(void* a, void* b);
int64_t rpp_helper_str_hash(void* s);
void* rpp_helper_str_slice(void* s, int64_t start, int64_t stop);
void* rpp_helper_str_from_char(char32_t c);
void* rpp_helper_str_chr(int64_t code);
void* rpp_helper_str_mul(void* s, int64_t times);
int64_t rpp_helper_str_find(void* s, void* sub, int64_t start, int64_t end);
int64_t rpp_helper_str_rfind(void* s, void* sub, int64_t start, int64_t end);
int64_t rpp_helper_str_find_char(void* s, char32_t c, int64_t start, int64_t end);
int64_t rpp_helper_str_rfind_char(void* s, char32_t c, int64_t start, int64_t end);
int64_t rpp_helper_str_count(void* s, void* sub, int64_t start, int64_t end);
bool rpp_helper_str_startswith(void* s, void* prefix);
bool rpp_helper_str_endswith(void* s, void* suffix);
void* rpp_helper_str_strip(void* s, bool left, bool right);
void* rpp_helper_str_strip_chars(void* s, void* chars, bool left, bool right);
void* rpp_helper_str_lower(void* s);
void* rpp_helper_str_upper(void* s);
void* rpp_helper_str_swapcase(void* s);
void* rpp_helper_str_capitalize(void* s);
void* rpp_helper_str_title(void* s);
bool rpp_helper_str_isspace(void* s);
bool rpp_helper_str_isalpha(void* s);
bool rpp_helper_str_isdigit(void* s);
bool rpp_helper_str_isalnum(void* s);
bool rpp_helper_str_isdecimal(void* s);
bool rpp_helper_str_isnumeric(void* s);
bool rpp_helper_str_isupper(void* s);
bool rpp_helper_str_islower(void* s);
bool rpp_helper_str_istitle(void* s);
bool rpp_helper_str_isidentifier(void* s);
bool rpp_helper_str_isprintable(void* s);
bool rpp_helper_str_isascii(void* s);
bool rpp_helper_unichar_isspace(char32_t c);
bool rpp_helper_unichar_isalpha(char32_t c);
bool rpp_helper_unichar_isdigit(char32_t c);
bool rpp_helper_unichar_isalnum(char32_t c);
bool rpp_helper_unichar_isdecimal(char32_t c);
bool rpp_helper_unichar_isnumeric(char32_t c);
bool rpp_helper_unichar_isupper(char32_t c);
bool rpp_helper_unichar_islower(char32_t c);
void* rpp_helper_str_join(void* sep, void* list);
void* rpp_helper_str_split(void* s, void* sep, int64_t maxsplit);
void* rpp_helper_str_rsplit(void* s, void* sep, int64_t maxsplit);
void* rpp_helper_str_splitlines(void* s, bool keepends);
void* rpp_helper_str_replace(void* s, void* old_sub, void* new_sub, int64_t count);
void* rpp_helper_str_ljust(void* s, int64_t width, char32_t fill);
void* rpp_helper_str_rjust(void* s, int64_t width, char32_t fill);
void* rpp_helper_str_center(void* s, int64_t width, char32_t fill);
void* rpp_helper_str_zfill(void* s, int64_t width);
void* rpp_helper_str_repr(void* s);
int64_t rpp_helper_str_to_int(void* s, int64_t base);
double rpp_helper_str_to_float(void* s);
void* rpp_helper_str_encode_utf8(void* s);
void* rpp_helper_str_encode_latin1(void* s);

// ---- formatting (int_format.cc, float_format.cc, format_spec.cc)
void* rpp_helper_int_to_str(int64_t value);
void* rpp_helper_float_to_str(double value);
void* rpp_helper_format_int(int64_t value, void* spec);
void* rpp_helper_format_float(double value, void* spec);
void* rpp_helper_format_str(void* value, void* spec);

// ---- bytes (bytes.cc, utf8.cc)
void* rpp_helper_bytes_concat(void* a, void* b);
bool rpp_helper_bytes_eq(void* a, void* b);
int64_t rpp_helper_bytes_cmp(void* a, void* b);
int64_t rpp_helper_bytes_hash(void* b);
void* rpp_helper_bytes_slice(void* b, int64_t start, int64_t stop);
int64_t rpp_helper_bytes_find(void* b, void* sub, int64_t start, int64_t end);
void* rpp_helper_bytes_decode_utf8(void* b);
void* rpp_helper_bytes_decode_latin1(void* b);

// ---- string builders (builder.cc)
void* rpp_helper_builder_new(int64_t initial_capacity);
void rpp_helper_builder_append(void* builder, void* s);
void rpp_helper_builder_append_char(void* builder, char32_t c);
void rpp_helper_builder_append_slice(void* builder, void* s, int64_t start, int64_t stop);
void rpp_helper_builder_append_multiple_char(void* builder, char32_t c, int64_t times);
void* rpp_helper_builder_build(void* builder);
int64_t rpp_helper_builder_length(void* builder);
void* rpp_helper_bytes_builder_new(int64_t initial_capacity);
void rpp_helper_bytes_builder_append(void* builder, void* b);
void rpp_helper_bytes_builder_append_char(void* builder, unsigned char c);
void* rpp_helper_bytes_builder_build(void* builder);

// ---- lists and arrays (list.cc)
void rpp_helper_list_resize_ge(void* list, int64_t new_length);
void rpp_helper_list_resize_le(void* list, int64_t new_length);
void rpp_helper_array_copy(void* src, void* dst, int64_t src_start, int64_t dst_start, int64_t n);
void rpp_helper_array_reverse(void* array, int64_t start, int64_t n);

// ---- list.sort (list_sort.cc): TimSort of items [start, start + n) of a GcArray
void rpp_helper_array_sort_int(void* array, int64_t start, int64_t n);
void rpp_helper_array_sort_float(void* array, int64_t start, int64_t n);
void rpp_helper_array_sort_str(void* array, int64_t start, int64_t n);

// ---- extended slices (slice_step.cc): a None bound is kSliceNone (slice_bounds.h)
int64_t rpp_helper_slice_length(int64_t length, int64_t start, int64_t stop, int64_t step);
int64_t rpp_helper_slice_start(int64_t length, int64_t start, int64_t stop, int64_t step);
void rpp_helper_array_copy_step(void* src, void* dst, int64_t src_start, int64_t step, int64_t n);
void* rpp_helper_str_slice_step(void* s, int64_t start, int64_t stop, int64_t step);

// ---- dicts (dict.cc)
void* rpp_helper_dict_new(int64_t dict_tid, int64_t entries_tid);
int64_t rpp_helper_dict_lookup_int(void* d, int64_t key);
int64_t rpp_helper_dict_lookup_str(void* d, void* key, int64_t hash);
int64_t rpp_helper_dict_lookup_ref(void* d, void* key);
int64_t rpp_helper_dict_lookup_custom(void* d, void* key, int64_t hash, bool (*eq)(void*, void*));
int64_t rpp_helper_dict_insert_int(void* d, int64_t key);
int64_t rpp_helper_dict_insert_str(void* d, void* key, int64_t hash);
int64_t rpp_helper_dict_insert_ref(void* d, void* key);
int64_t rpp_helper_dict_insert_custom(void* d, void* key, int64_t hash, bool (*eq)(void*, void*));
void rpp_helper_dict_delete_index(void* d, int64_t index);
void rpp_helper_dict_clear(void* d);
int64_t rpp_helper_dict_next_index(void* d, int64_t index);
int64_t rpp_helper_dict_last_index(void* d);

// ---- math (math.cc)
double rpp_helper_float_pow(double x, double y);
double rpp_helper_math_sqrt(double x);
int64_t rpp_helper_math_floor(double x);
int64_t rpp_helper_math_ceil(double x);
double rpp_helper_math_fmod(double x, double y);
int64_t rpp_helper_float_round(double x);
double rpp_helper_float_round_digits(double x, int64_t ndigits);
int64_t rpp_helper_int_pow(int64_t base, int64_t exponent);
double rpp_helper_math_exp(double x);
double rpp_helper_math_expm1(double x);
double rpp_helper_math_log(double x);
double rpp_helper_math_log2(double x);
double rpp_helper_math_log10(double x);
double rpp_helper_math_log1p(double x);
double rpp_helper_math_sin(double x);
double rpp_helper_math_cos(double x);
double rpp_helper_math_tan(double x);
double rpp_helper_math_asin(double x);
double rpp_helper_math_acos(double x);
double rpp_helper_math_atan(double x);
double rpp_helper_math_atan2(double y, double x);
double rpp_helper_math_sinh(double x);
double rpp_helper_math_cosh(double x);
double rpp_helper_math_tanh(double x);
double rpp_helper_math_asinh(double x);
double rpp_helper_math_acosh(double x);
double rpp_helper_math_atanh(double x);
double rpp_helper_math_hypot(double x, double y);
double rpp_helper_math_erf(double x);
double rpp_helper_math_erfc(double x);
double rpp_helper_math_gamma(double x);
double rpp_helper_math_lgamma(double x);
double rpp_helper_math_ldexp(double x, int64_t exp);
int64_t rpp_helper_math_trunc(double x);
double rpp_helper_math_pow(double x, double y);
double rpp_helper_math_copysign(double x, double y);
double rpp_helper_math_log_base(double x, double base);
double rpp_helper_math_frexp_mantissa(double x);
int64_t rpp_helper_math_frexp_exponent(double x);
double rpp_helper_math_modf_fraction(double x);
double rpp_helper_math_modf_integer(double x);

// ---- process, I/O, time (print_io.cc, os_time.cc)
void rpp_helper_print_str(void* s);
void rpp_helper_print_flush();
void rpp_helper_print_stderr(void* s);
void rpp_helper_debug_print_line(void* s);
int64_t rpp_helper_os_write(int64_t fd, void* data);
void* rpp_helper_os_read(int64_t fd, int64_t count);
int64_t rpp_helper_os_open(void* path, int64_t flags, int64_t mode);
void rpp_helper_os_close(int64_t fd);
int64_t rpp_helper_os_lseek(int64_t fd, int64_t position, int64_t how);
bool rpp_helper_os_isatty(int64_t fd);
void rpp_helper_os_ftruncate(int64_t fd, int64_t length);
void rpp_helper_os_unlink(void* path);
void* rpp_helper_os_getenv(void* name);
double rpp_helper_time_time();
double rpp_helper_time_clock();
int64_t rpp_helper_time_perf_counter_ns();
double rpp_helper_time_process_time();
void rpp_helper_time_sleep(double seconds);
void rpp_helper_fatal_error(void* message);
void rpp_helper_stack_check_slowpath();
void rpp_helper_process_exit(int64_t status);
void rpp_helper_array_sort_char(void* array, int64_t start, int64_t n);
void rpp_helper_array_sort_bool(void* array, int64_t start, int64_t n);
bool rpp_helper_str_startswith_range(void* s, void* prefix, int64_t start, int64_t end);
bool rpp_helper_str_endswith_range(void* s, void* suffix, int64_t start, int64_t end);
void* rpp_helper_bytes_replace(void* b, void* old, void* replacement, int64_t count);
void* rpp_helper_bytes_strip(void* b, void* chars, bool left, bool right);
void* rpp_helper_bytes_split(void* b, void* sep, int64_t maxsplit);
void* rpp_helper_bytes_rsplit(void* b, void* sep, int64_t maxsplit);
void* rpp_helper_bytes_splitlines(void* b, bool keepends);
void* rpp_helper_bytes_hex(void* b, void* sep, int64_t bytes_per_sep);
void* rpp_helper_bytes_fromhex(void* s);
void* rpp_helper_bytes_ljust(void* b, int64_t width, void* fill);
void* rpp_helper_bytes_rjust(void* b, int64_t width, void* fill);
void* rpp_helper_bytes_center(void* b, int64_t width, void* fill);
void* rpp_helper_bytes_zfill(void* b, int64_t width);
void* rpp_helper_bytes_title(void* b);
void* rpp_helper_bytes_capitalize(void* b);
void* rpp_helper_bytes_swapcase(void* b);
void* rpp_helper_bytes_repr(void* b);
void* rpp_helper_bytes_upper(void* b);
void* rpp_helper_bytes_lower(void* b);
bool rpp_helper_bytes_contains_byte(void* b, int64_t byte);
bool rpp_helper_bytes_isdigit(void* b);
bool rpp_helper_bytes_isalpha(void* b);
bool rpp_helper_bytes_isalnum(void* b);
bool rpp_helper_bytes_isspace(void* b);
bool rpp_helper_bytes_islower(void* b);
bool rpp_helper_bytes_isupper(void* b);
void* rpp_helper_bytes_mul(void* b, int64_t n);
void* rpp_helper_bytes_slice_step(void* b, int64_t start, int64_t stop, int64_t step);
}
