// Buffered standard output (SEMANTICS.md "print buffering"): line-buffered on a tty, 8 KiB
// blocks otherwise; flushed at exit, on a fatal error and before os.read/os.write on fds 0-2.
#pragma once
#include <cstddef>

namespace rpp::rlib {

// Appends bytes (already UTF-8) to the stdout buffer, flushing as the mode says.
void stdout_write(const char* data, size_t size);
// Writes out what is buffered; false if the write failed (errno tells why).
bool stdout_flush();
// Writes all of `data` to `fd`, retrying on EINTR and short writes; false on error.
bool write_all(int fd, const char* data, size_t size);

}  // namespace rpp::rlib
