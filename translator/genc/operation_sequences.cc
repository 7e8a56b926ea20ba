// The operations of one block as C++ (FunctionWriter::operations_code), where a few sequences
// the exception and GC transforms leave are written together rather than one by one, so the
// common path does less work:
// - `gc_push_roots(R); v = gc_malloc_fixed/varsize(...); gc_pop_roots(R)`: the nursery fast path
//   first, the roots saved and reloaded only around the slow path's call (the only place a
//   collection can happen), so the common path keeps R in registers;
// - `stack_check(); e = exc_occurred()`: the exception state is read only after the slow path
//   (which raises RecursionError); on the common path `e` is the constant false and the C++
//   compiler drops the branch. No exception is pending when a graph starts (the exception
//   transform checks after every call).
// The exits' exception checks are marked unlikely in function_writer.cc (exits_code).
#include "translator/genc/function_writer.h"

#include "rtyper/lltype/lltype.h"
#include "runtime/layout.h"

namespace rpp::genc {

using namespace lltype;
using flow::Operation;

namespace {

bool is_inline_allocation(const Operation& op) {
  if (op.opname == "gc_malloc_fixed") return true;
  if (op.opname != "gc_malloc_varsize") return false;
  // str and bytes always take the slow path (their zero byte): nothing to gain.
  auto* tid = dynamic_cast<const flow::Constant*>(op.args[0]);
  const int64_t* tid_value = tid ? std::get_if<int64_t>(&tid->value) : nullptr;
  return !(tid_value && *tid_value >= int64_t(layout::kTidStrNarrow) && *tid_value <= int64_t(layout::kTidBytes));
}

bool same_arguments(const Operation& a, const Operation& b) {
  if (a.args.size() != b.args.size()) return false;
  for (size_t i = 0; i < a.args.size(); ++i)
    if (a.args[i] != b.args[i]) return false;
  return true;
}

std::string indented(const std::string& code) {
  std::string text;
  size_t start = 0;
  while (start < code.size()) {
    size_t end = code.find('\n', start);
    if (end == std::string::npos) end = code.size();
    text += "  " + code.substr(start, end - start) + "\n";
    start = end + 1;
  }
  return text;
}

}  // namespace

std::string FunctionWriter::allocation_with_roots_code(const Operation& push, const Operation& alloc,
                                                       const Operation& pop) {
  std::string result = var(alloc.result);
  std::string cast = "reinterpret_cast<" + ctype(alloc.result->concretetype) + ">";
  std::string fast, slow;
  if (alloc.opname == "gc_malloc_fixed") {
    fast = "rpp::gc::nursery_allocate_fixed(" + var(alloc.args[0]) + ", " + var(alloc.args[1]) + ")";
    slow = "rpp_gc_malloc_fixed(" + var(alloc.args[0]) + ", " + var(alloc.args[1]) + ")";
  } else {
    fast = "rpp::gc::nursery_allocate_varsize(" + var(alloc.args[0]) + ", " + var(alloc.args[1]) + ", " +
           var(alloc.args[2]) + ", " + var(alloc.args[3]) + ", " + var(alloc.args[4]) + ")";
    slow = "rpp_gc_malloc_varsize(" + var(alloc.args[0]) + ", " + var(alloc.args[1]) + ")";
  }
  return "  " + result + " = " + cast + "(" + fast + ");\n" +
         "  if (__builtin_expect(" + result + " == nullptr, 0)) {  // the slow path: roots saved around it\n" +
         indented(operation_code(push)) + "    " + result + " = " + cast + "(" + slow + ");\n" +
         indented(operation_code(pop)) + "  }\n";
}

std::string FunctionWriter::operations_code(const flow::Block* b) {
  const std::vector<Operation>& ops = b->operations;
  std::string text;
  for (size_t i = 0; i < ops.size(); ++i) {
    if (i + 2 < ops.size() && ops[i].opname == "gc_push_roots" && is_inline_allocation(ops[i + 1]) &&
        ops[i + 2].opname == "gc_pop_roots" && same_arguments(ops[i], ops[i + 2]) && ops[i + 1].result) {
      text += allocation_with_roots_code(ops[i], ops[i + 1], ops[i + 2]);
      i += 2;
      continue;
    }
    if (i + 1 < ops.size() && ops[i].opname == "stack_check" && ops[i + 1].opname == "exc_occurred" &&
        ops[i + 1].result) {
      std::string check = operation_code(ops[i]);  // `if (unlikely(...))\n    slowpath();\n`
      std::string e = var(ops[i + 1].result);
      size_t call = check.rfind("    rpp_helper_stack_check_slowpath();\n");
      if (call != std::string::npos) {
        text += "  " + e + " = false;\n" + check.substr(0, call) + "  {\n" + check.substr(call) + "    " + e +
                " = rpp::ops::exc_occurred();\n  }\n";
        ++i;
        continue;
      }
    }
    text += operation_code(ops[i]);
  }
  return text;
}

}  // namespace rpp::genc
