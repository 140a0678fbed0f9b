import type { DocumentPlan } from '../plan/document-plan';
import { isTrunkKind } from '../file/trunk-kinds';
import { documentKind } from '../kinds/document-kinds';
import type { ReferableResource, ResolvedReference } from '../references/document-reference';
import type { SyncClients } from './sync-clients';

// A file names a list, policy or endpoint by name; the plan shown resolved the name to one sid.
// If a colleague renames, replaces or deletes that resource while the plan is on screen, the
// operation would link a resource the file no longer means (or fail half-way): before the first
// write the names are resolved again, and a plan whose names moved is not applied (`outdated`:
// plan again, ask again).

/** The references a plan's operations carry, as resolved when it was made (each operation keeps its ResolvedReference). */
export function plannedReferences(plan: DocumentPlan): ResolvedReference[] {
  const found: ResolvedReference[] = [];
  const visit = (value: unknown, depth: number): void => {
    if (depth > 4 || !value || typeof value !== 'object') return;
    if (Array.isArray(value)) return value.forEach((v) => visit(v, depth + 1));
    const o = value as Record<string, unknown>;
    if (isTrunkKind(o.kind) && typeof o.value === 'string' && 'sid' in o && 'name' in o) {
      found.push(o as unknown as ResolvedReference);
      return;
    }
    for (const v of Object.values(o)) visit(v, depth + 1);
  };
  for (const op of plan.operations) visit(op, 0);
  return found;
}

/**
 * A name resolved to an account's resource: what someone else can move. (A sid means itself; a
 * name resolved to a workspace document follows that document, whose own plan renames it back.)
 */
export function movableReference(reference: ResolvedReference): boolean {
  return reference.sid !== undefined && reference.document === undefined && reference.value !== reference.sid;
}

/** Marks what referencesMovedSincePlan reports, for outdatedMessage. */
export const REFERENCE_MOVED = 'the name ';

/**
 * The plans whose names resolve otherwise now, each with a sentence per name; one listing per
 * account and kind. Throws when a listing fails (the caller reports that nothing was sent).
 */
export async function referencesMovedSincePlan(plans: readonly DocumentPlan[], clients: SyncClients, signal?: AbortSignal): Promise<Map<DocumentPlan, string[]>> {
  const references = new Map<DocumentPlan, ResolvedReference[]>();
  const listings = new Map<string, Promise<readonly ReferableResource[]> | undefined>();
  const keyOf = (account: string, kind: string) => `${account}\u0000${kind}`;
  for (const plan of plans) {
    const list = plannedReferences(plan).filter(movableReference);
    if (list.length === 0) continue;
    references.set(plan, list);
    for (const r of list) {
      const key = keyOf(plan.account, r.kind);
      if (!listings.has(key)) listings.set(key, documentKind(r.kind).referable?.list(plan.account, clients, signal));
    }
  }
  const resolved = new Map<string, readonly ReferableResource[]>();
  for (const [key, listing] of listings) if (listing) resolved.set(key, await listing);
  const moved = new Map<DocumentPlan, string[]>();
  for (const [plan, list] of references) {
    const problems: string[] = [];
    for (const r of list) {
      const resources = resolved.get(keyOf(plan.account, r.kind));
      if (!resources) continue;
      const named = resources.filter((x) => x.name === r.value).map((x) => x.sid);
      if (named.length === 1 && named[0] === r.sid) continue;
      const was = `${documentKind(r.kind).noun} ${r.sid}${resources.some((x) => x.sid === r.sid) ? '' : ' (deleted since)'}`;
      const now = named.length === 0 ? 'no longer names any' : named.length === 1 ? `names ${named[0]} now` : `names ${named.length} now (${named.join(', ')})`;
      problems.push(`${REFERENCE_MOVED}"${r.value}" meant ${was} in the plan and ${now}`);
    }
    if (problems.length > 0) moved.set(plan, problems);
  }
  return moved;
}
