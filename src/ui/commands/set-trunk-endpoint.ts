import type { Endpoint } from '../../core/providers/carrierx/models';
import { t } from '../l10n';
import { pickAccount } from '../pickers/pick-account';
import { endpointDescription, listEndpoints } from '../pickers/pick-endpoint';
import { changeOf, folderIdOf, kindOf, labelOf } from '../resources/resource-kinds';
import type { RefOf } from '../resources/resource-ref';
import { refFromNode } from '../tree/resource-node';
import type { PickItem } from '../user-input';
import type { CommandContext, CommandDefinition } from './command';

/** Trunkline: Set Endpoint… — where a CarrierX trunk sends its calls: one of the account's endpoints, or none. */
export const setTrunkEndpoint: CommandDefinition = {
  id: 'trunkline.setTrunkEndpoint',
  async run(ctx: CommandContext, node?: unknown) {
    const title = t('Set Endpoint');
    const from = refFromNode(node);
    const ref: RefOf<'carrierxTrunk'> =
      from?.kind === 'carrierxTrunk' ? from : await kindOf('carrierxTrunk').pick(ctx, await pickAccount(ctx, { provider: 'carrierx', title }), title);
    const current = ref.trunk.endpoint_sid;
    const listed = listEndpoints(ctx, ref.account, { managedOnly: false });
    const items = listed.then((endpoints): PickItem<Endpoint | null>[] => [
      { label: t('None'), description: current === null ? t('current') : undefined, detail: t('The trunk sends calls nowhere until an endpoint is set.'), icon: 'circle-slash', value: null },
      ...endpoints.map((e) => ({
        label: e.name || e.endpoint_sid,
        description: `${endpointDescription(e)}${e.endpoint_sid === current ? ` · ${t('current')}` : ''}`,
        detail: e.endpoint_sid,
        picked: e.endpoint_sid === current,
        icon: 'plug',
        value: e,
      })),
    ]);
    const chosen = await ctx.input.pick(items, { title: `${title}: ${labelOf(ref)}`, placeholder: t('Where "{0}" sends calls', labelOf(ref)), matchOnDescription: true });
    const sid = chosen?.endpoint_sid ?? null;
    // Where the trunk sends calls right before the write: the row it was started from may be
    // old, and a colleague's change since is replaced only when the user, told of it, says so.
    const client = await ctx.connections.carrierx(ref.account);
    const now = (await client.trunks.fetch(ref.group.trunk_group_sid, ref.trunk.trunk_sid)).endpoint_sid ?? null;
    if (sid === now) {
      void ctx.workbench.info(t('"{0}" already uses this endpoint; nothing to change.', labelOf(ref)));
      return ref.trunk;
    }
    if (now !== (current ?? null)) {
      const endpoints = await listed;
      const nameOf = (endpointSid: string | null) => (endpointSid === null ? t('None') : `"${endpoints.find((e) => e.endpoint_sid === endpointSid)?.name || endpointSid}"`);
      const replace = await ctx.input.confirm(t('The endpoint of "{0}" was changed since it was listed', labelOf(ref)), {
        detail: t('It uses {0} now, not {1}. Replace it with {2}?', nameOf(now), nameOf(current ?? null), nameOf(sid)),
        action: t('Replace'),
      });
      if (!replace) {
        void ctx.workbench.info(t('Nothing was changed: "{0}" keeps {1}.', labelOf(ref), nameOf(now)));
        return ref.trunk;
      }
    }
    let trunk;
    try {
      trunk = await ctx.workbench.withProgress(t('Setting the endpoint of "{0}"…', labelOf(ref)), async (_report, signal) => {
        return client.trunks.update(ref.group.trunk_group_sid, ref.trunk.trunk_sid, { endpoint_sid: sid }, { signal });
      });
    } finally {
      // Also after a failure: an update whose answer was lost may have been applied.
      ctx.resourceChanges.fire(changeOf(ref));
    }
    ctx.explorer.refreshById(folderIdOf(ref));
    void ctx.workbench.info(
      chosen ? t('"{0}" now sends calls to "{1}".', labelOf(ref), chosen.name || chosen.endpoint_sid) : t('"{0}" has no endpoint now: it sends calls nowhere.', labelOf(ref)),
    );
    return trunk;
  },
};
