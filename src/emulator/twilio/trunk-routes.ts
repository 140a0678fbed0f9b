import {
  FRIENDLY_NAME_MAX,
  SID_PATTERNS,
  TRANSFER_CALLER_IDS,
  TRANSFER_MODES,
  TRUNK_DOMAIN_PATTERN,
} from '../../core/providers/twilio/models';
import { created, noContent, ok } from '../http/reply';
import { bool, httpMethod, nullableText, oneOf, quote, param, readParams, url, type ParamDecoder } from './form-params';
import { pathTrunk, type TwilioContext, type TwilioRoute } from './twilio-context';
import { iso8601 } from './twilio-dates';
import { invalidParameter } from './twilio-errors';
import type { TrunkRecord } from './twilio-records';
import { v1Page } from './v1-page';

const domainName: ParamDecoder<string | null> = (raw, param) => {
  if (raw === '') return null;
  if (!TRUNK_DOMAIN_PATTERN.test(raw)) {
    throw invalidParameter(`${param} ${quote(raw)} is invalid: use letters, digits and '-', ending in .pstn.twilio.com`);
  }
  return raw;
};

export const TRUNK_FORM = {
  FriendlyName: param('friendly_name', nullableText(FRIENDLY_NAME_MAX)),
  DomainName: param('domain_name', domainName),
  DisasterRecoveryUrl: param('disaster_recovery_url', url),
  DisasterRecoveryMethod: param('disaster_recovery_method', httpMethod),
  TransferMode: param('transfer_mode', oneOf(TRANSFER_MODES)),
  Secure: param('secure', bool),
  CnamLookupEnabled: param('cnam_lookup_enabled', bool),
  TransferCallerId: param('transfer_caller_id', oneOf(TRANSFER_CALLER_IDS)),
};

export function renderTrunk(trunk: TrunkRecord, ctx: TwilioContext): Record<string, unknown> {
  const url = `${ctx.baseUrl}/v1/Trunks/${trunk.sid}`;
  const authTypes = ctx.state.authLists.authTypes(trunk.sid);
  return {
    sid: trunk.sid,
    account_sid: ctx.accountSid,
    domain_name: trunk.domain_name,
    disaster_recovery_method: trunk.disaster_recovery_method,
    disaster_recovery_url: trunk.disaster_recovery_url,
    friendly_name: trunk.friendly_name,
    secure: trunk.secure,
    cnam_lookup_enabled: trunk.cnam_lookup_enabled,
    recording: { ...trunk.recording },
    transfer_mode: trunk.transfer_mode,
    transfer_caller_id: trunk.transfer_caller_id,
    auth_type: authTypes.join(','),
    symmetric_rtp_enabled: trunk.symmetric_rtp_enabled ?? false,
    auth_type_set: authTypes,
    date_created: iso8601(trunk.date_created),
    date_updated: iso8601(trunk.date_updated),
    url,
    links: {
      origination_urls: `${url}/OriginationUrls`,
      credential_lists: `${url}/CredentialLists`,
      ip_access_control_lists: `${url}/IpAccessControlLists`,
      phone_numbers: `${url}/PhoneNumbers`,
    },
  };
}

const TRUNK_SID = { Sid: SID_PATTERNS.trunk };

/** Elastic SIP Trunks: /v1/Trunks (trunking.twilio.com). */
export const trunkRoutes: readonly TwilioRoute[] = [
  {
    method: 'GET',
    template: '/v1/Trunks',
    handler: (ctx) => ok(v1Page(ctx, 'trunks', ctx.state.trunks.all, (t) => renderTrunk(t, ctx))),
  },
  {
    method: 'POST',
    template: '/v1/Trunks',
    handler: (ctx) => created(renderTrunk(ctx.state.trunks.create(readParams(ctx.form, TRUNK_FORM), ctx.now), ctx)),
  },
  {
    method: 'GET',
    template: '/v1/Trunks/{Sid}',
    params: TRUNK_SID,
    handler: (ctx) => ok(renderTrunk(pathTrunk(ctx, 'Sid'), ctx)),
  },
  {
    method: 'POST',
    template: '/v1/Trunks/{Sid}',
    params: TRUNK_SID,
    handler: (ctx) => {
      const trunk = pathTrunk(ctx, 'Sid');
      ctx.state.trunks.update(trunk, readParams(ctx.form, TRUNK_FORM), ctx.now);
      return ok(renderTrunk(trunk, ctx));
    },
  },
  {
    method: 'DELETE',
    template: '/v1/Trunks/{Sid}',
    params: TRUNK_SID,
    handler: (ctx) => {
      ctx.state.deleteTrunk(pathTrunk(ctx, 'Sid').sid, ctx.now);
      return noContent();
    },
  },
];
