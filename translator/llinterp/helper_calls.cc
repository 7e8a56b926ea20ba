// The helper table's bodies as the ll interpreter calls them (helper_calls.h): one adapter per
// RPP_HELPER row, converting words to the C++ parameter types of `rpp_helper_NAME` and back.
#include "translator/llinterp/helper_calls.h"

#include <map>
#include <utility>

#include "runtime/rlib/float_format.h"
#include "runtime/rlib/helpers.h"
#include "runtime/rlib/stdout_buffer.h"
#include "translator/llinterp/llinterp.h"

namespace rpp::llinterp {

std::string float_repr(double x) { return rlib::float_repr(x); }

namespace {

template <class R, class... A>
constexpr size_t function_arity(R (*)(A...)) {
  return sizeof...(A);
}

template <class R, class... A, size_t... I>
Word invoke_with_words(R (*f)(A...), const Word* args, std::index_sequence<I...>) {
  if constexpr (std::is_void_v<R>) {
    f(from_word<A>(args[I])...);
    return 0;
  } else {
    return to_word(f(from_word<A>(args[I])...));
  }
}

template <auto F>
Word adapt(LLInterpreter&, const Word* args) {
  return invoke_with_words(F, args, std::make_index_sequence<function_arity(F)>{});
}

// The custom-key dict helpers take the key equality as a C function pointer; the interpreter's
// function words are not machine code, so they get this trampoline, which calls the graph back
// through the interpreter (the innermost custom-key helper call's).
struct CustomEq {
  LLInterpreter* interp = nullptr;
  Word function = 0;
};
thread_local CustomEq current_eq;

bool call_custom_eq(void* a, void* b) {
  LLInterpreter& interp = *current_eq.interp;
  const Heap::Callee* callee = interp.heap().callee_of(current_eq.function);
  if (!callee || !callee->graph) throw InterpError("a custom dict key equality that is not a graph");
  LLInterpreter::Outcome o = interp.call(callee->graph, {to_word(a), to_word(b)});
  if (o.raised) {
    ops::exc_restore(word_ptr(o.exception.type), word_ptr(o.exception.value));
    return false;
  }
  return o.value != 0;
}

template <int64_t (*F)(void*, void*, int64_t, bool (*)(void*, void*))>
Word adapt_custom(LLInterpreter& interp, const Word* args) {
  CustomEq saved = current_eq;
  current_eq = {&interp, args[3]};
  int64_t r = F(word_ptr(args[0]), word_ptr(args[1]), int64_t(args[2]), &call_custom_eq);
  current_eq = saved;
  return to_word(r);
}

}  // namespace

HelperBody find_helper_body(std::string_view name) {
  static const std::map<std::string, HelperBody, std::less<>> bodies = {
#define RPP_HELPER(name, signature, flags, reads, writes, oopspec) {#name, &adapt<&rpp_helper_##name>},
#include "runtime/helpers.def"
#undef RPP_HELPER
  };
  if (name == "dict_lookup_custom") return &adapt_custom<&rpp_helper_dict_lookup_custom>;
  if (name == "dict_insert_custom") return &adapt_custom<&rpp_helper_dict_insert_custom>;
  auto it = bodies.find(name);
  return it == bodies.end() ? nullptr : it->second;
}

}  // namespace rpp::llinterp
