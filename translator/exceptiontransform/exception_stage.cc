// The stage running stack-check insertion and the exception transform (exception_stage.h).
#include "translator/exceptiontransform/exception_stage.h"

#include "rtyper/rtype_stage.h"
#include "rtyper/rtyper.h"
#include "translator/exceptiontransform/exception_transform.h"
#include "translator/exceptiontransform/stack_check.h"

namespace rpp::exceptiontransform {

void run_exception_stage(TranslationContext& context) {
  if (!context.rtyper || context.exceptions_transformed) return;
  std::vector<flow::FunctionGraph*> graphs = context.rtyper->all_graphs();
  insert_stack_checks(graphs);
  transform_exceptions(graphs, *context.types);
  context.exceptions_transformed = true;
}

void dump_exception_stage(TranslationContext& context, std::ostream& out) {
  rtyper::dump_rtype_stage(context, out);
}

}  // namespace rpp::exceptiontransform
