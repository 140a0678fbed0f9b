import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Clock } from '../../../src/core/http/clock';
import { effectiveRefreshInterval, FOCUS_REFRESH_GAP_MS, StatusRefreshScheduler } from '../../../src/ui/documents/status-refresh-scheduler';

/** Virtual time: sleeps wake when a test advances past them, in order; aborted ones never do. */
class VirtualClock implements Clock {
  private time = 1_000_000;
  private sleepers: { until: number; wake: () => void; signal?: AbortSignal | undefined }[] = [];

  now(): number {
    return this.time;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const onAbort = () => reject(signal?.reason);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.sleepers.push({ until: this.time + ms, signal, wake: () => (signal?.removeEventListener('abort', onAbort), resolve()) });
    });
  }

  /** Pending, not aborted sleeps. */
  get waiting(): number[] {
    return this.sleepers.filter((s) => !s.signal?.aborted).map((s) => s.until - this.time);
  }

  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      const next = this.sleepers.filter((s) => !s.signal?.aborted && s.until <= end).sort((a, b) => a.until - b.until)[0];
      if (!next) break;
      this.sleepers.splice(this.sleepers.indexOf(next), 1);
      this.time = next.until;
      next.wake();
      await settle();
    }
    this.time = end;
    this.sleepers = this.sleepers.filter((s) => !s.signal?.aborted);
  }
}

const settle = () => new Promise<void>((r) => setImmediate(r));

/** A refresh that the test finishes by hand, to see what happens while one runs. */
function world(files: string[] = ['a.trunk.yaml']) {
  const clock = new VirtualClock();
  const state = { files, focused: true, interval: 60 as number | undefined, started: [] as string[], inFlight: 0, maxInFlight: 0, hold: false };
  const held: (() => void)[] = [];
  const scheduler = new StatusRefreshScheduler<string>({
    clock,
    visibleFiles: () => state.files,
    intervalSeconds: () => state.interval,
    focused: () => state.focused,
    refresh: async (file) => {
      state.started.push(file);
      state.inFlight++;
      state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
      if (state.hold) await new Promise<void>((r) => held.push(r));
      state.inFlight--;
    },
  });
  const release = async () => {
    while (held.length > 0) {
      held.shift()!();
      await settle();
    }
  };
  return { clock, state, scheduler, release };
}

describe('status refresh scheduling', () => {
  test('refreshes every open file at the interval, and not before', async () => {
    const { clock, state, scheduler } = world(['a', 'b']);
    scheduler.schedule();
    await clock.advance(59_000);
    assert.deepEqual(state.started, []);
    await clock.advance(1_000);
    assert.deepEqual(state.started, ['a', 'b']);
    await clock.advance(60_000);
    assert.deepEqual(state.started, ['a', 'b', 'a', 'b']);
    scheduler.dispose();
  });

  test('one file at a time, one pass at a time: triggers during a pass do not pile up', async () => {
    const { clock, state, scheduler, release } = world(['a', 'b', 'c']);
    state.hold = true;
    scheduler.schedule();
    await clock.advance(60_000);
    assert.deepEqual(state.started, ['a']);
    // A focus regained and three more interval periods while the provider is slow.
    void scheduler.focusChanged(true);
    void scheduler.runPass();
    await clock.advance(180_000);
    await release();
    assert.equal(state.maxInFlight, 1);
    assert.deepEqual(state.started, ['a', 'b', 'c'], 'the running pass served every trigger');
    assert.equal(scheduler.passes, 1);
    // The interval counts from the end of the pass.
    state.hold = false;
    await clock.advance(59_000);
    assert.equal(scheduler.passes, 1);
    await clock.advance(1_000);
    assert.equal(scheduler.passes, 2);
    scheduler.dispose();
  });

  test('nothing open: no request at all', async () => {
    const { clock, state, scheduler } = world([]);
    scheduler.schedule();
    await clock.advance(600_000);
    await scheduler.focusChanged(true);
    assert.deepEqual(state.started, []);
    assert.equal(scheduler.passes, 0);
    scheduler.dispose();
  });

  test('no interval passes while the window has no focus; coming back runs one at once', async () => {
    const { clock, state, scheduler } = world(['a']);
    scheduler.schedule();
    state.focused = false;
    await clock.advance(300_000);
    assert.deepEqual(state.started, []);
    state.focused = true;
    await scheduler.focusChanged(true);
    assert.deepEqual(state.started, ['a']);
    scheduler.dispose();
  });

  test('regaining focus re-checks, but at most once per gap', async () => {
    const { clock, state, scheduler } = world(['a']);
    state.interval = 0;
    scheduler.schedule();
    await scheduler.focusChanged(true);
    await scheduler.focusChanged(false);
    await scheduler.focusChanged(true);
    assert.deepEqual(state.started, ['a'], 'alt-tab right away: no second pass');
    await clock.advance(FOCUS_REFRESH_GAP_MS);
    await scheduler.focusChanged(true);
    assert.deepEqual(state.started, ['a', 'a']);
    scheduler.dispose();
  });

  test('0 turns the interval off; a changed setting re-arms it; small values count as 30 s', async () => {
    const { clock, state, scheduler } = world(['a']);
    state.interval = 0;
    scheduler.schedule();
    await clock.advance(3_600_000);
    assert.deepEqual(state.started, []);
    assert.deepEqual(clock.waiting, []);
    state.interval = 5;
    scheduler.schedule();
    assert.deepEqual(clock.waiting, [30_000]);
    await clock.advance(30_000);
    assert.deepEqual(state.started, ['a']);
    scheduler.dispose();
    assert.deepEqual(clock.waiting, [], 'disposed: no timer left');
    assert.deepEqual([effectiveRefreshInterval(undefined), effectiveRefreshInterval(-1), effectiveRefreshInterval(300)], [0, 0, 300]);
  });

  test('a file whose refresh fails does not stop the others', async () => {
    const clock = new VirtualClock();
    const errors: string[] = [];
    const refreshed: string[] = [];
    const scheduler = new StatusRefreshScheduler<string>({
      clock,
      visibleFiles: () => ['bad', 'good'],
      intervalSeconds: () => 0,
      focused: () => true,
      refresh: async (f) => {
        if (f === 'bad') throw new Error('HTTP 503');
        refreshed.push(f);
      },
      onError: (f, e) => errors.push(`${f}: ${(e as Error).message}`),
    });
    await scheduler.runPass();
    assert.deepEqual(refreshed, ['good']);
    assert.deepEqual(errors, ['bad: HTTP 503']);
  });
});
