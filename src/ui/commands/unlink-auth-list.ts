import { t } from '../l10n';
import { pickAccount } from '../pickers/pick-account';
import { pickTrunk } from '../pickers/pick-trunk';
import { folderIdOf } from '../resources/resource-kinds';
import type { RefOf } from '../resources/resource-ref';
import { refFromNode } from '../tree/resource-node';
import type { CommandContext, CommandDefinition } from './command';

/** Trunkline: Unlink Lists from Trunk — the lists stay in the account; the trunk stops accepting what they allow. */
export const unlinkAuthList: CommandDefinition = {
  id: 'trunkline.unlinkAuthLists',
  async run(ctx: CommandContext, node?: unknown) {
    const title = t('Unlink Lists from Trunk');
    const from = refFromNode(node);
    let account;
    let trunk;
    let chosen: (RefOf<'ipAccessControlList'> | RefOf<'credentialList'>)[];
    if ((from?.kind === 'ipAccessControlList' || from?.kind === 'credentialList') && from.via) {
      account = from.account;
      trunk = from.via;
      chosen = [from];
    } else {
      account = await pickAccount(ctx, { provider: 'twilio', title });
      const tr = await pickTrunk(ctx, account, title);
      trunk = tr;
      const client = await ctx.connections.twilio(account);
      chosen = await ctx.input.pickMany(
        Promise.all([client.trunkIpAccessControlLists.page(tr.sid, { pageSize: 1000 }), client.trunkCredentialLists.page(tr.sid, { pageSize: 1000 })]).then(([acls, cls]) => [
          ...acls.items.map((list) => ({ label: list.friendly_name ?? list.sid, description: t('IP access control list'), icon: 'shield', value: { kind: 'ipAccessControlList' as const, account: account!, list, via: tr } })),
          ...cls.items.map((list) => ({ label: list.friendly_name ?? list.sid, description: t('credential list'), icon: 'key', value: { kind: 'credentialList' as const, account: account!, list, via: tr } })),
        ]),
        { title: `${title}: ${tr.friendly_name ?? tr.sid}`, placeholder: t('Lists to unlink') },
      );
      if (chosen.length === 0) return { unlinked: [] };
    }
    const names = chosen.map((c) => `"${c.list.friendly_name ?? c.list.sid}"`).join(', ');
    const confirmed = await ctx.input.confirm(t('Unlink {0} from "{1}"?', names, trunk.friendly_name ?? trunk.sid), {
      detail: t('The lists stay in the account. A trunk with no list left refuses every call sent to it.'),
      action: t('Unlink'),
    });
    if (!confirmed) return { unlinked: [] };
    const client = await ctx.connections.twilio(account);
    const unlinked: string[] = [];
    try {
      await ctx.workbench.withProgress(t('Unlinking from "{0}"…', trunk.friendly_name ?? trunk.sid), async (_report, signal) => {
        for (const c of chosen) {
          const links = c.kind === 'ipAccessControlList' ? client.trunkIpAccessControlLists : client.trunkCredentialLists;
          await links.remove(trunk.sid, c.list.sid, { signal });
          unlinked.push(c.list.friendly_name ?? c.list.sid);
        }
      });
    } finally {
      ctx.resourceChanges.fire({ account: account.name, kind: 'TwilioTrunk', sid: trunk.sid });
      // The trunks folder, not the trunk's row: the trunk as listed before has the old auth_type.
      ctx.explorer.refreshById(folderIdOf({ kind: 'trunk', account, trunk }));
    }
    void ctx.workbench.info(t('Unlinked {0} from "{1}".', names, trunk.friendly_name ?? trunk.sid));
    return { unlinked };
  },
};
