import { t } from '../l10n';
import { pickResource } from '../pickers/pick-resource';
import { isPartlyDone } from '../resources/partly-done-error';
import { isRefused } from '../resources/resource-kind';
import { isUnconfirmedDependents } from '../resources/unconfirmed-dependents-error';
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
    const said = await capability.consequence(ctx.connections, ref);
    const consequence = typeof said === 'string' ? { text: said, dependents: [] } : said;
    const confirmed = await ctx.input.confirm(t('Delete the {0} "{1}"?', displayNameOf(ref.kind), labelOf(ref)), {
      detail: `${consequence.text}${consequence.text ? ' ' : ''}${t('This cannot be undone.')}`,
      action: t('Delete'),
    });
    if (!confirmed) return false;
    // The dependents the user agreed to (trunks cleared first, numbers freed): the delete reads
    // them again right before its first write and stops, nothing sent, at any it was not told
    // about (a colleague's, since); the user is asked again naming them.
    const agreed = typeof said === 'string' ? undefined : new Set(consequence.dependents);
    let declined = false;
    try {
      for (;;) {
        const outcome = await ctx.workbench.withProgress(t('Deleting "{0}"…', labelOf(ref)), async (_report, signal) => {
          try {
            return { changed: await capability.remove(ctx.connections, ref, signal, agreed) };
          } catch (e) {
            if (isUnconfirmedDependents(e)) return { unconfirmed: e };
            throw e;
          }
        });
        if ('changed' in outcome) {
          for (const change of outcome.changed ?? []) ctx.resourceChanges.fire(change);
          break;
        }
        const again = await ctx.input.confirm(t('Delete the {0} "{1}"? More depend on it since you confirmed', displayNameOf(ref.kind), labelOf(ref)), {
          detail: `${outcome.unconfirmed.message} ${t('Nothing has been changed yet. This cannot be undone.')}`,
          action: t('Delete'),
        });
        if (!again) {
          declined = true;
          void ctx.workbench.info(t('Nothing was deleted: the {0} "{1}" is left as it is.', displayNameOf(ref.kind), labelOf(ref)));
          return false;
        }
        for (const sid of outcome.unconfirmed.sids) agreed!.add(sid);
      }
    } catch (e) {
      if (isPartlyDone(e)) for (const change of e.changes) ctx.resourceChanges.fire(change);
      throw e;
    } finally {
      if (!declined) ctx.resourceChanges.fire(changeOf(ref));
    }
    for (const id of folderIdsOf(ref)) ctx.explorer.refreshById(id);
    void ctx.workbench.info(t('Deleted the {0} "{1}".', displayNameOf(ref.kind), labelOf(ref)));
    return true;
  },
};
