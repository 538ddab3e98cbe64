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
