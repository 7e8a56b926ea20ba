// The object table of an imported Program, backed by python/_rpp/flowobjects.py.
#pragma once
#include <memory>

#include "translator/frontend/object_table.h"
#include "translator/frontend/program.h"

namespace rpp::frontend {

// The table for `program` (its entry point is the first object). It holds Python objects: it
// must be destroyed while the embedded Python runs.
std::shared_ptr<ObjectTable> make_object_table(Program& program);

}  // namespace rpp::frontend
