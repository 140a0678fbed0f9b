import { t } from '../l10n';
import { pickResource } from '../pickers/pick-resource';
import { isRefused } from '../resources/resource-kind';
import { changeOf, descriptorOf, displayNameOf, folderIdsOf, kindsWith, labelOf } from '../resources/resource-kinds';
import { refFromNode } from '../tree/resource-node';
import type { CommandContext, CommandDefinition } from './command';

/**
 * Trunkline: Delete — for every resource kind, after a modal confirmation that names the
 * resource and says what else goes with it (numbers freed, trunks of a group).
 */
export const deleteResource: CommandDefinition = {
  id: 'trunkline.delete',
  requiresTrust: true,
  async run(ctx: CommandContext, node?: unknown) {
    const title = t('Delete');
    const ref = refFromNode(node) ?? (await pickResource(ctx, kindsWith('delete'), title));
    const capability = descriptorOf(ref).delete;
    if (isRefused(capability)) throw new Error(capability.refused());
    const consequence = await capability.consequence(ctx.connections, ref);
    const confirmed = await ctx.input.confirm(t('Delete the {0} "{1}"?', displayNameOf(ref.kind), labelOf(ref)), {
      detail: `${consequence}${consequence ? ' ' : ''}${t('This cannot be undone.')}`,
      action: t('Delete'),
    });
    if (!confirmed) return false;
    try {
      await ctx.workbench.withProgress(t('Deleting "{0}"…', labelOf(ref)), (_report, signal) => capability.remove(ctx.connections, ref, signal));
    } finally {
      ctx.resourceChanges.fire(changeOf(ref));
    }
    for (const id of folderIdsOf(ref)) ctx.explorer.refreshById(id);
    void ctx.workbench.info(t('Deleted the {0} "{1}".', displayNameOf(ref.kind), labelOf(ref)));
    return true;
  },
};
