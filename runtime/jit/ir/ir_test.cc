// Unit tests of the trace IR: the operation table, text round trips, declarations, the verifier.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <cmath>

#include "runtime/jit/ir/trace_parser.h"
#include "runtime/jit/ir/trace_printer.h"
#include "runtime/jit/ir/trace_verifier.h"

using namespace rpp::jit;

namespace {

std::string roundtrip(const std::string& text) {
  TraceNamespace names;
  Trace t = parse_trace(text, names);
  return print_trace(t, &names);
}

}  // namespace

TEST_CASE("the operation table: names, arities, flags") {
  CHECK(op_name(Opcode::IntAdd) == "int_add");
  CHECK(opcode_from_name("guard_nonnull_class") == Opcode::GuardNonnullClass);
  CHECK_FALSE(opcode_from_name("no_such_op").has_value());
  CHECK(op_info(Opcode::IntAdd).arity == 2);
  CHECK(is_pure(Opcode::FloatMul));
  CHECK(is_guard(Opcode::GuardNotInvalidated));
  CHECK(is_ovf(Opcode::IntMulOvf));
  CHECK(is_final(Opcode::Jump));
  CHECK_FALSE(is_final(Opcode::Label));
  CHECK(has_no_side_effect(Opcode::GetfieldGc));
  CHECK_FALSE(has_no_side_effect(Opcode::SetfieldGc));
  CHECK(swapped_comparison(Opcode::IntLt) == Opcode::IntGt);
  CHECK(negated_int_comparison(Opcode::UintLe) == Opcode::UintGt);
  for (int i = 0; i < kOpcodeCount; ++i) {
    const OpInfo& info = op_info(static_cast<Opcode>(i));
    CAPTURE(info.name);
    if (info.arg_types != "*") CHECK(static_cast<int>(info.arg_types.size()) == info.arity);
    CHECK(opcode_from_name(info.name) == static_cast<Opcode>(i));
  }
}

TEST_CASE("a loop prints as it was written") {
  std::string text =
      "[i0, p1, f2]\n"
      "label(i0, p1, f2, descr=loop)\n"
      "i3 = int_add(i0, 1)\n"
      "i4 = int_lt(i3, 100)\n"
      "guard_true(i4, descr=g0) [i3, p1]\n"
      "f5 = float_mul(f2, -0.5)\n"
      "jump(i3, p1, f5, descr=loop)\n";
  CHECK(roundtrip(text) == text);
}

TEST_CASE("variables are renumbered; comments and blank lines are ignored") {
  std::string text =
      "# a comment\n"
      "[ix, pstuff]   ; trailing\n"
      "\n"
      "inew = int_mul(ix, -7)\n"
      "guard_nonnull(pstuff) [inew]\n"
      "finish(inew, pstuff)\n";
  CHECK(roundtrip(text) ==
        "[i0, p1]\n"
        "i2 = int_mul(i0, -7)\n"
        "guard_nonnull(p1) [i2]\n"
        "finish(i2, p1)\n");
}

TEST_CASE("constants: ints, hex, floats, inf, nan, NULL") {
  TraceNamespace names;
  Trace t = parse_trace(
      "[i0, f1, p2]\n"
      "i3 = int_add(i0, 0x10)\n"
      "i4 = int_sub(i3, -9223372036854775808)\n"
      "f5 = float_add(f1, inf)\n"
      "f6 = float_add(f5, -0.0)\n"
      "f7 = float_add(f6, nan)\n"
      "f8 = float_add(f7, 1e300)\n"
      "i9 = ptr_eq(p2, NULL)\n"
      "finish(i4, f8, i9)\n",
      names);
  const auto& ops = t.ops();
  CHECK(t.const_int_value(t.arg(ops[0], 1)) == 16);
  CHECK(t.const_int_value(t.arg(ops[1], 1)) == INT64_MIN);
  CHECK(std::isinf(t.const_float_value(t.arg(ops[2], 1))));
  CHECK(std::signbit(t.const_float_value(t.arg(ops[3], 1))));
  CHECK(std::isnan(t.const_float_value(t.arg(ops[4], 1))));
  CHECK(t.type(t.arg(ops[6], 1)) == ValueType::Ref);
  std::string printed = print_trace(t, &names);
  CHECK(printed.find("f5 = float_add(f1, inf)") != std::string::npos);
  CHECK(printed.find("float_add(f5, -0.0)") != std::string::npos);
  CHECK(printed.find("float_add(f6, nan)") != std::string::npos);
  CHECK(printed.find("float_add(f7, 1e+300)") != std::string::npos);
  CHECK(printed.find("i4 = int_sub(i3, -9223372036854775808)") != std::string::npos);
  CHECK(verify_trace(t) == "");
}

TEST_CASE("format_float is shortest round-trip and always looks like a float") {
  CHECK(format_float(7.0) == "7.0");
  CHECK(format_float(0.1) == "0.1");
  CHECK(format_float(-0.0) == "-0.0");
  CHECK(format_float(1e16) == "1e+16");
  CHECK(format_float(-INFINITY) == "-inf");
}

TEST_CASE("declarations lay out types by runtime/layout.h") {
  TraceNamespace names;
  Trace t = parse_trace(
      "struct node { a: i8, value: int, next: ref, small: u16 }\n"
      "object cell { v: float }\n"
      "array ints of int\n"
      "array chars of u8\n"
      "array points of { x: i32, y: float, z: ref }\n"
      "rawarray raw of i32\n"
      "call cd(int, float) -> ref [cannot_raise, no_collect]\n"
      "[p0]\n"
      "i1 = getfield_gc(p0, descr=node.value)\n"
      "finish(i1)\n",
      names);
  auto* node = static_cast<SizeDescr*>(names.find("node"));
  REQUIRE(node);
  CHECK(static_cast<FieldDescr*>(names.find("node.a"))->offset == 8);
  CHECK(static_cast<FieldDescr*>(names.find("node.value"))->offset == 16);
  CHECK(static_cast<FieldDescr*>(names.find("node.next"))->offset == 24);
  CHECK(static_cast<FieldDescr*>(names.find("node.next"))->type == ValueType::Ref);
  auto* small = static_cast<FieldDescr*>(names.find("node.small"));
  CHECK(small->offset == 32);
  CHECK(small->size == 2);
  CHECK_FALSE(small->is_signed);
  CHECK(node->size == 40);
  CHECK(node->type_id >= rpp::layout::kFirstGeneratedTid);
  const auto& info = names.type_table()[node->type_id];
  CHECK(info.fixed_size == 40);
  REQUIRE(info.gc_ptr_count == 1);
  CHECK(info.gc_ptr_offsets[0] == 24);

  auto* cell = static_cast<SizeDescr*>(names.find("cell"));
  CHECK(cell->vtable != 0);
  CHECK(static_cast<FieldDescr*>(names.find("cell.v"))->offset == 16);
  CHECK(names.find_symbol("cell") != nullptr);

  auto* ints = static_cast<ArrayDescr*>(names.find("ints"));
  CHECK(ints->base_offset == 16);
  CHECK(ints->length_offset == 8);
  CHECK(static_cast<ArrayDescr*>(names.find("chars"))->item_size == 1);
  auto* points = static_cast<ArrayDescr*>(names.find("points"));
  CHECK(points->item_size == 24);
  auto* py = static_cast<InteriorFieldDescr*>(names.find("points.y"));
  CHECK(py->field->offset == 8);
  CHECK(py->array == points);
  CHECK(names.type_table()[points->type_id].item_gc_ptr_count == 1);
  CHECK(static_cast<ArrayDescr*>(names.find("raw"))->is_raw);
  auto* cd = static_cast<CallDescr*>(names.find("cd"));
  CHECK(cd->arg_types == std::vector<ValueType>{ValueType::Int, ValueType::Float});
  CHECK(cd->result_type == ValueType::Ref);
  CHECK(cd->effects.extra == ExtraEffect::CannotRaise);
  CHECK_FALSE(cd->effects.can_collect);
}

TEST_CASE("a file with a loop and a bridge") {
  TraceNamespace names;
  auto traces = parse_trace_file(
      "loop main:\n"
      "[i0]\n"
      "label(i0, descr=top)\n"
      "i1 = int_sub(i0, 1)\n"
      "i2 = int_gt(i1, 0)\n"
      "guard_true(i2, descr=exit) [i1]\n"
      "jump(i1)\n"
      "bridge exit:\n"
      "[i5]\n"
      "finish(i5)\n",
      names);
  REQUIRE(traces.size() == 2);
  CHECK_FALSE(traces[0].is_bridge);
  CHECK(traces[0].loop->name == "main");
  CHECK(traces[1].is_bridge);
  CHECK(traces[1].guard == names.find("exit"));
  CHECK(traces[0].trace.ops().back().descr == names.find("top"));
  CHECK(verify_trace(traces[0].trace) == "");
  CHECK(verify_trace(traces[1].trace) == "");
}

TEST_CASE("calls, cond_call and call descriptors by name") {
  TraceNamespace names;
  names.add_symbol("helper", 0x1000);
  std::string text =
      "call cd(int, int) -> int\n"
      "call cdv(ref) -> void\n"
      "[i0, p1]\n"
      "i2 = call(ConstClass(helper), i0, 5, descr=cd)\n"
      "guard_no_exception() []\n"
      "cond_call(i2, ConstClass(helper), p1, descr=cdv)\n"
      "finish(i2)\n";
  Trace t = parse_trace(text, names);
  CHECK(verify_trace(t) == "");
  std::string printed = print_trace(t, &names);
  CHECK(printed.find("i2 = call(ConstClass(helper), i0, 5, descr=cd)") != std::string::npos);
  CHECK(printed.find("cond_call(i2, ConstClass(helper), p1, descr=cdv)") != std::string::npos);
}

TEST_CASE("parse errors name the line") {
  TraceNamespace names;
  auto error_of = [&](const std::string& text) -> std::string {
    try {
      parse_trace(text, names);
    } catch (const TraceParseError& e) {
      return e.what();
    }
    return "";
  };
  CHECK(error_of("[i0]\ni1 = int_frob(i0)\nfinish()\n") == "line 2: unknown operation 'int_frob'");
  CHECK(error_of("[i0]\ni1 = int_add(i0)\nfinish()\n") == "line 2: int_add takes 2 argument(s), not 1");
  CHECK(error_of("[i0]\nf1 = int_add(i0, 1)\nfinish()\n") == "line 2: int_add gives int, not float");
  CHECK(error_of("[i0]\ni1 = int_add(i9, 1)\n") == "line 2: 'i9' is not defined");
  CHECK(error_of("[x0]\n") == "line 1: 'x0': a variable's name starts with i, p or f");
  CHECK(error_of("[i0]\ni1 = getfield_gc(i0, descr=nope)\n") == "line 2: unknown descriptor 'nope'");
  CHECK(error_of("[i0]\ni0 = int_add(i0, 1)\n") == "line 2: 'i0' is defined twice");
}

TEST_CASE("the verifier rejects malformed traces") {
  TraceNamespace names;
  auto verify = [&](const std::string& text) { return verify_trace(parse_trace(text, names)); };
  CHECK(verify("[i0]\ni1 = int_add(i0, 1)\n") == "the trace does not end with jump or finish");
  CHECK(verify("[i0]\ni1 = int_add_ovf(i0, 1)\nfinish(i1)\n").find("must be followed by guard_no_overflow") !=
        std::string::npos);
  CHECK(verify("[i0]\nguard_no_overflow() []\nfinish(i0)\n").find("must follow an _ovf operation") !=
        std::string::npos);
  CHECK(verify("[p0]\ni1 = int_add(p0, 1)\nfinish(i1)\n").find("an argument is ref, expected int") !=
        std::string::npos);
  CHECK(verify("[i0, i1]\nlabel(i0, descr=l1)\ni2 = int_add(i1, 1)\njump(i2)\n")
            .find("not defined here") != std::string::npos);
  CHECK(verify("[i0]\nguard_true(i0) [1]\nfinish()\n").find("a constant fail argument") != std::string::npos);
  CHECK(verify("[i0]\nlabel(i0, descr=l2)\njump(i0, i0)\n").find("does not match the label") != std::string::npos);
}
