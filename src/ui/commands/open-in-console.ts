import { consoleUrl } from '../../core/providers/console-links';
import { t } from '../l10n';
import { pickResource } from '../pickers/pick-resource';
import { descriptorOf, kindsWith } from '../resources/resource-kinds';
import { refFromNode } from '../tree/resource-node';
import type { CommandContext, CommandDefinition } from './command';

/** Opens the resource in the provider's web console (the sandbox has none). */
export const openInConsole: CommandDefinition = {
  id: 'trunkline.openInConsole',
  async run(ctx: CommandContext, node?: unknown) {
    const ref = refFromNode(node) ?? (await pickResource(ctx, kindsWith('consolePalette'), t('Open in Console')));
    if (ref.account.provider === 'sandbox') throw new Error(t('The sandbox runs on this machine and has no web console; its data is in the Trunkline view.'));
    const url = consoleUrl(descriptorOf(ref).console.link(ref));
    await ctx.workbench.openExternal(url);
    return url;
  },
};
