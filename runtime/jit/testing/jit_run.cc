// The `rpp jit-run` command (see jit_run.h).
#include "runtime/jit/testing/jit_run.h"

#include <chrono>
#include <cstring>
#include <cstdio>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>

#include "runtime/jit/backend/x86_64/x86_cpu.h"
#include "runtime/jit/interp/reference_interpreter.h"
#include "runtime/jit/ir/trace_lexer.h"
#include "runtime/jit/ir/trace_parser.h"
#include "runtime/jit/ir/trace_printer.h"
#include "runtime/jit/log/disassembler.h"
#include "runtime/jit/testing/describe.h"
#include "runtime/jit/testing/test_gc.h"
#include "runtime/jit/testing/test_helpers.h"
#include "runtime/ops.h"

namespace rpp::jit {

namespace {

const char* const kHelp = R"(usage: rpp jit-run [OPTIONS] FILE.trace

Compiles the loops and bridges of a trace file (declarations, then `loop NAME:` / `bridge GUARD:`
sections in the text form of traces; see docs/jit.md), runs a loop and prints how it exited:
`exit: ...` and one line per exit value. Calls may use the test helpers (add_ints, sum8, sum8f,
mixed, many_mixed, maybe_raise, gc_collect, gc_collect_int, force_frame, make_node_ptr) with
ConstClass(env) as the environment argument.

options:
  --backend=x86|interp|both  which backend runs the traces (default both: the reference
                             interpreter and x86-64; prints x86's output; exit 3 if they differ)
  --args=A,B,...             the loop's arguments: integers, floats (1.5, -0.0, inf, nan), null,
                             str:TEXT, new:STRUCT, array:NAME:LENGTH
  --loop=NAME                the loop to run (default: the first one)
  --print                    print the traces as parsed (text form) before running
  --asm                      print the x86-64 code of every loop and bridge (Capstone)
  --gc-stress                a tiny nursery and a collection at every allocation slow path
  --repeat=N                 run N times, printing the last exit
exit status: 0, 1 for an invalid trace file, 2 for bad options, 3 when the backends disagree.
)";

struct Options {
  std::string file;
  std::string backend = "both";
  std::vector<std::string> args;
  std::string loop;
  bool print = false, asm_dump = false, gc_stress = false;
  long repeat = 1;
};

std::vector<std::string> split_args(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == ',') {
      out.push_back(cur);
      cur.clear();
    } else cur += c;
  }
  if (!cur.empty() || !out.empty()) out.push_back(cur);
  return out;
}

struct RunResult {
  std::string output;
  std::string asm_text;
  bool ok = true;
};

// Where an exit is, for unnamed descriptors.
std::string exit_name(const FailDescr* d, const std::vector<ParsedTrace>& traces) {
  for (const auto& t : traces) {
    const auto& ops = t.trace.ops();
    for (size_t i = 0; i < ops.size(); ++i) {
      if (ops[i].descr != d) continue;
      std::string s(op_name(ops[i].opcode));
      if (!d->name.empty()) return s + " " + d->name;
      std::string where = t.is_bridge ? "bridge " + t.name : (t.name.empty() ? "loop" : "loop " + t.name);
      return s + " (" + where + ", op " + std::to_string(i) + ")";
    }
  }
  return "<unknown exit>";
}

Word make_arg(const std::string& text, ValueType type, TestGc& gc, TraceNamespace& names) {
  if (type == ValueType::Ref) {
    if (text == "null") return 0;
    if (text.rfind("str:", 0) == 0) {
      std::string s = text.substr(4);
      layout::GcHeader* obj = gc.malloc_varsize(layout::kTidStrNarrow, static_cast<int64_t>(s.size()));
      for (size_t i = 0; i < s.size(); ++i)
        ops::store<uint8_t>(obj, static_cast<int64_t>(layout::kStrCharsOffset + i), static_cast<uint8_t>(s[i]));
      return reinterpret_cast<Word>(obj);
    }
    if (text.rfind("new:", 0) == 0) {
      Descr* d = names.find(text.substr(4));
      if (!d || d->kind != DescrKind::Size) throw std::invalid_argument("no struct named " + text.substr(4));
      auto* size = static_cast<SizeDescr*>(d);
      layout::GcHeader* obj = gc.malloc_fixed(size->type_id, size->size);
      if (size->vtable) ops::store<Word>(obj, layout::kTypeptrOffset, size->vtable);
      return reinterpret_cast<Word>(obj);
    }
    if (text.rfind("array:", 0) == 0) {
      auto rest = text.substr(6);
      auto colon = rest.find(':');
      Descr* d = names.find(rest.substr(0, colon));
      if (!d || d->kind != DescrKind::Array || colon == std::string::npos)
        throw std::invalid_argument("bad array argument " + text);
      return reinterpret_cast<Word>(
          gc.malloc_varsize(static_cast<ArrayDescr*>(d)->type_id, std::stoll(rest.substr(colon + 1))));
    }
    throw std::invalid_argument("bad reference argument '" + text + "'");
  }
  if (type == ValueType::Float) {
    auto f = parse_float_literal(text);
    if (!f) throw std::invalid_argument("bad float argument '" + text + "'");
    return std::bit_cast<Word>(*f);
  }
  auto i = parse_int_literal(text);
  if (!i) throw std::invalid_argument("bad integer argument '" + text + "'");
  return static_cast<Word>(*i);
}

RunResult run_on(const std::string& backend, const std::string& text, const Options& opt, bool print_traces) {
  RunResult result;
  TraceNamespace names;
  TestEnv env;
  register_test_helpers(names, &env);
  auto traces = parse_trace_file(text, names);
  TestGc::Options gc_options;
  if (opt.gc_stress) {
    gc_options.stress = true;
    gc_options.nursery_bytes = 16384;
  }
  TestGc gc(names.type_table(), gc_options);
  std::unique_ptr<Cpu> cpu;
  if (backend == "x86") cpu = std::make_unique<x86::X86Cpu>(gc.hooks(), size_t{256} << 20);
  else cpu = std::make_unique<ReferenceInterpreter>(gc.hooks());
  env.gc = &gc;
  env.cpu = cpu.get();
  if (print_traces)
    for (const auto& t : traces) {
      std::printf("%s %s:\n", t.is_bridge ? "bridge" : "loop", t.name.empty() ? "loop" : t.name.c_str());
      std::fputs(print_trace(t.trace, &names).c_str(), stdout);
    }
  for (auto& t : traces) {
    if (t.is_bridge) cpu->compile_bridge(t.guard, t.trace);
    else cpu->compile_loop(t.trace, t.loop);
  }
  if (opt.asm_dump && backend == "x86") {
    auto* x86cpu = static_cast<x86::X86Cpu*>(cpu.get());
    for (auto& t : traces) {
      if (t.is_bridge) continue;
      const auto* loop = x86cpu->loop_data(t.loop);
      for (size_t k = 0; k < loop->pieces.size(); ++k) {
        const auto& piece = loop->pieces[k];
        result.asm_text += (piece->is_bridge ? "bridge" : "loop " + (t.name.empty() ? std::string("loop") : t.name)) +
                           " (" + std::to_string(piece->code_size) + " bytes):\n";
        result.asm_text += disassemble(piece->start, piece->code_size);
      }
    }
  }
  const ParsedTrace* loop = nullptr;
  for (auto& t : traces)
    if (!t.is_bridge && (opt.loop.empty() || t.name == opt.loop)) {
      loop = &t;
      break;
    }
  if (!loop) throw std::invalid_argument("no loop named '" + opt.loop + "'");
  const auto& inputs = loop->trace.inputs();
  if (opt.args.size() != inputs.size())
    throw std::invalid_argument("the loop takes " + std::to_string(inputs.size()) + " argument(s), --args gives " +
                                std::to_string(opt.args.size()));
  for (long r = 0; r < opt.repeat; ++r) {
    std::vector<Word> args;
    auto& g = layout::rpp_globals;
    layout::GcHeader** base = g.root_stack_top;
    for (size_t i = 0; i < inputs.size(); ++i) {
      ValueType t = loop->trace.type(inputs[i]);
      Word w = make_arg(opt.args[i], t, gc, names);
      args.push_back(w);
      if (t == ValueType::Ref) *g.root_stack_top++ = reinterpret_cast<layout::GcHeader*>(w);
    }
    for (size_t i = 0, k = 0; i < inputs.size(); ++i)
      if (loop->trace.type(inputs[i]) == ValueType::Ref) args[i] = reinterpret_cast<Word>(base[k++]);
    g.root_stack_top = base;
    JitFrame* frame = cpu->execute(loop->loop, args);
    if (r + 1 == opt.repeat) result.output = describe_exit(*cpu, frame, exit_name(frame->descr, traces), names);
  }
  return result;
}

}  // namespace

int jit_run_command(const std::vector<std::string>& args) {
  Options opt;
  for (const auto& a : args) {
    auto value = [&](const char* prefix) -> std::optional<std::string> {
      size_t n = std::strlen(prefix);
      if (a.compare(0, n, prefix) == 0) return a.substr(n);
      return std::nullopt;
    };
    if (a == "-h" || a == "--help") {
      std::fputs(kHelp, stdout);
      return 0;
    }
    if (auto v = value("--backend=")) opt.backend = *v;
    else if (auto v = value("--args=")) opt.args = split_args(*v);
    else if (auto v = value("--loop=")) opt.loop = *v;
    else if (auto v = value("--repeat=")) opt.repeat = std::stol(*v);
    else if (a == "--print") opt.print = true;
    else if (a == "--asm") opt.asm_dump = true;
    else if (a == "--gc-stress") opt.gc_stress = true;
    else if (!a.empty() && a[0] == '-') {
      std::fprintf(stderr, "rpp jit-run: error: unknown option '%s'\n(see `rpp jit-run --help`)\n", a.c_str());
      return 2;
    } else if (opt.file.empty()) opt.file = a;
    else {
      std::fprintf(stderr, "rpp jit-run: error: more than one file\n");
      return 2;
    }
  }
  if (opt.file.empty()) {
    std::fputs("rpp jit-run: error: no trace file given\n(see `rpp jit-run --help`)\n", stderr);
    return 2;
  }
  if (opt.backend != "x86" && opt.backend != "interp" && opt.backend != "both") {
    std::fprintf(stderr, "rpp jit-run: error: --backend must be x86, interp or both\n");
    return 2;
  }
  std::ifstream in(opt.file);
  if (!in) {
    std::fprintf(stderr, "rpp jit-run: error: cannot read %s\n", opt.file.c_str());
    return 2;
  }
  std::stringstream buf;
  buf << in.rdbuf();
  std::string text = buf.str();
  try {
    if (opt.backend == "both") {
      RunResult reference = run_on("interp", text, opt, opt.print);
      RunResult x86 = run_on("x86", text, opt, false);
      std::fputs(x86.asm_text.c_str(), stdout);
      std::fputs(x86.output.c_str(), stdout);
      if (reference.output != x86.output) {
        std::fprintf(stderr, "rpp jit-run: the backends disagree\nreference interpreter:\n%sx86-64:\n%s",
                     reference.output.c_str(), x86.output.c_str());
        return 3;
      }
      return 0;
    }
    RunResult r = run_on(opt.backend, text, opt, opt.print);
    std::fputs(r.asm_text.c_str(), stdout);
    std::fputs(r.output.c_str(), stdout);
    return 0;
  } catch (const TraceParseError& e) {
    std::fprintf(stderr, "%s:%s\n", opt.file.c_str(), e.what() + std::string(e.what()).find(' '));
    return 1;
  } catch (const std::invalid_argument& e) {
    std::fprintf(stderr, "%s: error: %s\n", opt.file.c_str(), e.what());
    return 1;
  }
}

}  // namespace rpp::jit
