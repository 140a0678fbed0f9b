import type { Clock } from '../../src/core/http/clock';

interface Timer {
  at: number;
  seq: number;
  resolve: () => void;
}

/**
 * Simulated time for many concurrent sleepers: `run` lets every callback that is ready run,
 * then moves time to the earliest pending sleep and wakes it, until the work settles. Minutes
 * of paced requests run in milliseconds, in the same order every time.
 */
export class SimulatedClock implements Clock {
  private time = 0;
  private seq = 0;
  private timers: Timer[] = [];

  now(): number {
    return this.time;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const timer: Timer = { at: this.time + Math.max(0, ms), seq: this.seq++, resolve };
      this.timers.push(timer);
      signal?.addEventListener(
        'abort',
        () => {
          this.timers = this.timers.filter((t) => t !== timer);
          reject(signal.reason);
        },
        { once: true },
      );
    });
  }

  /** Runs simulated time until `work` settles; throws when it waits on nothing this clock wakes. */
  async run<T>(work: Promise<T>): Promise<T> {
    let settled = false;
    work.then(
      () => (settled = true),
      () => (settled = true),
    );
    for (;;) {
      // Every pending promise callback runs before a macrotask.
      await new Promise((resolve) => setImmediate(resolve));
      if (settled) return work;
      if (this.timers.length === 0) throw new Error('the simulated work waits on something other than the clock');
      let next = 0;
      for (let i = 1; i < this.timers.length; i++) {
        const t = this.timers[i]!;
        const n = this.timers[next]!;
        if (t.at < n.at || (t.at === n.at && t.seq < n.seq)) next = i;
      }
      const [timer] = this.timers.splice(next, 1);
      this.time = Math.max(this.time, timer!.at);
      timer!.resolve();
    }
  }
}
