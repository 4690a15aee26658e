/* Machine-speed calibration for `npm run bench`: the seed-000 network (N, K from argv; T = 5 s, dt = 0.1 ms) as
 * one plain C loop with the same update order as spikeflow's clock engine (Euler update, threshold, same-step
 * delivery, reset) and Erdős–Rényi connectivity by geometric skips. The targets were set when this kind of
 * loop ran in 0.94 s here; the bench reports each case's time over this program's, which is stable across busy
 * and quiet machines where absolute seconds are not. Not part of spikeflow; compiled only if `cc` exists. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static uint64_t state = 88172645463325252ULL;
static double uniform(void) {
  state ^= state << 13;
  state ^= state >> 7;
  state ^= state << 17;
  return (double)(state >> 11) * (1.0 / 9007199254740992.0);
}

static double seconds(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

int main(int argc, char **argv) {
  const int n = argc > 1 ? atoi(argv[1]) : 10000, k = argc > 2 ? atoi(argv[2]) : 1000;
  const int steps = 50000;
  const double dt = 1e-4, tau = 0.01, rate = 10.0, j0 = 1.0;
  const double drive = sqrt((double)k) * rate * j0 * tau, weight = -j0 / sqrt((double)k), p = (double)k / (n - 1);
  const double started = seconds();
  int *offsets = malloc(sizeof(int) * (size_t)(n + 1));
  size_t capacity = (size_t)((double)n * k * 1.2) + 1024, count = 0;
  int32_t *targets = malloc(sizeof(int32_t) * capacity);
  const double log_miss = log1p(-p);
  for (int pre = 0; pre < n; pre++) {
    offsets[pre] = (int)count;
    for (long m = (long)floor(log(1 - uniform()) / log_miss); m < n - 1; m += 1 + (long)floor(log(1 - uniform()) / log_miss)) {
      if (count == capacity) targets = realloc(targets, sizeof(int32_t) * (capacity *= 2));
      targets[count++] = (int32_t)(m < pre ? m : m + 1);
    }
  }
  offsets[n] = (int)count;
  const double connected = seconds();
  double *v = malloc(sizeof(double) * (size_t)n);
  int *spiking = malloc(sizeof(int) * (size_t)n);
  for (int i = 0; i < n; i++) v[i] = uniform();
  long spikes = 0;
  const double a = dt / tau;
  for (int step = 0; step < steps; step++) {
    int fired = 0;
    for (int i = 0; i < n; i++) {
      v[i] = v[i] + a * (drive - v[i]);
      if (v[i] >= 1.0) spiking[fired++] = i;
    }
    for (int s = 0; s < fired; s++)
      for (int q = offsets[spiking[s]]; q < offsets[spiking[s] + 1]; q++) v[targets[q]] += weight;
    for (int s = 0; s < fired; s++) v[spiking[s]] = 0.0;
    spikes += fired;
  }
  const double finished = seconds();
  printf("{\"simulation_wall_s\":%.6f,\"connectivity_s\":%.6f,\"spikes\":%ld}\n", finished - connected, connected - started, spikes);
  return 0;
}
