// `rpp ll-run` (ll_run_command.h): parse, pick the entry graph, convert the arguments, run, print.
#include "translator/llinterp/ll_run_command.h"

#include "translator/exceptiontransform/exception_transform.h"
#include "translator/exceptiontransform/stack_check.h"

#include <cstdio>
#include <fstream>
#include <sstream>

#include "translator/diagnostics.h"
#include "translator/ll/ll_opt_command.h"
#include "translator/ll/ll_parser.h"
#include "translator/llinterp/helper_calls.h"
#include "translator/llinterp/llinterp.h"

namespace rpp::llinterp {

namespace {

const char* const kHelp = R"(usage: rpp ll-run [--entry=NAME] [--interp-check-overflow] [--passes=NAME,...] [--exception-transform] FILE.ll [-- ARGS...]

Runs a graph of a module of low-level graphs (LL text, docs/ll-text.md) in the ll interpreter, on
the real runtime (runtime/layout.h objects, runtime/ops.h operations, the helper table). Output of
helpers (print_str) goes to standard output; then one line `result: VALUE`, or `raised: CLASS`
(exit code 1) when an exception escapes.

options:
  --entry=NAME              the graph to run (default: @main, else @entry_point, else the first graph)
  --interp-check-overflow   stop with a located report (exit code 3) at the first operation that is
                            not `_ovf` and wraps around
  --passes=NAME,...         run these `rpp ll-opt` passes first (e.g. backendopt, inline)
  --exception-transform     insert stack checks and run the exception transform first, then run
                            the transformed graphs (exceptions in the exception state)
  -- ARGS...                the entry graph's arguments, one per parameter: integers, floats,
                            true/false, a character for Char, text for Ptr(rpy_string)
)";

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UserError("rpp: error: cannot read '" + path + "'");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

Word argument_word(const std::string& text, const lltype::LowLevelType* type, Heap& heap, size_t index) {
  using namespace lltype;
  auto bad = [&]() -> UserError {
    return UserError("rpp ll-run: error: argument " + std::to_string(index + 1) + " '" + text + "' is not a " +
                     type->to_string());
  };
  try {
    if (type == &Signed || type == &SignedLongLong) return Word(std::stoll(text, nullptr, 0));
    if (type == &Unsigned || type == &UnsignedLongLong) return Word(std::stoull(text, nullptr, 0));
    if (type == &Float) return to_word(std::stod(text));
    if (type == &Bool) {
      if (text == "true" || text == "1") return 1;
      if (text == "false" || text == "0") return 0;
      throw bad();
    }
    if (type == &Char || type == &UniChar) {
      std::u32string cps = utf8_to_code_points(text);
      if (cps.size() != 1) throw bad();
      return Word(cps[0]);
    }
    if (auto* s = pointee<Struct>(type); s && s->name() == "rpy_string") return to_word(heap.new_str_utf8(text));
  } catch (const std::logic_error&) {
    throw bad();
  }
  throw UserError("rpp ll-run: error: cannot pass an argument of type " + type->to_string());
}

std::string format_result(Word w, const lltype::LowLevelType* type) {
  using namespace lltype;
  if (type == &Void) return "none";
  if (type == &Bool) return w ? "true" : "false";
  if (type == &Float) return float_repr(from_word<double>(w));
  if (type == &Unsigned || type == &UnsignedLongLong) return std::to_string(w);
  if (type == &Char || type == &UniChar) return "U+" + std::to_string(w);
  if (as<Ptr>(type)) {
    if (!w) return "null";
    auto* s = pointee<Struct>(type);
    if (s && s->name() == "rpy_string") return "\"" + Heap::str_utf8(word_ptr(w)) + "\"";
    return "<" + as<Ptr>(type)->to()->to_string() + ">";
  }
  return std::to_string(int64_t(w));
}

}  // namespace

int ll_run_command(const std::vector<std::string>& args) {
  std::string path, entry;
  std::vector<std::string> pass_names;
  std::vector<std::string> program_args;
  InterpOptions options;
  try {
    for (size_t i = 0; i < args.size(); ++i) {
      const std::string& arg = args[i];
      if (arg == "--") {
        program_args.assign(args.begin() + long(i) + 1, args.end());
        break;
      }
      if (arg == "-h" || arg == "--help") {
        std::fputs(kHelp, stdout);
        return 0;
      }
      if (arg.starts_with("--entry=")) entry = arg.substr(8);
      else if (arg == "--interp-check-overflow") options.check_overflow = true;
      else if (arg == "--exception-transform") options.exceptions_transformed = true;
      else if (arg.starts_with("--passes=")) {
        std::stringstream list(arg.substr(9));
        for (std::string name; std::getline(list, name, ',');)
          if (!name.empty()) pass_names.push_back(name);
      }
      else if (arg.starts_with("-")) throw UserError("rpp: error: unknown option '" + arg + "' (see `rpp ll-run --help`)");
      else if (path.empty()) path = arg;
      else throw UserError("rpp: error: ll-run takes one file");
    }
    if (path.empty()) throw UserError("rpp: error: ll-run needs an LL file (see `rpp ll-run --help`)");
    auto module = ll::parse_ll_module(read_file(path), path);
    ll::run_ll_passes(*module, pass_names, path);
    if (entry.starts_with("@")) entry = entry.substr(1);
    flow::FunctionGraph* graph = nullptr;
    if (!entry.empty()) {
      graph = module->find_graph(entry);
      if (!graph) throw UserError("rpp ll-run: error: no graph @" + entry + " in " + path);
    } else {
      graph = module->find_graph("main");
      if (!graph) graph = module->find_graph("entry_point");
      if (!graph && !module->graphs().empty()) graph = module->graphs().front().get();
      if (!graph) throw UserError("rpp ll-run: error: " + path + " has no graph");
    }
    if (options.exceptions_transformed) {
      exceptiontransform::insert_stack_checks(module->graph_list());
      exceptiontransform::transform_exceptions(module->graph_list(), module->types());
    }
    LLInterpreter interp(module->types(), nullptr, options);
    const auto& params = graph->startblock->inputargs;
    if (program_args.size() != params.size())
      throw UserError("rpp ll-run: error: @" + graph->name + " takes " + std::to_string(params.size()) +
                      " arguments, " + std::to_string(program_args.size()) + " given");
    std::vector<Word> words;
    for (size_t i = 0; i < params.size(); ++i)
      words.push_back(argument_word(program_args[i], params[i]->concretetype, interp.heap(), i));
    LLInterpreter::Outcome outcome = interp.call(graph, words);
    interp.flush_output();
    if (outcome.raised) {
      std::printf("raised: %s\n", interp.describe_exception(outcome.exception).c_str());
      return 1;
    }
    std::printf("result: %s\n", format_result(outcome.value, graph->returnblock->inputargs[0]->concretetype).c_str());
    return 0;
  } catch (const UserError& e) {
    std::fflush(stdout);
    std::fprintf(stderr, "%s\n", e.what());
    return e.exit_code();
  }
}

}  // namespace rpp::llinterp
