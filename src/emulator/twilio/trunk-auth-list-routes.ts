import { SID_PATTERNS } from '../../core/providers/twilio/models';
import { created, noContent, ok } from '../http/reply';
import { param, readParams, requireParams, sid, withCode } from './form-params';
import { TWILIO_CODES } from './twilio-errors';
import type { AuthListKind } from './auth-list-store';
import { orNotFound, pathTrunk, type TwilioContext, type TwilioRoute } from './twilio-context';
import { iso8601 } from './twilio-dates';
import type { TrunkAuthLinkRecord } from './twilio-records';
import { v1Page } from './v1-page';

/** The one body parameter of each association create, as the spec spells it. */
export const TRUNK_CREDENTIAL_LIST_FORM = {
  CredentialListSid: param('list_sid', withCode(TWILIO_CODES.trunkInvalid, sid(SID_PATTERNS.credentialList))),
};
export const TRUNK_IP_ACCESS_CONTROL_LIST_FORM = {
  IpAccessControlListSid: param('list_sid', withCode(TWILIO_CODES.trunkInvalid, sid(SID_PATTERNS.ipAccessControlList))),
};

interface AuthListResource {
  kind: AuthListKind;
  segment: 'CredentialLists' | 'IpAccessControlLists';
  /** The body parameter naming the list, as the spec spells it. */
  param: 'CredentialListSid' | 'IpAccessControlListSid';
  pattern: RegExp;
  form: typeof TRUNK_CREDENTIAL_LIST_FORM | typeof TRUNK_IP_ACCESS_CONTROL_LIST_FORM;
}

function render(link: TrunkAuthLinkRecord, resource: AuthListResource, ctx: TwilioContext): Record<string, unknown> {
  const list = ctx.state.authLists.lists(resource.kind).get(link.list_sid);
  const date = iso8601(link.date_created);
  return {
    account_sid: ctx.accountSid,
    sid: link.list_sid,
    trunk_sid: link.trunk_sid,
    friendly_name: list?.friendly_name ?? null,
    date_created: date,
    date_updated: date,
    url: `${ctx.baseUrl}/v1/Trunks/${link.trunk_sid}/${resource.segment}/${link.list_sid}`,
  };
}

/** Associations of account-level lists with a trunk; they make up the trunk's auth_type. */
function authListRoutes(resource: AuthListResource): TwilioRoute[] {
  const list = `/v1/Trunks/{TrunkSid}/${resource.segment}`;
  const item = `${list}/{Sid}`;
  const listParams = { TrunkSid: SID_PATTERNS.trunk };
  const itemParams = { TrunkSid: SID_PATTERNS.trunk, Sid: resource.pattern };
  const pathLink = (ctx: TwilioContext) =>
    orNotFound(ctx.state.authLists.linksOf(resource.kind, pathTrunk(ctx, 'TrunkSid').sid).get(ctx.params.Sid ?? ''), ctx.path);
  return [
    {
      method: 'GET',
      template: list,
      params: listParams,
      handler: (ctx) => {
        const trunk = pathTrunk(ctx, 'TrunkSid');
        return ok(v1Page(ctx, resource.kind, ctx.state.authLists.linksOf(resource.kind, trunk.sid), (l) => render(l, resource, ctx)));
      },
    },
    {
      method: 'POST',
      template: list,
      params: listParams,
      handler: (ctx) => {
        const trunk = pathTrunk(ctx, 'TrunkSid');
        requireParams(ctx.form, [resource.param], TWILIO_CODES.trunkInvalid);
        const listSid = (readParams(ctx.form, resource.form) as { list_sid?: string }).list_sid ?? '';
        return created(render(ctx.state.associate(resource.kind, trunk.sid, listSid, ctx.now), resource, ctx));
      },
    },
    {
      method: 'GET',
      template: item,
      params: itemParams,
      handler: (ctx) => ok(render(pathLink(ctx), resource, ctx)),
    },
    {
      method: 'DELETE',
      template: item,
      params: itemParams,
      handler: (ctx) => {
        const link = pathLink(ctx);
        ctx.state.authLists.unlink(resource.kind, link.trunk_sid, link.list_sid);
        return noContent();
      },
    },
  ];
}

export const trunkAuthListRoutes: readonly TwilioRoute[] = [
  ...authListRoutes({
    kind: 'credential_lists',
    segment: 'CredentialLists',
    param: 'CredentialListSid',
    pattern: SID_PATTERNS.credentialList,
    form: TRUNK_CREDENTIAL_LIST_FORM,
  }),
  ...authListRoutes({
    kind: 'ip_access_control_lists',
    segment: 'IpAccessControlLists',
    param: 'IpAccessControlListSid',
    pattern: SID_PATTERNS.ipAccessControlList,
    form: TRUNK_IP_ACCESS_CONTROL_LIST_FORM,
  }),
];
