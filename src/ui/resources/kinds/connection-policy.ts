import { errorLine } from '../../../core/http/provider-error';
import { collect } from '../../../core/providers/page';
import { connectionPoliciesNamed } from '../../../core/providers/twilio/connection-policies-named';
import { byocTrunksUsingPolicy } from '../../../core/providers/twilio/byoc-trunks-using-policy';
import { BYOC_FRIENDLY_NAME_MAX } from '../../../core/providers/twilio/field-names';
import type { ByocTrunk, ConnectionPolicy } from '../../../core/providers/twilio/models';
import { t } from '../../l10n';
import { pickConnectionPolicy } from '../../pickers/pick-connection-policy';
import { PartlyDoneError } from '../partly-done-error';
import { refuseUnconfirmed } from '../unconfirmed-dependents-error';
import type { ResourceChange } from '../../resource-change-bus';
import type { ResourceKindDescriptor } from '../resource-kind';

declare module '../resource-ref' {
  interface ResourceRefByKind {
    /** Below a BYOC trunk (`via`), the policy that trunk routes its calls through. */
    connectionPolicy: { policy: ConnectionPolicy; via?: ByocTrunk | undefined };
  }
}

/**
 * A BYOC connection policy (NY…): the named list of targets Twilio sends a BYOC trunk's calls
 * to. Shown below its account and below each BYOC trunk that uses it (`via`); deleted after
 * the trunks that use it are cleared (Twilio keeps a trunk from losing its route silently).
 */
export const connectionPolicyKind: ResourceKindDescriptor<'connectionPolicy'> = {
  kind: 'connectionPolicy',
  displayName: () => t('connection policy'),
  provider: 'twilio',
  sid: (ref) => ref.policy.sid,
  label: (ref) => ref.policy.friendly_name || ref.policy.sid,
  record: (ref) => ref.policy,
  // Below a BYOC trunk, a change is its trunk's (that file's readiness reads the targets); at
  // the account, the policy's own file's.
  change: (ref) => (ref.via ? { account: ref.account.name, kind: 'TwilioByocTrunk', sid: ref.via.sid } : { account: ref.account.name, kind: 'TwilioConnectionPolicy', sid: ref.policy.sid }),
  place: (ref) =>
    ref.via
      ? { folder: { accountId: ref.account.id, folder: 'byocTrunks' }, sids: [ref.via.sid, ref.policy.sid] }
      : { folder: { accountId: ref.account.id, folder: 'connectionPolicies' }, sids: [ref.policy.sid] },
  // Shown both below the account and below the BYOC trunks that use the policy.
  alsoRefresh: (ref) => [{ accountId: ref.account.id, folder: ref.via ? 'connectionPolicies' : 'byocTrunks' }],
  async pick(ctx, account, title) {
    return { kind: 'connectionPolicy', account, policy: await pickConnectionPolicy(ctx, account, title) };
  },
  rename: {
    key: 'friendly_name',
    maxLength: BYOC_FRIENDLY_NAME_MAX,
    // As Create refuses it: two policies of one name cannot be told apart in a pick list or a trunk file.
    async taken(connections, ref, name, signal) {
      const same = await connectionPoliciesNamed(await connections.twilio(ref.account), name, signal);
      return same.some((p) => p.sid !== ref.policy.sid) ? t('The account already has a connection policy named "{0}".', name) : undefined;
    },
  },
  edit: {
    fields: () => [{ key: 'friendly_name', description: t('The name of the policy (at most {0} characters).', BYOC_FRIENDLY_NAME_MAX), type: 'string', nullable: false, maxLength: BYOC_FRIENDLY_NAME_MAX }],
    async update(connections, ref, fields, signal) {
      const client = await connections.twilio(ref.account);
      return { ...ref, policy: await client.connectionPolicies.update(ref.policy.sid, { friendly_name: String(fields['friendly_name']) }, { signal }) };
    },
  },
  delete: {
    async consequence(connections, ref) {
      const client = await connections.twilio(ref.account);
      const [trunks, targets] = await Promise.all([byocTrunksUsingPolicy(client, ref.policy.sid), collect(client.connectionPolicyTargets.list(ref.policy.sid, { pageSize: 1000 }))]);
      const parts = [targets.length === 1 ? t('Its 1 target goes with it.') : t('Its {0} targets go with it.', targets.length)];
      if (trunks.length > 0) {
        parts.push(
          t(
            'These BYOC trunks use it and have their connection policy cleared first, so they send no calls to your carrier until they get another: {0}.',
            trunks.map((tr) => `"${tr.friendly_name || tr.sid}"`).join(', '),
          ),
        );
      }
      return { text: parts.join(' '), dependents: trunks.map((tr) => tr.sid) };
    },
    async remove(connections, ref, signal, confirmed) {
      const client = await connections.twilio(ref.account);
      // Twilio refuses to delete a policy a BYOC trunk still uses (the emulator is as strict).
      const users = await byocTrunksUsingPolicy(client, ref.policy.sid, signal);
      // A trunk a colleague set on the policy after the confirmation is not cleared unnamed.
      refuseUnconfirmed(users, confirmed, (tr) => tr.sid, (tr) => `"${tr.friendly_name || tr.sid}"`, (names) =>
        t('These BYOC trunks started using it after you confirmed, and would have their connection policy cleared too: {0}.', names),
      );
      const cleared: ByocTrunk[] = [];
      const changes: ResourceChange[] = [];
      try {
        for (const trunk of users) {
          await client.byocTrunks.update(trunk.sid, { connection_policy_sid: null }, { signal });
          cleared.push(trunk);
          changes.push({ account: ref.account.name, kind: 'TwilioByocTrunk', sid: trunk.sid });
        }
        await client.connectionPolicies.delete(ref.policy.sid, { signal });
      } catch (e) {
        if (cleared.length === 0) throw e;
        // Never half-applied without saying so: which trunks lost the policy, which still use it.
        const why = errorLine(e);
        const names = (trunks: readonly ByocTrunk[]) => trunks.map((tr) => `"${tr.friendly_name || tr.sid}"`).join(', ');
        const left = users.filter((u) => !cleared.includes(u));
        throw new PartlyDoneError(
          `${t('Deleting "{0}" stopped: {1}. The policy was not deleted. These BYOC trunks no longer use it: {2}.', ref.policy.friendly_name || ref.policy.sid, why, names(cleared))}${
            left.length > 0 ? ` ${t('These still use it: {0}.', names(left))}` : ''
          } ${t('Delete it again to finish, or set their policy again with "Set Connection Policy…".')}`,
          changes,
          { cause: e },
        );
      }
      return changes;
    },
  },
  console: { link: () => ({ kind: 'connectionPolicy' }), inPalette: false },
  tree: {
    icon: () => 'references',
    description: (ref) => (ref.via ? t('connection policy') : undefined),
    tooltip: ({ policy: p }) => ({
      title: p.friendly_name || p.sid,
      fields: [
        ['sid', p.sid],
        ['friendly_name', p.friendly_name],
        ['account_sid', p.account_sid],
        ['date_created', p.date_created],
        ['date_updated', p.date_updated],
      ],
    }),
    contextValue: 'trunkline:connectionPolicy.editable.deletable',
    console: false,
    collapsible: 'collapsed',
  },
};
