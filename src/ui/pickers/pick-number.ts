import type { Account } from '../../core/accounts/account';
import { fromCarrierXNumber } from '../../core/providers/carrierx/carrierx-number';
import { collect } from '../../core/providers/page';
import { t } from '../l10n';
import type { RefOf } from '../resources/resource-ref';
import type { PickContext } from './pick-trunk';
import { trunkDisplayName } from '../../core/providers/twilio/trunk-names';

/** One of the Twilio account's numbers, with the trunk it is on. */
export async function pickIncomingNumber(ctx: PickContext, account: Account, title: string): Promise<RefOf<'incomingNumber'>> {
  const items = ctx.connections.twilio(account).then(async (client) => {
    const [numbers, trunks] = await Promise.all([collect(client.incomingPhoneNumbers.list({ pageSize: 1000 })), collect(client.trunks.list({ pageSize: 1000 }))]);
    const names = new Map(trunks.map((tr) => [tr.sid, trunkDisplayName(tr)]));
    return numbers.map((number) => {
      const trunkName = number.trunk_sid ? (names.get(number.trunk_sid) ?? number.trunk_sid) : undefined;
      return {
        label: number.phone_number,
        description: trunkName ? t('on "{0}"', trunkName) : t('not on a trunk'),
        value: { kind: 'incomingNumber' as const, account, number, trunkName },
      };
    });
  });
  return ctx.input.pick(items, { title, placeholder: t('Choose a phone number'), matchOnDescription: true });
}

/** One of the CarrierX account's numbers (DIDs), with the trunk group it is assigned to. */
export async function pickDid(ctx: PickContext, account: Account, title: string): Promise<RefOf<'did'>> {
  const items = ctx.connections.carrierx(account).then(async (client) => {
    const [dids, groups] = await Promise.all([collect(client.dids.list({ pageSize: 1000 })), collect(client.trunkGroups.list({ pageSize: 1000 }))]);
    const names = new Map(groups.map((g) => [g.trunk_group_sid, g.name || g.trunk_group_sid]));
    return dids.map((did) => {
      const groupName = did.trunk_group_sid ? (names.get(did.trunk_group_sid) ?? did.trunk_group_sid) : undefined;
      return {
        label: fromCarrierXNumber(did.phonenumber),
        description: groupName ? t('on "{0}"', groupName) : t('unassigned'),
        value: { kind: 'did' as const, account, did, groupName },
      };
    });
  });
  return ctx.input.pick(items, { title, placeholder: t('Choose a phone number'), matchOnDescription: true });
}
