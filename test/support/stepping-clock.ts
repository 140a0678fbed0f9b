import type { Clock } from '../../src/core/http/clock';

/**
 * A clock whose sleeps return at once but advance its time, recording each delay, so that
 * retry tests check the waits without waiting them.
 */
export class SteppingClock implements Clock {
  readonly sleeps: number[] = [];
  private offset = 0;

  now(): number {
    return Date.now() + this.offset;
  }

  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw signal.reason;
    this.sleeps.push(ms);
    this.offset += ms;
  }
}

/** A clock whose sleeps stay pending until the test releases them, for ordering tests. */
export class ManualClock implements Clock {
  readonly pending: { ms: number; until: number; release: () => void }[] = [];
  private offset = 0;

  now(): number {
    return Date.now() + this.offset;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      this.pending.push({ ms, until: this.now() + ms, release: resolve });
      signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
  }

  async waitForSleeps(count: number): Promise<void> {
    for (let i = 0; i < 200 && this.pending.length < count; i++) await new Promise((r) => setTimeout(r, 5));
    if (this.pending.length < count) throw new Error(`expected ${count} pending sleeps, saw ${this.pending.length}`);
  }

  /** Moves time past every pending sleep and lets them all return. */
  releaseAll(): void {
    const released = this.pending.splice(0);
    const latest = Math.max(...released.map((s) => s.until));
    this.offset = Math.max(this.offset, latest - Date.now());
    for (const s of released) s.release();
  }
}
