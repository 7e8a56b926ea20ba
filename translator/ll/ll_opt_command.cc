// `rpp ll-opt` (ll_opt_command.h): the pass table and the command line.
#include "translator/ll/ll_opt_command.h"

#include "translator/exceptiontransform/exception_transform.h"
#include "translator/exceptiontransform/stack_check.h"

#include <cstdio>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>

#include "translator/backendopt/analyzers/analysis_report.h"
#include "translator/backendopt/backendopt.h"
#include "translator/backendopt/storesink.h"
#include "rtyper/lltype/operation_table.h"
#include "translator/diagnostics.h"
#include "gc_transform/allocation_fast_paths.h"
#include "gc_transform/shadow_stack_roots.h"
#include "gc_transform/type_info_tables.h"
#include "gc_transform/write_barriers.h"
#include "translator/flow/checkgraph.h"
#include "translator/ll/ll_parser.h"
#include "translator/ll/ll_printer.h"
#include "translator/ll/ll_typecheck.h"

namespace rpp::ll {

namespace {

const char* const kHelp = R"(usage: rpp ll-opt [--pass=NAME]... [--analyze=NAME,...] [--locations] FILE.ll

Reads a module of low-level graphs in LL text (docs/ll-text.md), type-checks it, runs the passes
in the order given, and prints the module as LL text. Bad input: `FILE:LINE:COL: error: ...`, exit 2.

options:
  --pass=NAME          run a pass (repeatable):
                         verify     check every graph's operations and links again (exit 1 on a problem)
                         roundtrip  print, parse the output, print again: the two must be equal (exit 1 if not)
                         gc-barriers  GC transform: write barriers before stores of GC pointers
                         gc-roots     GC transform: shadow-stack saves around operations that can collect
                         gc-mallocs   GC transform: GC mallocs -> gc_malloc_fixed / gc_malloc_varsize
                                      with the type table's ids and sizes (C++ emission inlines the
                                      nursery fast path)
                         gc-types     GC transform: print the GC's type table (type ids, sizes, GC pointer
                                      offsets) as `; ` comment lines before the module
                         constfold  constant folding through ops.h, constant arguments and switches
                         dce        dead operations, dead arguments, trivial switches, empty blocks
                         inline     inlining by the size heuristic (always_inline / dont_inline)
                         malloc-removal  scalar replacement of non-escaping mallocs, to a fixpoint
                                    (inlining the calls that keep one alive)
                         merge-if   if-chains on one variable merged into a switch
                         backendopt all of them as `rpp translate --opt=2` runs them; prints the
                                    summary line on standard error
  --analyze=NAMES      print the call-graph analyzers' report instead of the module, one line per
                       analysis and graph; NAMES is a comma-separated list of
                       can-raise, can-collect, effects, random-effects, forces-virtualizable, or all
  --locations          print the source location of every operation: loc("file.py":LINE:COL)
)";

// A pass transforms (or checks) the module; it returns an error message, or "".
using Pass = std::function<std::string(LLModule&, const std::string& path)>;

std::string verify_pass(LLModule& module, const std::string&) {
  std::string problems;
  for (auto& g : module.graphs())
    for (const std::string& p : check_ll_graph(*g, module.types())) problems += p + "\n";
  return problems;
}

std::string roundtrip_pass(LLModule& module, const std::string& path) {
  std::string first = print_ll_module(module, {.locations = true});
  auto again = parse_ll_module(first, path + " (printed)");
  std::string second = print_ll_module(*again, {.locations = true});
  if (first == second) return "";
  std::istringstream a(first), b(second);
  std::string la, lb;
  for (int line = 1;; ++line) {
    bool ha = bool(std::getline(a, la)), hb = bool(std::getline(b, lb));
    if (!ha && !hb) break;
    if (la != lb || ha != hb)
      return "the printed module does not print back the same (line " + std::to_string(line) + "):\n  " + la + "\n  " + lb + "\n";
  }
  return "the printed module does not print back the same\n";
}

std::string gc_barriers_pass(LLModule& module, const std::string&) {
  gctransform::insert_write_barriers(module.graph_list());
  return "";
}

std::string gc_roots_pass(LLModule& module, const std::string&) {
  gctransform::insert_shadow_stack_roots(module.graph_list());
  return "";
}

std::string gc_mallocs_pass(LLModule& module, const std::string&) {
  gctransform::GcTypeTable table(module.types(), module.graph_list());
  gctransform::lower_gc_mallocs(module.graph_list(), table);
  return "";
}

std::string gc_types_pass(LLModule& module, const std::string&) {
  gctransform::GcTypeTable table(module.types(), module.graph_list());
  std::string dump = table.dump();
  std::string out;
  for (size_t start = 0; start < dump.size();) {
    size_t end = dump.find('\n', start);
    out += "; " + dump.substr(start, end - start) + "\n";
    start = end + 1;
  }
  std::fputs(out.c_str(), stdout);
  return "";
}

std::string stack_check_pass(LLModule& module, const std::string&) {
  exceptiontransform::insert_stack_checks(module.graph_list());
  return "";
}

std::string exception_transform_pass(LLModule& module, const std::string&) {
  exceptiontransform::transform_exceptions(module.graph_list(), module.types());
  return "";
}

// The type rules and the graph model's invariants (SSI, exits, locations) after a transformation.
std::string check_transformed(LLModule& module) {
  std::string problems = verify_pass(module, "");
  flow::CheckOptions options;
  options.can_raise = [](const flow::Operation& op) {
    const lltype::OperationInfo* info = lltype::find_operation(op.opname);
    return !info || info->can_raise();
  };
  for (auto& g : module.graphs())
    for (const std::string& p : flow::check_graph(*g, options))
      // LL exception links' cases are vtable constants, not the flow level's class objects.
      if (p.find("is not an exception class") == std::string::npos) problems += g->name + ": " + p + "\n";
  return problems;
}

std::string backendopt_pass(LLModule& module, const std::string&) {
  backendopt::BackendOptStats stats = backendopt::optimize_graphs(module.graph_list(), {});
  std::fprintf(stderr, "%s\n", stats.summary().c_str());
  return check_transformed(module);
}

// A backend optimization step, then the type check of every graph again.
template <class Step>
Pass checked(Step step) {
  return [step](LLModule& module, const std::string&) {
    step(module.graph_list());
    return check_transformed(module);
  };
}

const std::map<std::string, Pass>& passes() {
  static const std::map<std::string, Pass> table = {
      {"verify", verify_pass},
      {"roundtrip", roundtrip_pass},
      {"gc-barriers", gc_barriers_pass},
      {"gc-roots", gc_roots_pass},
      {"gc-mallocs", gc_mallocs_pass},
      {"gc-types", gc_types_pass},
      {"stack-check", stack_check_pass},
      {"exception-transform", exception_transform_pass},
      {"constfold", checked([](const auto& graphs) { backendopt::fold_all(graphs); })},
      {"dce", checked([](const auto& graphs) { backendopt::remove_dead_code_all(graphs); })},
      {"inline", checked([](const auto& graphs) { backendopt::auto_inline(graphs); })},
      {"malloc-removal",
       checked([](const auto& graphs) { backendopt::remove_mallocs_all(graphs, true, 300, nullptr); })},
      {"merge-if", checked([](const auto& graphs) { backendopt::merge_if_blocks_all(graphs); })},
      {"storesink", checked([](const auto& graphs) { backendopt::sink_stores(graphs); })},
      {"backendopt", backendopt_pass},
  };
  return table;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UserError("rpp: error: cannot read '" + path + "'");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

void run_ll_passes(LLModule& module, const std::vector<std::string>& names, const std::string& path) {
  for (const std::string& name : names) {
    auto it = passes().find(name);
    if (it == passes().end()) {
      std::string known;
      for (auto& [n, p] : passes()) known += (known.empty() ? "" : ", ") + n;
      throw UserError("rpp: error: unknown pass '" + name + "' (passes: " + known + ")");
    }
    std::string error = it->second(module, path);
    if (!error.empty()) throw UserError(path + ": error: pass " + name + ": " + error, 1);
  }
}

int ll_opt_command(const std::vector<std::string>& args) {
  std::vector<std::string> pass_names, analyses;
  std::string path;
  PrintOptions print_options;
  try {
    for (const std::string& arg : args) {
      if (arg == "-h" || arg == "--help") {
        std::fputs(kHelp, stdout);
        return 0;
      }
      if (arg.starts_with("--pass=")) {
        std::string name = arg.substr(7);
        if (!passes().count(name)) {
          std::string known;
          for (auto& [n, p] : passes()) known += (known.empty() ? "" : ", ") + n;
          throw UserError("rpp: error: unknown pass '" + name + "' (passes: " + known + ")");
        }
        pass_names.push_back(name);
      } else if (arg.starts_with("--analyze=")) {
        std::stringstream list(arg.substr(10));
        for (std::string name; std::getline(list, name, ',');) {
          if (name == "all") {
            for (auto& n : analyzers::analysis_names()) analyses.push_back(n);
          } else if (analyzers::is_analysis_name(name)) {
            analyses.push_back(name);
          } else {
            throw UserError("rpp: error: unknown analysis '" + name + "' (see `rpp ll-opt --help`)");
          }
        }
      } else if (arg == "--locations") {
        print_options.locations = true;
      } else if (arg.starts_with("-")) {
        throw UserError("rpp: error: unknown option '" + arg + "' (see `rpp ll-opt --help`)");
      } else if (path.empty()) {
        path = arg;
      } else {
        throw UserError("rpp: error: ll-opt takes one file");
      }
    }
    if (path.empty()) throw UserError("rpp: error: ll-opt needs an LL file (see `rpp ll-opt --help`)");
    auto module = parse_ll_module(read_file(path), path);
    for (const std::string& name : pass_names) {
      std::string error = passes().at(name)(*module, path);
      if (!error.empty()) {
        std::fprintf(stderr, "%s: error: pass %s: %s", path.c_str(), name.c_str(), error.c_str());
        return 1;
      }
    }
    if (!analyses.empty()) std::fputs(analyzers::analysis_report(module->graph_list(), analyses).c_str(), stdout);
    else std::fputs(print_ll_module(*module, print_options).c_str(), stdout);
    return 0;
  } catch (const UserError& e) {
    std::fflush(stdout);
    std::fprintf(stderr, "%s\n", e.what());
    return e.exit_code();
  }
}

}  // namespace rpp::ll
