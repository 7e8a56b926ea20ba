// SystemExit's fields and how sys.exit / SystemExit(code) fill them (rsystem_exit.h).
#include "rtyper/rsystem_exit.h"

#include "annotator/bookkeeper.h"
#include "rtyper/helper_graphs.h"
#include "rtyper/rmodel.h"
#include "rtyper/rtyper.h"
#include "runtime/layout.h"

namespace rpp::rtyper {

using namespace lltype;
using flow::Value;

bool is_builtin_system_exit(const annotator::ClassDef* def) {
  return def && def->builtin_base("SystemExit") == def;
}

void add_system_exit_fields(RTyper& rtyper, ClassInfo& info, std::vector<StructField>& fields) {
  fields.push_back({"code", &Signed, FieldMutability::Immutable});
  const annotator::SystemExitCode& cell = rtyper.bookkeeper().system_exit_code();
  if (cell.mixed() || cell.readers().items().empty()) return;  // e.code is never read
  Repr* r = rtyper.getrepr(cell.value());
  if (r->is_void()) return;
  fields.push_back({"rpy_code", r->lowleveltype(), FieldMutability::Immutable});
  info.fields["code"] = {"code", "rpy_code", r, false};
}

void init_system_exit(RTyper& rtyper, LowLevelOps& llops, Value* inst, const annotator::ClassDef* def,
                      Value* code, Repr* r_code) {
  const annotator::ClassDef* system_exit = def->builtin_base("SystemExit");
  ClassInfo* owner = system_exit ? &rtyper.classes().info(system_exit) : nullptr;
  if (!owner) throw RTypeFailure("internal error: " + def->name + " is not a SystemExit");
  ClassInfo* root = owner;
  while (root->parent) root = root->parent;
  Repr* r_str = rtyper.getrepr(annotator::s_str());
  Value* status = llops.signed_constant(0);
  Value* message = llops.constant(flow::NoneValue{}, r_str->lowleveltype());  // str(e) == ""
  Value* value = nullptr;  // e.code in the field's repr
  auto code_field = owner->fields.find("code");
  Repr* r_field = code_field == owner->fields.end() ? nullptr : code_field->second.repr;
  if (code && r_code && !r_code->is_void()) {
    switch (r_code->kind()) {
      case ReprKind::Integer: {
        Value* n = llops.convert(code, r_code, rtyper.getrepr(annotator::s_int()));
        status = llops.genop("int_and", {n, llops.signed_constant(0xFF)}, &Signed);
        message = llops.call_helper("int_to_str", {n});
        if (r_field) value = llops.convert(n, rtyper.getrepr(annotator::s_int()), r_field);
        break;
      }
      case ReprKind::Str:
      case ReprKind::Char: {
        // A str code: status 1 and the message to stderr; a None one (nullable str): status 0.
        Value* s = llops.convert(code, r_code, r_str);
        Value* nonnull = llops.genop("ptr_nonzero", {s}, &Bool);
        Value* one = llops.genop("cast_bool_to_int", {nonnull}, &Signed);
        status = llops.genop("int_mul", {one, llops.signed_constant(1 | layout::kSystemExitPrintsMessage)}, &Signed);
        message = s;
        if (r_field) value = llops.convert(s, r_str, r_field);
        break;
      }
      default:
        throw RTypeFailure("the code of a SystemExit must be an int, a str or None, not " + r_code->name());
    }
  } else if (r_field) {
    value = llops.constant(flow::NoneValue{}, r_field->lowleveltype());  // None in a nullable str
  }
  Value* e = llops.cast_pointer(inst, rtyper.types().ptr(owner->instance_struct));
  llops.genop("setfield", {e, llops.void_string("code"), status});
  if (value) llops.genop("setfield", {e, llops.void_string("rpy_code"), value});
  Value* base = llops.cast_pointer(inst, rtyper.types().ptr(root->instance_struct));
  llops.genop("setfield", {base, llops.void_string("rpy_message"), message});
}

void rtype_sys_exit(Hop& hop, const std::vector<size_t>& args) {
  RTyper& rtyper = hop.rtyper;
  Repr* r_code = args.empty() ? nullptr : hop.args_r[args[0]];
  if (r_code && r_code->is_void()) r_code = nullptr;  // sys.exit(None)
  std::vector<const LowLevelType*> params;
  if (r_code) params.push_back(r_code->lowleveltype());
  std::string name = "ll_sys_exit_" + (r_code ? ll_name(r_code->lowleveltype()->to_string()) : std::string("none"));
  const annotator::ClassDef* def = rtyper.bookkeeper().builtin_exception("SystemExit");
  flow::FunctionGraph* g = rtyper.helpers().get(name, [&] {
    const RuntimeTypes& rt = rtyper.runtime_types();
    LowLevelGraphBuilder b(rtyper, name, params, &Void, hop.op.location);
    LowLevelOps ops = b.ops();
    Value* e = rtyper.classes().new_instance(ops, def);
    init_system_exit(rtyper, ops, e, def, r_code ? b.start()->inputargs[0] : nullptr, r_code);
    Value* vt = ops.static_constant(rtyper.classes().vtable(def), rtyper.types().ptr(rt.object_vtable));
    Value* ev = ops.cast_pointer(e, rtyper.types().ptr(rt.object));
    b.append(b.start(), ops);
    b.raise_(b.start(), vt, ev);
    return b.take();
  });
  std::vector<Value*> call_args;
  if (r_code) call_args.push_back(hop.arg(args[0], r_code));
  hop.exception_is_here();
  hop.llops.call_graph(g, std::move(call_args));
}

}  // namespace rpp::rtyper
