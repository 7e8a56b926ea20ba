// The exceptions the low-level code raises by itself (RPython's exceptiondata): the classes of
// the builtin exceptions that operations and helpers raise (their ClassDefs exist before the
// classes are laid out), and prebuilt instances of them with CPython's messages, as static
// data. An operation that raises (`int_floordiv_zer`, `int_add_ovf`...) raises the instance
// StaticData::operation_exception names for it: genc and the exception transform use the same.
//
//   int_floordiv_zer, int_mod_zer (and _ovf_zer)  ZeroDivisionError  "integer division or modulo by zero"
//                                                                    / "integer modulo by zero"
//   int_truediv_zer                                ZeroDivisionError  "division by zero"
//   float_truediv_zer / float_floordiv_zer / float_mod_zer           "float division by zero" /
//                                                    "float floor division by zero" / "float modulo"
//   *_ovf (Overflow)                               OverflowError      "integer overflow"
//   cast_float_to_int_ovf                          OverflowError "cannot convert float infinity to integer",
//                                                  ValueError "cannot convert float NaN to integer"
//   int_lshift_ovf (Value)                         ValueError         "negative shift count"
//   stack_check                                    RecursionError     "maximum recursion depth exceeded"
#pragma once
#include <map>
#include <string>
#include <utility>

#include "annotator/classdef.h"
#include "rtyper/lltype/static_data.h"

namespace rpp::rtyper {

class RTyper;

class ExceptionData {
 public:
  explicit ExceptionData(RTyper& rtyper) : rtyper_(rtyper) {}
  // Before the classes are laid out: the ClassDefs of the standard exceptions.
  void prepare();
  // After: the prebuilt instances for every raising operation of the table.
  void make_operation_exceptions();

  const annotator::ClassDef* classdef(const std::string& name);
  // A prebuilt instance of the builtin exception `class_name` whose str() is `message`.
  const lltype::StaticObject* instance(const std::string& class_name, const std::string& message);
  // Its vtable.
  const lltype::StaticObject* vtable(const std::string& class_name);

 private:
  RTyper& rtyper_;
  std::map<std::string, annotator::ClassDef*> classdefs_;
  std::map<std::pair<std::string, std::string>, const lltype::StaticObject*> instances_;
};

}  // namespace rpp::rtyper
