import { CONNECTION_POLICY_TARGET_WRITABLE_FIELDS, CONNECTION_POLICY_WRITABLE_FIELDS } from '../../providers/twilio/field-names';
import type { ConnectionPolicyFields, ConnectionPolicyTarget, ConnectionPolicyTargetFields } from '../../providers/twilio/models';
import { compareText } from '../render/compare-text';
import type { ConnectionPolicyTargetSpec, TwilioConnectionPolicySpec } from '../file/trunk-specs';
import { matchesDesired } from './matches-desired';
import { pickFields } from './pick-fields';
import type { FailoverUrlFields } from '../kinds/document-kind-descriptor';
import type { KindPlan } from './plan-error';
import { fieldChanges, type PlanOperation } from './plan-operations';
import type { RemoteState, SameNamedResource } from './remote-state';

type PolicyState = Extract<RemoteState, { kind: 'TwilioConnectionPolicy' }>;

/** Targets are matched by their SIP URI, ignoring case (as origination URLs are). */
export function targetKey(target: string | null | undefined): string {
  return (target ?? '').toLowerCase();
}

/** Twilio's defaults for a target's priority, weight and enabled (twilio_voice_v1.json). */
const TARGET_DEFAULTS = { priority: 10, weight: 10, enabled: true } as const;

/** A target as a file, an operation or the provider has it. */
export interface TargetLike {
  sid?: string;
  friendly_name?: string | null;
  target?: string | null;
  priority?: number;
  weight?: number;
  enabled?: boolean | null;
}

/** A policy target as the failover order reads it; left-out fields are Twilio's defaults. */
export function targetAsFailoverUrl(target: TargetLike): FailoverUrlFields {
  return {
    friendly_name: target.friendly_name ?? null,
    sip_url: target.target ?? null,
    priority: target.priority ?? TARGET_DEFAULTS.priority,
    weight: target.weight ?? TARGET_DEFAULTS.weight,
    enabled: target.enabled ?? TARGET_DEFAULTS.enabled,
  };
}

/**
 * Create the policy (then its targets, one request each), or update its name; then add,
 * change and remove targets so that the policy has exactly the file's `targets`, when listed.
 * Names are not unique: same-named policies only warn.
 */
export function planConnectionPolicy(spec: TwilioConnectionPolicySpec, state: PolicyState | undefined, sameName: readonly SameNamedResource[] = []): KindPlan<PlanOperation> {
  const operations: PlanOperation[] = [];
  const warnings: string[] = [];
  const desired = spec as Record<string, unknown>;
  if (!state) {
    const name = spec.friendly_name ? JSON.stringify(spec.friendly_name) : '(unnamed)';
    operations.push({
      type: 'twilio.policy.create',
      fields: pickFields<ConnectionPolicyFields>(spec, CONNECTION_POLICY_WRITABLE_FIELDS),
      description: `Create connection policy ${name}`,
      changes: fieldChanges(CONNECTION_POLICY_WRITABLE_FIELDS, undefined, desired, matchesDesired),
    });
    warnings.push(
      ...sameName.map(
        (r) => `A connection policy named ${JSON.stringify(r.name)} already exists (${r.sid}). If an interrupted push created it, put its sid in this document instead of creating another.`,
      ),
    );
  } else {
    const changes = fieldChanges(CONNECTION_POLICY_WRITABLE_FIELDS, state.remote.policy, desired, matchesDesired);
    if (changes.length > 0) {
      const fields = Object.fromEntries(changes.map((c) => [c.field, c.to])) as ConnectionPolicyFields;
      operations.push({ type: 'twilio.policy.update', fields, description: `Update connection policy fields: ${changes.map((c) => c.field).join(', ')}`, changes });
    }
  }
  if (spec.targets) operations.push(...planTargets(spec.targets, state?.remote.targets ?? []));
  return { operations, errors: [], warnings };
}

function planTargets(desired: readonly ConnectionPolicyTargetSpec[], remote: readonly ConnectionPolicyTarget[]): PlanOperation[] {
  const creates: PlanOperation[] = [];
  const updates: PlanOperation[] = [];
  const unmatched = [...remote];
  for (const target of desired) {
    const at = unmatched.findIndex((r) => targetKey(r.target) === targetKey(target.target));
    const wanted = target as unknown as Record<string, unknown>;
    if (at < 0) {
      const fields = pickFields<ConnectionPolicyTargetFields & { target: string }>(target, CONNECTION_POLICY_TARGET_WRITABLE_FIELDS);
      creates.push({ type: 'twilio.policyTarget.create', fields, description: `Add target ${target.target}`, changes: fieldChanges(CONNECTION_POLICY_TARGET_WRITABLE_FIELDS, undefined, wanted, matchesDesired) });
      continue;
    }
    const [match] = unmatched.splice(at, 1) as [ConnectionPolicyTarget];
    const changes = fieldChanges(CONNECTION_POLICY_TARGET_WRITABLE_FIELDS, match, wanted, matchesDesired);
    if (changes.length === 0) continue;
    const fields = Object.fromEntries(changes.map((c) => [c.field, c.to])) as ConnectionPolicyTargetFields;
    updates.push({ type: 'twilio.policyTarget.update', sid: match.sid, target: match.target ?? target.target, fields, description: `Update target ${target.target}`, changes });
  }
  const deletes: PlanOperation[] = [...unmatched]
    .sort((a, b) => compareText(a.target ?? '', b.target ?? ''))
    .map((r) => ({ type: 'twilio.policyTarget.delete', sid: r.sid, target: r.target ?? r.sid, description: `Remove target ${r.target ?? r.sid}`, changes: [], remote: r }));
  // Adding before removing: the BYOC trunks never go without a place to send calls.
  return [...creates, ...updates, ...deletes];
}
