// run_on_big_stack with pthreads (std::thread cannot set a stack size).
#include "translator/driver/big_stack.h"

#include <pthread.h>

#include <cstdio>
#include <cstdlib>

namespace rpp {

namespace {

struct Job {
  const std::function<int()>* body;
  int result = 0;
};

void* run_job(void* arg) {
  auto* job = static_cast<Job*>(arg);
  job->result = (*job->body)();
  return nullptr;
}

}  // namespace

int run_on_big_stack(const std::function<int()>& body) {
  constexpr size_t kStackSize = size_t(1) << 30;
  Job job{&body};
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, kStackSize);
  pthread_t thread;
  if (pthread_create(&thread, &attr, run_job, &job) != 0) {
    pthread_attr_destroy(&attr);
    return body();  // no big stack to be had: run here
  }
  pthread_attr_destroy(&attr);
  pthread_join(thread, nullptr);
  return job.result;
}

}  // namespace rpp
