// The readiness check in the pipeline (readiness_stage.h).
#include "jit_codegen/readiness_stage.h"

#include "annotator/annotate_stage.h"
#include "annotator/python_objects.h"
#include "jit_codegen/readiness.h"
#include "rtyper/lltype/jit_symbolic.h"
#include "rtyper/rtyper.h"
#include "translator/diagnostics.h"

namespace rpp::jit_codegen {

namespace {

ReadinessReport check(TranslationContext& context) {
  if (!context.rtyper) throw UserError("rpp: error: the JIT-readiness check needs the rtype stage");
  DriverLookup drivers = [&](const flow::Constant& c) -> std::optional<DriverShape> {
    auto* payload = std::get_if<std::shared_ptr<const flow::ConstPayload>>(&c.value);
    auto* ref = payload ? dynamic_cast<const lltype::JitDriverRef*>(payload->get()) : nullptr;
    if (!ref || !context.annotation) return std::nullopt;
    annotator::JitDriverInfo info =
        context.annotation->python().jitdriver_info(static_cast<const annotator::Desc*>(ref->desc()));
    return DriverShape{ref->name(), info.greens, info.reds, info.autoreds};
  };
  return check_jit_readiness(context.rtyper->all_graphs(), drivers);
}

}  // namespace

void run_readiness_check(TranslationContext& context) {
  ReadinessReport report = check(context);
  if (report.problems.empty()) return;
  std::string text = format_problems(report.problems);
  if (!text.empty() && text.back() == '\n') text.pop_back();
  throw UserError(text + "\nrpp translate: error: the program is not ready for the JIT (" +
                  std::to_string(report.problems.size()) + " problems)");
}

void run_jit_stage(TranslationContext& context) { run_readiness_check(context); }

void dump_jit_stage(TranslationContext& context, std::ostream& out) { out << format_report(check(context)); }

}  // namespace rpp::jit_codegen
