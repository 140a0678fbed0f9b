import type { Account } from '../../core/accounts/account';
import type { Endpoint } from '../../core/providers/carrierx/models';
import { collect } from '../../core/providers/page';
import { t } from '../l10n';
import type { PickContext } from './pick-trunk';

/**
 * The account's endpoints but CarrierX's own System Gateway (no trunk may use it); `managedOnly`
 * keeps only `third_party` ones, which Trunkline changes. Types are spelled out: pickers load
 * without the zod models.
 */
export async function listEndpoints(ctx: PickContext, account: Account, options: { managedOnly: boolean }): Promise<Endpoint[]> {
  const client = await ctx.connections.carrierx(account);
  const all = await collect(client.endpoints.list({ pageSize: 1000 }));
  return all.filter((e) => (options.managedOnly ? e.type === 'third_party' : e.type !== 'system_gateway'));
}

export function endpointDescription(endpoint: Endpoint): string {
  const hosts = endpoint.addresses.map((a) => a.ip ?? '').filter((ip) => ip !== '');
  const where = hosts.length > 0 ? hosts.join(', ') : t('no addresses');
  return endpoint.type === 'third_party' ? where : `${endpoint.type} · ${where}`;
}

export function pickEndpoint(ctx: PickContext, account: Account, title: string, options: { managedOnly: boolean }): Promise<Endpoint> {
  const items = listEndpoints(ctx, account, options).then((endpoints) =>
    endpoints.map((e) => ({ label: e.name || e.endpoint_sid, description: endpointDescription(e), detail: e.endpoint_sid, value: e })),
  );
  return ctx.input.pick(items, { title, placeholder: t('Choose an endpoint'), matchOnDescription: true });
}
