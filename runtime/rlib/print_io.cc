// print and the os functions on file descriptors: print_str (UTF-8 into the stdout buffer),
// print_flush, print_stderr, debug_print_line, os_write/os_read (flushing stdout first on fds 0-2), os_open,
// os_close, os_lseek, os_isatty, os_ftruncate, os_unlink, os_getenv. Errors raise OSError.
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

#include "runtime/gc/roots.h"
#include "runtime/rlib/exceptions.h"
#include "runtime/rlib/helpers.h"
#include "runtime/rlib/stdout_buffer.h"
#include "runtime/rlib/str_object.h"
#include "runtime/rlib/utf8.h"

using namespace rpp::rlib;
namespace layout = rpp::layout;

namespace {

void flush_if_stdio(int64_t fd) {
  if (fd >= 0 && fd <= 2) stdout_flush();
}

// A path argument as a C string (UTF-8, surrogateescape); false (OSError raised) if it has a NUL.
bool path_of(void* path, std::string& out) {
  out = utf8_of(path);
  if (out.find('\0') != std::string::npos) {
    raise_builtin(layout::kExcValueError, std::string_view("embedded null byte"));
    return false;
  }
  return true;
}

}  // namespace

extern "C" {

void rpp_helper_print_str(void* s) {
  StrView v(s);
  if (!v.wide) {
    bool ascii = true;
    for (int64_t i = 0; i < v.length && ascii; ++i) ascii = v.narrow()[i] < 0x80;
    if (ascii) {
      stdout_write(reinterpret_cast<const char*>(v.narrow()), size_t(v.length));
      return;
    }
  }
  std::string text = utf8_of(s);
  stdout_write(text.data(), text.size());
}

void rpp_helper_print_flush() {
  if (!stdout_flush() && errno != EPIPE) raise_os_error(errno);
}

void rpp_helper_print_stderr(void* s) {
  std::string text = utf8_of(s);
  write_all(2, text.data(), text.size());
}

void rpp_helper_debug_print_line(void* s) {
  stdout_flush();  // debug output follows what the program printed before it
  std::string text = utf8_of(s);
  text += '\n';
  write_all(2, text.data(), text.size());
}

int64_t rpp_helper_os_write(int64_t fd, void* data) {
  flush_if_stdio(fd);
  while (true) {
    ssize_t n = ::write(int(fd), layout::str_narrow_chars(data), size_t(layout::str_length(data)));
    if (n >= 0) return n;
    if (errno != EINTR) {
      raise_os_error(errno);
      return -1;
    }
  }
}

void* rpp_helper_os_read(int64_t fd, int64_t count) {
  flush_if_stdio(fd);
  if (count < 0) {
    raise_os_error(EINVAL);
    return nullptr;
  }
  std::string buffer(size_t(count), '\0');
  while (true) {
    ssize_t n = ::read(int(fd), buffer.data(), size_t(count));
    if (n >= 0) return bytes_from(buffer.data(), size_t(n));
    if (errno != EINTR) {
      raise_os_error(errno);
      return nullptr;
    }
  }
}

int64_t rpp_helper_os_open(void* path, int64_t flags, int64_t mode) {
  std::string p;
  if (!path_of(path, p)) return -1;
  int fd;
  do fd = ::open(p.c_str(), int(flags) | O_CLOEXEC, int(mode));
  while (fd < 0 && errno == EINTR);
  if (fd < 0) raise_os_error(errno, path);
  return fd;
}

void rpp_helper_os_close(int64_t fd) {
  if (::close(int(fd)) < 0) raise_os_error(errno);
}

int64_t rpp_helper_os_lseek(int64_t fd, int64_t position, int64_t how) {
  off_t r = ::lseek(int(fd), off_t(position), int(how));
  if (r < 0) raise_os_error(errno);
  return r;
}

bool rpp_helper_os_isatty(int64_t fd) { return ::isatty(int(fd)) == 1; }

void rpp_helper_os_ftruncate(int64_t fd, int64_t length) {
  if (::ftruncate(int(fd), off_t(length)) < 0) raise_os_error(errno);
}

void rpp_helper_os_unlink(void* path) {
  std::string p;
  if (!path_of(path, p)) return;
  if (::unlink(p.c_str()) < 0) raise_os_error(errno, path);
}

void* rpp_helper_os_getenv(void* name) {
  std::string n;
  if (!path_of(name, n)) return nullptr;
  const char* value = std::getenv(n.c_str());
  return value ? str_from_utf8_lossless(value) : nullptr;
}

}  // extern "C"
