import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SANDBOX_SEED } from '../../../src/emulator/seeding/emulator-seeder';
import { accountAuthListRoutes } from '../../../src/emulator/twilio/account-auth-list-routes';
import { byocTrunkRoutes } from '../../../src/emulator/twilio/byoc-trunk-routes';
import { connectionPolicyRoutes } from '../../../src/emulator/twilio/connection-policy-routes';
import { credentialRoutes } from '../../../src/emulator/twilio/credential-routes';
import { incomingPhoneNumberRoutes } from '../../../src/emulator/twilio/incoming-phone-number-routes';
import { ipAddressRoutes } from '../../../src/emulator/twilio/ip-address-routes';
import { originationUrlRoutes } from '../../../src/emulator/twilio/origination-url-routes';
import { trunkAuthListRoutes } from '../../../src/emulator/twilio/trunk-auth-list-routes';
import { trunkPhoneNumberRoutes } from '../../../src/emulator/twilio/trunk-phone-number-routes';
import { trunkRecordingRoutes } from '../../../src/emulator/twilio/trunk-recording-routes';
import { trunkRoutes } from '../../../src/emulator/twilio/trunk-routes';
import { accountPath, twilio, type TestResponse } from '../../support/emulator-http';
import { responseProblems, sharedApiDir } from '../../support/openapi-specs';
import { startTestEmulator, type TestEmulator } from '../../support/test-emulator';

// Every route the Twilio side of the emulator serves, with the spec of ../shared/api that defines it.
const SERVED = [
  ...trunkRoutes,
  ...trunkRecordingRoutes,
  ...originationUrlRoutes,
  ...trunkPhoneNumberRoutes,
  ...trunkAuthListRoutes,
  ...byocTrunkRoutes,
  ...connectionPolicyRoutes,
  ...incomingPhoneNumberRoutes,
  ...accountAuthListRoutes,
  ...credentialRoutes,
  ...ipAddressRoutes,
].map((r) => `${r.method} ${r.template}`);

function specOf(template: string): string {
  if (template.startsWith('/v1/Trunks')) return 'twilio_trunking_v1.json';
  if (template.startsWith('/v1/')) return 'twilio_voice_v1.json';
  if (template.includes('/SIP/')) return 'twilio_api_v2010_sip_auth_lists.json';
  return 'twilio_api_v2010_incoming_numbers.json';
}

const SIP = '/2010-04-01/Accounts/{AccountSid}/SIP';
const NUMBERS = '/2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers';
const PASSWORD = 'Conformance2026Pw';

/**
 * The only departures from the schemas allowed, each one the spec's own examples show: an unset
 * 2010 application SID is "" (the pattern forbids it), a 2010 number carries `subresource_uris`
 * (undeclared), a trunk's number has no `fax` capability. Everything else is checked strictly:
 * every declared field present, no other.
 */
function asTwilioDocuments(template: string, body: unknown): unknown {
  const isNumber = template.startsWith(NUMBERS) || template.startsWith('/v1/Trunks/{TrunkSid}/PhoneNumbers');
  if (!isNumber) return body;
  const fix = (n: Record<string, unknown>) => {
    const { subresource_uris: _subresources, ...rest } = n;
    for (const key of ['sms_application_sid', 'voice_application_sid']) if (rest[key] === '') rest[key] = null;
    const capabilities = rest.capabilities as Record<string, unknown> | undefined;
    if (template.startsWith('/v1/') && capabilities && !('fax' in capabilities)) rest.capabilities = { ...capabilities, fax: false };
    return rest;
  };
  const page = body as Record<string, unknown>;
  for (const key of ['incoming_phone_numbers', 'phone_numbers']) {
    if (Array.isArray(page[key])) return { ...page, [key]: (page[key] as Record<string, unknown>[]).map(fix) };
  }
  return fix(page);
}

/** What the schemas cannot say about a page: v1 `meta.key` names the list; 2010 `end` = start + count − 1. */
function assertPageConventions(where: string, body: Record<string, unknown>): void {
  const meta = body.meta as { key?: string; page_size?: number } | undefined;
  if (meta) assert.ok(Array.isArray(body[meta.key ?? '']), `${where}: meta.key ${meta.key} names the list`);
  if (typeof body.start === 'number' && typeof body.end === 'number') {
    const items = Object.values(body).find(Array.isArray) as unknown[];
    assert.equal(body.end, items.length === 0 ? body.start : (body.start as number) + items.length - 1, `${where}: end`);
    assert.ok(items.length <= (body.page_size as number), `${where}: at most page_size items`);
  }
}

describe('emulator: every Twilio response validates against the OpenAPI specs in ../shared/api', () => {
  let emu: TestEmulator;
  const covered = new Set<string>();
  const errorsSeen = new Set<string>();
  before(async () => {
    emu = await startTestEmulator({ seeding: SANDBOX_SEED, seed: 'sandbox' });
  });
  after(() => emu.close());

  /** A request; a success must validate against its operation, an error must be Twilio's legacy body. */
  async function call(method: 'GET' | 'POST' | 'DELETE', path: string, template: string, form?: Record<string, string | number>): Promise<TestResponse> {
    const res = await twilio(emu, method, path, form);
    const where = `${method} ${template}`;
    if (res.status < 300) {
      if (res.status === 204) assert.equal(res.body, undefined, `${where}: 204 has no body`);
      else {
        const problems = responseProblems(specOf(template), method.toLowerCase() as 'get', template, res.status, asTwilioDocuments(template, res.body));
        assert.deepEqual(problems, [], `${where} ${res.status}`);
        assertPageConventions(where, res.body);
      }
      covered.add(where);
    } else {
      assert.deepEqual(Object.keys(res.body).sort(), ['code', 'message', 'more_info', 'status'], `${where} ${res.status}: ${JSON.stringify(res.body)}`);
      assert.equal(res.body.status, res.status);
      assert.equal(typeof res.body.code, 'number');
      assert.equal(res.body.more_info, `https://www.twilio.com/docs/errors/${res.body.code}`);
      assert.ok(typeof res.body.message === 'string' && res.body.message.length > 0);
      assert.ok(!res.body.message.includes(PASSWORD), 'an error never repeats a password');
      errorsSeen.add(`${where} ${res.status}`);
    }
    return res;
  }

  const acct = (rest: string) => accountPath(emu, rest);

  it('serves only paths and methods the specs define', () => {
    const undefinedRoutes = SERVED.filter((route) => {
      const [method, template] = route.split(' ') as [string, string];
      const spec = JSON.parse(fs.readFileSync(path.join(sharedApiDir(), specOf(template)), 'utf8')) as { paths: Record<string, Record<string, unknown>> };
      return spec.paths[template]?.[method.toLowerCase()] === undefined;
    });
    assert.deepEqual(undefinedRoutes, []);
  });

  it('trunks (symmetric_rtp_enabled, auth_type), their links to lists, numbers, origination URLs and recording', async () => {
    const trunk = (await call('POST', '/v1/Trunks', '/v1/Trunks', { FriendlyName: 'Conformance', DomainName: 'conformance.pstn.twilio.com' })).body;
    await call('GET', '/v1/Trunks?PageSize=3', '/v1/Trunks');
    await call('GET', `/v1/Trunks/${trunk.sid}`, '/v1/Trunks/{Sid}');
    await call('POST', `/v1/Trunks/${trunk.sid}`, '/v1/Trunks/{Sid}', { FriendlyName: 'Conformance 2' });
    await call('GET', `/v1/Trunks/${trunk.sid}/Recording`, '/v1/Trunks/{TrunkSid}/Recording');
    await call('POST', `/v1/Trunks/${trunk.sid}/Recording`, '/v1/Trunks/{TrunkSid}/Recording', { Mode: 'record-from-answer' });

    const url = (await call('POST', `/v1/Trunks/${trunk.sid}/OriginationUrls`, '/v1/Trunks/{TrunkSid}/OriginationUrls', {
      FriendlyName: 'pbx', SipUrl: 'sip:pbx.example.com', Priority: 10, Weight: 10, Enabled: 'true',
    })).body;
    await call('GET', `/v1/Trunks/${trunk.sid}/OriginationUrls`, '/v1/Trunks/{TrunkSid}/OriginationUrls');
    await call('GET', `/v1/Trunks/${trunk.sid}/OriginationUrls/${url.sid}`, '/v1/Trunks/{TrunkSid}/OriginationUrls/{Sid}');
    await call('POST', `/v1/Trunks/${trunk.sid}/OriginationUrls/${url.sid}`, '/v1/Trunks/{TrunkSid}/OriginationUrls/{Sid}', { Weight: 20 });
    await call('DELETE', `/v1/Trunks/${trunk.sid}/OriginationUrls/${url.sid}`, '/v1/Trunks/{TrunkSid}/OriginationUrls/{Sid}');

    const number = (await call('POST', acct('/IncomingPhoneNumbers.json'), `${NUMBERS}.json`, { PhoneNumber: '+14155550142' })).body;
    await call('POST', `/v1/Trunks/${trunk.sid}/PhoneNumbers`, '/v1/Trunks/{TrunkSid}/PhoneNumbers', { PhoneNumberSid: number.sid });
    await call('GET', `/v1/Trunks/${trunk.sid}/PhoneNumbers`, '/v1/Trunks/{TrunkSid}/PhoneNumbers');
    await call('GET', `/v1/Trunks/${trunk.sid}/PhoneNumbers/${number.sid}`, '/v1/Trunks/{TrunkSid}/PhoneNumbers/{Sid}');
    await call('DELETE', `/v1/Trunks/${trunk.sid}/PhoneNumbers/${number.sid}`, '/v1/Trunks/{TrunkSid}/PhoneNumbers/{Sid}');

    const acl = (await call('POST', acct('/SIP/IpAccessControlLists.json'), `${SIP}/IpAccessControlLists.json`, { FriendlyName: 'Conformance ACL' })).body;
    const cl = (await call('POST', acct('/SIP/CredentialLists.json'), `${SIP}/CredentialLists.json`, { FriendlyName: 'Conformance CL' })).body;
    for (const [kind, param, sid] of [['IpAccessControlLists', 'IpAccessControlListSid', acl.sid], ['CredentialLists', 'CredentialListSid', cl.sid]] as const) {
      const list = `/v1/Trunks/{TrunkSid}/${kind}`;
      await call('POST', `/v1/Trunks/${trunk.sid}/${kind}`, list, { [param]: sid });
      await call('POST', `/v1/Trunks/${trunk.sid}/${kind}`, list, { [param]: sid }); // twice: 21245
      await call('GET', `/v1/Trunks/${trunk.sid}/${kind}`, list);
      await call('GET', `/v1/Trunks/${trunk.sid}/${kind}/${sid}`, `${list}/{Sid}`);
    }
    const linked = (await call('GET', `/v1/Trunks/${trunk.sid}`, '/v1/Trunks/{Sid}')).body;
    assert.equal(linked.auth_type, 'IP_ACL,CREDENTIAL_LIST');
    assert.equal(typeof linked.symmetric_rtp_enabled, 'boolean');
    await call('DELETE', acct(`/SIP/IpAccessControlLists/${acl.sid}.json`), `${SIP}/IpAccessControlLists/{Sid}.json`); // linked: 21236
    await call('DELETE', acct(`/SIP/CredentialLists/${cl.sid}.json`), `${SIP}/CredentialLists/{Sid}.json`); // linked: 21241
    await call('DELETE', `/v1/Trunks/${trunk.sid}/IpAccessControlLists/${acl.sid}`, '/v1/Trunks/{TrunkSid}/IpAccessControlLists/{Sid}');
    await call('DELETE', `/v1/Trunks/${trunk.sid}/CredentialLists/${cl.sid}`, '/v1/Trunks/{TrunkSid}/CredentialLists/{Sid}');
    await call('GET', `/v1/Trunks/${trunk.sid}/CredentialLists/${cl.sid}`, '/v1/Trunks/{TrunkSid}/CredentialLists/{Sid}'); // unlinked: 404
    await call('DELETE', `/v1/Trunks/${trunk.sid}`, '/v1/Trunks/{Sid}');
    await call('GET', `/v1/Trunks/${trunk.sid}`, '/v1/Trunks/{Sid}'); // gone: 404
  });

  it('account SIP credential lists with credentials and IP access control lists with addresses, errors included', async () => {
    const cl = (await call('POST', acct('/SIP/CredentialLists.json'), `${SIP}/CredentialLists.json`, { FriendlyName: 'Conformance PBX users' })).body;
    await call('POST', acct('/SIP/CredentialLists.json'), `${SIP}/CredentialLists.json`, { FriendlyName: 'conformance pbx USERS' }); // 21240
    await call('GET', acct('/SIP/CredentialLists.json?PageSize=2'), `${SIP}/CredentialLists.json`);
    await call('GET', acct(`/SIP/CredentialLists/${cl.sid}.json`), `${SIP}/CredentialLists/{Sid}.json`);
    await call('POST', acct(`/SIP/CredentialLists/${cl.sid}.json`), `${SIP}/CredentialLists/{Sid}.json`, { FriendlyName: 'Conformance PBX users 2' });
    const creds = `${SIP}/CredentialLists/{CredentialListSid}/Credentials.json`;
    const cred = (await call('POST', acct(`/SIP/CredentialLists/${cl.sid}/Credentials.json`), creds, { Username: 'alice', Password: PASSWORD })).body;
    await call('POST', acct(`/SIP/CredentialLists/${cl.sid}/Credentials.json`), creds, { Username: 'bob', Password: 'short1A' }); // 21243
    await call('POST', acct(`/SIP/CredentialLists/${cl.sid}/Credentials.json`), creds, { Username: 'x'.repeat(33), Password: PASSWORD }); // 21243
    await call('GET', acct(`/SIP/CredentialLists/${cl.sid}/Credentials.json`), creds);
    const cred1 = `${SIP}/CredentialLists/{CredentialListSid}/Credentials/{Sid}.json`;
    await call('GET', acct(`/SIP/CredentialLists/${cl.sid}/Credentials/${cred.sid}.json`), cred1);
    await call('POST', acct(`/SIP/CredentialLists/${cl.sid}/Credentials/${cred.sid}.json`), cred1, { Password: `${PASSWORD}2` });
    await call('POST', acct(`/SIP/CredentialLists/${cl.sid}/Credentials/${cred.sid}.json`), cred1, { Password: 'alllowercase123' }); // 21243
    await call('DELETE', acct(`/SIP/CredentialLists/${cl.sid}/Credentials/${cred.sid}.json`), cred1);
    await call('DELETE', acct(`/SIP/CredentialLists/${cl.sid}.json`), `${SIP}/CredentialLists/{Sid}.json`);

    const acl = (await call('POST', acct('/SIP/IpAccessControlLists.json'), `${SIP}/IpAccessControlLists.json`, { FriendlyName: 'Conformance SBCs' })).body;
    await call('POST', acct('/SIP/IpAccessControlLists.json'), `${SIP}/IpAccessControlLists.json`, { FriendlyName: 'x'.repeat(256) }); // 21235
    await call('GET', acct('/SIP/IpAccessControlLists.json?PageSize=2'), `${SIP}/IpAccessControlLists.json`);
    await call('GET', acct(`/SIP/IpAccessControlLists/${acl.sid}.json`), `${SIP}/IpAccessControlLists/{Sid}.json`);
    await call('POST', acct(`/SIP/IpAccessControlLists/${acl.sid}.json`), `${SIP}/IpAccessControlLists/{Sid}.json`, { FriendlyName: 'Conformance SBCs 2' });
    const ips = `${SIP}/IpAccessControlLists/{IpAccessControlListSid}/IpAddresses.json`;
    const ip = (await call('POST', acct(`/SIP/IpAccessControlLists/${acl.sid}/IpAddresses.json`), ips, { FriendlyName: 'sbc', IpAddress: '203.0.113.0', CidrPrefixLength: 24 })).body;
    await call('POST', acct(`/SIP/IpAccessControlLists/${acl.sid}/IpAddresses.json`), ips, { FriendlyName: 'v6', IpAddress: '2001:db8::1' }); // 21238
    await call('GET', acct(`/SIP/IpAccessControlLists/${acl.sid}/IpAddresses.json`), ips);
    const ip1 = `${SIP}/IpAccessControlLists/{IpAccessControlListSid}/IpAddresses/{Sid}.json`;
    await call('GET', acct(`/SIP/IpAccessControlLists/${acl.sid}/IpAddresses/${ip.sid}.json`), ip1);
    await call('POST', acct(`/SIP/IpAccessControlLists/${acl.sid}/IpAddresses/${ip.sid}.json`), ip1, { CidrPrefixLength: 28 });
    await call('DELETE', acct(`/SIP/IpAccessControlLists/${acl.sid}/IpAddresses/${ip.sid}.json`), ip1);
    await call('DELETE', acct(`/SIP/IpAccessControlLists/${acl.sid}.json`), `${SIP}/IpAccessControlLists/{Sid}.json`);
    await call('GET', acct(`/SIP/IpAccessControlLists/${acl.sid}.json`), `${SIP}/IpAccessControlLists/{Sid}.json`); // gone: 404
  });

  it('connection policies with targets and the BYOC trunks that use them, errors included', async () => {
    const policy = (await call('POST', '/v1/ConnectionPolicies', '/v1/ConnectionPolicies', { FriendlyName: 'Conformance carrier' })).body;
    await call('GET', '/v1/ConnectionPolicies?PageSize=2', '/v1/ConnectionPolicies');
    await call('GET', `/v1/ConnectionPolicies/${policy.sid}`, '/v1/ConnectionPolicies/{Sid}');
    await call('POST', `/v1/ConnectionPolicies/${policy.sid}`, '/v1/ConnectionPolicies/{Sid}', { FriendlyName: 'Conformance carrier 2' });
    const targets = '/v1/ConnectionPolicies/{ConnectionPolicySid}/Targets';
    const target = (await call('POST', `/v1/ConnectionPolicies/${policy.sid}/Targets`, targets, { Target: 'sip:carrier.example.com' })).body;
    assert.deepEqual([target.priority, target.weight, target.enabled], [10, 10, true], "the spec text's defaults");
    await call('POST', `/v1/ConnectionPolicies/${policy.sid}/Targets`, targets, { Target: 'sips:carrier.example.com' }); // sip: only
    await call('POST', `/v1/ConnectionPolicies/${policy.sid}/Targets`, targets, { Target: 'sip:carrier.example.com', Weight: 0 }); // 1..65535
    await call('POST', `/v1/ConnectionPolicies/${policy.sid}/Targets`, targets, { Target: 'sip:carrier.example.com', Priority: 65536 }); // 0..65535
    await call('GET', `/v1/ConnectionPolicies/${policy.sid}/Targets?PageSize=1`, targets);
    await call('GET', `/v1/ConnectionPolicies/${policy.sid}/Targets/${target.sid}`, `${targets}/{Sid}`);
    await call('POST', `/v1/ConnectionPolicies/${policy.sid}/Targets/${target.sid}`, `${targets}/{Sid}`, { Enabled: 'false', Priority: 0, Weight: 65535 });

    const byoc = (await call('POST', '/v1/ByocTrunks', '/v1/ByocTrunks', { FriendlyName: 'Conformance BYOC', ConnectionPolicySid: policy.sid })).body;
    await call('POST', '/v1/ByocTrunks', '/v1/ByocTrunks', { FriendlyName: 'bad', ConnectionPolicySid: `NY${'0'.repeat(32)}` }); // unknown policy
    await call('GET', '/v1/ByocTrunks?PageSize=2', '/v1/ByocTrunks');
    await call('GET', `/v1/ByocTrunks/${byoc.sid}`, '/v1/ByocTrunks/{Sid}');
    await call('DELETE', `/v1/ConnectionPolicies/${policy.sid}`, '/v1/ConnectionPolicies/{Sid}'); // in use
    await call('POST', `/v1/ByocTrunks/${byoc.sid}`, '/v1/ByocTrunks/{Sid}', { ConnectionPolicySid: '' });
    await call('DELETE', `/v1/ByocTrunks/${byoc.sid}`, '/v1/ByocTrunks/{Sid}');
    await call('DELETE', `/v1/ConnectionPolicies/${policy.sid}/Targets/${target.sid}`, `${targets}/{Sid}`);
    await call('DELETE', `/v1/ConnectionPolicies/${policy.sid}`, '/v1/ConnectionPolicies/{Sid}');
    await call('GET', `/v1/ConnectionPolicies/${policy.sid}`, '/v1/ConnectionPolicies/{Sid}'); // gone: 404
  });

  it('incoming numbers with type, the whole account page by page', async () => {
    const number = (await call('POST', acct('/IncomingPhoneNumbers.json'), `${NUMBERS}.json`, { PhoneNumber: '+18885550142' })).body;
    assert.equal(number.type, 'toll-free');
    await call('POST', acct('/IncomingPhoneNumbers.json'), `${NUMBERS}.json`, { PhoneNumber: '+18885550142' }); // owned: 21422
    const page = (await call('GET', acct('/IncomingPhoneNumbers.json?PageSize=50'), `${NUMBERS}.json`)).body;
    assert.ok(page.incoming_phone_numbers.length > 20, 'the seeded numbers, all validated');
    await call('GET', acct(`/IncomingPhoneNumbers/${number.sid}.json`), `${NUMBERS}/{Sid}.json`);
    await call('POST', acct(`/IncomingPhoneNumbers/${number.sid}.json`), `${NUMBERS}/{Sid}.json`, { FriendlyName: 'main line' });
    await call('DELETE', acct(`/IncomingPhoneNumbers/${number.sid}.json`), `${NUMBERS}/{Sid}.json`);
  });

  it('the Sandbox seed: every seeded list, entry, link, policy, target and BYOC trunk validates', async () => {
    const state = emu.store.snapshot().twilio;
    for (const cl of state.credential_lists) await call('GET', acct(`/SIP/CredentialLists/${cl.sid}/Credentials.json`), `${SIP}/CredentialLists/{CredentialListSid}/Credentials.json`);
    for (const acl of state.ip_access_control_lists) await call('GET', acct(`/SIP/IpAccessControlLists/${acl.sid}/IpAddresses.json`), `${SIP}/IpAccessControlLists/{IpAccessControlListSid}/IpAddresses.json`);
    for (const link of state.trunk_ip_access_control_lists) await call('GET', `/v1/Trunks/${link.trunk_sid}/IpAccessControlLists`, '/v1/Trunks/{TrunkSid}/IpAccessControlLists');
    for (const link of state.trunk_credential_lists) await call('GET', `/v1/Trunks/${link.trunk_sid}/CredentialLists`, '/v1/Trunks/{TrunkSid}/CredentialLists');
    const policies = (await call('GET', '/v1/ConnectionPolicies?PageSize=1000', '/v1/ConnectionPolicies')).body.connection_policies as { sid: string }[];
    assert.ok(policies.length > 0);
    for (const p of policies) await call('GET', `/v1/ConnectionPolicies/${p.sid}/Targets`, '/v1/ConnectionPolicies/{ConnectionPolicySid}/Targets');
    await call('GET', '/v1/ByocTrunks?PageSize=1000', '/v1/ByocTrunks');
    await call('GET', '/v1/Trunks?PageSize=1000', '/v1/Trunks');
    await call('GET', acct('/SIP/CredentialLists.json'), `${SIP}/CredentialLists.json`);
    await call('GET', acct('/SIP/IpAccessControlLists.json'), `${SIP}/IpAccessControlLists.json`);
  });

  it('covered every route it serves with a validated success, and answered each provoked error in the legacy body', () => {
    assert.deepEqual(SERVED.filter((r) => !covered.has(r)), [], 'routes without a validated success');
    for (const expected of [
      'POST /v1/Trunks/{TrunkSid}/IpAccessControlLists 400',
      'POST /v1/Trunks/{TrunkSid}/CredentialLists 400',
      `DELETE ${SIP}/IpAccessControlLists/{Sid}.json 400`,
      `DELETE ${SIP}/CredentialLists/{Sid}.json 400`,
      `POST ${SIP}/CredentialLists/{CredentialListSid}/Credentials.json 400`,
      `POST ${SIP}/IpAccessControlLists/{IpAccessControlListSid}/IpAddresses.json 400`,
      'POST /v1/ConnectionPolicies/{ConnectionPolicySid}/Targets 400',
      'DELETE /v1/ConnectionPolicies/{Sid} 400',
      'GET /v1/ConnectionPolicies/{Sid} 404',
      'POST /v1/ByocTrunks 400',
      `POST ${NUMBERS}.json 400`,
    ]) assert.ok(errorsSeen.has(expected), expected);
  });
});
