// rpp_main and the argv list (main_support.h).
#include "runtime/rlib/main_support.h"

#include <pthread.h>
#include <unistd.h>

#include <cstring>
#include <string>

#include "runtime/gc/gc.h"
#include "runtime/gc/roots.h"
#include "runtime/rlib/exceptions.h"
#include "runtime/rlib/fatal_error.h"
#include "runtime/rlib/stdout_buffer.h"
#include "runtime/rlib/str_list.h"
#include "runtime/rlib/str_object.h"
#include "runtime/rlib/utf8.h"

namespace layout = rpp::layout;

namespace {

constexpr uint64_t kDefaultStackSize = uint64_t(1) << 30;
constexpr uintptr_t kStackMargin = 256 * 1024;  // room to raise and report RecursionError

struct Run {
  int argc;
  char** argv;
  const RppProgram* program;
  pthread_t main_thread;
  int status = 0;
};

void* run_program(void* arg) {
  auto* run = static_cast<Run*>(arg);
  pthread_attr_t attr;
  void* stack_low = nullptr;
  size_t stack_size = 0;
  if (pthread_getattr_np(pthread_self(), &attr) == 0) {
    pthread_attr_getstack(&attr, &stack_low, &stack_size);
    pthread_attr_destroy(&attr);
  }
  char* stack_high = static_cast<char*>(stack_low) + stack_size;
  bool own_thread = !pthread_equal(pthread_self(), run->main_thread);
  if (own_thread) rpp_gc_register_thread(stack_high);
  layout::rpp_globals.stack_limit = reinterpret_cast<uintptr_t>(stack_low) + kStackMargin;

  void* args = rpp_make_argv(run->argc, run->argv);
  int64_t result = run->program->entry_point(args);
  int exit_status = 0;
  std::string exit_message;
  if (rpp::rlib::system_exit_status(layout::rpp_globals.exc_type, layout::rpp_globals.exc_value, &exit_status,
                                    &exit_message)) {
    // An uncaught SystemExit (sys.exit) is the exit status, as in CPython; a message goes to stderr.
    layout::rpp_globals.exc_type = nullptr;
    layout::rpp_globals.exc_value = nullptr;
    rpp::rlib::stdout_flush();
    if (!exit_message.empty()) {
      exit_message += "\n";
      rpp::rlib::write_all(2, exit_message.data(), exit_message.size());
    }
    run->status = exit_status;
  } else if (layout::rpp_globals.exc_type) {
    rpp_report_uncaught_exception(run->program);
    run->status = 1;
  } else {
    run->status = int(result & 0xFF);
  }
  rpp::rlib::stdout_flush();
  if (own_thread) rpp_gc_unregister_thread();
  return nullptr;
}

}  // namespace

extern "C" {

void* rpp_make_argv(int argc, char** argv) {
  rpp::gc::Rooted<void> list(rpp::rlib::new_str_list(argc));
  for (int i = 0; i < argc; ++i) {
    void* s = rpp::rlib::str_from_utf8_lossless(argv[i]);
    rpp::rlib::set_str_list_item(list.get(), i, s);
  }
  return list.get();
}

void rpp_report_uncaught_exception(const RppProgram* program) {
  const layout::ClassVtable* type = layout::rpp_globals.exc_type;
  layout::GcHeader* value = layout::rpp_globals.exc_value;
  layout::rpp_globals.exc_type = nullptr;
  layout::rpp_globals.exc_value = nullptr;
  rpp::rlib::stdout_flush();
  rpp_traceback_print();
  std::string name = type && type->name ? rpp::rlib::utf8_of(type->name) : "Exception";
  std::string message;
  if (program && program->exception_str && value) {
    rpp::gc::Rooted<void> exc(value);
    void* text = program->exception_str(exc.get());
    if (layout::rpp_globals.exc_type) {  // str(e) raised: give up on the message
      layout::rpp_globals.exc_type = nullptr;
      layout::rpp_globals.exc_value = nullptr;
    } else if (text) {
      message = rpp::rlib::utf8_of(text);
    }
  } else if (program && program->builtin_exceptions && value) {
    for (uint32_t k = 0; k < layout::kBuiltinExceptionCount; ++k) {
      const layout::BuiltinExceptionInfo& info = program->builtin_exceptions[k];
      if (info.vtable == type && info.message_offset) {
        void* text = layout::read_at<void*>(value, info.message_offset);
        if (text) message = rpp::rlib::utf8_of(text);
      }
    }
  }
  std::string line = message.empty() ? name + "\n" : name + ": " + message + "\n";
  rpp::rlib::write_all(2, line.data(), line.size());
}

int rpp_main(int argc, char** argv, const RppProgram* program) {
  rpp_gc_init(program->type_info_table, program->type_info_count);
  layout::rpp_globals.builtin_exceptions = program->builtin_exceptions;
  Run run{argc, argv, program, pthread_self()};
  // A big stack if the system gives one (smaller ones next), else the main thread's own.
  for (uint64_t size = program->stack_size ? program->stack_size : kDefaultStackSize; size >= (uint64_t(16) << 20);
       size /= 4) {
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, size);
    pthread_t thread;
    int failed = pthread_create(&thread, &attr, run_program, &run);
    pthread_attr_destroy(&attr);
    if (!failed) {
      pthread_join(thread, nullptr);
      return run.status;
    }
  }
  run_program(&run);
  return run.status;
}

}  // extern "C"
