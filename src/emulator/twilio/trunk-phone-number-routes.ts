import { SID_PATTERNS } from '../../core/providers/twilio/models';
import { created, noContent, ok } from '../http/reply';
import { param, readParams, requireParams, sid } from './form-params';
import { orNotFound, pathTrunk, type TwilioContext, type TwilioRoute } from './twilio-context';
import { iso8601 } from './twilio-dates';
import type { IncomingNumberRecord } from './twilio-records';
import { v1Page } from './v1-page';

/** The incoming number as the trunk sees it (seed 003): ISO dates, a link back to the 2010 resource. */
export function renderTrunkPhoneNumber(n: IncomingNumberRecord, ctx: TwilioContext): Record<string, unknown> {
  return {
    sid: n.sid,
    date_created: iso8601(n.date_created),
    date_updated: iso8601(n.date_updated),
    friendly_name: n.friendly_name,
    account_sid: ctx.accountSid,
    phone_number: n.phone_number,
    api_version: n.api_version,
    voice_caller_id_lookup: n.voice_caller_id_lookup,
    voice_url: n.voice_url,
    voice_method: n.voice_method,
    voice_fallback_url: n.voice_fallback_url,
    voice_fallback_method: n.voice_fallback_method,
    status_callback: n.status_callback,
    status_callback_method: n.status_callback_method,
    voice_application_sid: n.voice_application_sid,
    trunk_sid: n.trunk_sid,
    sms_url: n.sms_url,
    sms_method: n.sms_method,
    sms_fallback_url: n.sms_fallback_url,
    sms_fallback_method: n.sms_fallback_method,
    sms_application_sid: n.sms_application_sid,
    address_requirements: n.address_requirements,
    beta: n.beta,
    url: `${ctx.baseUrl}/v1/Trunks/${n.trunk_sid}/PhoneNumbers/${n.sid}`,
    capabilities: { voice: n.capabilities.voice, sms: n.capabilities.sms, mms: n.capabilities.mms },
    links: { phone_number: `${ctx.baseUrl}/2010-04-01/Accounts/${ctx.accountSid}/IncomingPhoneNumbers/${n.sid}.json` },
  };
}

function pathNumber(ctx: TwilioContext): IncomingNumberRecord {
  const trunk = pathTrunk(ctx, 'TrunkSid');
  return orNotFound(ctx.state.numbers.onTrunk(trunk.sid).get(ctx.params.Sid ?? ''), ctx.path);
}

const LIST = '/v1/Trunks/{TrunkSid}/PhoneNumbers';
const ITEM = `${LIST}/{Sid}`;
export const TRUNK_PHONE_NUMBER_FORM = { PhoneNumberSid: param('phone_number_sid', sid(SID_PATTERNS.phoneNumber)) };

const LIST_PARAMS = { TrunkSid: SID_PATTERNS.trunk };
const ITEM_PARAMS = { TrunkSid: SID_PATTERNS.trunk, Sid: SID_PATTERNS.phoneNumber };

/** Numbers on a trunk: attach (by PhoneNumberSid), list, fetch, detach. No update. */
export const trunkPhoneNumberRoutes: readonly TwilioRoute[] = [
  {
    method: 'GET',
    template: LIST,
    params: LIST_PARAMS,
    handler: (ctx) => {
      const trunk = pathTrunk(ctx, 'TrunkSid');
      return ok(v1Page(ctx, 'phone_numbers', ctx.state.numbers.onTrunk(trunk.sid), (n) => renderTrunkPhoneNumber(n, ctx)));
    },
  },
  {
    method: 'POST',
    template: LIST,
    params: LIST_PARAMS,
    handler: (ctx) => {
      const trunk = pathTrunk(ctx, 'TrunkSid');
      requireParams(ctx.form, Object.keys(TRUNK_PHONE_NUMBER_FORM));
      const { phone_number_sid } = readParams(ctx.form, TRUNK_PHONE_NUMBER_FORM);
      return created(renderTrunkPhoneNumber(ctx.state.attachNumber(trunk.sid, phone_number_sid ?? '', ctx.now), ctx));
    },
  },
  {
    method: 'GET',
    template: ITEM,
    params: ITEM_PARAMS,
    handler: (ctx) => ok(renderTrunkPhoneNumber(pathNumber(ctx), ctx)),
  },
  {
    method: 'DELETE',
    template: ITEM,
    params: ITEM_PARAMS,
    handler: (ctx) => {
      const number = pathNumber(ctx);
      ctx.state.detachNumber(number.trunk_sid ?? '', number.sid, ctx.now);
      return noContent();
    },
  },
];
