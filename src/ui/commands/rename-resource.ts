import { BYOC_FRIENDLY_NAME_MAX, FRIENDLY_NAME_MAX } from '../../core/providers/twilio/models';
import { t } from '../l10n';
import { pickResource } from '../pickers/pick-resource';
import { KIND_NAMES, labelOf, refFromNode } from '../resources/resource-ref';
import type { CommandContext, CommandDefinition } from './command';
import { applyFieldChange } from './edit-field';
import { nameProblem } from '../name-problem';

/** Trunkline: Rename — the friendly name (Twilio) or name (CarrierX) of a resource. */
export const renameResource: CommandDefinition = {
  id: 'trunkline.rename',
  async run(ctx: CommandContext, node?: unknown) {
    const title = t('Rename');
    const ref = refFromNode(node) ?? (await pickResource(ctx, ['trunk', 'byocTrunk', 'originationUrl', 'trunkGroup', 'carrierxTrunk'], title));
    if (ref.kind === 'phoneNumber') throw new Error(t('Rename a phone number in the Twilio Console; Trunkline manages which trunk it is on.'));
    const key = ref.kind === 'trunkGroup' || ref.kind === 'carrierxTrunk' ? 'name' : 'friendly_name';
    const max = ref.kind === 'byocTrunk' ? BYOC_FRIENDLY_NAME_MAX : ref.kind === 'trunkGroup' || ref.kind === 'carrierxTrunk' ? undefined : FRIENDLY_NAME_MAX;
    const name = await ctx.input.input({
      title: `${title}: ${labelOf(ref)}`,
      prompt: t('New name for the {0}.', t(KIND_NAMES[ref.kind])),
      value: labelOf(ref),
      validate: (v) => nameProblem(v, max),
    });
    if (name === labelOf(ref)) return ref;
    return applyFieldChange(ctx, ref, { [key]: name });
  },
};
