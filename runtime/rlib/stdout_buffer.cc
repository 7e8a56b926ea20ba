// The stdout buffer (stdout_buffer.h).
#include "runtime/rlib/stdout_buffer.h"

#include <errno.h>
#include <unistd.h>

#include <cstring>

#include "runtime/rlib/runtime_state.h"

namespace rpp::rlib {

bool write_all(int fd, const char* data, size_t size) {
  while (size > 0) {
    ssize_t n = ::write(fd, data, size);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data += n;
    size -= size_t(n);
  }
  return true;
}

bool stdout_flush() {
  RuntimeState& s = runtime_state();
  size_t n = s.stdout_length;
  s.stdout_length = 0;
  return write_all(1, s.stdout_buffer, n);
}

void stdout_write(const char* data, size_t size) {
  RuntimeState& s = runtime_state();
  bool flush_line = s.stdout_line_buffered && std::memchr(data, '\n', size) != nullptr;
  if (s.stdout_length + size > kStdoutBufferSize) {
    stdout_flush();
    if (size >= kStdoutBufferSize) {  // a big write goes out directly
      write_all(1, data, size);
      return;
    }
  }
  std::memcpy(s.stdout_buffer + s.stdout_length, data, size);
  s.stdout_length += size;
  if (flush_line || s.stdout_length == kStdoutBufferSize) stdout_flush();
}

}  // namespace rpp::rlib
