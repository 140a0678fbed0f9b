import type { Clock } from '../../core/http/clock';

/** Shortest interval honoured: a pass costs a few requests per open file, on every account they name. */
export const MIN_REFRESH_INTERVAL_SECONDS = 30;
/** Regaining focus re-checks at most this often: alt-tabbing must not turn into a request storm. */
export const FOCUS_REFRESH_GAP_MS = 5_000;

/** The interval the setting means: 0 (or less, or not a number) is off; otherwise at least the minimum. */
export function effectiveRefreshInterval(seconds: number | undefined): number {
  if (seconds === undefined || !Number.isFinite(seconds) || seconds <= 0) return 0;
  return Math.max(MIN_REFRESH_INTERVAL_SECONDS, seconds);
}

export interface StatusRefreshOptions<F> {
  clock: Clock;
  /** The files whose status is on screen now; a pass with none sends nothing. */
  visibleFiles(): readonly F[];
  /** Re-checks one file's statuses (the cache's bulk computation). */
  refresh(file: F): Promise<void>;
  /** `trunkline.status.refreshInterval`, read at each arming. */
  intervalSeconds(): number | undefined;
  /** Whether the window has focus: unfocused, interval passes wait for it to come back. */
  focused(): boolean;
  /** Called when a pass starts (even with nothing visible), e.g. to drop the statuses of hidden files: they re-check when shown. */
  onPass?(): void;
  /** Called with a file whose refresh threw; the pass goes on with the next. */
  onError?(file: F, error: unknown): void;
}

/**
 * Background re-checks of document statuses: every `refreshInterval` seconds while the window
 * has focus, and when it regains focus. One pass at a time, one file after the other (the
 * providers' rate limits are per account; a burst of parallel bulk fetches is what hits them),
 * and a trigger that arrives while a pass runs is served by that pass instead of piling up.
 * The interval counts from the end of the last pass, so a slow provider is asked less often.
 */
export class StatusRefreshScheduler<F> {
  private running: Promise<void> | undefined;
  private timer: AbortController | undefined;
  private lastPassEnd = Number.NEGATIVE_INFINITY;
  /** An interval tick came while the window had no focus: the next focus runs a pass at once. */
  private due = false;
  /** How many passes ran (for tests and the log). */
  passes = 0;

  constructor(private readonly options: StatusRefreshOptions<F>) {}

  /** (Re)arms the interval from now, reading the setting: at start and when it changes. */
  schedule(): void {
    this.timer?.abort();
    this.timer = undefined;
    const seconds = effectiveRefreshInterval(this.options.intervalSeconds());
    if (seconds === 0) return;
    const controller = new AbortController();
    this.timer = controller;
    void this.tick(seconds * 1000, controller.signal);
  }

  /** The window's focus changed. */
  focusChanged(focused: boolean): Promise<void> | undefined {
    if (!focused) return undefined;
    if (!this.due && this.options.clock.now() - this.lastPassEnd < FOCUS_REFRESH_GAP_MS) return undefined;
    return this.runPass();
  }

  /** Runs a pass now, or returns the one already running. */
  runPass(): Promise<void> {
    if (this.running) return this.running;
    const pass = this.pass().finally(() => {
      this.running = undefined;
      this.lastPassEnd = this.options.clock.now();
    });
    this.running = pass;
    return pass;
  }

  dispose(): void {
    this.timer?.abort();
    this.timer = undefined;
  }

  private async tick(ms: number, signal: AbortSignal): Promise<void> {
    for (;;) {
      try {
        await this.options.clock.sleep(ms, signal);
      } catch {
        return; // re-armed or disposed
      }
      if (signal.aborted) return;
      if (this.options.focused()) await this.runPass();
      else this.due = true;
    }
  }

  private async pass(): Promise<void> {
    this.due = false;
    this.options.onPass?.();
    const files = this.options.visibleFiles();
    if (files.length === 0) return;
    this.passes++;
    for (const file of files) {
      try {
        await this.options.refresh(file);
      } catch (e) {
        this.options.onError?.(file, e);
      }
    }
  }
}
