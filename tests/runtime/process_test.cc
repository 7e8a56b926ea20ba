// print buffering, os functions on descriptors, fatal errors, rpp_main (argv, exit status,
// uncaught exceptions, RecursionError from the stack check) and the math helpers. Anything that
// exits runs in a forked child whose stdout and stderr are captured.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <functional>
#include <string>

#include "runtime/gc/gc.h"
#include "runtime/gc/type_info.h"
#include "runtime/layout.h"
#include "runtime/rlib/exceptions.h"
#include "runtime/rlib/fatal_error.h"
#include "runtime/rlib/helpers.h"
#include "runtime/rlib/main_support.h"
#include "runtime/rlib/runtime_state.h"
#include "runtime/rlib/str_list.h"
#include "tests/runtime/runtime_test_support.h"

using namespace rpp::runtime_test;
namespace layout = rpp::layout;

namespace {

struct ChildResult {
  int status = -1;
  std::string out, err;
};

std::string read_all(int fd) {
  std::string text;
  char buf[4096];
  ssize_t n;
  while ((n = read(fd, buf, sizeof buf)) > 0) text.append(buf, size_t(n));
  return text;
}

// Runs `body` in a child with stdout/stderr going to files (so not a tty: block buffering).
ChildResult in_child(const std::function<void()>& body) {
  char out_name[] = "/tmp/rpp_rt_outXXXXXX", err_name[] = "/tmp/rpp_rt_errXXXXXX";
  int out = mkstemp(out_name), err = mkstemp(err_name);
  fflush(stdout);
  pid_t pid = fork();
  if (pid == 0) {
    dup2(out, 1);
    dup2(err, 2);
    rpp::rlib::runtime_state().stdout_line_buffered = false;
    body();
    rpp_helper_print_flush();
    _exit(0);
  }
  ChildResult r;
  int status;
  waitpid(pid, &status, 0);
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  lseek(out, 0, SEEK_SET);
  lseek(err, 0, SEEK_SET);
  r.out = read_all(out);
  r.err = read_all(err);
  close(out);
  close(err);
  unlink(out_name);
  unlink(err_name);
  return r;
}

// A file of the child's output as written so far, read from inside the child.
std::string stdout_file_contents() {
  lseek(1, 0, SEEK_SET);
  std::string text = read_all(1);
  lseek(1, 0, SEEK_END);
  return text;
}

int64_t entry_echo(void* argv) {
  int64_t n = rpp::rlib::str_sequence_length(argv);
  for (int64_t i = 1; i < n; ++i) {
    rpp_helper_print_str(rpp::rlib::str_sequence_item(argv, i));
    rpp_helper_print_str(S("\n"));
  }
  return 300;  // & 0xFF = 44
}

int64_t entry_raise(void*) {
  rpp_helper_print_str(S("before\n"));
  rpp::rlib::raise_builtin(layout::kExcValueError, std::string_view("bad value \u20ac"));
  rpp_traceback_record("File \"t.py\", line 3, in inner");
  rpp_traceback_record("File \"t.py\", line 9, in entry_point");
  return 0;
}

int64_t recurse(int64_t depth) {
  char here;
  if (reinterpret_cast<uintptr_t>(&here) < layout::rpp_globals.stack_limit) {
    rpp_helper_stack_check_slowpath();
    if (layout::rpp_globals.exc_type) return -1;
  }
  volatile char pad[512];
  pad[0] = char(depth);
  int64_t r = recurse(depth + 1);
  return r < 0 ? r : r + pad[0];
}

int64_t entry_recursion(void*) {
  recurse(0);
  return 0;
}

}  // namespace

TEST_CASE("print is block-buffered when not a tty, flushed at exit") {
  ChildResult r = in_child([] {
    rpp_helper_print_str(S("one\n"));
    std::string seen = stdout_file_contents();
    rpp_helper_print_str(S(seen.empty() ? "buffered\n" : "unbuffered\n"));
    rpp_helper_print_str(S("\u20ac\n"));
  });
  CHECK(r.status == 0);
  CHECK(r.out == "one\nbuffered\n\u20ac\n");
}

TEST_CASE("print is line-buffered on a tty") {
  int master = -1;
  fflush(stdout);
  pid_t pid = forkpty(&master, nullptr, nullptr, nullptr);
  REQUIRE(pid >= 0);
  if (pid == 0) {
    layout::rpp_globals.runtime_state = nullptr;  // made again, for this process's stdout (a tty)
    rpp_helper_print_str(S("one\n"));
    rpp_helper_print_str(S("two"));
    _exit(0);  // without the flush at exit: only complete lines got out
  }
  std::string seen;
  char buf[256];
  ssize_t n;
  while ((n = read(master, buf, sizeof buf)) > 0) seen.append(buf, size_t(n));
  int status;
  waitpid(pid, &status, 0);
  close(master);
  CHECK(seen == "one\r\n");
}

TEST_CASE("os.write on fds 0-2 flushes print's buffer first; 8 KiB blocks") {
  ChildResult r = in_child([] {
    rpp_helper_print_str(S("printed "));
    rpp_helper_os_write(1, B("written\n"));
    for (int i = 0; i < 1000; ++i) rpp_helper_print_str(S("0123456789"));
    std::string seen = stdout_file_contents();
    rpp_helper_print_str(S(seen.size() >= 8192 ? "\nblocks\n" : "\nheld\n"));
  });
  CHECK(r.out.rfind("printed written\n", 0) == 0);
  CHECK(r.out.find("\nblocks\n") != std::string::npos);
}

TEST_CASE("os functions raise OSError with errno and CPython's message") {
  CHECK(rpp_helper_os_open(S("/nonexistent/x"), O_RDONLY, 0) == -1);
  CHECK(take_exception() == "OSError: [Errno 2] No such file or directory: '/nonexistent/x'");
  CHECK(rpp_helper_os_write(-1, B("x")) == -1);
  CHECK(take_exception() == "OSError: [Errno 9] Bad file descriptor");
  char name[] = "/tmp/rpp_rt_fileXXXXXX";
  close(mkstemp(name));
  int64_t fd = rpp_helper_os_open(S(name), O_RDWR, 0);
  REQUIRE(fd >= 0);
  CHECK(rpp_helper_os_write(fd, B("hello")) == 5);
  CHECK(rpp_helper_os_lseek(fd, 1, SEEK_SET) == 1);
  CHECK(UB(rpp_helper_os_read(fd, 3)) == "ell");
  rpp_helper_os_ftruncate(fd, 2);
  CHECK(rpp_helper_os_lseek(fd, 0, SEEK_END) == 2);
  CHECK(!rpp_helper_os_isatty(fd));
  rpp_helper_os_close(fd);
  rpp_helper_os_unlink(S(name));
  CHECK(take_exception().empty());
  rpp_helper_os_close(fd);
  CHECK(take_exception() == "OSError: [Errno 9] Bad file descriptor");
  CHECK(rpp_helper_os_getenv(S("RPP_SURELY_UNSET_VARIABLE")) == nullptr);
  setenv("RPP_TEST_VAR", "v\u00e9", 1);
  CHECK(U(rpp_helper_os_getenv(S("RPP_TEST_VAR"))) == "v\u00e9");
}

TEST_CASE("time") {
  CHECK(rpp_helper_time_time() > 1.6e9);
  double t0 = rpp_helper_time_clock();
  rpp_helper_time_sleep(0.001);
  CHECK(rpp_helper_time_clock() > t0);
  CHECK(rpp_helper_time_perf_counter_ns() > 0);
  rpp_helper_time_sleep(-1);
  CHECK(take_exception() == "ValueError: sleep length must be non-negative");
}

TEST_CASE("fatal errors flush stdout, print the traceback and the message, exit 1") {
  ChildResult r = in_child([] {
    rpp_helper_print_str(S("partial output"));
    rpp_traceback_record("File \"x.py\", line 1, in f");
    rpp_helper_fatal_error(S("it broke"));
  });
  CHECK(r.status == 1);
  CHECK(r.out == "partial output");
  CHECK(r.err == "RPython traceback:\n  File \"x.py\", line 1, in f\nFatal RPython error: it broke\n");
}

TEST_CASE("process_exit flushes and exits with status & 0xFF") {
  ChildResult r = in_child([] {
    rpp_helper_print_str(S("bye"));
    rpp_helper_process_exit(258);
  });
  CHECK(r.status == 2);
  CHECK(r.out == "bye");
}

TEST_CASE("rpp_main: argv as str (surrogateescape), exit status, uncaught exception, RecursionError") {
  static const layout::TypeInfo* table = layout::rpp_globals.type_info_table;
  static uint64_t count = layout::rpp_globals.type_info_count;
  static const layout::BuiltinExceptionInfo* builtins = layout::rpp_globals.builtin_exceptions;
  ChildResult echo = in_child([] {
    RppProgram p{entry_echo, nullptr, table, count, builtins, 0};
    char a0[] = "prog", a1[] = "h\xc3\xa9", a2[] = "bad\xff";
    char* argv[] = {a0, a1, a2, nullptr};
    _exit(rpp_main(3, argv, &p));
  });
  CHECK(echo.status == 44);
  CHECK(echo.out == "h\u00e9\nbad\xff\n");

  ChildResult raised = in_child([] {
    RppProgram p{entry_raise, nullptr, table, count, builtins, 0};
    char a0[] = "prog";
    char* argv[] = {a0, nullptr};
    _exit(rpp_main(1, argv, &p));
  });
  CHECK(raised.status == 1);
  CHECK(raised.out == "before\n");
  CHECK(raised.err ==
        "RPython traceback:\n  File \"t.py\", line 9, in entry_point\n  File \"t.py\", line 3, in inner\n"
        "ValueError: bad value \u20ac\n");

  ChildResult deep = in_child([] {
    RppProgram p{entry_recursion, nullptr, table, count, builtins, 64 << 20};
    char a0[] = "prog";
    char* argv[] = {a0, nullptr};
    _exit(rpp_main(1, argv, &p));
  });
  CHECK(deep.status == 1);
  CHECK(deep.err == "RecursionError: maximum recursion depth exceeded\n");
}

TEST_CASE("math helpers raise as CPython") {
  CHECK(rpp_helper_math_sqrt(4.0) == 2.0);
  rpp_helper_math_sqrt(-1.0);
  CHECK(take_exception() == "ValueError: math domain error");
  rpp_helper_math_exp(1000.0);
  CHECK(take_exception() == "OverflowError: math range error");
  rpp_helper_math_log(0.0);
  CHECK(take_exception() == "ValueError: math domain error");
  CHECK(std::isinf(rpp_helper_math_exp(INFINITY)));
  CHECK(take_exception().empty());
  CHECK(rpp_helper_math_floor(-1.5) == -2);
  CHECK(rpp_helper_math_ceil(-1.5) == -1);
  rpp_helper_math_floor(NAN);
  CHECK(take_exception() == "ValueError: cannot convert float NaN to integer");
  rpp_helper_math_ceil(INFINITY);
  CHECK(take_exception() == "OverflowError: cannot convert float infinity to integer");
  CHECK(rpp_helper_float_round(2.5) == 2);
  CHECK(rpp_helper_float_round(3.5) == 4);
  CHECK(rpp_helper_float_round(-0.5) == 0);
  CHECK(rpp_helper_float_round_digits(2.675, 2) == 2.67);
  CHECK(rpp_helper_float_round_digits(1234.5, -1) == 1230.0);
  CHECK(rpp_helper_float_pow(2.0, 10.0) == 1024.0);
  rpp_helper_float_pow(0.0, -1.0);
  CHECK(take_exception() == "ZeroDivisionError: 0.0 cannot be raised to a negative power");
  rpp_helper_float_pow(10.0, 400.0);
  CHECK(take_exception() == "OverflowError: (34, 'Numerical result out of range')");
  CHECK(rpp_helper_int_pow(3, 4) == 81);
  CHECK(rpp_helper_int_pow(2, 64) == 0);  // wraps
  CHECK(rpp_helper_math_fmod(-7.0, 3.0) == -1.0);
  rpp_helper_math_fmod(INFINITY, 1.0);
  CHECK(take_exception() == "ValueError: math domain error");
  CHECK(rpp_helper_math_hypot(3, 4) == 5.0);
  rpp_helper_math_gamma(0.0);
  CHECK(take_exception() == "ValueError: math domain error");
  CHECK(rpp_helper_math_atan2(0.0, -1.0) == M_PI);
}

