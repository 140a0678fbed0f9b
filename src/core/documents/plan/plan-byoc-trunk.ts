import { BYOC_TRUNK_WRITABLE_FIELDS } from '../../providers/twilio/field-names';
import type { ByocTrunkFields } from '../../providers/twilio/models';
import { matchesDesired } from './matches-desired';
import { pickFields } from './pick-fields';
import type { KindPlan } from './plan-error';
import { fieldChanges, type PlanOperation } from './plan-operations';
import type { RemoteState, SameNamedResource } from './remote-state';
import type { TwilioByocTrunkSpec } from '../file/trunk-specs';

type ByocState = Extract<RemoteState, { kind: 'TwilioByocTrunk' }>;

/** Create, or update the fields that differ. BYOC names are not unique: same-named trunks only warn. */
export function planByocTrunk(spec: TwilioByocTrunkSpec, state: ByocState | undefined, sameName: readonly SameNamedResource[] = []): KindPlan<PlanOperation> {
  const desired = spec as Record<string, unknown>;
  if (!state) {
    const name = spec.friendly_name ? JSON.stringify(spec.friendly_name) : '(unnamed)';
    return {
      operations: [
        {
          type: 'twilio.byoc.create',
          fields: pickFields<ByocTrunkFields>(spec, BYOC_TRUNK_WRITABLE_FIELDS),
          description: `Create BYOC trunk ${name}`,
          changes: fieldChanges(BYOC_TRUNK_WRITABLE_FIELDS, undefined, desired, matchesDesired),
        },
      ],
      errors: [],
      warnings: sameName.map(
        (r) => `A BYOC trunk named ${JSON.stringify(r.name)} already exists (${r.sid}). If an interrupted push created it, put its sid in this document instead of creating another.`,
      ),
    };
  }
  const changes = fieldChanges(BYOC_TRUNK_WRITABLE_FIELDS, state.remote, desired, matchesDesired);
  if (changes.length === 0) return { operations: [], errors: [], warnings: [] };
  const fields = Object.fromEntries(changes.map((c) => [c.field, c.to])) as ByocTrunkFields;
  return { operations: [{ type: 'twilio.byoc.update', fields, description: `Update BYOC trunk fields: ${changes.map((c) => c.field).join(', ')}`, changes }], errors: [], warnings: [] };
}
