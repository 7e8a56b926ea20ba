// Standard exceptions raised by low-level operations (exception_data.h).
#include "rtyper/exception_data.h"

#include "annotator/bookkeeper.h"
#include "rtyper/rclass.h"
#include "rtyper/rlist.h"
#include "rtyper/rtyper.h"
#include "runtime/layout.h"

namespace rpp::rtyper {

using namespace lltype;

namespace {

struct OperationException {
  const char* key;  // opname:Error (ops::OpError names), `*` for any operation
  const char* class_name;
  const char* message;
};

const OperationException kOperationExceptions[] = {
    {"int_floordiv_zer:ZeroDivision", "ZeroDivisionError", "integer division or modulo by zero"},
    {"int_floordiv_ovf_zer:ZeroDivision", "ZeroDivisionError", "integer division or modulo by zero"},
    {"uint_floordiv_zer:ZeroDivision", "ZeroDivisionError", "integer division or modulo by zero"},
    {"llong_floordiv_zer:ZeroDivision", "ZeroDivisionError", "integer division or modulo by zero"},
    {"ullong_floordiv_zer:ZeroDivision", "ZeroDivisionError", "integer division or modulo by zero"},
    {"int_mod_zer:ZeroDivision", "ZeroDivisionError", "integer modulo by zero"},
    {"int_mod_ovf_zer:ZeroDivision", "ZeroDivisionError", "integer modulo by zero"},
    {"uint_mod_zer:ZeroDivision", "ZeroDivisionError", "integer modulo by zero"},
    {"llong_mod_zer:ZeroDivision", "ZeroDivisionError", "integer modulo by zero"},
    {"ullong_mod_zer:ZeroDivision", "ZeroDivisionError", "integer modulo by zero"},
    {"int_truediv_zer:ZeroDivision", "ZeroDivisionError", "division by zero"},
    {"float_truediv_zer:ZeroDivision", "ZeroDivisionError", "float division by zero"},
    {"float_floordiv_zer:ZeroDivision", "ZeroDivisionError", "float floor division by zero"},
    {"float_mod_zer:ZeroDivision", "ZeroDivisionError", "float modulo"},
    {"cast_float_to_int_ovf:Overflow", "OverflowError", "cannot convert float infinity to integer"},
    {"cast_float_to_int_ovf:Value", "ValueError", "cannot convert float NaN to integer"},
    {"int_lshift_ovf:Value", "ValueError", "negative shift count"},
    {"float_pow:ZeroDivision", "ZeroDivisionError", "0.0 cannot be raised to a negative power"},
    {"*:Overflow", "OverflowError", "integer overflow"},
    {"*:ZeroDivision", "ZeroDivisionError", "division by zero"},
    {"*:Value", "ValueError", ""},
    {"stack_check:Recursion", "RecursionError", "maximum recursion depth exceeded"},
};

// Raised by operations, and every class the runtime's helpers raise (layout::BuiltinException).
const auto& kStandardClasses = rpp::layout::kBuiltinExceptionNames;

}  // namespace

void ExceptionData::prepare() {
  for (const char* name : kStandardClasses) classdefs_[name] = rtyper_.bookkeeper().builtin_exception(name);
}

const annotator::ClassDef* ExceptionData::classdef(const std::string& name) {
  auto it = classdefs_.find(name);
  if (it != classdefs_.end()) return it->second;
  throw RTypeFailure("internal error: the exception class " + name + " was not prepared");
}

const StaticObject* ExceptionData::vtable(const std::string& class_name) {
  return rtyper_.classes().vtable(classdef(class_name));
}

const StaticObject* ExceptionData::instance(const std::string& class_name, const std::string& message) {
  auto key = std::make_pair(class_name, message);
  auto it = instances_.find(key);
  if (it != instances_.end()) return it->second;
  const annotator::ClassDef* def = classdef(class_name);
  ClassInfo& info = rtyper_.classes().info(def);
  StaticObject& obj = rtyper_.static_data().add(info.instance_struct, "exc_" + info.struct_name);
  obj.set_field_in_chain("typeptr", static_ref(info.vtable));
  if (!message.empty())
    obj.set_field_in_chain("rpy_message", static_ref(&rtyper_.static_data().str(rtyper_.runtime_types().str, message)));
  instances_[key] = &obj;
  return &obj;
}

void ExceptionData::make_operation_exceptions() {
  for (const char* name : kStandardClasses)
    rtyper_.static_data().set_builtin_exception(name, rtyper_.classes().info(classdef(name)).instance_struct);
  for (const OperationException& e : kOperationExceptions)
    rtyper_.static_data().set_operation_exception(e.key, instance(e.class_name, e.message));
}

}  // namespace rpp::rtyper
