// ClassDef: subclass tests, common bases and attribute lookup.
#include "annotator/classdef.h"

#include "annotator/description.h"

namespace rpp::annotator {

ClassDef::ClassDef(std::string name, ClassDef* basedef, uint32_t serial, ClassDesc* desc)
    : name(std::move(name)),
      basedef(basedef),
      serial(serial),
      desc(desc),
      depth(basedef ? basedef->depth + 1 : 0) {
  if (basedef) basedef->subdefs.push_back(this);
}

bool ClassDef::issubclass(const ClassDef* other) const {
  if (!other) return false;
  const ClassDef* c = this;
  while (c && c->depth > other->depth) c = c->basedef;
  return c == other;
}

const ClassDef* ClassDef::commonbase(const ClassDef* other) const {
  const ClassDef* a = this;
  const ClassDef* b = other;
  if (!b) return nullptr;
  while (a && a->depth > b->depth) a = a->basedef;
  while (b && b->depth > a->depth) b = b->basedef;
  while (a && b && a != b) {
    a = a->basedef;
    b = b->basedef;
  }
  return a == b ? a : nullptr;
}

std::vector<const ClassDef*> ClassDef::mro() const {
  std::vector<const ClassDef*> out;
  for (const ClassDef* c = this; c; c = c->basedef) out.push_back(c);
  return out;
}

std::vector<const ClassDef*> ClassDef::all_subclasses() const {
  std::vector<const ClassDef*> out{this};
  for (size_t i = 0; i < out.size(); ++i)
    for (const ClassDef* s : out[i]->subdefs) out.push_back(s);
  return out;
}

const ClassDef* ClassDef::builtin_base(const std::string& builtin) const {
  for (const ClassDef* c = this; c; c = c->basedef)
    if (c->name == builtin && c->desc && c->desc->is_builtin_exception) return c;
  return nullptr;
}

Attribute* ClassDef::find_attribute(const std::string& attr) const {
  for (const ClassDef* c = this; c; c = c->basedef) {
    auto it = c->attrs.find(attr);
    if (it != c->attrs.end()) return it->second.get();
  }
  return nullptr;
}

std::map<std::string, const Attribute*> ClassDef::all_attributes() const {
  std::map<std::string, const Attribute*> out;
  for (const ClassDef* c = this; c; c = c->basedef)
    for (const auto& [n, a] : c->attrs) out.emplace(n, a.get());
  return out;
}

}  // namespace rpp::annotator
