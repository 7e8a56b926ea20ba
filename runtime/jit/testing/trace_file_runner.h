// Running a trace file's loop on one backend, for many argument sets: parse (with the test
// helpers), compile every loop and bridge, execute, describe each exit (describe.h). Used by
// `rpp jit-run`, the backend tests (which compare the two backends) and the fuzzer.
#pragma once
#include <string>
#include <vector>

namespace rpp::jit {

struct TraceFileRun {
  std::string backend = "x86";  // "x86" or "interp"
  std::string loop;             // the loop to run (default: the first)
  // One run per set: ints, floats, null, str:TEXT, new:STRUCT, array:NAME:LEN, raw:BYTES (the
  // address of a zeroed raw buffer, as an int).
  std::vector<std::vector<std::string>> arg_sets;
  bool gc_stress = false;       // tiny nursery, collection at every allocation slow path
  std::string optimize;         // non-empty: optimize the loops first with these passes (all, none,
                                // or a list; see optimizer.h); files with bridges are refused
  bool print_traces = false;    // the parsed traces in text form, into TraceFileResult::printed
  bool asm_dump = false;        // x86-64 disassembly into TraceFileResult::asm_text
  long repeat = 1;              // runs per argument set (the last is described)
};

struct TraceFileResult {
  std::vector<std::string> exits;  // one description per argument set
  std::string printed;
  std::string asm_text;
};

// Throws TraceParseError (bad text) or std::invalid_argument (invalid trace or arguments).
TraceFileResult run_trace_file(const std::string& text, const TraceFileRun& run);

}  // namespace rpp::jit
