// Interning and validation of low-level types (type_arena.h).
#include "rtyper/lltype/type_arena.h"

namespace rpp::lltype {

const Ptr* TypeArena::ptr(const ContainerType* to) {
  auto it = ptrs_.find(to);
  if (it != ptrs_.end()) return it->second;
  auto owned = std::make_unique<Ptr>(to);
  const Ptr* p = owned.get();
  owned_.push_back(std::move(owned));
  ptrs_.emplace(to, p);
  return p;
}

const Array* TypeArena::array(const LowLevelType* item, bool gc, ArrayHints hints) {
  if (item->kind() == TypeKind::Struct && as<Struct>(item)->is_gc())
    throw TypeError("an array cannot hold a GcStruct inline (use a Ptr)");
  if (item->is_container() && item->is_gc())
    throw TypeError("an array cannot hold a GC container inline (use a Ptr)");
  if (auto* s = as<Struct>(item); s && s->defined() && s->is_varsize())
    throw TypeError("array items cannot be var-sized");
  if (item->kind() == TypeKind::Array || item->kind() == TypeKind::Func || item->kind() == TypeKind::Opaque)
    throw TypeError("array items must be primitives, pointers or structs");
  if (gc && hints.nolength) throw TypeError("a GcArray always has a length");
  auto key = std::make_tuple(item, gc, hints.immutable, hints.nolength);
  auto it = arrays_.find(key);
  if (it != arrays_.end()) return it->second;
  auto owned = std::make_unique<Array>(item, gc, hints);
  const Array* a = owned.get();
  owned_.push_back(std::move(owned));
  arrays_.emplace(key, a);
  return a;
}

const FuncType* TypeArena::func(std::vector<const LowLevelType*> args, const LowLevelType* result) {
  for (auto* a : args)
    if (a->is_container()) throw TypeError("function arguments must be primitives or pointers");
  if (result->is_container()) throw TypeError("a function result must be a primitive or a pointer");
  std::vector<const LowLevelType*> key = args;
  key.push_back(result);
  auto it = funcs_.find(key);
  if (it != funcs_.end()) return it->second;
  auto owned = std::make_unique<FuncType>(std::move(args), result);
  const FuncType* f = owned.get();
  owned_.push_back(std::move(owned));
  funcs_.emplace(std::move(key), f);
  return f;
}

const OpaqueType* TypeArena::opaque(const std::string& name, bool gc) {
  auto it = named_.find(name);
  if (it != named_.end()) {
    auto* o = as<OpaqueType>(it->second);
    if (!o) throw TypeError("'" + name + "' is already a struct");
    if (o->is_gc() != gc) throw TypeError("opaque type '" + name + "' is declared both GC and not GC");
    return o;
  }
  auto owned = std::make_unique<OpaqueType>(name, gc);
  OpaqueType* o = owned.get();
  owned_.push_back(std::move(owned));
  named_.emplace(name, o);
  named_order_.push_back(o);
  return o;
}

Struct* TypeArena::declare_struct(const std::string& name, bool gc) {
  if (name.empty()) throw TypeError("a struct needs a name");
  if (primitive_named(name)) throw TypeError("'" + name + "' is a primitive type");
  auto it = named_.find(name);
  if (it != named_.end()) {
    auto* s = dynamic_cast<Struct*>(it->second);
    if (!s) throw TypeError("'" + name + "' is already an opaque type");
    if (s->is_gc() != gc)
      throw TypeError("struct '" + name + "' is declared both as a GcStruct and as a Struct");
    return s;
  }
  auto owned = std::make_unique<Struct>(name, gc);
  Struct* s = owned.get();
  owned_.push_back(std::move(owned));
  named_.emplace(name, s);
  named_order_.push_back(s);
  return s;
}

namespace {

void check_field(const Struct* s, const StructField& f, size_t index, size_t count) {
  const std::string where = "field '" + f.name + "' of " + s->name();
  const LowLevelType* t = f.type;
  bool first = index == 0, last = index + 1 == count;
  if (t->kind() == TypeKind::Func) throw TypeError(where + ": a function type cannot be inlined (use a Ptr)");
  if (auto* inner = as<Struct>(t)) {
    if (inner == s) throw TypeError(where + ": a struct cannot contain itself");
    if (!inner->defined()) throw TypeError(where + ": struct " + inner->name() + " is not defined before it is inlined");
    if (inner->is_gc()) {
      if (!s->is_gc() || !first)
        throw TypeError(where + ": a GcStruct can only be inlined as the first field of a GcStruct (its parent)");
    }
    if (inner->is_varsize() && !last) throw TypeError(where + ": a var-sized struct must be the last field");
  } else if (auto* a = as<Array>(t)) {
    if (a->is_gc()) throw TypeError(where + ": a GcArray cannot be inlined (use a Ptr)");
    if (!last) throw TypeError(where + ": an inlined array must be the last field");
  } else if (auto* o = as<OpaqueType>(t)) {
    if (o->is_gc()) throw TypeError(where + ": a GC opaque type cannot be inlined (use a Ptr)");
  }
  if (f.mutability == FieldMutability::ImmutableArray || f.mutability == FieldMutability::QuasiImmutableArray) {
    auto* p = as<Ptr>(t);
    if (!p || !as<Array>(p->to())) throw TypeError(where + ": `[*]` needs a pointer to an array");
  }
}

}  // namespace

const Struct* TypeArena::define_struct(Struct* s, std::vector<StructField> fields, StructHints hints) {
  if (s->defined_) {
    if (s->fields_ == fields && s->hints_ == hints) return s;
    throw TypeError("struct '" + s->name() + "' is defined twice, differently");
  }
  for (size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].name.empty()) throw TypeError("a field of " + s->name() + " has no name");
    for (size_t j = 0; j < i; ++j)
      if (fields[j].name == fields[i].name)
        throw TypeError("field '" + fields[i].name + "' of " + s->name() + " is defined twice", int(i));
    try {
      check_field(s, fields[i], i, fields.size());
    } catch (const TypeError& e) {
      throw TypeError(e.what(), int(i));
    }
  }
  auto has_field = [&](const std::string& name) {
    for (const StructField& f : fields)
      if (f.name == name) return true;
    const Struct* parent = fields.empty() ? nullptr : as<Struct>(fields.front().type);
    for (const Struct* t = parent; t; t = t->parent())
      if (t->field(name)) return true;
    return false;
  };
  for (const std::string& v : hints.virtualizable_fields) {
    std::string base = v.ends_with("[*]") ? v.substr(0, v.size() - 3) : v;
    if (!has_field(base)) throw TypeError("virtualizable field '" + v + "' is not a field of " + s->name());
  }
  s->fields_ = std::move(fields);
  s->hints_ = std::move(hints);
  s->defined_ = true;
  return s;
}

const Struct* TypeArena::make_struct(const std::string& name, bool gc, std::vector<StructField> fields,
                                     StructHints hints) {
  return define_struct(declare_struct(name, gc), std::move(fields), std::move(hints));
}

const Struct* TypeArena::find_struct(const std::string& name) const {
  auto it = named_.find(name);
  return it == named_.end() ? nullptr : as<Struct>(it->second);
}

const ContainerType* TypeArena::find_named(const std::string& name) const {
  auto it = named_.find(name);
  return it == named_.end() ? nullptr : it->second;
}

}  // namespace rpp::lltype
