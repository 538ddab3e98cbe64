// The garbage collector's pauses within an action: the bench prints them, as the collector's time is part
// of the add-in's (and of the emulated services') measured milliseconds. Node's GCProfiler is read
// synchronously, unlike a PerformanceObserver, whose entries wait for the event loop.
import { GCProfiler } from 'node:v8';

export function gcDuring<T>(run: () => T): { value: T; gcMs: number } {
  const profiler = new GCProfiler();
  profiler.start();
  const value = run();
  const stats = profiler.stop();
  // `cost` is in microseconds.
  const gcMs = (stats?.statistics ?? []).reduce((ms, s) => ms + s.cost / 1000, 0);
  return { value, gcMs };
}

const collector = (globalThis as { gc?: () => void }).gc;
const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * A full collection (with --expose-gc, as `npm run bench` runs), then a short wait: the collector sweeps
 * its pages on other threads after it returns, and whatever runs at once pays for what is not swept yet
 * (a loop timed straight after gc() ran up to 2x slower). Untimed: it is the bench's doing, not the add-in's.
 */
export function settledCollection(): void {
  if (!collector) return;
  collector();
  Atomics.wait(pause, 0, 0, 200);
}
