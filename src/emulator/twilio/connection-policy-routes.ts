import { BYOC_FRIENDLY_NAME_MAX, SID_PATTERNS, TARGET_PRIORITY_RANGE, TARGET_WEIGHT_RANGE } from '../../core/providers/twilio/models';
import { created, noContent, ok } from '../http/reply';
import { bool, integer, nullableText, param, quote, readParams, requireParams, type ParamDecoder } from './form-params';
import { orNotFound, type TwilioContext, type TwilioRoute } from './twilio-context';
import { iso8601 } from './twilio-dates';
import { invalidParameter } from './twilio-errors';
import type { ConnectionPolicyRecord, ConnectionPolicyTargetRecord } from './twilio-records';
import { v1Page } from './v1-page';

/** "This must be a `sip:` schema. `sips` is NOT supported." (voice v1 spec, Target). */
const sipTarget: ParamDecoder<string> = (raw, param) => {
  if (/^sips:/i.test(raw)) throw invalidParameter(`${param} ${quote(raw)} uses sips:, which connection policy targets do not support; use sip:`);
  if (!/^sip:[^\s]+$/i.test(raw) || raw.length > 255) throw invalidParameter(`${param} ${quote(raw)} must be a SIP URI starting with sip:, e.g. sip:pbx.example.com:5060`);
  return raw;
};

export const CONNECTION_POLICY_FORM = {
  FriendlyName: param('friendly_name', nullableText(BYOC_FRIENDLY_NAME_MAX)),
};

export const CONNECTION_POLICY_TARGET_FORM = {
  FriendlyName: param('friendly_name', nullableText(BYOC_FRIENDLY_NAME_MAX)),
  Target: param('target', sipTarget),
  Priority: param('priority', integer(...TARGET_PRIORITY_RANGE)),
  Weight: param('weight', integer(...TARGET_WEIGHT_RANGE)),
  Enabled: param('enabled', bool),
};

export function renderConnectionPolicy(p: ConnectionPolicyRecord, ctx: TwilioContext): Record<string, unknown> {
  const url = `${ctx.baseUrl}/v1/ConnectionPolicies/${p.sid}`;
  return {
    account_sid: ctx.accountSid,
    sid: p.sid,
    friendly_name: p.friendly_name,
    date_created: iso8601(p.date_created),
    date_updated: iso8601(p.date_updated),
    url,
    links: { targets: `${url}/Targets` },
  };
}

export function renderConnectionPolicyTarget(t: ConnectionPolicyTargetRecord, ctx: TwilioContext): Record<string, unknown> {
  return {
    account_sid: ctx.accountSid,
    connection_policy_sid: t.connection_policy_sid,
    sid: t.sid,
    friendly_name: t.friendly_name,
    target: t.target,
    priority: t.priority,
    weight: t.weight,
    enabled: t.enabled,
    date_created: iso8601(t.date_created),
    date_updated: iso8601(t.date_updated),
    url: `${ctx.baseUrl}/v1/ConnectionPolicies/${t.connection_policy_sid}/Targets/${t.sid}`,
  };
}

const policies = (ctx: TwilioContext) => ctx.state.connectionPolicies;
const pathPolicy = (ctx: TwilioContext, param: 'Sid' | 'ConnectionPolicySid') => orNotFound(policies(ctx).get(ctx.params[param] ?? ''), ctx.path);
function pathTarget(ctx: TwilioContext): ConnectionPolicyTargetRecord {
  const policy = pathPolicy(ctx, 'ConnectionPolicySid');
  return orNotFound(policies(ctx).targetsOf(policy.sid).get(ctx.params.Sid ?? ''), ctx.path);
}

const POLICY_LIST = '/v1/ConnectionPolicies';
const POLICY_ITEM = `${POLICY_LIST}/{Sid}`;
const TARGET_LIST = `${POLICY_LIST}/{ConnectionPolicySid}/Targets`;
const TARGET_ITEM = `${TARGET_LIST}/{Sid}`;
const POLICY_SID = { Sid: SID_PATTERNS.connectionPolicy };
const TARGET_LIST_PARAMS = { ConnectionPolicySid: SID_PATTERNS.connectionPolicy };
const TARGET_ITEM_PARAMS = { ConnectionPolicySid: SID_PATTERNS.connectionPolicy, Sid: SID_PATTERNS.connectionPolicyTarget };

/** BYOC connection policies and their targets: /v1/ConnectionPolicies (voice.twilio.com). */
export const connectionPolicyRoutes: readonly TwilioRoute[] = [
  {
    method: 'GET',
    template: POLICY_LIST,
    handler: (ctx) => ok(v1Page(ctx, 'connection_policies', policies(ctx).all, (p) => renderConnectionPolicy(p, ctx))),
  },
  {
    method: 'POST',
    template: POLICY_LIST,
    handler: (ctx) => created(renderConnectionPolicy(policies(ctx).create(readParams(ctx.form, CONNECTION_POLICY_FORM).friendly_name, ctx.now), ctx)),
  },
  {
    method: 'GET',
    template: POLICY_ITEM,
    params: POLICY_SID,
    handler: (ctx) => ok(renderConnectionPolicy(pathPolicy(ctx, 'Sid'), ctx)),
  },
  {
    method: 'POST',
    template: POLICY_ITEM,
    params: POLICY_SID,
    handler: (ctx) => {
      const policy = pathPolicy(ctx, 'Sid');
      policies(ctx).update(policy, readParams(ctx.form, CONNECTION_POLICY_FORM), ctx.now);
      return ok(renderConnectionPolicy(policy, ctx));
    },
  },
  {
    method: 'DELETE',
    template: POLICY_ITEM,
    params: POLICY_SID,
    handler: (ctx) => {
      ctx.state.deleteConnectionPolicy(pathPolicy(ctx, 'Sid').sid);
      return noContent();
    },
  },
  {
    method: 'GET',
    template: TARGET_LIST,
    params: TARGET_LIST_PARAMS,
    handler: (ctx) => {
      const policy = pathPolicy(ctx, 'ConnectionPolicySid');
      return ok(v1Page(ctx, 'targets', policies(ctx).targetsOf(policy.sid), (t) => renderConnectionPolicyTarget(t, ctx)));
    },
  },
  {
    method: 'POST',
    template: TARGET_LIST,
    params: TARGET_LIST_PARAMS,
    handler: (ctx) => {
      const policy = pathPolicy(ctx, 'ConnectionPolicySid');
      requireParams(ctx.form, ['Target']);
      const fields = readParams(ctx.form, CONNECTION_POLICY_TARGET_FORM);
      // requireParams guarantees Target is present.
      return created(renderConnectionPolicyTarget(policies(ctx).createTarget(policy.sid, { ...fields, target: fields.target as string }, ctx.now), ctx));
    },
  },
  {
    method: 'GET',
    template: TARGET_ITEM,
    params: TARGET_ITEM_PARAMS,
    handler: (ctx) => ok(renderConnectionPolicyTarget(pathTarget(ctx), ctx)),
  },
  {
    method: 'POST',
    template: TARGET_ITEM,
    params: TARGET_ITEM_PARAMS,
    handler: (ctx) => {
      const target = pathTarget(ctx);
      policies(ctx).updateTarget(target, readParams(ctx.form, CONNECTION_POLICY_TARGET_FORM), ctx.now);
      return ok(renderConnectionPolicyTarget(target, ctx));
    },
  },
  {
    method: 'DELETE',
    template: TARGET_ITEM,
    params: TARGET_ITEM_PARAMS,
    handler: (ctx) => {
      const target = pathTarget(ctx);
      policies(ctx).deleteTarget(target.connection_policy_sid, target.sid);
      return noContent();
    },
  },
];
