import { createWithoutDuplicates } from '../../core/documents/apply/reconcile-create';
import { errorLine, isProviderError } from '../../core/http/provider-error';
import { collect } from '../../core/providers/page';
import { t } from '../l10n';
import { pickAccount } from '../pickers/pick-account';
import { pickTrunk } from '../pickers/pick-trunk';
import { folderIdOf } from '../resources/resource-kinds';
import { TerminationNode } from '../tree/termination-node';
import { TrunkNode } from '../tree/trunk-node';
import type { CommandContext, CommandDefinition } from './command';

type Choice = { kind: 'ipAccessControlList' | 'credentialList'; sid: string; name: string };

/**
 * Trunkline: Link Lists to Trunk — a multi-select of the account's IP access control lists
 * and credential lists not yet on the trunk; Twilio lets calls into the trunk from what they allow.
 */
export const linkAuthLists: CommandDefinition = {
  id: 'trunkline.linkAuthLists',
  async run(ctx: CommandContext, node?: unknown) {
    const title = t('Link Lists to Trunk');
    const trunkNode = node instanceof TrunkNode || node instanceof TerminationNode ? node : undefined;
    const account = trunkNode?.account ?? (await pickAccount(ctx, { provider: 'twilio', title }));
    const trunk = trunkNode?.trunk ?? (await pickTrunk(ctx, account, title));
    const client = await ctx.connections.twilio(account);
    const choices = (async (): Promise<Choice[]> => {
      const [acls, cls, linkedAcls, linkedCls] = await Promise.all([
        collect(client.ipAccessControlLists.list({ pageSize: 1000 })),
        collect(client.credentialLists.list({ pageSize: 1000 })),
        collect(client.trunkIpAccessControlLists.list(trunk.sid, { pageSize: 1000 })),
        collect(client.trunkCredentialLists.list(trunk.sid, { pageSize: 1000 })),
      ]);
      const linked = new Set([...linkedAcls, ...linkedCls].map((l) => l.sid));
      return [
        ...acls.map((l): Choice => ({ kind: 'ipAccessControlList', sid: l.sid, name: l.friendly_name ?? l.sid })),
        ...cls.map((l): Choice => ({ kind: 'credentialList', sid: l.sid, name: l.friendly_name ?? l.sid })),
      ].filter((c) => !linked.has(c.sid));
    })();
    const chosen = await ctx.input.pickMany(
      choices.then((all) =>
        all.map((c) => ({
          label: c.name,
          description: c.kind === 'ipAccessControlList' ? t('IP access control list') : t('credential list'),
          icon: c.kind === 'ipAccessControlList' ? 'shield' : 'key',
          value: c,
        })),
      ),
      { title: `${title}: ${trunk.friendly_name ?? trunk.sid}`, placeholder: t('Lists to link (type to filter)'), matchOnDescription: true },
    );
    if (chosen.length === 0) return { linked: [] };
    const linked: string[] = [];
    const failed: string[] = [];
    try {
      await ctx.workbench.withProgress(t('Linking lists to "{0}"…', trunk.friendly_name ?? trunk.sid), async (report, signal) => {
        for (const c of chosen) {
          if (signal.aborted) break;
          report(c.name);
          const links = c.kind === 'ipAccessControlList' ? client.trunkIpAccessControlLists : client.trunkCredentialLists;
          try {
            // A lost answer is looked up (the link is addressed by the list's sid), never sent again blindly.
            await createWithoutDuplicates(
              {
                what: `the link of "${c.name}"`,
                create: () => links.add(trunk.sid, c.sid, { signal }),
                find: (_before, s) => links.fetch(trunk.sid, c.sid, { signal: s }).catch((e: unknown) => (isProviderError(e) && e.isNotFound ? undefined : Promise.reject(e))),
              },
              { signal },
            );
            linked.push(c.name);
          } catch (e) {
            if (signal.aborted) break;
            failed.push(`${c.name}: ${errorLine(e)}`);
          }
        }
      });
    } finally {
      ctx.resourceChanges.fire({ account: account.name, kind: 'TwilioTrunk', sid: trunk.sid });
      // The trunks folder, not the trunk's row: the trunk as listed before has the old auth_type.
      ctx.explorer.refreshById(folderIdOf({ kind: 'trunk', account, trunk }));
    }
    if (failed.length === 0) void ctx.workbench.info(t('Linked {0} list(s) to "{1}".', linked.length, trunk.friendly_name ?? trunk.sid));
    else void ctx.workbench.warn(t('Linked {0} of {1} list(s); failed: {2}', linked.length, chosen.length, failed.join('; ')));
    return { linked, failed };
  },
};
