import type { SipCredential } from '../../providers/twilio/models';
import { sipPasswordRequest } from '../apply/secret-request';
import type { TwilioCredentialListSpec } from '../file/trunk-specs';
import { compareText } from '../render/compare-text';
import type { KindPlan } from './plan-error';
import type { PlanOperation } from './plan-operations';
import { sameNameWarnings } from './plan-ip-access-control-list';
import type { RemoteCredentialList, SameNamedResource } from './remote-state';

/**
 * Operations that make the credential list match the spec: create (or rename), then usernames
 * added (each with a password the caller gives: SecretRequest) and removed. A password is never
 * compared or planned otherwise: Twilio never returns one.
 */
export function planCredentialList(spec: TwilioCredentialListSpec, remote: RemoteCredentialList | undefined, sameName: readonly SameNamedResource[], account: string): KindPlan<PlanOperation> {
  const operations: PlanOperation[] = [];
  const warnings = sameNameWarnings('credential list', spec.friendly_name, remote, sameName);
  // (a credential list's name is unique: a new document takes over the list of its name instead)
  if (!remote) {
    operations.push({ type: 'twilio.credentialList.create', fields: { friendly_name: spec.friendly_name }, description: `Create credential list ${JSON.stringify(spec.friendly_name)}`, changes: [{ field: 'friendly_name', from: undefined, to: spec.friendly_name }] });
  } else if (remote.list.friendly_name !== spec.friendly_name) {
    operations.push({ type: 'twilio.credentialList.update', fields: { friendly_name: spec.friendly_name }, description: 'Rename the credential list', changes: [{ field: 'friendly_name', from: remote.list.friendly_name, to: spec.friendly_name }] });
  }
  if (spec.credentials) {
    const existing = new Map<string, SipCredential>((remote?.credentials ?? []).map((c) => [c.username ?? '', c]));
    const wanted = new Set(spec.credentials.map((c) => c.username));
    for (const { username } of spec.credentials) {
      if (existing.has(username)) continue;
      // The env var is named after the list's name in the file: what the user reads next to the username.
      operations.push({ type: 'twilio.credential.create', username, secret: sipPasswordRequest(account, spec.friendly_name, username), description: `Add username ${username} (with a password you give)`, changes: [] });
    }
    const removed = [...existing].filter(([username]) => !wanted.has(username)).sort(([a], [b]) => compareText(a, b));
    for (const [username, credential] of removed) operations.push({ type: 'twilio.credential.delete', sid: credential.sid, username, description: `Remove username ${username}`, changes: [] });
  }
  return { operations, errors: [], warnings };
}
