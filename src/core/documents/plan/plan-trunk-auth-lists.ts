import type { TrunkAuthList } from '../../providers/twilio/models';
import type { TwilioTrunkSpec } from '../file/trunk-specs';
import type { KindReference, ReferenceResolver, ResolvedReference } from '../references/document-reference';
import { resolveField } from '../references/resolve-field';
import type { KindPlan } from './plan-error';
import type { PlanOperation } from './plan-operations';
import type { RemoteTwilioTrunk } from './remote-state';
import { compareText } from '../render/compare-text';

/** The references a TwilioTrunk's spec makes: its termination lists, by sid or name. */
export const TRUNK_LIST_REFERENCES: readonly KindReference[] = [
  { field: 'ip_access_control_lists', list: true, kind: 'TwilioIpAccessControlList' },
  { field: 'credential_lists', list: true, kind: 'TwilioCredentialList' },
];

/** The trunk's two kinds of termination list, by spec key. */
const LINKED = [
  { reference: TRUNK_LIST_REFERENCES[0]!, field: 'ip_access_control_lists', remote: 'ipAccessControlLists', op: 'twilio.trunk.ipAccessControlList', noun: 'IP access control list' },
  { reference: TRUNK_LIST_REFERENCES[1]!, field: 'credential_lists', remote: 'credentialLists', op: 'twilio.trunk.credentialList', noun: 'credential list' },
] as const;

/**
 * Links and unlinks that make the trunk's termination lists the spec's exact sets, each entry a
 * reference (sid or name) resolved by `references`. Links go first: a trunk never goes without
 * a list it had while another replaces it.
 */
export function planTrunkAuthLists(spec: TwilioTrunkSpec, remote: RemoteTwilioTrunk | undefined, references: ReferenceResolver | undefined): KindPlan<PlanOperation> {
  const links: PlanOperation[] = [];
  const unlinks: PlanOperation[] = [];
  const errors: KindPlan<PlanOperation>['errors'] = [];
  for (const linked of LINKED) {
    if (spec[linked.field] === undefined) continue;
    const resolved = resolveField(linked.reference, spec as Record<string, unknown>, references);
    errors.push(...resolved.errors);
    const current: readonly TrunkAuthList[] = remote?.[linked.remote] ?? [];
    if (remote && remote[linked.remote] === undefined) throw new Error(`The ${linked.field} of this trunk were not fetched; they cannot be planned.`);
    const wanted = new Set<string>();
    const pending = new Set<string>();
    for (const reference of resolved.references) {
      if (reference.sid === undefined) {
        // A list document of this push, not created yet: linked once created.
        const id = `${reference.document?.uri}#${reference.document?.index}`;
        if (!pending.has(id)) links.push(linkOperation(linked.op, linked.noun, reference, true));
        pending.add(id);
        continue;
      }
      if (wanted.has(reference.sid)) continue;
      wanted.add(reference.sid);
      if (!current.some((l) => l.sid === reference.sid)) links.push(linkOperation(linked.op, linked.noun, reference, false));
    }
    for (const list of [...current].sort((a, b) => compareText(a.friendly_name ?? a.sid, b.friendly_name ?? b.sid))) {
      if (wanted.has(list.sid)) continue;
      const name = list.friendly_name;
      unlinks.push({ type: `${linked.op}.unlink`, listSid: list.sid, name, description: `Unlink ${linked.noun} ${name ? `${JSON.stringify(name)} (${list.sid})` : list.sid}`, changes: [] } as PlanOperation);
    }
  }
  return { operations: [...links, ...unlinks], errors, warnings: [] };
}

function linkOperation(op: (typeof LINKED)[number]['op'], noun: string, list: ResolvedReference, pending: boolean): PlanOperation {
  const label = list.name !== null && list.name !== list.value ? `${JSON.stringify(list.name)} (${list.value})` : list.sid && list.name ? `${JSON.stringify(list.name)} (${list.sid})` : JSON.stringify(list.value);
  return { type: `${op}.link`, list, description: `Link ${noun} ${label}${pending ? ', created by this push' : ''}`, changes: [] } as PlanOperation;
}
