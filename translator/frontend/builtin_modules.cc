// `_contextvars` as a built-in module (builtin_modules.h): Python's `contextvars` and the pure
// Python `decimal` (`_pydecimal`) import it. Its types and copy_context are libpython's own;
// lib-dynload's _contextvars*.so only exports them.
#include "translator/frontend/builtin_modules.h"

#include <Python.h>

#include <cstring>

namespace rpp::frontend {

namespace {

PyObject* copy_context(PyObject*, PyObject*) { return PyContext_CopyCurrent(); }

PyMethodDef contextvars_methods[] = {
    {"copy_context", copy_context, METH_NOARGS, "Return a copy of the current Context."},
    {nullptr, nullptr, 0, nullptr},
};

PyModuleDef contextvars_module = {
    PyModuleDef_HEAD_INIT, "_contextvars", "Context Variables", -1, contextvars_methods,
};

PyObject* init_contextvars() {
  PyObject* module = PyModule_Create(&contextvars_module);
  if (!module) return nullptr;
  if (PyModule_AddType(module, &PyContext_Type) < 0 || PyModule_AddType(module, &PyContextVar_Type) < 0 ||
      PyModule_AddType(module, &PyContextToken_Type) < 0) {
    Py_DECREF(module);
    return nullptr;
  }
  return module;
}

}  // namespace

void register_builtin_modules() {
  // CPython's table outlives an interpreter: a second PythonHost finds the module there.
  for (const _inittab* entry = PyImport_Inittab; entry->name; ++entry)
    if (std::strcmp(entry->name, "_contextvars") == 0) return;
  PyImport_AppendInittab("_contextvars", init_contextvars);
}

}  // namespace rpp::frontend
