import type { CommandContext } from '../commands/command';
import { t } from '../l10n';
import { addressSummary } from '../resources/kinds/endpoint-address';
import { assertManagedEndpoint } from '../resources/kinds/endpoint';
import { kindOf } from '../resources/resource-kinds';
import type { RefOf } from '../resources/resource-ref';
import { refFromNode } from '../tree/resource-node';
import { pickAccount } from './pick-account';

/** What has SIP credentials on a CarrierX endpoint: the endpoint itself (`out_sip_*`) or one of its addresses (`sip_*`). */
export type SipPasswordTarget = RefOf<'endpoint'> | RefOf<'endpointAddress'>;

/** The endpoint or address a password command was started on, else asked for: account, endpoint, then the endpoint or one address. */
export async function pickSipPasswordTarget(ctx: CommandContext, node: unknown, title: string): Promise<SipPasswordTarget> {
  const from = refFromNode(node);
  if (from?.kind === 'endpoint' || from?.kind === 'endpointAddress') {
    assertManagedEndpoint(from.endpoint);
    return from;
  }
  const ref = await kindOf('endpoint').pick(ctx, await pickAccount(ctx, { provider: 'carrierx', title }), title);
  const e = ref.endpoint;
  const choice = await ctx.input.pick<number>(
    [
      { label: e.name || e.endpoint_sid, description: t('the endpoint: used for any address without its own'), icon: 'plug', value: -1 },
      ...e.addresses.map((a, i) => ({ label: a.ip ?? '', description: addressSummary(a), icon: 'globe', value: i })),
    ],
    { title, placeholder: t('Whose SIP credentials?') },
  );
  return choice < 0 ? ref : { kind: 'endpointAddress', account: ref.account, endpoint: e, address: e.addresses[choice]!, index: choice };
}

/** The username and whether a password is set, as the target has them. */
export function sipCredentialsOf(target: SipPasswordTarget): { username: string | null | undefined; password: string | null | undefined } {
  return target.kind === 'endpoint'
    ? { username: target.endpoint.out_sip_username, password: target.endpoint.out_sip_password }
    : { username: target.address.sip_username, password: target.address.sip_password };
}
