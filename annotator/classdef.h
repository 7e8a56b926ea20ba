// ClassDef: what the annotator knows about a user class — its place in the single-inheritance
// hierarchy (mixins are copied in, not inherited) and the attributes its instances really use.
// One ClassDef per class that is instantiated, seen as a prebuilt instance, or a base of one;
// `serial` orders them deterministically.
//
// An Attribute lives on the most general class where it is read or written (RPython's rule):
// reading `x.a` with x: SomeInstance(C) uses the Attribute found in C or a base; when there is
// none, a new one is made at C, absorbing those of C's subclasses (whose readers are re-flowed).
// Its value is the union of everything written to it, of the class-level constants of that name
// in the classes it may be read from, and of the prebuilt instances' values.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "annotator/item_cell.h"

namespace rpp::annotator {

class ClassDesc;
class ClassDef;

class Attribute : public ItemCell {
 public:
  Attribute(FlowObserver* observer, std::string name, ClassDef* home)
      : ItemCell(observer, s_impossible()), name(std::move(name)), home(home) {}
  const std::string name;
  ClassDef* home;
  // Never assigned on an instance: only class-level constants (methods, class constants).
  bool readonly = true;
  // Assigned somewhere (setattr or a prebuilt instance), for "no class defines it" errors.
  bool assigned = false;
};

class ClassDef {
 public:
  ClassDef(std::string name, ClassDef* basedef, uint32_t serial, ClassDesc* desc = nullptr);
  ClassDef(const ClassDef&) = delete;
  ClassDef& operator=(const ClassDef&) = delete;

  const std::string name;  // the class's qualified name
  ClassDef* const basedef;
  const uint32_t serial;
  ClassDesc* const desc;
  const int depth;  // 0 for a root class
  std::vector<ClassDef*> subdefs;

  // The attributes that live at this class (see the rule above), by name.
  std::map<std::string, std::unique_ptr<Attribute>> attrs;
  // Names read through the class itself (`cls.x` on a variable holding classes).
  std::set<std::string> class_attribute_reads;
  bool instantiated = false;  // some code creates instances of exactly this class

  bool issubclass(const ClassDef* other) const;
  // The most derived class both are subclasses of, or nullptr (no common base).
  const ClassDef* commonbase(const ClassDef* other) const;
  // This class and its bases, most derived first.
  std::vector<const ClassDef*> mro() const;
  // This class and all its subclasses, breadth-first in creation order.
  std::vector<const ClassDef*> all_subclasses() const;
  // This class or its nearest base that is the builtin exception `name` (SystemExit, KeyError...),
  // or nullptr: a user class of the same name does not count.
  const ClassDef* builtin_base(const std::string& name) const;
  // The Attribute for `name` here or in a base, or nullptr.
  Attribute* find_attribute(const std::string& name) const;
  // Every attribute visible on instances of this class (here and in the bases), by name.
  std::map<std::string, const Attribute*> all_attributes() const;
};

}  // namespace rpp::annotator
