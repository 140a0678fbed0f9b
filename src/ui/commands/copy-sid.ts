import { t } from '../l10n';
import { pickResource } from '../pickers/pick-resource';
import { labelOf, refFromNode, sidOf } from '../resources/resource-ref';
import type { CommandContext, CommandDefinition } from './command';

export const copySid: CommandDefinition = {
  id: 'trunkline.copySid',
  async run(ctx: CommandContext, node?: unknown) {
    const ref = refFromNode(node) ?? (await pickResource(ctx, ['trunk', 'byocTrunk', 'originationUrl', 'phoneNumber', 'trunkGroup', 'carrierxTrunk'], t('Copy SID')));
    const sid = sidOf(ref);
    await ctx.workbench.writeClipboard(sid);
    void ctx.workbench.info(t('Copied the SID of "{0}": {1}', labelOf(ref), sid));
    return sid;
  },
};
