import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { formatPlanPreview } from '../../src/core/documents/plan/format-plan';
import { fetchRemoteStates } from '../../src/core/documents/plan/fetch-remote-states';
import { renderDocument, renderTrunkFile } from '../../src/core/documents/render/render-document';
import { applyAll, planAll, pushAll } from '../../src/core/documents/apply/push-all';
import { MemorySyncStateStore } from '../../src/core/documents/sync/sync-state';
import { fixedSyncClients } from '../../src/core/documents/apply/sync-clients';
import { DispatcherPool } from '../../src/core/http/dispatcher-pool';
import { RedactingLogger, SecretRedactor } from '../../src/core/http/redacting-logger';
import { createCarrierXClient } from '../../src/core/providers/carrierx/carrierx-client';
import { collect } from '../../src/core/providers/page';
import { createTwilioClient, type TwilioCredentials } from '../../src/core/providers/twilio/twilio-client';
import { addCarrierXAccount } from '../../src/ui/commands/add-carrierx-account';
import { addCredential } from '../../src/ui/commands/add-credential';
import { createCredentialList } from '../../src/ui/commands/create-credential-list';
import { setCredentialPassword } from '../../src/ui/commands/set-credential-password';
import { addTwilioAccount } from '../../src/ui/commands/add-twilio-account';
import { importTwilioCliProfiles } from '../../src/ui/commands/import-twilio-cli-profiles';
import { updateAccountCredentials } from '../../src/ui/commands/update-account-credentials';
import { passwordMatches } from '../../src/emulator/twilio/password-hash';
import { commandHarness } from '../support/command-harness';
import { runNodeScript, startEmulatorProcess } from '../support/node-process';
import { SteppingClock } from '../support/stepping-clock';
import { documentText, validDocument } from '../support/sync-harness';
import { MemoryLogger } from '../support/test-clients';
import { startTestEmulator, type TestEmulator } from '../support/test-emulator';
import { recordFigures } from './reliability-run';
import { CANARY, OutputCollector } from './secret-canaries';

// Canary credentials go through every flow that runs without the editor; nothing Trunkline
// writes may contain them, in any form. Secrets live in SecretStorage (here its in-memory
// double) or, for the CLI, in the environment: nowhere else.

const figures = { leaks: 0, outputs: 0 };
let emulator: TestEmulator;

before(async () => {
  emulator = await startTestEmulator({
    credentials: { accountSid: CANARY.accountSid, apiKeySid: CANARY.apiKeySid, authToken: CANARY.authToken, apiKeySecret: CANARY.apiKeySecret, carrierXToken: CANARY.carrierXToken },
  });
});
after(async () => {
  recordFigures('secrets', figures);
  await emulator.close();
});

function assertNoLeaks(out: OutputCollector): void {
  const leaks = out.leaks();
  figures.leaks += leaks.length;
  figures.outputs += out.outputs.length;
  assert.deepEqual(leaks, [], `canaries found in ${leaks.length} place(s)`);
}

/** Real clients with a logger that keeps every level, as with `trunkline.log.level: trace`. */
function clients(options: { twilio?: TwilioCredentials; carrierXToken?: string } = {}) {
  const log = new MemoryLogger();
  const redactor = new SecretRedactor();
  const dispatchers = new DispatcherPool({ connectTimeoutMs: 2_000, responseTimeoutMs: 1_000 });
  const common = { baseUrl: emulator.baseUrl, dispatchers, logger: new RedactingLogger(log, redactor), redactor, clock: new SteppingClock(), random: () => 0.5 };
  const twilio = createTwilioClient({ ...common, accountSid: CANARY.accountSid, credentials: options.twilio ?? { kind: 'authToken', authToken: CANARY.authToken } });
  const carrierx = createCarrierXClient({ ...common, token: options.carrierXToken ?? CANARY.carrierXToken });
  return { twilio, carrierx, log, sync: fixedSyncClients({ twilio, carrierx }), close: () => dispatchers.close() };
}

describe('secrets', () => {
  test('the scan finds a canary in every form it looks for (so that finding none means something)', () => {
    const out = new OutputCollector();
    const basic = Buffer.from(`${CANARY.accountSid}:${CANARY.authToken}`).toString('base64');
    out.add('header', `authorization: Basic ${basic}`);
    out.add('raw', `token=${CANARY.carrierXToken}`);
    out.add('cut', CANARY.wrongApiKeySecret.slice(2));
    assert.deepEqual(out.leaks(), ['header: auth token (Basic auth)', 'raw: CarrierX token', 'raw: CarrierX token (part)', 'cut: wrong API key secret (part)']);
  });

  test('account commands, with wrong and right credentials, keep secrets in SecretStorage only', async () => {
    const out = new OutputCollector();
    const h = commandHarness(emulator);
    const run = async (where: string, flow: () => Promise<unknown>) => {
      try {
        out.addJson(`${where} result`, await flow());
      } catch (error) {
        out.addError(`${where} error`, error);
      }
    };
    const base = { baseUrl: emulator.baseUrl };
    h.answers([{ pick: 'Auth Token' }, { input: 'acme-prod' }, { input: CANARY.accountSid }, { input: CANARY.wrongAuthToken }]);
    await run('add Twilio account, wrong token', () => addTwilioAccount.run(h.context(), base));
    h.answers([{ pick: 'Auth Token' }, { input: 'acme-prod' }, { input: CANARY.accountSid }, { input: CANARY.authToken }]);
    await run('add Twilio account', () => addTwilioAccount.run(h.context(), base));
    // twilio-cli's own file holds the secret; importing it moves the secret into SecretStorage.
    h.setTwilioCliConfig(JSON.stringify({ profiles: { ci: { accountSid: CANARY.accountSid, apiKey: CANARY.apiKeySid, apiSecret: CANARY.apiKeySecret } } }));
    h.answers([{ pickMany: ['ci'] }]);
    await run('import twilio-cli profiles', () => importTwilioCliProfiles.run(h.context(), base));
    h.answers([{ pick: 'API key' }, { input: 'acme-key' }, { input: CANARY.accountSid }, { input: CANARY.apiKeySid }, { input: CANARY.wrongApiKeySecret }]);
    await run('add API key account, wrong secret', () => addTwilioAccount.run(h.context(), base));
    h.answers([{ pick: 'API key' }, { input: 'acme-key' }, { input: CANARY.accountSid }, { input: CANARY.apiKeySid }, { input: CANARY.apiKeySecret }]);
    await run('add API key account', () => addTwilioAccount.run(h.context(), base));
    h.answers([{ input: 'cx' }, { input: CANARY.wrongCarrierXToken }]);
    await run('add CarrierX account, wrong token', () => addCarrierXAccount.run(h.context(), base));
    h.answers([{ input: 'cx' }, { input: CANARY.carrierXToken }]);
    await run('add CarrierX account', () => addCarrierXAccount.run(h.context(), base));
    h.answers([{ pick: 'acme-prod' }, { input: CANARY.wrongAuthToken }]);
    await run('update credentials, wrong token', () => updateAccountCredentials.run(h.context()));
    h.answers([{ pick: 'cx' }, { input: CANARY.carrierXToken }]);
    await run('update credentials', () => updateAccountCredentials.run(h.context()));
    // Browsing every account sends authenticated requests through the shared logger.
    for (const node of await h.explorer.childrenOf(undefined)) {
      for (const folder of await h.explorer.childrenOf(node)) await run(`browse ${folder.treeItem().label}`, () => h.explorer.childrenOf(folder).then((c) => c.map((n) => n.treeItem())));
    }

    const names = h.accounts.list().map((a) => a.name).sort();
    assert.deepEqual(names, ['acme-key', 'acme-prod', 'ci', 'cx']);
    const stored = [...h.secrets.values.values()].join('\n');
    for (const secret of [CANARY.authToken, CANARY.apiKeySecret, CANARY.carrierXToken]) assert.ok(stored.includes(secret), 'the secret is in SecretStorage');
    assert.ok(!stored.includes(CANARY.wrongAuthToken) && !stored.includes(CANARY.wrongCarrierXToken), 'rejected secrets are not kept');
    out.add('log', h.sink.lines.join('\n'));
    out.addJson('notifications', h.workbench.messages);
    out.addJson('progress titles', h.workbench.progressTitles);
    out.addJson('global state (accounts)', [...h.state.values]);
    out.addJson('account list', h.accounts.list());
    await h.close();
    assertNoLeaks(out);
  });

  test('a SIP credential password, through Add Credential (a lost answer, then the look-up) and Set Credential Password (a 503, retried), is nowhere but in the request', async () => {
    const out = new OutputCollector();
    const h = commandHarness(emulator);
    await h.accounts.add({ name: 'sandbox', provider: 'sandbox' }, {});
    const run = async (where: string, flow: () => Promise<unknown>) => {
      try {
        out.addJson(`${where} result`, await flow());
      } catch (error) {
        out.addError(`${where} error`, error);
      }
    };
    const credentials = `/2010-04-01/Accounts/${CANARY.accountSid}/SIP/CredentialLists/`;
    h.answers([{ input: 'Canary phones' }]);
    await run('create credential list', () => createCredentialList.run(h.context()));
    const list = (await h.explorer.childrenOf((await h.explorer.childrenOf(undefined))[0])).find((n) => n.treeItem().label === 'Credential Lists')!;
    const node = (await h.explorer.childrenOf(list)).find((n) => n.treeItem().label === 'Canary phones')!;
    emulator.faults.set([{ kind: 'reset-after-commit', method: 'POST', path: `${credentials}*`, times: 1 }]);
    const added = h.answers([{ input: 'canary-1' }, { pick: /Type a password/ }, { input: CANARY.sipPassword }]);
    await run('add credential, answer lost', () => addCredential.run(h.context(), node));
    emulator.faults.set([{ kind: 'server-error', method: 'POST', path: `${credentials}*`, status: 503, times: 1 }]);
    const changed = h.answers([{ pick: 'Canary phones' }, { pick: 'canary-1' }, { pick: /Type a password/ }, { input: CANARY.sipPasswordChanged }]);
    await run('set credential password, 503', () => setCredentialPassword.run(h.context()));
    emulator.faults.set([]);
    const twilio = await h.connections.twilio(h.accounts.list()[0]!);
    const [listRecord] = await twilio.credentialLists.findByFriendlyName('Canary phones');
    // A username already there: the refusal names the username, never the password sent with it.
    await run('Twilio refuses a username twice', () => twilio.credentials.create(listRecord!.sid, { username: 'canary-1', password: CANARY.sipPassword }));
    const shown = [];
    for (const n of await h.explorer.childrenOf(node)) shown.push(n.treeItem());
    assert.equal(shown.length, 1, 'one credential, not two');

    out.add('log', h.sink.lines.join('\n'));
    out.addJson('prompts', [added.asked, changed.asked]);
    out.addJson('notifications', h.workbench.messages);
    out.addJson('progress titles', h.workbench.progressTitles);
    out.addJson('tree items', shown);
    out.addJson('resource changes', h.resourcesChanged);
    out.addJson('global state', [...h.state.values]);
    out.addJson('secret storage', [...h.secrets.values]);
    out.addJson('emulator state', emulator.store.snapshot());
    await h.close();
    assertNoLeaks(out);
  });

  test('401s, retries after 429 Retry-After, 5xx and resets, and every transport log line carry no secret', async () => {
    const out = new OutputCollector();
    for (const [where, c] of [
      ['wrong auth token', clients({ twilio: { kind: 'authToken', authToken: CANARY.wrongAuthToken }, carrierXToken: CANARY.wrongCarrierXToken })],
      ['wrong API key secret', clients({ twilio: { kind: 'apiKey', apiKeySid: CANARY.apiKeySid, apiKeySecret: CANARY.wrongApiKeySecret } })],
    ] as const) {
      await c.twilio.trunks.page({ pageSize: 5 }).then(
        () => assert.fail('accepted wrong credentials'),
        (e: unknown) => out.addError(`${where}: Twilio 401`, e),
      );
      await c.carrierx.trunkGroups.page({ pageSize: 5 }).then(
        (page) => out.addJson(`${where}: CarrierX page`, page),
        (e: unknown) => out.addError(`${where}: CarrierX 401`, e),
      );
      out.add(`${where}: log`, c.log.lines.join('\n'));
      await c.close();
    }

    const c = clients();
    // One of each, spread over the first requests (the shipped policy makes five attempts).
    emulator.faults.set([
      { kind: 'throttle', retryAfterSeconds: 2, times: 1 },
      { kind: 'server-error', method: 'GET', times: 1 },
      { kind: 'reset-before-commit', method: 'GET', times: 1 },
      { kind: 'hold-response', method: 'GET', holdMs: 1_500, times: 1 },
    ]);
    try {
      out.addJson('trunks after retries', await collect(c.twilio.trunks.list({ pageSize: 2 })));
      out.addJson('groups after retries', await collect(c.carrierx.trunkGroups.list({ pageSize: 1 })));
      // A create answered by a reset: not retried blindly; its error says so.
      emulator.faults.set([{ kind: 'reset-after-commit', method: 'POST', times: 1 }]);
      await c.twilio.byocTrunks.create({ friendly_name: 'x' }).then(
        (t) => out.addJson('created', t),
        (e: unknown) => out.addError('create with a lost answer', e),
      );
    } finally {
      emulator.faults.set([]);
    }
    assert.ok(c.log.lines.some((l) => /retrying in 2000 ms/.test(l)), 'Retry-After was honoured (and logged)');
    out.add('transport log', c.log.lines.join('\n'));
    await c.close();
    assertNoLeaks(out);
  });

  test('plans, apply and Push All results, previews and exported files carry no secret', async () => {
    const out = new OutputCollector();
    const c = clients();
    const docs = [
      documentText('TwilioTrunk', { friendly_name: 'Leak check', domain_name: 'leak-check.pstn.twilio.com', phone_numbers: ['+14155550999'] }),
      documentText('TwilioTrunk', { friendly_name: 'Leak check 2', domain_name: 'leak-check-2.pstn.twilio.com' }),
      documentText('TwilioByocTrunk', { friendly_name: 'Leak carrier' }),
      documentText('CarrierXTrunkGroup', { name: 'Leak group', trunks: [{ name: 'a' }] }),
    ].map((text, i) => ({ uri: `file:///leak/${i}.trunk.yaml`, document: validDocument(text) }));
    const syncState = new MemorySyncStateStore();
    const plan = await planAll(docs, c.sync, { syncState });
    out.add('plan preview', formatPlanPreview(plan.documents.map((d) => d.outcome)));
    out.addJson('plan', plan.documents.map((d) => d.outcome));
    emulator.faults.set([{ kind: 'reset-after-commit', method: 'POST', path: '/v1/ByocTrunks', times: 1 }]);
    const summary = await applyAll(plan, c.sync, { syncState });
    emulator.faults.set([]);
    out.add('push summary', summary.message);
    for (const d of summary.documents) {
      out.add(`result ${d.uri}`, d.message);
      if (d.apply?.error) out.addError(`result error ${d.uri}`, d.apply.error);
      if (d.refusal?.cause) out.addError(`refusal cause ${d.uri}`, d.refusal.cause);
    }
    out.addJson('sync state', syncState.toJSON());
    const again = await pushAll(docs, fixedSyncClients({ twilio: c.twilio }), {});
    out.addJson('push all with a missing account', again.summary.documents.map((d) => [d.message, String(d.refusal?.cause)]));

    // Export: what "Export to Trunk Files" and `trunkline export` write.
    const targets = (await collect(c.twilio.trunks.list({ pageSize: 50 }))).map((t) => ({ kind: 'TwilioTrunk' as const, account: 'acme-prod', sid: t.sid, spec: {} }));
    const { lookups } = await fetchRemoteStates('acme-prod', targets, c.sync);
    const exported = lookups.flatMap((l) => (l.status === 'found' ? [renderDocument(l.state.kind, 'acme-prod', l.state.remote as never)] : []));
    assert.ok(exported.length > 0);
    out.add('exported file', renderTrunkFile(exported));
    out.add('transport log', c.log.lines.join('\n'));
    await c.close();
    assertNoLeaks(out);
  });

  test('the CLI (validate, plan, apply, export; verbose, debug, JSON; wrong credentials) prints and writes no secret', async () => {
    const out = new OutputCollector();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trunkline-secrets-'));
    try {
      fs.writeFileSync(
        path.join(dir, 'trunkline.config.json'),
        JSON.stringify({
          accounts: {
            'acme-prod': { provider: 'twilio', accountSid: CANARY.accountSid, baseUrl: emulator.baseUrl, env: 'ACME' },
            'acme-key': { provider: 'twilio', accountSid: CANARY.accountSid, baseUrl: emulator.baseUrl, env: 'ACMEKEY' },
            cx: { provider: 'carrierx', baseUrl: emulator.baseUrl, env: 'CX' },
          },
        }),
      );
      fs.writeFileSync(
        path.join(dir, 'trunks.trunk.yaml'),
        [
          documentText('TwilioTrunk', { friendly_name: 'CLI trunk', domain_name: 'cli-trunk.pstn.twilio.com' }).replace('account: sandbox', 'account: acme-prod'),
          documentText('TwilioByocTrunk', { friendly_name: 'CLI carrier' }).replace('account: sandbox', 'account: acme-key'),
          documentText('CarrierXTrunkGroup', { name: 'CLI group' }).replace('account: sandbox', 'account: cx'),
        ].join('---\n'),
      );
      const right = {
        ACME_TWILIO_AUTH_TOKEN: CANARY.authToken,
        ACMEKEY_TWILIO_API_KEY: CANARY.apiKeySid,
        ACMEKEY_TWILIO_API_SECRET: CANARY.apiKeySecret,
        CX_CARRIERX_TOKEN: CANARY.carrierXToken,
      };
      const wrong = { ACME_TWILIO_AUTH_TOKEN: CANARY.wrongAuthToken, ACMEKEY_TWILIO_API_KEY: CANARY.apiKeySid, ACMEKEY_TWILIO_API_SECRET: CANARY.wrongApiKeySecret, CX_CARRIERX_TOKEN: CANARY.wrongCarrierXToken };
      const cli = async (args: string[], env: Record<string, string>) => {
        const result = await runNodeScript('cli.js', args, { cwd: dir, env: { PATH: process.env.PATH, HOME: dir, ...env } });
        out.add(`cli ${args.join(' ')} stdout`, result.stdout);
        out.add(`cli ${args.join(' ')} stderr`, result.stderr);
        return result;
      };
      assert.equal((await cli(['validate'], right)).code, 0);
      const wrongPlan = await cli(['plan', '--verbose', '--debug'], wrong);
      assert.equal(wrongPlan.code, 2, wrongPlan.stderr);
      await cli(['plan', '--format', 'json', '--debug'], wrong);
      assert.equal((await cli(['plan', '--verbose'], right)).code, 3);
      emulator.faults.set([{ kind: 'throttle', retryAfterSeconds: 1, times: 2 }]);
      const applied = await cli(['apply', '--yes', '--verbose', '--debug'], right);
      emulator.faults.set([]);
      assert.equal(applied.code, 0, applied.stdout + applied.stderr);
      await cli(['plan', '--format', 'json', '--verbose'], right);
      assert.equal((await cli(['export', '--account', 'acme-prod', '--out', 'exported', '--verbose'], right)).code, 0);
      await cli(['export', '--account', 'cx', '--out', 'exported', '--format', 'json'], right);
      await cli(['export', '--account', 'acme-key', '--out', 'exported', '--debug'], wrong);
      // Credentials with no config: the documented variables.
      await cli(['plan', '--account', 'acme-prod', '--verbose', '--config', path.join(dir, 'missing.json')], { TWILIO_ACCOUNT_SID: CANARY.accountSid, TWILIO_AUTH_TOKEN: CANARY.authToken });

      const files = listFiles(dir);
      assert.ok(files.some((f) => f.includes('exported')), `exported files: ${files.join(', ')}`);
      assert.match(fs.readFileSync(path.join(dir, 'trunks.trunk.yaml'), 'utf8'), /sid: TK/);
      for (const file of files) out.add(`file ${path.relative(dir, file)}`, fs.readFileSync(file, 'utf8'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    assertNoLeaks(out);
  });

  test('trunkline apply reads a new SIP credential password from TRUNKLINE_SIP_PASSWORD_<LIST>_<USERNAME>, sets it, and prints and writes it nowhere', async () => {
    const out = new OutputCollector();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trunkline-secrets-'));
    try {
      fs.writeFileSync(path.join(dir, 'trunkline.config.json'), JSON.stringify({ accounts: { 'acme-prod': { provider: 'twilio', accountSid: CANARY.accountSid, baseUrl: emulator.baseUrl, env: 'ACME' } } }));
      fs.writeFileSync(path.join(dir, 'phones.trunk.yaml'), documentText('TwilioCredentialList', { friendly_name: 'CLI phones', credentials: [{ username: 'cli-1' }] }).replace('account: sandbox', 'account: acme-prod'));
      const env = { PATH: process.env.PATH, HOME: dir, ACME_TWILIO_AUTH_TOKEN: CANARY.authToken, TRUNKLINE_SIP_PASSWORD_CLI_PHONES_CLI_1: CANARY.sipPassword };
      for (const args of [['plan', '--verbose'], ['apply', '--yes', '--verbose', '--debug'], ['plan', '--format', 'json', '--debug']]) {
        const result = await runNodeScript('cli.js', args, { cwd: dir, env });
        out.add(`cli ${args.join(' ')} stdout`, result.stdout);
        out.add(`cli ${args.join(' ')} stderr`, result.stderr);
        if (args[0] === 'apply') assert.equal(result.code, 0, result.stdout + result.stderr);
      }
      for (const file of listFiles(dir)) out.add(`file ${path.relative(dir, file)}`, fs.readFileSync(file, 'utf8'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const phones = emulator.store.twilio.authLists.lists('credential_lists').values().find((l) => l.friendly_name === 'CLI phones');
    const cli1 = phones && emulator.store.twilio.authLists.credentialsOf(phones.sid).values().find((c) => c.username === 'cli-1');
    assert.ok(cli1 && passwordMatches(CANARY.sipPassword, cli1.password_salt, cli1.password_hash), 'apply set the password from the environment');
    assertNoLeaks(out);
  });

  test("the emulator's own output, state and error answers carry no secret it was given", async () => {
    const out = new OutputCollector();
    const child = await startEmulatorProcess([
      '--account-sid', CANARY.accountSid,
      '--auth-token', CANARY.authToken,
      '--api-key-sid', CANARY.apiKeySid,
      '--api-key-secret', CANARY.apiKeySecret,
      '--carrierx-token', CANARY.carrierXToken,
    ]);
    try {
      const basic = (user: string, secret: string) => `Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}`;
      for (const [where, url, authorization] of [
        ['Twilio 401', '/v1/Trunks', basic(CANARY.accountSid, CANARY.wrongAuthToken)],
        ['Twilio 200', '/v1/Trunks', basic(CANARY.accountSid, CANARY.authToken)],
        ['API key 401', `/2010-04-01/Accounts/${CANARY.accountSid}/IncomingPhoneNumbers.json`, basic(CANARY.apiKeySid, CANARY.wrongApiKeySecret)],
        ['CarrierX 401', '/core/v2/trunk_groups', `Bearer ${CANARY.wrongCarrierXToken}`],
        ['CarrierX 200', '/core/v2/trunk_groups', `Bearer ${CANARY.carrierXToken}`],
        ['state', '/__emulator/state', ''],
        ['stats', '/__emulator/stats', ''],
      ] as const) {
        const res = await fetch(`${child.baseUrl}${url}`, { headers: authorization ? { authorization } : {} });
        out.add(`${where} answer`, `${res.status} ${JSON.stringify([...res.headers])} ${await res.text()}`);
      }
    } finally {
      out.add('emulator stdout and stderr', await child.stop());
    }
    assert.match(out.outputs.at(-1)!.text, /auth-token: \(as given with --auth-token\)/);
    assertNoLeaks(out);
  });
});

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}
