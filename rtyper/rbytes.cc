// bytes (rstr.h): Ptr(rpy_bytes), the layout of a narrow str with its own type id, so the inline
// `str_len` / `str_getitem` read it; the rest through the bytes helpers of runtime/helpers.def.
#include <climits>
#include <set>

#include "annotator/listdef.h"
#include "rtyper/checked_index.h"
#include "rtyper/exception_data.h"
#include "rtyper/helper_graphs.h"
#include "rtyper/rclass.h"
#include "rtyper/rlist.h"
#include "rtyper/rmodel.h"
#include "rtyper/rstr.h"
#include "rtyper/rtuple.h"
#include "rtyper/rtyper.h"

namespace rpp::rtyper {

using namespace lltype;
using flow::Block;
using flow::ConstValue;
using flow::Value;

namespace {
// A bytes value as the str helpers take it (the narrow str layout; they never look at the type id).
Value* as_str(LowLevelOps& ops, Value* b) {
  RTyper& rtyper = ops.rtyper();
  Value* g = ops.genop("cast_opaque_ptr", {b}, rtyper.types().ptr(rtyper.runtime_types().gcref));
  return ops.genop("cast_opaque_ptr", {g}, rtyper.types().ptr(rtyper.runtime_types().str));
}

}  // namespace

ConstValue BytesRepr::convert_const(const ConstValue& value, RTyper& rtyper) {
  if (std::holds_alternative<flow::NoneValue>(value)) return flow::NoneValue{};
  if (auto* b = std::get_if<flow::Bytes>(&value))
    return static_ref(&rtyper.static_data().bytes(rtyper.runtime_types().bytes, b->data));
  return Repr::convert_const(value, rtyper);
}

Value* rtype_bytes_len(Hop& hop) {
  hop.exception_cannot_occur();
  return hop.llops.genop("str_len", {hop.arg(0)}, &Signed);
}

// b[i]: an int, bounds-checked (IndexError "index out of range").
Value* rtype_bytes_getitem(Hop& hop) {
  RTyper& rtyper = hop.rtyper;
  Value* b0 = hop.arg(0);
  Value* i0 = hop.arg(1, rtyper.getrepr(annotator::s_int()));
  flow::FunctionGraph* g = checked_char_read_graph(rtyper, "ll_bytes_getitem", hop.args_r[0]->lowleveltype(), true,
                                                   "index out of range", hop.op.location);
  hop.exception_is_here();
  Value* x = hop.llops.call_graph(g, {b0, i0});
  return hop.llops.convert(x, rtyper.getrepr(annotator::s_int()), hop.r_result);
}

Value* rtype_bytes_binary(Hop& hop) {
  LowLevelOps& llops = hop.llops;
  const std::string& op = hop.op.opname;
  Repr* rb = hop.rtyper.getrepr(annotator::s_bytes());
  if (op == "mul" || op == "inplace_mul") {  // b * n, n * b
    size_t k = hop.args_r[0]->kind() == ReprKind::Bytes ? 0 : 1;
    Value* b = hop.arg(k, rb);
    Value* n = hop.arg(1 - k, hop.rtyper.getrepr(annotator::s_int()));
    hop.exception_cannot_occur();
    return llops.call_helper("bytes_mul", {b, n});
  }
  Value* a = hop.arg(0, rb);
  Value* b = hop.arg(1, rb);
  hop.exception_cannot_occur();
  if (op == "add" || op == "inplace_add") return llops.call_helper("bytes_concat", {a, b});
  if (op == "eq") return llops.call_helper("bytes_eq", {a, b});
  if (op == "ne") return llops.genop("bool_not", {llops.call_helper("bytes_eq", {a, b})}, &Bool);
  if (op == "lt" || op == "le" || op == "gt" || op == "ge")
    return llops.genop("int_" + op, {llops.call_helper("bytes_cmp", {a, b}), llops.constant(int64_t(0), &Signed)}, &Bool);
  hop.unsupported();
}

// `x in b`: a bytes x is a substring ($str_find on the narrow layout); an int x is one byte
// ($bytes_contains_byte: ValueError outside 0..255, as CPython).
Value* rtype_bytes_contains(Hop& hop) {
  LowLevelOps& ops = hop.llops;
  Value* b = hop.arg(0);
  if (hop.args_r[1]->kind() != ReprKind::Bytes) {
    Value* x = hop.arg(1, hop.rtyper.getrepr(annotator::s_int()));
    hop.exception_is_here();
    return ops.call_helper("bytes_contains_byte", {b, x});
  }
  Value* x = hop.arg(1);
  hop.exception_cannot_occur();
  Value* at = ops.call_helper("str_find", {as_str(ops, b), as_str(ops, x), ops.signed_constant(0), ops.signed_constant(INT64_MAX)});
  return ops.genop("int_ge", {at, ops.signed_constant(0)}, &Bool);
}

// b[a:b] (step 1): $bytes_slice with Python's indexes.
Value* rtype_bytes_getslice(Hop& hop) {
  LowLevelOps& ops = hop.llops;
  Value* b = hop.arg(0);
  Repr* ri = hop.rtyper.getrepr(annotator::s_int());
  auto bound = [&](size_t i, int64_t otherwise) -> Value* {
    if (hop.args_r[i]->is_void()) return ops.constant(otherwise, &Signed);
    return hop.arg(i, ri);
  };
  Value* start = bound(1, 0);
  Value* stop = bound(2, INT64_MAX);
  hop.exception_cannot_occur();
  return ops.call_helper("bytes_slice", {b, start, stop});
}

namespace {

// $bytes_split's list (the runtime's rpy_bytes_list) in the result's list repr (a fixed copy when
// the annotator made the list fixed).
Value* bytes_list_result(Hop& hop, Value* v) {
  LowLevelOps& ops = hop.llops;
  auto* lr = dynamic_cast<ListRepr*>(hop.r_result);
  if (!lr) hop.fail("bytes.split() whose result is not a list");
  const RuntimeTypes& rt = hop.rtyper.runtime_types();
  Value* l = ops.genop("cast_opaque_ptr", {v}, hop.rtyper.types().ptr(rt.bytes_list));
  if (lr->resizable()) return ops.cast_pointer(l, lr->lowleveltype());
  Value* n = ops.genop("getfield", {l, ops.void_string("length")}, &Signed);
  Value* items = ops.genop("getfield", {l, ops.void_string("items")}, hop.rtyper.types().ptr(rt.bytes_array));
  Value* out = ops.genop("malloc_varsize", {ops.type_constant(lr->items_array()), ops.void_string("gc"), n},
                         lr->lowleveltype());
  ops.call_helper("array_copy", {items, out, ops.signed_constant(0), ops.signed_constant(0), n});
  return out;
}

// ll_str_found(i): i, or ValueError "subrange not found" when i < 0 (bytes.index).
flow::FunctionGraph* found_or_value_error(Hop& hop) {
  RTyper& rtyper = hop.rtyper;
  return rtyper.helpers().get("ll_bytes_found", [&] {
    LowLevelGraphBuilder b(rtyper, "ll_bytes_found", {&Signed}, &Signed, hop.op.location);
    Block* s = b.start();
    LowLevelOps o = b.ops();
    Value* ok = o.genop("int_ge", {s->inputargs[0], o.signed_constant(0)}, &Bool);
    b.append(s, o);
    Block* yes = b.block({&Signed});
    Block* no = b.block({});
    b.branch(s, ok, yes, {s->inputargs[0]}, no, {});
    b.return_(yes, yes->inputargs[0]);
    raise_prebuilt(rtyper, b, no, "ValueError", "subsection not found");
    return b.take();
  });
}

// sep.join(l) for a list of bytes, through a bytes builder.
flow::FunctionGraph* join_graph(Hop& hop, ListRepr* lr) {
  RTyper& rtyper = hop.rtyper;
  std::string name = "ll_bytes_join_" + ll_name(lr->lowleveltype()->to_string());
  return rtyper.helpers().get(name, [&] {
    const LowLevelType* bp = rtyper.types().ptr(rtyper.runtime_types().bytes);
    const LowLevelType* lt = lr->lowleveltype();
    const LowLevelType* bt = rtyper.types().ptr(rtyper.runtime_types().builder);
    LowLevelGraphBuilder b(rtyper, name, {bp, lt}, bp, hop.op.location);
    Block* s = b.start();
    LowLevelOps o = b.ops();
    Value* sb = o.call_helper("bytes_builder_new", {o.constant(int64_t(16), &Signed)});
    b.append(s, o);
    std::vector<const LowLevelType*> state{bp, lt, bt, &Signed};
    Block* head = b.block(state);
    b.goto_(s, head, {s->inputargs[0], s->inputargs[1], sb, o.constant(int64_t(0), &Signed)});
    LowLevelOps h = b.ops();
    Value* more = h.genop("int_lt", {head->inputargs[3], lr->length(h, head->inputargs[1])}, &Bool);
    b.append(head, h);
    Block* body = b.block(state);
    Block* done = b.block({bt});
    b.branch(head, more, body, {head->inputargs[0], head->inputargs[1], head->inputargs[2], head->inputargs[3]}, done,
             {head->inputargs[2]});
    LowLevelOps w = b.ops();
    Value* first = w.genop("int_eq", {body->inputargs[3], w.constant(int64_t(0), &Signed)}, &Bool);
    b.append(body, w);
    Block* sep = b.block(state);
    Block* item = b.block(state);
    std::vector<Value*> pass{body->inputargs[0], body->inputargs[1], body->inputargs[2], body->inputargs[3]};
    b.branch(body, first, item, pass, sep, pass);
    LowLevelOps so = b.ops();
    so.call_helper("bytes_builder_append", {sep->inputargs[2], sep->inputargs[0]});
    b.append(sep, so);
    b.goto_(sep, item, {sep->inputargs[0], sep->inputargs[1], sep->inputargs[2], sep->inputargs[3]});
    LowLevelOps io = b.ops();
    Value* x = io.genop("getarrayitem", {lr->items(io, item->inputargs[1]), item->inputargs[3]}, bp);
    io.call_helper("bytes_builder_append", {item->inputargs[2], x});
    Value* next = io.genop("int_add", {item->inputargs[3], io.constant(int64_t(1), &Signed)}, &Signed);
    b.append(item, io);
    b.goto_(item, head, {item->inputargs[0], item->inputargs[1], item->inputargs[2], next});
    LowLevelOps d = b.ops();
    Value* out = d.call_helper("bytes_builder_build", {done->inputargs[0]});
    b.append(done, d);
    b.return_(done, out);
    return b.take();
  });
}

std::string encoding_of(Hop& hop, const std::vector<size_t>& args, size_t k) {
  if (args.size() <= k) return "utf8";  // the default, as CPython
  const ConstValue* c = hop.constant_arg(args[k]);
  const std::string* s = c ? std::get_if<std::string>(c) : nullptr;
  if (!s) hop.fail("the encoding must be a constant");
  std::string e;
  for (char ch : *s) e += char(std::tolower(static_cast<unsigned char>(ch)));
  if (e == "utf-8" || e == "utf8") return "utf8";
  if (e == "latin-1" || e == "latin1" || e == "iso-8859-1") return "latin1";
  hop.fail("the encoding '" + *s + "' is not supported (utf-8, latin-1)");
}

}  // namespace

Value* rtype_bytes_method(Hop& hop, const std::string& method, const std::vector<size_t>& args) {
  auto* bm = static_cast<BuiltinMethodRepr*>(hop.args_r[0]);
  LowLevelOps& ops = hop.llops;
  Value* self = hop.arg(0, bm);
  if (method == "join" && args.size() == 1) {
    auto* lr = dynamic_cast<ListRepr*>(hop.args_r[args[0]]);
    if (!lr || lr->item_repr()->kind() != ReprKind::Bytes) hop.fail("bytes.join() of a list of bytes only");
    Value* l = hop.arg(args[0]);
    hop.exception_cannot_occur();
    return ops.call_graph(join_graph(hop, lr), {self, l});
  }
  if (method == "fromhex") return rtype_bytes_fromhex(hop, args);  // called on an instance
  if (method == "decode") {
    std::string e = encoding_of(hop, args, 0);
    if (e == "utf8") hop.exception_is_here();
    else hop.exception_cannot_occur();
    return ops.call_helper("bytes_decode_" + e, {self});
  }
  RTyper& rtyper = hop.rtyper;
  Repr* rb = rtyper.getrepr(annotator::s_bytes());
  Repr* ri = rtyper.getrepr(annotator::s_int());
  auto max_args = [&](size_t n) {
    if (args.size() > n) hop.fail("bytes." + method + "() takes at most " + std::to_string(n) + " argument(s) here");
  };
  auto bytes_arg = [&](size_t k) { return hop.arg(args[k], rb); };
  auto int_arg = [&](size_t k, int64_t otherwise) -> Value* {
    if (k >= args.size() || hop.args_r[args[k]]->is_void()) return ops.signed_constant(otherwise);
    return hop.arg(args[k], ri);
  };
  auto null_bytes = [&] { return ops.constant(flow::NoneValue{}, rb->lowleveltype()); };
  // Searches shared with str: the str helpers read bytes (the narrow layout).
  if (method == "find" || method == "rfind" || method == "count" || method == "index" || method == "rindex") {
    max_args(3);
    if (args.empty()) hop.fail("bytes." + method + "() needs an argument");
    if (hop.args_r[args[0]]->kind() != ReprKind::Bytes) hop.fail("bytes." + method + "() of bytes only (not an int)");
    Value* sub = bytes_arg(0);
    Value* start = int_arg(1, 0);
    Value* end = int_arg(2, INT64_MAX);
    std::string helper = method == "index" ? "find" : method == "rindex" ? "rfind" : method;
    Value* at = ops.call_helper("str_" + helper, {as_str(ops, self), as_str(ops, sub), start, end});
    if (method == "index" || method == "rindex") {
      hop.exception_is_here();
      return ops.call_graph(found_or_value_error(hop), {at});
    }
    hop.exception_cannot_occur();
    return at;
  }
  if (method == "startswith" || method == "endswith") {
    max_args(3);
    if (args.empty()) hop.fail("bytes." + method + "() needs an argument");
    Value* start = int_arg(1, 0);
    Value* end = int_arg(2, INT64_MAX);
    auto test = [&](Value* p) {
      return ops.call_helper("str_" + method + "_range", {as_str(ops, self), as_str(ops, p), start, end});
    };
    if (auto* tr = dynamic_cast<TupleRepr*>(hop.args_r[args[0]])) {
      Value* t = hop.arg(args[0]);
      hop.exception_cannot_occur();
      Value* any = nullptr;
      for (size_t i = 0; i < tr->items().size(); ++i) {
        Value* hit = ops.genop("cast_bool_to_int", {test(ops.convert(tr->item(ops, t, i), tr->items()[i], rb))}, &Signed);
        any = any ? ops.genop("int_or", {any, hit}, &Signed) : hit;
      }
      return any ? static_cast<Value*>(ops.genop("int_is_true", {any}, &Bool)) : ops.constant(false, &Bool);
    }
    Value* p = bytes_arg(0);
    hop.exception_cannot_occur();
    return test(p);
  }
  if (method == "strip" || method == "lstrip" || method == "rstrip") {
    max_args(1);
    Value* chars = args.empty() || hop.args_r[args[0]]->is_void() ? null_bytes() : bytes_arg(0);
    hop.exception_cannot_occur();
    return ops.call_helper("bytes_strip",
                           {self, chars, ops.constant(method != "rstrip", &Bool), ops.constant(method != "lstrip", &Bool)});
  }
  if (method == "split") {
    max_args(2);
    Value* sep = args.empty() || hop.args_r[args[0]]->is_void() ? null_bytes() : bytes_arg(0);
    Value* maxsplit = int_arg(1, -1);
    hop.exception_is_here();
    return bytes_list_result(hop, ops.call_helper("bytes_split", {self, sep, maxsplit}));
  }
  if (method == "rsplit") {
    max_args(2);
    Value* sep = args.empty() || hop.args_r[args[0]]->is_void() ? null_bytes() : bytes_arg(0);
    Value* maxsplit = int_arg(1, -1);
    hop.exception_is_here();
    return bytes_list_result(hop, ops.call_helper("bytes_rsplit", {self, sep, maxsplit}));
  }
  if (method == "splitlines") {
    max_args(1);
    Value* keep = args.empty() ? ops.constant(false, &Bool) : hop.arg(args[0], rtyper.getrepr(annotator::s_bool()));
    hop.exception_cannot_occur();
    return bytes_list_result(hop, ops.call_helper("bytes_splitlines", {self, keep}));
  }
  if (method == "partition" || method == "rpartition") {
    max_args(1);
    if (args.size() != 1) hop.fail("bytes." + method + "() takes one argument");
    Value* sep = bytes_arg(0);
    hop.exception_is_here();
    Value* t = ops.call_graph(partition_graph(hop, method == "rpartition", true), {self, sep});
    annotator::SomeRef sb = annotator::s_bytes();
    return ops.convert(t, rtyper.getrepr(std::make_shared<annotator::SomeTuple>(std::vector<annotator::SomeRef>{sb, sb, sb})),
                       hop.r_result);
  }
  if (method == "hex") {
    // hex([sep[, bytes_per_sep]]): sep a str, a char or bytes (passed as a narrow str).
    max_args(2);
    Repr* rs = rtyper.getrepr(annotator::s_str());
    Value* sep;
    if (args.empty() || hop.args_r[args[0]]->is_void()) sep = ops.constant(flow::NoneValue{}, rs->lowleveltype());
    else if (hop.args_r[args[0]]->kind() == ReprKind::Bytes) sep = as_str(ops, bytes_arg(0));
    else sep = hop.arg(args[0], rs);
    Value* per = int_arg(1, 1);
    if (args.empty()) hop.exception_cannot_occur();
    else hop.exception_is_here();
    return ops.call_helper("bytes_hex", {self, sep, per});
  }
  if (method == "ljust" || method == "rjust" || method == "center") {
    max_args(2);
    if (args.empty()) hop.fail("bytes." + method + "() needs a width");
    Value* width = int_arg(0, 0);
    Value* fill = args.size() > 1 ? bytes_arg(1) : ops.static_constant(&rtyper.static_data().bytes(rtyper.runtime_types().bytes, " "), rb->lowleveltype());
    if (args.size() > 1) hop.exception_is_here();  // TypeError unless one byte
    else hop.exception_cannot_occur();
    return ops.call_helper("bytes_" + method, {self, width, fill});
  }
  if (method == "zfill") {
    max_args(1);
    if (args.empty()) hop.fail("bytes.zfill() needs a width");
    Value* width = int_arg(0, 0);
    hop.exception_cannot_occur();
    return ops.call_helper("bytes_zfill", {self, width});
  }
  if (method == "replace") {
    max_args(3);
    if (args.size() < 2) hop.fail("bytes.replace() needs two arguments");
    Value* old = bytes_arg(0);
    Value* repl = bytes_arg(1);
    Value* count = int_arg(2, -1);
    hop.exception_cannot_occur();
    return ops.call_helper("bytes_replace", {self, old, repl, count});
  }
  static const std::set<std::string> same_size = {"upper", "lower", "title", "capitalize", "swapcase", "isdigit",
                                                  "isalpha", "isalnum", "isspace", "islower", "isupper"};
  if (same_size.count(method)) {
    max_args(0);
    hop.exception_cannot_occur();
    return ops.call_helper("bytes_" + method, {self});
  }
  hop.fail("bytes." + method + "() has no low-level implementation yet");
}

Value* rtype_new_builder(Hop& hop, bool bytes, const std::vector<size_t>& args) {
  LowLevelOps& ops = hop.llops;
  Value* size = args.empty() ? ops.constant(int64_t(16), &Signed)
                             : hop.arg(args[0], hop.rtyper.getrepr(annotator::s_int()));
  hop.exception_cannot_occur();
  return ops.call_helper(bytes ? "bytes_builder_new" : "builder_new", {size});
}

Value* rtype_builder_method(Hop& hop, const std::string& method, const std::vector<size_t>& args) {
  auto* bm = static_cast<BuiltinMethodRepr*>(hop.args_r[0]);
  auto* r = static_cast<BuilderRepr*>(bm->receiver());
  RTyper& rtyper = hop.rtyper;
  LowLevelOps& ops = hop.llops;
  Value* sb = hop.arg(0, bm);
  Repr* ri = rtyper.getrepr(annotator::s_int());
  Repr* rtext = rtyper.getrepr(r->bytes() ? annotator::s_bytes() : annotator::s_str());
  hop.exception_cannot_occur();
  if (method == "append" && args.size() == 1) {
    Repr* ra = hop.args_r[args[0]];
    if (!r->bytes() && ra->kind() == ReprKind::Char) {
      ops.call_helper("builder_append_char", {sb, hop.arg(args[0])});
      return nullptr;
    }
    ops.call_helper(r->bytes() ? "bytes_builder_append" : "builder_append", {sb, hop.arg(args[0], rtext)});
    return nullptr;
  }
  if (!r->bytes() && method == "append_slice" && args.size() == 3) {
    ops.call_helper("builder_append_slice", {sb, hop.arg(args[0], rtext), hop.arg(args[1], ri), hop.arg(args[2], ri)});
    return nullptr;
  }
  if (!r->bytes() && method == "append_multiple_char" && args.size() == 2) {
    ops.call_helper("builder_append_multiple_char",
                    {sb, hop.arg(args[0], rtyper.getrepr(annotator::s_char())), hop.arg(args[1], ri)});
    return nullptr;
  }
  if (method == "build" && args.empty()) return ops.call_helper(r->bytes() ? "bytes_builder_build" : "builder_build", {sb});
  if (!r->bytes() && method == "getlength" && args.empty()) return ops.call_helper("builder_length", {sb});
  hop.fail("builder." + method + "() with these arguments has no low-level implementation yet");
}

// bytes.fromhex(s): $bytes_fromhex (ValueError).
Value* rtype_bytes_fromhex(Hop& hop, const std::vector<size_t>& args) {
  if (args.size() != 1) hop.fail("bytes.fromhex() takes one argument");
  Value* s = hop.arg(args[0], hop.rtyper.getrepr(annotator::s_str()));
  hop.exception_is_here();
  return hop.llops.call_helper("bytes_fromhex", {s});
}

// s.encode(encoding) (rstr_methods.cc calls this for str receivers).
Value* str_encode(Hop& hop, Value* s, const std::vector<size_t>& args) {
  std::string e = encoding_of(hop, args, 0);
  hop.exception_is_here();
  return hop.llops.call_helper("str_encode_" + e, {s});
}

}  // namespace rpp::rtyper
