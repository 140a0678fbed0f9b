import type { Account } from '../../core/accounts/account';
import { collect } from '../../core/providers/page';
import { ROUTING_TYPES, type TrunkGroup } from '../../core/providers/carrierx/models';
import { providerStepFailure, runCreateWizard } from '../create-wizard';
import { t } from '../l10n';
import { nameProblem } from '../name-problem';
import { accountFromNode } from '../pickers/account-from-node';
import { accountStep, soleAccount } from '../pickers/pick-account';
import { showCreated } from '../show-created';
import type { CommandContext, CommandDefinition } from './command';

interface GroupAnswers {
  account: Account | undefined;
  accountGiven: boolean;
  name: string | undefined;
  routingType: (typeof ROUTING_TYPES)[number] | undefined;
}

/** Trunkline: Create CarrierX Trunk Group — account, name (not one the account already has), routing type. */
export const createTrunkGroup: CommandDefinition = {
  id: 'trunkline.createTrunkGroup',
  async run(ctx: CommandContext, node?: unknown) {
    const title = t('Create Trunk Group');
    const given = accountFromNode(node, 'carrierx') ?? soleAccount(ctx, 'carrierx');
    const answers: GroupAnswers = { account: given, accountGiven: given !== undefined, name: undefined, routingType: undefined };
    const group = await runCreateWizard<GroupAnswers, TrunkGroup>(
      {
        steps: [
          accountStep(ctx, 'carrierx', title),
          {
            id: 'name',
            async ask(a, prompt) {
              a.name = (
                await ctx.input.input({
                  title,
                  prompt: t('Trunk group name.'),
                  value: a.name,
                  step: prompt.step,
                  canGoBack: prompt.canGoBack,
                  problem: prompt.problem,
                  validate: (v) => nameProblem(v),
                  validateOnAccept: (v) => groupNameInUse(ctx, a.account!, v.trim()),
                })
              ).trim();
            },
          },
          {
            id: 'routing_type',
            async ask(a, prompt) {
              a.routingType = await ctx.input.pick(
                ROUTING_TYPES.map((r) => ({
                  label: r,
                  description: r === 'failover' ? t('Trunks in priority order (lower first)') : t('Calls spread by trunk weight'),
                  value: r,
                  picked: a.routingType === r,
                })),
                { title, placeholder: t('How calls are distributed among the trunks'), step: prompt.step, canGoBack: prompt.canGoBack, problem: prompt.problem },
              );
            },
          },
        ],
        submit: (a) =>
          ctx.workbench.withProgress(t('Creating trunk group "{0}"…', a.name!), async (_report, signal) => {
            const client = await ctx.connections.carrierx(a.account!);
            return client.trunkGroups.create({ name: a.name!, routing_type: a.routingType! }, { signal });
          }),
        stepOfFailure: (e) => providerStepFailure(e, { name: /name/i, routing_type: /routing/i }),
      },
      answers,
    );
    const account = answers.account!;
    await showCreated(ctx, {
      message: t('Created trunk group "{0}".', group.name ?? answers.name!),
      ref: { kind: 'trunkGroup', account, group },
      exportable: true,
    });
    return group;
  },
};

/** Two groups of one name are told apart only by sid: almost always a mistake, caught before sending. */
async function groupNameInUse(ctx: CommandContext, account: Account, name: string): Promise<string | undefined> {
  const client = await ctx.connections.carrierx(account);
  const groups = await collect(client.trunkGroups.list({ pageSize: 1000 }));
  const same = groups.find((g) => g.name === name);
  return same ? t('This account already has a trunk group named "{0}" ({1}): choose another name.', name, same.trunk_group_sid) : undefined;
}
