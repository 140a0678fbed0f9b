import type { Account } from '../../core/accounts/account';
import { collect } from '../../core/providers/page';
import type { ByocTrunk, ConnectionPolicy } from '../../core/providers/twilio/models';
import { t } from '../l10n';
import { pickAccount } from '../pickers/pick-account';
import { byocTrunkKind } from '../resources/kinds/byoc-trunk';
import { folderIdsOf } from '../resources/resource-kinds';
import { NoConnectionPolicyNode } from '../tree/no-connection-policy-node';
import { refFromNode } from '../tree/resource-node';
import type { CommandContext, CommandDefinition } from './command';

/** The BYOC trunk a command was started on: its node, its "No connection policy" row, or the policy shown below it. */
function byocTrunkOfNode(node: unknown): { account: Account; trunk: ByocTrunk } | undefined {
  if (node instanceof NoConnectionPolicyNode) return { account: node.account, trunk: node.trunk };
  const ref = refFromNode(node);
  if (ref?.kind === 'byocTrunk') return ref;
  if (ref?.kind === 'connectionPolicy' && ref.via) return { account: ref.account, trunk: ref.via };
  return undefined;
}

/**
 * Trunkline: Set Connection Policy… — which of the account's policies a BYOC trunk sends its
 * calls through, or None. Clearing it is confirmed: the trunk's calls then reach no carrier.
 */
export const setConnectionPolicy: CommandDefinition = {
  id: 'trunkline.setConnectionPolicy',
  async run(ctx: CommandContext, node?: unknown) {
    const title = t('Set Connection Policy');
    let { account, trunk } = byocTrunkOfNode(node) ?? {};
    if (!account || !trunk) {
      account = await pickAccount(ctx, { provider: 'twilio', title });
      trunk = (await byocTrunkKind.pick(ctx, account, title)).trunk;
    }
    const client = await ctx.connections.twilio(account);
    const trunkName = trunk.friendly_name || trunk.sid;
    const current = trunk.connection_policy_sid;
    const listed = collect(client.connectionPolicies.list({ pageSize: 1000 }));
    const chosen = await ctx.input.pick<ConnectionPolicy | null>(
      listed.then((policies) => [
        ...policies.map((p) => ({
          label: p.friendly_name || p.sid,
          description: p.sid === current ? `${p.sid} · ${t('current')}` : p.sid,
          picked: p.sid === current,
          icon: 'references',
          value: p,
        })),
        { label: t('None'), description: t('the trunk sends no calls to your carrier'), picked: !current, icon: 'circle-slash', value: null },
      ]),
      { title: `${title}: ${trunkName}`, placeholder: t('Which policy should "{0}" send its calls through?', trunkName) },
    );
    const sid = chosen?.sid ?? null;
    if (sid === null && (current ?? null) !== null) {
      const confirmed = await ctx.input.confirm(t('Clear the connection policy of "{0}"?', trunkName), {
        detail: t('Twilio then has nowhere to send the calls of "{0}" to your carrier, until it gets another policy.', trunkName),
        action: t('Clear'),
      });
      if (!confirmed) return trunk;
    }
    // What the trunk uses right before the write: the row it was started from may be old, and a
    // colleague's change since is replaced only when the user, told of it, says so.
    const now = (await client.byocTrunks.fetch(trunk.sid)).connection_policy_sid ?? null;
    if (sid === now) {
      void ctx.workbench.info(t('"{0}" already uses that; nothing to change.', trunkName));
      return trunk;
    }
    if (now !== (current ?? null)) {
      const policies = await listed;
      const nameOf = (policySid: string | null) => (policySid === null ? t('None') : `"${policies.find((p) => p.sid === policySid)?.friendly_name || policySid}"`);
      const replace = await ctx.input.confirm(t('The connection policy of "{0}" was changed since it was listed', trunkName), {
        detail: t('It uses {0} now, not {1}. Replace it with {2}?', nameOf(now), nameOf(current ?? null), nameOf(sid)),
        action: t('Replace'),
      });
      if (!replace) {
        void ctx.workbench.info(t('Nothing was changed: "{0}" keeps {1}.', trunkName, nameOf(now)));
        return trunk;
      }
    }
    let updated: ByocTrunk;
    try {
      updated = await ctx.workbench.withProgress(t('Setting the connection policy of "{0}"…', trunkName), (_report, signal) =>
        client.byocTrunks.update(trunk.sid, { connection_policy_sid: sid }, { signal }),
      );
    } finally {
      // Also after a failure: an update whose answer was lost may have been applied.
      ctx.resourceChanges.fire({ account: account.name, kind: 'TwilioByocTrunk', sid: trunk.sid });
    }
    for (const id of folderIdsOf({ kind: 'byocTrunk', account, trunk: updated })) ctx.explorer.refreshById(id);
    void ctx.workbench.info(
      chosen ? t('"{0}" now sends its calls through "{1}".', trunkName, chosen.friendly_name || chosen.sid) : t('Cleared the connection policy of "{0}".', trunkName),
    );
    return updated;
  },
};
