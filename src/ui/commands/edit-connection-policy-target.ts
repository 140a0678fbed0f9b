import { runCreateWizard } from '../create-wizard';
import { t } from '../l10n';
import { pickResource } from '../pickers/pick-resource';
import { labelOf } from '../resources/resource-kinds';
import type { RefOf, ResourceRef } from '../resources/resource-ref';
import { refFromNode } from '../tree/resource-node';
import { targetSettingSteps, targetStepOfFailure, type TargetAnswers } from './add-connection-policy-target';
import type { CommandContext, CommandDefinition } from './command';
import { applyFieldChange } from './edit-field';

/**
 * Trunkline: Edit Target — a target's friendly name, priority, weight and enabled in one pass,
 * each opened at its current value (Back goes to the one before); only what changed is sent.
 */
export const editConnectionPolicyTarget: CommandDefinition = {
  id: 'trunkline.editConnectionPolicyTarget',
  async run(ctx: CommandContext, node?: unknown) {
    const title = t('Edit Target');
    const from = refFromNode(node);
    const ref = (from?.kind === 'connectionPolicyTarget' ? from : await pickResource(ctx, ['connectionPolicyTarget'], title)) as RefOf<'connectionPolicyTarget'>;
    const current = ref.target;
    const answers: TargetAnswers = {
      friendlyName: current.friendly_name ?? '',
      priority: String(current.priority),
      weight: String(current.weight),
      enabled: current.enabled !== false,
    };
    return runCreateWizard<TargetAnswers, ResourceRef>(
      {
        steps: targetSettingSteps<TargetAnswers>(ctx, () => `${title}: ${labelOf(ref)}`),
        submit: async (a) => {
          const changed: Record<string, unknown> = {};
          if (a.friendlyName !== (current.friendly_name ?? '')) changed['friendly_name'] = a.friendlyName === '' ? null : a.friendlyName;
          if (Number(a.priority) !== current.priority) changed['priority'] = Number(a.priority);
          if (Number(a.weight) !== current.weight) changed['weight'] = Number(a.weight);
          if (a.enabled !== (current.enabled !== false)) changed['enabled'] = a.enabled;
          if (Object.keys(changed).length === 0) {
            void ctx.workbench.info(t('Nothing changed in "{0}"; nothing was sent.', labelOf(ref)));
            return ref;
          }
          return applyFieldChange(ctx, ref, changed);
        },
        stepOfFailure: targetStepOfFailure,
      },
      answers,
    );
  },
};
