import type { Account } from '../../core/accounts/account';
import { collect } from '../../core/providers/page';
import type { Trunk } from '../../core/providers/twilio/models';
import type { TrunkGroup } from '../../core/providers/carrierx/models';
import type { CommandContext } from '../commands/command';
import { t } from '../l10n';
import { KIND_NAMES, type ResourceKind, type ResourceRef } from '../resources/resource-ref';
import { pickAccount } from './pick-account';

const PROVIDER: Record<ResourceKind, 'twilio' | 'carrierx'> = {
  trunk: 'twilio',
  byocTrunk: 'twilio',
  originationUrl: 'twilio',
  phoneNumber: 'twilio',
  trunkGroup: 'carrierx',
  carrierxTrunk: 'carrierx',
};

/** Asks, from the palette, for a resource of one of the given kinds: kind, then account, then the resource. */
export async function pickResource(ctx: CommandContext, kinds: readonly ResourceKind[], title: string): Promise<ResourceRef> {
  const kind =
    kinds.length === 1
      ? kinds[0]!
      : await ctx.input.pick(
          kinds.map((k) => ({ label: capitalize(t(KIND_NAMES[k])), value: k })),
          { title, placeholder: t('What kind of resource?') },
        );
  const account = await pickAccount(ctx, { provider: PROVIDER[kind], title });
  switch (kind) {
    case 'trunk':
      return { kind, account, trunk: await pickTrunk(ctx, account, title) };
    case 'byocTrunk': {
      const client = await ctx.connections.twilio(account);
      const trunk = await ctx.input.pick(
        collect(client.byocTrunks.list({ pageSize: 1000 })).then((list) =>
          list.map((b) => ({ label: b.friendly_name || b.sid, description: b.voice_url ?? undefined, detail: b.sid, value: b })),
        ),
        { title, placeholder: t('Choose a BYOC trunk') },
      );
      return { kind, account, trunk };
    }
    case 'originationUrl': {
      const trunk = await pickTrunk(ctx, account, title);
      const client = await ctx.connections.twilio(account);
      const url = await ctx.input.pick(
        collect(client.originationUrls.list(trunk.sid)).then((list) =>
          list.map((u) => ({ label: u.friendly_name || u.sid, description: u.sip_url ?? undefined, value: u })),
        ),
        { title, placeholder: t('Choose an origination URL') },
      );
      return { kind, account, trunk, url };
    }
    case 'phoneNumber': {
      const trunk = await pickTrunk(ctx, account, title);
      const client = await ctx.connections.twilio(account);
      const number = await ctx.input.pick(
        collect(client.trunkPhoneNumbers.list(trunk.sid)).then((list) =>
          list.map((n) => ({ label: n.phone_number ?? n.sid, description: n.friendly_name ?? undefined, value: n })),
        ),
        { title, placeholder: t('Choose a phone number'), matchOnDescription: true },
      );
      return { kind, account, trunk, number };
    }
    case 'trunkGroup':
      return { kind, account, group: await pickTrunkGroup(ctx, account, title) };
    case 'carrierxTrunk': {
      const group = await pickTrunkGroup(ctx, account, title);
      const trunk = await ctx.input.pick(
        (group.trunks ?? []).map((tr) => ({ label: tr.name || tr.trunk_sid, description: tr.call_type ?? undefined, value: tr })),
        { title, placeholder: t('Choose a trunk') },
      );
      return { kind, account, group, trunk };
    }
  }
}

export function pickTrunk(ctx: CommandContext, account: Account, title: string): Promise<Trunk> {
  const items = ctx.connections
    .twilio(account)
    .then((client) => collect(client.trunks.list({ pageSize: 1000 })))
    .then((list) => list.map((tr) => ({ label: tr.friendly_name || tr.sid, description: tr.domain_name ?? undefined, detail: tr.sid, value: tr })));
  return ctx.input.pick(items, { title, placeholder: t('Choose an Elastic SIP trunk'), matchOnDescription: true });
}

export function pickTrunkGroup(ctx: CommandContext, account: Account, title: string): Promise<TrunkGroup> {
  const items = ctx.connections
    .carrierx(account)
    .then((client) => collect(client.trunkGroups.list({ pageSize: 1000, withTrunks: true })))
    .then((list) =>
      list.map((g) => ({ label: g.name || g.trunk_group_sid, description: `${g.routing_type ?? ''} · ${((g.trunks?.length ?? 0) === 1 ? t('1 trunk') : t('{0} trunks', g.trunks?.length ?? 0))}`, value: g })),
    );
  return ctx.input.pick(items, { title, placeholder: t('Choose a trunk group') });
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
