// Low-level operations as C++ statements (FunctionWriter::operation_code). The table decides:
// OPS operations call their function in runtime/ops.h (raising ones return Checked<T>: on an
// error the exception state is set to the prebuilt instance the rtyper chose for
// `opname:Error`); MEMORY operations are member accesses on the structs of c_types.h; LOWERED
// ones are written here (calls, allocation through the GC interface, casts, the stack check,
// the GC transform's fast paths, barriers and shadow-stack saves; JIT hints are no-ops).
#include <cinttypes>
#include <functional>

#include "rtyper/lltype/memory_layout.h"
#include "rtyper/lltype/operation_table.h"
#include "rtyper/lltype/symbolic.h"
#include "translator/diagnostics.h"
#include "translator/genc/function_writer.h"
#include "translator/ll/ll_constants.h"

namespace rpp::genc {

using namespace lltype;
using flow::Operation;

namespace {

const std::string& void_string(const flow::Value* v) {
  static const std::string empty;
  auto* c = dynamic_cast<const flow::Constant*>(v);
  if (c)
    if (auto* s = std::get_if<std::string>(&c->value)) return *s;
  return empty;
}

// The C type of a function pointer as the runtime's helpers declare it (runtime/rlib/helpers.h):
// every pointer is void*, e.g. `bool (*)(void*, void*)` for the custom-key dict equality.
std::string helper_function_pointer_type(const FuncType* f, const std::function<std::string(const LowLevelType*)>& ctype) {
  auto c = [&](const LowLevelType* t) -> std::string { return as<Ptr>(t) ? "void*" : ctype(t); };
  std::string text = c(f->result()) + " (*)(";
  bool comma = false;
  for (const LowLevelType* a : f->args()) {
    if (is_void(a)) continue;
    if (comma) text += ", ";
    text += c(a);
    comma = true;
  }
  return text + ")";
}

}  // namespace

std::string FunctionWriter::location_error(const Operation& op, const std::string& message) {
  std::string where;
  if (op.location.known())
    where = *op.location.file + ":" + std::to_string(op.location.line) + ":" + std::to_string(op.location.col) + ": ";
  return where + "error: genc: " + message + " (in graph " + graph_.name + ")";
}

// The call of `callee` with operands [first, end) (Void ones dropped); helpers take void* for
// every pointer.
std::string FunctionWriter::call_code(const Operation& op, const std::string& callee, size_t first, size_t end,
                                      bool helper) {
  std::string text = callee + "(";
  bool comma = false;
  for (size_t i = first; i < end; ++i) {
    const flow::Value* a = op.args[i];
    if (is_void(a->concretetype)) continue;
    if (comma) text += ", ";
    if (helper && pointee<FuncType>(a->concretetype))
      text += "reinterpret_cast<" +
              helper_function_pointer_type(pointee<FuncType>(a->concretetype),
                                           [this](const LowLevelType* t) { return ctype(t); }) +
              ">(" + var(a) + ")";
    else if (helper && as<Ptr>(a->concretetype)) text += "(void*)" + var(a);
    else text += var(a);
    comma = true;
  }
  text += ")";
  const LowLevelType* rt = op.result->concretetype;
  if (is_void(rt)) return "  " + text + ";\n";
  if (helper && as<Ptr>(rt)) text = "reinterpret_cast<" + ctype(rt) + ">(" + text + ")";
  return "  " + var(op.result) + " = " + text + ";\n";
}

// A raising OPS operation: the value, or the operation's exception in the exception state.
std::string FunctionWriter::checked_code(const Operation& op, const std::string& call) {
  std::string text = "  {\n    auto r = " + call + ";\n    if (r.ok()) {\n";
  if (!is_void(op.result->concretetype)) text += "      " + var(op.result) + " = r.value;\n";
  text += "    } else {\n      rpp_traceback_reset();\n      switch (r.error) {\n";
  const StaticData& data = emitter_.static_data();
  for (const char* error : {"Overflow", "ZeroDivision", "Value"}) {
    const StaticObject* inst = data.operation_exception(op.opname + ":" + error);
    if (!inst) inst = data.operation_exception(std::string("*:") + error);
    std::string kind = std::string("rpp::ops::OpError::") + error;
    if (!inst) {
      text += "        case " + kind + ": rpp_fatal_error_cstr(" +
              cxx_string_literal(op.opname + " failed and the program has no exception for it") + ");\n";
      continue;
    }
    uses_.data.insert(inst);
    std::string obj = emitter_.data_name(inst);
    text += "        case " + kind + ": rpp::ops::exc_restore(reinterpret_cast<rpp::layout::GcHeader**>(&" + obj +
            ")[1], &" + obj + "); break;\n";
  }
  text += "        default: break;\n      }\n    }\n  }\n";
  return text;
}

// The member-access path of getinteriorfield & co: operands [first, end) are field names (Void
// strings) and indexes (Signed); `type` is the type reached.
std::string FunctionWriter::access_path(const Operation& op, size_t first, size_t end, const LowLevelType*& type) {
  std::string text = "(*" + var(op.args[0]) + ")";
  type = as<Ptr>(op.args[0]->concretetype)->to();
  for (size_t i = first; i < end; ++i) {
    const flow::Value* a = op.args[i];
    if (auto* s = as<Struct>(type)) {
      const std::string& f = void_string(a);
      std::string path = emitter_.types().field_path(s, f);
      if (path.empty()) throw UserError(location_error(op, "no field '" + f + "' in " + s->name()));
      text += "." + path;
      const Struct* owner = s;
      while (owner && !owner->field(f)) owner = owner->parent();
      type = owner->field(f)->type;
    } else if (auto* arr = as<Array>(type)) {
      text += ".items[" + var(a) + "]";
      type = arr->item();
    } else {
      throw UserError(location_error(op, "an interior path through " + type->to_string()));
    }
  }
  return text;
}

std::string FunctionWriter::operation_code(const Operation& op) {
  const OperationInfo* info = find_operation(op.opname);
  if (!info) throw UserError(location_error(op, "the operation '" + op.opname + "' is not in the table"));
  const LowLevelType* rt = op.result->concretetype;
  bool has_result = rt && !is_void(rt);
  std::string result = has_result ? var(op.result) : "";
  const std::string& name = op.opname;

  if (info->impl == OperationImpl::Ops) {
    std::string call = "rpp::ops::" + name + "(";
    for (size_t i = 0; i < op.args.size(); ++i) {
      if (i) call += ", ";
      if (as<Ptr>(op.args[i]->concretetype)) call += "(void*)" + var(op.args[i]);
      else call += var(op.args[i]);
    }
    call += ")";
    if (info->can_raise()) return checked_code(op, call);
    // Raising an exception that was not just caught starts a new traceback (a re-raise of the
    // caught one keeps its entries): no stale entries of an exception caught earlier.
    if (name == "exc_restore" && op.args.size() == 2 &&
        !caught_values_.count(dynamic_cast<const flow::Variable*>(op.args[1])))
      return "  rpp_traceback_reset();\n  " + call + ";\n";
    if (!has_result) return "  " + call + ";\n";
    if (as<Ptr>(rt)) call = "reinterpret_cast<" + ctype(rt) + ">(" + call + ")";
    return "  " + result + " = " + call + ";\n";
  }

  // ---- memory
  if (name == "getfield" || name == "setfield" || name == "bare_setfield" || name == "getsubstruct") {
    auto* s = pointee<Struct>(op.args[0]->concretetype);
    const std::string& f = void_string(op.args[1]);
    if (!s) throw UserError(location_error(op, name + " on " + op.args[0]->concretetype->to_string()));
    std::string path = emitter_.types().field_path(s, f);
    if (path.empty()) throw UserError(location_error(op, "no field '" + f + "' in " + s->name()));
    const Struct* owner = s;
    while (owner && !owner->field(f)) owner = owner->parent();
    const LowLevelType* ft = owner->field(f)->type;
    std::string access = var(op.args[0]) + "->" + path;
    if (name == "getfield") return has_result ? "  " + result + " = " + access + ";\n" : "";
    if (name == "getsubstruct") return "  " + result + " = reinterpret_cast<" + ctype(rt) + ">(&" + access + ");\n";
    if (is_void(ft)) return "";
    return "  " + access + " = " + var(op.args[2]) + ";\n";
  }
  if (name == "getarrayitem" || name == "setarrayitem" || name == "bare_setarrayitem" ||
      name == "getarraysubstruct") {
    std::string item = var(op.args[0]) + "->items[" + var(op.args[1]) + "]";
    if (name == "getarrayitem") return has_result ? "  " + result + " = " + item + ";\n" : "";
    if (name == "getarraysubstruct") return "  " + result + " = reinterpret_cast<" + ctype(rt) + ">(&" + item + ");\n";
    if (is_void(op.args[2]->concretetype)) return "";
    return "  " + item + " = " + var(op.args[2]) + ";\n";
  }
  if (name == "getarraysize") return "  " + result + " = " + var(op.args[0]) + "->length;\n";
  if (name == "getinteriorfield" || name == "getinteriorarraysize") {
    const LowLevelType* reached = nullptr;
    std::string path = access_path(op, 1, op.args.size(), reached);
    if (name == "getinteriorarraysize") return "  " + result + " = " + path + ".length;\n";
    return has_result ? "  " + result + " = " + path + ";\n" : "";
  }
  if (name == "setinteriorfield") {
    const LowLevelType* reached = nullptr;
    std::string path = access_path(op, 1, op.args.size() - 1, reached);
    if (is_void(op.args.back()->concretetype)) return "";
    return "  " + path + " = " + var(op.args.back()) + ";\n";
  }
  if (name == "raw_load")
    return "  " + result + " = rpp::ops::load<" + ctype(rt) + ">(" + var(op.args[0]) + ", " + var(op.args[1]) + ");\n";
  if (name == "raw_store")
    return "  rpp::ops::store<" + ctype(op.args[2]->concretetype) + ">(" + var(op.args[0]) + ", " + var(op.args[1]) +
           ", " + var(op.args[2]) + ");\n";

  // ---- calls
  if (name == "direct_call") {
    auto* c = dynamic_cast<const flow::Constant*>(op.args[0]);
    if (c) {
      if (flow::FunctionGraph* g = ll::graph_of(c)) {
        uses_.functions.insert(g);
        return call_code(op, emitter_.function_name(g), 1, op.args.size(), false);
      }
      // A helper with an inline fast path (runtime/rlib/helper_fast_paths.h): the same call.
      if (const ll::HelperInfo* h = ll::helper_of(c))
        return call_code(op, (h->inline_fast_path() ? "rpp_fast_" : "rpp_helper_") + std::string(h->name), 1,
                         op.args.size(), true);
    }
    return call_code(op, var(op.args[0]), 1, op.args.size(), false);
  }
  if (name == "indirect_call") return call_code(op, var(op.args[0]), 1, op.args.size() - 1, false);
  if (name == "jit_conditional_call")
    return "  if (" + var(op.args[0]) + ") {\n  " + call_code(op, var(op.args[1]), 2, op.args.size(), false) + "  }\n";
  if (name == "jit_conditional_call_value")
    return "  " + result + " = " + var(op.args[0]) + ";\n  if (!" + result + ") {\n  " +
           call_code(op, var(op.args[1]), 2, op.args.size(), false) + "  }\n";

  // ---- allocation
  if (name == "malloc" || name == "malloc_varsize") {
    const LowLevelType* t = type_constant_of(dynamic_cast<const flow::Constant*>(op.args[0]));
    auto* container = as<ContainerType>(t);
    if (!container) throw UserError(location_error(op, name + " of a type genc does not know"));
    const std::string& flavor = void_string(op.args[1]);
    ctype(t);
    if (flavor == "gc") {
      uint32_t tid = emitter_.type_ids().id(container);
      if (name == "malloc")
        return "  " + result + " = reinterpret_cast<" + ctype(rt) + ">(rpp_gc_malloc_fixed(" + std::to_string(tid) +
               ", " + std::to_string(allocation_size(container)) + "));\n";
      return "  " + result + " = reinterpret_cast<" + ctype(rt) + ">(rpp_gc_malloc_varsize(" + std::to_string(tid) +
             ", " + var(op.args[2]) + "));\n";
    }
    if (name == "malloc")
      return "  " + result + " = reinterpret_cast<" + ctype(rt) + ">(rpp_raw_calloc(" +
             std::to_string(allocation_size(container)) + "));\n";
    VarsizeLayout v = varsize_layout(container);
    std::string text = "  " + result + " = reinterpret_cast<" + ctype(rt) + ">(rpp_raw_calloc(" +
                       std::to_string(v.items_offset) + " + " + std::to_string(v.item_size) + " * (uint64_t)" +
                       var(op.args[2]) + "));\n";
    if (v.has_length)
      text += "  rpp::ops::store<int64_t>(" + result + ", " + std::to_string(v.length_offset) + ", " + var(op.args[2]) + ");\n";
    return text;
  }
  // The GC transform's allocations (--gc=gen): the nursery fast path inline (runtime/gc/gc.h),
  // the GC's slow path as a call; str and bytes keep their zero byte through the slow path.
  if (name == "gc_malloc_fixed")
    return "  " + result + " = reinterpret_cast<" + ctype(rt) + ">(rpp::gc::malloc_fixed_inline(" + var(op.args[0]) +
           ", " + var(op.args[1]) + "));\n";
  if (name == "gc_malloc_varsize") {
    auto* tid = dynamic_cast<const flow::Constant*>(op.args[0]);
    const int64_t* tid_value = tid ? std::get_if<int64_t>(&tid->value) : nullptr;
    if (tid_value && *tid_value >= int64_t(layout::kTidStrNarrow) && *tid_value <= int64_t(layout::kTidBytes))
      return "  " + result + " = reinterpret_cast<" + ctype(rt) + ">(rpp_gc_malloc_varsize(" + var(op.args[0]) + ", " +
             var(op.args[1]) + "));\n";
    return "  " + result + " = reinterpret_cast<" + ctype(rt) + ">(rpp::gc::malloc_varsize_inline(" + var(op.args[0]) +
           ", " + var(op.args[1]) + ", " + var(op.args[2]) + ", " + var(op.args[3]) + ", " + var(op.args[4]) + "));\n";
  }
  if (name == "free") return "  std::free(" + var(op.args[0]) + ");\n";

  // ---- casts and copies
  if (name == "same_as" || name == "hint" || name == "jit_force_virtual")
    return has_result ? "  " + result + " = " + var(op.args[0]) + ";\n" : "";
  if (name == "cast_pointer" || name == "cast_opaque_ptr" || name == "cast_ptr_to_adr" || name == "cast_adr_to_ptr")
    return "  " + result + " = reinterpret_cast<" + ctype(rt) + ">(" + var(op.args[0]) + ");\n";
  if (name == "cast_int_to_ptr")
    return "  " + result + " = reinterpret_cast<" + ctype(rt) + ">((uintptr_t)" + var(op.args[0]) + ");\n";

  // ---- GC
  if (name == "gc_identityhash")
    return "  " + result + " = rpp_gc_identity_hash(reinterpret_cast<rpp::layout::GcHeader*>(" + var(op.args[0]) + "));\n";
  // id(): the identity hash, stable across moves and unique among live objects (docs/gc.md);
  // 0 for null.
  if (name == "gc_id")
    return "  " + result + " = " + var(op.args[0]) + " ? rpp_gc_identity_hash(reinterpret_cast<rpp::layout::GcHeader*>(" +
           var(op.args[0]) + ")) : 0;\n";
  if (name == "gc__collect") return "  rpp_gc_collect();\n";
  // The GC transform's barriers and shadow-stack saves (only under --gc=gen): the barriers'
  // flag test inline with the slow path as a call (runtime/gc/gc.h); push stores the variables
  // into the next slots, pop reloads the same variables from them (a minor collection may have
  // moved the objects).
  if (name == "gc_writebarrier") return "  rpp::gc::write_barrier(" + var(op.args[0]) + ");\n";
  if (name == "gc_writebarrier_array")
    return "  rpp::gc::write_barrier_array(" + var(op.args[0]) + ", " + var(op.args[1]) + ");\n";
  if (name == "gc_push_roots" || name == "gc_pop_roots") {
    std::vector<const flow::Value*> roots;
    for (const flow::Value* a : op.args)
      if (a->is_variable() && !is_void(a->concretetype)) roots.push_back(a);
    if (roots.empty()) return "";
    std::string n = std::to_string(roots.size());
    std::string text;
    if (name == "gc_push_roots") {
      text = "  {\n    rpp::layout::GcHeader** rpp_roots = rpp::layout::rpp_globals.root_stack_top;\n";
      for (size_t i = 0; i < roots.size(); ++i)
        text += "    rpp_roots[" + std::to_string(i) + "] = reinterpret_cast<rpp::layout::GcHeader*>(" + var(roots[i]) +
                ");\n";
      return text + "    rpp::layout::rpp_globals.root_stack_top = rpp_roots + " + n + ";\n  }\n";
    }
    text = "  {\n    rpp::layout::GcHeader** rpp_roots = rpp::layout::rpp_globals.root_stack_top - " + n + ";\n";
    for (size_t i = 0; i < roots.size(); ++i)
      text += "    " + var(roots[i]) + " = reinterpret_cast<" + ctype(roots[i]->concretetype) + ">(rpp_roots[" +
              std::to_string(i) + "]);\n";
    return text + "    rpp::layout::rpp_globals.root_stack_top = rpp_roots;\n  }\n";
  }
  if (name == "gc_stack_bottom") return "";

  // ---- JIT hints: nothing in compiled code without the JIT
  if (name == "jit_is_virtual") return "  " + result + " = false;\n";
  if (name.starts_with("jit_")) return "";

  // ---- stack, debugging
  // The native stack, and the shadow stack that the GC transform's saves fill (its last
  // kShadowStackMargin slots are the margin): RecursionError before either overflows.
  if (name == "stack_check")
    return "  if (__builtin_expect((uintptr_t)__builtin_frame_address(0) < rpp::layout::rpp_globals.stack_limit ||\n"
           "                       rpp::layout::rpp_globals.root_stack_top >= rpp::layout::rpp_globals.root_stack_limit - "
           "rpp::layout::kShadowStackMargin, 0))\n"
           "    rpp_helper_stack_check_slowpath();\n";
  if (name == "debug_assert")
    return "  if (!" + var(op.args[0]) + ") rpp_fatal_error_cstr(" +
           cxx_string_literal("debug_assert failed: " + void_string(op.args[1])) + ");\n";
  if (name == "debug_fatalerror") {
    if (!op.args.empty() && as<Ptr>(op.args[0]->concretetype))
      return "  rpp_helper_fatal_error((void*)" + var(op.args[0]) + ");\n";
    return "  rpp_fatal_error_cstr(\"fatal error\");\n";
  }
  if (name == "debug_start" || name == "debug_stop" || name == "keepalive" || name == "nop")
    return "";
  throw UserError(location_error(op, "the operation '" + name + "' has no C++ lowering yet"));
}

}  // namespace rpp::genc
