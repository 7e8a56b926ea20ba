// The exception transform (DESIGN §1, backendopt; RPython's translator/exceptiontransform.py):
// rewrites low-level graphs so that no operation "raises" in the graph model any more; the
// exception state of runtime/layout.h (rpp_globals.exc_type / exc_value) carries exceptions,
// read and written through the exc_* operations of the table. After it:
//
//   * every operation that can raise (the table's flags, helpers' CanRaise, calls of graphs the
//     can-raise analysis says may raise, stack_check) is followed by `exc_occurred()`; when it
//     is true, control goes to the graph's except block (propagation);
//   * a block that caught exceptions (exitswitch last_exception) tests the raised class against
//     each case by class-id range — `int_between(case.subclassrange_min,
//     raised.subclassrange_min, case.subclassrange_max)` — and a matching handler first clears
//     the state (`exc_clear()`); no match propagates;
//   * an explicit raise (a link into the except block from a block that does not catch) sets
//     the state first (`exc_restore(etype, evalue)`).
//
// So in a transformed graph the except block is reached only with the exception state set: it
// means "return to the caller, which checks exc_occurred()" (genc returns a dummy value and
// records the traceback; the ll interpreter returns 0). Operations whose own error is an
// ops::OpError (int_add_ovf, ...) set the state to the prebuilt instance the rtyper chose
// (StaticData::operation_exception) in genc and the ll interpreter.
#pragma once
#include <vector>

#include "rtyper/lltype/type_arena.h"
#include "translator/flow/model.h"

namespace rpp::exceptiontransform {

struct ExceptionTransformStats {
  size_t checks = 0;         // exc_occurred tests inserted after raising operations
  size_t catches = 0;        // raising blocks whose cases were rewritten as class-id tests
  size_t explicit_raises = 0;
  size_t never_raising_catches = 0;  // raising blocks whose operation cannot raise: links dropped
};

// Transforms every graph of `graphs` in place (the call graph and the can-raise analysis are
// computed over them; a callee outside the set counts as raising).
ExceptionTransformStats transform_exceptions(const std::vector<flow::FunctionGraph*>& graphs,
                                             lltype::TypeArena& types);

}  // namespace rpp::exceptiontransform
