import { SID_PATTERNS } from '../../core/providers/twilio/models';
import { created, noContent, ok } from '../http/reply';
import { param, readParams, requireParams, text, withCode, type FormTable } from './form-params';
import type { AuthListKind } from './auth-list-store';
import { orNotFound, type TwilioContext, type TwilioRoute } from './twilio-context';
import { rfc2822 } from './twilio-dates';
import { TWILIO_CODES } from './twilio-errors';
import type { AuthListRecord } from './twilio-records';
import { v2010Page } from './v2010-page';

/** FriendlyName up to 64 characters (spec text); missing, too long or taken is 21240. */
export const CREDENTIAL_LIST_FORM = {
  FriendlyName: param('friendly_name', withCode(TWILIO_CODES.credentialListInvalid, text(64))),
};

/** FriendlyName up to 255 characters (spec text); missing or too long is 21235. Names need not be unique. */
export const IP_ACCESS_CONTROL_LIST_FORM = {
  FriendlyName: param('friendly_name', withCode(TWILIO_CODES.ipAccessControlListInvalid, text(255))),
};

interface AccountListResource {
  kind: AuthListKind;
  segment: 'CredentialLists' | 'IpAccessControlLists';
  subresource: 'credentials' | 'ip_addresses';
  subresourcePath: 'Credentials' | 'IpAddresses';
  pattern: RegExp;
  form: FormTable;
  /** The code for a missing or invalid FriendlyName. */
  invalidCode: number;
}

export function accountListUri(ctx: TwilioContext, segment: string, sid: string): string {
  return `/2010-04-01/Accounts/${ctx.accountSid}/SIP/${segment}/${sid}`;
}

function render(list: AuthListRecord, resource: AccountListResource, ctx: TwilioContext): Record<string, unknown> {
  const uri = accountListUri(ctx, resource.segment, list.sid);
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

function friendlyName(ctx: TwilioContext, resource: AccountListResource): string {
  requireParams(ctx.form, ['FriendlyName'], resource.invalidCode);
  return (readParams(ctx.form, resource.form) as { friendly_name: string }).friendly_name;
}

/** The account's credential lists and IP ACLs (2010 API): list, create, fetch, rename, delete. */
function accountListRoutes(resource: AccountListResource): TwilioRoute[] {
  const base = `/2010-04-01/Accounts/{AccountSid}/SIP/${resource.segment}`;
  const listParams = { AccountSid: SID_PATTERNS.account };
  const itemParams = { AccountSid: SID_PATTERNS.account, Sid: resource.pattern };
  const pathList = (ctx: TwilioContext) => orNotFound(ctx.state.authLists.lists(resource.kind).get(ctx.params.Sid ?? ''), ctx.path);
  return [
    {
      method: 'GET',
      template: `${base}.json`,
      params: listParams,
      handler: (ctx) =>
        ok(
          v2010Page({ path: ctx.path, query: ctx.query, filters: [] }, resource.kind, ctx.state.authLists.lists(resource.kind), (l) =>
            render(l, resource, ctx),
          ),
        ),
    },
    {
      method: 'POST',
      template: `${base}.json`,
      params: listParams,
      handler: (ctx) => created(render(ctx.state.authLists.createList(resource.kind, friendlyName(ctx, resource), ctx.now), resource, ctx)),
    },
    {
      method: 'GET',
      template: `${base}/{Sid}.json`,
      params: itemParams,
      handler: (ctx) => ok(render(pathList(ctx), resource, ctx)),
    },
    {
      method: 'POST',
      template: `${base}/{Sid}.json`,
      params: itemParams,
      handler: (ctx) => {
        const list = pathList(ctx);
        ctx.state.authLists.renameList(resource.kind, list, friendlyName(ctx, resource), ctx.now);
        return ok(render(list, resource, ctx));
      },
    },
    {
      method: 'DELETE',
      template: `${base}/{Sid}.json`,
      params: itemParams,
      handler: (ctx) => {
        ctx.state.deleteAuthList(resource.kind, pathList(ctx).sid);
        return noContent();
      },
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
    form: CREDENTIAL_LIST_FORM,
    invalidCode: TWILIO_CODES.credentialListInvalid,
  }),
  ...accountListRoutes({
    kind: 'ip_access_control_lists',
    segment: 'IpAccessControlLists',
    subresource: 'ip_addresses',
    subresourcePath: 'IpAddresses',
    pattern: SID_PATTERNS.ipAccessControlList,
    form: IP_ACCESS_CONTROL_LIST_FORM,
    invalidCode: TWILIO_CODES.ipAccessControlListInvalid,
  }),
];
