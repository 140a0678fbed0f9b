import { isProviderError } from '../../http/provider-error';
import { collect } from '../../providers/page';
import {
  CONNECTION_POLICY_RESPONSE_FIELDS,
  CONNECTION_POLICY_TARGET_RESPONSE_FIELDS,
  CONNECTION_POLICY_TARGET_WRITABLE_FIELDS,
  CONNECTION_POLICY_WRITABLE_FIELDS,
  SID_PATTERNS,
} from '../../providers/twilio/field-names';
import type { ConnectionPolicy, ConnectionPolicyTarget } from '../../providers/twilio/models';
import type { TwilioClient } from '../../providers/twilio/twilio-client';
import { newResource } from '../apply/reconcile-create';
import { KIND_SCHEMAS, SCHEMA_FILE_BY_KIND } from '../file/trunk-schemas';
import type { TwilioConnectionPolicySpec } from '../file/trunk-specs';
import { mapBounded, PER_RESOURCE_CONCURRENCY } from '../plan/map-bounded';
import { planConnectionPolicy, targetKey } from '../plan/plan-connection-policy';
import type { TwilioConnectionPolicyOperation } from '../plan/plan-operations';
import type { RemoteConnectionPolicy, RemoteLookup, RemoteStateOf } from '../plan/remote-state';
import { compareText } from '../render/compare-text';
import type { DocumentKindDescriptor, ExportOmission } from './document-kind-descriptor';
import type { KindTypes } from './document-kind-types';
import { responseOnlyFields } from './response-only-fields';

// A Twilio BYOC connection policy with its targets. Its name is not unique: a document without
// sid is created, same-named policies only warned about (or, after an interrupted push, found by
// the journal of that create). Targets are matched by their SIP URI.

declare module './document-kind-types' {
  interface DocumentKindTypes {
    TwilioConnectionPolicy: KindTypes<TwilioConnectionPolicySpec, RemoteConnectionPolicy, { remote: RemoteConnectionPolicy }, TwilioConnectionPolicyOperation>;
  }
}

type PolicyState = RemoteStateOf<'TwilioConnectionPolicy'>;

const PAGE_SIZE = 1000;

export const twilioConnectionPolicyKind: DocumentKindDescriptor<'TwilioConnectionPolicy'> = {
  kind: 'TwilioConnectionPolicy',
  provider: 'twilio',
  title: 'Connection policy',
  label: 'Twilio BYOC Connection Policy',
  noun: 'connection policy',
  examples: {
    naming: { name: 'My carrier routes', label: 'my-carrier-routes' },
    starter: (n) => `  friendly_name: ${n.name}\n  targets:\n    - { friendly_name: carrier-a, target: "sip:${n.label}.example.com", priority: 10, weight: 10, enabled: true }\n`,
    full: {
      friendly_name: 'Kinds policy',
      targets: [{ friendly_name: 'carrier-a', target: 'sip:carrier-a.example.com:5060', priority: 10, weight: 20, enabled: true }],
    },
  },
  schema: KIND_SCHEMAS.TwilioConnectionPolicy,
  schemaFile: SCHEMA_FILE_BY_KIND.TwilioConnectionPolicy,

  identity: {
    sidPattern: SID_PATTERNS.connectionPolicy,
    sidOf: (remote) => remote.policy.sid,
    nameOf: (values) => values.friendly_name,
  },

  fields: {
    writable: CONNECTION_POLICY_WRITABLE_FIELDS,
    subResources: ['targets'],
    exactSets: ['targets'],
    readOnlyShown: [],
    responseOnly: {
      spec: responseOnlyFields(CONNECTION_POLICY_RESPONSE_FIELDS, CONNECTION_POLICY_WRITABLE_FIELDS),
      target: responseOnlyFields(CONNECTION_POLICY_TARGET_RESPONSE_FIELDS, CONNECTION_POLICY_TARGET_WRITABLE_FIELDS),
    },
  },

  claims: [],
  rules: [
    {
      type: 'unique-items',
      list: 'targets',
      identity: (t) => {
        const target = t && typeof t === 'object' && !Array.isArray(t) ? (t as Record<string, unknown>).target : undefined;
        return typeof target === 'string' ? targetKey(target) : undefined;
      },
      describe: (t) => `Target ${t} is listed twice; targets are matched by their SIP URI, so each must be unique.`,
      code: 'duplicate-target',
      itemField: 'target',
    },
  ],
  // BYOC trunk documents name their policy (connection_policy).
  referable: {
    async list(account, clients, signal) {
      const client = await clients.twilio(account);
      return (await collect(client.connectionPolicies.list({ pageSize: PAGE_SIZE, signal }))).map((p) => ({ sid: p.sid, name: p.friendly_name }));
    },
    summary: (values) => targetLines(values.targets),
  },

  fetch: {
    async bySid(account, sid, clients, { signal }) {
      const client = await clients.twilio(account);
      const [policy, targets] = await Promise.all([client.connectionPolicies.fetch(sid, { signal }), listTargets(client, sid, signal)]);
      return { kind: 'TwilioConnectionPolicy', sid, remote: { policy, targets } };
    },
    async lookupNew(target, clients, { signal }) {
      const name = target.spec.friendly_name;
      if (!name) return { status: 'new', sameName: [] };
      const client = await clients.twilio(target.account);
      const all = await collect(client.connectionPolicies.list({ pageSize: PAGE_SIZE, signal }));
      return { status: 'new', sameName: all.filter((p) => p.friendly_name === name).map((p) => ({ sid: p.sid, name })) };
    },
    // Looking up a new policy by name lists them all anyway.
    listsForNew: true,
    // One listing of the policies; the targets of each policy a document names, a request each.
    async bulk(account, targets, clients, { signal }) {
      const client = await clients.twilio(account);
      const all = await collect(client.connectionPolicies.list({ pageSize: PAGE_SIZE, signal }));
      const bySid = new Map(all.map((p) => [p.sid, p]));
      return mapBounded(targets, PER_RESOURCE_CONCURRENCY, async (target): Promise<RemoteLookup> => {
        if (target.sid === undefined) {
          const name = target.spec.friendly_name;
          return { status: 'new', sameName: name ? all.filter((p) => p.friendly_name === name).map((p) => ({ sid: p.sid, name })) : [] };
        }
        const policy = bySid.get(target.sid);
        if (!policy) return { status: 'missing', sid: target.sid };
        try {
          return { status: 'found', state: { kind: 'TwilioConnectionPolicy', sid: policy.sid, remote: { policy, targets: await listTargets(client, policy.sid, signal) } } };
        } catch (error) {
          // Deleted between the listing and this read.
          if (isProviderError(error) && error.isNotFound) return { status: 'missing', sid: target.sid };
          throw error;
        }
      });
    },
  },

  plan: {
    usesNumberIndex: false,
    plan: (spec, state, sameName) => planConnectionPolicy(spec, state, sameName),
  },

  operations: {
    'twilio.policy.create': async (op, run) => {
      const client = await run.clients.twilio(run.account);
      const name = op.fields.friendly_name ?? null;
      const named = async (s: AbortSignal | undefined) => (await collect(client.connectionPolicies.list({ pageSize: PAGE_SIZE, signal: s }))).filter((p) => p.friendly_name === name);
      const result = await run.createDocumentResource(
        name ?? '',
        (p: ConnectionPolicy) => p.sid,
        {
          what: `connection policy ${JSON.stringify(name)}`,
          before: async () => new Set((await named(run.signal)).map((p) => p.sid)),
          create: () => client.connectionPolicies.create(op.fields, { signal: run.signal }),
          find: async (before, s) => newResource('connection policy', run.unclaimed(await named(s), (p) => p.sid), (p) => p.sid, before),
        },
        name ?? '',
      );
      return { sid: result.value.sid, reconciled: result.reconciled };
    },
    'twilio.policy.update': async (op, run) => {
      const client = await run.clients.twilio(run.account);
      await client.connectionPolicies.update(run.need(), op.fields, { signal: run.signal });
      return {};
    },
    'twilio.policyTarget.create': async (op, run) => {
      const client = await run.clients.twilio(run.account);
      const policySid = run.need();
      const wanted = targetKey(op.fields.target);
      const result = await run.create({
        what: `target ${op.fields.target}`,
        create: () => client.connectionPolicyTargets.create(policySid, op.fields, { signal: run.signal }),
        find: async (_, s) => (await listTargets(client, policySid, s)).find((t) => targetKey(t.target) === wanted),
      });
      return { reconciled: result.reconciled };
    },
    'twilio.policyTarget.update': async (op, run) => {
      const client = await run.clients.twilio(run.account);
      await client.connectionPolicyTargets.update(run.need(), op.sid, op.fields, { signal: run.signal });
      return {};
    },
    'twilio.policyTarget.delete': async (op, run) => {
      const client = await run.clients.twilio(run.account);
      return run.gone(() => client.connectionPolicyTargets.delete(run.need(), op.sid, { signal: run.signal }));
    },
  },

  operationMeanings: {
    'twilio.policy.create': { sets: 'all', drift: () => undefined },
    'twilio.policy.update': { sets: 'fields', drift: () => 'Changed' },
    'twilio.policyTarget.create': { sets: ['targets'], drift: (op) => `Target ${op.fields.target} removed`, driftWithoutChanges: true },
    'twilio.policyTarget.update': { sets: ['targets'], drift: (op) => `Target ${op.target} changed` },
    'twilio.policyTarget.delete': { sets: ['targets'], drift: (op) => `Target ${op.target} added` },
  },

  render: {
    source: (remote) => ({ ...remote.policy, targets: [...remote.targets].sort((a, b) => compareText(a.target ?? '', b.target ?? '') || compareText(a.sid, b.sid)) }),
  },

  sync: {
    trackedKeys: ['targets'],
    dateUpdated: (remote) => remote.policy.date_updated,
    unfetchedKeys: () => [],
  },

  export: {
    async targets(account, clients, signal) {
      const client = await clients.twilio(account);
      return (await collect(client.connectionPolicies.list({ pageSize: PAGE_SIZE, signal }))).map((p) => twilioConnectionPolicyKind.export.target(account, p.sid));
    },
    target: (account, sid) => ({ kind: 'TwilioConnectionPolicy', account, sid, spec: {} }),
    baseName: (state) => `policy-${state.remote.policy.friendly_name ?? state.sid}`,
    omissions: (state) => targetOmissions(state),
  },
};

function listTargets(client: TwilioClient, policySid: string, signal: AbortSignal | undefined): Promise<ConnectionPolicyTarget[]> {
  return collect(client.connectionPolicyTargets.list(policySid, { pageSize: PAGE_SIZE, signal }));
}

/**
 * Twilio accepts the same target twice (or in two cases), but a file matches targets by their
 * SIP URI, ignoring case, so it cannot tell such targets apart.
 */
function targetOmissions(state: PolicyState): ExportOmission[] {
  const byKey = new Map<string, number>();
  for (const t of state.remote.targets) byKey.set(targetKey(t.target), (byKey.get(targetKey(t.target)) ?? 0) + 1);
  const twice = [...byKey].filter(([, n]) => n > 1).map(([key]) => key).sort();
  if (twice.length === 0) return [];
  return [
    {
      key: 'targets',
      reason: `targets left out: the policy has ${twice.join(', ')} more than once, which a file cannot tell apart (it matches targets by their SIP URI, ignoring case). Remove the duplicates at the provider and export again to manage them in the file.`,
    },
  ];
}

/** `sip:pbx-a.example.com (priority 10, weight 20)` per target, disabled ones said so: a hover's lines. */
/**
 * A BYOC trunk's hover of its policy: the targets in the order Twilio tries them (lowest
 * priority first; in a priority, the larger weight first, with its share of that priority's
 * calls; disabled ones last).
 */
function targetLines(targets: unknown): string[] {
  if (!Array.isArray(targets)) return [];
  const all = (targets as Record<string, unknown>[]).map((t) => ({ target: String(t.target), priority: Number(t.priority ?? 10), weight: Number(t.weight ?? 10), enabled: t.enabled !== false }));
  const total = (priority: number) => all.filter((t) => t.enabled && t.priority === priority).reduce((n, t) => n + t.weight, 0);
  return all
    .sort((a, b) => a.priority - b.priority || Number(b.enabled) - Number(a.enabled) || b.weight - a.weight || compareText(a.target, b.target))
    .map((t) => {
      const share = t.enabled && total(t.priority) > 0 ? `, ${Math.round((t.weight / total(t.priority)) * 100)}% of priority ${t.priority}` : '';
      return `${t.target} (priority ${t.priority}, weight ${t.weight}${t.enabled ? share : ', disabled'})`;
    });
}
