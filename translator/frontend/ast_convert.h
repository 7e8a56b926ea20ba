// Converting a function's syntax tree from Python's `ast` module into the C++ copy (pyast.h).
// Frontend-internal: takes Python objects.
#pragma once
#include <pybind11/pybind11.h>

#include <functional>
#include <memory>

#include "translator/frontend/pyast.h"

namespace rpp::frontend {

// Converts a constant of the tree (ast.Constant.value) into a flow constant.
using ConstantConverter = std::function<flow::ConstValue(pybind11::handle)>;

// `node` is an ast.FunctionDef or ast.AsyncFunctionDef (a lambda arrives as a FunctionDef whose
// attribute is_lambda is set, see python/_rpp/flowast.py).
std::shared_ptr<const pyast::FunctionDef> convert_function_ast(pybind11::handle node,
                                                                const ConstantConverter& constant);

}  // namespace rpp::frontend
