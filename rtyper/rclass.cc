// Classes and instances (rclass.h).
#include "rtyper/rclass.h"

#include <pybind11/pybind11.h>

#include <algorithm>
#include <set>

#include "annotator/bookkeeper.h"
#include "annotator/description.h"
#include "annotator/union.h"
#include "rtyper/lltype/memory_layout.h"
#include "rtyper/lltype/symbolic.h"
#include "rtyper/rpbc.h"
#include "rtyper/rsystem_exit.h"
#include "rtyper/rtyper.h"
#include "translator/frontend/python_object_table.h"

namespace py = pybind11;

namespace rpp::rtyper {

using namespace lltype;
using annotator::ClassDef;
using annotator::SomeKind;
using annotator::SomeRef;
using flow::ConstValue;
using flow::Value;

std::string ll_name(const std::string& python_name) {
  std::string out;
  for (char c : python_name) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    out += ok ? c : '_';
  }
  if (out.empty() || (out[0] >= '0' && out[0] <= '9')) out = "_" + out;
  return out;
}

namespace {

// The last component of a qualified name: the class's __name__.
std::string short_name(const std::string& qualname) {
  size_t dot = qualname.rfind('.');
  return dot == std::string::npos ? qualname : qualname.substr(dot + 1);
}

bool is_method_pbc(const SomeRef& s) {
  if (!s || !s->is(SomeKind::PBC)) return false;
  for (const annotator::Desc* d : s->as<annotator::SomePBC>().descs())
    if (d->kind != annotator::DescKind::Method) return false;
  return !s->as<annotator::SomePBC>().descs().empty();
}

// The distinct functions of a PBC of methods.
std::vector<annotator::FunctionDesc*> method_functions(const SomeRef& s) {
  std::vector<annotator::FunctionDesc*> out;
  for (const annotator::Desc* d : s->as<annotator::SomePBC>().descs()) {
    auto* f = d->as<annotator::MethodDesc>().func;
    if (std::find(out.begin(), out.end(), f) == out.end()) out.push_back(f);
  }
  return out;
}

}  // namespace

// ------------------------------------------------------------------------------------ reprs

InstanceRepr::InstanceRepr(ClassInfo* info, const LowLevelType* type)
    : Repr(ReprKind::Instance, type, "InstanceRepr(" + info->struct_name + ")"), info_(info) {}

ConstValue InstanceRepr::convert_const(const ConstValue& value, RTyper& rtyper) {
  if (std::holds_alternative<flow::NoneValue>(value)) return flow::NoneValue{};
  if (auto* ref = std::get_if<flow::PyObjectRef>(&value))
    return static_ref(rtyper.classes().prebuilt_instance(*ref));
  return Repr::convert_const(value, rtyper);
}

ClassRepr::ClassRepr(ClassInfo* info, const LowLevelType* type)
    : Repr(ReprKind::Class, type, "ClassRepr(" + (info ? info->struct_name : std::string("object")) + ")"),
      info_(info) {}

ConstValue ClassRepr::convert_const(const ConstValue& value, RTyper& rtyper) {
  if (std::holds_alternative<flow::NoneValue>(value)) return flow::NoneValue{};
  if (const ClassDef* def = rtyper.classes().classdef_of(value)) return static_ref(rtyper.classes().vtable(def));
  return Repr::convert_const(value, rtyper);
}

// ------------------------------------------------------------------------------------ setup

ClassReprs::ClassReprs(RTyper& rtyper) : rtyper_(rtyper) {}
ClassReprs::~ClassReprs() = default;

ClassInfo& ClassReprs::info(const ClassDef* classdef) {
  auto it = infos_.find(classdef);
  if (it == infos_.end()) throw RTypeFailure("internal error: no class info for " + classdef->name);
  return *it->second;
}

void ClassReprs::setup() {
  std::vector<const ClassDef*> defs;
  for (const auto& d : rtyper_.bookkeeper().classdefs()) defs.push_back(d.get());
  std::sort(defs.begin(), defs.end(), [](const ClassDef* a, const ClassDef* b) { return a->serial < b->serial; });
  std::set<std::string> used;
  for (const ContainerType* t : rtyper_.types().named_types()) {
    if (auto* s = as<Struct>(t)) used.insert(s->name());
    if (auto* o = as<OpaqueType>(t)) used.insert(o->name());
  }
  for (const ClassDef* d : defs) {
    auto info = std::make_unique<ClassInfo>();
    info->classdef = d;
    std::string base = ll_name(d->name);
    std::string name = base;
    for (int n = 2; used.count(name) || used.count(name + "_vtable"); ++n) name = base + "_" + std::to_string(n);
    used.insert(name);
    used.insert(name + "_vtable");
    info->struct_name = name;
    info->instance_struct = rtyper_.types().declare_struct(name, true);
    infos_[d] = std::move(info);
  }
  std::vector<ClassInfo*> roots;
  for (const ClassDef* d : defs) {
    ClassInfo& i = *infos_[d];
    if (d->basedef) {
      i.parent = infos_.at(d->basedef).get();
      i.parent->children.push_back(&i);
    } else {
      roots.push_back(&i);
    }
  }
  // Class ids: a preorder walk; a class's subclasses are [id_min, id_max).
  int64_t next = 1;
  std::vector<std::pair<ClassInfo*, bool>> stack;
  for (auto it = roots.rbegin(); it != roots.rend(); ++it) stack.push_back({*it, false});
  while (!stack.empty()) {
    auto [c, done] = stack.back();
    stack.pop_back();
    if (done) {
      c->id_max = next;
      continue;
    }
    c->id_min = next++;
    order_.push_back(c);
    stack.push_back({c, true});
    for (auto it = c->children.rbegin(); it != c->children.rend(); ++it) stack.push_back({*it, false});
  }
}

void ClassReprs::define() {
  for (ClassInfo* c : order_) define_struct(*c);
  for (ClassInfo* c : order_) make_vtable(*c);
}

void ClassReprs::define_struct(ClassInfo& info) {
  const ClassDef* def = info.classdef;
  const annotator::ClassDesc* desc = def->desc;
  const RuntimeTypes& rt = rtyper_.runtime_types();
  std::vector<StructField> fields;
  fields.push_back({"super", info.parent ? static_cast<const LowLevelType*>(info.parent->instance_struct) : rt.object,
                    FieldMutability::Mutable});
  std::vector<StructField> class_fields;
  if (!info.parent && desc && desc->is_builtin_exception)
    // The message of exceptions raised by operations and runtime helpers (str(e) without args).
    fields.push_back({"rpy_message", rtyper_.types().ptr(rt.str), FieldMutability::Mutable});
  for (const auto& [name, attr] : def->attrs) {
    std::string field = (name == "super" || name == "typeptr" || name == "rpy_message") ? "inst_" + name : name;
    if (!attr->readonly) {
      Repr* r = rtyper_.getrepr(attr->value());
      if (r->is_void()) continue;
      FieldMutability m = FieldMutability::Mutable;
      bool quasi = false;
      if (desc) {
        auto it = desc->immutable_fields.find(name);
        if (it != desc->immutable_fields.end()) {
          quasi = it->second.quasi;
          m = it->second.quasi ? (it->second.array ? FieldMutability::QuasiImmutableArray : FieldMutability::QuasiImmutable)
                               : (it->second.array ? FieldMutability::ImmutableArray : FieldMutability::Immutable);
        }
      }
      fields.push_back({field, r->lowleveltype(), m});
      if (quasi) fields.push_back({"mutate_" + name, rtyper_.types().ptr(rt.gcref), FieldMutability::Mutable});
      info.fields[name] = {name, field, r, false};
      continue;
    }
    // A class-level attribute: stored in the vtable when its value depends on the class.
    const SomeRef& value = attr->value();
    if (is_method_pbc(value)) {
      auto funcs = method_functions(value);
      if (funcs.size() < 2) continue;
      const flow::FunctionGraph* g = nullptr;
      for (auto* f : funcs)
        if (!f->graphs.empty()) {
          g = f->graphs.begin()->second;
          break;
        }
      if (!g) continue;  // never called
      std::string cfield = "m_" + name;
      const FuncType* ft = rtyper_.graph_type(const_cast<flow::FunctionGraph*>(g));
      class_fields.push_back({cfield, rtyper_.types().ptr(ft), FieldMutability::Immutable});
      info.class_fields[name] = {name, cfield, nullptr, true};
      continue;
    }
    if (!value || value->is_constant() || value->is(SomeKind::PBC)) continue;
    Repr* r = rtyper_.getrepr(value);
    if (r->is_void()) continue;
    std::string cfield = "c_" + name;
    class_fields.push_back({cfield, r->lowleveltype(), FieldMutability::Immutable});
    info.class_fields[name] = {name, cfield, r, false};
  }
  if (is_builtin_system_exit(def)) add_system_exit_fields(rtyper_, info, fields);
  // Class attributes read through a class value (`cls.x`) that no instance read placed: they
  // live in the vtable of the root of the hierarchy.
  std::set<std::string> class_reads;
  if (!info.parent)
    for (const ClassDef* sub : def->all_subclasses())
      for (const std::string& name : sub->class_attribute_reads) class_reads.insert(name);
  for (const std::string& name : class_reads) {
    if (info.class_fields.count(name)) continue;
    if (info.parent && find_field(info.parent->classdef, name, nullptr, true)) continue;
    SomeRef all = annotator::s_impossible();
    try {
      for (const ClassDef* sub : def->all_subclasses())
        if (SomeRef v = rtyper_.bookkeeper().class_level_value(const_cast<ClassDef*>(sub), name))
          all = annotator::union_of(all, annotator::without_constant(v));
    } catch (const std::exception&) {
      continue;
    }
    if (all->is(SomeKind::Impossible) || all->is(SomeKind::PBC)) continue;
    Repr* r = rtyper_.getrepr(all);
    if (r->is_void()) continue;
    std::string cfield = "c_" + name;
    class_fields.push_back({cfield, r->lowleveltype(), FieldMutability::Immutable});
    info.class_fields[name] = {name, cfield, r, false};
  }
  StructHints hints;
  if (desc) {
    hints.immutable = desc->immutable;
    if (desc->has_virtualizable && !info.parent) {
      hints.virtualizable = true;
      hints.virtualizable_fields = desc->virtualizable_fields;
    } else if (desc->has_virtualizable && info.parent && info.parent->classdef->desc &&
               !info.parent->classdef->desc->has_virtualizable) {
      hints.virtualizable = true;
      hints.virtualizable_fields = desc->virtualizable_fields;
    }
  }
  try {
    rtyper_.types().define_struct(info.instance_struct, std::move(fields), hints);
    const Struct* parent_vtable = info.parent ? info.parent->vtable_struct : rt.object_vtable;
    if (class_fields.empty()) {
      info.vtable_struct = parent_vtable;
    } else {
      class_fields.insert(class_fields.begin(), {"super", parent_vtable, FieldMutability::Mutable});
      info.vtable_struct = rtyper_.types().make_struct(info.struct_name + "_vtable", false, std::move(class_fields));
    }
  } catch (const TypeError& e) {
    throw RTypeFailure("the class " + def->name + " has no valid low-level layout: " + e.what());
  }
}

void ClassReprs::make_vtable(ClassInfo& info) {
  StaticData& data = rtyper_.static_data();
  StaticObject& vt = data.add(info.vtable_struct, "vtable_" + info.struct_name);
  vt.set_field_in_chain("subclassrange_min", info.id_min);
  vt.set_field_in_chain("subclassrange_max", info.id_max);
  vt.set_field_in_chain("name", static_ref(&data.str(rtyper_.runtime_types().str, short_name(info.classdef->name))));
  info.vtable = &vt;
  data.set_vtable(info.instance_struct, &vt);
}

void ClassReprs::fill_vtables() {
  if (filled_) return;
  filled_ = true;
  for (ClassInfo* c : order_) fill_vtable(*c);
}

void ClassReprs::fill_vtable(ClassInfo& info) {
  // Every class field of this class and its parents, with the value seen from this class.
  for (ClassInfo* owner = &info; owner; owner = owner->parent) {
    for (const auto& [attr, field] : owner->class_fields) {
      const annotator::ClassDesc* where = nullptr;
      const annotator::ClassMember* member = info.classdef->desc ? info.classdef->desc->lookup(attr, &where) : nullptr;
      if (!member) continue;  // an abstract method: the pointer stays null
      if (field.is_method) {
        if (member->kind != annotator::ClassMember::Kind::Function) continue;
        annotator::Desc* d = rtyper_.bookkeeper().desc_for(member->function());
        if (!d || d->kind != annotator::DescKind::Function) continue;
        auto& f = d->as<annotator::FunctionDesc>();
        if (f.graphs.empty()) continue;  // never called on this class
        info.vtable->set_field_in_chain(field.field, flow::GraphRef{f.graphs.begin()->second});
        continue;
      }
      if (member->kind != annotator::ClassMember::Kind::Constant) continue;
      try {
        info.vtable->set_field_in_chain(field.field, field.repr->convert_const(member->object, rtyper_));
      } catch (const RTypeFailure& e) {
        throw RTypeFailure("the class attribute " + info.classdef->name + "." + attr + ": " + e.what());
      }
    }
  }
}

InstanceRepr* ClassReprs::instance_repr(const ClassDef* classdef) {
  std::string key = "instance:" + std::to_string(classdef->serial);
  if (Repr* r = rtyper_.find_repr(key)) return static_cast<InstanceRepr*>(r);
  ClassInfo& i = info(classdef);
  return static_cast<InstanceRepr*>(
      rtyper_.remember(key, std::make_unique<InstanceRepr>(&i, rtyper_.types().ptr(i.instance_struct))));
}

ClassRepr* ClassReprs::class_repr(const ClassDef* classdef) {
  std::string key = "class:" + (classdef ? std::to_string(classdef->serial) : std::string("*"));
  if (Repr* r = rtyper_.find_repr(key)) return static_cast<ClassRepr*>(r);
  ClassInfo* i = classdef ? &info(classdef) : nullptr;
  const Struct* vt = i ? i->vtable_struct : rtyper_.runtime_types().object_vtable;
  if (!vt) throw RTypeFailure("internal error: the vtable of " + classdef->name + " is not laid out yet");
  return static_cast<ClassRepr*>(rtyper_.remember(key, std::make_unique<ClassRepr>(i, rtyper_.types().ptr(vt))));
}

const ClassDef* ClassReprs::classdef_of(const ConstValue& cls) {
  auto* ref = std::get_if<flow::PyObjectRef>(&cls);
  if (!ref) return nullptr;
  annotator::Desc* d = rtyper_.bookkeeper().desc_for(*ref);
  if (!d || d->kind != annotator::DescKind::Class) return nullptr;
  auto& cd = d->as<annotator::ClassDesc>();
  if (!cd.classdef) return nullptr;
  return infos_.count(cd.classdef) ? cd.classdef : nullptr;
}

const StaticObject* ClassReprs::vtable(const ClassDef* classdef) { return info(classdef).vtable; }

// ------------------------------------------------------------------------------------ prebuilt

const StaticObject* ClassReprs::prebuilt_instance(flow::PyObjectRef ref) {
  auto it = prebuilt_.find(ref.id);
  if (it != prebuilt_.end()) return it->second;
  frontend::ObjectTable& table = *rtyper_.context().objects;
  py::object obj = frontend::python_object(table, ref);
  ConstValue cls = frontend::python_constant(table, obj.attr("__class__"));
  const ClassDef* def = classdef_of(cls);
  if (!def) throw RTypeFailure("the prebuilt object " + table.describe(ref) + " is not an instance of a translated class");
  if (rtyper_.bookkeeper().is_system_exit(def))  // its exit status is made at run time (rsystem_exit.h)
    throw RTypeFailure("a prebuilt SystemExit (" + table.describe(ref) +
                       ") is not supported: raise SystemExit(code) or call sys.exit(code) where it is needed");
  ClassInfo& i = info(def);
  StaticObject& o = rtyper_.static_data().add(i.instance_struct, "inst_" + i.struct_name);
  prebuilt_[ref.id] = &o;  // before the fields: instances may refer to each other
  fill_prebuilt(ref, o, def);
  return &o;
}

void ClassReprs::fill_prebuilt(flow::PyObjectRef ref, StaticObject& object, const ClassDef* classdef) {
  frontend::ObjectTable& table = *rtyper_.context().objects;
  py::object obj = frontend::python_object(table, ref);
  py::dict attrs = py::hasattr(obj, "__dict__") ? py::dict(obj.attr("__dict__")) : py::dict();
  ClassInfo& i = info(classdef);
  object.set_field_in_chain("typeptr", static_ref(i.vtable));
  for (ClassInfo* c = &i; c; c = c->parent) {
    for (const auto& [attr, field] : c->fields) {
      ConstValue value;
      if (attrs.contains(attr.c_str())) {
        value = frontend::python_constant(table, attrs[attr.c_str()]);
      } else {
        const annotator::ClassMember* m = classdef->desc ? classdef->desc->lookup(attr) : nullptr;
        if (!m || m->kind != annotator::ClassMember::Kind::Constant) continue;
        value = m->object;
      }
      try {
        object.set_field_in_chain(field.field, field.repr->convert_const(value, rtyper_));
      } catch (const RTypeFailure& e) {
        throw RTypeFailure("the attribute '" + attr + "' of the prebuilt " + table.describe(ref) + ": " + e.what());
      }
    }
  }
}

// ------------------------------------------------------------------------------------ operations

const ClassInfo::Field* ClassReprs::find_field(const ClassDef* classdef, const std::string& attr, ClassInfo** owner,
                                                bool class_level) {
  for (ClassInfo* c = &info(classdef); c; c = c->parent) {
    auto& map = class_level ? c->class_fields : c->fields;
    auto it = map.find(attr);
    if (it != map.end()) {
      if (owner) *owner = c;
      return &it->second;
    }
  }
  return nullptr;
}

Value* ClassReprs::typeptr(LowLevelOps& llops, Value* x) {
  const RuntimeTypes& rt = rtyper_.runtime_types();
  Value* obj = llops.cast_pointer(x, rtyper_.types().ptr(rt.object));
  return llops.genop("getfield", {obj, llops.void_string("typeptr")}, rtyper_.types().ptr(rt.object_vtable));
}

Value* ClassReprs::vtable_as(LowLevelOps& llops, Value* vtable, const ClassInfo& info) {
  return llops.cast_pointer(vtable, rtyper_.types().ptr(info.vtable_struct));
}

Value* ClassReprs::vtable_isinstance(LowLevelOps& llops, Value* vtable, const ClassDef* classdef) {
  ClassInfo& i = info(classdef);
  Value* base = llops.cast_pointer(vtable, rtyper_.types().ptr(rtyper_.runtime_types().object_vtable));
  Value* id = llops.genop("getfield", {base, llops.void_string("subclassrange_min")}, &Signed);
  return llops.genop("int_between", {llops.constant(i.id_min, &Signed), id, llops.constant(i.id_max, &Signed)}, &Bool);
}

namespace {

bool is_virtualizable_access(const ClassInfo& owner, const std::string& attr) {
  const annotator::ClassDesc* d = owner.classdef->desc;
  if (!d || !d->has_virtualizable) return false;
  for (const std::string& f : d->virtualizable_fields) {
    std::string base = f;
    if (base.size() > 3 && base.ends_with("[*]")) base = base.substr(0, base.size() - 3);
    if (base == attr) return true;
  }
  return false;
}

}  // namespace

Value* ClassReprs::getattr(Hop& hop, Value* x, InstanceRepr* repr, const std::string& attr) {
  LowLevelOps& llops = hop.llops;
  const ClassDef* def = repr->info()->classdef;
  ClassInfo* owner = nullptr;
  if (const ClassInfo::Field* f = find_field(def, attr, &owner, false)) {
    Value* p = llops.cast_pointer(x, rtyper_.types().ptr(owner->instance_struct));
    if (is_virtualizable_access(*owner, attr) &&
        !(hop.args_s[0]->is(SomeKind::Instance) && hop.args_s[0]->as<annotator::SomeInstance>().flags.access_directly))
      llops.genop("jit_force_virtualizable", {p, llops.void_string(f->field), llops.void_string("")});
    Value* v = llops.genop("getfield", {p, llops.void_string(f->field)}, f->repr->lowleveltype());
    return llops.convert(v, f->repr, hop.r_result);
  }
  if (const ClassInfo::Field* f = find_field(def, attr, &owner, true); f && !f->is_method) {
    Value* vt = vtable_as(llops, typeptr(llops, x), *owner);
    Value* v = llops.genop("getfield", {vt, llops.void_string(f->field)}, f->repr->lowleveltype());
    return llops.convert(v, f->repr, hop.r_result);
  }
  hop.fail("the attribute '" + attr + "' of " + def->name + " has no low-level storage");
}

void ClassReprs::setattr(Hop& hop, Value* x, InstanceRepr* repr, const std::string& attr, Value* value,
                         Repr* value_repr) {
  LowLevelOps& llops = hop.llops;
  const ClassDef* def = repr->info()->classdef;
  ClassInfo* owner = nullptr;
  const ClassInfo::Field* f = find_field(def, attr, &owner, false);
  if (!f) {
    if (value_repr->is_void()) return;  // an attribute that only ever holds None or a constant
    hop.fail("the attribute '" + attr + "' of " + def->name + " has no low-level storage");
  }
  Value* p = llops.cast_pointer(x, rtyper_.types().ptr(owner->instance_struct));
  Value* v = llops.convert(value, value_repr, f->repr);
  FieldMutability m = owner->instance_struct->mutability_of(f->field);
  if (m == FieldMutability::QuasiImmutable || m == FieldMutability::QuasiImmutableArray)
    llops.genop("jit_force_quasi_immutable", {p, llops.void_string("mutate_" + attr)});
  if (is_virtualizable_access(*owner, attr) &&
      !(hop.args_s[0]->is(SomeKind::Instance) && hop.args_s[0]->as<annotator::SomeInstance>().flags.access_directly))
    llops.genop("jit_force_virtualizable", {p, llops.void_string(f->field), llops.void_string("")});
  llops.genop("setfield", {p, llops.void_string(f->field), v});
}

Value* ClassReprs::new_instance(LowLevelOps& llops, const ClassDef* classdef) {
  ClassInfo& i = info(classdef);
  const Ptr* type = rtyper_.types().ptr(i.instance_struct);
  Value* p = llops.genop("malloc", {llops.type_constant(i.instance_struct), llops.void_string("gc")}, type);
  Value* obj = llops.cast_pointer(p, rtyper_.types().ptr(rtyper_.runtime_types().object));
  llops.genop("setfield", {obj, llops.void_string("typeptr"),
                           llops.static_constant(i.vtable, rtyper_.types().ptr(rtyper_.runtime_types().object_vtable))});
  // Fields whose class defines a default value.
  for (ClassInfo* c = &i; c; c = c->parent) {
    for (const auto& [attr, field] : c->fields) {
      const annotator::ClassMember* m = classdef->desc ? classdef->desc->lookup(attr) : nullptr;
      if (!m || m->kind != annotator::ClassMember::Kind::Constant) continue;
      ConstValue v;
      try {
        v = field.repr->convert_const(m->object, rtyper_);
      } catch (const RTypeFailure& e) {
        throw RTypeFailure("the default " + classdef->name + "." + attr + ": " + e.what());
      }
      Value* part = llops.cast_pointer(p, rtyper_.types().ptr(c->instance_struct));
      llops.genop("setfield", {part, llops.void_string(field.field), llops.constant(v, field.repr->lowleveltype())});
    }
  }
  return p;
}

Value* ClassReprs::method_pointer(LowLevelOps& llops, Value* x, const ClassDef* static_class, const std::string& attr) {
  ClassInfo* owner = nullptr;
  const ClassInfo::Field* f = find_field(static_class, attr, &owner, true);
  if (!f || !f->is_method)
    throw RTypeFailure("internal error: no method pointer '" + attr + "' in the vtable of " + static_class->name);
  Value* vt = vtable_as(llops, typeptr(llops, x), *owner);
  const StructField* sf = owner->vtable_struct->field(f->field);
  return llops.genop("getfield", {vt, llops.void_string(f->field)}, sf->type);
}

flow::FunctionGraph* ClassReprs::instantiate_graph(const ClassDef* classdef) {
  ClassInfo& i = info(classdef);
  if (i.instantiate) return i.instantiate;
  const RuntimeTypes& rt = rtyper_.runtime_types();
  auto g = std::make_unique<flow::FunctionGraph>(i.struct_name + ".instantiate");
  g->startblock = g->new_block({});
  g->returnblock->inputargs[0]->concretetype = rtyper_.types().ptr(rt.object);
  g->exceptblock->inputargs[0]->concretetype = rtyper_.types().ptr(rt.object_vtable);
  g->exceptblock->inputargs[1]->concretetype = rtyper_.types().ptr(rt.object);
  flow::SourceLocation loc = classdef->desc ? classdef->desc->location : flow::SourceLocation{};
  g->location = loc;
  LowLevelOps llops(rtyper_, *g, loc);
  Value* p = new_instance(llops, classdef);
  Value* obj = llops.cast_pointer(p, rtyper_.types().ptr(rt.object));
  g->startblock->operations = std::move(llops.operations());
  g->startblock->add_exit(g->returnblock, {obj});
  i.instantiate = rtyper_.add_graph(std::move(g));
  i.vtable->set_field_in_chain("instantiate", flow::GraphRef{i.instantiate});
  return i.instantiate;
}

}  // namespace rpp::rtyper
