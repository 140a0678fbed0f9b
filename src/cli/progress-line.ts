import type { CliIo } from './cli-io';

/**
 * One line of progress on stderr, redrawn in place, for runs long enough to need it. Only on a
 * terminal (never in CI logs or when stderr is captured) and not with --quiet.
 */
export class ProgressLine {
  private readonly enabled: boolean;
  private shown = false;

  constructor(
    private readonly io: CliIo,
    quiet: boolean,
  ) {
    this.enabled = io.isTTY.stderr && !quiet;
  }

  update(text: string): void {
    if (!this.enabled) return;
    this.io.stderr.write(`\r\x1b[K${text}`);
    this.shown = true;
  }

  clear(): void {
    if (!this.shown) return;
    this.io.stderr.write('\r\x1b[K');
    this.shown = false;
  }
}
