import { ROUTING_TYPES } from '../../core/providers/carrierx/models';
import { t } from '../l10n';
import { accountFromNode } from '../pickers/account-from-node';
import { pickAccount } from '../pickers/pick-account';
import type { CommandContext, CommandDefinition } from './command';
import { notifyCreated } from './create-trunk';
import { nameProblem } from '../name-problem';

/** Trunkline: Create CarrierX Trunk Group — account, name, routing type. */
export const createTrunkGroup: CommandDefinition = {
  id: 'trunkline.createTrunkGroup',
  async run(ctx: CommandContext, node?: unknown) {
    const title = t('Create Trunk Group');
    const account = accountFromNode(node, 'carrierx') ?? (await pickAccount(ctx, { provider: 'carrierx', title, step: { step: 1, totalSteps: 3 } }));
    const name = await ctx.input.input({
      title,
      prompt: t('Trunk group name.'),
      step: { step: 2, totalSteps: 3 },
      validate: (v) => nameProblem(v),
    });
    const routingType = await ctx.input.pick(
      ROUTING_TYPES.map((r) => ({
        label: r,
        description: r === 'failover' ? t('Trunks in priority order (lower first)') : t('Calls spread by trunk weight'),
        value: r,
      })),
      { title, placeholder: t('How calls are distributed among the trunks'), step: { step: 3, totalSteps: 3 } },
    );
    const group = await ctx.workbench.withProgress(t('Creating trunk group "{0}"…', name), async (_report, signal) => {
      const client = await ctx.connections.carrierx(account);
      return client.trunkGroups.create({ name: name.trim(), routing_type: routingType }, { signal });
    });
    ctx.explorer.refreshById(`account/${account.id}/trunk-groups`);
    void notifyCreated(ctx, t('Created trunk group "{0}".', group.name ?? name), group.trunk_group_sid);
    return group;
  },
};
