// ClassDef: what the annotator knows about a user class — its place in the single-inheritance
// hierarchy (mixins are copied in, not inherited) and, as the program is annotated, the
// attributes its instances really use (see attribute.h). One ClassDef per class that is
// instantiated or whose instances are seen; `serial` orders them deterministically.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace rpp::annotator {

class ClassDesc;

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

  bool issubclass(const ClassDef* other) const;
  // The most derived class both are subclasses of, or nullptr (no common base).
  const ClassDef* commonbase(const ClassDef* other) const;
  // This class and its bases, most derived first.
  std::vector<const ClassDef*> mro() const;
  // This class and all its subclasses, breadth-first in creation order.
  std::vector<const ClassDef*> all_subclasses() const;
};

}  // namespace rpp::annotator
