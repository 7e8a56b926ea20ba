// Static data of a translation: the prebuilt objects low-level graphs point to (class vtables,
// prebuilt instances, tuples and strings, the exception instances raised by operations), as
// values genc emits as static C++ data and the ll interpreter lays out in memory (runtime/layout.h
// through memory_layout.h). A pointer to one is a graph constant whose payload is a StaticRef;
// fields and items hold values under LL text's constant conventions (docs/ll-text.md: Signed
// int64_t, Unsigned uint64_t, Char/UniChar int64_t code points, Float double, Bool bool, null
// NoneValue, a function GraphRef or a helper's payload, a pointer a StaticRef).
//
// A struct's inlined fields (its parent, first, and inlined substructs or arrays) are child
// objects; a pointer to an object also points to its parent part (first-field nesting), so a
// StaticRef always names the outermost object and the constant's type says which part is meant.
#pragma once
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "rtyper/lltype/lltype.h"
#include "translator/flow/model.h"

namespace rpp::lltype {

class StaticObject {
 public:
  StaticObject(const ContainerType* type, std::string name) : type_(type), name_(std::move(name)) {}
  StaticObject(const StaticObject&) = delete;
  StaticObject& operator=(const StaticObject&) = delete;

  const ContainerType* type() const { return type_; }
  const std::string& name() const { return name_; }  // unique in its StaticData

  // One slot per struct field or array item: a value, or (inlined containers) a child object.
  struct Slot {
    flow::ConstValue value = flow::NoneValue{};
    std::unique_ptr<StaticObject> inlined;
  };
  const std::vector<Slot>& slots() const { return slots_; }

  // ---- structs ----
  // The value of a field (a zero value of its type until set).
  const flow::ConstValue& field(const std::string& name) const;
  void set_field(const std::string& name, flow::ConstValue value);
  // The inlined struct or array of a field (made on first use; arrays with `length` items).
  StaticObject& inlined(const std::string& name, int64_t length = 0);
  const StaticObject* inlined_if_any(const std::string& name) const;
  // The field `name` of this struct or of one of its parents (through inlined first fields).
  void set_field_in_chain(const std::string& name, flow::ConstValue value);

  // ---- arrays (and a var-sized struct's inlined array, through inlined()) ----
  size_t length() const { return slots_.size(); }
  void set_item(size_t index, flow::ConstValue value);
  // The inlined struct of item `index` of an array of structs (made on first use).
  StaticObject& inlined_item(size_t index);

  // ---- str (rpy_string): the code points ----
  bool is_str() const { return text_.has_value(); }
  const std::u32string& text() const { return *text_; }

 private:
  friend class StaticData;
  const ContainerType* type_;
  std::string name_;
  std::vector<Slot> slots_;
  std::optional<std::u32string> text_;
  StaticObject* make_child(const ContainerType* type, const std::string& name, int64_t length);
  void init_slots(int64_t length);
  size_t field_index(const std::string& name) const;
};

// A pointer to a static object, as a constant's payload (LL text `&NAME`).
class StaticRef final : public flow::ConstPayload {
 public:
  explicit StaticRef(const StaticObject* object) : object_(object) {}
  const StaticObject* object() const { return object_; }
  std::string repr() const override { return "&" + object_->name(); }
  bool equals(const flow::ConstPayload& other) const override;
  size_t hash() const override { return std::hash<const void*>()(object_); }

 private:
  const StaticObject* object_;
};

// The static object a constant points to, or nullptr.
const StaticObject* static_object_of(const flow::Constant* c);
const StaticObject* static_object_of(const flow::ConstValue& v);
flow::ConstValue static_ref(const StaticObject* object);

class StaticData {
 public:
  // A new struct or array (zeroed; arrays with `length` items), named `name` (made unique with a
  // numeric suffix when taken).
  StaticObject& add(const ContainerType* type, const std::string& name, int64_t length = 0);
  // The prebuilt str with this text (UTF-8 in; one object per distinct text). `str_type` is the
  // runtime's rpy_string struct.
  StaticObject& str(const Struct* str_type, const std::string& utf8);
  // The prebuilt bytes with these bytes (the runtime's rpy_bytes: the layout of a narrow str,
  // its own type id; is_str() is true and text() holds the bytes as code points < 256).
  StaticObject& bytes(const Struct* bytes_type, const std::string& data);

  // Class vtables by their instance struct (what the symbolic `vtable(S)` denotes).
  void set_vtable(const Struct* instance, const StaticObject* vtable) { vtables_[instance] = vtable; }
  const StaticObject* vtable_of(const Struct* instance) const;
  const std::map<const Struct*, const StaticObject*>& vtables() const { return vtables_; }

  // The exception instance an operation raises for an error (ops::OpError), keyed by
  // `opname:Error` (e.g. `int_floordiv_zer:ZeroDivision`); see rtyper/exception_data.h.
  void set_operation_exception(const std::string& key, const StaticObject* instance) {
    operation_exceptions_[key] = instance;
  }
  const StaticObject* operation_exception(const std::string& key) const;

  // The instance structs of the builtin exception classes the runtime's helpers raise
  // (layout::BuiltinException), by class name ("ValueError"...).
  void set_builtin_exception(const std::string& name, const Struct* instance) { builtin_exceptions_[name] = instance; }
  const Struct* builtin_exception(const std::string& name) const {
    auto it = builtin_exceptions_.find(name);
    return it == builtin_exceptions_.end() ? nullptr : it->second;
  }

  // Every object, in creation order.
  const std::deque<std::unique_ptr<StaticObject>>& objects() const { return objects_; }
  const StaticObject* find(const std::string& name) const;

 private:
  std::deque<std::unique_ptr<StaticObject>> objects_;
  std::map<std::string, StaticObject*> by_name_;
  std::map<std::u32string, StaticObject*> strings_;
  std::map<std::string, StaticObject*> bytes_;
  std::map<const Struct*, const StaticObject*> vtables_;
  std::map<std::string, const StaticObject*> operation_exceptions_;
  std::map<std::string, const Struct*> builtin_exceptions_;
};

// UTF-8 to code points (invalid sequences are kept byte by byte as code points < 256).
std::u32string utf8_to_code_points(const std::string& utf8);

}  // namespace rpp::lltype
