import { claimConflictDiagnostic, claimKey, type ClaimElsewhere, type ClaimType, type TrunkClaim } from './trunk-claims';
import type { TrunkDiagnostic } from './trunk-diagnostic';

/**
 * Phone numbers and trunk domains claimed by every trunk file of a workspace, so that a
 * claim made by two files is reported in both. The editor keeps one for the open workspace;
 * the CLI builds one over the files it validates. Collisions inside one file are the file's
 * own diagnostics (parseTrunkFile), not reported again here.
 */
export class WorkspaceIndex {
  private readonly claimsByUri = new Map<string, readonly TrunkClaim[]>();
  private readonly urisByKey = new Map<string, Map<string, TrunkClaim[]>>();

  /**
   * Records (or replaces) the claims of one file, e.g. `parseTrunkFile(text).claims`.
   * Returns the other files whose cross-file diagnostics may have changed.
   */
  update(uri: string, claims: readonly TrunkClaim[]): string[] {
    const affected = this.removeClaims(uri);
    this.claimsByUri.set(uri, claims);
    for (const claim of claims) {
      const key = claimKey(claim);
      let byUri = this.urisByKey.get(key);
      if (!byUri) this.urisByKey.set(key, (byUri = new Map()));
      const list = byUri.get(uri);
      if (list) list.push(claim);
      else byUri.set(uri, [claim]);
      for (const other of byUri.keys()) if (other !== uri) affected.add(other);
    }
    return [...affected];
  }

  /** Forgets a file (deleted, or no longer a trunk file). Returns the files affected. */
  remove(uri: string): string[] {
    const affected = this.removeClaims(uri);
    this.claimsByUri.delete(uri);
    return [...affected];
  }

  /**
   * The files that claim this value for any account (a Twilio domain is unique across
   * Twilio, so a wizard checks it whatever account a file names).
   */
  claimants(type: ClaimType, value: string): string[] {
    const wanted = type === 'domain-name' ? value.toLowerCase() : value;
    const uris: string[] = [];
    for (const [uri, claims] of this.claimsByUri) {
      if (claims.some((c) => c.type === type && (type === 'domain-name' ? c.value.toLowerCase() : c.value) === wanted)) uris.push(uri);
    }
    return uris;
  }

  has(uri: string): boolean {
    return this.claimsByUri.has(uri);
  }

  uris(): string[] {
    return [...this.claimsByUri.keys()];
  }

  /** The values claimed of one type, e.g. every sid a file of the workspace names. */
  claimedValues(type: TrunkClaim['type']): string[] {
    const values = new Set<string>();
    for (const claims of this.claimsByUri.values()) for (const claim of claims) if (claim.type === type) values.add(claim.value);
    return [...values];
  }

  /** Diagnostics of `uri` for claims that other files also make. */
  diagnosticsFor(uri: string): TrunkDiagnostic[] {
    const diagnostics: TrunkDiagnostic[] = [];
    for (const claim of this.claimsByUri.get(uri) ?? []) {
      const others: ClaimElsewhere[] = [];
      for (const [otherUri, otherClaims] of this.urisByKey.get(claimKey(claim)) ?? []) {
        if (otherUri !== uri) for (const other of otherClaims) others.push({ claim: other, uri: otherUri });
      }
      if (others.length > 0) diagnostics.push(claimConflictDiagnostic(claim, others));
    }
    return diagnostics;
  }

  private removeClaims(uri: string): Set<string> {
    const affected = new Set<string>();
    for (const claim of this.claimsByUri.get(uri) ?? []) {
      const key = claimKey(claim);
      const byUri = this.urisByKey.get(key);
      if (!byUri) continue;
      byUri.delete(uri);
      for (const other of byUri.keys()) affected.add(other);
      if (byUri.size === 0) this.urisByKey.delete(key);
    }
    return affected;
  }
}
