import { ACL_WRITABLE_FIELDS, CARRIERX_TRUNK_WRITABLE_FIELDS, TRUNK_GROUP_WRITABLE_FIELDS } from '../../providers/carrierx/field-names';
import type { CarrierXTrunk, CarrierXTrunkFields, TrunkGroupFields } from '../../providers/carrierx/models';
import { fromCarrierXNumber } from '../../providers/carrierx/carrierx-number';
import type { CarrierXDidIndex } from './carrierx-did-index';
import { ELEMENT_IDENTITY, keepRemoteKeys } from './keep-remote-keys';
import { matchesDesired } from './matches-desired';
import { pickFields } from './pick-fields';
import type { KindPlan, PlanError } from './plan-error';
import { fieldChanges, type PlanOperation } from './plan-operations';
import type { RemoteState, SameNamedResource } from './remote-state';
import type { CarrierXTrunkGroupSpec, CarrierXTrunkSpec } from '../file/trunk-specs';
import type { KindReference } from '../references/document-reference';
import { resolveAliasedReference } from '../references/aliased-reference';
import type { ReferenceResolver, ResolvedReference } from '../references/document-reference';

/** `endpoint`: a trunk's endpoint by sid or name, beside its endpoint_sid. */
export const TRUNK_ENDPOINT_REFERENCE: KindReference = { field: 'endpoint', list: false, kind: 'CarrierXEndpoint', within: 'trunks', sidField: 'endpoint_sid' };

/** What a trunk's endpoint_sid becomes when it names an endpoint document this push creates first. */
const pendingEndpointChange = (reference: ResolvedReference, from: unknown) => ({ field: 'endpoint_sid', from, to: `(endpoint ${JSON.stringify(reference.value)}, created by this push)` });

/**
 * The trunks with the endpoints they name by `endpoint` as endpoint_sid (when it is known), the
 * references whose sid only this push will know, and the errors of those that do not resolve.
 */
function resolveTrunkEndpoints(
  trunks: readonly CarrierXTrunkSpec[],
  references: ReferenceResolver | undefined,
): { trunks: CarrierXTrunkSpec[]; pending: (ResolvedReference | undefined)[]; sent: (ResolvedReference | undefined)[]; errors: PlanError[] } {
  const errors: PlanError[] = [];
  const pending: (ResolvedReference | undefined)[] = [];
  // Known by sid: kept beside the fields, so that a name is resolved again before the first write.
  const sent: (ResolvedReference | undefined)[] = [];
  const resolved = trunks.map((trunk, i) => {
    const named = resolveAliasedReference(TRUNK_ENDPOINT_REFERENCE, trunk as Record<string, unknown>, ['spec', 'trunks', i], references);
    if (named.error) errors.push(named.error);
    pending.push(named.reference && !named.reference.sid ? named.reference : undefined);
    sent.push(named.reference?.sid ? named.reference : undefined);
    const { endpoint: _byName, ...rest } = trunk;
    return named.reference?.sid ? { ...rest, endpoint_sid: named.reference.sid } : rest;
  });
  return { trunks: resolved, pending, sent, errors };
}

type GroupState = Extract<RemoteState, { kind: 'CarrierXTrunkGroup' }>;

/** The attributes a client may send: read-only ones (partner_sid, rfc_4694 modes, ACL sms actions, trunk_sid) dropped. */
function writable<T extends object>(source: object, fields: readonly string[]): T {
  const out = pickFields<Record<string, unknown>>(source, fields);
  if (Array.isArray(out.acls)) out.acls = out.acls.map((acl: object) => pickFields(acl, ACL_WRITABLE_FIELDS));
  return out as T;
}

/**
 * The attributes sent to make `remote` what the file asks: the file's, with the remote values of
 * the keys its ACLs, transformations and other array elements or objects leave out, because
 * CarrierX replaces those attributes whole (keep-remote-keys.ts).
 */
function sentOver<T extends object>(source: object, remote: object, fields: readonly string[]): T {
  const desired = source as Record<string, unknown>;
  const current = remote as Record<string, unknown>;
  const merged = Object.fromEntries(
    fields.filter((f) => desired[f] !== undefined).map((f) => [f, keepRemoteKeys(desired[f], current[f], ELEMENT_IDENTITY[f])]),
  );
  return writable<T>(merged, fields);
}

const trunkLabel = (name: string | null | undefined, sid?: string): string =>
  `${name ? JSON.stringify(name) : '(unnamed)'}${sid ? ` (${sid})` : ''}`;

/**
 * Create the group (with its trunks, in one request), or update its attributes and then add,
 * change and remove trunks so that the group has exactly the file's `trunks`, when listed.
 * Trunks are matched by trunk_sid, else by name.
 */
export function planCarrierXGroup(spec: CarrierXTrunkGroupSpec, state: GroupState | undefined, sameName: readonly SameNamedResource[] = [], references?: ReferenceResolver): KindPlan<PlanOperation> {
  const errors: PlanError[] = [];
  const endpoints = spec.trunks ? resolveTrunkEndpoints(spec.trunks, references) : undefined;
  if (endpoints && endpoints.errors.length > 0) return { operations: [], errors: endpoints.errors, warnings: [] };
  if (endpoints) spec = { ...spec, trunks: endpoints.trunks };
  if (!state) {
    const fields = writable<TrunkGroupFields>(spec, TRUNK_GROUP_WRITABLE_FIELDS);
    spec.trunks?.forEach((t, i) => {
      if (t.trunk_sid) errors.push({ message: `A new trunk group has no trunk ${t.trunk_sid} yet. Remove trunk_sid; Push creates the trunk.`, path: ['spec', 'trunks', i, 'trunk_sid'] });
    });
    const trunks = spec.trunks?.map((t) => writable<CarrierXTrunkFields>(t, CARRIERX_TRUNK_WRITABLE_FIELDS));
    const count = trunks ? ` with ${trunks.length} trunk${trunks.length === 1 ? '' : 's'}` : '';
    const pending = endpoints?.pending.some((p) => p) ? endpoints.pending : undefined;
    const changes = fieldChanges(TRUNK_GROUP_WRITABLE_FIELDS, undefined, fields, matchesDesired);
    pending?.forEach((p, i) => p && changes.push({ ...pendingEndpointChange(p, undefined), field: `trunks ${trunkLabel(spec.trunks?.[i]?.name)} endpoint_sid` }));
    return {
      operations: [
        {
          type: 'carrierx.group.create',
          fields,
          trunks,
          endpoints: pending,
          ...(endpoints?.sent.some((r) => r) ? { named: endpoints.sent.filter((r): r is ResolvedReference => r !== undefined) } : {}),
          description: `Create trunk group ${trunkLabel(spec.name)}${count}`,
          changes,
        },
      ],
      errors,
      warnings: sameName.map(
        (g) => `A trunk group named ${JSON.stringify(g.name)} already exists (${g.sid}). If an interrupted push created it, put its sid in this document instead of creating another.`,
      ),
    };
  }

  const operations: PlanOperation[] = [];
  const groupFields = sentOver<TrunkGroupFields>(spec, state.remote.trunkGroup, TRUNK_GROUP_WRITABLE_FIELDS);
  const groupChanges = fieldChanges(TRUNK_GROUP_WRITABLE_FIELDS, state.remote.trunkGroup, groupFields, matchesDesired);
  if (groupChanges.length > 0) {
    const changed = Object.fromEntries(groupChanges.map((c) => [c.field, c.to])) as TrunkGroupFields;
    operations.push({ type: 'carrierx.group.update', fields: changed, description: `Update trunk group fields: ${groupChanges.map((c) => c.field).join(', ')}`, changes: groupChanges });
  }
  if (spec.trunks) {
    const planned = planTrunks(spec.trunks, state.remote.trunks ?? state.remote.trunkGroup.trunks ?? [], endpoints?.pending ?? [], endpoints?.sent ?? []);
    operations.push(...planned.operations);
    errors.push(...planned.errors);
  }
  return { operations, errors, warnings: [] };
}

function planTrunks(
  desired: readonly CarrierXTrunkSpec[],
  remote: readonly CarrierXTrunk[],
  pendingEndpoints: readonly (ResolvedReference | undefined)[],
  sentEndpoints: readonly (ResolvedReference | undefined)[],
): KindPlan<PlanOperation> {
  const errors: PlanError[] = [];
  const unmatched = [...remote];
  const take = (predicate: (t: CarrierXTrunk) => boolean): CarrierXTrunk | undefined => {
    const at = unmatched.findIndex(predicate);
    return at < 0 ? undefined : unmatched.splice(at, 1)[0];
  };
  // Entries with a trunk_sid claim their trunk first, so a name cannot steal it.
  const matches = new Map<number, CarrierXTrunk>();
  desired.forEach((t, i) => {
    if (!t.trunk_sid) return;
    const sid = t.trunk_sid.toLowerCase();
    const match = take((r) => r.trunk_sid.toLowerCase() === sid);
    if (match) matches.set(i, match);
    else errors.push({ message: `Trunk ${t.trunk_sid} is not in this trunk group. Remove trunk_sid to create a new trunk, or correct it.`, path: ['spec', 'trunks', i, 'trunk_sid'] });
  });
  desired.forEach((t, i) => {
    if (t.trunk_sid || t.name === undefined) return;
    const match = take((r) => r.name === t.name);
    if (match) matches.set(i, match);
  });

  const creates: PlanOperation[] = [];
  const updates: PlanOperation[] = [];
  desired.forEach((t, i) => {
    const match = matches.get(i);
    const endpoint = pendingEndpoints[i];
    const sent = sentEndpoints[i];
    if (!match) {
      if (t.trunk_sid) return;
      const fields = writable<CarrierXTrunkFields>(t, CARRIERX_TRUNK_WRITABLE_FIELDS);
      const changes = fieldChanges(CARRIERX_TRUNK_WRITABLE_FIELDS, undefined, fields, matchesDesired);
      if (endpoint) changes.push(pendingEndpointChange(endpoint, undefined));
      creates.push({ type: 'carrierx.trunk.create', name: t.name, fields, endpoint, ...(sent && fields.endpoint_sid !== undefined ? { named: [sent] } : {}), description: `Add trunk ${trunkLabel(t.name)}`, changes });
      return;
    }
    const fields = sentOver<CarrierXTrunkFields>(t, match, CARRIERX_TRUNK_WRITABLE_FIELDS);
    const changes = fieldChanges(CARRIERX_TRUNK_WRITABLE_FIELDS, match, fields, matchesDesired);
    if (endpoint) changes.push(pendingEndpointChange(endpoint, match.endpoint_sid));
    if (changes.length === 0) return;
    const changed = Object.fromEntries(changes.map((c) => [c.field, endpoint && c.field === 'endpoint_sid' ? undefined : c.to])) as CarrierXTrunkFields;
    updates.push({ type: 'carrierx.trunk.update', trunkSid: match.trunk_sid, name: match.name, fields: changed, endpoint, ...(sent && changed.endpoint_sid !== undefined ? { named: [sent] } : {}), description: `Update trunk ${trunkLabel(match.name, match.trunk_sid)}`, changes });
  });
  const deletes: PlanOperation[] = unmatched.map((r) => ({ type: 'carrierx.trunk.delete', trunkSid: r.trunk_sid, name: r.name, description: `Remove trunk ${trunkLabel(r.name, r.trunk_sid)}`, changes: [] }));
  return { operations: [...creates, ...updates, ...deletes], errors, warnings: [] };
}

export interface CarrierXNumbersPlanContext {
  account: string;
  dids?: CarrierXDidIndex | undefined;
  signal?: AbortSignal | undefined;
}

/**
 * Assign the file's numbers to the group (a DID on another group is moved: one PATCH, and the
 * plan says from where), then unassign the group's DIDs the file no longer lists. `state` is
 * undefined for a group Push creates first.
 */
export async function planGroupNumbers(desired: readonly string[], state: GroupState | undefined, context: CarrierXNumbersPlanContext): Promise<KindPlan<PlanOperation>> {
  const onGroup = new Map<string, string>();
  for (const d of state?.remote.dids ?? []) onGroup.set(fromCarrierXNumber(d.phonenumber), d.did_sid);
  const assigns: PlanOperation[] = [];
  const errors: PlanError[] = [];
  for (const [i, number] of desired.entries()) {
    if (onGroup.has(number)) continue;
    if (!context.dids) throw new Error("Planning phone_numbers needs the account's DID index (PlanContext.dids).");
    const did = await context.dids.lookup(number, context.signal);
    if (!did) {
      errors.push({
        message: `${number} is not a phone number (DID) of account ${context.account}. Rent it in CarrierX first, or remove it from phone_numbers.`,
        path: ['spec', 'phone_numbers', i],
      });
      continue;
    }
    const other = did.trunk_group_sid && did.trunk_group_sid.toLowerCase() !== state?.sid.toLowerCase() ? did.trunk_group_sid : undefined;
    const move = other ? { fromTrunkSid: other } : undefined;
    assigns.push({
      type: 'carrierx.did.assign',
      phoneNumber: number,
      didSid: did.did_sid,
      move,
      description: other ? `Assign ${number} (moved from trunk group ${other})` : `Assign ${number}`,
      changes: [],
    });
  }
  const wanted = new Set(desired);
  const unassigns: PlanOperation[] = [...onGroup]
    .filter(([number]) => !wanted.has(number))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([number, didSid]) => ({ type: 'carrierx.did.unassign', phoneNumber: number, didSid, description: `Unassign ${number}`, changes: [] }));
  return { operations: [...assigns, ...unassigns], errors, warnings: [] };
}
