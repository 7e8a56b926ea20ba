/* The loops of bench/jit/jit_bench.cc written in C, compiled with `gcc -O2` by run.sh: the
 * reference the JIT's code is compared with. Usage: reference_loops int|float N */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* An LCG and a mix of its bits: every iteration depends on the one before (no vectorizing). */
__attribute__((noinline)) static int64_t int_loop(int64_t n) {
  uint64_t x = 1, acc = 0;
  for (int64_t i = 0; i < n; ++i) {
    x = x * 6364136223846793005ull + 1442695040888963407ull;
    acc += (x >> 33) ^ (uint64_t)i;
  }
  return (int64_t)acc;
}

/* An oscillator integrated step by step (symplectic Euler: it stays bounded, never denormal). */
__attribute__((noinline)) static double float_loop(int64_t n) {
  double x = 1.0, v = 0.0;
  for (int64_t i = 0; i < n; ++i) {
    double a = x * -0.01 + 0.0001;
    v = v + a * 0.5;
    x = x + v * 0.5;
  }
  return x + v;
}

int main(int argc, char** argv) {
  if (argc != 3) return 2;
  int64_t n = atoll(argv[2]);
  struct timespec t0, t1;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t0);
  if (strcmp(argv[1], "int") == 0) {
    int64_t r = int_loop(n);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t1);
    printf("result %lld\n", (long long)r);
  } else {
    double r = float_loop(n);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t1);
    printf("result %.17g\n", r);
  }
  printf("seconds %.6f\n", (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) * 1e-9);
  return 0;
}
