// The helpers test traces call (see test_helpers.h).
#include "runtime/jit/testing/test_helpers.h"

#include "runtime/jit/ir/trace_parser.h"
#include "runtime/ops.h"

namespace rpp::jit {

namespace {

int64_t add_ints(int64_t a, int64_t b) { return ops::int_add(a, b); }
int64_t sum8(int64_t a, int64_t b, int64_t c, int64_t d, int64_t e, int64_t f, int64_t g, int64_t h) {
  return a + 2 * b + 3 * c + 4 * d + 5 * e + 6 * f + 7 * g + 8 * h;
}
double sum8f(double a, double b, double c, double d, double e, double f, double g, double h) {
  return a + 2 * b + 3 * c + 4 * d + 5 * e + 6 * f + 7 * g + 8 * h;
}
double mixed(int64_t a, double x, int64_t b, double y, int64_t c) { return double(a) * x + double(b) * y + double(c); }
double many_mixed(int64_t a0, double f0, int64_t a1, double f1, int64_t a2, double f2, int64_t a3, double f3,
                  int64_t a4, double f4, int64_t a5, double f5, int64_t a6, double f6, int64_t a7, double f7,
                  int64_t a8, double f8, int64_t a9, double f9) {
  double s = 0;
  int64_t ints[] = {a0, a1, a2, a3, a4, a5, a6, a7, a8, a9};
  double floats[] = {f0, f1, f2, f3, f4, f5, f6, f7, f8, f9};
  for (int i = 0; i < 10; ++i) s = s * 3 + double(ints[i]) * floats[i];
  return s;
}

int32_t neg_i32(int64_t x) { return static_cast<int32_t>(ops::int_neg(x)); }
uint8_t low_byte(int64_t x) { return static_cast<uint8_t>(x); }

layout::GcHeader* new_error(TestEnv* env, int64_t value) {
  layout::GcHeader* obj = env->gc->malloc_fixed(env->error_tid, env->error_size);
  ops::store<Word>(obj, layout::kTypeptrOffset, reinterpret_cast<Word>(env->error_class));
  ops::store<int64_t>(obj, 16, value);
  return obj;
}

int64_t maybe_raise(TestEnv* env, int64_t flag) {
  if (flag == 0) return 1;
  ops::exc_restore(const_cast<layout::ClassVtable*>(env->error_class), new_error(env, flag));
  return 0;
}
void gc_collect(TestEnv* env) { env->gc->collect(); }
int64_t gc_collect_int(TestEnv* env, int64_t x) {
  env->gc->collect();
  return x;
}
int64_t force_frame(TestEnv* env, Word token) {
  JitFrame* f = env->cpu->force(token);
  ++env->forced_frames;
  return static_cast<int64_t>(env->cpu->num_values(f));
}
layout::GcHeader* make_node_ptr(TestEnv* env, int64_t v) { return new_error(env, v); }

}  // namespace

Word test_assembler_helper(JitFrame* dead_frame, LoopToken*) {
  return 1000 + static_cast<Word>(dead_frame->descr->exit_slots.size());
}

void register_test_helpers(TraceNamespace& names, TestEnv* env) {
  parse_declarations(
      "object TestError { value: int }\n"
      "call add_ints(int, int) -> int [cannot_raise, no_collect]\n"
      "call sum8(int, int, int, int, int, int, int, int) -> int [cannot_raise, no_collect]\n"
      "call sum8f(float, float, float, float, float, float, float, float) -> float [cannot_raise, no_collect]\n"
      "call mixed(int, float, int, float, int) -> float [cannot_raise, no_collect]\n"
      "call many_mixed(int, float, int, float, int, float, int, float, int, float, int, float, int, float, int, "
      "float, int, float, int, float) -> float [cannot_raise, no_collect]\n"
      "call neg_i32(int) -> i32 [cannot_raise, no_collect]\n"
      "call low_byte(int) -> u8 [cannot_raise, no_collect]\n"
      "call maybe_raise(int, int) -> int [can_raise]\n"
      "call gc_collect(int) -> void [cannot_raise]\n"
      "call gc_collect_int(int, int) -> int [cannot_raise]\n"
      "call force_frame(int, ref) -> int [forces]\n"
      "call make_node_ptr(int, int) -> ref [cannot_raise]\n",
      names);
  auto sym = [&](const char* name, auto fn) { names.add_symbol(name, reinterpret_cast<Word>(fn)); };
  sym("add_ints", &add_ints);
  sym("sum8", &sum8);
  sym("sum8f", &sum8f);
  sym("mixed", &mixed);
  sym("many_mixed", &many_mixed);
  sym("neg_i32", &neg_i32);
  sym("low_byte", &low_byte);
  sym("maybe_raise", &maybe_raise);
  sym("gc_collect", &gc_collect);
  sym("gc_collect_int", &gc_collect_int);
  sym("force_frame", &force_frame);
  sym("make_node_ptr", &make_node_ptr);
  names.add_symbol("env", reinterpret_cast<Word>(env));
  auto* error = static_cast<SizeDescr*>(names.find("TestError"));
  env->error_class = reinterpret_cast<const layout::ClassVtable*>(error->vtable);
  env->error_tid = error->type_id;
  env->error_size = error->size;
}

}  // namespace rpp::jit
