// Static data: prebuilt objects and pointers to them (static_data.h).
#include "rtyper/lltype/static_data.h"

namespace rpp::lltype {

void StaticObject::init_slots(int64_t length) {
  if (auto* s = as<Struct>(type_)) {
    slots_.resize(s->fields().size());
    return;
  }
  if (as<Array>(type_)) slots_.resize(size_t(length < 0 ? 0 : length));
}

size_t StaticObject::field_index(const std::string& name) const {
  auto* s = as<Struct>(type_);
  if (!s) throw TypeError(name_ + " is not a struct");
  for (size_t i = 0; i < s->fields().size(); ++i)
    if (s->fields()[i].name == name) return i;
  throw TypeError(s->name() + " has no field '" + name + "'");
}

const flow::ConstValue& StaticObject::field(const std::string& name) const {
  return slots_[field_index(name)].value;
}

void StaticObject::set_field(const std::string& name, flow::ConstValue value) {
  size_t i = field_index(name);
  if (as<Struct>(type_)->fields()[i].type->is_container())
    throw TypeError("field '" + name + "' of " + name_ + " is inlined: set it through inlined()");
  slots_[i].value = std::move(value);
}

StaticObject* StaticObject::make_child(const ContainerType* type, const std::string& name, int64_t length) {
  auto child = std::make_unique<StaticObject>(type, name_ + "." + name);
  child->init_slots(length);
  StaticObject* raw = child.get();
  slots_[field_index(name)].inlined = std::move(child);
  return raw;
}

StaticObject& StaticObject::inlined(const std::string& name, int64_t length) {
  size_t i = field_index(name);
  if (slots_[i].inlined) return *slots_[i].inlined;
  auto* t = dynamic_cast<const ContainerType*>(as<Struct>(type_)->fields()[i].type);
  if (!t) throw TypeError("field '" + name + "' of " + name_ + " is not inlined");
  return *make_child(t, name, length);
}

const StaticObject* StaticObject::inlined_if_any(const std::string& name) const {
  return slots_[field_index(name)].inlined.get();
}

void StaticObject::set_field_in_chain(const std::string& name, flow::ConstValue value) {
  for (StaticObject* o = this;;) {
    auto* s = as<Struct>(o->type_);
    if (s->field(name)) return o->set_field(name, std::move(value));
    const Struct* parent = s->parent();
    if (!parent) throw TypeError(as<Struct>(type_)->name() + " has no field '" + name + "' (nor its parents)");
    o = &o->inlined(s->fields()[0].name);
  }
}

void StaticObject::set_item(size_t index, flow::ConstValue value) {
  if (index >= slots_.size()) throw TypeError("item " + std::to_string(index) + " of " + name_ + " is out of range");
  slots_[index].value = std::move(value);
}

StaticObject& StaticObject::inlined_item(size_t index) {
  auto* a = as<Array>(type_);
  if (!a) throw TypeError(name_ + " is not an array");
  if (index >= slots_.size()) throw TypeError("item " + std::to_string(index) + " of " + name_ + " is out of range");
  auto* item = dynamic_cast<const Struct*>(a->item());
  if (!item) throw TypeError("the items of " + name_ + " are not inlined structs");
  if (!slots_[index].inlined) {
    slots_[index].inlined = std::make_unique<StaticObject>(item, name_ + "[" + std::to_string(index) + "]");
    slots_[index].inlined->init_slots(0);
  }
  return *slots_[index].inlined;
}

bool StaticRef::equals(const flow::ConstPayload& other) const {
  auto* o = dynamic_cast<const StaticRef*>(&other);
  return o && o->object_ == object_;
}

const StaticObject* static_object_of(const flow::ConstValue& v) {
  auto* p = std::get_if<std::shared_ptr<const flow::ConstPayload>>(&v);
  if (!p) return nullptr;
  auto* r = dynamic_cast<const StaticRef*>(p->get());
  return r ? r->object() : nullptr;
}

const StaticObject* static_object_of(const flow::Constant* c) { return c ? static_object_of(c->value) : nullptr; }

flow::ConstValue static_ref(const StaticObject* object) {
  return std::shared_ptr<const flow::ConstPayload>(std::make_shared<StaticRef>(object));
}

StaticObject& StaticData::add(const ContainerType* type, const std::string& name, int64_t length) {
  std::string unique = name;
  for (int n = 2; by_name_.count(unique); ++n) unique = name + "_" + std::to_string(n);
  auto obj = std::make_unique<StaticObject>(type, unique);
  obj->init_slots(length);
  StaticObject* raw = obj.get();
  objects_.push_back(std::move(obj));
  by_name_[unique] = raw;
  return *raw;
}

StaticObject& StaticData::str(const Struct* str_type, const std::string& utf8) {
  std::u32string text = utf8_to_code_points(utf8);
  auto it = strings_.find(text);
  if (it != strings_.end()) return *it->second;
  StaticObject& s = add(str_type, "str" + std::to_string(strings_.size()));
  s.text_ = text;
  strings_[text] = &s;
  return s;
}

StaticObject& StaticData::bytes(const Struct* bytes_type, const std::string& data) {
  auto it = bytes_.find(data);
  if (it != bytes_.end()) return *it->second;
  StaticObject& s = add(bytes_type, "bytes" + std::to_string(bytes_.size()));
  std::u32string text;
  for (char c : data) text += char32_t(uint8_t(c));
  s.text_ = text;
  bytes_[data] = &s;
  return s;
}

const StaticObject* StaticData::vtable_of(const Struct* instance) const {
  auto it = vtables_.find(instance);
  return it == vtables_.end() ? nullptr : it->second;
}

const StaticObject* StaticData::operation_exception(const std::string& key) const {
  auto it = operation_exceptions_.find(key);
  return it == operation_exceptions_.end() ? nullptr : it->second;
}

const StaticObject* StaticData::find(const std::string& name) const {
  auto it = by_name_.find(name);
  return it == by_name_.end() ? nullptr : it->second;
}

std::u32string utf8_to_code_points(const std::string& utf8) {
  std::u32string out;
  const auto* s = reinterpret_cast<const unsigned char*>(utf8.data());
  size_t n = utf8.size();
  for (size_t i = 0; i < n;) {
    unsigned char c = s[i];
    int extra = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : -1;
    if (extra < 0) {
      out.push_back(c);
      ++i;
      continue;
    }
    char32_t cp = extra == 0 ? c : c & (0x3F >> extra);
    bool ok = true;
    for (int k = 1; k <= extra; ++k) {
      if (i + k >= n || (s[i + k] & 0xC0) != 0x80) {
        ok = false;
        break;
      }
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    if (!ok) {
      out.push_back(c);
      ++i;
      continue;
    }
    out.push_back(cp);
    i += size_t(extra) + 1;
  }
  return out;
}

}  // namespace rpp::lltype
