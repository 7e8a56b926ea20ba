// Rules of attribute access: instance attributes (placed in the class hierarchy by the
// bookkeeper), methods bound on read, properties (their getter is called), `x.__class__`,
// class attributes read through a variable holding classes, attributes of frozen objects,
// and methods of builtin types (bound to their receiver as a SomeBuiltin).
#include "annotator/classdef.h"
#include "annotator/description.h"
#include "annotator/op_rules.h"
#include "annotator/python_objects.h"
#include "annotator/union.h"

namespace rpp::annotator {

bool builtin_type_has_method(const SomeRef& receiver, const std::string& name);

namespace {

bool is_method_pbc(const SomeRef& s) {
  if (!s->is(SomeKind::PBC)) return false;
  for (const Desc* d : s->as<SomePBC>().descs())
    if (d->kind == DescKind::Method) return true;
  return false;
}

SomeRef instance_getattr(RuleContext& cx, const SomeRef& obj, const std::string& name) {
  const auto& inst = obj->as<SomeInstance>();
  auto* cls = const_cast<ClassDef*>(inst.classdef);
  if (name == "__class__") {
    std::vector<const flow::Variable*> of;
    if (cx.variable(0)) of.push_back(cx.variable(0));
    return std::make_shared<SomeType>(cls, of);
  }
  if (cls->desc) {
    if (const ClassMember* m = cls->desc->lookup(name); m && m->kind == ClassMember::Kind::Property) {
      if (inst.can_be_none())
        throw AnnotatorFailure("reading the property '" + name + "' of " + describe_for_user(obj) +
                               ", which may be None (check `is not None` first)");
      Desc* getter = cx.bk.desc_for(m->function());
      if (!getter || getter->kind != DescKind::Function)
        throw AnnotatorFailure("the property '" + name + "' has no getter function");
      CallArgs args;
      args.positional.push_back(nonnoneified(obj));
      return cx.annotator.call_function(getter->as<FunctionDesc>(), args, getter);
    }
  }
  if (name == "code" && cx.bk.is_system_exit(cls)) return cx.bk.system_exit_code().read_code(cx.position());
  SomeRef s = cx.bk.read_attribute(cls, name, inst.flags, cx.position());
  // A method called on a value that may be None because of an explicit None in this function
  // (assigned on some path, or returned by the function called) is an error. Nullability that
  // only comes from data (a field or list item that may hold None) is the program's promise,
  // as in RPython.
  if (inst.can_be_none() && is_method_pbc(s)) {
    if (auto none_at = cx.annotator.explicit_none_source(cx.value(0))) {
      AnnotatorFailure f("calling the method '" + name + "' on " + describe_for_user(obj) +
                         ", which may be None");
      f.notes.push_back("narrow it first: `if x is not None:` or `assert x is not None`");
      f.other_location = *none_at;
      f.other_location_label = "the None comes from here";
      throw f;
    }
  }
  return s;
}

SomeRef classes_getattr(RuleContext& cx, const std::vector<ClassDef*>& classes, const std::string& name) {
  SomeRef result = s_impossible();
  for (ClassDef* c : classes) {
    if (name == "__name__") {
      std::string short_name = c->name.substr(c->name.rfind('.') + 1);
      result = union_of(result, classes.size() == 1 ? const_str(short_name) : s_str());
      continue;
    }
    c->class_attribute_reads.insert(name);
    SomeRef v;
    const ClassDesc* owner = nullptr;
    const ClassMember* m = c->desc ? c->desc->lookup(name, &owner) : nullptr;
    if (!m) throw AnnotatorFailure("class " + c->name + " has no attribute '" + name + "'");
    switch (m->kind) {
      case ClassMember::Kind::Function:
      case ClassMember::Kind::StaticMethod:
      case ClassMember::Kind::Constant:
        v = cx.bk.immutable_value(m->object);
        break;
      case ClassMember::Kind::ClassMethod: {
        Desc* f = cx.bk.desc_for(m->function());
        v = std::make_shared<SomePBC>(std::vector<const Desc*>{
            cx.bk.method_of_frozen(&f->as<FunctionDesc>(), c->desc)});
        break;
      }
      case ClassMember::Kind::Property:
        throw AnnotatorFailure("reading the property '" + name + "' from the class " + c->name);
    }
    result = union_of(result, v);
  }
  return result;
}

SomeRef getattr_rule(RuleContext& cx) {
  SomeRef obj = cx.arg(0);
  std::string name = cx.const_str_arg(1);
  switch (obj->kind()) {
    case SomeKind::Instance:
      return instance_getattr(cx, obj, name);
    case SomeKind::PBC: {
      const auto& pbc = obj->as<SomePBC>();
      DescKind kind = pbc.descs()[0]->kind;
      if (pbc.can_be_none())
        throw AnnotatorFailure("reading '" + name + "' of " + describe_for_user(obj) + ", which may be None");
      if (kind == DescKind::Class) {
        std::vector<ClassDef*> classes;
        for (const Desc* d : pbc.descs())
          classes.push_back(cx.bk.classdef_for(const_cast<ClassDesc*>(&d->as<ClassDesc>())));
        return classes_getattr(cx, classes, name);
      }
      if (kind == DescKind::Frozen) {
        SomeRef r = s_impossible();
        for (const Desc* d : pbc.descs())
          r = union_of(r, cx.bk.python()->frozen_attribute(const_cast<FrozenDesc&>(d->as<FrozenDesc>()), name));
        return r;
      }
      if (kind == DescKind::Function && name == "__name__") {
        if (pbc.descs().size() == 1) {
          const std::string& q = pbc.descs()[0]->name;
          return const_str(q.substr(q.rfind('.') + 1));
        }
        return s_str();
      }
      throw AnnotatorFailure(describe_for_user(obj) + " has no attribute '" + name + "'");
    }
    case SomeKind::Type: {
      const auto& t = obj->as<SomeType>();
      if (!t.base) throw AnnotatorFailure("reading '" + name + "' of an unknown class");
      std::vector<ClassDef*> classes;
      for (const ClassDef* c : t.base->all_subclasses()) classes.push_back(const_cast<ClassDef*>(c));
      if (name == "__name__") return s_str();
      return classes_getattr(cx, classes, name);
    }
    case SomeKind::None:
      return s_impossible();  // blocked: reported at the end if it stays None
    default:
      break;
  }
  if (builtin_type_has_method(obj, name)) {
    if (obj->can_be_none()) {
      AnnotatorFailure f("calling the method '" + name + "' on " + describe_for_user(obj) +
                         ", which may be None");
      f.notes.push_back("narrow it first: `if x is not None:` or `assert x is not None`");
      throw f;
    }
    return std::make_shared<SomeBuiltin>(name, nonnoneified(obj));
  }
  throw AnnotatorFailure(describe_for_user(obj) + " has no attribute '" + name + "'");
}

SomeRef setattr_rule(RuleContext& cx) {
  SomeRef obj = cx.arg(0);
  std::string name = cx.const_str_arg(1);
  SomeRef value = without_constant(cx.arg(2));
  if (obj->is(SomeKind::Instance)) {
    auto* cls = const_cast<ClassDef*>(obj->as<SomeInstance>().classdef);
    if (cls->desc) {
      if (const ClassMember* m = cls->desc->lookup(name); m && m->kind == ClassMember::Kind::Property)
        throw AnnotatorFailure("the property '" + name + "' of " + cls->name + " is read-only");
    }
    if (name == "__class__") throw AnnotatorFailure("assigning __class__ is not RPython");
    if (name == "code" && cx.bk.is_system_exit(cls))
      throw AnnotatorFailure("assigning the code of a SystemExit is not supported: raise a new SystemExit(code)");
    // Constants keep their value when they are the only ones: a flag set to True everywhere.
    cx.bk.write_attribute(cls, name, cx.arg(2)->is(SomeKind::PBC) ? cx.arg(2) : value);
    return s_none();
  }
  if (obj->is(SomeKind::None)) return s_impossible();
  if (obj->is(SomeKind::PBC))
    throw AnnotatorFailure("cannot assign '" + name + "' on " + describe_for_user(obj) +
                           ": prebuilt constants are frozen");
  throw AnnotatorFailure("cannot assign the attribute '" + name + "' on " + describe_for_user(obj));
}

}  // namespace

SomeRef call_special_method(RuleContext& cx, const SomeRef& instance, const std::string& name,
                            std::vector<SomeRef> args) {
  const auto& inst = instance->as<SomeInstance>();
  auto* cls = const_cast<ClassDef*>(inst.classdef);
  SomeRef meth = cls->desc ? cx.bk.class_level_value(cls, name) : nullptr;
  if (!meth)
    throw AnnotatorFailure(describe_for_user(instance) + " does not support this operation: its class "
                           "defines no " + name + " method");
  if (inst.can_be_none())
    throw AnnotatorFailure("calling the method '" + name + "' on " + describe_for_user(instance) +
                           ", which may be None");
  SomeRef bound = cx.bk.bind_methods(cls, meth, name, inst.flags);
  CallArgs a;
  a.positional = std::move(args);
  return cx.annotator.call(bound, a);
}

void add_attribute_rules(RuleTable& t) {
  t["getattr"] = getattr_rule;
  t["setattr"] = setattr_rule;
}

}  // namespace rpp::annotator
