import { claimConflictDiagnostic, claimKey, type ClaimElsewhere, type ClaimType, type TrunkClaim } from './trunk-claims';
import type { TrunkDiagnostic } from './trunk-diagnostic';

/**
 * Phone numbers and trunk domains claimed by every trunk file of a workspace, so that a
 * claim made by two files is reported in both. The editor keeps one for the open workspace;
 * the CLI builds one over the files it validates. Collisions inside one file are the file's
 * own diagnostics (parseTrunkFile), not reported again here.
 */
export class WorkspaceIndex {
  private readonly files = new Map<string, IndexedFile>();
  /** For each claim key, the files that make it and which of their claims. */
  private readonly urisByKey = new Map<string, Map<string, number[]>>();

  /**
   * Records (or replaces) the claims of one file, e.g. `parseTrunkFile(text).claims`.
   * Returns the other files whose cross-file diagnostics may have changed.
   */
  update(uri: string, claims: readonly TrunkClaim[]): string[] {
    const keys = claims.map(claimKey);
    const old = this.files.get(uri);
    if (old && sameKeys(old.keys, keys)) {
      // Typing that changed no number or domain (the usual keystroke): the claims only moved.
      const affected = new Set<string>();
      for (const key of keys) {
        if (!old.shared.has(key)) continue;
        const byUri = this.urisByKey.get(key)!;
        // Listed last among the files of the key, as after removing and adding it again.
        const indexes = byUri.get(uri)!;
        byUri.delete(uri);
        byUri.set(uri, indexes);
        for (const other of byUri.keys()) if (other !== uri) affected.add(other);
      }
      old.claims = claims;
      return [...affected];
    }
    const affected = this.removeClaims(uri);
    const entry: IndexedFile = { claims, keys, shared: new Set() };
    this.files.set(uri, entry);
    keys.forEach((key, i) => {
      let byUri = this.urisByKey.get(key);
      if (!byUri) this.urisByKey.set(key, (byUri = new Map()));
      const list = byUri.get(uri);
      if (list) list.push(i);
      else byUri.set(uri, [i]);
      for (const other of byUri.keys()) {
        if (other === uri) continue;
        affected.add(other);
        entry.shared.add(key);
        this.files.get(other)?.shared.add(key);
      }
    });
    return [...affected];
  }

  /** Forgets a file (deleted, or no longer a trunk file). Returns the files affected. */
  remove(uri: string): string[] {
    const affected = this.removeClaims(uri);
    this.files.delete(uri);
    return [...affected];
  }

  /**
   * The files that claim this value for any account (a Twilio domain is unique across
   * Twilio, so a wizard checks it whatever account a file names).
   */
  claimants(type: ClaimType, value: string): string[] {
    const wanted = type === 'domain-name' ? value.toLowerCase() : value;
    const uris: string[] = [];
    for (const [uri, { claims }] of this.files) {
      if (claims.some((c) => c.type === type && (type === 'domain-name' ? c.value.toLowerCase() : c.value) === wanted)) uris.push(uri);
    }
    return uris;
  }

  has(uri: string): boolean {
    return this.files.has(uri);
  }

  uris(): string[] {
    return [...this.files.keys()];
  }

  /** The values claimed of one type, e.g. every sid a file of the workspace names. */
  claimedValues(type: TrunkClaim['type']): string[] {
    const values = new Set<string>();
    for (const { claims } of this.files.values()) for (const claim of claims) if (claim.type === type) values.add(claim.value);
    return [...values];
  }

  /** Diagnostics of `uri` for claims that other files also make. */
  diagnosticsFor(uri: string): TrunkDiagnostic[] {
    const diagnostics: TrunkDiagnostic[] = [];
    const entry = this.files.get(uri);
    if (!entry || entry.shared.size === 0) return diagnostics;
    entry.claims.forEach((claim, i) => {
      const key = entry.keys[i]!;
      if (!entry.shared.has(key)) return;
      const others: ClaimElsewhere[] = [];
      for (const [otherUri, indexes] of this.urisByKey.get(key) ?? []) {
        const otherClaims = this.files.get(otherUri)?.claims ?? [];
        if (otherUri !== uri) for (const j of indexes) others.push({ claim: otherClaims[j]!, uri: otherUri });
      }
      if (others.length > 0) diagnostics.push(claimConflictDiagnostic(claim, others));
    });
    return diagnostics;
  }

  private removeClaims(uri: string): Set<string> {
    const affected = new Set<string>();
    for (const key of this.files.get(uri)?.keys ?? []) {
      const byUri = this.urisByKey.get(key);
      if (!byUri) continue;
      byUri.delete(uri);
      for (const other of byUri.keys()) affected.add(other);
      if (byUri.size === 1) for (const other of byUri.keys()) this.files.get(other)?.shared.delete(key);
      if (byUri.size === 0) this.urisByKey.delete(key);
    }
    return affected;
  }
}

interface IndexedFile {
  claims: readonly TrunkClaim[];
  /** claimKey of each claim. */
  keys: readonly string[];
  /** Keys that other files claim too: the only ones with diagnostics. */
  shared: Set<string>;
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
