import { consoleUrl } from '../../core/providers/console-links';
import { t } from '../l10n';
import { pickResource } from '../pickers/pick-resource';
import { refFromNode, type ResourceRef } from '../resources/resource-ref';
import type { CommandContext, CommandDefinition } from './command';

/** Opens the resource in the provider's web console (the sandbox has none). */
export const openInConsole: CommandDefinition = {
  id: 'trunkline.openInConsole',
  async run(ctx: CommandContext, node?: unknown) {
    const ref = refFromNode(node) ?? (await pickResource(ctx, ['trunk', 'byocTrunk', 'phoneNumber', 'trunkGroup'], t('Open in Console')));
    if (ref.account.provider === 'sandbox') throw new Error(t('The sandbox runs on this machine and has no web console; its data is in the Trunkline view.'));
    const url = consoleUrl(consoleResource(ref));
    await ctx.workbench.openExternal(url);
    return url;
  },
};

function consoleResource(ref: ResourceRef) {
  switch (ref.kind) {
    case 'trunk':
      return { kind: 'trunk' as const, sid: ref.trunk.sid };
    case 'byocTrunk':
      return { kind: 'byocTrunk' as const, sid: ref.trunk.sid };
    case 'phoneNumber':
      return { kind: 'phoneNumber' as const, sid: ref.number.sid };
    case 'originationUrl':
      return { kind: 'originationUrl' as const, trunkSid: ref.trunk.sid };
    case 'trunkGroup':
    case 'carrierxTrunk':
      return { kind: ref.kind };
  }
}
