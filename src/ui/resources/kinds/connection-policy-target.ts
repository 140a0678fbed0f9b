import { collect } from '../../../core/providers/page';
import { BYOC_FRIENDLY_NAME_MAX, TARGET_PRIORITY_RANGE, TARGET_WEIGHT_RANGE } from '../../../core/providers/twilio/field-names';
import type { ByocTrunk, ConnectionPolicy, ConnectionPolicyTarget } from '../../../core/providers/twilio/models';
import { t } from '../../l10n';
import { pickConnectionPolicy, pickConnectionPolicyTarget } from '../../pickers/pick-connection-policy';
import { named } from '../../tree/markdown-fields';
import type { FieldDescriptor } from '../editable-fields';
import type { ResourceKindDescriptor } from '../resource-kind';

declare module '../resource-ref' {
  interface ResourceRefByKind {
    connectionPolicyTarget: { policy: ConnectionPolicy; target: ConnectionPolicyTarget; via?: ByocTrunk | undefined };
  }
}

/** "sip:host[:port][;params]", as Twilio takes a target (sips: is not supported). */
export const SIP_TARGET_PATTERN = '^sip:[^\\s]+$';

/**
 * The fields of a target Twilio lets change. Written here rather than read from a trunk-file
 * schema: the TwilioConnectionPolicy kind is not on this branch (route-kinds).
 */
function targetFields(): FieldDescriptor[] {
  return [
    { key: 'friendly_name', description: t('A name for the target (at most {0} characters).', BYOC_FRIENDLY_NAME_MAX), type: 'string', nullable: true, maxLength: BYOC_FRIENDLY_NAME_MAX },
    {
      key: 'target',
      description: t('The SIP address Twilio sends calls to, e.g. sip:sbc.example.com:5060 (sips: is not supported).'),
      type: 'string',
      nullable: false,
      pattern: SIP_TARGET_PATTERN,
      patternMessage: t('Enter a SIP URI starting with sip:, e.g. sip:sbc.example.com:5060 (Twilio does not support sips: here).'),
      maxLength: 255,
    },
    { key: 'priority', description: t('Lowest first: Twilio tries higher numbers only when every target of a lower one fails ({0}–{1}).', ...TARGET_PRIORITY_RANGE), type: 'integer', nullable: false, minimum: TARGET_PRIORITY_RANGE[0], maximum: TARGET_PRIORITY_RANGE[1] },
    { key: 'weight', description: t('Share of calls among targets of the same priority, higher gets more ({0}–{1}).', ...TARGET_WEIGHT_RANGE), type: 'integer', nullable: false, minimum: TARGET_WEIGHT_RANGE[0], maximum: TARGET_WEIGHT_RANGE[1] },
    { key: 'enabled', description: t('Whether Twilio sends calls to this target.'), type: 'boolean', nullable: false },
  ];
}

/** What the row says besides the name: the address (when the name is not it), priority and weight, and "disabled". */
function describeTarget(target: ConnectionPolicyTarget): string {
  const parts = [t('priority {0}, weight {1}', target.priority, target.weight)];
  if (target.friendly_name && target.target) parts.unshift(target.target);
  if (target.enabled === false) parts.push(t('disabled'));
  return parts.join(' · ');
}

/** One SIP address of a connection policy (NE…): where Twilio sends a BYOC trunk's calls, lowest priority first, by weight. */
export const connectionPolicyTargetKind: ResourceKindDescriptor<'connectionPolicyTarget'> = {
  kind: 'connectionPolicyTarget',
  displayName: () => t('connection policy target'),
  provider: 'twilio',
  sid: (ref) => ref.target.sid,
  label: (ref) => ref.target.friendly_name || ref.target.target || ref.target.sid,
  record: (ref) => ref.target,
  change: (ref) => (ref.via ? { account: ref.account.name, kind: 'TwilioByocTrunk', sid: ref.via.sid } : { account: ref.account.name, kind: 'TwilioConnectionPolicy', sid: ref.policy.sid }),
  place: (ref) =>
    ref.via
      ? { folder: { accountId: ref.account.id, folder: 'byocTrunks' }, sids: [ref.via.sid, ref.policy.sid, ref.target.sid] }
      : { folder: { accountId: ref.account.id, folder: 'connectionPolicies' }, sids: [ref.policy.sid, ref.target.sid] },
  // Shown both below the account and below the BYOC trunks that use the policy.
  alsoRefresh: (ref) => [{ accountId: ref.account.id, folder: ref.via ? 'connectionPolicies' : 'byocTrunks' }],
  async pick(ctx, account, title) {
    const policy = await pickConnectionPolicy(ctx, account, title);
    return { kind: 'connectionPolicyTarget', account, policy, target: await pickConnectionPolicyTarget(ctx, account, policy, title) };
  },
  rename: { key: 'friendly_name', maxLength: BYOC_FRIENDLY_NAME_MAX },
  edit: {
    fields: targetFields,
    async update(connections, ref, fields, signal) {
      const client = await connections.twilio(ref.account);
      return { ...ref, target: await client.connectionPolicyTargets.update(ref.policy.sid, ref.target.sid, fields, { signal }) };
    },
  },
  delete: {
    async consequence(connections, ref) {
      const policyName = ref.policy.friendly_name || ref.policy.sid;
      const said = t('Twilio stops sending calls of the BYOC trunks that use "{0}" to {1}.', policyName, ref.target.target ?? ref.target.sid);
      const client = await connections.twilio(ref.account);
      const others = (await collect(client.connectionPolicyTargets.list(ref.policy.sid, { pageSize: 1000 }))).filter((tg) => tg.sid !== ref.target.sid && tg.enabled !== false);
      return others.length > 0 ? said : `${said} ${t('It is the last enabled target of "{0}": the BYOC trunks that use it have nowhere to send calls.', policyName)}`;
    },
    async remove(connections, ref, signal) {
      return (await connections.twilio(ref.account)).connectionPolicyTargets.delete(ref.policy.sid, ref.target.sid, { signal });
    },
  },
  console: { link: () => ({ kind: 'connectionPolicy' }), inPalette: false },
  tree: {
    icon: (ref) => (ref.target.enabled === false ? 'circle-slash' : 'arrow-right'),
    description: (ref) => describeTarget(ref.target),
    tooltip: ({ policy, target: tg }) => ({
      title: tg.friendly_name || tg.target || tg.sid,
      fields: [
        ['sid', tg.sid],
        ['friendly_name', tg.friendly_name],
        ['target', tg.target],
        ['priority', tg.priority],
        ['weight', tg.weight],
        ['enabled', tg.enabled],
        ['connection_policy_sid', named(tg.connection_policy_sid, policy.friendly_name)],
        ['account_sid', tg.account_sid],
        ['date_created', tg.date_created],
        ['date_updated', tg.date_updated],
      ],
    }),
    contextValue: 'trunkline:connectionPolicyTarget.editable.deletable',
    console: false,
    collapsible: 'none',
  },
};
