import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { SNAPSHOT_VERSION, type EmulatorSnapshot } from './emulator-store';

/** Reads a persisted state; undefined when the file does not exist yet. */
export function readSnapshotFile(path: string): EmulatorSnapshot | undefined {
  if (!existsSync(path)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read emulator state from ${path}: ${(error as Error).message}`);
  }
  const snapshot = parsed as Partial<EmulatorSnapshot> | null;
  if (snapshot?.version !== SNAPSHOT_VERSION || !snapshot.twilio || !snapshot.carrierx || !Array.isArray(snapshot.ids)) {
    throw new Error(`${path} is not an emulator state file (version ${SNAPSHOT_VERSION}); delete it or choose another --persist file`);
  }
  return snapshot as EmulatorSnapshot;
}

/**
 * Writes the state after changes, atomically (temporary file + rename) so a crash never leaves
 * half a file. Writes are coalesced: changes made during a write are saved by the next one.
 */
export class SnapshotFileWriter {
  private writing: Promise<void> | undefined;
  private dirty = false;
  private failure: Error | undefined;

  constructor(
    private readonly path: string,
    private readonly snapshot: () => EmulatorSnapshot,
  ) {}

  schedule(): void {
    this.dirty = true;
    this.writing ??= this.drain()
      .catch((error: unknown) => {
        this.failure = error as Error;
      })
      .finally(() => {
        this.writing = undefined;
      });
  }

  /** Resolves when everything scheduled so far is on disk; rejects if a write failed since the last flush. */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
    const failure = this.failure;
    this.failure = undefined;
    if (failure) throw failure;
  }

  private async drain(): Promise<void> {
    while (this.dirty) {
      this.dirty = false;
      const text = JSON.stringify(this.snapshot());
      const temporary = `${this.path}.${process.pid}.tmp`;
      await mkdir(dirname(this.path), { recursive: true });
      await writeFile(temporary, text);
      await rename(temporary, this.path);
    }
  }
}
