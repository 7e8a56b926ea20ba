// Virtuals (RPython's virtualize.py): an allocation is not emitted; its fields (or items, for
// arrays and strings of constant length) are tracked as values. Reads and writes of a virtual's
// fields become those values, its length a constant, comparisons with it constants. Wherever it
// escapes (stored into a real object, passed to a call, a jump, a label, any operation not
// handled here) it is forced: allocated and filled just there. At guards it stays virtual and is
// described in the resume data. copystrcontent from a virtual string keeps it virtual. Arrays of
// structs of constant length are virtual too (interior fields at constant indices).
#include "runtime/jit/optimizer/optimizer.h"

namespace rpp::jit::opt {

namespace {

constexpr int64_t kMaxVirtualLength = 64;

class VirtualsPass : public Pass {
 public:
  using Pass::Pass;
  const char* name() const override { return "virtuals"; }

  void propagate(PendingOp& op) override {
    switch (op.opcode) {
      case Opcode::New:
      case Opcode::NewWithVtable: {
        VirtualObject v;
        v.kind = op.opcode == Opcode::New ? VirtualKind::Struct : VirtualKind::Object;
        v.descr = op.descr;
        v.alloc = op.opcode;
        opt_.forward(op.old_result, opt_.make_virtual(std::move(v)));
        return;
      }
      case Opcode::NewArray:
      case Opcode::NewArrayClear: {
        auto* ad = static_cast<const ArrayDescr*>(op.descr);
        if (!constant_length(op.args[0])) break;
        if (ad->item_type == ValueType::Void) {
          // An array of structs: its interior fields are tracked per item.
          VirtualObject v;
          v.kind = VirtualKind::InteriorArray;
          v.descr = ad;
          v.alloc = op.opcode;
          v.interior_length = opt_.const_int(op.args[0]);
          opt_.forward(op.old_result, opt_.make_virtual(std::move(v)));
          return;
        }
        VirtualObject v;
        v.kind = VirtualKind::Array;
        v.descr = ad;
        v.alloc = op.opcode;
        v.item_type = ad->item_type;
        v.items.assign(static_cast<size_t>(opt_.const_int(op.args[0])), kNoBox);
        opt_.forward(op.old_result, opt_.make_virtual(std::move(v)));
        return;
      }
      case Opcode::Newstr:
      case Opcode::Newunicode: {
        if (!constant_length(op.args[0])) break;
        VirtualObject v;
        v.kind = op.opcode == Opcode::Newstr ? VirtualKind::Str : VirtualKind::Unicode;
        v.alloc = op.opcode;
        v.items.assign(static_cast<size_t>(opt_.const_int(op.args[0])), kNoBox);
        opt_.forward(op.old_result, opt_.make_virtual(std::move(v)));
        return;
      }
      case Opcode::SetfieldGc:
        if (VirtualObject* v = opt_.virtual_of(op.args[0])) {
          auto* fd = static_cast<const FieldDescr*>(op.descr);
          Box value = stored_value(op.args[1], fd->type, fd->size, fd->is_signed);
          if (value == kNoBox) break;  // a narrow field written with a variable: escapes
          for (auto& f : v->fields)
            if (f.first == fd) {
              f.second = value;
              return;
            }
          v->fields.emplace_back(fd, value);
          return;
        }
        // A virtual stored into a real object stays virtual for now: the heap pass delays the
        // write (and forces the value when the write is done).
        emit_next(op);
        return;
      case Opcode::GetfieldGc:
        if (VirtualObject* v = opt_.virtual_of(op.args[0])) {
          auto* fd = static_cast<const FieldDescr*>(op.descr);
          Box value = kNoBox;
          for (auto& f : v->fields)
            if (f.first == fd) value = f.second;
          opt_.forward(op.old_result, value == kNoBox ? opt_.make_const(fd->type, 0) : value);
          return;
        }
        break;
      case Opcode::SetarrayitemGc:
      case Opcode::Strsetitem:
      case Opcode::Unicodesetitem:
        if (VirtualObject* v = indexed_virtual(op)) {
          Box value = opt_.resolve(op.args[2]);
          if (v->kind == VirtualKind::Array) {
            auto* ad = static_cast<const ArrayDescr*>(v->descr);
            value = stored_value(value, ad->item_type, static_cast<uint8_t>(ad->item_size), ad->is_signed);
          } else {
            value = stored_value(value, ValueType::Int, v->kind == VirtualKind::Str ? 1 : 4, false);
          }
          if (value == kNoBox) break;
          v->items[static_cast<size_t>(opt_.const_int(op.args[1]))] = value;
          return;
        }
        break;
      case Opcode::GetarrayitemGc:
      case Opcode::Strgetitem:
      case Opcode::Unicodegetitem:
        if (VirtualObject* v = indexed_virtual(op)) {
          Box item = v->items[static_cast<size_t>(opt_.const_int(op.args[1]))];
          ValueType t = op.opcode == Opcode::GetarrayitemGc ? v->item_type : ValueType::Int;
          opt_.forward(op.old_result, item == kNoBox ? opt_.make_const(t, 0) : item);
          return;
        }
        break;
      case Opcode::ArraylenGc:
      case Opcode::Strlen:
      case Opcode::Unicodelen:
        if (VirtualObject* v = opt_.virtual_of(op.args[0]);
            v && v->kind != VirtualKind::Struct && v->kind != VirtualKind::Object) {
          int64_t length =
              v->kind == VirtualKind::InteriorArray ? v->interior_length : static_cast<int64_t>(v->items.size());
          opt_.forward(op.old_result, opt_.make_const_int(length));
          return;
        }
        break;
      case Opcode::SetinteriorfieldGc:
        if (VirtualObject* v = interior_virtual(op)) {
          auto* fd = static_cast<const InteriorFieldDescr*>(op.descr);
          Box value = stored_value(op.args[2], fd->field->type, fd->field->size, fd->field->is_signed);
          if (value == kNoBox) break;
          auto item = static_cast<uint32_t>(opt_.const_int(op.args[1]));
          for (auto& [i, f, x] : v->interior)
            if (i == item && f == fd) {
              x = value;
              return;
            }
          v->interior.emplace_back(item, fd, value);
          return;
        }
        break;
      case Opcode::GetinteriorfieldGc:
        if (VirtualObject* v = interior_virtual(op)) {
          auto* fd = static_cast<const InteriorFieldDescr*>(op.descr);
          auto item = static_cast<uint32_t>(opt_.const_int(op.args[1]));
          Box value = kNoBox;
          for (auto& [i, f, x] : v->interior)
            if (i == item && f == fd) value = x;
          opt_.forward(op.old_result, value == kNoBox ? opt_.make_const(fd->field->type, 0) : value);
          return;
        }
        break;
      case Opcode::Copystrcontent:
      case Opcode::Copyunicodecontent:
        if (copy_virtual_string(op)) return;
        break;
      case Opcode::GuardNonnull:
        if (opt_.virtual_of(op.args[0])) return;
        break;
      case Opcode::GuardClass:
      case Opcode::GuardNonnullClass:
        if (VirtualObject* v = opt_.virtual_of(op.args[0]);
            v && v->kind == VirtualKind::Object && opt_.is_const(op.args[1]) &&
            opt_.info(op.args[1]).bits == opt_.info(op.args[0]).known_class)
          return;
        break;
      case Opcode::PtrEq:
      case Opcode::PtrNe:
      case Opcode::InstancePtrEq:
      case Opcode::InstancePtrNe: {
        Box a = opt_.resolve(op.args[0]), b = opt_.resolve(op.args[1]);
        if (opt_.virtual_of(a) || opt_.virtual_of(b)) {
          // A virtual is only equal to itself: nothing else can point to it.
          bool eq = a == b;
          bool want_eq = op.opcode == Opcode::PtrEq || op.opcode == Opcode::InstancePtrEq;
          opt_.forward(op.old_result, opt_.make_const_int(eq == want_eq ? 1 : 0));
          return;
        }
        break;
      }
      case Opcode::SameAs:
        if (opt_.virtual_of(op.args[0])) {
          opt_.forward(op.old_result, opt_.resolve(op.args[0]));
          return;
        }
        break;
      case Opcode::Keepalive:
        if (opt_.virtual_of(op.args[0])) return;
        break;
      default:
        break;
    }
    // Everything else: virtual arguments escape here (guards' fail arguments do not: they are
    // described in the resume data).
    for (Box& a : op.args) a = opt_.force_if_virtual(a);
    emit_next(op);
  }

 private:
  // The value a store of `value` into a field or item of `size` bytes leaves there: the value
  // itself for words, a truncated constant for narrow integers, the variable masked (int_and,
  // unless its range fits already) for unsigned narrow ones (chars), kNoBox for signed variables.
  Box stored_value(Box value, ValueType type, uint8_t size, bool is_signed) {
    value = opt_.resolve(value);
    if (type != ValueType::Int || size >= 8) return value;
    if (!opt_.is_const(value)) {
      if (is_signed) return kNoBox;
      int64_t mask = static_cast<int64_t>((uint64_t{1} << (size * 8)) - 1);
      const IntBound& b = opt_.info(value).bound;
      if (b.lo >= 0 && b.hi <= mask) return value;
      Box masked = opt_.emit_direct(Opcode::IntAnd, {value, opt_.make_const_int(mask)}, nullptr, ValueType::Int);
      opt_.info(masked).bound = IntBound::range(0, mask);
      return masked;
    }
    uint64_t bits = static_cast<uint64_t>(opt_.const_int(value));
    int width = size * 8;
    uint64_t mask = (uint64_t{1} << width) - 1;
    int64_t v = static_cast<int64_t>(bits & mask);
    if (is_signed && (v >> (width - 1)) & 1) v -= static_cast<int64_t>(uint64_t{1} << width);
    return opt_.make_const_int(v);
  }

  // copystrcontent(src, dst, srcstart, dststart, length) from a virtual string with constant
  // bounds: into a virtual string, items are copied; into a real one, up to kMaxCopiedChars
  // strsetitem are emitted. The source stays virtual either way.
  static constexpr int64_t kMaxCopiedChars = 16;
  bool copy_virtual_string(PendingOp& op) {
    VirtualKind kind = op.opcode == Opcode::Copystrcontent ? VirtualKind::Str : VirtualKind::Unicode;
    VirtualObject* src = opt_.virtual_of(op.args[0]);
    if (!src || src->kind != kind || !opt_.is_const(op.args[2]) || !opt_.is_const(op.args[4])) return false;
    int64_t from = opt_.const_int(op.args[2]), length = opt_.const_int(op.args[4]);
    int64_t src_len = static_cast<int64_t>(src->items.size());
    if (from < 0 || length < 0 || from > src_len || length > src_len - from) return false;
    std::vector<Box> chars(src->items.begin() + from, src->items.begin() + from + length);
    Box dst_box = opt_.resolve(op.args[1]);
    VirtualObject* dst = opt_.virtual_of(dst_box);
    if (dst) {
      if (dst->kind != kind || !opt_.is_const(op.args[3])) return false;
      int64_t to = opt_.const_int(op.args[3]);
      if (to < 0 || to > static_cast<int64_t>(dst->items.size()) || length > static_cast<int64_t>(dst->items.size()) - to)
        return false;
      for (int64_t i = 0; i < length; ++i) dst->items[static_cast<size_t>(to + i)] = chars[static_cast<size_t>(i)];
      return true;
    }
    if (length > kMaxCopiedChars) return false;
    for (int64_t i = 0; i < length; ++i) {
      Box index = opt_.is_const(op.args[3])
                      ? opt_.make_const_int(opt_.const_int(op.args[3]) + i)
                      : (i == 0 ? opt_.resolve(op.args[3])
                                : opt_.emit_direct(Opcode::IntAdd, {op.args[3], opt_.make_const_int(i)}, nullptr,
                                                   ValueType::Int));
      Box c = chars[static_cast<size_t>(i)];
      PendingOp set;
      set.opcode = kind == VirtualKind::Str ? Opcode::Strsetitem : Opcode::Unicodesetitem;
      set.args = {dst_box, index, c == kNoBox ? opt_.make_const_int(0) : opt_.resolve(c)};
      emit_next(set);
    }
    return true;
  }

  bool constant_length(Box b) {
    return opt_.is_const(b) && opt_.const_int(b) >= 0 && opt_.const_int(b) <= kMaxVirtualLength;
  }
  // A virtual array of structs read or written at a constant index in bounds, or null.
  VirtualObject* interior_virtual(const PendingOp& op) {
    VirtualObject* v = opt_.virtual_of(op.args[0]);
    if (!v || v->kind != VirtualKind::InteriorArray || !opt_.is_const(op.args[1])) return nullptr;
    int64_t i = opt_.const_int(op.args[1]);
    return i >= 0 && i < v->interior_length ? v : nullptr;
  }
  VirtualObject* indexed_virtual(const PendingOp& op) {
    VirtualObject* v = opt_.virtual_of(op.args[0]);
    if (!v || v->kind == VirtualKind::Struct || v->kind == VirtualKind::Object || v->kind == VirtualKind::InteriorArray)
      return nullptr;
    if (!opt_.is_const(op.args[1])) return nullptr;
    int64_t i = opt_.const_int(op.args[1]);
    if (i < 0 || i >= static_cast<int64_t>(v->items.size())) return nullptr;
    return v;
  }
};

}  // namespace

std::unique_ptr<Pass> make_virtuals_pass(Optimizer& opt) { return std::make_unique<VirtualsPass>(opt); }

}  // namespace rpp::jit::opt
