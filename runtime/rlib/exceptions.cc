// Raising builtin exceptions from helpers (exceptions.h).
#include "runtime/rlib/exceptions.h"

#include <cstring>
#include <string>

#include "runtime/gc/gc.h"
#include "runtime/gc/roots.h"
#include "runtime/rlib/fatal_error.h"
#include "runtime/rlib/helpers.h"
#include "runtime/rlib/str_object.h"
#include "runtime/rlib/utf8.h"

namespace rpp::rlib {

using layout::BuiltinException;

const char* builtin_exception_name(BuiltinException kind) {
  return kind < layout::kBuiltinExceptionCount ? layout::kBuiltinExceptionNames[kind] : "Exception";
}

namespace {

void raise_with(BuiltinException kind, void* message, int64_t err, bool has_errno) {
  const layout::BuiltinExceptionInfo* table = layout::rpp_globals.builtin_exceptions;
  const layout::BuiltinExceptionInfo* info = table ? &table[kind] : nullptr;
  if (!info || !info->vtable) {
    std::string text = std::string("uncaught ") + builtin_exception_name(kind);
    if (message) text += ": " + utf8_of(message);
    rpp_fatal_error_cstr(text.c_str());
  }
  gc::Rooted<void> msg(message);
  layout::GcHeader* exc = rpp_gc_malloc_fixed(info->instance_tid, info->instance_size);
  layout::write_at<const layout::ClassVtable*>(exc, layout::kTypeptrOffset, info->vtable);
  if (info->message_offset) layout::write_at<void*>(exc, info->message_offset, msg.get());
  if (has_errno && info->errno_offset) layout::write_at<int64_t>(exc, info->errno_offset, err);
  rpp_traceback_reset();
  layout::rpp_globals.exc_type = info->vtable;
  layout::rpp_globals.exc_value = exc;
}

}  // namespace

void raise_builtin(BuiltinException kind, void* message) { raise_with(kind, message, 0, false); }

void raise_builtin(BuiltinException kind, std::string_view message) {
  raise_with(kind, str_from_utf8_lossless(message), 0, false);
}


bool system_exit_status(const layout::ClassVtable* type, const void* value, int* status, std::string* message) {
  const layout::BuiltinExceptionInfo* table = layout::rpp_globals.builtin_exceptions;
  const layout::ClassVtable* system_exit = table ? table[layout::kExcSystemExit].vtable : nullptr;
  if (!type || !value || !system_exit || type->subclassrange_min < system_exit->subclassrange_min ||
      type->subclassrange_min >= system_exit->subclassrange_max)
    return false;
  const layout::BuiltinExceptionInfo& info = table[layout::kExcSystemExit];
  int64_t code = info.errno_offset ? layout::read_at<int64_t>(value, info.errno_offset) : 0;
  *status = int(code & 0xFF);
  message->clear();
  if (info.message_offset && (code & layout::kSystemExitPrintsMessage)) {
    void* text = layout::read_at<void*>(value, info.message_offset);
    if (text) *message = utf8_of(text);
  }
  return true;
}

void raise_os_error(int err, const void* filename) {
  std::string text = "[Errno " + std::to_string(err) + "] " + std::strerror(err);
  void* message;
  if (filename) {
    gc::Rooted<void> name(const_cast<void*>(filename));
    void* r = rpp_helper_str_repr(name.get());
    gc::Rooted<void> repr(r);
    message = str_from_utf8_lossless(text + ": " + utf8_of(repr.get()));
  } else {
    message = str_from_utf8_lossless(text);
  }
  raise_with(layout::kExcOSError, message, err, true);
}

}  // namespace rpp::rlib
