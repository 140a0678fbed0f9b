import { createWithoutDuplicates } from '../../core/documents/apply/reconcile-create';
import { collect } from '../../core/providers/page';
import { isSipIpv4Address } from '../../core/providers/twilio/sip-auth-rules';
import { FRIENDLY_NAME_MAX } from '../../core/providers/twilio/models';
import { t } from '../l10n';
import { nameProblem } from '../name-problem';
import { pickAccount } from '../pickers/pick-account';
import { pickIpAccessControlList } from '../pickers/pick-sip-auth-list';
import { refFromNode } from '../tree/resource-node';
import { showCreated } from '../show-created';
import type { CommandContext, CommandDefinition } from './command';

/** What is wrong with "address" or "address/prefix" (IPv4 only, prefix 1–32 as Twilio takes); undefined when fine. */
export function ipAddressProblem(value: string): string | undefined {
  const [address = '', prefix, ...rest] = value.trim().split('/');
  if (rest.length > 0 || !isSipIpv4Address(address)) return t('Enter an IPv4 address, e.g. 203.0.113.10, or a block, e.g. 203.0.113.0/24 (Twilio takes no IPv6 or host names).');
  if (prefix !== undefined && !(/^\d{1,2}$/.test(prefix) && Number(prefix) >= 1 && Number(prefix) <= 32)) return t('The prefix after "/" is a whole number from 1 to 32.');
  return undefined;
}

/** Trunkline: Add IP Address — an address or CIDR block Twilio accepts calls from. */
export const addIpAddress: CommandDefinition = {
  id: 'trunkline.addIpAddress',
  async run(ctx: CommandContext, node?: unknown) {
    const title = t('Add IP Address');
    const from = refFromNode(node);
    const given = from?.kind === 'ipAccessControlList' ? from : undefined;
    const account = given?.account ?? (await pickAccount(ctx, { provider: 'twilio', title }));
    const list = given?.list ?? (await pickIpAccessControlList(ctx, account, title));
    const client = await ctx.connections.twilio(account);
    const typed = (
      await ctx.input.input({
        title: `${title}: ${list.friendly_name ?? list.sid}`,
        prompt: t('IPv4 address, or a block in CIDR notation (address/prefix).'),
        placeholder: '203.0.113.0/24',
        validate: ipAddressProblem,
        // Refused here rather than by Twilio (21238) after the name is asked; and so an address
        // found after a lost answer is known to be this create's.
        validateOnAccept: async (v) => {
          const [ip, p] = v.trim().split('/');
          const cidr = p === undefined ? 32 : Number(p);
          const same = (await collect(client.ipAddresses.list(list.sid, { pageSize: 1000 }))).find((a) => a.ip_address === ip && a.cidr_prefix_length === cidr);
          return same ? t('{0} is already in this list ("{1}").', `${ip}/${cidr}`, same.friendly_name ?? same.sid) : undefined;
        },
      })
    ).trim();
    const [ipAddress = '', prefix] = typed.split('/');
    const friendlyName = await ctx.input.input({
      title,
      prompt: t('Friendly name (up to {0} characters).', FRIENDLY_NAME_MAX),
      value: typed,
      validate: (v) => nameProblem(v, FRIENDLY_NAME_MAX),
    });
    const cidr = prefix === undefined ? 32 : Number(prefix);
    // A lost answer is looked up, never sent again blindly: an address and prefix is in a list once (21238).
    const { value: address } = await ctx.workbench.withProgress(t('Adding {0}…', typed), (_report, signal) =>
      createWithoutDuplicates(
        {
          what: `IP address ${typed}`,
          create: () => client.ipAddresses.create(list.sid, { friendly_name: friendlyName, ip_address: ipAddress, cidr_prefix_length: cidr }, { signal }),
          find: async (_before, s) => (await collect(client.ipAddresses.list(list.sid, { pageSize: 1000, signal: s }))).find((a) => a.ip_address === ipAddress && a.cidr_prefix_length === cidr),
        },
        { signal },
      ),
    );
    const ref = { kind: 'ipAddress' as const, account, list, address, via: given?.via };
    if (given?.via) ctx.resourceChanges.fire({ account: account.name, kind: 'TwilioTrunk', sid: given.via.sid });
    await showCreated(ctx, { message: t('Added {0} to "{1}".', typed, list.friendly_name ?? list.sid), ref, exportable: false });
    return address;
  },
};
