// Classes and instances (RPython's rclass): every ClassDef of the annotator becomes
//   - an instance GcStruct `{super: PARENT (or object), FIELD...}`: the attributes assigned on
//     instances that live at this class (classdef.h's rule), with `_immutable_fields_` ranks,
//     `_immutable_`, and `_virtualizable_` in the struct's hints; a quasi-immutable field `x?`
//     gets a companion `mutate_x: Ptr(gcref)` for the JIT's invalidation;
//   - a vtable: static data of a vtable struct `{super: PARENT_vtable (or object_vtable),
//     CLASSFIELD...}` (the parent's struct when the class adds no class field), holding the class
//     id range (a preorder numbering of the class tree, so `isinstance` is two compares), the
//     class name, `instantiate` (a graph made when `cls()` needs it), and the class attributes
//     whose value depends on the class: method pointers for dynamic dispatch, and constants that
//     subclasses redefine.
// Prebuilt instances become static data with their attributes read from the live objects.
#pragma once
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "annotator/classdef.h"
#include "rtyper/hop.h"
#include "rtyper/lltype/static_data.h"
#include "rtyper/repr.h"

namespace rpp::rtyper {

class RTyper;

struct ClassInfo {
  const annotator::ClassDef* classdef = nullptr;
  ClassInfo* parent = nullptr;
  std::vector<ClassInfo*> children;
  std::string struct_name;   // LL name of the instance struct
  lltype::Struct* instance_struct = nullptr;
  const lltype::Struct* vtable_struct = nullptr;  // its own, or the parent's
  int64_t id_min = 0, id_max = 0;  // the class id range: [id_min, id_max)
  struct Field {
    std::string attr;   // the Python attribute
    std::string field;  // the low-level field (in instance_struct or vtable_struct of this class)
    Repr* repr = nullptr;
    bool is_method = false;  // a method pointer in the vtable
  };
  std::map<std::string, Field> fields;        // instance fields that live here
  std::map<std::string, Field> class_fields;  // vtable fields that live here
  lltype::StaticObject* vtable = nullptr;
  flow::FunctionGraph* instantiate = nullptr;
};

class InstanceRepr final : public Repr {
 public:
  InstanceRepr(ClassInfo* info, const lltype::LowLevelType* type);
  ClassInfo* info() const { return info_; }
  flow::ConstValue convert_const(const flow::ConstValue& value, RTyper& rtyper) override;

 private:
  ClassInfo* info_;
};

// A class object at run time: a pointer to its vtable (any class below `info`, or any class at
// all when info is null).
class ClassRepr final : public Repr {
 public:
  ClassRepr(ClassInfo* info, const lltype::LowLevelType* type);
  ClassInfo* info() const { return info_; }
  flow::ConstValue convert_const(const flow::ConstValue& value, RTyper& rtyper) override;

 private:
  ClassInfo* info_;
};

class ClassReprs {
 public:
  explicit ClassReprs(RTyper& rtyper);
  ~ClassReprs();

  // Declares the instance struct and numbers the class ids of every ClassDef (after annotation).
  void setup();
  // Defines the structs and vtable structs, and makes the vtables (after normalize_calls).
  void define();
  // Fills the vtables' class attributes (after every graph's signature is known).
  void fill_vtables();

  ClassInfo& info(const annotator::ClassDef* classdef);
  InstanceRepr* instance_repr(const annotator::ClassDef* classdef);
  ClassRepr* class_repr(const annotator::ClassDef* classdef);  // nullptr: any class
  // The ClassDef of a class constant (PyObjectRef), or nullptr.
  const annotator::ClassDef* classdef_of(const flow::ConstValue& cls);

  // The static vtable of a class.
  const lltype::StaticObject* vtable(const annotator::ClassDef* classdef);
  // The static data of a prebuilt instance (memoized by object).
  const lltype::StaticObject* prebuilt_instance(flow::PyObjectRef ref);

  // ---- operations on instances (x: a value of `repr`) ----
  // x.attr as a value of the field's repr (instance field or class attribute).
  flow::Value* getattr(Hop& hop, flow::Value* x, InstanceRepr* repr, const std::string& attr);
  void setattr(Hop& hop, flow::Value* x, InstanceRepr* repr, const std::string& attr, flow::Value* value,
               Repr* value_repr);
  // x's vtable as Ptr(object_vtable).
  flow::Value* typeptr(LowLevelOps& llops, flow::Value* x);
  // A vtable pointer seen as the vtable struct of `info`'s class.
  flow::Value* vtable_as(LowLevelOps& llops, flow::Value* vtable, const ClassInfo& info);
  // A new instance: malloc, typeptr, class-level defaults of its fields.
  flow::Value* new_instance(LowLevelOps& llops, const annotator::ClassDef* classdef);
  // isinstance of a vtable pointer (Ptr(object_vtable)) in `classdef`: two compares.
  flow::Value* vtable_isinstance(LowLevelOps& llops, flow::Value* vtable, const annotator::ClassDef* classdef);
  // The method pointer of `attr` found in the vtable of x (dynamic dispatch).
  flow::Value* method_pointer(LowLevelOps& llops, flow::Value* x, const annotator::ClassDef* static_class,
                              const std::string& attr);
  // The graph `cls()` calls for a class (made on first use).
  flow::FunctionGraph* instantiate_graph(const annotator::ClassDef* classdef);

  // Where an attribute lives as seen from `classdef`: the class and its field, or nullptr.
  const ClassInfo::Field* find_field(const annotator::ClassDef* classdef, const std::string& attr,
                                     ClassInfo** owner, bool class_level);
  const std::vector<ClassInfo*>& all() const { return order_; }

 private:
  RTyper& rtyper_;
  std::map<const annotator::ClassDef*, std::unique_ptr<ClassInfo>> infos_;
  std::vector<ClassInfo*> order_;  // preorder
  std::map<uint32_t, const lltype::StaticObject*> prebuilt_;
  bool filled_ = false;

  void define_struct(ClassInfo& info);
  void make_vtable(ClassInfo& info);
  void fill_vtable(ClassInfo& info);
  void fill_prebuilt(flow::PyObjectRef ref, lltype::StaticObject& object, const annotator::ClassDef* classdef);
};

// Sanitizes a Python qualified name into an LL name (letters, digits, `_`).
std::string ll_name(const std::string& python_name);

}  // namespace rpp::rtyper
