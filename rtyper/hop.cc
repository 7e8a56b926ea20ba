// LowLevelOps and Hop (hop.h).
#include "rtyper/hop.h"

#include "rtyper/convert.h"
#include "rtyper/rtyper.h"
#include "rtyper/lltype/symbolic.h"
#include "translator/ll/helper_table.h"
#include "translator/ll/ll_constants.h"

namespace rpp::rtyper {

using namespace lltype;
using flow::Constant;
using flow::Value;
using flow::Variable;

Variable* LowLevelOps::genop(const std::string& opname, std::vector<Value*> args, const LowLevelType* result) {
  Variable* v = graph_.new_variable();
  v->concretetype = result;
  flow::Operation op;
  op.opname = opname;
  op.args = std::move(args);
  op.result = v;
  op.location = location_;
  ops_.push_back(std::move(op));
  return v;
}

Constant* LowLevelOps::constant(flow::ConstValue value, const LowLevelType* type) {
  Constant* c = graph_.new_constant(std::move(value));
  c->concretetype = type;
  return c;
}

Constant* LowLevelOps::void_string(const std::string& text) { return constant(text, &Void); }

Constant* LowLevelOps::type_constant(const LowLevelType* type) {
  return constant(std::shared_ptr<const flow::ConstPayload>(std::make_shared<TypeConstant>(type)), &Void);
}

Constant* LowLevelOps::graph_constant(flow::FunctionGraph* graph) {
  return constant(flow::GraphRef{graph}, rtyper_.types().ptr(rtyper_.graph_type(graph)));
}

Constant* LowLevelOps::helper_constant(const std::string& helper_name) {
  const ll::HelperInfo* h = ll::find_helper(helper_name);
  if (!h) throw RTypeFailure("internal error: no runtime helper $" + helper_name);
  return constant(std::shared_ptr<const flow::ConstPayload>(std::make_shared<ll::HelperRef>(h)),
                  rtyper_.types().ptr(ll::helper_type(*h, rtyper_.types())));
}

Constant* LowLevelOps::static_constant(const StaticObject* object, const LowLevelType* type) {
  return constant(static_ref(object), type);
}

Value* LowLevelOps::convert(Value* v, Repr* from, Repr* to) { return convert_value(*this, v, from, to); }

Value* LowLevelOps::call_graph(flow::FunctionGraph* graph, std::vector<Value*> args) {
  const FuncType* t = rtyper_.graph_type(graph);
  args.insert(args.begin(), graph_constant(graph));
  return genop("direct_call", std::move(args), t->result());
}

Value* LowLevelOps::call_helper(const std::string& helper_name, std::vector<Value*> args) {
  Constant* fn = helper_constant(helper_name);
  auto* t = pointee<FuncType>(fn->concretetype);
  // Lists and dicts are passed as Ptr(gcref); other pointers as the helper's runtime types.
  for (size_t i = 0; i < args.size() && i < t->args().size(); ++i) {
    const LowLevelType* want = t->args()[i];
    if (args[i]->concretetype == want || !as<Ptr>(want) || !as<Ptr>(args[i]->concretetype)) continue;
    if (as<OpaqueType>(pointee<ContainerType>(want)) || as<OpaqueType>(pointee<ContainerType>(args[i]->concretetype)))
      args[i] = genop("cast_opaque_ptr", {args[i]}, want);
    else
      args[i] = cast_pointer(args[i], want);
  }
  args.insert(args.begin(), fn);
  return genop("direct_call", std::move(args), t->result());
}

Value* LowLevelOps::cast_pointer(Value* v, const LowLevelType* to) {
  if (v->concretetype == to) return v;
  if (v->is_constant()) {
    // A null or a static object: the same value seen as another part of the object.
    auto* c = static_cast<Constant*>(v);
    return constant(c->value, to);
  }
  return genop("cast_pointer", {v}, to);
}

// ------------------------------------------------------------------------------------------ Hop

Hop::Hop(RTyper& rtyper, flow::FunctionGraph& graph, flow::Block& block, size_t index, LowLevelOps& llops)
    : rtyper(rtyper), graph(graph), block(block), index(index), op(block.operations[index]), llops(llops) {
  for (Value* a : op.args) {
    annotator::SomeRef s = a->annotation;
    if (!s && a->is_constant()) s = rtyper.bookkeeper().immutable_value(static_cast<Constant*>(a)->value);
    args_s.push_back(s);
    args_r.push_back(rtyper.getrepr(s));
  }
  s_result = op.result->annotation;
  r_result = rtyper.getrepr(s_result);
}

Value* Hop::arg(size_t i, Repr* r) {
  Value* v = op.args[i];
  if (v->is_constant()) {
    try {
      return llops.constant(r->convert_const(static_cast<Constant*>(v)->value, rtyper), r->lowleveltype());
    } catch (const RTypeFailure& e) {
      fail(e.what());
    }
  }
  try {
    return llops.convert(v, args_r[i], r);
  } catch (const RTypeFailure& e) {
    fail(e.what());
  }
}

const flow::ConstValue* Hop::constant_arg(size_t i) const {
  if (op.args[i]->is_constant()) return &static_cast<const Constant*>(op.args[i])->value;
  if (args_s[i] && args_s[i]->is_constant()) return &*args_s[i]->constant();
  return nullptr;
}

bool Hop::has_exception_links() const { return index + 1 == block.operations.size() && block.raises(); }

void Hop::exception_is_here() { raising_index_ = int(llops.operations().size()); }

std::string Hop::describe_args() const {
  std::string s = "(";
  for (size_t i = 0; i < args_s.size(); ++i) {
    if (i) s += ", ";
    s += args_s[i] ? args_s[i]->repr() : "?";
  }
  return s + ")";
}

void Hop::fail(const std::string& message) const { throw RTypeFailure(message); }

void Hop::unsupported() const {
  throw RTypeFailure("no low-level implementation of '" + op.opname + "' for " + describe_args());
}

}  // namespace rpp::rtyper
