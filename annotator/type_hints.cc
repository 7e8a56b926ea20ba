// Checking type hints and enforceargs() against the inferred annotations.
#include "annotator/type_hints.h"

#include "annotator/classdef.h"
#include "annotator/dictdef.h"
#include "annotator/listdef.h"
#include "annotator/python_objects.h"

namespace rpp::annotator {

bool fits_hint(Bookkeeper& bk, const SomeRef& s, const HintType& h) {
  if (s->is(SomeKind::Impossible) || h.kind == "any" || h.kind == "unknown") return true;
  if (h.kind == "optional") {
    if (s->is(SomeKind::None)) return true;
    return fits_hint(bk, nonnoneified(s), h.args[0]);
  }
  if (h.kind == "None") return s->is(SomeKind::None);
  if (s->can_be_none() && !s->is(SomeKind::PBC)) return false;
  if (h.kind == "int") return s->is_integer() && !s->as<SomeInteger>().is_unsigned();
  if (h.kind == "r_uint") return s->is_integer() && s->as<SomeInteger>().is_unsigned();
  if (h.kind == "bool") return s->is(SomeKind::Bool);
  if (h.kind == "float") return s->is_number();
  if (h.kind == "str") return s->is_str();
  if (h.kind == "bytes") return s->is(SomeKind::Bytes);
  if (h.kind == "list") {
    if (!s->is(SomeKind::List)) return false;
    return h.args.empty() || fits_hint(bk, s->as<SomeList>().listdef->item()->value(), h.args[0]);
  }
  if (h.kind == "dict") {
    if (!s->is(SomeKind::Dict)) return false;
    DictDef* d = s->as<SomeDict>().dictdef;
    return h.args.size() != 2 ||
           (fits_hint(bk, d->key()->value(), h.args[0]) && fits_hint(bk, d->value()->value(), h.args[1]));
  }
  if (h.kind == "tuple") {
    if (!s->is(SomeKind::Tuple)) return false;
    const auto& items = s->as<SomeTuple>().items;
    if (items.size() != h.args.size()) return false;
    for (size_t i = 0; i < items.size(); ++i)
      if (!fits_hint(bk, items[i], h.args[i])) return false;
    return true;
  }
  if (h.kind == "class") {
    if (!h.cls) return true;
    if (!s->is(SomeKind::Instance)) return false;
    ClassDef* want = bk.classdef_for(h.cls);
    return s->as<SomeInstance>().classdef->issubclass(want);
  }
  return true;
}

namespace {

void check_one(Annotator& ann, const flow::FunctionGraph* g, const FunctionDesc& f,
               const std::map<std::string, flow::ConstValue>& hints, const char* what) {
  Bookkeeper& bk = ann.bookkeeper();
  for (const auto& [name, hint_value] : hints) {
    HintType hint = bk.python()->hint_type(hint_value);
    const flow::Value* v = nullptr;
    std::string subject;
    if (name == "return") {
      v = g->returnblock->inputargs[0];
      subject = "the result of " + f.name + "()";
    } else {
      for (size_t i = 0; i < g->arg_names.size() && i < g->startblock->inputargs.size(); ++i)
        if (g->arg_names[i] == name) v = g->startblock->inputargs[i];
      subject = "the parameter '" + name + "' of " + f.name + "()";
    }
    if (!v || !v->annotation) continue;
    if (fits_hint(bk, v->annotation, hint)) continue;
    ann.fail_in(g, g->location,
                std::string(what) + " mismatch: " + subject + " is declared `" + hint.text +
                    "` but the annotator infers " + v->annotation->repr(),
                {"the inferred type comes from the callers (see the call chain) and the function's body"});
  }
}

}  // namespace

void check_type_hints(Annotator& ann) {
  if (!ann.bookkeeper().python()) return;
  for (const flow::FunctionGraph* g : ann.graphs()) {
    const GraphInfo* info = ann.graph_info(g);
    if (!info || !info->func) continue;
    const FunctionDesc& f = *info->func;
    if (!f.hints.empty()) check_one(ann, g, f, f.hints, "type-hint");
    if (!f.enforced.empty()) check_one(ann, g, f, f.enforced, "enforceargs");
  }
}

}  // namespace rpp::annotator
