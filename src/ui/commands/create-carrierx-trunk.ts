import { CALL_TYPES } from '../../core/providers/carrierx/models';
import { t } from '../l10n';
import { pickAccount } from '../pickers/pick-account';
import { pickTrunkGroup } from '../pickers/pick-resource';
import { TrunkGroupNode } from '../tree/trunk-group-node';
import type { CommandContext, CommandDefinition } from './command';
import { notifyCreated } from './create-trunk';
import { nameProblem } from '../name-problem';

/** Trunkline: Create CarrierX Trunk — in a trunk group: name and call type. */
export const createCarrierXTrunk: CommandDefinition = {
  id: 'trunkline.createCarrierXTrunk',
  async run(ctx: CommandContext, node?: unknown) {
    const title = t('Create CarrierX Trunk');
    let account;
    let group;
    if (node instanceof TrunkGroupNode) {
      account = node.account;
      group = node.group;
    } else {
      account = await pickAccount(ctx, { provider: 'carrierx', title });
      group = await pickTrunkGroup(ctx, account, title);
    }
    const name = await ctx.input.input({
      title,
      prompt: t('Trunk name (in "{0}").', group.name ?? group.trunk_group_sid),
      step: { step: 1, totalSteps: 2 },
      validate: (v) => nameProblem(v) ?? ((group.trunks ?? []).some((tr) => tr.name === v.trim()) ? t('The group already has a trunk with this name.') : undefined),
    });
    const callType = await ctx.input.pick(
      CALL_TYPES.map((c) => ({
        label: c,
        description: c === 'regular' ? t('With media (default)') : c === 'sip_only' ? t('SIP only') : t('302 redirect'),
        value: c,
      })),
      { title, placeholder: t('Call type'), step: { step: 2, totalSteps: 2 } },
    );
    const trunk = await ctx.workbench.withProgress(t('Creating trunk "{0}"…', name), async (_report, signal) => {
      const client = await ctx.connections.carrierx(account);
      return client.trunks.create(group.trunk_group_sid, { name: name.trim(), call_type: callType }, { signal });
    });
    ctx.resourceChanges.fire({ account: account.name, kind: 'CarrierXTrunkGroup', sid: group.trunk_group_sid });
    ctx.explorer.refreshById(`account/${account.id}/trunk-groups`);
    void notifyCreated(ctx, t('Created trunk "{0}" in "{1}".', trunk.name ?? name, group.name ?? group.trunk_group_sid), trunk.trunk_sid);
    return trunk;
  },
};
