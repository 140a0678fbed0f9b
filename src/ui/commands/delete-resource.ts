import { collect } from '../../core/providers/page';
import { t } from '../l10n';
import { pickResource } from '../pickers/pick-resource';
import { deleteResource as deleteAtProvider } from '../resources/resource-operations';
import { changeOf, folderIdOf, KIND_NAMES, labelOf, refFromNode, type ResourceRef } from '../resources/resource-ref';
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
    const ref = refFromNode(node) ?? (await pickResource(ctx, ['trunk', 'byocTrunk', 'originationUrl', 'trunkGroup', 'carrierxTrunk'], title));
    if (ref.kind === 'phoneNumber') throw new Error(t('Phone numbers are detached from a trunk, not deleted: use "Detach Numbers".'));
    const consequence = await consequenceOf(ctx, ref);
    const confirmed = await ctx.input.confirm(t('Delete the {0} "{1}"?', t(KIND_NAMES[ref.kind]), labelOf(ref)), {
      detail: `${consequence}${consequence ? ' ' : ''}${t('This cannot be undone.')}`,
      action: t('Delete'),
    });
    if (!confirmed) return false;
    try {
      await ctx.workbench.withProgress(t('Deleting "{0}"…', labelOf(ref)), (_report, signal) => deleteAtProvider(ctx, ref, signal));
    } finally {
      ctx.resourceChanges.fire(changeOf(ref));
    }
    ctx.explorer.refreshById(folderIdOf(ref));
    void ctx.workbench.info(t('Deleted the {0} "{1}".', t(KIND_NAMES[ref.kind]), labelOf(ref)));
    return true;
  },
};

async function consequenceOf(ctx: CommandContext, ref: ResourceRef): Promise<string> {
  switch (ref.kind) {
    case 'trunk': {
      const client = await ctx.connections.twilio(ref.account);
      const numbers = await collect(client.trunkPhoneNumbers.list(ref.trunk.sid, { pageSize: 1000 }));
      const domain = ref.trunk.domain_name ? `${ref.trunk.domain_name}. ` : '';
      if (numbers.length === 0) return `${domain}${t('No phone numbers are attached.')}`;
      const list = numbers.slice(0, 5).map((n) => n.phone_number).join(', ');
      return `${domain}${t('It frees {0} phone number(s): {1}{2}; calls to them will no longer reach this trunk.', numbers.length, list, numbers.length > 5 ? '…' : '')}`;
    }
    case 'trunkGroup': {
      const count = ref.group.trunks?.length ?? 0;
      return count === 0 ? t('The group has no trunks.') : t('Its {0} trunk(s) are deleted with it.', count);
    }
    case 'originationUrl':
      return t('Twilio stops sending calls of "{0}" to {1}.', ref.trunk.friendly_name ?? ref.trunk.sid, ref.url.sip_url ?? '');
    default:
      return '';
  }
}
