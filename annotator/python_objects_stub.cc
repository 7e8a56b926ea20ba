// Temporary: PythonObjects without Python, until the frontend's object table lands.
#include "annotator/python_objects.h"

namespace rpp::annotator {

struct PythonObjects::Impl {};
PythonObjects::~PythonObjects() = default;
SomeRef PythonObjects::immutable_value(flow::PyObjectRef) { throw AnnotatorFailure("no Python objects"); }
Desc* PythonObjects::make_desc(flow::PyObjectRef) { return nullptr; }
ClassDesc* PythonObjects::builtin_exception_desc(const std::string&) { return nullptr; }
void PythonObjects::classdef_created(ClassDef*) {}
SomeRef PythonObjects::frozen_attribute(FrozenDesc&, const std::string&) { throw AnnotatorFailure("no Python objects"); }
JitDriverInfo PythonObjects::jitdriver_info(const Desc*) { return {}; }
SomeRef PythonObjects::call_memo(FunctionDesc&, const std::vector<SomeRef>&) { throw AnnotatorFailure("no Python objects"); }

}  // namespace rpp::annotator
