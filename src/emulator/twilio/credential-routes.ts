import { SID_PATTERNS } from '../../core/providers/twilio/models';
import { created, noContent, ok } from '../http/reply';
import { param, readParams, requireParams, type ParamDecoder } from './form-params';
import { accountListUri } from './account-auth-list-routes';
import { orNotFound, type TwilioContext, type TwilioRoute } from './twilio-context';
import { rfc2822 } from './twilio-dates';
import { twilioError, TWILIO_CODES } from './twilio-errors';
import type { AuthListRecord, CredentialRecord } from './twilio-records';
import { v2010Page } from './v2010-page';

const invalidCredential = (message: string) => twilioError(400, TWILIO_CODES.credentialInvalid, message);

/** Up to 32 characters (spec); characters are unsourced, so whitespace is refused (strict). */
const username: ParamDecoder<string> = (raw, param) => {
  if (raw.length > 32) throw invalidCredential(`${param} must be at most 32 characters long`);
  if (/\s/.test(raw)) throw invalidCredential(`${param} must not contain spaces`);
  return raw;
};

/**
 * Twilio's rule: at least 12 characters, a digit, a lower-case and an upper-case letter. The
 * message states the rule and never the value: a password must not travel back in an error.
 */
const password: ParamDecoder<string> = (raw, param) => {
  const missing = [
    raw.length < 12 ? 'at least 12 characters' : undefined,
    /\d/.test(raw) ? undefined : 'a digit',
    /\p{Ll}/u.test(raw) ? undefined : 'a lower-case letter',
    /\p{Lu}/u.test(raw) ? undefined : 'an upper-case letter',
  ].filter((m) => m !== undefined);
  if (missing.length > 0) {
    throw invalidCredential(
      `${param} must be at least 12 characters long and contain a digit, a lower-case and an upper-case letter (it lacks ${missing.join(', ')})`,
    );
  }
  return raw;
};

export const CREDENTIAL_CREATE_FORM = {
  Username: param('username', username),
  Password: param('password', password),
};

/** Only the password can change; a request without one changes nothing. */
export const CREDENTIAL_UPDATE_FORM = {
  Password: param('password', password),
};

function render(c: CredentialRecord, ctx: TwilioContext): Record<string, unknown> {
  return {
    account_sid: ctx.accountSid,
    credential_list_sid: c.credential_list_sid,
    date_created: rfc2822(c.date_created),
    date_updated: rfc2822(c.date_updated),
    sid: c.sid,
    uri: `${accountListUri(ctx, 'CredentialLists', c.credential_list_sid)}/Credentials/${c.sid}.json`,
    username: c.username,
  };
}

const pathList = (ctx: TwilioContext): AuthListRecord =>
  orNotFound(ctx.state.authLists.lists('credential_lists').get(ctx.params.CredentialListSid ?? ''), ctx.path);
const pathCredential = (ctx: TwilioContext): CredentialRecord =>
  orNotFound(ctx.state.authLists.credentialsOf(pathList(ctx).sid).get(ctx.params.Sid ?? ''), ctx.path);

const LIST = '/2010-04-01/Accounts/{AccountSid}/SIP/CredentialLists/{CredentialListSid}/Credentials.json';
const ITEM = '/2010-04-01/Accounts/{AccountSid}/SIP/CredentialLists/{CredentialListSid}/Credentials/{Sid}.json';
const LIST_PARAMS = { AccountSid: SID_PATTERNS.account, CredentialListSid: SID_PATTERNS.credentialList };
const ITEM_PARAMS = { ...LIST_PARAMS, Sid: SID_PATTERNS.credential };

/** A credential list's usernames and passwords (2010 API). Passwords go in, never out. */
export const credentialRoutes: readonly TwilioRoute[] = [
  {
    method: 'GET',
    template: LIST,
    params: LIST_PARAMS,
    handler: (ctx) =>
      ok(v2010Page({ path: ctx.path, query: ctx.query, filters: [] }, 'credentials', ctx.state.authLists.credentialsOf(pathList(ctx).sid), (c) => render(c, ctx))),
  },
  {
    method: 'POST',
    template: LIST,
    params: LIST_PARAMS,
    handler: (ctx) => {
      const list = pathList(ctx);
      requireParams(ctx.form, ['Username', 'Password'], TWILIO_CODES.credentialInvalid);
      const fields = readParams(ctx.form, CREDENTIAL_CREATE_FORM);
      return created(render(ctx.state.authLists.createCredential(list.sid, fields.username ?? '', fields.password ?? '', ctx.now), ctx));
    },
  },
  {
    method: 'GET',
    template: ITEM,
    params: ITEM_PARAMS,
    handler: (ctx) => ok(render(pathCredential(ctx), ctx)),
  },
  {
    method: 'POST',
    template: ITEM,
    params: ITEM_PARAMS,
    handler: (ctx) => {
      const credential = pathCredential(ctx);
      // An empty Password is a bad password, not "no change".
      const { password: next } = readParams(ctx.form, CREDENTIAL_UPDATE_FORM);
      if (next !== undefined) ctx.state.authLists.setPassword(credential, next, ctx.now);
      return ok(render(credential, ctx));
    },
  },
  {
    method: 'DELETE',
    template: ITEM,
    params: ITEM_PARAMS,
    handler: (ctx) => {
      const credential = pathCredential(ctx);
      ctx.state.authLists.deleteCredential(credential.credential_list_sid, credential.sid);
      return noContent();
    },
  },
];
