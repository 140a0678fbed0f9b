import type { LineIndex, SourceRange } from '../file/line-index';
import type { DiagnosticCode, RelatedLocation, TrunkDiagnostic } from './trunk-diagnostic';
import type { TrunkKind } from '../file/trunk-kinds';
import type { KindClaim } from '../kinds/document-kind-descriptor';
import { documentKind } from '../kinds/document-kinds';
import { locatePath, nodeSpan } from '../file/yaml-node-lookup';

// What a document claims for itself alone: its resource (the sid: one resource, one document,
// or two documents' exact sets undo each other on every push), its phone numbers (a number can
// be on one trunk only) and its trunk domain (unique). Two documents claiming the same thing,
// in one file or across the workspace, is an error on both. Numbers and domains collide within
// one account; a sid anywhere (SIDs are unique across accounts, and a copied file that only
// changed its account still names the other account's resource).

export type ClaimType = 'sid' | KindClaim['type'];

export interface TrunkClaim {
  type: ClaimType;
  account: string;
  /** As written. */
  value: string;
  documentIndex: number;
  range: SourceRange;
}

/** Claims of the same account and value collide (sids: of any account); domains compare case-insensitively. */
export function claimKey(claim: Pick<TrunkClaim, 'type' | 'account' | 'value'>): string {
  if (claim.type === 'sid') return `sid\u0000${claim.value}`;
  const value = claim.type === 'domain-name' ? claim.value.toLowerCase() : claim.value;
  return `${claim.type}\u0000${claim.account}\u0000${value}`;
}

export interface ClaimSource {
  index: number;
  kind: TrunkKind | undefined;
  account: string | undefined;
  value: unknown;
  /** Where the value at `path` is in the text (its yaml node's span). */
  spanAt(path: readonly (string | number)[]): [number, number] | undefined;
}

/** `spanAt` for a document read by yaml. */
export function yamlSpanAt(contents: unknown): ClaimSource['spanAt'] {
  return (path) => nodeSpan(locatePath(contents, path).node);
}

export function collectClaims(document: ClaimSource, lines: LineIndex): TrunkClaim[] {
  const account = document.account ?? '';
  const claims: TrunkClaim[] = [];
  const add = (type: ClaimType, value: string, path: (string | number)[]): void => {
    const span = document.spanAt(path);
    if (span) claims.push({ type, account, value, documentIndex: document.index, range: lines.range(span[0], span[1]) });
  };
  const sid = (document.value as { sid?: unknown } | null)?.sid;
  if (document.kind !== undefined && typeof sid === 'string' && sid.trim() !== '') add('sid', sid, ['sid']);
  const kindClaims = document.kind === undefined ? [] : documentKind(document.kind).claims;
  if (kindClaims.length === 0) return claims;
  const spec = (document.value as { spec?: Record<string, unknown> } | null)?.spec;
  if (!spec || typeof spec !== 'object') return claims;
  // Single values first, then lists: the order the diagnostics come in.
  for (const claim of kindClaims.filter((c) => !c.list)) {
    const value = spec[claim.field];
    if (typeof value === 'string') add(claim.type, value, ['spec', claim.field]);
  }
  for (const claim of kindClaims.filter((c) => c.list)) {
    const values = spec[claim.field];
    if (!Array.isArray(values)) continue;
    const seen = new Set<string>();
    values.forEach((value, i) => {
      // A repeat inside one document is that document's own error, not a second claim.
      if (typeof value === 'string' && !seen.has(value)) {
        seen.add(value);
        add(claim.type, value, ['spec', claim.field, i]);
      }
    });
  }
  return claims;
}

export interface ClaimElsewhere {
  claim: TrunkClaim;
  /** Absent: another document of the same file. */
  uri?: string;
}

function where(other: ClaimElsewhere): string {
  const line = other.claim.range.start.line + 1;
  return other.uri === undefined ? `document ${other.claim.documentIndex + 1} of this file (line ${line})` : `${other.uri} (line ${line})`;
}

/**
 * Related locations listed per diagnostic. Each of n documents claiming one value lists the
 * others, so without a limit a pasted template repeated a few hundred times makes n² locations
 * (a 100 KB file took 200 ms to validate); the message still counts them all.
 */
export const MAX_RELATED_LOCATIONS = 20;

const CONFLICT_TEXT: Readonly<Record<ClaimType, { code: DiagnosticCode; related: string; message: (value: string, elsewhere: string) => string }>> = {
  sid: {
    code: 'duplicate-sid',
    related: 'Also claimed here',
    message: (sid, elsewhere) =>
      `${sid} is also the sid of ${elsewhere}; one resource, one document, or each push would undo the other's changes. Keep the sid in one document; remove it from the other (a copy meant as a template) to create a new resource.`,
  },
  'phone-number': {
    code: 'duplicate-phone-number',
    related: 'Also listed here',
    message: (number, elsewhere) => `${number} is also listed on the trunk in ${elsewhere}; a number can be attached to only one trunk.`,
  },
  'domain-name': {
    code: 'duplicate-domain-name',
    related: 'Also used here',
    message: (domain, elsewhere) => `Domain ${domain} is also used by the trunk in ${elsewhere}; trunk domain names are unique.`,
  },
};

/**
 * The diagnostic on `claim` for colliding with `others` (all of the same key). `count` is how
 * many others there are in all, when only the first few are given.
 */
export function claimConflictDiagnostic(claim: TrunkClaim, others: readonly ClaimElsewhere[], count = others.length): TrunkDiagnostic {
  const first = others[0];
  const elsewhere = first ? where(first) + (count > 1 ? ` and ${count - 1} more` : '') : 'another document';
  const message = CONFLICT_TEXT[claim.type].message(claim.value, elsewhere);
  const related: RelatedLocation[] = others.slice(0, MAX_RELATED_LOCATIONS).map((o) => ({
    ...(o.uri !== undefined ? { uri: o.uri } : {}),
    range: o.claim.range,
    message: CONFLICT_TEXT[claim.type].related,
  }));
  return {
    severity: 'error',
    code: CONFLICT_TEXT[claim.type].code,
    message,
    range: claim.range,
    source: 'trunkline',
    related,
  };
}

/** Diagnostics for claims that collide between documents of one file. */
export function crossDocumentDiagnostics(claims: readonly TrunkClaim[]): TrunkDiagnostic[] {
  const byKey = new Map<string, TrunkClaim[]>();
  for (const claim of claims) {
    const key = claimKey(claim);
    const group = byKey.get(key);
    if (group) group.push(claim);
    else byKey.set(key, [claim]);
  }
  const diagnostics: TrunkDiagnostic[] = [];
  for (const group of byKey.values()) {
    if (group.length < 2) continue;
    for (const claim of group) {
      const others: ClaimElsewhere[] = [];
      for (const c of group) {
        if (others.length === MAX_RELATED_LOCATIONS) break;
        if (c !== claim) others.push({ claim: c });
      }
      diagnostics.push(claimConflictDiagnostic(claim, others, group.length - 1));
    }
  }
  return diagnostics;
}
