// The read/write effects of operations and helpers (effects.h).
#include "translator/backendopt/analyzers/effects.h"

#include <optional>

#include "rtyper/lltype/lltype.h"
#include "translator/ll/ll_typecheck.h"

namespace rpp::analyzers {

using namespace lltype;

std::string Effect::to_string() const {
  if (member.starts_with("[")) return container + member;
  return container + "." + member;
}

std::string Effects::to_string() const {
  if (random) return "random";
  auto list = [](const std::set<Effect>& effects) {
    std::string s = "{";
    bool first = true;
    for (const Effect& e : effects) {
      s += (first ? "" : ", ") + e.to_string();
      first = false;
    }
    return s + "}";
  };
  return "reads " + list(reads) + " writes " + list(writes);
}

bool EffectsDomain::join(Result& into, const Result& other) const {
  if (into.random) return false;
  if (other.random) {
    into = top();
    return true;
  }
  size_t before = into.reads.size() + into.writes.size();
  into.reads.insert(other.reads.begin(), other.reads.end());
  into.writes.insert(other.writes.begin(), other.writes.end());
  return into.reads.size() + into.writes.size() != before;
}

namespace {

const std::string* field_name(const flow::Value* v) {
  auto* c = dynamic_cast<const flow::Constant*>(v);
  return c ? std::get_if<std::string>(&c->value) : nullptr;
}

bool immutable(FieldMutability m) { return m == FieldMutability::Immutable || m == FieldMutability::ImmutableArray; }

// The effect of reaching the end of an interior path (getinteriorfield & co.), and whether
// what it reads is immutable.
std::optional<Effect> interior_effect(const LowLevelType* container, const std::vector<flow::Value*>& path,
                                      bool& is_immutable) {
  const LowLevelType* t = container;
  const Array* last_array = nullptr;
  std::optional<Effect> effect;
  is_immutable = false;
  for (flow::Value* step : path) {
    if (auto* s = as<Struct>(t)) {
      const std::string* name = field_name(step);
      const StructField* f = name ? s->field(*name) : nullptr;
      if (!f) return std::nullopt;
      if (last_array) effect = Effect{last_array->to_string(), "[*]." + f->name};
      else effect = Effect{s->name(), f->name};
      is_immutable = immutable(s->mutability_of(f->name)) || (last_array && last_array->hints().immutable);
      t = f->type;
    } else if (auto* a = as<Array>(t)) {
      last_array = a;
      effect = Effect{a->to_string(), "[*]"};
      is_immutable = a->hints().immutable;
      t = a->item();
    } else {
      return std::nullopt;
    }
  }
  return effect;
}

}  // namespace

Effects EffectsDomain::operation(const flow::Operation& op) const {
  Effects e;
  const std::string& name = op.opname;
  if (op.args.empty()) return e;
  const LowLevelType* target = op.args[0]->concretetype;
  if (name == "getfield" || name == "setfield" || name == "bare_setfield") {
    auto* s = pointee<Struct>(target);
    const std::string* f = op.args.size() > 1 ? field_name(op.args[1]) : nullptr;
    if (!s || !f) return top();
    Effect effect{s->name(), *f};
    if (name == "getfield") {
      if (!immutable(s->mutability_of(*f))) e.reads.insert(effect);
    } else {
      e.writes.insert(effect);
    }
  } else if (name == "getarrayitem" || name == "setarrayitem" || name == "bare_setarrayitem") {
    auto* a = pointee<Array>(target);
    if (!a) return top();
    Effect effect{a->to_string(), "[*]"};
    if (name == "getarrayitem") {
      if (!a->hints().immutable) e.reads.insert(effect);
    } else {
      e.writes.insert(effect);
    }
  } else if (name == "getinteriorfield" || name == "setinteriorfield") {
    auto* p = as<Ptr>(target);
    bool set = name == "setinteriorfield";
    std::vector<flow::Value*> path(op.args.begin() + 1, op.args.end() - (set ? 1 : 0));
    bool is_immutable = false;
    auto effect = p ? interior_effect(p->to(), path, is_immutable) : std::nullopt;
    if (!effect) return top();
    if (set) e.writes.insert(*effect);
    else if (!is_immutable) e.reads.insert(*effect);
  } else if (name == "raw_load") {
    e.reads.insert({"raw", "*"});
  } else if (name == "raw_store" || name == "raw_memclear" || name == "free") {
    e.writes.insert({"raw", "*"});
  } else if (name == "raw_memcopy") {
    e.reads.insert({"raw", "*"});
    e.writes.insert({"raw", "*"});
  }
  return e;
}

Effects EffectsDomain::helper(const ll::HelperInfo& h) const {
  Effects e;
  for (const ll::HelperEffect& r : h.reads) e.reads.insert({r.container, r.member});
  for (const ll::HelperEffect& w : h.writes) e.writes.insert({w.container, w.member});
  return e;
}

}  // namespace rpp::analyzers
