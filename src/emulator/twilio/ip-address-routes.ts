import { SID_PATTERNS } from '../../core/providers/twilio/models';
import { created, noContent, ok } from '../http/reply';
import { param, quote, readParams, requireParams, text, withCode, type ParamDecoder } from './form-params';
import { accountListUri } from './account-auth-list-routes';
import { orNotFound, type TwilioContext, type TwilioRoute } from './twilio-context';
import { rfc2822 } from './twilio-dates';
import { twilioError, TWILIO_CODES } from './twilio-errors';
import type { AuthListRecord, IpAddressRecord } from './twilio-records';
import { v2010Page } from './v2010-page';

const invalidAddress = (message: string) => twilioError(400, TWILIO_CODES.ipAddressInvalid, message);

/**
 * IPv4 in dotted decimal, complete, no wildcards (spec: "IPv4 only supported today"). Octets
 * with a leading zero are refused: some systems read them as octal.
 */
const ipv4: ParamDecoder<string> = (raw, param) => {
  const octets = raw.split('.');
  const valid = octets.length === 4 && octets.every((o) => /^(0|[1-9]\d{0,2})$/.test(o) && Number(o) <= 255);
  if (!valid) throw invalidAddress(`${param} ${quote(raw)} is not an IPv4 address in dotted decimal (like 203.0.113.10); IPv6, host names and wildcards are not supported`);
  return raw;
};

/** 1..32; 0 is stored as 32, as Twilio does (api-facts I2, terraform issue #137). */
const cidrPrefixLength: ParamDecoder<number> = (raw, param) => {
  const value = /^\d{1,2}$/.test(raw) ? Number(raw) : NaN;
  if (!(value >= 0 && value <= 32)) throw invalidAddress(`${param} must be an integer from 1 to 32, not ${quote(raw)}`);
  return value === 0 ? 32 : value;
};

export const IP_ADDRESS_FORM = {
  FriendlyName: param('friendly_name', withCode(TWILIO_CODES.ipAddressInvalid, text(255))),
  IpAddress: param('ip_address', ipv4),
  CidrPrefixLength: param('cidr_prefix_length', cidrPrefixLength),
};

function render(a: IpAddressRecord, ctx: TwilioContext): Record<string, unknown> {
  return {
    account_sid: ctx.accountSid,
    cidr_prefix_length: a.cidr_prefix_length,
    date_created: rfc2822(a.date_created),
    date_updated: rfc2822(a.date_updated),
    friendly_name: a.friendly_name,
    ip_access_control_list_sid: a.ip_access_control_list_sid,
    ip_address: a.ip_address,
    sid: a.sid,
    uri: `${accountListUri(ctx, 'IpAccessControlLists', a.ip_access_control_list_sid)}/IpAddresses/${a.sid}.json`,
  };
}

const pathList = (ctx: TwilioContext): AuthListRecord =>
  orNotFound(ctx.state.authLists.lists('ip_access_control_lists').get(ctx.params.IpAccessControlListSid ?? ''), ctx.path);
const pathAddress = (ctx: TwilioContext): IpAddressRecord =>
  orNotFound(ctx.state.authLists.ipAddressesOf(pathList(ctx).sid).get(ctx.params.Sid ?? ''), ctx.path);

const LIST = '/2010-04-01/Accounts/{AccountSid}/SIP/IpAccessControlLists/{IpAccessControlListSid}/IpAddresses.json';
const ITEM = '/2010-04-01/Accounts/{AccountSid}/SIP/IpAccessControlLists/{IpAccessControlListSid}/IpAddresses/{Sid}.json';
const LIST_PARAMS = { AccountSid: SID_PATTERNS.account, IpAccessControlListSid: SID_PATTERNS.ipAccessControlList };
const ITEM_PARAMS = { ...LIST_PARAMS, Sid: SID_PATTERNS.ipAddress };

/** An IP access control list's addresses and CIDR blocks (2010 API), at most 100 per list. */
export const ipAddressRoutes: readonly TwilioRoute[] = [
  {
    method: 'GET',
    template: LIST,
    params: LIST_PARAMS,
    handler: (ctx) =>
      ok(v2010Page({ path: ctx.path, query: ctx.query, filters: [] }, 'ip_addresses', ctx.state.authLists.ipAddressesOf(pathList(ctx).sid), (a) => render(a, ctx))),
  },
  {
    method: 'POST',
    template: LIST,
    params: LIST_PARAMS,
    handler: (ctx) => {
      const list = pathList(ctx);
      requireParams(ctx.form, ['FriendlyName', 'IpAddress'], TWILIO_CODES.ipAddressInvalid);
      const fields = readParams(ctx.form, IP_ADDRESS_FORM);
      const record = ctx.state.authLists.createIpAddress(
        list.sid,
        { friendly_name: fields.friendly_name ?? '', ip_address: fields.ip_address ?? '', cidr_prefix_length: fields.cidr_prefix_length ?? 32 },
        ctx.now,
      );
      return created(render(record, ctx));
    },
  },
  {
    method: 'GET',
    template: ITEM,
    params: ITEM_PARAMS,
    handler: (ctx) => ok(render(pathAddress(ctx), ctx)),
  },
  {
    method: 'POST',
    template: ITEM,
    params: ITEM_PARAMS,
    handler: (ctx) => {
      const address = pathAddress(ctx);
      const fields = readParams(ctx.form, IP_ADDRESS_FORM);
      // FriendlyName is required on create; an empty one on update would leave a nameless entry.
      if (fields.friendly_name === '') throw invalidAddress('FriendlyName must not be empty');
      ctx.state.authLists.updateIpAddress(address, fields, ctx.now);
      return ok(render(address, ctx));
    },
  },
  {
    method: 'DELETE',
    template: ITEM,
    params: ITEM_PARAMS,
    handler: (ctx) => {
      const address = pathAddress(ctx);
      ctx.state.authLists.deleteIpAddress(address.ip_access_control_list_sid, address.sid);
      return noContent();
    },
  },
];
