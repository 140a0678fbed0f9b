import type { TrunkKind } from '../file/trunk-kinds';
import type { FailoverUrlFields } from '../kinds/document-kind-descriptor';
import { documentKind } from '../kinds/document-kinds';
import type { DocumentPlan } from './document-plan';
import { targetAsFailoverUrl, type TargetLike } from './plan-connection-policy';

// Where a Twilio trunk sends a call: origination URLs of the lowest priority first, shared
// among them by weight; a higher priority only when those fail. A BYOC connection policy sends
// calls to its targets by the same rule. A reviewer reads a changed `priority` or `weight` more
// easily as this order than as numbers.

export interface FailoverMember {
  /** The URL's friendly_name, else its sip_url. */
  name: string;
  enabled: boolean;
  /** Share of the group's calls (weight over the group's enabled weights), rounded; undefined when disabled. */
  percent: number | undefined;
}

export interface FailoverGroup {
  priority: number;
  members: FailoverMember[];
}

type FailoverUrl = FailoverUrlFields;

/** Priority groups, lowest first; in a group the largest share first, disabled URLs last. */
export function failoverGroups(urls: readonly FailoverUrl[]): FailoverGroup[] {
  const byPriority = new Map<number, FailoverUrl[]>();
  for (const url of urls) byPriority.set(url.priority, [...(byPriority.get(url.priority) ?? []), url]);
  return [...byPriority]
    .sort(([a], [b]) => a - b)
    .map(([priority, group]) => {
      const total = group.reduce((n, u) => n + (u.enabled !== false ? u.weight : 0), 0);
      const members = group.map((u) => {
        const enabled = u.enabled !== false;
        return { name: u.friendly_name || u.sip_url || '(no name)', enabled, percent: enabled && total > 0 ? Math.round((u.weight / total) * 100) : undefined, weight: u.weight };
      });
      members.sort((a, b) => Number(b.enabled) - Number(a.enabled) || b.weight - a.weight || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      return { priority, members: members.map(({ name, enabled, percent }) => ({ name, enabled, percent })) };
    });
}

export interface FailoverChange {
  before: FailoverGroup[];
  after: FailoverGroup[];
  /** What fails over: `origination URLs` (a trunk) or `targets` (a connection policy). */
  list: 'origination URLs' | 'targets';
}

/**
 * The failover order of a Twilio trunk before and after its plan, when the plan changes it;
 * undefined for other kinds, plans that leave the origination URLs alone, and changes that do
 * not move the order (e.g. a new sip_url under the same name, share and priority).
 */
export function failoverChange(plan: DocumentPlan): FailoverChange | undefined {
  if (plan.target.kind === 'TwilioConnectionPolicy') return targetsChange(plan);
  const desired = documentKind<TrunkKind>(plan.target.kind).plan.failoverUrls?.(plan.target.spec);
  if (!desired) return undefined;
  const same = (a: string | null, b: string | null) => (a ?? '').toLowerCase() === (b ?? '').toLowerCase();
  let before: FailoverUrl[] = desired.map((u) => ({ ...u }));
  let touched = false;
  for (const op of plan.operations) {
    if (op.type === 'twilio.originationUrl.create') {
      before = before.filter((u) => !same(u.sip_url, op.fields.sip_url));
    } else if (op.type === 'twilio.originationUrl.update') {
      const at = before.findIndex((u) => same(u.sip_url, op.sipUrl));
      const current = before[at];
      if (current) before[at] = { ...current, ...Object.fromEntries(op.changes.map((c) => [c.field, c.from])) };
    } else if (op.type === 'twilio.originationUrl.delete') {
      before.push(op.remote);
    } else {
      continue;
    }
    touched = true;
  }
  if (!touched) return undefined;
  return changed(failoverGroups(before), failoverGroups(desired), 'origination URLs');
}

function changed(before: FailoverGroup[], after: FailoverGroup[], list: FailoverChange['list']): FailoverChange | undefined {
  return formatFailover(before) === formatFailover(after) ? undefined : { before, after, list };
}

/**
 * A policy's targets before (the provider's, as planned against) and after its plan's target
 * operations: a target the file leaves a field out of keeps the provider's value (or, created,
 * gets Twilio's default), so the order after is the remote one with the operations applied.
 */
function targetsChange(plan: DocumentPlan): FailoverChange | undefined {
  const remote: readonly TargetLike[] = plan.remote?.kind === 'TwilioConnectionPolicy' ? plan.remote.remote.targets : [];
  let after: TargetLike[] = remote.map((t) => ({ ...t }));
  let touched = false;
  for (const op of plan.operations) {
    if (op.type === 'twilio.policyTarget.create') after.push({ ...op.fields });
    else if (op.type === 'twilio.policyTarget.update') after = after.map((t) => (t.sid === op.sid ? { ...t, ...op.fields } : t));
    else if (op.type === 'twilio.policyTarget.delete') after = after.filter((t) => t.sid !== op.sid);
    else continue;
    touched = true;
  }
  if (!touched) return undefined;
  return changed(failoverGroups(remote.map(targetAsFailoverUrl)), failoverGroups(after.map(targetAsFailoverUrl)), 'targets');
}

export interface FailoverStyle {
  /** Text of a name as the output needs it (escaped). */
  name(text: string): string;
  /** A disabled URL's name, already escaped: struck out. */
  disabled(text: string): string;
}

const PLAIN: FailoverStyle = { name: (text) => text, disabled: (text) => `${text} (disabled)` };

/** `1st: pbx-a 67%, pbx-b 33% · then: dr-site 100%`; `list` names what an empty order has none of. */
export function formatFailover(groups: readonly FailoverGroup[], style: FailoverStyle = PLAIN, list: FailoverChange['list'] = 'origination URLs'): string {
  if (groups.length === 0) return `no ${list}`;
  return groups
    .map((group, i) => {
      const members = group.members.map((m) => (m.enabled ? `${style.name(m.name)} ${m.percent ?? 0}%` : style.disabled(style.name(m.name))));
      return `${i === 0 ? '1st' : 'then'}: ${members.join(', ')}`;
    })
    .join(' · ');
}
