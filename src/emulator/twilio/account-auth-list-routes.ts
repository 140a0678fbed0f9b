import { SID_PATTERNS } from '../../core/providers/twilio/models';
import { ok } from '../http/reply';
import type { AuthListKind } from './auth-list-store';
import { orNotFound, type TwilioContext, type TwilioRoute } from './twilio-context';
import { rfc2822 } from './twilio-dates';
import type { AuthListRecord } from './twilio-records';
import { v2010Page } from './v2010-page';

interface AccountListResource {
  kind: AuthListKind;
  segment: 'CredentialLists' | 'IpAccessControlLists';
  subresource: 'credentials' | 'ip_addresses';
  subresourcePath: 'Credentials' | 'IpAddresses';
  pattern: RegExp;
}

function render(list: AuthListRecord, resource: AccountListResource, ctx: TwilioContext): Record<string, unknown> {
  const uri = `/2010-04-01/Accounts/${ctx.accountSid}/SIP/${resource.segment}/${list.sid}`;
  return {
    account_sid: ctx.accountSid,
    date_created: rfc2822(list.date_created),
    date_updated: rfc2822(list.date_updated),
    friendly_name: list.friendly_name,
    sid: list.sid,
    subresource_uris: { [resource.subresource]: `${uri}/${resource.subresourcePath}.json` },
    uri: `${uri}.json`,
  };
}

/**
 * The account's credential lists and IP ACLs, read-only: the emulator seeds them so that a
 * client can pick one to associate with a trunk (their own CRUD is out of scope).
 */
function accountListRoutes(resource: AccountListResource): TwilioRoute[] {
  const base = `/2010-04-01/Accounts/{AccountSid}/SIP/${resource.segment}`;
  return [
    {
      method: 'GET',
      template: `${base}.json`,
      params: { AccountSid: SID_PATTERNS.account },
      handler: (ctx) =>
        ok(
          v2010Page({ path: ctx.path, query: ctx.query, filters: [] }, resource.kind, ctx.state.authLists.lists(resource.kind), (l) =>
            render(l, resource, ctx),
          ),
        ),
    },
    {
      method: 'GET',
      template: `${base}/{Sid}.json`,
      params: { AccountSid: SID_PATTERNS.account, Sid: resource.pattern },
      handler: (ctx) => ok(render(orNotFound(ctx.state.authLists.lists(resource.kind).get(ctx.params.Sid ?? ''), ctx.path), resource, ctx)),
    },
  ];
}

export const accountAuthListRoutes: readonly TwilioRoute[] = [
  ...accountListRoutes({
    kind: 'credential_lists',
    segment: 'CredentialLists',
    subresource: 'credentials',
    subresourcePath: 'Credentials',
    pattern: SID_PATTERNS.credentialList,
  }),
  ...accountListRoutes({
    kind: 'ip_access_control_lists',
    segment: 'IpAccessControlLists',
    subresource: 'ip_addresses',
    subresourcePath: 'IpAddresses',
    pattern: SID_PATTERNS.ipAccessControlList,
  }),
];
