// The ll interpreter's memory (heap.h).
#include "translator/llinterp/heap.h"

#include <cstring>
#include <functional>

#include "rtyper/lltype/jit_symbolic.h"
#include "rtyper/lltype/memory_layout.h"
#include "rtyper/lltype/symbolic.h"
#include "runtime/layout.h"
#include "translator/ll/ll_constants.h"

namespace rpp::llinterp {

using namespace lltype;

namespace {

constexpr size_t kChunkSize = size_t(1) << 20;

size_t round8(size_t n) { return (n + 7) & ~size_t(7); }

}  // namespace

Heap::Heap(TypeArena& types, const StaticData* static_data)
    : types_(types), static_data_(static_data), rt_(define_runtime_types(types)) {
  types_by_id_.resize(layout::kFirstGeneratedTid, nullptr);
}

Heap::~Heap() = default;

void* Heap::raw_allocate(size_t size) {
  size = round8(size == 0 ? 1 : size);
  if (size > kChunkSize / 4) {
    chunks_.push_back(std::make_unique<char[]>(size));
    std::memset(chunks_.back().get(), 0, size);
    return chunks_.back().get();
  }
  if (size_t(chunk_end_ - chunk_free_) < size || !chunk_free_) {
    chunks_.push_back(std::make_unique<char[]>(kChunkSize));
    chunk_free_ = chunks_.back().get();
    std::memset(chunk_free_, 0, kChunkSize);
    chunk_end_ = chunk_free_ + kChunkSize;
  }
  char* p = chunk_free_;
  chunk_free_ += size;
  return p;
}

uint32_t Heap::type_id(const ContainerType* type) {
  if (type == rt_.str) return layout::kTidStrNarrow;
  if (type == rt_.bytes) return layout::kTidBytes;
  auto it = type_ids_.find(type);
  if (it != type_ids_.end()) return it->second;
  uint32_t tid = uint32_t(types_by_id_.size());
  types_by_id_.push_back(type);
  type_ids_[type] = tid;
  return tid;
}

const ContainerType* Heap::type_of_id(uint32_t tid) const {
  if (tid == layout::kTidStrNarrow || tid == layout::kTidStrWide) return rt_.str;
  if (tid == layout::kTidBytes) return rt_.bytes;
  return tid < types_by_id_.size() ? types_by_id_[tid] : nullptr;
}

void* Heap::allocate(const ContainerType* type, int64_t length) {
  bool varsize = as<Array>(type) || (as<Struct>(type) && as<Struct>(type)->is_varsize());
  char* p = static_cast<char*>(raw_allocate(allocation_size(type, varsize ? length : 0)));
  if (type->is_gc()) layout::write_at<uint32_t>(p, layout::kTidOffset, type_id(type));
  if (varsize) {
    VarsizeLayout v = varsize_layout(type);
    if (v.has_length) layout::write_at<int64_t>(p, v.length_offset, length);
  }
  return p;
}

// ---------------------------------------------------------------------------------- strings

void* Heap::new_str(const std::u32string& text) {
  bool wide = false;
  for (char32_t c : text) wide |= c >= 256;
  int64_t n = int64_t(text.size());
  char* p = static_cast<char*>(raw_allocate(layout::str_allocation_size(n, wide)));
  layout::write_at<uint32_t>(p, layout::kTidOffset, wide ? layout::kTidStrWide : layout::kTidStrNarrow);
  layout::write_at<int64_t>(p, layout::kStrLengthOffset, n);
  for (int64_t i = 0; i < n; ++i) {
    if (wide) layout::write_at<char32_t>(p, layout::kStrCharsOffset + 4 * size_t(i), text[size_t(i)]);
    else p[layout::kStrCharsOffset + size_t(i)] = char(uint8_t(text[size_t(i)]));
  }
  return p;
}

void* Heap::new_str_utf8(const std::string& utf8) { return new_str(utf8_to_code_points(utf8)); }

std::u32string Heap::str_text(const void* s) {
  std::u32string out;
  int64_t n = layout::str_length(s);
  for (int64_t i = 0; i < n; ++i) out.push_back(layout::str_char_at(s, i));
  return out;
}

std::string Heap::to_utf8(const std::u32string& text) {
  std::string out;
  for (char32_t c : text) {
    if (c < 0x80) {
      out += char(c);
    } else if (c < 0x800) {
      out += char(0xC0 | (c >> 6));
      out += char(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += char(0xE0 | (c >> 12));
      out += char(0x80 | ((c >> 6) & 0x3F));
      out += char(0x80 | (c & 0x3F));
    } else {
      out += char(0xF0 | (c >> 18));
      out += char(0x80 | ((c >> 12) & 0x3F));
      out += char(0x80 | ((c >> 6) & 0x3F));
      out += char(0x80 | (c & 0x3F));
    }
  }
  return out;
}

std::string Heap::str_utf8(const void* s) { return to_utf8(str_text(s)); }

// ---------------------------------------------------------------------------------- static data

void* Heap::static_address(const StaticObject* object) {
  auto it = static_addresses_.find(object);
  if (it != static_addresses_.end()) return it->second;
  char* p;
  if (object->is_str()) {
    p = static_cast<char*>(new_str(object->text()));
    static_addresses_[object] = p;
  } else {
    int64_t length = 0;
    if (as<Array>(object->type())) {
      length = int64_t(object->length());
    } else if (auto* s = as<Struct>(object->type()); s && s->is_varsize()) {
      // The inlined array is the last field (possibly in a nested last struct).
      const StaticObject* o = object;
      while (o && as<Struct>(o->type())) {
        auto* st = as<Struct>(o->type());
        o = o->inlined_if_any(st->fields().back().name);
      }
      length = o ? int64_t(o->length()) : 0;
    }
    p = static_cast<char*>(allocate(object->type(), length));
    static_addresses_[object] = p;  // before the slots: objects may point to themselves
    write_static(*object, p, true);
  }
  if (object->type()->is_gc()) {
    uint32_t flags = layout::read_at<uint32_t>(p, layout::kGcFlagsOffset);
    layout::write_at<uint32_t>(p, layout::kGcFlagsOffset, flags | layout::kGcFlagPrebuilt);
  }
  return p;
}

void Heap::write_static(const StaticObject& object, char* at, bool is_outer) {
  (void)is_outer;
  const auto& slots = object.slots();
  if (auto* s = as<Struct>(object.type())) {
    for (size_t i = 0; i < slots.size(); ++i) {
      const StructField& f = s->fields()[i];
      size_t offset = field_offset(s, f.name);
      if (slots[i].inlined) {
        if (auto* a = as<Array>(f.type)) {
          // An inlined array: its length word, then its items.
          if (!a->hints().nolength)
            layout::write_at<int64_t>(at, offset, int64_t(slots[i].inlined->length()));
          write_static(*slots[i].inlined, at + offset, false);
        } else {
          write_static(*slots[i].inlined, at + offset, false);
        }
        continue;
      }
      if (f.type->is_container()) continue;  // an inlined part left zero
      store_value(at, int64_t(offset), f.type, constant_word(slots[i].value, f.type));
    }
    return;
  }
  if (auto* a = as<Array>(object.type())) {
    VarsizeLayout v = varsize_layout(a);
    // For an inlined array `at` is the field's address: the items follow its length word.
    size_t items = v.items_offset;
    for (size_t i = 0; i < slots.size(); ++i) {
      char* item = at + items + i * v.item_size;
      if (slots[i].inlined) write_static(*slots[i].inlined, item, false);
      else if (!a->item()->is_container()) store_value(item, 0, a->item(), constant_word(slots[i].value, a->item()));
    }
  }
}

// ---------------------------------------------------------------------------------- vtables

void Heap::number_classes() {
  // Every instance struct of the arena, children in declaration order.
  std::map<const Struct*, std::vector<const Struct*>> children;
  for (const ContainerType* t : types_.named_types()) {
    auto* s = as<Struct>(t);
    if (!s || !s->is_gc() || !s->defined() || s == rt_.object) continue;
    const Struct* parent = s->parent();
    if (parent && parent->is_gc() && parent->inherits_from(rt_.object)) children[parent].push_back(s);
  }
  int64_t next = 0;
  std::function<void(const Struct*)> walk = [&](const Struct* s) {
    int64_t min = next++;
    for (const Struct* c : children[s]) walk(c);
    class_ranges_[s] = {min, next};
  };
  walk(rt_.object);
}

void* Heap::vtable_of(const Struct* instance) {
  if (static_data_)
    if (const StaticObject* v = static_data_->vtable_of(instance)) {
      void* p = static_address(v);
      vtable_classes_.emplace(p, instance);
      return p;
    }
  auto it = made_vtables_.find(instance);
  if (it != made_vtables_.end()) return it->second;
  if (!class_ranges_.count(instance)) number_classes();
  auto range = class_ranges_.find(instance);
  if (range == class_ranges_.end())
    throw TypeError("vtable(" + instance->name() + "): not an instance struct (a GcStruct inheriting from object)");
  char* p = static_cast<char*>(allocate(rt_.object_vtable));
  layout::write_at<int64_t>(p, layout::kVtableSubclassrangeMinOffset, range->second.first);
  layout::write_at<int64_t>(p, layout::kVtableSubclassrangeMaxOffset, range->second.second);
  layout::write_at<void*>(p, layout::kVtableNameOffset, new_str_utf8(instance->name()));
  made_vtables_[instance] = p;
  vtable_classes_[p] = instance;
  return p;
}

const Struct* Heap::class_of_vtable(const void* vtable) const {
  auto it = vtable_classes_.find(vtable);
  if (it != vtable_classes_.end()) return it->second;
  if (static_data_)
    for (auto& [s, obj] : static_data_->vtables()) {
      auto a = static_addresses_.find(obj);
      if (a != static_addresses_.end() && a->second == vtable) return s;
    }
  return nullptr;
}

std::string Heap::vtable_name(const void* vtable) {
  if (!vtable) return "?";
  auto* name = layout::read_at<const void*>(vtable, layout::kVtableNameOffset);
  return name ? str_utf8(name) : "?";
}

// ---------------------------------------------------------------------------------- constants

Word Heap::function_word(flow::FunctionGraph* graph) {
  Word w = to_word(static_cast<void*>(graph));
  callees_[w] = Callee{graph, nullptr};
  return w;
}

Word Heap::helper_word(const void* helper_info) {
  Word w = to_word(helper_info);
  callees_[w] = Callee{nullptr, helper_info};
  return w;
}

const Heap::Callee* Heap::callee_of(Word w) const {
  auto it = callees_.find(w);
  return it == callees_.end() ? nullptr : &it->second;
}

Word Heap::constant_word(const flow::ConstValue& value, const LowLevelType* type) {
  return std::visit(
      [&](const auto& v) -> Word {
        using V = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<V, bool>) return v ? 1 : 0;
        else if constexpr (std::is_same_v<V, int64_t>) {
          if (type == &Float) return to_word(double(v));
          if (type == &Char) return Word(uint8_t(v));
          if (type == &UniChar) return Word(uint32_t(v));
          return Word(v);
        } else if constexpr (std::is_same_v<V, uint64_t>) return v;
        else if constexpr (std::is_same_v<V, double>) return to_word(v);
        else if constexpr (std::is_same_v<V, flow::NoneValue> || std::is_same_v<V, std::string> ||
                           std::is_same_v<V, flow::DefaultCase> || std::is_same_v<V, flow::LastExceptionMarker>)
          return 0;
        else if constexpr (std::is_same_v<V, flow::GraphRef>) return function_word(v.graph);
        else if constexpr (std::is_same_v<V, std::shared_ptr<const flow::ConstPayload>>) {
          const flow::ConstPayload* payload = v.get();
          if (auto* ref = dynamic_cast<const StaticRef*>(payload)) return to_word(static_address(ref->object()));
          if (auto* helper = dynamic_cast<const ll::HelperRef*>(payload)) return helper_word(helper->helper());
          if (auto* sym = dynamic_cast<const Symbolic*>(payload)) {
            auto* container = dynamic_cast<const ContainerType*>(sym->type());
            switch (sym->kind()) {
              case SymbolicKind::FieldOffset: return Word(field_offset(as<Struct>(sym->type()), sym->field()));
              case SymbolicKind::TypeSize: return Word(size_of(sym->type()));
              case SymbolicKind::ItemSize: return Word(varsize_layout(container).item_size);
              case SymbolicKind::ItemsOffset: return Word(varsize_layout(container).items_offset);
              case SymbolicKind::LengthOffset: return Word(varsize_layout(container).length_offset);
              case SymbolicKind::TypeId: return Word(type_id(container));
              case SymbolicKind::Vtable: return to_word(vtable_of(as<Struct>(sym->type())));
            }
          }
          if (dynamic_cast<const TypeConstant*>(payload) || dynamic_cast<const ll::GraphSet*>(payload) ||
              dynamic_cast<const JitDriverRef*>(payload))
            return 0;
          if (dynamic_cast<const WeAreJitted*>(payload)) return 0;  // interpreted code is not jitted
          throw TypeError("the ll interpreter has no value for the constant " + payload->repr());
        } else {
          throw TypeError("the ll interpreter has no value for a flow-level constant (a Python object or bytes)");
        }
      },
      value);
}

}  // namespace rpp::llinterp
