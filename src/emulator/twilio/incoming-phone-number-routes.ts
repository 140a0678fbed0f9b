import { FRIENDLY_NAME_MAX, SID_PATTERNS } from '../../core/providers/twilio/models';
import { created, noContent, ok } from '../http/reply';
import { bool, httpMethod, nullableSid, nullableText, oneOf, quote, param, readParams, sid, url, type ParamDecoder } from './form-params';
import { orNotFound, type TwilioContext, type TwilioRoute } from './twilio-context';
import { rfc2822 } from './twilio-dates';
import { invalidParameter, twilioError, TWILIO_CODES } from './twilio-errors';
import type { IncomingNumberFields, IncomingNumberRecord } from './twilio-records';
import { v2010Page } from './v2010-page';

/** An application SID, or an empty value to clear it (Twilio renders an unset application as ""). */
const applicationSid: ParamDecoder<string> = (raw, param) => (raw === '' ? '' : sid(/^AP[0-9a-fA-F]{32}$/)(raw, param));

export const INCOMING_NUMBER_FORM = {
  ApiVersion: param('api_version', oneOf(['2010-04-01', '2008-08-01'])),
  FriendlyName: param('friendly_name', nullableText(FRIENDLY_NAME_MAX)),
  SmsApplicationSid: param('sms_application_sid', applicationSid),
  SmsFallbackMethod: param('sms_fallback_method', httpMethod),
  SmsFallbackUrl: param('sms_fallback_url', url),
  SmsMethod: param('sms_method', httpMethod),
  SmsUrl: param('sms_url', url),
  StatusCallback: param('status_callback', url),
  StatusCallbackMethod: param('status_callback_method', httpMethod),
  VoiceApplicationSid: param('voice_application_sid', applicationSid),
  VoiceCallerIdLookup: param('voice_caller_id_lookup', bool),
  VoiceFallbackMethod: param('voice_fallback_method', httpMethod),
  VoiceFallbackUrl: param('voice_fallback_url', url),
  VoiceMethod: param('voice_method', httpMethod),
  VoiceUrl: param('voice_url', url),
  EmergencyStatus: param('emergency_status', oneOf(['Active', 'Inactive'] as const)),
  EmergencyAddressSid: param('emergency_address_sid', nullableSid(/^AD[0-9a-fA-F]{32}$/)),
  TrunkSid: param('trunk_sid', nullableSid(SID_PATTERNS.trunk)),
  IdentitySid: param('identity_sid', nullableSid(/^RI[0-9a-fA-F]{32}$/)),
  AddressSid: param('address_sid', nullableSid(/^AD[0-9a-fA-F]{32}$/)),
  VoiceReceiveMode: param('voice_receive_mode', oneOf(['voice', 'fax'] as const)),
  BundleSid: param('bundle_sid', nullableSid(/^BU[0-9a-fA-F]{32}$/)),
};

const FILTERS = ['Beta', 'FriendlyName', 'PhoneNumber', 'Origin'];

export function renderIncomingNumber(n: IncomingNumberRecord, ctx: TwilioContext): Record<string, unknown> {
  const uri = `/2010-04-01/Accounts/${ctx.accountSid}/IncomingPhoneNumbers/${n.sid}`;
  return {
    account_sid: ctx.accountSid,
    address_requirements: n.address_requirements,
    address_sid: n.address_sid,
    api_version: n.api_version,
    beta: n.beta,
    capabilities: { ...n.capabilities },
    date_created: rfc2822(n.date_created),
    date_updated: rfc2822(n.date_updated),
    emergency_status: n.emergency_status,
    emergency_address_sid: n.emergency_address_sid,
    emergency_address_status: n.emergency_address_status,
    friendly_name: n.friendly_name,
    identity_sid: n.identity_sid,
    origin: n.origin,
    phone_number: n.phone_number,
    sid: n.sid,
    sms_application_sid: n.sms_application_sid,
    sms_fallback_method: n.sms_fallback_method,
    sms_fallback_url: n.sms_fallback_url,
    sms_method: n.sms_method,
    sms_url: n.sms_url,
    status_callback: n.status_callback,
    status_callback_method: n.status_callback_method,
    trunk_sid: n.trunk_sid,
    uri: `${uri}.json`,
    voice_application_sid: n.voice_application_sid,
    voice_caller_id_lookup: n.voice_caller_id_lookup,
    voice_fallback_method: n.voice_fallback_method,
    voice_fallback_url: n.voice_fallback_url,
    voice_method: n.voice_method,
    voice_url: n.voice_url,
    voice_receive_mode: n.voice_receive_mode,
    status: n.status,
    bundle_sid: n.bundle_sid,
    type: numberType(n.phone_number),
    subresource_uris: { assigned_add_ons: `${uri}/AssignedAddOns.json` },
  };
}

/** North American toll-free codes (800, 833 … 888); everything else the emulator sells is geographic. */
const TOLL_FREE = /^\+18(00|33|44|55|66|77|88)/;

/**
 * `type` is read-only (no form parameter sets it): what kind of number Twilio sold. The spec's
 * only example is `local`; `toll-free` for 8xx numbers is the emulator's assumption (README).
 */
function numberType(phoneNumber: string): string {
  return TOLL_FREE.test(phoneNumber) ? 'toll-free' : 'local';
}

/** The list filters: PhoneNumber (partial, `*` = any digit), FriendlyName (exact), Beta, Origin. */
function numberFilter(query: URLSearchParams): (n: IncomingNumberRecord) => boolean {
  const includeBeta = query.has('Beta') ? bool(query.get('Beta') ?? '', 'Beta') : true;
  const friendlyName = query.get('FriendlyName');
  const origin = query.get('Origin');
  const pattern = phoneNumberPattern(query.get('PhoneNumber'));
  return (n) =>
    (includeBeta || !n.beta) &&
    (friendlyName === null || n.friendly_name === friendlyName) &&
    (origin === null || n.origin === origin) &&
    (pattern === undefined || pattern.test(n.phone_number));
}

function phoneNumberPattern(raw: string | null): RegExp | undefined {
  // A raw '+' in a query string decodes to a space; read a leading space as the '+' it was.
  const cleaned = (raw ?? '').replace(/^ /, '+').replace(/[^\d*+]/g, '');
  if (!cleaned) return undefined;
  return new RegExp(cleaned.replace(/\+/g, '\\+').replace(/\*/g, '\\d'));
}

/** Exactly one of PhoneNumber (E.164, must be free) or AreaCode (a free number is picked in it). */
function numberToBuy(ctx: TwilioContext): string {
  const phoneNumber = ctx.form.get('PhoneNumber')?.replace(/^ /, '+').trim();
  const areaCode = ctx.form.get('AreaCode')?.trim();
  if (!phoneNumber === !areaCode) throw invalidParameter('Exactly one of PhoneNumber or AreaCode is required');
  if (phoneNumber) {
    if (!/^\+[1-9]\d{7,14}$/.test(phoneNumber))
      throw invalidParameter(`PhoneNumber ${quote(phoneNumber)} must be in E.164 format, e.g. +14155550100`);
    if (ctx.state.numbers.isTaken(phoneNumber)) {
      throw twilioError(400, TWILIO_CODES.phoneNumberUnavailable, `PhoneNumber ${phoneNumber} is not available`);
    }
    return phoneNumber;
  }
  if (!/^[2-9]\d{2}$/.test(areaCode ?? ''))
    throw invalidParameter(`AreaCode ${quote(areaCode ?? '')} must be a three-digit North American area code`);
  for (let line = 2000000; line <= 9999999; line++) {
    const candidate = `+1${areaCode}${line}`;
    if (!ctx.state.numbers.isTaken(candidate)) return candidate;
  }
  throw twilioError(400, TWILIO_CODES.phoneNumberUnavailable, `No phone numbers are available in area code ${areaCode}`);
}

function numberFields(ctx: TwilioContext): IncomingNumberFields {
  const fields = readParams(ctx.form, INCOMING_NUMBER_FORM);
  if (fields.trunk_sid && fields.voice_application_sid)
    throw invalidParameter('TrunkSid and VoiceApplicationSid cannot both be set: a number is routed by one or the other');
  const accountSid = ctx.form.get('AccountSid');
  if (accountSid !== null && accountSid !== ctx.accountSid)
    throw invalidParameter('Moving a number to another account is not supported by the emulator');
  return fields;
}

const pathNumber = (ctx: TwilioContext) => orNotFound(ctx.state.numbers.get(ctx.params.Sid ?? ''), ctx.path);
const LIST = '/2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers.json';
const ITEM = '/2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers/{Sid}.json';
const LIST_PARAMS = { AccountSid: SID_PATTERNS.account };
const ITEM_PARAMS = { AccountSid: SID_PATTERNS.account, Sid: SID_PATTERNS.phoneNumber };

/** The account's numbers (api.twilio.com 2010 API). */
export const incomingPhoneNumberRoutes: readonly TwilioRoute[] = [
  {
    method: 'GET',
    template: LIST,
    params: LIST_PARAMS,
    handler: (ctx) => {
      const filters = [...ctx.query].filter(([name]) => FILTERS.includes(name));
      const source = ctx.state.numbers.all.filtered(numberFilter(ctx.query));
      return ok(
        v2010Page({ path: ctx.path, query: ctx.query, filters }, 'incoming_phone_numbers', source, (n) => renderIncomingNumber(n, ctx)),
      );
    },
  },
  {
    method: 'POST',
    template: LIST,
    params: LIST_PARAMS,
    handler: (ctx) => {
      const phoneNumber = numberToBuy(ctx);
      return created(renderIncomingNumber(ctx.state.createIncomingNumber(phoneNumber, numberFields(ctx), ctx.now), ctx));
    },
  },
  {
    method: 'GET',
    template: ITEM,
    params: ITEM_PARAMS,
    handler: (ctx) => ok(renderIncomingNumber(pathNumber(ctx), ctx)),
  },
  {
    method: 'POST',
    template: ITEM,
    params: ITEM_PARAMS,
    handler: (ctx) => {
      const number = pathNumber(ctx);
      ctx.state.updateIncomingNumber(number, numberFields(ctx), ctx.now);
      return ok(renderIncomingNumber(number, ctx));
    },
  },
  {
    method: 'DELETE',
    template: ITEM,
    params: ITEM_PARAMS,
    handler: (ctx) => {
      ctx.state.numbers.delete(pathNumber(ctx).sid);
      return noContent();
    },
  },
];
