// str methods and slices (rstr.h): each a call of its runtime helper (runtime/helpers.def),
// with CPython's optional arguments filled in; a char receiver is first made a str (char
// classes use the `unichar_is*` helpers directly).
#include <climits>
#include <map>
#include <set>

#include "rtyper/checked_index.h"
#include "rtyper/helper_graphs.h"
#include "rtyper/rclass.h"
#include "rtyper/rlist.h"
#include "rtyper/rmodel.h"
#include "rtyper/rstr.h"
#include "rtyper/rtuple.h"
#include "rtyper/rtyper.h"

namespace rpp::rtyper {

using namespace lltype;
using flow::Value;

namespace {

// A str helper's result in the result's repr: a list of str (the runtime's list, or a fixed copy),
// a char from a one-char str, or as is.
Value* str_result(Hop& hop, Value* v) {
  LowLevelOps& ops = hop.llops;
  Repr* r = hop.r_result;
  if (auto* lr = dynamic_cast<ListRepr*>(r)) {
    const RuntimeTypes& rt = hop.rtyper.runtime_types();
    const LowLevelType* runtime_list = hop.rtyper.types().ptr(rt.str_list);
    Value* l = ops.genop("cast_opaque_ptr", {v}, runtime_list);
    if (lr->resizable()) return ops.cast_pointer(l, lr->lowleveltype());
    Value* n = ops.genop("getfield", {l, ops.void_string("length")}, &Signed);
    Value* items = ops.genop("getfield", {l, ops.void_string("items")}, hop.rtyper.types().ptr(rt.str_array));
    Value* out = ops.genop("malloc_varsize", {ops.type_constant(lr->items_array()), ops.void_string("gc"), n},
                           lr->lowleveltype());
    ops.call_helper("array_copy", {items, out, ops.signed_constant(0), ops.signed_constant(0), n});
    return out;
  }
  if (r->kind() == ReprKind::Char && v->concretetype != &UniChar)
    return ops.genop("str_getitem", {v, ops.signed_constant(0)}, &UniChar);
  if (r->is_void()) return nullptr;
  return v;
}

// sep.join(l) for a list of chars, through a string builder.
flow::FunctionGraph* join_chars_graph(Hop& hop, ListRepr* lr) {
  RTyper& rtyper = hop.rtyper;
  std::string name = "ll_str_join_chars_" + ll_name(lr->lowleveltype()->to_string());
  return rtyper.helpers().get(name, [&] {
    const LowLevelType* sp = rtyper.types().ptr(rtyper.runtime_types().str);
    const LowLevelType* lt = lr->lowleveltype();
    const LowLevelType* bt = rtyper.types().ptr(rtyper.runtime_types().builder);
    LowLevelGraphBuilder b(rtyper, name, {sp, lt}, sp, hop.op.location);
    flow::Block* s = b.start();
    LowLevelOps o = b.ops();
    Value* sb = o.call_helper("builder_new", {lr->length(o, s->inputargs[1])});
    b.append(s, o);
    std::vector<const LowLevelType*> state{sp, lt, bt, &Signed};
    flow::Block* head = b.block(state);
    b.goto_(s, head, {s->inputargs[0], s->inputargs[1], sb, o.constant(int64_t(0), &Signed)});
    LowLevelOps h = b.ops();
    Value* more = h.genop("int_lt", {head->inputargs[3], lr->length(h, head->inputargs[1])}, &Bool);
    b.append(head, h);
    flow::Block* body = b.block(state);
    flow::Block* done = b.block({bt});
    std::vector<Value*> pass{head->inputargs[0], head->inputargs[1], head->inputargs[2], head->inputargs[3]};
    b.branch(head, more, body, pass, done, {head->inputargs[2]});
    LowLevelOps w = b.ops();
    Value* first = w.genop("int_eq", {body->inputargs[3], w.constant(int64_t(0), &Signed)}, &Bool);
    b.append(body, w);
    flow::Block* sep = b.block(state);
    flow::Block* item = b.block(state);
    std::vector<Value*> pass2{body->inputargs[0], body->inputargs[1], body->inputargs[2], body->inputargs[3]};
    b.branch(body, first, item, pass2, sep, pass2);
    LowLevelOps so = b.ops();
    so.call_helper("builder_append", {sep->inputargs[2], sep->inputargs[0]});
    b.append(sep, so);
    b.goto_(sep, item, {sep->inputargs[0], sep->inputargs[1], sep->inputargs[2], sep->inputargs[3]});
    LowLevelOps io = b.ops();
    Value* x = io.genop("getarrayitem", {lr->items(io, item->inputargs[1]), item->inputargs[3]}, &UniChar);
    io.call_helper("builder_append_char", {item->inputargs[2], x});
    Value* next = io.genop("int_add", {item->inputargs[3], io.constant(int64_t(1), &Signed)}, &Signed);
    b.append(item, io);
    b.goto_(item, head, {item->inputargs[0], item->inputargs[1], item->inputargs[2], next});
    LowLevelOps d = b.ops();
    Value* out = d.call_helper("builder_build", {done->inputargs[0]});
    b.append(done, d);
    b.return_(done, out);
    return b.take();
  });
}

// ll_str_found(i): i, or ValueError("substring not found") when i < 0 (str.index / rindex).
flow::FunctionGraph* found_or_value_error(Hop& hop) {
  RTyper& rtyper = hop.rtyper;
  return rtyper.helpers().get("ll_str_found", [&] {
    LowLevelGraphBuilder b(rtyper, "ll_str_found", {&Signed}, &Signed, hop.op.location);
    flow::Block* s = b.start();
    LowLevelOps o = b.ops();
    Value* missing = o.genop("int_lt", {s->inputargs[0], o.signed_constant(0)}, &Bool);
    b.append(s, o);
    flow::Block* fail = b.block({});
    flow::Block* ok = b.block({&Signed});
    b.branch(s, missing, fail, {}, ok, {s->inputargs[0]});
    raise_prebuilt(rtyper, b, fail, "ValueError", "substring not found");
    b.return_(ok, ok->inputargs[0]);
    return b.take();
  });
}

}  // namespace

// ll_str_partition(s, sep) / ll_str_rpartition(s, sep) -> (head, sep, tail); ValueError on an
// empty separator. For bytes (ll_bytes_partition...), the search is the str helper on the narrow
// layout and the slices $bytes_slice.
flow::FunctionGraph* partition_graph(Hop& hop, bool from_right, bool bytes) {
  RTyper& rtyper = hop.rtyper;
  std::string name = std::string(bytes ? "ll_bytes_" : "ll_str_") + (from_right ? "rpartition" : "partition");
  annotator::SomeRef text = bytes ? annotator::s_bytes() : annotator::s_str();
  Repr* rt = rtyper.getrepr(std::make_shared<annotator::SomeTuple>(std::vector<annotator::SomeRef>{text, text, text}));
  auto* tr = static_cast<TupleRepr*>(rt);
  return rtyper.helpers().get(name, [&] {
    const LowLevelType* sp = rtyper.types().ptr(rtyper.runtime_types().str);
    const LowLevelType* tp = bytes ? rtyper.types().ptr(rtyper.runtime_types().bytes) : sp;
    const LowLevelType* gcref = rtyper.types().ptr(rtyper.runtime_types().gcref);
    auto as_str = [&](LowLevelOps& o, Value* v) -> Value* {
      if (!bytes) return v;
      return o.genop("cast_opaque_ptr", {o.genop("cast_opaque_ptr", {v}, gcref)}, sp);
    };
    std::string slice = bytes ? "bytes_slice" : "str_slice";
    LowLevelGraphBuilder b(rtyper, name, {tp, tp}, tr->lowleveltype(), hop.op.location);
    flow::Block* s = b.start();
    LowLevelOps o = b.ops();
    Value* empty = o.genop("int_eq", {o.genop("str_len", {s->inputargs[1]}, &Signed), o.signed_constant(0)}, &Bool);
    b.append(s, o);
    flow::Block* fail = b.block({});
    flow::Block* search = b.block({tp, tp});
    b.branch(s, empty, fail, {}, search, {s->inputargs[0], s->inputargs[1]});
    raise_prebuilt(rtyper, b, fail, "ValueError", "empty separator");
    LowLevelOps f = b.ops();
    Value* at = f.call_helper(from_right ? "str_rfind" : "str_find",
                              {as_str(f, search->inputargs[0]), as_str(f, search->inputargs[1]), f.signed_constant(0),
                               f.signed_constant(INT64_MAX)});
    Value* missing = f.genop("int_lt", {at, f.signed_constant(0)}, &Bool);
    b.append(search, f);
    flow::Block* none = b.block({tp});
    flow::Block* split = b.block({tp, tp, &Signed});
    b.branch(search, missing, none, {search->inputargs[0]}, split,
             {search->inputargs[0], search->inputargs[1], at});
    LowLevelOps n = b.ops();
    Value* e = bytes ? n.static_constant(&rtyper.static_data().bytes(rtyper.runtime_types().bytes, ""), tp)
                     : str_constant(n, "");
    Value* whole = none->inputargs[0];
    Value* t = from_right ? tr->make(n, {e, e, whole}) : tr->make(n, {whole, e, e});
    b.append(none, n);
    b.return_(none, t);
    LowLevelOps p = b.ops();
    Value* str = split->inputargs[0];
    Value* sep = split->inputargs[1];
    Value* head = p.call_helper(slice, {str, p.signed_constant(0), split->inputargs[2]});
    Value* after = p.genop("int_add", {split->inputargs[2], p.genop("str_len", {sep}, &Signed)}, &Signed);
    Value* tail = p.call_helper(slice, {str, after, p.signed_constant(INT64_MAX)});
    Value* parts = tr->make(p, {head, sep, tail});
    b.append(split, p);
    b.return_(split, parts);
    return b.take();
  });
}

Value* rtype_str_method(Hop& hop, const std::string& method, const std::vector<size_t>& args) {
  RTyper& rtyper = hop.rtyper;
  LowLevelOps& ops = hop.llops;
  auto* bm = static_cast<BuiltinMethodRepr*>(hop.args_r[0]);
  Repr* rs = rtyper.getrepr(annotator::s_str());
  Repr* ri = rtyper.getrepr(annotator::s_int());
  Repr* rc = rtyper.getrepr(annotator::s_char());
  bool char_receiver = bm->receiver()->kind() == ReprKind::Char;
  Value* self = hop.arg(0, bm);
  auto self_str = [&] { return char_receiver ? ops.convert(self, bm->receiver(), rs) : self; };
  auto max_args = [&](size_t n) {
    if (args.size() > n) hop.fail("str." + method + "() takes at most " + std::to_string(n) + " argument(s) here");
  };
  auto str_arg = [&](size_t k) { return hop.arg(args[k], rs); };
  auto int_arg = [&](size_t k, int64_t otherwise) -> Value* {
    if (k >= args.size() || hop.args_r[args[k]]->is_void()) return ops.signed_constant(otherwise);
    return hop.arg(args[k], ri);
  };
  // Character classes.
  static const std::set<std::string> classes = {"isspace", "isalpha", "isdigit", "isalnum", "isdecimal",
                                                "isnumeric", "isupper", "islower"};
  static const std::set<std::string> str_only = {"istitle", "isidentifier", "isprintable", "isascii", "lower",
                                                 "upper", "swapcase", "capitalize", "title"};
  if (classes.count(method) || str_only.count(method)) {
    max_args(0);
    hop.exception_cannot_occur();
    if (char_receiver && classes.count(method)) return ops.call_helper("unichar_" + method, {self});
    return str_result(hop, ops.call_helper("str_" + method, {self_str()}));
  }
  Value* s = self_str();
  if (method == "find" || method == "rfind" || method == "count") {
    max_args(3);
    if (args.empty()) hop.fail("str." + method + "() needs an argument");
    Value* start = int_arg(1, 0);
    Value* end = int_arg(2, INT64_MAX);
    hop.exception_cannot_occur();
    if (hop.args_r[args[0]]->kind() == ReprKind::Char && method != "count")
      return ops.call_helper("str_" + method + "_char", {s, hop.arg(args[0], rc), start, end});
    return ops.call_helper("str_" + method, {s, str_arg(0), start, end});
  }
  if (method == "index" || method == "rindex") {
    // find / rfind, then ValueError when not found.
    max_args(3);
    if (args.empty()) hop.fail("str." + method + "() needs an argument");
    Value* start = int_arg(1, 0);
    Value* end = int_arg(2, INT64_MAX);
    std::string find = method == "index" ? "find" : "rfind";
    Value* at = hop.args_r[args[0]]->kind() == ReprKind::Char
                    ? ops.call_helper("str_" + find + "_char", {s, hop.arg(args[0], rc), start, end})
                    : ops.call_helper("str_" + find, {s, str_arg(0), start, end});
    hop.exception_is_here();
    return ops.call_graph(found_or_value_error(hop), {at});
  }
  if (method == "startswith" || method == "endswith") {
    // With start/end: $str_startswith_range (CPython's tailmatch on s[start:end]).
    max_args(3);
    if (args.empty()) hop.fail("str." + method + "() needs an argument");
    bool range = args.size() > 1;
    Value* start = int_arg(1, 0);
    Value* end = int_arg(2, INT64_MAX);
    auto test = [&](Value* prefix) {
      return range ? ops.call_helper("str_" + method + "_range", {s, prefix, start, end})
                   : ops.call_helper("str_" + method, {s, prefix});
    };
    if (auto* tr = dynamic_cast<TupleRepr*>(hop.args_r[args[0]])) {
      // Any of the tuple's strings.
      Value* t = hop.arg(args[0]);
      hop.exception_cannot_occur();
      Value* any = nullptr;
      for (size_t i = 0; i < tr->items().size(); ++i) {
        Value* prefix = ops.convert(tr->item(ops, t, i), tr->items()[i], rs);
        Value* hit = ops.genop("cast_bool_to_int", {test(prefix)}, &Signed);
        any = any ? ops.genop("int_or", {any, hit}, &Signed) : hit;
      }
      return any ? static_cast<Value*>(ops.genop("int_is_true", {any}, &Bool)) : ops.constant(false, &Bool);
    }
    Value* prefix = str_arg(0);
    hop.exception_cannot_occur();
    return test(prefix);
  }
  if (method == "partition" || method == "rpartition") {
    max_args(1);
    if (args.size() != 1) hop.fail("str." + method + "() takes one argument");
    auto* tr = dynamic_cast<TupleRepr*>(hop.r_result);
    if (!tr || tr->items().size() != 3) hop.unsupported();
    Value* sep = str_arg(0);
    hop.exception_is_here();
    Value* t = ops.call_graph(partition_graph(hop, method == "rpartition", false), {s, sep});
    return ops.convert(t, rtyper.getrepr(std::make_shared<annotator::SomeTuple>(std::vector<annotator::SomeRef>{
                                            annotator::s_str(), annotator::s_str(), annotator::s_str()})),
                       hop.r_result);
  }
  if (method == "strip" || method == "lstrip" || method == "rstrip") {
    max_args(1);
    bool left = method != "rstrip", right = method != "lstrip";
    hop.exception_cannot_occur();
    if (args.empty() || hop.args_r[args[0]]->is_void())
      return ops.call_helper("str_strip", {s, ops.constant(left, &Bool), ops.constant(right, &Bool)});
    return ops.call_helper("str_strip_chars", {s, str_arg(0), ops.constant(left, &Bool), ops.constant(right, &Bool)});
  }
  if (method == "split" || method == "rsplit") {
    max_args(2);
    Value* sep = args.empty() || hop.args_r[args[0]]->is_void()
                     ? ops.constant(flow::NoneValue{}, rs->lowleveltype())
                     : str_arg(0);
    Value* maxsplit = int_arg(1, -1);
    hop.exception_is_here();
    return str_result(hop, ops.call_helper("str_" + method, {s, sep, maxsplit}));
  }
  if (method == "splitlines") {
    max_args(1);
    Value* keep = args.empty() ? ops.constant(false, &Bool) : hop.arg(args[0], rtyper.getrepr(annotator::s_bool()));
    hop.exception_cannot_occur();
    return str_result(hop, ops.call_helper("str_splitlines", {s, keep}));
  }
  if (method == "join") {
    max_args(1);
    if (args.size() != 1 || hop.args_r[args[0]]->kind() != ReprKind::List) hop.fail("str.join() of a list of str only");
    auto* lr = static_cast<ListRepr*>(hop.args_r[args[0]]);
    if (lr->item_repr()->kind() == ReprKind::Char) {
      Value* l = hop.arg(args[0]);
      hop.exception_cannot_occur();
      return ops.call_graph(join_chars_graph(hop, lr), {s, l});
    }
    if (lr->item_repr()->kind() != ReprKind::Str) hop.fail("str.join() of a list of str or chars only");
    Value* l = hop.arg(args[0]);
    hop.exception_is_here();
    return ops.call_helper("str_join", {s, l});
  }
  if (method == "replace") {
    max_args(3);
    if (args.size() < 2) hop.fail("str.replace() takes two or three arguments");
    Value* old_sub = str_arg(0);
    Value* new_sub = str_arg(1);
    Value* count = int_arg(2, -1);
    hop.exception_cannot_occur();
    return ops.call_helper("str_replace", {s, old_sub, new_sub, count});
  }
  if (method == "ljust" || method == "rjust" || method == "center") {
    max_args(2);
    if (args.empty()) hop.fail("str." + method + "() needs a width");
    Value* width = int_arg(0, 0);
    Value* fill = args.size() > 1 ? hop.arg(args[1], rc) : ops.constant(int64_t(' '), &UniChar);
    hop.exception_cannot_occur();
    return ops.call_helper("str_" + method, {s, width, fill});
  }
  if (method == "encode") return str_encode(hop, s, args);
  if (method == "zfill") {
    max_args(1);
    Value* width = int_arg(0, 0);
    hop.exception_cannot_occur();
    return ops.call_helper("str_zfill", {s, width});
  }
  hop.fail("str." + method + "() has no low-level implementation yet");
}

// x in s: a char is $str_find_char >= 0, a str $str_find >= 0.
Value* rtype_str_contains(Hop& hop) {
  RTyper& rtyper = hop.rtyper;
  LowLevelOps& ops = hop.llops;
  Value* s = hop.arg(0, rtyper.getrepr(annotator::s_str()));
  hop.exception_cannot_occur();
  Value* at;
  if (hop.args_r[1]->kind() == ReprKind::Char)
    at = ops.call_helper("str_find_char", {s, hop.arg(1), ops.signed_constant(0), ops.signed_constant(INT64_MAX)});
  else
    at = ops.call_helper("str_find", {s, hop.arg(1, rtyper.getrepr(annotator::s_str())), ops.signed_constant(0),
                                      ops.signed_constant(INT64_MAX)});
  return ops.genop("int_ge", {at, ops.signed_constant(0)}, &Bool);
}

Value* rtype_str_getslice(Hop& hop) {
  RTyper& rtyper = hop.rtyper;
  LowLevelOps& ops = hop.llops;
  Value* s = hop.arg(0, rtyper.getrepr(annotator::s_str()));
  Repr* ri = rtyper.getrepr(annotator::s_int());
  auto bound = [&](size_t i, int64_t otherwise) -> Value* {
    if (hop.args_r[i]->is_void()) return ops.signed_constant(otherwise);
    return hop.arg(i, ri);
  };
  Value* start = bound(1, 0);
  Value* stop = bound(2, INT64_MAX);
  hop.exception_cannot_occur();
  return str_result(hop, ops.call_helper("str_slice", {s, start, stop}));
}

}  // namespace rpp::rtyper
