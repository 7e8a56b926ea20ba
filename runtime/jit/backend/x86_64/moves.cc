// Single and parallel moves (see moves.h).
#include "runtime/jit/backend/x86_64/moves.h"

#include <stdexcept>

namespace rpp::jit::x86 {

Xbyak::Address MoveEmitter::mem(const Location& l) const {
  if (l.is_slot()) return a_.qword[a_.rbp + slot_offset(l.index)];
  if (l.is_stack()) return a_.qword[a_.rsp + 8 * l.index];
  throw std::logic_error("MoveEmitter::mem of a location that is not in memory");
}

static bool fits_imm32(uint64_t bits) {
  int64_t v = static_cast<int64_t>(bits);
  return v >= INT32_MIN && v <= INT32_MAX;
}

void MoveEmitter::load_imm(Gpr dst, uint64_t bits, ValueType type) {
  if (type == ValueType::Ref && bits != 0) {
    a_.mov(reg64(dst), reinterpret_cast<uint64_t>(refs_.slot_for(bits)));
    a_.mov(reg64(dst), a_.qword[reg64(dst)]);
    return;
  }
  if (bits <= UINT32_MAX) a_.mov(reg32(dst), static_cast<uint32_t>(bits));
  else if (fits_imm32(bits)) a_.mov(reg64(dst), static_cast<int32_t>(bits));  // sign-extended
  else a_.mov(reg64(dst), bits);
}

void MoveEmitter::move(const Location& dst, const Location& src, ValueType type) {
  if (dst == src) return;
  switch (dst.kind) {
    case Location::InGpr:
      if (src.is_gpr()) a_.mov(reg64(dst.reg()), reg64(src.reg()));
      else if (src.is_xmm()) a_.movq(reg64(dst.reg()), xmm(src.index));
      else if (src.is_imm()) load_imm(dst.reg(), src.imm, type);
      else a_.mov(reg64(dst.reg()), mem(src));
      return;
    case Location::InXmm:
      if (src.is_xmm()) a_.movapd(xmm(dst.index), xmm(src.index));
      else if (src.is_gpr()) a_.movq(xmm(dst.index), reg64(src.reg()));
      else if (src.is_imm()) {
        if (src.imm == 0) a_.xorpd(xmm(dst.index), xmm(dst.index));
        else {
          load_imm(kScratch, src.imm, ValueType::Float);
          a_.movq(xmm(dst.index), reg64(kScratch));
        }
      } else a_.movsd(xmm(dst.index), mem(src));
      return;
    case Location::InSlot:
    case Location::OnStack:
      if (src.is_gpr()) a_.mov(mem(dst), reg64(src.reg()));
      else if (src.is_xmm()) a_.movsd(mem(dst), xmm(src.index));
      else if (src.is_imm()) {
        if (fits_imm32(src.imm) && !(type == ValueType::Ref && src.imm != 0)) {
          a_.mov(mem(dst), static_cast<int32_t>(src.imm));
        } else {
          load_imm(kScratch, src.imm, type);
          a_.mov(mem(dst), reg64(kScratch));
        }
      } else {
        a_.mov(reg64(kScratch), mem(src));
        a_.mov(mem(dst), reg64(kScratch));
      }
      return;
    default: throw std::logic_error("MoveEmitter::move to an invalid location");
  }
}

void MoveEmitter::parallel(std::vector<Move> moves) {
  // Drop moves that do nothing; then emit every move whose destination no pending move reads;
  // when only cycles remain, park one source in r10 (or xmm15) and continue.
  std::vector<Move> pending;
  for (auto& m : moves)
    if (!(m.dst == m.src)) pending.push_back(m);
  auto reads = [&](const Location& l) {
    for (auto& m : pending)
      if (m.src == l && !m.src.is_imm()) return true;
    return false;
  };
  while (!pending.empty()) {
    bool progressed = false;
    for (size_t i = 0; i < pending.size(); ++i) {
      Move m = pending[i];
      pending.erase(pending.begin() + static_cast<long>(i));
      if (reads(m.dst)) {
        pending.insert(pending.begin() + static_cast<long>(i), m);
        continue;
      }
      move(m.dst, m.src, m.type);
      progressed = true;
      --i;
    }
    if (progressed) continue;
    // Every pending move is on a cycle: free the first one's destination.
    Move& m = pending.front();
    Location blocked = m.dst;
    Location park = blocked.is_xmm() ? Location::xmm(kScratchXmm) : Location::gpr(kScratch2);
    move(park, blocked, m.type);
    for (auto& other : pending)
      if (other.src == blocked) other.src = park;
  }
}

}  // namespace rpp::jit::x86
