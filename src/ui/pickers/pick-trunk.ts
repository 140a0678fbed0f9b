import type { AccountConnections } from '../../core/accounts/account-connections';
import type { Account } from '../../core/accounts/account';
import { collect } from '../../core/providers/page';
import type { TrunkGroup } from '../../core/providers/carrierx/models';
import type { Trunk } from '../../core/providers/twilio/models';
import { t } from '../l10n';
import type { UserInput } from '../user-input';

/** What a palette pick of a resource needs: the prompts and the clients (a part of the CommandContext). */
export interface PickContext {
  readonly input: UserInput;
  readonly connections: AccountConnections;
}

export function pickTrunk(ctx: PickContext, account: Account, title: string): Promise<Trunk> {
  const items = ctx.connections
    .twilio(account)
    .then((client) => collect(client.trunks.list({ pageSize: 1000 })))
    .then((list) => list.map((tr) => ({ label: tr.friendly_name || tr.sid, description: tr.domain_name ?? undefined, detail: tr.sid, value: tr })));
  return ctx.input.pick(items, { title, placeholder: t('Choose an Elastic SIP trunk'), matchOnDescription: true });
}

export function pickTrunkGroup(ctx: PickContext, account: Account, title: string): Promise<TrunkGroup> {
  const items = ctx.connections
    .carrierx(account)
    .then((client) => collect(client.trunkGroups.list({ pageSize: 1000, withTrunks: true })))
    .then((list) =>
      list.map((g) => ({ label: g.name || g.trunk_group_sid, description: `${g.routing_type ?? ''} · ${((g.trunks?.length ?? 0) === 1 ? t('1 trunk') : t('{0} trunks', g.trunks?.length ?? 0))}`, value: g })),
    );
  return ctx.input.pick(items, { title, placeholder: t('Choose a trunk group') });
}
