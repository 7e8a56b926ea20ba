// Parsing and checking the options of `rpp translate`.
#include "translator/options.h"

#include <cstdio>

#include "translator/diagnostics.h"

namespace rpp {

const char* const kTranslateHelp = R"(usage: rpp translate [OPTIONS] TARGET.py [-- ARGS...]

Translate an RPython program into a native executable. TARGET.py defines
target(driver, args) returning (entry_point, None), or just entry_point(argv).

options:
  --jit, --opt=jit       generate a meta-tracing JIT from the program's JitDriver hints
  --gc=gen|boehm         garbage collector: the precise generational GC, or Boehm's
                         conservative libgc (default: gen)
  --sanitize=address     compile the program with AddressSanitizer and link the runtime built
                         with it (--gc=gen only; for tests)
  --opt=0|1|2            backend optimizations: 0 none; 1 constant folding, dead code, switches;
                         2 also inlining and malloc removal (default: 2)
  --asserts=check|remove keep `assert` checks in the translated program (default: check)
  -o OUT                 the executable to write (default: ./<target>-c)
  --dump=STAGE,...       print the output of these stages (see STAGES)
  --dump-dir DIR         write dumps to DIR/<stage>.txt instead of standard output
  --format=text|dot|svg  the form of --dump output (default: text)
  --stop-after=STAGE     stop after this stage
  --interp               run the low-level graphs in the ll interpreter (with [TARGET.py, ARGS...]
                         as argv) instead of emitting C++; the exit code is the program's. It runs
                         the graphs as --stop-after=rtype, backendopt or exceptions (the default)
                         leaves them
  --interp-check-overflow  --interp, reporting (exit code 3) the first integer operation that is
                         not `_ovf` and wraps around
  -h, --help             show this help

STAGES, in pipeline order:
  flow        flow graphs, built by abstract interpretation of each function
  annotate    every variable's inferred type
  rtype       low-level graphs: C-like operations on lltype types
  jit         jitcodes for the JIT (only with --jit; for now the JIT-readiness check, which
              --jit also runs after rtype with --stop-after=rtype)
  backendopt  inlining, malloc removal, constant folding, dead code, if-chains to switches
  exceptions  stack checks and the exception transform (explicit checks after each raising call)
  gc          the GC transform (roots, barriers, allocation fast paths)
  emit        the generated C++

Arguments after `--` are passed to target(driver, args).
)";

std::optional<int> stage_index(std::string_view name) {
  for (size_t i = 0; i < kStageNames.size(); ++i)
    if (kStageNames[i] == name) return static_cast<int>(i);
  return std::nullopt;
}

int TranslateOptions::last_stage() const {
  // --interp alone runs the graphs as the ll interpreter's last stage leaves them.
  if (stop_after.empty()) return interp ? *stage_index("exceptions") : static_cast<int>(kStageNames.size()) - 1;
  return *stage_index(stop_after);
}

std::string TranslateOptions::default_output() const {
  std::string base = target;
  if (auto slash = base.rfind('/'); slash != std::string::npos) base = base.substr(slash + 1);
  if (base.size() > 3 && base.ends_with(".py")) base.resize(base.size() - 3);
  return "./" + base + "-c";
}

namespace {

[[noreturn]] void bad_option(const std::string& message) {
  throw UserError("rpp translate: error: " + message + "\n(see `rpp translate --help`)");
}

std::string stage_list() {
  std::string all;
  for (auto s : kStageNames) {
    if (!all.empty()) all += ", ";
    all += s;
  }
  return all;
}

void check_stage(const std::string& option, const std::string& name) {
  if (!stage_index(name))
    bad_option("unknown stage '" + name + "' in " + option + " (stages: " + stage_list() + ")");
}

// Splits `--name=value` or takes the value from the next argument for `--name value`.
bool take_value(const std::vector<std::string>& args, size_t& i, std::string_view name,
                std::string& value) {
  const std::string& a = args[i];
  if (a == name) {
    if (i + 1 >= args.size()) bad_option(std::string(name) + " needs a value");
    value = args[++i];
    return true;
  }
  if (a.size() > name.size() && a.compare(0, name.size(), name) == 0 && a[name.size()] == '=') {
    value = a.substr(name.size() + 1);
    return true;
  }
  return false;
}

}  // namespace

std::optional<TranslateOptions> parse_translate_options(const std::vector<std::string>& args) {
  TranslateOptions o;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    std::string v;
    if (a == "-h" || a == "--help") {
      std::fputs(kTranslateHelp, stdout);
      return std::nullopt;
    } else if (a == "--") {
      o.target_args.assign(args.begin() + i + 1, args.end());
      break;
    } else if (a == "--jit") {
      o.jit = true;
    } else if (a == "--interp") {
      o.interp = true;
    } else if (a == "--interp-check-overflow") {
      o.interp = true;
      o.interp_check_overflow = true;
    } else if (take_value(args, i, "--opt", v)) {
      if (v == "jit") o.jit = true;
      else if (v == "0" || v == "1" || v == "2") o.opt = v[0] - '0';
      else bad_option("--opt takes 0, 1, 2 or jit, not '" + v + "'");
    } else if (take_value(args, i, "--gc", v)) {
      if (v != "gen" && v != "boehm") bad_option("--gc takes gen or boehm, not '" + v + "'");
      o.gc = v;
    } else if (take_value(args, i, "--sanitize", v)) {
      if (v != "address") bad_option("--sanitize takes address, not '" + v + "'");
      o.sanitize = v;
    } else if (take_value(args, i, "--asserts", v)) {
      if (v != "check" && v != "remove")
        bad_option("--asserts takes check or remove, not '" + v + "'");
      o.check_asserts = v == "check";
    } else if (take_value(args, i, "-o", v)) {
      o.output = v;
    } else if (take_value(args, i, "--dump", v)) {
      size_t start = 0;
      while (start <= v.size()) {
        size_t comma = v.find(',', start);
        std::string name = v.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        check_stage("--dump", name);
        o.dumps.insert(name);
        if (comma == std::string::npos) break;
        start = comma + 1;
      }
    } else if (take_value(args, i, "--dump-dir", v)) {
      o.dump_dir = v;
    } else if (take_value(args, i, "--format", v)) {
      if (v != "text" && v != "dot" && v != "svg")
        bad_option("--format takes text, dot or svg, not '" + v + "'");
      o.dump_format = v;
    } else if (take_value(args, i, "--stop-after", v)) {
      check_stage("--stop-after", v);
      o.stop_after = v;
    } else if (!a.empty() && a[0] == '-') {
      bad_option("unknown option '" + a + "'");
    } else if (o.target.empty()) {
      o.target = a;
    } else {
      bad_option("more than one target: '" + o.target + "' and '" + a +
                 "' (arguments for the target go after `--`)");
    }
  }
  if (o.target.empty()) bad_option("no TARGET.py given");
  if (o.output.empty()) o.output = o.default_output();
  if (o.interp && o.last_stage() < *stage_index("rtype"))
    bad_option("--interp runs the low-level graphs: it needs the rtype stage (--stop-after=rtype)");
  if (o.interp && o.last_stage() > *stage_index("exceptions"))
    bad_option("--interp runs the low-level graphs before the GC transform and C++ emission: use "
               "--stop-after=rtype, backendopt or exceptions");
  if (!o.sanitize.empty() && o.gc != "gen") bad_option("--sanitize=address needs --gc=gen");
  if (o.dumps.count("jit") && !o.jit) bad_option("--dump=jit needs --jit");
  if (o.stop_after == "jit" && !o.jit) bad_option("--stop-after=jit needs --jit");
  for (const auto& name : o.dumps)
    if (*stage_index(name) > o.last_stage())
      bad_option("--dump=" + name + " asks for a stage after --stop-after=" + o.stop_after);
  return o;
}

}  // namespace rpp
