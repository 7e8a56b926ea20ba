// Descriptions of prebuilt constants, the members of a SomePBC: a function, a class, a method (a
// function found on a class, bound to instances of some classdef), a frozen object (a module, a
// prebuilt instance with `_freeze_`), or a method of a frozen object (or of a class: a
// classmethod read from the class). One Desc per Python object, memoized by identity in the
// bookkeeper; `serial` is the creation order, so sets of Descs sort the same way on every run.
// The Python-side facts (signature, defaults, class dict, markers) are read once, when the Desc
// is made (python_objects.cc); afterwards the annotator works on these fields only.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "annotator/some_value.h"
#include "translator/flow/model.h"

namespace rpp::annotator {

class ClassDef;

enum class DescKind : uint8_t { Function, Class, Method, Frozen, MethodOfFrozen };
const char* desc_kind_name(DescKind kind, bool plural);  // "function" / "functions"

class Desc {
 public:
  Desc(DescKind kind, uint32_t serial, std::string name)
      : kind(kind), serial(serial), name(std::move(name)) {}
  virtual ~Desc() = default;
  const DescKind kind;
  const uint32_t serial;
  const std::string name;  // qualified: `Parser.parse`, `Node`, `mod`
  std::optional<flow::PyObjectRef> pyobj;  // the Python object, when there is one

  template <class T>
  T& as() {
    return static_cast<T&>(*this);
  }
  template <class T>
  const T& as() const {
    return static_cast<const T&>(*this);
  }
};

// A Python function's parameters (Python 3: positional-or-keyword, *args, keyword-only).
struct Signature {
  std::vector<std::string> params;       // positional-or-keyword, in order
  std::optional<std::string> star_args;  // *args
  std::vector<std::string> kwonly;       // keyword-only
  bool has_star_kwargs = false;          // **kwargs: not RPython
  // Default values of the last params / of kwonly ones.
  std::vector<flow::ConstValue> defaults;  // for params[params.size()-defaults.size():]
  std::map<std::string, flow::ConstValue> kwonly_defaults;
};

class FunctionGraphs;  // per-specialization graphs (bookkeeper)

class FunctionDesc : public Desc {
 public:
  using Desc::Desc;
  Signature signature;
  flow::SourceLocation location;  // the def line
  std::string specialize_tag;     // `_annspecialcase_`, e.g. "specialize:arg(0)", or ""
  flow::GraphFlags flags;         // from the rlib markers
  bool not_rpython = false;       // @not_rpython
  bool is_generator = false;
  // Type hints (`__annotations__`, evaluated) and `_annenforceargs_`: by parameter name, the
  // expected type as a Python object; "return" for the result.
  std::map<std::string, flow::ConstValue> hints;
  std::map<std::string, flow::ConstValue> enforced;
  std::map<std::string, flow::FunctionGraph*> graphs;   // specialization key -> graph
  std::vector<std::string> graph_keys_in_order;         // keys in creation order
};

// What a name in a class body is.
struct ClassMember {
  enum class Kind : uint8_t { Function, StaticMethod, ClassMethod, Property, Constant };
  Kind kind;
  flow::ConstValue object;  // the function (for Property: fget), or the constant
  flow::PyObjectRef function() const { return std::get<flow::PyObjectRef>(object); }
};

// `_immutable_fields_` entries: `x` (immutable), `x[*]` (an immutable list that is never
// resized), `x?` (quasi-immutable), `x?[*]`.
struct ImmutableField {
  bool array = false;
  bool quasi = false;
};

class ClassDesc : public Desc {
 public:
  using Desc::Desc;
  ClassDesc* base = nullptr;  // the single base (mixins are copied into the class dict)
  std::map<std::string, ClassMember> members;  // the class's own dict, as RPython sees it
  flow::SourceLocation location;
  bool is_builtin_exception = false;  // ValueError, KeyError, ... (and Exception itself)
  bool immutable = false;             // `_immutable_ = True`
  std::map<std::string, ImmutableField> immutable_fields;
  std::vector<std::string> virtualizable_fields;  // `_virtualizable_`
  bool has_virtualizable = false;
  std::optional<std::vector<std::string>> attrs;  // `_attrs_`, when given
  ClassDef* classdef = nullptr;  // made the first time the class is instantiated or seen
  std::vector<flow::PyObjectRef> prebuilt_instances;  // seen as constants, in order

  // The member named `name` in this class or its bases, and the class that defines it.
  const ClassMember* lookup(const std::string& name, const ClassDesc** owner = nullptr) const;
};

// A function found on a class: bound (selfclassdef set) when read from an instance.
class MethodDesc : public Desc {
 public:
  MethodDesc(uint32_t serial, FunctionDesc* func, ClassDef* origin, ClassDef* selfclassdef,
             std::string attr_name, InstanceFlags flags, bool classmethod);
  FunctionDesc* const func;
  ClassDef* const origin;        // the class whose dict holds the function
  ClassDef* const selfclassdef;  // the instance's class (nullptr: not bound yet)
  const std::string attr_name;
  const InstanceFlags flags;
  const bool classmethod;  // the first argument is the class, not the instance
};

class FrozenDesc : public Desc {
 public:
  using Desc::Desc;
  std::map<std::string, SomeRef> attribute_cache;  // attributes read so far
};

// A function bound to a constant receiver: a method of a frozen object, or a classmethod read
// from a class (receiver: the ClassDesc).
class MethodOfFrozenDesc : public Desc {
 public:
  MethodOfFrozenDesc(uint32_t serial, std::string name, FunctionDesc* func, Desc* receiver)
      : Desc(DescKind::MethodOfFrozen, serial, std::move(name)), func(func), receiver(receiver) {}
  FunctionDesc* const func;
  Desc* const receiver;
};

}  // namespace rpp::annotator
