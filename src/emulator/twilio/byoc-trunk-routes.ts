import { BYOC_FRIENDLY_NAME_MAX, SID_PATTERNS } from '../../core/providers/twilio/models';
import { created, noContent, ok } from '../http/reply';
import { bool, httpMethod, nullableSid, nullableText, param, readParams, url } from './form-params';
import { orNotFound, type TwilioContext, type TwilioRoute } from './twilio-context';
import { iso8601 } from './twilio-dates';
import type { ByocTrunkRecord } from './twilio-records';
import { v1Page } from './v1-page';

export const BYOC_TRUNK_FORM = {
  FriendlyName: param('friendly_name', nullableText(BYOC_FRIENDLY_NAME_MAX)),
  VoiceUrl: param('voice_url', url),
  VoiceMethod: param('voice_method', httpMethod),
  VoiceFallbackUrl: param('voice_fallback_url', url),
  VoiceFallbackMethod: param('voice_fallback_method', httpMethod),
  StatusCallbackUrl: param('status_callback_url', url),
  StatusCallbackMethod: param('status_callback_method', httpMethod),
  CnamLookupEnabled: param('cnam_lookup_enabled', bool),
  ConnectionPolicySid: param('connection_policy_sid', nullableSid(SID_PATTERNS.connectionPolicy)),
  FromDomainSid: param('from_domain_sid', nullableSid(SID_PATTERNS.sipDomain)),
};

export function renderByocTrunk(t: ByocTrunkRecord, ctx: TwilioContext): Record<string, unknown> {
  return {
    account_sid: ctx.accountSid,
    sid: t.sid,
    friendly_name: t.friendly_name,
    voice_url: t.voice_url,
    voice_method: t.voice_method,
    voice_fallback_method: t.voice_fallback_method,
    voice_fallback_url: t.voice_fallback_url,
    status_callback_method: t.status_callback_method,
    status_callback_url: t.status_callback_url,
    cnam_lookup_enabled: t.cnam_lookup_enabled,
    connection_policy_sid: t.connection_policy_sid,
    from_domain_sid: t.from_domain_sid,
    date_created: iso8601(t.date_created),
    date_updated: iso8601(t.date_updated),
    url: `${ctx.baseUrl}/v1/ByocTrunks/${t.sid}`,
  };
}

const pathByocTrunk = (ctx: TwilioContext) => orNotFound(ctx.state.byocTrunks.get(ctx.params.Sid ?? ''), ctx.path);
const BYOC_SID = { Sid: SID_PATTERNS.byocTrunk };

/** BYOC trunks: /v1/ByocTrunks (voice.twilio.com). */
export const byocTrunkRoutes: readonly TwilioRoute[] = [
  {
    method: 'GET',
    template: '/v1/ByocTrunks',
    handler: (ctx) => ok(v1Page(ctx, 'byoc_trunks', ctx.state.byocTrunks.all, (t) => renderByocTrunk(t, ctx))),
  },
  {
    method: 'POST',
    template: '/v1/ByocTrunks',
    handler: (ctx) => created(renderByocTrunk(ctx.state.createByocTrunk(readParams(ctx.form, BYOC_TRUNK_FORM), ctx.now), ctx)),
  },
  {
    method: 'GET',
    template: '/v1/ByocTrunks/{Sid}',
    params: BYOC_SID,
    handler: (ctx) => ok(renderByocTrunk(pathByocTrunk(ctx), ctx)),
  },
  {
    method: 'POST',
    template: '/v1/ByocTrunks/{Sid}',
    params: BYOC_SID,
    handler: (ctx) => {
      const trunk = pathByocTrunk(ctx);
      ctx.state.updateByocTrunk(trunk, readParams(ctx.form, BYOC_TRUNK_FORM), ctx.now);
      return ok(renderByocTrunk(trunk, ctx));
    },
  },
  {
    method: 'DELETE',
    template: '/v1/ByocTrunks/{Sid}',
    params: BYOC_SID,
    handler: (ctx) => {
      ctx.state.byocTrunks.delete(pathByocTrunk(ctx).sid);
      return noContent();
    },
  },
];
