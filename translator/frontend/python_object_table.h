// The object table of an imported Program, backed by python/_rpp/flowobjects.py.
#pragma once
#include <pybind11/pybind11.h>

#include <memory>

#include "translator/frontend/object_table.h"
#include "translator/frontend/program.h"

namespace rpp::frontend {

// The table for `program` (its entry point is the first object). It holds Python objects: it
// must be destroyed while the embedded Python runs.
std::shared_ptr<ObjectTable> make_object_table(Program& program);

// For the annotator and the rtyper, which read Python objects (DESIGN: py::object never leaves
// the frontend, the annotator and the rtyper): the object behind a constant, and the constant
// of an object (ints, floats, str, bytes, None and bool by value, anything else by table id).
// `table` must come from make_object_table.
pybind11::object python_object(ObjectTable& table, const ConstValue& value);
ConstValue python_constant(ObjectTable& table, pybind11::handle object);

}  // namespace rpp::frontend
