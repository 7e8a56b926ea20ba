// Running trace files on a backend (see trace_file_runner.h).
#include "runtime/jit/testing/trace_file_runner.h"

#include <cstdio>
#include <memory>

#include "runtime/jit/backend/x86_64/x86_cpu.h"
#include "runtime/jit/interp/reference_interpreter.h"
#include "runtime/jit/ir/trace_lexer.h"
#include "runtime/jit/ir/trace_parser.h"
#include "runtime/jit/ir/trace_printer.h"
#include "runtime/jit/ir/trace_verifier.h"
#include "runtime/jit/optimizer/optimizer.h"
#include "runtime/jit/log/disassembler.h"
#include "runtime/jit/testing/describe.h"
#include "runtime/jit/testing/test_gc.h"
#include "runtime/jit/testing/test_helpers.h"
#include "runtime/ops.h"

namespace rpp::jit {

namespace {

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

Word make_arg(const std::string& text, ValueType type, TestGc& gc, TraceNamespace& names,
             std::vector<std::unique_ptr<uint64_t[]>>& raw_buffers) {
  if (type == ValueType::Int && text.rfind("raw:", 0) == 0) {
    size_t words = (std::stoull(text.substr(4)) + 7) / 8;
    raw_buffers.push_back(std::make_unique<uint64_t[]>(words ? words : 1));
    return reinterpret_cast<Word>(raw_buffers.back().get());
  }
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

}  // namespace

TraceFileResult run_trace_file(const std::string& text, const TraceFileRun& opt) {
  TraceFileResult result;
  TraceNamespace names;
  TestEnv env;
  register_test_helpers(names, &env);
  auto traces = parse_trace_file(text, names);
  std::vector<std::shared_ptr<opt::ResumeStorage>> resume_keepalive;
  if (!opt.optimize.empty()) {
    opt::OptimizerConfig config;
    if (std::string err = config.parse(opt.optimize); !err.empty()) throw std::invalid_argument("--optimize: " + err);
    for (auto& t : traces) {
      if (t.is_bridge)
        throw std::invalid_argument("--optimize: files with bridges are not supported (a bridge's inputs are its "
                                    "guard's fail arguments, which the optimizer changes)");
      if (std::string err = verify_trace(t.trace); !err.empty()) throw std::invalid_argument(err);
      opt::OptimizedTrace o = opt::optimize_trace(t.trace, names, config);
      t.trace = std::move(o.trace);
      resume_keepalive.push_back(o.resume);
    }
  }
  TestGc::Options gc_options;
  if (opt.gc_stress) {
    gc_options.stress = true;
    gc_options.nursery_bytes = 16384;
  }
  TestGc gc(names.type_table(), gc_options);
  std::unique_ptr<Cpu> cpu;
  if (opt.backend == "x86") cpu = std::make_unique<x86::X86Cpu>(gc.hooks(), size_t{256} << 20);
  else cpu = std::make_unique<ReferenceInterpreter>(gc.hooks());
  env.gc = &gc;
  env.cpu = cpu.get();
  cpu->set_assembler_helper(&test_assembler_helper);
  if (opt.print_traces)
    for (const auto& t : traces) {
      result.printed += std::string(t.is_bridge ? "bridge " : "loop ") + (t.name.empty() ? "loop" : t.name) + ":\n";
      result.printed += print_trace(t.trace, &names);
    }
  for (auto& t : traces) {
    if (t.is_bridge) cpu->compile_bridge(t.guard, t.trace);
    else cpu->compile_loop(t.trace, t.loop);
  }
  if (opt.asm_dump && opt.backend == "x86") {
    auto* x86cpu = static_cast<x86::X86Cpu*>(cpu.get());
    for (auto& t : traces) {
      if (t.is_bridge) continue;
      const auto* loop = x86cpu->loop_data(t.loop);
      for (const auto& piece : loop->pieces) {
        result.asm_text += (piece->is_bridge ? std::string("bridge") : "loop " + (t.name.empty() ? std::string("loop") : t.name)) +
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
  std::vector<std::unique_ptr<uint64_t[]>> raw_buffers;  // raw:N arguments, zeroed
  for (const auto& arg_set : opt.arg_sets) {
    if (arg_set.size() != inputs.size())
      throw std::invalid_argument("the loop takes " + std::to_string(inputs.size()) + " argument(s), not " +
                                  std::to_string(arg_set.size()));
    for (long r = 0; r < opt.repeat; ++r) {
      std::vector<Word> args;
      auto& g = layout::rpp_globals;
      layout::GcHeader** base = g.root_stack_top;
      for (size_t i = 0; i < inputs.size(); ++i) {
        ValueType t = loop->trace.type(inputs[i]);
        Word w = make_arg(arg_set[i], t, gc, names, raw_buffers);
        args.push_back(w);
        if (t == ValueType::Ref) *g.root_stack_top++ = reinterpret_cast<layout::GcHeader*>(w);
      }
      for (size_t i = 0, k = 0; i < inputs.size(); ++i)
        if (loop->trace.type(inputs[i]) == ValueType::Ref) args[i] = reinterpret_cast<Word>(base[k++]);
      g.root_stack_top = base;
      ops::exc_clear();
      JitFrame* frame = cpu->execute(loop->loop, args);
      if (r + 1 == opt.repeat) {
        std::string text = describe_exit(*cpu, frame, exit_name(frame->descr, traces), names);
        if (ops::exc_occurred()) {
          const std::string* cls = names.symbol_name(reinterpret_cast<Word>(ops::exc_fetch_type()));
          text += "  pending exception: " + (cls ? *cls : std::string("<unknown class>")) + "\n";
        }
        result.exits.push_back(text);
      }
      ops::exc_clear();
    }
  }
  return result;
}

}  // namespace rpp::jit
