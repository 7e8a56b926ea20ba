// The random trace generator (see trace_generator.h).
#include "runtime/jit/testing/fuzz/trace_generator.h"

#include <algorithm>
#include <functional>
#include <optional>

namespace rpp::jit::fuzz {

namespace {

// splitmix64: small, fast, and the same sequence everywhere.
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed * 0x9E3779B97F4A7C15ull + 0x632BE59BD9B4E019ull) {}
  uint64_t next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  size_t below(size_t n) { return n ? static_cast<size_t>(next() % n) : 0; }
  bool chance(int percent) { return static_cast<int>(below(100)) < percent; }
  template <class T>
  const T& pick(const std::vector<T>& v) { return v[below(v.size())]; }

 private:
  uint64_t state_;
};

enum class Kind { Int, Counter, Float, Node, Cell, Ints, Refs, Floats, Bytes, Pts, Str, Error, Token, Raw, Wide };

char letter(Kind k) {
  if (k == Kind::Int || k == Kind::Counter || k == Kind::Raw) return 'i';
  if (k == Kind::Float) return 'f';
  return 'p';
}

bool is_ref(Kind k) { return letter(k) == 'p'; }

// The array kinds: their descriptor and length (arguments and allocations all have this length).
struct ArrayKind {
  Kind kind;
  const char* descr;
  char item;  // i, f, p (a Node), b (a byte)
};
const ArrayKind kArrays[] = {{Kind::Ints, "ints", 'i'},
                             {Kind::Refs, "refs", 'p'},
                             {Kind::Floats, "floats", 'f'},
                             {Kind::Bytes, "bytes", 'b'}};
constexpr int kArrayLength = 8;  // indexes are masked with 7

const char* kDeclarations =
    "struct node { a: int, b: ref, c: float, d: i32, e: u8, f: i16 }\n"
    "object cell { x: int, y: ref, z: float }\n"
    "array ints of int\n"
    "array refs of ref\n"
    "array floats of float\n"
    "array bytes of u8\n"
    "array pts of { x: int, y: float, z: i8 }\n"
    "rawstruct rs { a: int, b: i16, c: float, d: u8 }\n"
    "rawarray rwords of int\n"
    "rawarray rhalves of i32\n";

struct Val {
  std::string name;
  Kind kind;
};

class Generator {
 public:
  Generator(uint64_t seed, std::map<std::string, uint64_t>& hist) : rng_(seed), hist_(hist) {}

  GeneratedCase run() {
    GeneratedCase c;
    c.gc_stress = rng_.chance(15);
    big_ = rng_.chance(8);  // long traces: register pressure, spills, many guards
    out_ = kDeclarations;
    bool with_callee = rng_.chance(20);
    bool is_loop = rng_.chance(60);
    // Inputs of the main loop.
    std::vector<Kind> input_kinds;
    if (is_loop) input_kinds.push_back(Kind::Counter);
    size_t n_inputs = 1 + rng_.below(7);
    static const std::vector<Kind> kInputKinds = {Kind::Int,  Kind::Int,  Kind::Int,  Kind::Float, Kind::Float,
                                                  Kind::Node, Kind::Cell, Kind::Ints, Kind::Refs,  Kind::Floats,
                                                  Kind::Bytes, Kind::Pts, Kind::Str, Kind::Raw};
    for (size_t i = 0; i < n_inputs; ++i) input_kinds.push_back(rng_.pick(kInputKinds));

    std::string main_text, callee_text;
    if (with_callee) callee_text = callee_loop();
    main_text = is_loop ? loop_trace(input_kinds, with_callee) : straight_trace(input_kinds, with_callee);
    c.text = out_ + callee_text + main_text + bridge_text_;
    size_t n_sets = 1 + rng_.below(2);
    for (size_t s = 0; s < n_sets; ++s) {
      std::vector<std::string> args;
      for (Kind k : input_kinds) args.push_back(argument(k));
      c.arg_sets.push_back(args);
    }
    return c;
  }

 private:
  // ------------------------------------------------------------------ values and names
  Val fresh(Kind k) { return {std::string(1, letter(k)) + std::to_string(next_name_++), k}; }
  void emit(const std::string& opname, const std::string& line) {
    ++hist_[opname];
    body_ += line + "\n";
  }
  std::vector<Val> of_kind(Kind k) const {
    std::vector<Val> out;
    for (const auto& v : live_)
      if (v.kind == k) out.push_back(v);
    return out;
  }
  bool have(Kind k) const {
    for (const auto& v : live_)
      if (v.kind == k) return true;
    return false;
  }
  std::string int_const() {
    static const std::vector<std::string> kConsts = {
        "0", "1", "-1", "2", "3", "5", "7", "8", "13", "63", "64", "65", "100", "-100", "255", "1000003",
        "9223372036854775807", "-9223372036854775808", "2147483647", "-2147483648", "4294967296", "12345678901"};
    return rng_.pick(kConsts);
  }
  std::string float_const() {
    static const std::vector<std::string> kConsts = {"0.0", "-0.0", "1.0", "-1.0", "0.5", "2.5", "1e300", "-1e-300",
                                                     "inf", "-inf", "nan", "3.14", "1e19", "-9.5e18", "100.25"};
    return rng_.pick(kConsts);
  }
  // An integer operand: a live int (counters included) or a constant.
  std::string int_operand() {
    std::vector<Val> ints = of_kind(Kind::Int);
    for (auto& v : of_kind(Kind::Counter)) ints.push_back(v);
    if (ints.empty() || rng_.chance(20)) return int_const();
    return rng_.pick(ints).name;
  }
  std::string int_var() {
    std::vector<Val> ints = of_kind(Kind::Int);
    for (auto& v : of_kind(Kind::Counter)) ints.push_back(v);
    if (ints.empty()) {
      Val v = fresh(Kind::Int);
      emit("same_as", v.name + " = same_as(" + int_const() + ")");
      live_.push_back(v);
      return v.name;
    }
    return rng_.pick(ints).name;
  }
  std::string float_operand() {
    auto fs = of_kind(Kind::Float);
    if (fs.empty() || rng_.chance(20)) return float_const();
    return rng_.pick(fs).name;
  }
  std::string operand_of(Kind k) {
    if (k == Kind::Int) return int_operand();
    if (k == Kind::Float) return float_operand();
    return rng_.pick(of_kind(k)).name;
  }
  // A masked index into an array of kArrayLength.
  std::string index() {
    if (rng_.chance(40)) return std::to_string(rng_.below(kArrayLength));
    Val v = fresh(Kind::Int);
    emit("int_and", v.name + " = int_and(" + int_var() + ", " + std::to_string(kArrayLength - 1) + ")");
    live_.push_back(v);
    return v.name;
  }
  std::string fail_args(bool include_all_loop_vars) {
    std::vector<std::string> names;
    for (const auto& v : live_)
      // Raw buffers' addresses differ between runs: never exit values.
      if (v.kind != Kind::Token && v.kind != Kind::Raw &&
          (rng_.chance(40) || (include_all_loop_vars && is_loop_var(v.name))))
        names.push_back(v.name);
    std::string s;
    for (size_t i = 0; i < names.size(); ++i) s += (i ? ", " : "") + names[i];
    return "[" + s + "]";
  }
  bool is_loop_var(const std::string& name) const {
    for (const auto& v : loop_vars_)
      if (v.name == name) return true;
    if (counter_ && counter_->name == name) return true;
    return false;
  }
  std::string guard_descr() {
    std::string name = "g" + std::to_string(next_guard_++);
    guards_.push_back(name);
    return name;
  }
  void record_guard_state(const std::string& descr, const std::string& fail_args_text) {
    // The guard's fail arguments with their kinds, for a bridge.
    std::vector<Val> state;
    std::string inner = fail_args_text.substr(1, fail_args_text.size() - 2);
    size_t pos = 0;
    while (pos < inner.size()) {
      size_t comma = inner.find(", ", pos);
      std::string name = inner.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
      for (const auto& v : live_)
        if (v.name == name) state.push_back(v);
      if (comma == std::string::npos) break;
      pos = comma + 2;
    }
    guard_states_.push_back({descr, state});
  }
  void guard(const std::string& op, const std::string& args) {
    std::string d = guard_descr();
    std::string fa = fail_args(in_loop_);
    emit(op, op + "(" + args + (args.empty() ? "" : ", ") + "descr=" + d + ") " + fa);
    record_guard_state(d, fa);
  }

  // ------------------------------------------------------------------ operations
  void int_binary() {
    static const std::vector<std::string> kOps = {
        "int_add", "int_sub", "int_mul", "int_floordiv", "int_mod", "int_and", "int_or", "int_xor", "int_lshift",
        "int_rshift", "uint_rshift", "uint_floordiv", "uint_mod", "int_add", "int_sub", "int_mul"};
    const std::string& op = rng_.pick(kOps);
    Val r = fresh(Kind::Int);
    std::string x = rng_.chance(10) ? int_const() : int_var();
    emit(op, r.name + " = " + op + "(" + x + ", " + int_operand() + ")");
    live_.push_back(r);
  }
  void int_unary() {
    static const std::vector<std::string> kOps = {"int_neg", "int_invert", "int_abs", "int_force_ge_zero", "same_as"};
    const std::string& op = rng_.pick(kOps);
    Val r = fresh(Kind::Int);
    emit(op, r.name + " = " + op + "(" + int_var() + ")");
    live_.push_back(r);
  }
  void comparison(bool then_guard) {
    static const std::vector<std::string> kIntOps = {"int_lt", "int_le", "int_eq", "int_ne", "int_gt", "int_ge",
                                                     "uint_lt", "uint_le", "uint_gt", "uint_ge", "int_is_true",
                                                     "int_is_zero"};
    static const std::vector<std::string> kFloatOps = {"float_lt", "float_le", "float_eq",
                                                       "float_ne", "float_gt", "float_ge"};
    Val r = fresh(Kind::Int);
    std::string op;
    if (have(Kind::Float) && rng_.chance(30)) {
      op = rng_.pick(kFloatOps);
      emit(op, r.name + " = " + op + "(" + float_operand() + ", " + float_operand() + ")");
    } else if (rng_.chance(8) && (have(Kind::Node) || have(Kind::Cell))) {
      op = rng_.chance(50) ? "ptr_eq" : "ptr_ne";
      Kind k = have(Kind::Node) ? Kind::Node : Kind::Cell;
      std::string other = rng_.chance(30) ? "NULL" : operand_of(k);
      emit(op, r.name + " = " + op + "(" + operand_of(k) + ", " + other + ")");
    } else {
      op = rng_.pick(kIntOps);
      if (op == "int_is_true" || op == "int_is_zero") emit(op, r.name + " = " + op + "(" + int_var() + ")");
      else emit(op, r.name + " = " + op + "(" + int_var() + ", " + int_operand() + ")");
    }
    live_.push_back(r);
    if (then_guard) guard(rng_.chance(50) ? "guard_true" : "guard_false", r.name);
  }
  void ovf() {
    static const std::vector<std::string> kOps = {"int_add_ovf", "int_sub_ovf", "int_mul_ovf"};
    const std::string& op = rng_.pick(kOps);
    Val r = fresh(Kind::Int);
    emit(op, r.name + " = " + op + "(" + int_var() + ", " + int_operand() + ")");
    guard(rng_.chance(85) ? "guard_no_overflow" : "guard_overflow", "");
    live_.push_back(r);
  }
  void float_op() {
    static const std::vector<std::string> kBin = {"float_add", "float_sub", "float_mul", "float_truediv"};
    int which = static_cast<int>(rng_.below(10));
    if (which < 5 || !have(Kind::Float)) {
      Val r = fresh(Kind::Float);
      const std::string& op = rng_.pick(kBin);
      emit(op, r.name + " = " + op + "(" + float_operand() + ", " + float_operand() + ")");
      live_.push_back(r);
    } else if (which < 6) {
      Val r = fresh(Kind::Float);
      std::string op = rng_.chance(50) ? "float_neg" : "float_abs";
      emit(op, r.name + " = " + op + "(" + float_operand() + ")");
      live_.push_back(r);
    } else if (which < 7) {
      Val r = fresh(Kind::Int);
      emit("cast_float_to_int", r.name + " = cast_float_to_int(" + float_operand() + ")");
      live_.push_back(r);
    } else if (which < 8) {
      Val r = fresh(Kind::Float);
      emit("cast_int_to_float", r.name + " = cast_int_to_float(" + int_var() + ")");
      live_.push_back(r);
    } else if (which < 9) {
      Val r = fresh(Kind::Int);
      emit("convert_float_bytes_to_longlong", r.name + " = convert_float_bytes_to_longlong(" + float_operand() + ")");
      live_.push_back(r);
    } else {
      Val r = fresh(Kind::Float);
      emit("convert_longlong_bytes_to_float", r.name + " = convert_longlong_bytes_to_float(" + int_var() + ")");
      live_.push_back(r);
    }
  }
  void field_op() {
    bool node = have(Kind::Node) && (!have(Kind::Cell) || rng_.chance(60));
    if (!node && !have(Kind::Cell)) return alloc();
    Kind k = node ? Kind::Node : Kind::Cell;
    std::string obj = operand_of(k);
    struct F {
      const char* name;
      Kind kind;
    };
    static const std::vector<F> kNodeFields = {{"a", Kind::Int}, {"b", Kind::Node}, {"c", Kind::Float},
                                               {"d", Kind::Int}, {"e", Kind::Int},  {"f", Kind::Int}};
    static const std::vector<F> kCellFields = {{"x", Kind::Int}, {"y", Kind::Node}, {"z", Kind::Float}};
    const F& f = rng_.pick(node ? kNodeFields : kCellFields);
    std::string descr = std::string(node ? "node." : "cell.") + f.name;
    if (rng_.chance(50)) {
      // Reading a reference field may give null (fresh objects): only guards and stores use it.
      Kind rk = f.kind == Kind::Node ? Kind::Error : f.kind;  // Error: "maybe null", used as a plain ref
      Val r = fresh(f.kind == Kind::Node ? Kind::Token : rk);
      if (f.kind == Kind::Node) r.kind = Kind::Error;
      emit("getfield_gc", r.name + " = getfield_gc(" + obj + ", descr=" + descr + ")");
      live_.push_back(r);
      if (r.kind == Kind::Error && rng_.chance(50)) guard(rng_.chance(70) ? "guard_nonnull" : "guard_isnull", r.name);
    } else {
      std::string value;
      if (f.kind == Kind::Node) {
        if (!have(Kind::Node) || rng_.chance(15)) value = "NULL";
        else value = operand_of(Kind::Node);
      } else value = operand_of(f.kind);
      emit("setfield_gc", "setfield_gc(" + obj + ", " + value + ", descr=" + descr + ")");
    }
  }
  void array_op() {
    std::vector<const ArrayKind*> avail;
    for (const auto& a : kArrays)
      if (have(a.kind)) avail.push_back(&a);
    bool pts = have(Kind::Pts);
    if (avail.empty() && !pts) return alloc();
    if (pts && (avail.empty() || rng_.chance(25))) {
      std::string obj = operand_of(Kind::Pts);
      static const std::vector<std::pair<const char*, Kind>> kF = {{"x", Kind::Int}, {"y", Kind::Float}, {"z", Kind::Int}};
      auto f = rng_.pick(kF);
      std::string idx = index();
      if (rng_.chance(50)) {
        Val r = fresh(f.second);
        emit("getinteriorfield_gc", r.name + " = getinteriorfield_gc(" + obj + ", " + idx + ", descr=pts." + f.first + ")");
        live_.push_back(r);
      } else {
        emit("setinteriorfield_gc",
             "setinteriorfield_gc(" + obj + ", " + idx + ", " + operand_of(f.second) + ", descr=pts." + f.first + ")");
      }
      return;
    }
    const ArrayKind& a = *avail[rng_.below(avail.size())];
    std::string obj = operand_of(a.kind);
    int what = static_cast<int>(rng_.below(10));
    if (what == 0) {
      Val r = fresh(Kind::Int);
      emit("arraylen_gc", r.name + " = arraylen_gc(" + obj + ", descr=" + a.descr + ")");
      live_.push_back(r);
      return;
    }
    std::string idx = index();
    Kind item = a.item == 'f' ? Kind::Float : a.item == 'p' ? Kind::Node : Kind::Int;
    if (what < 6) {
      Val r = fresh(item == Kind::Node ? Kind::Error : item);
      emit("getarrayitem_gc", r.name + " = getarrayitem_gc(" + obj + ", " + idx + ", descr=" + a.descr + ")");
      live_.push_back(r);
    } else {
      std::string value;
      if (item == Kind::Node) value = have(Kind::Node) && !rng_.chance(15) ? operand_of(Kind::Node) : "NULL";
      else value = operand_of(item);
      emit("setarrayitem_gc", "setarrayitem_gc(" + obj + ", " + idx + ", " + value + ", descr=" + a.descr + ")");
    }
  }
  void string_op() {
    if (!have(Kind::Str)) {
      Val r = fresh(Kind::Str);
      std::string op = rng_.chance(80) ? "newstr" : "newunicode";
      if (op == "newunicode") r.kind = Kind::Token;  // a wide string: only its length is used
      emit(op, r.name + " = " + op + "(" + std::to_string(kArrayLength) + ")");
      live_.push_back(r);
      return;
    }
    std::string s = operand_of(Kind::Str);
    int what = static_cast<int>(rng_.below(4));
    if (what == 0) {
      Val r = fresh(Kind::Int);
      emit("strlen", r.name + " = strlen(" + s + ")");
      live_.push_back(r);
    } else if (what == 1) {
      Val r = fresh(Kind::Int);
      emit("strgetitem", r.name + " = strgetitem(" + s + ", " + index() + ")");
      live_.push_back(r);
    } else if (what == 2) {
      Val c = fresh(Kind::Int);
      emit("int_and", c.name + " = int_and(" + int_var() + ", 255)");
      live_.push_back(c);
      emit("strsetitem", "strsetitem(" + s + ", " + index() + ", " + c.name + ")");
    } else {
      auto strs = of_kind(Kind::Str);
      std::string dst = rng_.pick(strs).name;
      emit("copystrcontent", "copystrcontent(" + s + ", " + dst + ", " + std::to_string(rng_.below(4)) + ", " +
                                 std::to_string(rng_.below(4)) + ", " + std::to_string(rng_.below(5)) + ")");
    }
  }
  void alloc() {
    int what = static_cast<int>(rng_.below(8));
    if (what < 3) {
      Val r = fresh(Kind::Node);
      emit("new", r.name + " = new(descr=node)");
      live_.push_back(r);
    } else if (what < 5) {
      Val r = fresh(Kind::Cell);
      emit("new_with_vtable", r.name + " = new_with_vtable(descr=cell)");
      live_.push_back(r);
    } else if (what < 7) {
      const ArrayKind& a = kArrays[rng_.below(4)];
      Val r = fresh(a.kind);
      std::string op = rng_.chance(50) ? "new_array" : "new_array_clear";
      emit(op, r.name + " = " + op + "(" + std::to_string(kArrayLength) + ", descr=" + a.descr + ")");
      live_.push_back(r);
    } else {
      // A variable-length array, then forgotten (its length is not kArrayLength).
      Val len = fresh(Kind::Int);
      emit("int_and", len.name + " = int_and(" + int_var() + ", 31)");
      live_.push_back(len);
      Val r = fresh(Kind::Token);
      emit("new_array", r.name + " = new_array(" + len.name + ", descr=ints)");
      live_.push_back(r);
      Val l2 = fresh(Kind::Int);
      emit("arraylen_gc", l2.name + " = arraylen_gc(" + r.name + ", descr=ints)");
      live_.push_back(l2);
    }
  }
  void call() {
    int what = static_cast<int>(rng_.below(12));
    auto args_of = [&](Kind k, int n) {
      std::string s;
      for (int i = 0; i < n; ++i) s += ", " + operand_of(k);
      return s;
    };
    if (what < 2) {
      Val r = fresh(Kind::Int);
      emit("call", r.name + " = call(ConstClass(add_ints)" + args_of(Kind::Int, 2) + ", descr=add_ints)");
      live_.push_back(r);
    } else if (what < 3) {
      Val r = fresh(Kind::Int);
      emit("call", r.name + " = call(ConstClass(sum8)" + args_of(Kind::Int, 8) + ", descr=sum8)");
      live_.push_back(r);
    } else if (what < 4) {
      Val r = fresh(Kind::Float);
      emit("call", r.name + " = call(ConstClass(sum8f)" + args_of(Kind::Float, 8) + ", descr=sum8f)");
      live_.push_back(r);
    } else if (what < 5) {
      Val r = fresh(Kind::Float);
      std::string a;
      for (int i = 0; i < 10; ++i) a += ", " + int_operand() + ", " + float_operand();
      emit("call", r.name + " = call(ConstClass(many_mixed)" + a + ", descr=many_mixed)");
      live_.push_back(r);
    } else if (what < 7) {
      // A collection: every young object moves while values live in registers and slots.
      if (rng_.chance(50)) {
        emit("call", "call(ConstClass(gc_collect), ConstClass(env), descr=gc_collect)");
      } else {
        Val r = fresh(Kind::Int);
        emit("call", r.name + " = call(ConstClass(gc_collect_int), ConstClass(env), " + int_operand() +
                         ", descr=gc_collect_int)");
        live_.push_back(r);
      }
    } else if (what < 9) {
      Val r = fresh(Kind::Int);
      std::string flag = rng_.chance(70) ? "0" : int_var();
      emit("call", r.name + " = call(ConstClass(maybe_raise), ConstClass(env), " + flag + ", descr=maybe_raise)");
      live_.push_back(r);
      if (rng_.chance(75)) {
        guard("guard_no_exception", "");
      } else {
        Val e = fresh(Kind::Error);
        std::string d = guard_descr();
        std::string fa = fail_args(in_loop_);
        emit("guard_exception", e.name + " = guard_exception(ConstClass(TestError), descr=" + d + ") " + fa);
        record_guard_state(d, fa);
        live_.push_back(e);
        Val v = fresh(Kind::Int);
        // The exception (if one was raised) is a TestError: its field is readable.
        emit("guard_nonnull_class", "guard_nonnull_class(" + e.name + ", ConstClass(TestError), descr=" +
                                        guard_descr() + ") " + fail_args(in_loop_));
        emit("getfield_gc", v.name + " = getfield_gc(" + e.name + ", descr=TestError.value)");
        live_.push_back(v);
      }
    } else if (what < 10) {
      emit("cond_call", "cond_call(" + int_var() + ", ConstClass(gc_collect), ConstClass(env), descr=gc_collect)");
    } else {
      // Forcing: the callee forces this frame; guard_not_forced then fails.
      Val t = fresh(Kind::Token);
      emit("force_token", t.name + " = force_token()");
      Val r = fresh(Kind::Int);
      if (rng_.chance(50)) {
        emit("call_may_force", r.name + " = call_may_force(ConstClass(force_frame), ConstClass(env), " + t.name +
                                   ", descr=force_frame)");
      } else {
        emit("call_may_force", r.name + " = call_may_force(ConstClass(add_ints)" + args_of(Kind::Int, 2) +
                                   ", descr=add_ints)");
      }
      live_.push_back(r);
      guard("guard_not_forced", "");
    }
  }
  void class_guard() {
    if (!have(Kind::Cell)) return alloc();
    std::string c = operand_of(Kind::Cell);
    std::string cls = rng_.chance(85) ? "ConstClass(cell)" : "ConstClass(TestError)";
    guard(rng_.chance(50) ? "guard_class" : "guard_nonnull_class", c + ", " + cls);
  }
  void value_guard() {
    std::string v = int_var();
    guard("guard_value", v + ", " + (rng_.chance(50) ? int_const() : std::to_string(rng_.below(4))));
  }
  void raw_op() {
    if (!have(Kind::Raw)) return int_binary();
    std::string base = operand_of(Kind::Raw);
    int what = static_cast<int>(rng_.below(6));
    static const std::vector<std::pair<const char*, Kind>> kF = {{"a", Kind::Int}, {"b", Kind::Int}, {"c", Kind::Float}, {"d", Kind::Int}};
    if (what < 2) {
      auto f = rng_.pick(kF);
      if (what == 0) {
        Val r = fresh(f.second);
        emit("getfield_raw", r.name + " = getfield_raw(" + base + ", descr=rs." + f.first + ")");
        live_.push_back(r);
      } else {
        emit("setfield_raw", "setfield_raw(" + base + ", " + operand_of(f.second) + ", descr=rs." + f.first + ")");
      }
    } else if (what < 4) {
      const char* d = rng_.chance(50) ? "rwords" : "rhalves";
      std::string idx = index();
      if (what == 2) {
        Val r = fresh(Kind::Int);
        emit("getarrayitem_raw", r.name + " = getarrayitem_raw(" + base + ", " + idx + ", descr=" + d + ")");
        live_.push_back(r);
      } else {
        emit("setarrayitem_raw", "setarrayitem_raw(" + base + ", " + idx + ", " + int_operand() + ", descr=" + d + ")");
      }
    } else {
      std::string offset = std::to_string(8 * rng_.below(7));
      if (what == 4) {
        Val r = fresh(Kind::Int);
        emit("raw_load", r.name + " = raw_load(" + base + ", " + offset + ", descr=rhalves)");
        live_.push_back(r);
      } else {
        emit("raw_store", "raw_store(" + base + ", " + offset + ", " + int_operand() + ", descr=rwords)");
      }
    }
  }
  void unicode_op() {
    if (!have(Kind::Wide)) {
      Val r = fresh(Kind::Wide);
      emit("newunicode", r.name + " = newunicode(" + std::to_string(kArrayLength) + ")");
      live_.push_back(r);
      return;
    }
    std::string s = operand_of(Kind::Wide);
    int what = static_cast<int>(rng_.below(4));
    if (what == 0) {
      Val r = fresh(Kind::Int);
      emit("unicodelen", r.name + " = unicodelen(" + s + ")");
      live_.push_back(r);
    } else if (what == 1) {
      Val r = fresh(Kind::Int);
      emit("unicodegetitem", r.name + " = unicodegetitem(" + s + ", " + index() + ")");
      live_.push_back(r);
    } else if (what == 2) {
      Val c = fresh(Kind::Int);
      emit("int_and", c.name + " = int_and(" + int_var() + ", 1114111)");
      live_.push_back(c);
      emit("unicodesetitem", "unicodesetitem(" + s + ", " + index() + ", " + c.name + ")");
    } else {
      std::string dst = rng_.pick(of_kind(Kind::Wide)).name;
      emit("copyunicodecontent", "copyunicodecontent(" + s + ", " + dst + ", " + std::to_string(rng_.below(4)) + ", " +
                                     std::to_string(rng_.below(4)) + ", " + std::to_string(rng_.below(5)) + ")");
    }
  }
  void misc_op() {
    int what = static_cast<int>(rng_.below(5));
    if (what == 0 && (have(Kind::Node) || have(Kind::Cell))) {
      Kind k = have(Kind::Cell) ? Kind::Cell : Kind::Node;
      Val r = fresh(Kind::Int);
      std::string op = rng_.chance(50) ? "instance_ptr_eq" : "instance_ptr_ne";
      emit(op, r.name + " = " + op + "(" + operand_of(k) + ", " + operand_of(k) + ")");
      live_.push_back(r);
    } else if (what == 1) {
      Val r = fresh(Kind::Int);
      std::string op = rng_.chance(50) ? "call_pure" : "call_loopinvariant";
      emit(op, r.name + " = " + op + "(ConstClass(add_ints), " + int_operand() + ", " + int_operand() + ", descr=add_ints)");
      live_.push_back(r);
    } else if (what == 2 && !live_.empty()) {
      const Val& v = rng_.pick(live_);
      if (v.kind != Kind::Token) emit("keepalive", "keepalive(" + v.name + ")");
    } else if (what == 3) {
      Val r = fresh(Kind::Int);
      emit("call", r.name + " = call(ConstClass(neg_i32), " + int_operand() + ", descr=neg_i32)");
      live_.push_back(r);
      Val b = fresh(Kind::Int);
      emit("call", b.name + " = call(ConstClass(low_byte), " + int_operand() + ", descr=low_byte)");
      live_.push_back(b);
    } else {
      Val r = fresh(Kind::Int);
      emit("same_as", r.name + " = same_as(" + int_operand() + ")");
      live_.push_back(r);
    }
  }
  void call_assembler() {
    if (!callee_) return call();
    std::string a;
    for (size_t i = 0; i < callee_inputs_.size(); ++i) a += (i ? ", " : "") + operand_of(callee_inputs_[i]);
    Val r = fresh(Kind::Int);
    emit("call_assembler", r.name + " = call_assembler(" + a + ", descr=callee)");
    live_.push_back(r);
  }
  void one_op() {
    int w = static_cast<int>(rng_.below(100));
    if (w < 18) int_binary();
    else if (w < 22) int_unary();
    else if (w < 34) comparison(rng_.chance(60));
    else if (w < 40) ovf();
    else if (w < 50) float_op();
    else if (w < 60) field_op();
    else if (w < 68) array_op();
    else if (w < 72) string_op();
    else if (w < 78) alloc();
    else if (w < 88) call();
    else if (w < 91) class_guard();
    else if (w < 94) value_guard();
    else if (w < 96) call_assembler();
    else comparison(true);
    if (rng_.chance(6)) {
      int extra = static_cast<int>(rng_.below(3));
      if (extra == 0) raw_op();
      else if (extra == 1) unicode_op();
      else misc_op();
    }
  }

  // ------------------------------------------------------------------ traces
  std::string inputs_line(const std::vector<Val>& vals) {
    std::string s = "[";
    for (size_t i = 0; i < vals.size(); ++i) s += (i ? ", " : "") + vals[i].name;
    return s + "]\n";
  }
  std::string finish_line() {
    std::string s = "finish(";
    bool first = true;
    for (const auto& v : live_) {
      if (v.kind == Kind::Token || v.kind == Kind::Raw || !(rng_.chance(50) || is_ref(v.kind))) continue;
      s += (first ? "" : ", ") + v.name;
      first = false;
    }
    return s + ")";
  }

  std::string callee_loop() {
    // A small straight-line loop of ints: call_assembler's target; finishes with one value, or
    // leaves through a guard (then the assembler helper gives the result).
    callee_inputs_ = {Kind::Int, Kind::Int};
    live_.clear();
    body_.clear();
    Val a = fresh(Kind::Int), b = fresh(Kind::Int);
    live_ = {a, b};
    std::string head = "loop callee:\n" + inputs_line(live_);
    for (int i = 0; i < 3; ++i) int_binary();
    Val c = fresh(Kind::Int);
    emit("int_lt", c.name + " = int_lt(" + int_var() + ", " + int_const() + ")");
    live_.push_back(c);
    guard("guard_true", c.name);
    emit("finish", "finish(" + int_var() + ")");
    callee_ = true;
    std::string text = head + body_;
    body_.clear();
    guard_states_.clear();
    guards_.clear();
    return text;
  }

  std::string straight_trace(const std::vector<Kind>& kinds, bool) {
    live_.clear();
    for (Kind k : kinds) live_.push_back(fresh(k));
    std::string head = "loop main:\n" + inputs_line(live_);
    size_t n = big_ ? 100 + rng_.below(250) : 5 + rng_.below(40);
    for (size_t i = 0; i < n; ++i) one_op();
    emit("finish", finish_line());
    return head + body_;
  }

  std::string loop_trace(const std::vector<Kind>& kinds, bool) {
    live_.clear();
    std::vector<Val> inputs;
    for (Kind k : kinds) inputs.push_back(fresh(k));
    live_ = inputs;
    std::string head = "loop main:\n" + inputs_line(inputs);
    // A preamble now and then, then the label.
    if (rng_.chance(30)) {
      for (size_t i = 0, n = rng_.below(6); i < n; ++i) one_op();
    }
    // The label carries the inputs' kinds: pick one live value of each.
    std::vector<Val> label_args;
    for (size_t i = 0; i < inputs.size(); ++i) {
      std::vector<Val> candidates = of_kind(inputs[i].kind);
      std::vector<Val> unused;
      for (auto& c : candidates) {
        bool used = false;
        for (auto& l : label_args) used |= l.name == c.name;
        if (!used) unused.push_back(c);
      }
      label_args.push_back(unused.empty() ? inputs[i] : (i == 0 ? inputs[0] : rng_.pick(unused)));
    }
    // Label arguments must be distinct variables.
    for (size_t i = 0; i < label_args.size(); ++i)
      for (size_t j = 0; j < i; ++j)
        if (label_args[i].name == label_args[j].name) label_args[i] = inputs[i];
    for (size_t i = 0; i < label_args.size(); ++i)
      for (size_t j = 0; j < i; ++j)
        if (label_args[i].name == label_args[j].name) {
          Val v = fresh(label_args[i].kind);
          emit("same_as", v.name + " = same_as(" + label_args[i].name + ")");
          label_args[i] = v;
        }
    std::string l = "label(";
    for (auto& v : label_args) l += v.name + ", ";
    emit("label", l + "descr=top)");
    live_ = label_args;
    loop_vars_ = label_args;
    in_loop_ = true;
    // Count down first: every later guard keeps the decremented counter.
    Val c2 = fresh(Kind::Counter);
    emit("int_sub", c2.name + " = int_sub(" + label_args[0].name + ", 1)");
    Val c3 = fresh(Kind::Int);
    emit("int_gt", c3.name + " = int_gt(" + c2.name + ", 0)");
    counter_ = c2;
    live_.push_back(c2);
    guard("guard_true", c3.name);
    guard_states_.pop_back();  // no bridge from the exit guard
    size_t n = big_ ? 100 + rng_.below(200) : 3 + rng_.below(30);
    for (size_t i = 0; i < n; ++i) one_op();
    std::string j = "jump(" + c2.name;
    for (size_t i = 1; i < label_args.size(); ++i) j += ", " + operand_of(label_args[i].kind == Kind::Counter ? Kind::Int : label_args[i].kind);
    emit("jump", j + ", descr=top)");
    std::string text = head + body_;
    if (!guard_states_.empty() && rng_.chance(40)) make_bridge(label_args);
    return text;
  }

  void make_bridge(const std::vector<Val>& label_args) {
    // A bridge from a guard whose fail arguments hold a value of every label argument's kind.
    for (size_t attempt = 0; attempt < guard_states_.size(); ++attempt) {
      auto& [descr, state] = guard_states_[rng_.below(guard_states_.size())];
      bool ok = true;
      bool has_counter = false;
      for (auto& v : state) has_counter |= counter_ && v.name == counter_->name;
      for (size_t i = 1; i < label_args.size() && ok; ++i) {
        bool found = false;
        for (auto& v : state) found |= v.kind == label_args[i].kind;
        ok = found;
      }
      if (!ok || !has_counter) continue;
      live_.clear();
      body_.clear();
      std::vector<Val> inputs;
      std::map<std::string, std::string> rename;
      for (auto& v : state) {
        Val nv = fresh(v.kind);
        if (counter_ && v.name == counter_->name) nv.kind = Kind::Counter;
        rename[v.name] = nv.name;
        inputs.push_back(nv);
      }
      live_ = inputs;
      in_loop_ = false;
      std::string head = "bridge " + descr + ":\n" + inputs_line(inputs);
      for (size_t i = 0, n = rng_.below(8); i < n; ++i) one_op();
      if (rng_.chance(50)) {
        emit("finish", finish_line());
      } else {
        std::string j = "jump(" + rename[counter_->name];
        for (size_t i = 1; i < label_args.size(); ++i) j += ", " + operand_of(label_args[i].kind);
        emit("jump", j + ", descr=top)");
      }
      bridge_text_ = head + body_;
      return;
    }
  }

  std::string argument(Kind k) {
    switch (k) {
      case Kind::Counter: return std::to_string(1 + rng_.below(60));
      case Kind::Int: return int_const();
      case Kind::Float: return float_const();
      case Kind::Node: return "new:node";
      case Kind::Cell: return "new:cell";
      case Kind::Ints: return "array:ints:8";
      case Kind::Refs: return "array:refs:8";
      case Kind::Floats: return "array:floats:8";
      case Kind::Bytes: return "array:bytes:8";
      case Kind::Pts: return "array:pts:8";
      case Kind::Str: return "str:abcdefgh";
      case Kind::Raw: return "raw:64";
      default: return "null";
    }
  }

  Rng rng_;
  std::map<std::string, uint64_t>& hist_;
  std::string out_, body_, bridge_text_;
  std::vector<Val> live_, loop_vars_;
  std::optional<Val> counter_;
  bool in_loop_ = false;
  bool big_ = false;
  bool callee_ = false;
  std::vector<Kind> callee_inputs_;
  int next_name_ = 0;
  int next_guard_ = 0;
  std::vector<std::string> guards_;
  std::vector<std::pair<std::string, std::vector<Val>>> guard_states_;
};

}  // namespace

GeneratedCase generate_case(uint64_t seed, std::map<std::string, uint64_t>& histogram) {
  return Generator(seed, histogram).run();
}

}  // namespace rpp::jit::fuzz
