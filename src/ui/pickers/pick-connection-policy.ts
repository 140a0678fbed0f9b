import type { Account } from '../../core/accounts/account';
import { collect } from '../../core/providers/page';
import type { ConnectionPolicy, ConnectionPolicyTarget } from '../../core/providers/twilio/models';
import { t } from '../l10n';
import type { PickContext } from './pick-trunk';

export function pickConnectionPolicy(ctx: PickContext, account: Account, title: string): Promise<ConnectionPolicy> {
  const items = ctx.connections
    .twilio(account)
    .then((client) => collect(client.connectionPolicies.list({ pageSize: 1000 })))
    .then((policies) => policies.map((p) => ({ label: p.friendly_name || p.sid, description: p.sid, value: p })));
  return ctx.input.pick(items, { title, placeholder: t('Choose a connection policy') });
}

export function pickConnectionPolicyTarget(ctx: PickContext, account: Account, policy: ConnectionPolicy, title: string): Promise<ConnectionPolicyTarget> {
  const items = ctx.connections
    .twilio(account)
    .then((client) => collect(client.connectionPolicyTargets.list(policy.sid, { pageSize: 1000 })))
    .then((targets) =>
      targets.map((tg) => ({
        label: tg.friendly_name || tg.target || tg.sid,
        description: `${tg.target ?? ''} · ${t('priority {0}, weight {1}', tg.priority, tg.weight)}${tg.enabled === false ? ` · ${t('disabled')}` : ''}`,
        value: tg,
      })),
    );
  return ctx.input.pick(items, { title: `${title}: ${policy.friendly_name || policy.sid}`, placeholder: t('Choose a target'), matchOnDescription: true });
}
