import type { Account } from '../../core/accounts/account';
import { CALL_TYPES, type CarrierXTrunk, type TrunkGroup } from '../../core/providers/carrierx/models';
import { providerStepFailure, runCreateWizard } from '../create-wizard';
import { t } from '../l10n';
import { nameProblem } from '../name-problem';
import { pickAccount } from '../pickers/pick-account';
import { pickTrunkGroup } from '../pickers/pick-trunk';
import { showCreated } from '../show-created';
import { TrunkGroupNode } from '../tree/trunk-group-node';
import type { CommandContext, CommandDefinition } from './command';

interface CarrierXTrunkAnswers {
  name: string | undefined;
  callType: (typeof CALL_TYPES)[number] | undefined;
}

/** Trunkline: Create CarrierX Trunk — in a trunk group: name and call type. */
export const createCarrierXTrunk: CommandDefinition = {
  id: 'trunkline.createCarrierXTrunk',
  async run(ctx: CommandContext, node?: unknown) {
    const title = t('Create CarrierX Trunk');
    let account: Account;
    let group: TrunkGroup;
    if (node instanceof TrunkGroupNode) {
      account = node.account;
      group = node.group;
    } else {
      account = await pickAccount(ctx, { provider: 'carrierx', title });
      group = await pickTrunkGroup(ctx, account, title);
    }
    const answers: CarrierXTrunkAnswers = { name: undefined, callType: undefined };
    const trunk = await runCreateWizard<CarrierXTrunkAnswers, CarrierXTrunk>(
      {
        steps: [
          {
            id: 'name',
            async ask(a, prompt) {
              a.name = (
                await ctx.input.input({
                  title,
                  prompt: t('Trunk name (in "{0}").', group.name ?? group.trunk_group_sid),
                  value: a.name,
                  step: prompt.step,
                  canGoBack: prompt.canGoBack,
                  problem: prompt.problem,
                  validate: (v) => nameProblem(v) ?? ((group.trunks ?? []).some((tr) => tr.name === v.trim()) ? t('The group already has a trunk with this name.') : undefined),
                })
              ).trim();
            },
          },
          {
            id: 'call_type',
            async ask(a, prompt) {
              a.callType = await ctx.input.pick(
                CALL_TYPES.map((c) => ({
                  label: c,
                  description: c === 'regular' ? t('With media (default)') : c === 'sip_only' ? t('SIP only') : t('302 redirect'),
                  value: c,
                  picked: a.callType === c,
                })),
                { title, placeholder: t('Call type'), step: prompt.step, canGoBack: prompt.canGoBack, problem: prompt.problem },
              );
            },
          },
        ],
        submit: (a) =>
          ctx.workbench.withProgress(t('Creating trunk "{0}"…', a.name!), async (_report, signal) => {
            const client = await ctx.connections.carrierx(account);
            return client.trunks.create(group.trunk_group_sid, { name: a.name!, call_type: a.callType! }, { signal });
          }),
        stepOfFailure: (e) => providerStepFailure(e, { name: /name/i, call_type: /call.?type/i }),
      },
      answers,
    );
    await showCreated(ctx, {
      message: t('Created trunk "{0}" in "{1}".', trunk.name ?? answers.name!, group.name ?? group.trunk_group_sid),
      ref: { kind: 'carrierxTrunk', account, group, trunk },
      exportable: false,
    });
    ctx.resourceChanges.fire({ account: account.name, kind: 'CarrierXTrunkGroup', sid: group.trunk_group_sid });
    return trunk;
  },
};
