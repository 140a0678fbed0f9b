import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RemoteFingerprint } from '../core/documents/sync/remote-fingerprint';
import { legacyEntriesBySid, MemorySyncStateStore, pendingCreateKeyId, pendingCreateOf, type PendingCreate, type PendingCreateKey, type SyncStateKey, type SyncStateStore } from '../core/documents/sync/sync-state';
import { CliError } from './cli-error';
import { ExitCode } from './exit-codes';
import { writeFileAtomic } from './write-file-atomic';

/**
 * The remote version each resource was last pushed or pulled with (drift detection), kept in a
 * small JSON file: `{ "version": 2, "resources": { "<account>/<kind>/<sid>": fingerprint },
 * "pendingCreates": { "<file>#<document index>#<account>/<kind>/<name>": { uri, index, kind, account, name, before } } }`. Resources are keyed by identity, so
 * moving, renaming or reordering documents keeps their history; version 1 files (keyed by file
 * and document index) are read and their entries kept by sid under `legacy` until each resource
 * is synced again. Files of pending creates are named relative to `root` (the config file's
 * folder), so the state means the same from any working directory and can be cached between CI
 * runs. Written by `save()`, and at once when a create is about to be sent (that record must
 * survive a crash of this run).
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
    let legacy = new Map<string, RemoteFingerprint>();
    let pending: Record<string, PendingCreate> = {};
    let text: string | undefined;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new CliError(`Cannot read the sync state ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, ExitCode.setup, 'io');
    }
    if (text !== undefined) {
      const parsed = parseState(text);
      if (parsed) ({ entries, pending, legacy } = parsed);
      else warn(`Ignoring the unreadable sync state ${file}: changes made at the provider since the last push cannot be detected this time.`);
    }
    return new FileSyncStateStore(file, root, cwd, new MemorySyncStateStore(entries, pending, legacy));
  }

  get(key: SyncStateKey): RemoteFingerprint | undefined {
    return this.memory.get(key);
  }

  set(key: SyncStateKey, fingerprint: RemoteFingerprint): void {
    this.memory.set(key, fingerprint);
    this.dirty = true;
  }

  delete(key: SyncStateKey): void {
    this.memory.delete(key);
    this.dirty = true;
  }

  /** Named as this run names files (relative to the cwd), whatever the folder the state was written from. */
  pendingCreates(): PendingCreate[] {
    return this.memory.pendingCreates().map((p) => ({ ...p, uri: this.asRun(p.uri) }));
  }

  setPendingCreate(pending: PendingCreate): void {
    this.memory.setPendingCreate(this.stored(pending));
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
    const sorted = <T>(record: Record<string, T>) => Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    const pendingCreates = this.memory.pendingToJSON();
    const legacy = this.memory.legacyToJSON();
    const body = {
      version: 2,
      resources: sorted(this.memory.toJSON()),
      ...(Object.keys(legacy).length > 0 ? { legacy: sorted(legacy) } : {}),
      ...(Object.keys(pendingCreates).length > 0 ? { pendingCreates } : {}),
    };
    const text = `${JSON.stringify(body, null, 2)}\n`;
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      writeFileAtomic(this.file, text);
    } catch (error) {
      throw new CliError(`Cannot write the sync state ${this.file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, ExitCode.setup, 'io');
    }
    this.dirty = false;
  }

  /** Pending creates are keyed by their file as the run names it (relative to the cwd); stored relative to the root. */
  private stored<K extends { uri: string }>(key: K): K {
    const relative = path.relative(this.root, path.resolve(this.cwd, key.uri)).split(path.sep).join('/');
    return { ...key, uri: relative };
  }

  private asRun(stored: string): string {
    const absolute = path.resolve(this.root, stored);
    const relative = path.relative(this.cwd, absolute);
    return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? absolute : relative;
  }
}

function parseState(text: string): { entries: Record<string, RemoteFingerprint>; legacy: Map<string, RemoteFingerprint>; pending: Record<string, PendingCreate> } | undefined {
  try {
    const json = JSON.parse(text) as { version?: unknown; documents?: unknown; resources?: unknown; legacy?: unknown; pendingCreates?: unknown };
    let entries: Record<string, RemoteFingerprint> = {};
    let legacy = new Map<string, RemoteFingerprint>();
    if (json.version === 1 && isRecord(json.documents)) {
      legacy = legacyEntriesBySid(fingerprints(json.documents));
    } else if (json.version === 2 && isRecord(json.resources)) {
      entries = fingerprints(json.resources);
      if (isRecord(json.legacy)) legacy = new Map(Object.entries(fingerprints(json.legacy)));
    } else {
      return undefined;
    }
    const pending: Record<string, PendingCreate> = {};
    if (isRecord(json.pendingCreates)) {
      for (const [key, value] of Object.entries(json.pendingCreates)) {
        const entry = pendingCreateOf(key, value);
        if (entry) pending[pendingCreateKeyId(entry)] = entry;
      }
    }
    return { entries, legacy, pending };
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

/** The well-formed fingerprints of a record; others are dropped (their resources simply have no history). */
function fingerprints(record: Record<string, unknown>): Record<string, RemoteFingerprint> {
  const entries: Record<string, RemoteFingerprint> = {};
  for (const [key, value] of Object.entries(record)) {
    const fp = value as Partial<RemoteFingerprint> | null;
    if (!fp || typeof fp !== 'object' || typeof fp.fields !== 'object' || fp.fields === null) continue;
    if (fp.dateUpdated !== null && typeof fp.dateUpdated !== 'string') continue;
    entries[key] = { dateUpdated: fp.dateUpdated, fields: fp.fields as Record<string, string> };
  }
  return entries;
}
