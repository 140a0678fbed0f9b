import { t } from '../l10n';
import { pickResource } from '../pickers/pick-resource';
import { labelOf, RESOURCE_KINDS, sidOf } from '../resources/resource-kinds';
import { refFromNode } from '../tree/resource-node';
import type { CommandContext, CommandDefinition } from './command';

export const copySid: CommandDefinition = {
  id: 'trunkline.copySid',
  async run(ctx: CommandContext, node?: unknown) {
    const ref = refFromNode(node) ?? (await pickResource(ctx, RESOURCE_KINDS.map((k) => k.kind), t('Copy SID')));
    const sid = sidOf(ref);
    await ctx.workbench.writeClipboard(sid);
    void ctx.workbench.info(t('Copied the SID of "{0}": {1}', labelOf(ref), sid));
    return sid;
  },
};
