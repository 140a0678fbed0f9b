import { t } from '../l10n';
import { nameProblem } from '../name-problem';
import { pickResource } from '../pickers/pick-resource';
import { isRefused } from '../resources/resource-kind';
import { descriptorOf, displayNameOf, kindsWith, labelOf } from '../resources/resource-kinds';
import { refFromNode } from '../tree/resource-node';
import type { CommandContext, CommandDefinition } from './command';
import { applyFieldChange } from './edit-field';

/** Trunkline: Rename — the friendly name (Twilio) or name (CarrierX) of a resource. */
export const renameResource: CommandDefinition = {
  id: 'trunkline.rename',
  async run(ctx: CommandContext, node?: unknown) {
    const title = t('Rename');
    const ref = refFromNode(node) ?? (await pickResource(ctx, kindsWith('rename'), title));
    const rename = descriptorOf(ref).rename;
    if (isRefused(rename)) throw new Error(rename.refused());
    const name = await ctx.input.input({
      title: `${title}: ${labelOf(ref)}`,
      prompt: t('New name for the {0}.', displayNameOf(ref.kind)),
      value: labelOf(ref),
      validate: (v) => nameProblem(v, rename.maxLength),
      validateOnAccept: async (v) => (rename.taken && v !== labelOf(ref) ? rename.taken(ctx.connections, ref as never, v) : undefined),
    });
    if (name === labelOf(ref)) return ref;
    return applyFieldChange(ctx, ref, { [rename.key]: name });
  },
};
