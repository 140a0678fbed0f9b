import type { Account } from '../../core/accounts/account';
import { collect } from '../../core/providers/page';
import type { SipCredentialList, SipIpAccessControlList } from '../../core/providers/twilio/models';
import { t } from '../l10n';
import type { PickContext } from './pick-trunk';

export function pickIpAccessControlList(ctx: PickContext, account: Account, title: string): Promise<SipIpAccessControlList> {
  const items = ctx.connections
    .twilio(account)
    .then((client) => collect(client.ipAccessControlLists.list({ pageSize: 1000 })))
    .then((lists) => lists.map((l) => ({ label: l.friendly_name || l.sid, description: l.sid, value: l })));
  return ctx.input.pick(items, { title, placeholder: t('Choose an IP access control list') });
}

export function pickCredentialList(ctx: PickContext, account: Account, title: string): Promise<SipCredentialList> {
  const items = ctx.connections
    .twilio(account)
    .then((client) => collect(client.credentialLists.list({ pageSize: 1000 })))
    .then((lists) => lists.map((l) => ({ label: l.friendly_name || l.sid, description: l.sid, value: l })));
  return ctx.input.pick(items, { title, placeholder: t('Choose a credential list') });
}
