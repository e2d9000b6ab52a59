import { performance } from 'node:perf_hooks';

/**
 * Wall-clock time in ms with sub-ms precision. Delivery latency is measured across processes (sender and
 * receivers), so it needs a clock they share; each process's `timeOrigin` is read from the system clock at
 * start, which keeps them within a few µs of each other on one machine.
 */
export function wallClockMs(): number {
  return performance.timeOrigin + performance.now();
}
