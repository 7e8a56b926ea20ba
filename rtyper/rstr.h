// Strings, the part this issue needs to print values and carry exception messages: str is
// Ptr(rpy_string) (runtime/layout.h: narrow or wide by type id), constants are prebuilt static
// strings; str(x) of numbers, bools and chars, `+`, `==`, `len`, `s[i]` (a char, never
// allocated), truth, and `print` through the helper table ($int_to_str, $float_to_str,
// $str_concat, $print_str...). The rest of RPython's rstr (methods, formatting, repr) comes with
// "RTyper, part 2".
#pragma once
#include "rtyper/hop.h"
#include "rtyper/repr.h"

namespace rpp::rtyper {

class StrRepr final : public Repr {
 public:
  explicit StrRepr(const lltype::LowLevelType* type) : Repr(ReprKind::Str, type, "StrRepr") {}
  flow::ConstValue convert_const(const flow::ConstValue& value, RTyper& rtyper) override;
};

class BytesRepr final : public Repr {
 public:
  explicit BytesRepr(const lltype::LowLevelType* type) : Repr(ReprKind::Bytes, type, "BytesRepr") {}
  flow::ConstValue convert_const(const flow::ConstValue& value, RTyper& rtyper) override;
};

// rpython.rlib.rstring's StringBuilder (UnicodeBuilder) / BytesBuilder: the runtime's builder.
class BuilderRepr final : public Repr {
 public:
  BuilderRepr(const lltype::LowLevelType* type, bool bytes) : Repr(ReprKind::Builder, type, "BuilderRepr"), bytes_(bytes) {}
  bool bytes() const { return bytes_; }

 private:
  bool bytes_;
};
// StringBuilder() / BytesBuilder() and their methods (append, append_slice,
// append_multiple_char, build, getlength), each a builder helper.
flow::Value* rtype_new_builder(Hop& hop, bool bytes, const std::vector<size_t>& args);
flow::Value* rtype_builder_method(Hop& hop, const std::string& method, const std::vector<size_t>& args);

// rbytes.cc: len(b), b[i] (an int), iteration, +, ==, b"".join(list), s.encode(), b.decode().
flow::Value* rtype_bytes_len(Hop& hop);
flow::Value* rtype_bytes_getitem(Hop& hop);
flow::Value* rtype_bytes_binary(Hop& hop);
flow::Value* rtype_bytes_getslice(Hop& hop);
flow::Value* rtype_bytes_contains(Hop& hop);
flow::Value* rtype_bytes_method(Hop& hop, const std::string& method, const std::vector<size_t>& args);
flow::Value* rtype_bytes_fromhex(Hop& hop, const std::vector<size_t>& args);  // bytes.fromhex(s)
flow::Value* str_encode(Hop& hop, flow::Value* s, const std::vector<size_t>& args);

// A value of repr `r` as a str (Python's str(x)); throws RTypeFailure when it has none yet.
flow::Value* to_str(Hop& hop, flow::Value* v, Repr* r, const annotator::SomeRef& s);
// One value to turn into text, with its repr and annotation.
struct TextPart {
  flow::Value* value;
  Repr* repr;
  annotator::SomeRef annotation;
};
// str() of each part joined by `sep` through $str_concat (the line of print and of debug_print);
// nullptr when there are none. A part with no str() fails the hop, naming `caller`.
flow::Value* join_str_of(Hop& hop, const std::vector<TextPart>& parts, const std::string& sep, const std::string& caller);
// repr(x): CPython's quoting for text; lists and tuples of representable items.
flow::Value* to_repr(Hop& hop, flow::Value* v, Repr* r, const annotator::SomeRef& s);
// repr(v) with operations appended to `ops` (a helper graph's block being built); throws
// RTypeFailure for reprs without one.
flow::Value* to_repr_in(Hop& hop, LowLevelOps& ops, flow::Value* v, Repr* r);
flow::Value* rtype_repr(Hop& hop);         // repr(x)
// A prebuilt str constant.
flow::Value* str_constant(LowLevelOps& llops, const std::string& utf8);

flow::Value* rtype_str(Hop& hop);          // str(x)
flow::Value* rtype_print(Hop& hop);        // print(...)
flow::Value* rtype_str_binary(Hop& hop);   // add, eq, ne on strs / chars
flow::Value* rtype_str_repeat(Hop& hop);   // str * int, int * str (chars too): $str_mul
flow::Value* rtype_str_len(Hop& hop);
flow::Value* rtype_str_getitem(Hop& hop);
// The helper graph NAME(s, i) reading item i of a str or bytes (`ptr`) with Python's negative
// indexes and bounds check (IndexError MESSAGE); the code point, or as an int (`as_int`, bytes).
// `nonneg`: the index is proved >= 0 (the graph NAME_nonneg, without the negative fix-up).
flow::FunctionGraph* checked_char_read_graph(RTyper& rtyper, const std::string& name, const lltype::LowLevelType* ptr,
                                             bool as_int, const std::string& message,
                                             const flow::SourceLocation& where, bool nonneg = false);
flow::Value* rtype_str_is_true(Hop& hop);

// rstr_methods.cc: the str methods (helpers of runtime/helpers.def) and s[a:b].
flow::Value* rtype_str_method(Hop& hop, const std::string& method, const std::vector<size_t>& args);
flow::Value* rtype_str_getslice(Hop& hop);
flow::Value* rtype_str_contains(Hop& hop);  // x in s
// ll_str_partition / ll_str_rpartition (or ll_bytes_...): (text, text) -> (head, sep, tail).
flow::FunctionGraph* partition_graph(Hop& hop, bool from_right, bool bytes);

// rstr_format.cc: "..." % values (constant format) and format(x, spec) (f-string fields).
flow::Value* rtype_str_mod(Hop& hop);
flow::Value* rtype_format(Hop& hop);
// "...".format(args) with a constant format: positional and keyword argument hop indexes.
flow::Value* rtype_str_format(Hop& hop, const std::vector<size_t>& positional,
                              const std::vector<std::pair<std::string, size_t>>& keywords);

}  // namespace rpp::rtyper
