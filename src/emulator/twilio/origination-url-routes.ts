import { FRIENDLY_NAME_MAX, SID_PATTERNS } from '../../core/providers/twilio/models';
import { created, noContent, ok } from '../http/reply';
import { bool, integer, quote, param, readParams, requireParams, text, type ParamDecoder } from './form-params';
import { orNotFound, pathTrunk, type TwilioContext, type TwilioRoute } from './twilio-context';
import { iso8601 } from './twilio-dates';
import { invalidParameter } from './twilio-errors';
import type { OriginationUrlFields, OriginationUrlRecord } from './twilio-records';
import { v1Page } from './v1-page';

/** `sip:` only: Twilio's docs say sips is not supported (Secure on the trunk encrypts instead). */
const sipUrl: ParamDecoder<string> = (raw, param) => {
  if (/^sips:/i.test(raw))
    throw invalidParameter(`${param} ${quote(raw)} uses sips:, which is not supported; use sip: and set Secure on the trunk`);
  if (!/^sip:[^\s]+$/i.test(raw) || raw.length > 255) throw invalidParameter(`${param} ${quote(raw)} must be a SIP URI starting with sip:`);
  return raw;
};

export const ORIGINATION_URL_FORM = {
  Weight: param('weight', integer(1, 65535)),
  Priority: param('priority', integer(0, 65535)),
  Enabled: param('enabled', bool),
  FriendlyName: param('friendly_name', text(FRIENDLY_NAME_MAX)),
  SipUrl: param('sip_url', sipUrl),
};

export function renderOriginationUrl(o: OriginationUrlRecord, ctx: TwilioContext): Record<string, unknown> {
  return {
    weight: o.weight,
    date_updated: iso8601(o.date_updated),
    enabled: o.enabled,
    friendly_name: o.friendly_name,
    account_sid: ctx.accountSid,
    priority: o.priority,
    sip_url: o.sip_url,
    sid: o.sid,
    date_created: iso8601(o.date_created),
    trunk_sid: o.trunk_sid,
    url: `${ctx.baseUrl}/v1/Trunks/${o.trunk_sid}/OriginationUrls/${o.sid}`,
  };
}

function pathOriginationUrl(ctx: TwilioContext): OriginationUrlRecord {
  const trunk = pathTrunk(ctx, 'TrunkSid');
  return orNotFound(ctx.state.trunks.originationUrlsOf(trunk.sid).get(ctx.params.Sid ?? ''), ctx.path);
}

const LIST = '/v1/Trunks/{TrunkSid}/OriginationUrls';
const ITEM = `${LIST}/{Sid}`;
const LIST_PARAMS = { TrunkSid: SID_PATTERNS.trunk };
const ITEM_PARAMS = { TrunkSid: SID_PATTERNS.trunk, Sid: SID_PATTERNS.originationUrl };

/** A trunk's origination URLs: where Twilio sends inbound calls. */
export const originationUrlRoutes: readonly TwilioRoute[] = [
  {
    method: 'GET',
    template: LIST,
    params: LIST_PARAMS,
    handler: (ctx) => {
      const trunk = pathTrunk(ctx, 'TrunkSid');
      return ok(v1Page(ctx, 'origination_urls', ctx.state.trunks.originationUrlsOf(trunk.sid), (o) => renderOriginationUrl(o, ctx)));
    },
  },
  {
    method: 'POST',
    template: LIST,
    params: LIST_PARAMS,
    handler: (ctx) => {
      const trunk = pathTrunk(ctx, 'TrunkSid');
      requireParams(ctx.form, Object.keys(ORIGINATION_URL_FORM));
      // requireParams guarantees every field is present.
      const fields = readParams(ctx.form, ORIGINATION_URL_FORM) as OriginationUrlFields;
      return created(renderOriginationUrl(ctx.state.trunks.createOriginationUrl(trunk.sid, fields, ctx.now), ctx));
    },
  },
  {
    method: 'GET',
    template: ITEM,
    params: ITEM_PARAMS,
    handler: (ctx) => ok(renderOriginationUrl(pathOriginationUrl(ctx), ctx)),
  },
  {
    method: 'POST',
    template: ITEM,
    params: ITEM_PARAMS,
    handler: (ctx) => {
      const record = pathOriginationUrl(ctx);
      ctx.state.trunks.updateOriginationUrl(record, readParams(ctx.form, ORIGINATION_URL_FORM), ctx.now);
      return ok(renderOriginationUrl(record, ctx));
    },
  },
  {
    method: 'DELETE',
    template: ITEM,
    params: ITEM_PARAMS,
    handler: (ctx) => {
      const record = pathOriginationUrl(ctx);
      ctx.state.trunks.deleteOriginationUrl(record.trunk_sid, record.sid);
      return noContent();
    },
  },
];
