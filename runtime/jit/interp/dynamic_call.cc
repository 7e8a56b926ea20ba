// dynamic_call: one call through a "universal" function type. With System V, a callee reads its
// integer arguments from rdi..r9, its float arguments from xmm0..7 and the rest from the stack in
// order, whatever their interleaving in the C++ signature; so a function type with 6 words, 8
// doubles and kMaxStackArgs more words can pass any mix, and the callee ignores what it does not
// take.
#include "runtime/jit/interp/dynamic_call.h"

#include <bit>
#include <stdexcept>

namespace rpp::jit {

namespace {

using W = Word;
using D = double;
using IntFn = W (*)(W, W, W, W, W, W, D, D, D, D, D, D, D, D, W, W, W, W, W, W, W, W);
using FloatFn = D (*)(W, W, W, W, W, W, D, D, D, D, D, D, D, D, W, W, W, W, W, W, W, W);
static_assert(kMaxStackArgs == 8);

Word extend(Word raw, const CallDescr& descr) {
  switch (descr.result_size) {
    case 1: return descr.result_signed ? Word(int64_t(int8_t(raw))) : Word(uint8_t(raw));
    case 2: return descr.result_signed ? Word(int64_t(int16_t(raw))) : Word(uint16_t(raw));
    case 4: return descr.result_signed ? Word(int64_t(int32_t(raw))) : Word(uint32_t(raw));
    default: return raw;
  }
}

}  // namespace

Word dynamic_call(Word function, const CallDescr& descr, std::span<const Word> args) {
  W ints[6] = {};
  D floats[8] = {};
  W stack[kMaxStackArgs] = {};
  size_t ni = 0, nf = 0, ns = 0;
  if (args.size() != descr.arg_types.size()) throw std::logic_error("dynamic_call: argument count mismatch");
  for (size_t i = 0; i < args.size(); ++i) {
    if (descr.arg_types[i] == ValueType::Float && nf < 8) floats[nf++] = std::bit_cast<D>(args[i]);
    else if (descr.arg_types[i] != ValueType::Float && ni < 6) ints[ni++] = args[i];
    else if (ns < kMaxStackArgs) stack[ns++] = args[i];
    else throw std::logic_error("dynamic_call: too many arguments");
  }
  if (descr.result_type == ValueType::Float) {
    auto fn = reinterpret_cast<FloatFn>(function);
    D r = fn(ints[0], ints[1], ints[2], ints[3], ints[4], ints[5], floats[0], floats[1], floats[2], floats[3],
             floats[4], floats[5], floats[6], floats[7], stack[0], stack[1], stack[2], stack[3], stack[4], stack[5],
             stack[6], stack[7]);
    return std::bit_cast<Word>(r);
  }
  auto fn = reinterpret_cast<IntFn>(function);
  W r = fn(ints[0], ints[1], ints[2], ints[3], ints[4], ints[5], floats[0], floats[1], floats[2], floats[3], floats[4],
           floats[5], floats[6], floats[7], stack[0], stack[1], stack[2], stack[3], stack[4], stack[5], stack[6],
           stack[7]);
  if (descr.result_type == ValueType::Void) return 0;
  return extend(r, descr);
}

}  // namespace rpp::jit
