// The bookkeeper: descriptions, class definitions, attribute placement and constants.
#include "annotator/bookkeeper.h"

#include <algorithm>

#include "annotator/python_objects.h"
#include "annotator/union.h"

namespace rpp::annotator {

Bookkeeper::Bookkeeper(FlowObserver* observer)
    : observer_(observer), containers_(observer), system_exit_code_(observer) {}

Bookkeeper::~Bookkeeper() = default;

const ClassMember* ClassDesc::lookup(const std::string& attr, const ClassDesc** owner) const {
  for (const ClassDesc* c = this; c; c = c->base) {
    auto it = c->members.find(attr);
    if (it != c->members.end()) {
      if (owner) *owner = c;
      return &it->second;
    }
  }
  return nullptr;
}

MethodDesc::MethodDesc(uint32_t serial, FunctionDesc* func, ClassDef* origin,
                       ClassDef* selfclassdef, std::string attr_name, InstanceFlags flags,
                       bool classmethod)
    : Desc(DescKind::Method, serial, func->name),
      func(func),
      origin(origin),
      selfclassdef(selfclassdef),
      attr_name(std::move(attr_name)),
      flags(flags),
      classmethod(classmethod) {}

Desc* Bookkeeper::desc_for(flow::PyObjectRef ref) {
  auto it = desc_by_object_.find(ref.id);
  if (it != desc_by_object_.end()) return it->second;
  if (!python_) return nullptr;
  Desc* d = python_->make_desc(ref);
  if (d) desc_by_object_[ref.id] = d;
  return d;
}

MethodDesc* Bookkeeper::method_desc(FunctionDesc* func, ClassDef* origin, ClassDef* selfclassdef,
                                    const std::string& attr_name, InstanceFlags flags,
                                    bool classmethod) {
  auto key = std::make_tuple(func, origin, selfclassdef, attr_name, flags.access_directly,
                             flags.fresh_virtualizable, classmethod);
  auto it = method_descs_.find(key);
  if (it != method_descs_.end()) return it->second;
  MethodDesc* m = make_desc<MethodDesc>(next_serial(), func, origin, selfclassdef, attr_name,
                                        flags, classmethod);
  method_descs_[key] = m;
  return m;
}

MethodOfFrozenDesc* Bookkeeper::method_of_frozen(FunctionDesc* func, Desc* receiver) {
  auto key = std::make_pair(func, receiver);
  auto it = frozen_methods_.find(key);
  if (it != frozen_methods_.end()) return it->second;
  auto* m = make_desc<MethodOfFrozenDesc>(next_serial(), receiver->name + "." + func->name, func,
                                          receiver);
  frozen_methods_[key] = m;
  return m;
}

ClassDef* Bookkeeper::classdef_for(ClassDesc* desc) {
  if (desc->classdef) return desc->classdef;
  ClassDef* base = desc->base ? classdef_for(desc->base) : nullptr;
  auto def = std::make_unique<ClassDef>(desc->name, base, next_serial(), desc);
  ClassDef* raw = def.get();
  classdefs_.push_back(std::move(def));
  desc->classdef = raw;
  new_subclass_sources(raw);
  if (python_) python_->classdef_created(raw);
  return raw;
}

ClassDef* Bookkeeper::builtin_exception(const std::string& name) {
  auto it = builtin_exceptions_.find(name);
  if (it != builtin_exceptions_.end()) return it->second;
  ClassDef* def = nullptr;
  if (python_) {
    ClassDesc* d = python_->builtin_exception_desc(name);
    if (d) def = classdef_for(d);
  }
  if (!def) {
    ClassDesc* d = make_desc<ClassDesc>(DescKind::Class, next_serial(), name);
    d->is_builtin_exception = true;
    def = classdef_for(d);
  }
  builtin_exceptions_[name] = def;
  return def;
}

bool Bookkeeper::is_exception_class(const ClassDef* cls) const {
  for (const ClassDef* c = cls; c; c = c->basedef)
    if (c->desc && c->desc->is_builtin_exception) return true;
  return false;
}

bool Bookkeeper::is_system_exit(const ClassDef* cls) const { return cls && cls->builtin_base("SystemExit"); }

void Bookkeeper::record_system_exit(const SomeRef& code, const std::string& what) {
  if (!(code->is_integer() && !code->is(SomeKind::Bool)) && !code->is(SomeKind::None) && !code->is_str())
    throw AnnotatorFailure(what + " needs an int exit code, a message (a str) or None, not " + code->repr());
  builtin_exception("SystemExit")->instantiated = true;
  system_exit_code_.add(code);
}

void Bookkeeper::record_exception_args(ClassDef* cls, const SomeRef& item) {
  SomeRef list = new_list(item);
  write_attribute(cls, "args", list);
}

// ---- attributes ----

namespace {

bool defines(const ClassDef* c, const std::string& name) {
  return c->desc && c->desc->members.count(name);
}

}  // namespace

SomeRef Bookkeeper::member_value(ClassDef* owner, const std::string& name) {
  const ClassMember& m = owner->desc->members.at(name);
  switch (m.kind) {
    case ClassMember::Kind::Function:
    case ClassMember::Kind::ClassMethod: {
      Desc* d = desc_for(m.function());
      if (!d || d->kind != DescKind::Function) return immutable_value(m.object);
      auto* f = &d->as<FunctionDesc>();
      return std::make_shared<SomePBC>(std::vector<const Desc*>{method_desc(
          f, owner, nullptr, name, {}, m.kind == ClassMember::Kind::ClassMethod)});
    }
    case ClassMember::Kind::StaticMethod:
    case ClassMember::Kind::Constant:
      return immutable_value(m.object);
    case ClassMember::Kind::Property:
      return nullptr;  // read through the getter (attribute rules)
  }
  return nullptr;
}

void Bookkeeper::add_class_sources(Attribute& attr, ClassDef* home) {
  for (const ClassDef* c : home->mro()) {
    if (defines(c, attr.name)) {
      if (SomeRef v = member_value(const_cast<ClassDef*>(c), attr.name)) attr.generalize(v);
      break;
    }
  }
  for (const ClassDef* sub : home->all_subclasses()) {
    if (sub == home || !defines(sub, attr.name)) continue;
    if (SomeRef v = member_value(const_cast<ClassDef*>(sub), attr.name)) attr.generalize(v);
  }
}

void Bookkeeper::new_subclass_sources(ClassDef* cls) {
  if (!cls->desc) return;
  for (const ClassDef* c = cls->basedef; c; c = c->basedef) {
    for (auto& [name, attr] : c->attrs) {
      if (defines(cls, name))
        if (SomeRef v = member_value(cls, name)) attr->generalize(v);
    }
  }
}

Attribute* Bookkeeper::locate_attribute(ClassDef* cls, const std::string& name) {
  if (Attribute* a = cls->find_attribute(name)) return a;
  auto attr = std::make_unique<Attribute>(observer_, name, cls);
  Attribute* raw = attr.get();
  std::vector<std::unique_ptr<Attribute>> absorbed;
  for (const ClassDef* sub : cls->all_subclasses()) {
    if (sub == cls) continue;
    auto* s = const_cast<ClassDef*>(sub);
    auto it = s->attrs.find(name);
    if (it == s->attrs.end()) continue;
    absorbed.push_back(std::move(it->second));
    s->attrs.erase(it);
  }
  cls->attrs[name] = std::move(attr);
  for (auto& old : absorbed) {
    raw->generalize(old->value());
    raw->absorb(*old);
    raw->readonly = raw->readonly && old->readonly;
    raw->assigned = raw->assigned || old->assigned;
  }
  add_class_sources(*raw, cls);
  if (!absorbed.empty()) raw->notify_readers();
  return raw;
}

SomeRef Bookkeeper::class_level_value(ClassDef* cls, const std::string& name) {
  for (const ClassDef* c : cls->mro())
    if (defines(c, name)) return member_value(const_cast<ClassDef*>(c), name);
  return nullptr;
}

SomeRef Bookkeeper::bind_methods(ClassDef* cls, const SomeRef& value, const std::string& name,
                                 InstanceFlags flags) {
  if (!value->is(SomeKind::PBC)) return value;
  const auto& pbc = value->as<SomePBC>();
  std::vector<const Desc*> out;
  const MethodDesc* best_up = nullptr;
  bool any_method = false;
  for (const Desc* d : pbc.descs()) {
    if (d->kind != DescKind::Method || d->as<MethodDesc>().selfclassdef) {
      out.push_back(d);
      continue;
    }
    any_method = true;
    const auto& m = d->as<MethodDesc>();
    if (m.origin != cls && m.origin->issubclass(cls)) {
      out.push_back(method_desc(m.func, m.origin, m.origin, name, flags, m.classmethod));
    } else if (cls->issubclass(m.origin)) {
      if (!best_up || m.origin->issubclass(best_up->origin)) best_up = &m;
    }
  }
  if (best_up)
    out.push_back(method_desc(best_up->func, best_up->origin, cls, name, flags, best_up->classmethod));
  (void)any_method;
  if (out.empty()) return pbc.can_be_none() ? s_none() : s_impossible();
  return std::make_shared<SomePBC>(std::move(out), pbc.can_be_none());
}

SomeRef Bookkeeper::read_attribute(ClassDef* cls, const std::string& name, InstanceFlags flags,
                                   const Position& position) {
  Attribute* attr = locate_attribute(cls, name);
  SomeRef s = attr->read(position);
  if (s->is(SomeKind::PBC)) s = bind_methods(cls, s, name, flags);
  if (s->is(SomeKind::List)) {
    for (const ClassDef* c : cls->mro()) {
      if (!c->desc) continue;
      auto it = c->desc->immutable_fields.find(name);
      if (it != c->desc->immutable_fields.end() && it->second.array) {
        s->as<SomeList>().listdef->mark_immutable();
        break;
      }
    }
  }
  return s;
}

void Bookkeeper::write_attribute(ClassDef* cls, const std::string& name, const SomeRef& value) {
  Attribute* attr = locate_attribute(cls, name);
  attr->readonly = false;
  attr->assigned = true;
  attr->generalize(value);
}

// ---- values ----

SomeRef Bookkeeper::fresh_list(SomeRef item, bool mutated, bool resized) {
  return std::make_shared<SomeList>(containers_.new_list(std::move(item), mutated, resized));
}

SomeRef Bookkeeper::fresh_dict(SomeRef key, SomeRef value, bool r_dict) {
  return std::make_shared<SomeDict>(containers_.new_dict(std::move(key), std::move(value), r_dict));
}

void** Bookkeeper::made_slot() {
  Position p = observer_ ? observer_->current_position() : Position{};
  if (!p.valid()) return nullptr;
  made_rank_ = operation_started_ ? 0 : made_rank_ + 1;
  operation_started_ = false;
  auto& slots = made_at_[p];
  if (slots.size() <= made_rank_) slots.resize(made_rank_ + 1, nullptr);
  return &slots[made_rank_];
}

SomeRef Bookkeeper::new_list(SomeRef item, bool mutated, bool resized) {
  void** slot = made_slot();
  if (!slot) return fresh_list(std::move(item), mutated, resized);
  if (!*slot) {
    *slot = containers_.new_list(std::move(item), mutated, resized);
    return std::make_shared<SomeList>(static_cast<ListDef*>(*slot));
  }
  auto* def = static_cast<ListDef*>(*slot);
  def->generalize(item);
  if (resized) def->resize();
  else if (mutated) def->mutate();
  return std::make_shared<SomeList>(def);
}

SomeRef Bookkeeper::new_dict(SomeRef key, SomeRef value, bool r_dict) {
  void** slot = made_slot();
  if (!slot) return fresh_dict(std::move(key), std::move(value), r_dict);
  if (!*slot) {
    *slot = containers_.new_dict(std::move(key), std::move(value), r_dict);
    return std::make_shared<SomeDict>(static_cast<DictDef*>(*slot));
  }
  auto* def = static_cast<DictDef*>(*slot);
  def->generalize_key(key);
  def->generalize_value(value);
  return std::make_shared<SomeDict>(def);
}

SomeRef Bookkeeper::immutable_value(const flow::ConstValue& value) {
  struct Visitor {
    Bookkeeper& bk;
    SomeRef operator()(const flow::NoneValue&) const { return s_none(); }
    SomeRef operator()(bool b) const { return const_bool(b); }
    SomeRef operator()(int64_t i) const { return const_int(i); }
    SomeRef operator()(uint64_t u) const {
      auto s = std::make_shared<SomeInteger>(true, IntType::Unsigned);
      s->set_constant(u);
      return s;
    }
    SomeRef operator()(double d) const { return const_float(d); }
    SomeRef operator()(const std::string& s) const { return const_str(s); }
    SomeRef operator()(const flow::Bytes& b) const { return const_bytes(b.data); }
    SomeRef operator()(const flow::PyObjectRef& r) const {
      if (!bk.python_) throw AnnotatorFailure("internal error: a Python object without PythonObjects");
      return bk.python_->immutable_value(r);
    }
    SomeRef operator()(const flow::GraphRef&) const {
      throw AnnotatorFailure("internal error: a graph constant in a flow graph");
    }
    SomeRef operator()(const flow::LastExceptionMarker&) const { return marker(); }
    SomeRef operator()(const flow::DefaultCase&) const { return marker(); }
    SomeRef operator()(const std::shared_ptr<const flow::ConstPayload>&) const { return marker(); }
    static SomeRef marker() {
      static const SomeRef s = std::make_shared<SomeBuiltin>("<marker>");
      return s;
    }
  };
  return std::visit(Visitor{*this}, value);
}

}  // namespace rpp::annotator
