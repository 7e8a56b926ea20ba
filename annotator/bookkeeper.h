// The bookkeeper: the annotator's memory of the program's objects. It owns every Desc (one per
// Python function, class, frozen object; methods memoized by their parts), every ClassDef and
// every list/dict definition; it turns constants into annotations (prebuilt lists, dicts and
// instances memoized by identity), places attributes in the class hierarchy, and keeps the call
// families the rtyper needs. Python objects are read through PythonObjects (python_objects.h);
// without it (unit tests) only plain constants can be annotated.
#pragma once
#include <deque>
#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "annotator/call_family.h"
#include "annotator/classdef.h"
#include "annotator/container_store.h"
#include "annotator/description.h"
#include "annotator/errors.h"
#include "annotator/some_value.h"
#include "annotator/system_exit_code.h"

namespace rpp::annotator {

class PythonObjects;

class Bookkeeper {
 public:
  explicit Bookkeeper(FlowObserver* observer);
  ~Bookkeeper();
  Bookkeeper(const Bookkeeper&) = delete;
  Bookkeeper& operator=(const Bookkeeper&) = delete;

  void set_python(PythonObjects* python) { python_ = python; }
  PythonObjects* python() const { return python_; }
  FlowObserver* observer() const { return observer_; }
  ContainerStore& containers() { return containers_; }
  CallFamilies& call_families() { return families_; }
  const CallFamilies& call_families_const() const { return families_; }

  // ---- descriptions ----
  uint32_t next_serial() { return next_serial_++; }
  template <class T, class... Args>
  T* make_desc(Args&&... args) {
    auto d = std::make_unique<T>(std::forward<Args>(args)...);
    T* raw = d.get();
    descs_.push_back(std::move(d));
    return raw;
  }
  // The Desc of a Python object (function, class, frozen object), or nullptr when the object
  // is not a prebuilt constant of those kinds.
  Desc* desc_for(flow::PyObjectRef ref);
  void remember_desc(flow::PyObjectRef ref, Desc* desc) { desc_by_object_[ref.id] = desc; }
  MethodDesc* method_desc(FunctionDesc* func, ClassDef* origin, ClassDef* selfclassdef,
                          const std::string& attr_name, InstanceFlags flags, bool classmethod);
  MethodOfFrozenDesc* method_of_frozen(FunctionDesc* func, Desc* receiver);
  const std::vector<std::unique_ptr<Desc>>& all_descs() const { return descs_; }

  // ---- classes ----
  // The ClassDef of a class (made, with its bases', on first use).
  ClassDef* classdef_for(ClassDesc* desc);
  ClassDesc* class_desc_of(const ClassDef* def) const { return def->desc; }
  // Builtin exception classes by name (`ValueError`...), for operations that raise them.
  ClassDef* builtin_exception(const std::string& name);
  // A subclass of a builtin exception class (its constructor's arguments become `args`).
  bool is_exception_class(const ClassDef* cls) const;
  void record_exception_args(ClassDef* cls, const SomeRef& item);
  // SystemExit or a subclass of it.
  bool is_system_exit(const ClassDef* cls) const;
  // The type of SystemExit's `code` (system_exit_code.h); `add` it the code of each exit.
  SystemExitCode& system_exit_code() { return system_exit_code_; }
  // One exit with this code (s_none(): no code): checks its type (int, str, None), adds it.
  void record_system_exit(const SomeRef& code, const std::string& what);
  const SystemExitCode& system_exit_code() const { return system_exit_code_; }
  const std::deque<std::unique_ptr<ClassDef>>& classdefs() const { return classdefs_; }

  // ---- attributes ----
  // The annotation of `x.name` for x: instance of `cls` (methods bound to it). Records the
  // position as a reader. Returns impossible when nothing assigns it (yet).
  SomeRef read_attribute(ClassDef* cls, const std::string& name, InstanceFlags flags,
                         const Position& position);
  // `x.name = value` for x: instance of `cls`.
  void write_attribute(ClassDef* cls, const std::string& name, const SomeRef& value);
  // The Attribute for name as seen from cls, placed by the rule of classdef.h.
  Attribute* locate_attribute(ClassDef* cls, const std::string& name);
  // The class-level value of `name` seen from instances of `cls` (methods unbound), or null.
  SomeRef class_level_value(ClassDef* cls, const std::string& name);
  // Binds the unbound methods of a class-level value to instances of `cls`.
  SomeRef bind_methods(ClassDef* cls, const SomeRef& value, const std::string& name,
                       InstanceFlags flags);

  // ---- values ----
  SomeRef immutable_value(const flow::ConstValue& value);
  // A list (dict) made by the operation being annotated: the same definition every time that
  // operation is annotated again (RPython's getlistdef by position), else re-annotating would
  // make new definitions forever. `item` generalizes it.
  SomeRef new_list(SomeRef item, bool mutated = false, bool resized = false);
  SomeRef new_dict(SomeRef key, SomeRef value, bool r_dict = false);
  // A definition of its own (prebuilt constants, the entry point's argv).
  SomeRef fresh_list(SomeRef item, bool mutated = false, bool resized = false);
  SomeRef fresh_dict(SomeRef key, SomeRef value, bool r_dict = false);
  // The annotator starts (re-)annotating an operation: definitions it makes are numbered from 0.
  void begin_operation() { operation_started_ = true; }
  // Memo of prebuilt containers/instances by object identity (python_objects.cc fills it).
  std::unordered_map<uint32_t, SomeRef> prebuilt_values;

 private:
  FlowObserver* observer_;
  PythonObjects* python_ = nullptr;
  ContainerStore containers_;
  CallFamilies families_;
  uint32_t next_serial_ = 1;
  std::vector<std::unique_ptr<Desc>> descs_;
  std::unordered_map<uint32_t, Desc*> desc_by_object_;
  std::map<std::tuple<FunctionDesc*, ClassDef*, ClassDef*, std::string, bool, bool, bool>,
           MethodDesc*>
      method_descs_;
  std::map<std::pair<FunctionDesc*, Desc*>, MethodOfFrozenDesc*> frozen_methods_;
  std::deque<std::unique_ptr<ClassDef>> classdefs_;
  std::map<std::string, ClassDef*> builtin_exceptions_;
  SystemExitCode system_exit_code_;
  // Definitions made by operations, by (position, rank within the operation).
  std::unordered_map<Position, std::vector<void*>, PositionHash> made_at_;
  size_t made_rank_ = 0;
  bool operation_started_ = true;
  void** made_slot();

  void add_class_sources(Attribute& attr, ClassDef* home);
  // The value of a class-body member of `owner` (functions as unbound methods), or null for a
  // property.
  SomeRef member_value(ClassDef* owner, const std::string& name);
  friend class PythonObjects;

 public:
  // A subclass was created below existing Attributes: merge its class-level values into them.
  void new_subclass_sources(ClassDef* cls);
};

}  // namespace rpp::annotator
