// bytes (rstr.h): Ptr(rpy_bytes), the layout of a narrow str with its own type id, so the inline
// `str_len` / `str_getitem` read it; the rest through the bytes helpers of runtime/helpers.def.
#include <climits>

#include "annotator/listdef.h"
#include "rtyper/exception_data.h"
#include "rtyper/helper_graphs.h"
#include "rtyper/rclass.h"
#include "rtyper/rlist.h"
#include "rtyper/rmodel.h"
#include "rtyper/rstr.h"
#include "rtyper/rtyper.h"

namespace rpp::rtyper {

using namespace lltype;
using flow::Block;
using flow::ConstValue;
using flow::Value;

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
  if (method == "decode") {
    std::string e = encoding_of(hop, args, 0);
    if (e == "utf8") hop.exception_is_here();
    else hop.exception_cannot_occur();
    return ops.call_helper("bytes_decode_" + e, {self});
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

// s.encode(encoding) (rstr_methods.cc calls this for str receivers).
Value* str_encode(Hop& hop, Value* s, const std::vector<size_t>& args) {
  std::string e = encoding_of(hop, args, 0);
  hop.exception_is_here();
  return hop.llops.call_helper("str_encode_" + e, {s});
}

}  // namespace rpp::rtyper
