// TranslationContext: the one object every stage receives. It owns the options, the imported
// program and (as the stages arrive) every graph; nothing in the toolchain is global.
#pragma once
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "rtyper/lltype/type_arena.h"
#include "translator/options.h"

namespace rpp {

namespace frontend {
class Program;      // the imported target: defined by the frontend, opaque to other stages
class ObjectTable;  // every Python object the graphs refer to, as PyObjectRef ids (object_table.h)
}
namespace flow {
class FlowSpace;    // the graphs, built on demand per (function, specialization key) (flow_space.h)
}
namespace annotator {
class Annotation;   // the annotator and its results: every value's SomeValue (annotate_stage.h)
}
namespace rtyper {
class RTyper;       // the low-level graphs' reprs, helper graphs and static data (rtyper/rtyper.h)
}
namespace gctransform {
class GcTypeTable;  // the GC's type ids and per-type tables (gc_transform/type_info_tables.h)
}

struct TranslationContext {
  TranslateOptions options;
  std::shared_ptr<frontend::Program> program;
  std::shared_ptr<frontend::ObjectTable> objects;
  // Owns every flow graph; later stages transform them in place.
  std::shared_ptr<flow::FlowSpace> flow;
  // The annotator's results (classdefs, list/dict definitions, call families); the annotation
  // of each value is in Value::annotation.
  std::shared_ptr<annotator::Annotation> annotation;
  // After rtyping: the rtyper, which owns the static data (vtables, prebuilt objects) and the
  // helper graphs; the annotated graphs are low-level graphs in place.
  std::shared_ptr<rtyper::RTyper> rtyper;
  // Every low-level type of the translation (interned: equal types are one object).
  std::unique_ptr<lltype::TypeArena> types = std::make_unique<lltype::TypeArena>();
  // Set by the exception transform (translator/exceptiontransform): the graphs carry exceptions
  // in the exception state, not through exception links (the ll interpreter runs them so).
  bool exceptions_transformed = false;
  // Set by the gc stage (gc_transform/): the type ids of every GC type, which C++ emission
  // writes into the type-info table and object headers (it numbers types only static data
  // uses after them); `gc_transformed` when roots, barriers and allocations were inserted
  // (--gc=gen).
  std::shared_ptr<gctransform::GcTypeTable> gc_types;
  bool gc_transformed = false;
  // Set by `rpp translate`: releases the frontend's Python objects and shuts the embedded CPython
  // down. The pipeline calls it once no stage needs Python any more (docs/memory.md).
  std::function<void()> shut_down_python;
  // The repository root (RPP_HOME): runtime headers and libraries for genc.
  std::string rpp_home;
  // What the pipeline did, for the summary: (stage or step, seconds).
  std::vector<std::pair<std::string, double>> stage_times;
  // What stages report in the translation summary besides their time (backendopt's counts).
  std::vector<std::string> summary_notes;
  // genc's units (name, text) and the executable it linked.
  std::vector<std::pair<std::string, std::string>> emitted_units;
  std::string executable;
};

}  // namespace rpp
