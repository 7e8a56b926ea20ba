// The GC reference table of a compiled piece (see gc_ref_table.h).
#include "runtime/jit/backend/x86_64/gc_ref_table.h"

#include <stdexcept>

namespace rpp::jit::x86 {

GcRefTable::GcRefTable(const Trace& trace) {
  for (ValueId v = 0; v < trace.num_values(); ++v) {
    const ValueInfo& info = trace.value(v);
    if (info.is_const && info.type == ValueType::Ref && info.constant != 0 && !index_.count(info.constant))
      index_.emplace(info.constant, index_.size());
  }
  size_ = index_.size();
  words_.reset(new layout::GcHeader*[size_ ? size_ : 1]());
  for (auto& [ref, i] : index_) words_[i] = reinterpret_cast<layout::GcHeader*>(ref);
}

layout::GcHeader** GcRefTable::slot_for(Word ref) {
  auto it = index_.find(ref);
  if (it == index_.end()) throw std::logic_error("GcRefTable: a reference that is not a constant of the trace");
  return &words_[it->second];
}

}  // namespace rpp::jit::x86
