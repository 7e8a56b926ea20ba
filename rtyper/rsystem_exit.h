// SystemExit as CPython: `sys.exit(code)`, `SystemExit(code)`, `raise SystemExit` all make an
// instance whose fields say
//   - `code`: the process's exit status (an int code & 0xFF, 1 for a message, 0 for None), plus
//     layout::kSystemExitPrintsMessage (0x100) when the message goes to stderr if nobody catches it
//     (a str code); the runtime's `errno_offset` field (runtime/layout.h, main_support.cc);
//   - `rpy_message` (BaseException's): str(e), CPython's str(code) ("3", "msg", "" for None);
//   - `rpy_code`: `e.code`, typed by the union of every code of the program
//     (annotator/system_exit_code.h): Signed, a nullable str, or absent (never read, None
//     only, or codes without a common type, whose reading the annotator rejected).
#pragma once
#include <vector>

#include "annotator/classdef.h"
#include "rtyper/hop.h"
#include "rtyper/rclass.h"

namespace rpp::rtyper {

// The builtin SystemExit class itself (not a subclass).
bool is_builtin_system_exit(const annotator::ClassDef* def);
// Adds SystemExit's own fields to its instance struct (`info` is SystemExit's ClassInfo).
void add_system_exit_fields(RTyper& rtyper, ClassInfo& info, std::vector<lltype::StructField>& fields);
// Fills the fields of a new SystemExit (or subclass) instance `inst` for `code` in repr
// `r_code` (nullptr: no code, None).
void init_system_exit(RTyper& rtyper, LowLevelOps& llops, flow::Value* inst, const annotator::ClassDef* def,
                      flow::Value* code, Repr* r_code);
// sys.exit() / sys.exit(code): a call of the helper graph ll_sys_exit_T(code), which makes the
// SystemExit and raises it.
void rtype_sys_exit(Hop& hop, const std::vector<size_t>& args);

}  // namespace rpp::rtyper
