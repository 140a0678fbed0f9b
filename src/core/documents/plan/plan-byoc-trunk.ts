import { BYOC_TRUNK_WRITABLE_FIELDS } from '../../providers/twilio/field-names';
import type { ByocTrunkFields } from '../../providers/twilio/models';
import type { KindReference } from '../references/document-reference';
import { resolveAliasedReference } from '../references/aliased-reference';
import type { ReferenceResolver, ResolvedReference } from '../references/document-reference';
import { matchesDesired } from './matches-desired';
import { pickFields } from './pick-fields';
import type { KindPlan } from './plan-error';
import { fieldChanges, type FieldChange, type PlanOperation } from './plan-operations';
import type { RemoteState, SameNamedResource } from './remote-state';
import type { TwilioByocTrunkSpec } from '../file/trunk-specs';

type ByocState = Extract<RemoteState, { kind: 'TwilioByocTrunk' }>;

/** `connection_policy`: the BYOC trunk's policy by sid or friendly_name, beside connection_policy_sid. */
export const BYOC_POLICY_REFERENCE: KindReference = { field: 'connection_policy', list: false, kind: 'TwilioConnectionPolicy', sidField: 'connection_policy_sid' };

/**
 * Create, or update the fields that differ. BYOC names are not unique: same-named trunks only
 * warn. A policy named by `connection_policy` is sent as connection_policy_sid; when it is a
 * document this push creates, its sid is taken when the operation is sent (OperationRun.referenced).
 */
export function planByocTrunk(spec: TwilioByocTrunkSpec, state: ByocState | undefined, sameName: readonly SameNamedResource[] = [], references?: ReferenceResolver): KindPlan<PlanOperation> {
  const named = resolveAliasedReference(BYOC_POLICY_REFERENCE, spec as Record<string, unknown>, ['spec'], references);
  if (named.error) return { operations: [], errors: [named.error], warnings: [] };
  const policy = named.reference;
  const { connection_policy: _byName, ...rest } = spec;
  const desired: Record<string, unknown> = { ...rest, ...(policy?.sid ? { connection_policy_sid: policy.sid } : {}) };
  // A policy document not created yet: the trunk will change to it, whatever it has now.
  const pending: ResolvedReference | undefined = policy && !policy.sid ? policy : undefined;
  // A policy known by sid: kept beside the fields, so that its name is resolved again before the first write.
  const sent = policy?.sid ? { named: [policy] } : {};
  const pendingChange = (from: unknown): FieldChange => ({ field: 'connection_policy_sid', from, to: `(connection policy ${JSON.stringify(pending!.value)}, created by this push)` });
  if (!state) {
    const name = spec.friendly_name ? JSON.stringify(spec.friendly_name) : '(unnamed)';
    const changes = fieldChanges(BYOC_TRUNK_WRITABLE_FIELDS, undefined, desired, matchesDesired);
    if (pending) changes.push(pendingChange(undefined));
    return {
      operations: [
        {
          type: 'twilio.byoc.create',
          fields: pickFields<ByocTrunkFields>(desired, BYOC_TRUNK_WRITABLE_FIELDS),
          policy: pending,
          ...sent,
          description: `Create BYOC trunk ${name}`,
          changes,
        },
      ],
      errors: [],
      warnings: sameName.map(
        (r) => `A BYOC trunk named ${JSON.stringify(r.name)} already exists (${r.sid}). If an interrupted push created it, put its sid in this document instead of creating another.`,
      ),
    };
  }
  const changes = fieldChanges(BYOC_TRUNK_WRITABLE_FIELDS, state.remote, desired, matchesDesired);
  if (pending) changes.push(pendingChange(state.remote.connection_policy_sid));
  if (changes.length === 0) return { operations: [], errors: [], warnings: [] };
  // A pending policy's key stays (undefined until sent), so that the push counts connection_policy_sid as set by it.
  const fields = Object.fromEntries(changes.map((c) => [c.field, pending && c.field === 'connection_policy_sid' ? undefined : c.to])) as ByocTrunkFields;
  return {
    operations: [{ type: 'twilio.byoc.update', fields, policy: pending, ...(fields.connection_policy_sid !== undefined ? sent : {}), description: `Update BYOC trunk fields: ${changes.map((c) => c.field).join(', ')}`, changes }],
    errors: [],
    warnings: [],
  };
}
