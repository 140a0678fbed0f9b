import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { accountNameProblem } from '../../src/core/accounts/account';
import { parseTrunkFile } from '../../src/core/documents/file/parse-trunk-file';
import { planDocuments } from '../../src/core/documents/plan/plan-documents';
import type { SyncClients } from '../../src/core/documents/apply/sync-clients';
import { toTrunkYaml } from '../../src/core/documents/render/to-trunk-yaml';
import { TRUNK_KINDS, type TrunkKind } from '../../src/core/documents/file/trunk-kinds';
import { DispatcherPool } from '../../src/core/http/dispatcher-pool';
import { createCarrierXClient } from '../../src/core/providers/carrierx/carrierx-client';
import { createTwilioClient } from '../../src/core/providers/twilio/twilio-client';
import { EXPLORER_COMMANDS } from '../../src/ui/commands/all-commands';
import { json, startScriptedServer } from '../support/scripted-server';
import { recordFigures } from './reliability-run';

// A trunk file comes with the workspace, and a workspace can come from anyone: its contents may
// say what to create, never where requests go or with which credentials. (Restricted Mode in a
// real VS Code: test/integration-untrusted/.)

const figures = { documents: 0, leaks: 0 };
/** Keys that would choose a host, a URL or a credential if anything read them. */
const STEERING_KEYS = ['baseUrl', 'base_url', 'host', 'url', 'endpoint', 'proxy', 'token', 'auth_token', 'authToken', 'api_key', 'apiKeySecret', 'password', 'credentials', 'account_sid', 'carrierx_token'];
const SPECS: Record<TrunkKind, Record<string, unknown>> = {
  TwilioTrunk: { friendly_name: 'Acme', domain_name: 'acme.pstn.twilio.com', origination_urls: [{ friendly_name: 'a', sip_url: 'sip:a.example.com', priority: 10, weight: 10, enabled: true }] },
  TwilioByocTrunk: { friendly_name: 'Carrier' },
  CarrierXTrunkGroup: { name: 'EU', trunks: [{ name: 'a' }] },
  TwilioIpAccessControlList: { friendly_name: 'Office', ip_addresses: [{ friendly_name: 'pbx', ip_address: '203.0.113.10' }] },
  TwilioCredentialList: { friendly_name: 'Users', credentials: [{ username: 'desk-1' }] },
  TwilioConnectionPolicy: { friendly_name: 'Carrier routes', targets: [{ target: 'sip:a.example.com' }] },
  CarrierXEndpoint: { name: 'PBX', addresses: [{ ip: '192.0.2.10' }] },
};

let server: Awaited<ReturnType<typeof startScriptedServer>>;
let dispatchers: DispatcherPool;
let clients: SyncClients;
let lookups = 0;

before(async () => {
  server = await startScriptedServer((_req, res) => json(res, 500, {}));
  dispatchers = new DispatcherPool();
  const twilio = createTwilioClient({ accountSid: `AC${'1'.repeat(32)}`, credentials: { kind: 'authToken', authToken: 'trust-test-token' }, baseUrl: server.url, dispatchers });
  const carrierx = createCarrierXClient({ token: 'trust-test-token', baseUrl: server.url, dispatchers });
  clients = { twilio: async () => (lookups++, twilio), carrierx: async () => (lookups++, carrierx) };
});
after(async () => {
  figures.leaks = server.requests.length + lookups;
  recordFigures('trust', figures);
  await dispatchers.close();
  await server.close();
});

function withKey(kind: TrunkKind, where: 'top' | 'spec' | 'item', key: string): string {
  const value = key.toLowerCase().includes('url') || key === 'host' || key === 'endpoint' || key === 'proxy' ? 'https://attacker.example.com' : 'stolen-0123456789';
  const spec = structuredClone(SPECS[kind]);
  if (where === 'spec') spec[key] = value;
  if (where === 'item') {
    // The kind's first list of objects (origination URLs, trunks, addresses, credentials, targets).
    const list = Object.values(spec).find((v): v is Record<string, unknown>[] => Array.isArray(v) && typeof v[0] === 'object');
    list![0]![key] = value;
  }
  return toTrunkYaml({ apiVersion: 'trunkline/v1', kind, account: 'acme-prod', ...(where === 'top' ? { [key]: value } : {}), spec });
}

describe('a trunk file cannot choose where requests go or which credentials they carry', () => {
  for (const kind of TRUNK_KINDS) {
    // BYOC trunks have no lists in spec.
    for (const where of kind === 'TwilioByocTrunk' ? (['top', 'spec'] as const) : (['top', 'spec', 'item'] as const)) {
      test(`${kind}: ${STEERING_KEYS.length} such keys ${where === 'top' ? 'at the top level' : where === 'spec' ? 'in spec' : 'in a list item of spec'} are errors at the key, and nothing is sent`, async () => {
        const control = parseTrunkFile(toTrunkYaml({ apiVersion: 'trunkline/v1', kind, account: 'acme-prod', spec: SPECS[kind] })).documents[0];
        assert.ok(control?.valid, 'without the key the document is valid');
        // Not the kind's own fields: a credential list's `credentials` (usernames), a CarrierX trunk's
        // `endpoint` (one of the account's endpoints, by name), which steer nothing.
        const ownFields = new Set([...Object.keys(SPECS[kind]), ...(kind === 'CarrierXTrunkGroup' && where === 'item' ? ['endpoint'] : [])]);
        for (const key of STEERING_KEYS.filter((k) => !ownFields.has(k))) {
          figures.documents += 1;
          const text = withKey(kind, where, key);
          const [document] = parseTrunkFile(text).documents;
          assert.ok(document && !document.valid, `${key} was accepted`);
          // The key in block (`  key:`, `- key:`) or flow (`{ a: 1, key: …`) style.
          const found = new RegExp(`(^\\s*(?:- )?|[{,] *)${key}:`, 'm').exec(text)!;
          const keyAt = found.index + found[1]!.length;
          const diagnostic = document.diagnostics.find((d) => d.range.start.offset === keyAt);
          assert.ok(diagnostic, `no diagnostic at ${key}: ${document.diagnostics.map((d) => `${d.code}@${d.range.start.offset} ${d.message}`).join(' | ')}`);
          // Response-only API fields (url, account_sid) and secrets (token, password) get their own message; an error either way.
          assert.ok(diagnostic.severity === 'error' && ['unknown-key', 'read-only-key', 'password-in-file'].includes(diagnostic.code), `${key}: ${diagnostic.code}`);
          const [planned] = await planDocuments([{ uri: 'file:///ws/evil.trunk.yaml', document }], clients);
          assert.equal(planned!.outcome.status === 'refused' && planned!.outcome.refusal.reason, 'invalid');
        }
        assert.equal(server.requests.length + lookups, 0, 'no client was even looked up');
      });
    }
  }

  test('an account is only ever a name: a URL there can match no account', () => {
    const text = toTrunkYaml({ apiVersion: 'trunkline/v1', kind: 'TwilioByocTrunk', account: 'https://attacker.example.com', spec: { friendly_name: 'x' } });
    const [document] = parseTrunkFile(text, { knownAccounts: ['acme-prod'] }).documents;
    assert.equal(document?.diagnostics[0]?.code, 'unknown-account');
    assert.ok(accountNameProblem('https://attacker.example.com', []), 'no account can have such a name');
  });

  test('sids and account values are checked before they can shape a URL', async () => {
    const cases = [
      toTrunkYaml({ apiVersion: 'trunkline/v1', kind: 'TwilioTrunk', account: 'acme-prod', sid: 'TK../../2010-04-01/Accounts/AC00/IncomingPhoneNumbers', spec: { friendly_name: 'x' } }),
      toTrunkYaml({ apiVersion: 'trunkline/v1', kind: 'CarrierXTrunkGroup', account: 'acme-prod', sid: '../trunk_groups?x=', spec: { name: 'x' } }),
      toTrunkYaml({ apiVersion: 'trunkline/v1', kind: 'TwilioByocTrunk', account: { name: 'acme-prod', token: 'x' }, spec: { friendly_name: 'x' } }),
    ];
    for (const text of cases) {
      figures.documents += 1;
      const [document] = parseTrunkFile(text, { knownAccounts: ['acme-prod'] }).documents;
      assert.ok(document && !document.valid, text);
      const [planned] = await planDocuments([{ uri: 'file:///ws/evil.trunk.yaml', document }], clients);
      assert.equal(planned!.outcome.status, 'refused');
    }
    assert.equal(server.requests.length + lookups, 0);
  });
});

describe('Restricted Mode declarations', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
    contributes: { menus: Record<string, { command: string; when?: string }[]> };
    capabilities: { untrustedWorkspaces: { supported: unknown } };
  };
  const CHANGING = ['trunkline.push', 'trunkline.pull', 'trunkline.pullAllFields', 'trunkline.pushAll', 'trunkline.export', 'trunkline.delete'];

  test('the extension supports untrusted workspaces only in part', () => {
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
  });

  test('every menu entry of Push, Pull, Pull All Fields, Push All, Export and Delete needs a trusted workspace', () => {
    const entries = Object.values(manifest.contributes.menus).flat().filter((m) => CHANGING.includes(m.command));
    assert.ok(entries.length >= CHANGING.length);
    for (const entry of entries) assert.match(entry.when ?? '', /\bisWorkspaceTrusted\b/, `${entry.command} in a menu without isWorkspaceTrusted`);
  });

  test('Delete declares requiresTrust (the document commands are checked in a real VS Code)', () => {
    assert.equal(EXPLORER_COMMANDS.find((c) => c.id === 'trunkline.delete')?.requiresTrust, true);
  });
});
