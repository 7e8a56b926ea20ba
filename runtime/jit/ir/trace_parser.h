// Parsing the text form of traces (see trace_printer.h for the operation syntax). A trace file
// holds declarations, then one or more traces:
//
//   struct node { value: int, next: ref, x: float }   # a GC struct: size descr `node`,
//                                                     # field descrs node.value, node.next, node.x
//   object cell { v: int }           # an instance (typeptr first): new_with_vtable(descr=cell),
//                                    # ConstClass(cell) is its vtable
//   array ints of int                # a GC array: array descr `ints`
//   array points of { x: int, y: float }   # array of structs: interior descrs points.x, points.y
//   rawarray bytes of u8             # raw memory (no header, no length)
//   rawstruct counters { hits: int } # raw struct: field descrs for getfield_raw/setfield_raw
//   call cd_add(int, int) -> int [cannot_raise, no_collect]   # a call descr
//
//   loop NAME:            # optional; starts a loop (LoopToken NAME, default "loop")
//   [i0, p1]              # the input arguments
//   ...operations...
//   bridge GUARD:         # a bridge from the guard whose descriptor is GUARD
//   [i0]
//   ...
//
// Field types: int uint i32 u32 i16 u16 i8 u8 char bool float ref, optionally followed by
// `immutable`, `quasi_immutable` or `virtualizable` (`{ len: int immutable }`; a virtualizable
// field belongs to the jit driver's frame, see FieldDescr::is_virtualizable). Call types: int ref float void
// (results also i32 u32 i16 u16 i8 u8). Effects: cannot_raise can_raise elidable
// elidable_can_raise loopinvariant forces random, and no_collect; writes=DESCR / reads=DESCR name
// a field or array the function writes or reads (the optimizer's heap cache keeps the rest).
// Comments run from '#' or ';' to the end of the line.
//
// Layouts follow runtime/layout.h (fields from offset 8 in C order with natural alignment; an
// object's typeptr at 8; array length at 8 and items at 16).
#pragma once
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/jit/ir/trace.h"
#include "runtime/jit/ir/trace_namespace.h"

namespace rpp::jit {

class TraceParseError : public std::runtime_error {
 public:
  TraceParseError(int line, const std::string& message)
      : std::runtime_error("line " + std::to_string(line) + ": " + message), line_(line), message_(message) {}
  int line() const { return line_; }
  const std::string& message() const { return message_; }

 private:
  int line_;
  std::string message_;
};

struct ParsedTrace {
  bool is_bridge = false;
  std::string name;             // the loop's name, or the guard descriptor's name for a bridge
  LoopToken* loop = nullptr;    // the loop token (loops only)
  FailDescr* guard = nullptr;   // the guard it starts from (bridges only)
  Trace trace;
};

// Parses a whole file; descriptors it declares or creates go into `names`.
std::vector<ParsedTrace> parse_trace_file(std::string_view text, TraceNamespace& names);

// Parses text holding only declarations.
void parse_declarations(std::string_view text, TraceNamespace& names);

// Parses text holding exactly one trace (declarations allowed).
Trace parse_trace(std::string_view text, TraceNamespace& names);

}  // namespace rpp::jit
