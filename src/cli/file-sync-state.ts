import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RemoteFingerprint } from '../core/documents/remote-fingerprint';
import { MemorySyncStateStore, type PendingCreate, type PendingCreateKey, type SyncStateKey, type SyncStateStore } from '../core/documents/sync-state';
import { isTrunkKind } from '../core/documents/trunk-kinds';
import { CliError } from './cli-error';
import { ExitCode } from './exit-codes';
import { writeFileAtomic } from './write-file-atomic';

/**
 * The remote version each document was last pushed or pulled with (drift detection), kept in a
 * small JSON file: `{ "version": 1, "documents": { "<file>#<document index>#<sid>": fingerprint },
 * "pendingCreates": { "<file>#<document index>": … } }`. Files are named relative to `root` (the
 * config file's folder), so the state means the same from any working directory and can be
 * cached between CI runs. Written by `save()`, and at once when a create is about to be sent
 * (that record must survive a crash of this run).
 */
export class FileSyncStateStore implements SyncStateStore {
  private dirty = false;

  private constructor(
    readonly file: string,
    private readonly root: string,
    private readonly cwd: string,
    private readonly memory: MemorySyncStateStore,
  ) {}

  /** Reads the file (absent: empty). An unreadable one is reported through `warn` and started over. */
  static open(file: string, root: string, cwd: string, warn: (message: string) => void): FileSyncStateStore {
    let entries: Record<string, RemoteFingerprint> = {};
    let pending: Record<string, PendingCreate> = {};
    let text: string | undefined;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new CliError(`Cannot read the sync state ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, ExitCode.setup, 'io');
    }
    if (text !== undefined) {
      const parsed = parseState(text);
      if (parsed) ({ entries, pending } = parsed);
      else warn(`Ignoring the unreadable sync state ${file}: changes made at the provider since the last push cannot be detected this time.`);
    }
    return new FileSyncStateStore(file, root, cwd, new MemorySyncStateStore(entries, pending));
  }

  get(key: SyncStateKey): RemoteFingerprint | undefined {
    return this.memory.get(this.stored(key));
  }

  set(key: SyncStateKey, fingerprint: RemoteFingerprint): void {
    this.memory.set(this.stored(key), fingerprint);
    this.dirty = true;
  }

  delete(key: SyncStateKey): void {
    this.memory.delete(this.stored(key));
    this.dirty = true;
  }

  getPendingCreate(key: PendingCreateKey): PendingCreate | undefined {
    return this.memory.getPendingCreate(this.stored(key));
  }

  setPendingCreate(key: PendingCreateKey, pending: PendingCreate): void {
    this.memory.setPendingCreate(this.stored(key), pending);
    this.dirty = true;
    this.save();
  }

  deletePendingCreate(key: PendingCreateKey): void {
    this.memory.deletePendingCreate(this.stored(key));
    this.dirty = true;
  }

  /** Writes the file when anything changed: atomically, creating its folder. */
  save(): void {
    if (!this.dirty) return;
    const sorted = Object.fromEntries(Object.entries(this.memory.toJSON()).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    const pendingCreates = this.memory.pendingToJSON();
    const body = Object.keys(pendingCreates).length > 0 ? { version: 1, documents: sorted, pendingCreates } : { version: 1, documents: sorted };
    const text = `${JSON.stringify(body, null, 2)}\n`;
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      writeFileAtomic(this.file, text);
    } catch (error) {
      throw new CliError(`Cannot write the sync state ${this.file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, ExitCode.setup, 'io');
    }
    this.dirty = false;
  }

  /** Documents are keyed by their file as the run names it (relative to the cwd); stored relative to the root. */
  private stored<K extends { uri: string }>(key: K): K {
    const relative = path.relative(this.root, path.resolve(this.cwd, key.uri)).split(path.sep).join('/');
    return { ...key, uri: relative };
  }
}

function parseState(text: string): { entries: Record<string, RemoteFingerprint>; pending: Record<string, PendingCreate> } | undefined {
  try {
    const json = JSON.parse(text) as { version?: unknown; documents?: unknown; pendingCreates?: unknown };
    if (json.version !== 1 || !json.documents || typeof json.documents !== 'object' || Array.isArray(json.documents)) return undefined;
    const entries: Record<string, RemoteFingerprint> = {};
    for (const [key, value] of Object.entries(json.documents as Record<string, unknown>)) {
      const fp = value as Partial<RemoteFingerprint> | null;
      if (!fp || typeof fp !== 'object' || typeof fp.fields !== 'object' || fp.fields === null) continue;
      if (fp.dateUpdated !== null && typeof fp.dateUpdated !== 'string') continue;
      entries[key] = { dateUpdated: fp.dateUpdated, fields: fp.fields as Record<string, string> };
    }
    const pending: Record<string, PendingCreate> = {};
    if (json.pendingCreates && typeof json.pendingCreates === 'object') {
      for (const [key, value] of Object.entries(json.pendingCreates as Record<string, unknown>)) {
        const p = value as Partial<PendingCreate> | null;
        if (p && isTrunkKind(p.kind) && typeof p.account === 'string' && typeof p.name === 'string' && Array.isArray(p.before)) {
          pending[key] = { kind: p.kind, account: p.account, name: p.name, before: p.before.filter((s): s is string => typeof s === 'string') };
        }
      }
    }
    return { entries, pending };
  } catch {
    return undefined;
  }
}
