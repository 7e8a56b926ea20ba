// The ll interpreter's memory (heap.h).
#include "translator/llinterp/heap.h"

#include <cstring>
#include <functional>

#include "rtyper/lltype/jit_symbolic.h"
#include "rtyper/lltype/memory_layout.h"
#include "rtyper/lltype/symbolic.h"
#include "runtime/gc/gc.h"
#include "runtime/gc/type_info.h"
#include "runtime/rlib/str_hash.h"
#include "runtime/rlib/str_object.h"
#include "translator/ll/ll_constants.h"

namespace rpp::llinterp {

using namespace lltype;

namespace {

constexpr size_t kChunkSize = size_t(1) << 20;
constexpr size_t kMaxTypeIds = 16384;

size_t round8(size_t n) { return (n + 7) & ~size_t(7); }

// The offsets of the GC pointers of a value of type `t` stored at `base` (an inlined array, the
// var-sized part, is left out).
void gc_pointer_offsets(const LowLevelType* t, size_t base, std::vector<uint32_t>& out) {
  if (auto* p = as<Ptr>(t)) {
    if (p->is_gc()) out.push_back(uint32_t(base));
    return;
  }
  if (auto* s = as<Struct>(t)) {
    for (const StructField& f : s->fields()) {
      if (as<Array>(f.type)) continue;
      gc_pointer_offsets(f.type, base + field_offset(s, f.name), out);
    }
  }
}

}  // namespace

Heap::Heap(TypeArena& types, const StaticData* static_data)
    : types_(types), static_data_(static_data), rt_(define_runtime_types(types)) {
  type_table_.reserve(kMaxTypeIds);
  for (uint32_t i = 0; i < layout::kFirstGeneratedTid; ++i) type_table_.push_back(gc::runtime_type_info(i));
  previous_table_ = layout::rpp_globals.type_info_table;
  previous_count_ = layout::rpp_globals.type_info_count;
  previous_exceptions_ = layout::rpp_globals.builtin_exceptions;
  rpp_gc_init(type_table_.data(), type_table_.size());
  builtin_exceptions_.resize(layout::kBuiltinExceptionCount, layout::BuiltinExceptionInfo{});
  layout::rpp_globals.builtin_exceptions = builtin_exceptions_.data();
  prepare_builtin_exceptions();
}

Heap::~Heap() {
  for (layout::GcHeader** root : static_roots_) rpp_gc_remove_roots(root);
  if (layout::rpp_globals.builtin_exceptions == builtin_exceptions_.data())
    layout::rpp_globals.builtin_exceptions = previous_exceptions_;
  if (previous_table_) rpp_gc_init(previous_table_, previous_count_);
}

void* Heap::raw_allocate(size_t size) {
  size = round8(size == 0 ? 1 : size);
  if (size > kChunkSize / 4) {
    chunks_.push_back(std::make_unique<char[]>(size));
    std::memset(chunks_.back().get(), 0, size);
    return chunks_.back().get();
  }
  if (!chunk_free_ || size_t(chunk_end_ - chunk_free_) < size) {
    chunks_.push_back(std::make_unique<char[]>(kChunkSize));
    chunk_free_ = chunks_.back().get();
    std::memset(chunk_free_, 0, kChunkSize);
    chunk_end_ = chunk_free_ + kChunkSize;
  }
  char* p = chunk_free_;
  chunk_free_ += size;
  return p;
}

// ---------------------------------------------------------------------------------- type ids

layout::TypeInfo Heap::type_info_of(const ContainerType* type) {
  layout::TypeInfo info{};
  std::vector<uint32_t> fixed, items;
  bool varsize = as<Array>(type) || (as<Struct>(type) && as<Struct>(type)->is_varsize());
  if (auto* s = as<Struct>(type)) {
    info.fixed_size = uint32_t(size_of(s));
    gc_pointer_offsets(s, 0, fixed);
    if (s->inherits_from(rt_.object)) info.flags |= layout::kTypeInfoHasVtable;
  }
  if (varsize) {
    VarsizeLayout v = varsize_layout(type);
    info.flags |= layout::kTypeInfoVarsize;
    info.fixed_size = uint32_t(v.items_offset);
    info.item_size = uint32_t(v.item_size);
    info.length_offset = uint32_t(v.length_offset);
    info.items_offset = uint32_t(v.items_offset);
    gc_pointer_offsets(v.array->item(), 0, items);
    if (!items.empty()) info.flags |= layout::kTypeInfoItemsHaveGcPtrs;
  }
  if (!fixed.empty()) {
    info.gc_ptr_count = uint32_t(fixed.size());
    info.gc_ptr_offsets = gc_offsets_.emplace_back(std::move(fixed)).data();
  }
  if (!items.empty()) {
    info.item_gc_ptr_count = uint32_t(items.size());
    info.item_gc_ptr_offsets = gc_offsets_.emplace_back(std::move(items)).data();
  }
  return info;
}

uint32_t Heap::type_id(const ContainerType* type) {
  if (type == rt_.str) return layout::kTidStrNarrow;
  if (type == rt_.bytes) return layout::kTidBytes;
  if (type == rt_.builder) return layout::kTidStrBuilder;
  if (type == rt_.str_array) return layout::kTidStrArray;
  if (type == rt_.str_list) return layout::kTidStrList;
  if (type == rt_.bytes_array) return layout::kTidBytesArray;
  if (type == rt_.bytes_list) return layout::kTidBytesList;
  if (type == rt_.dict_indexes) return layout::kTidDictIndexes;
  auto it = type_ids_.find(type);
  if (it != type_ids_.end()) return it->second;
  if (type_table_.size() >= kMaxTypeIds) throw TypeError("the ll interpreter ran out of type ids");
  uint32_t tid = uint32_t(type_table_.size());
  type_table_.push_back(type_info_of(type));
  type_ids_[type] = tid;
  rpp_gc_init(type_table_.data(), type_table_.size());  // the same storage, one more entry
  return tid;
}

void* Heap::allocate(const ContainerType* type, int64_t length) {
  bool varsize = as<Array>(type) || (as<Struct>(type) && as<Struct>(type)->is_varsize());
  if (type->is_gc()) {
    uint32_t tid = type_id(type);
    if (varsize) return rpp_gc_malloc_varsize(tid, length);
    return rpp_gc_malloc_fixed(tid, gc::object_size(type_table_[tid], 0));
  }
  char* p = static_cast<char*>(raw_allocate(allocation_size(type, varsize ? length : 0)));
  if (varsize) {
    VarsizeLayout v = varsize_layout(type);
    if (v.has_length) layout::write_at<int64_t>(p, v.length_offset, length);
  }
  return p;
}

// ---------------------------------------------------------------------------------- strings

void* Heap::new_str(const std::u32string& text) { return rlib::str_from_u32(text); }

void* Heap::new_str_utf8(const std::string& utf8) { return new_str(utf8_to_code_points(utf8)); }

std::u32string Heap::str_text(const void* s) {
  std::u32string out;
  int64_t n = layout::str_length(s);
  for (int64_t i = 0; i < n; ++i) out.push_back(layout::str_char_at(s, i));
  return out;
}

std::string Heap::str_utf8(const void* s) {
  std::string out;
  for (char32_t c : str_text(s)) {
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

// ---------------------------------------------------------------------------------- static data

void* Heap::static_str(const std::u32string& text) {
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

void Heap::register_static_roots(const ContainerType* type, char* at, int64_t length) {
  std::vector<uint32_t> fixed, items;
  gc_pointer_offsets(type, 0, fixed);
  size_t items_offset = 0, item_size = 0;
  if (as<Array>(type) || (as<Struct>(type) && as<Struct>(type)->is_varsize())) {
    VarsizeLayout v = varsize_layout(type);
    gc_pointer_offsets(v.array->item(), 0, items);
    items_offset = v.items_offset;
    item_size = v.item_size;
  }
  auto add = [&](size_t offset) {
    auto** slot = reinterpret_cast<layout::GcHeader**>(at + offset);
    rpp_gc_add_roots(slot, 1);
    static_roots_.push_back(slot);
  };
  for (uint32_t o : fixed) add(o);
  for (int64_t i = 0; i < length; ++i)
    for (uint32_t o : items) add(items_offset + size_t(i) * item_size + o);
}

void* Heap::static_address(const StaticObject* object) {
  auto it = static_addresses_.find(object);
  if (it != static_addresses_.end()) return it->second;
  if (object->is_str()) {
    void* p = static_str(object->text());
    if (object->type() == rt_.bytes) layout::write_at<uint32_t>(p, layout::kTidOffset, layout::kTidBytes);
    layout::write_at<uint32_t>(p, layout::kGcFlagsOffset, layout::kGcFlagPrebuilt);
    layout::write_at<int64_t>(p, layout::kStrHashOffset, rlib::hash_code_points(object->text()));  // as genc
    static_addresses_[object] = p;
    return p;
  }
  const ContainerType* type = object->type();
  bool varsize = as<Array>(type) || (as<Struct>(type) && as<Struct>(type)->is_varsize());
  int64_t length = 0;
  if (as<Array>(type)) {
    length = int64_t(object->length());
  } else if (varsize) {
    // The inlined array is the last field (possibly in a nested last struct).
    const StaticObject* o = object;
    while (o && as<Struct>(o->type())) o = o->inlined_if_any(as<Struct>(o->type())->fields().back().name);
    length = o ? int64_t(o->length()) : 0;
  }
  char* p = static_cast<char*>(raw_allocate(allocation_size(type, varsize ? length : 0)));
  if (type->is_gc()) {
    layout::write_at<uint32_t>(p, layout::kTidOffset, type_id(type));
    layout::write_at<uint32_t>(p, layout::kGcFlagsOffset, layout::kGcFlagPrebuilt);
  }
  if (varsize) {
    VarsizeLayout v = varsize_layout(type);
    if (v.has_length) layout::write_at<int64_t>(p, v.length_offset, length);
  }
  static_addresses_[object] = p;  // before the slots: objects may point to themselves
  write_static(*object, p);
  register_static_roots(type, p, length);
  return p;
}

void Heap::write_static(const StaticObject& object, char* at) {
  const auto& slots = object.slots();
  if (auto* s = as<Struct>(object.type())) {
    for (size_t i = 0; i < slots.size(); ++i) {
      const StructField& f = s->fields()[i];
      size_t offset = field_offset(s, f.name);
      if (slots[i].inlined) {
        if (auto* a = as<Array>(f.type); a && !a->hints().nolength)
          layout::write_at<int64_t>(at, offset, int64_t(slots[i].inlined->length()));
        write_static(*slots[i].inlined, at + offset);
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
    for (size_t i = 0; i < slots.size(); ++i) {
      char* item = at + v.items_offset + i * v.item_size;
      if (slots[i].inlined) write_static(*slots[i].inlined, item);
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
    if (const StaticObject* v = static_data_->vtable_of(instance)) return static_address(v);
  auto it = made_vtables_.find(instance);
  if (it != made_vtables_.end()) return it->second;
  if (!class_ranges_.count(instance)) number_classes();
  auto range = class_ranges_.find(instance);
  if (range == class_ranges_.end())
    throw TypeError("vtable(" + instance->name() + "): not an instance struct (a GcStruct inheriting from object)");
  char* p = static_cast<char*>(raw_allocate(size_of(rt_.object_vtable)));
  layout::write_at<int64_t>(p, layout::kVtableSubclassrangeMinOffset, range->second.first);
  layout::write_at<int64_t>(p, layout::kVtableSubclassrangeMaxOffset, range->second.second);
  layout::write_at<void*>(p, layout::kVtableNameOffset, static_str(utf8_to_code_points(instance->name())));
  made_vtables_[instance] = p;
  return p;
}

std::string Heap::vtable_name(const void* vtable) {
  if (!vtable) return "?";
  auto* name = layout::read_at<const void*>(vtable, layout::kVtableNameOffset);
  return name ? str_utf8(name) : "?";
}

void Heap::prepare_builtin_exceptions() {
  for (uint32_t k = 0; k < layout::kBuiltinExceptionCount; ++k) {
    const char* name = layout::kBuiltinExceptionNames[k];
    const Struct* s = static_data_ ? static_data_->builtin_exception(name) : nullptr;
    if (!s) {
      const Struct* named = types_.find_struct(name);
      if (named && named->is_gc() && named->defined() && named->inherits_from(rt_.object)) s = named;
    }
    if (!s) continue;
    layout::BuiltinExceptionInfo& info = builtin_exceptions_[k];
    info.vtable = static_cast<const layout::ClassVtable*>(vtable_of(s));
    info.instance_tid = type_id(s);
    info.instance_size = uint32_t(allocation_size(s));
    const Struct* root = s;
    while (root->parent() && root->parent() != rt_.object && root->parent()->is_gc()) root = root->parent();
    if (root->field("rpy_message")) info.message_offset = uint32_t(field_offset(root, "rpy_message"));
    for (const Struct* p = s; p && p != rt_.object; p = p->parent())
      for (const char* status : {"errno", "code"})  // OSError's errno, SystemExit's exit status
        if (p->field(status) && p->field(status)->type == &Signed) info.errno_offset = uint32_t(field_offset(p, status));
  }
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
