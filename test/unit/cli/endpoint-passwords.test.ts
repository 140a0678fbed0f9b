import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { collect } from '../../../src/core/providers/page';
import { CANARY_CREDENTIALS, CANARY_ENV, CANARY_SECRETS, emulatorConfig, ensureCliBuilt, makeWorkspace, readFile, runTrunkline } from '../../support/cli-harness';
import { startSyncHarness, type SyncHarness } from '../../support/sync-harness';

// `trunkline apply` gets a CarrierX endpoint's SIP passwords from the environment variables the
// README documents, never from a file: a missing one refuses the apply before any request that
// writes, naming the variable; a given one is sent and never printed.

const PASSWORD = 'c4n4ry-Endpoint-pw-42';
const VARIABLE = 'TRUNKLINE_ENDPOINT_SIP_PASSWORD_PBX_EAST_CARRIERX_OUT';

const FILE = `apiVersion: trunkline/v1
kind: CarrierXEndpoint
account: cx
spec:
  name: PBX east
  out_sip_username: carrierx-out
  addresses:
    - { ip: 192.0.2.10, port: 5060 }
`;

describe('trunkline apply: endpoint passwords from the environment', () => {
  let h: SyncHarness;
  let cwd: string;
  const trunkline = (args: string[], env: Record<string, string> = {}) =>
    runTrunkline(args, { cwd, env: { ...CANARY_ENV, ...env }, secrets: [...CANARY_SECRETS, PASSWORD] });
  const thirdParty = async () => (await collect(h.carrierx.endpoints.list())).filter((e) => e.type === 'third_party');

  before(async () => {
    ensureCliBuilt();
    h = await startSyncHarness({ credentials: CANARY_CREDENTIALS });
  });
  after(() => h.close());
  beforeEach(async () => {
    await h.emu.reset();
    cwd = makeWorkspace({ 'trunkline.config.json': emulatorConfig(h.emu), 'pbx.trunk.yaml': FILE });
  });
  afterEach(() => fs.rmSync(cwd, { recursive: true, force: true }));

  it('refuses before any write, naming the variable, when the password is not in the environment', async () => {
    const apply = await trunkline(['apply', '--yes', 'pbx.trunk.yaml']);
    assert.equal(apply.code, 2, apply.stdout + apply.stderr);
    assert.match(apply.stderr, new RegExp(`Nothing applied: .*\\n  ${VARIABLE} \\(the SIP password of carrierx-out at endpoint "PBX east"\\): it is not set`));
    assert.deepEqual(await thirdParty(), []);
    assert.equal(readFile(cwd, 'pbx.trunk.yaml'), FILE, 'no sid written');

    const json = await trunkline(['apply', '--yes', '--format', 'json', 'pbx.trunk.yaml']);
    assert.equal(json.code, 2);
    assert.equal((JSON.parse(json.stdout) as { error: { code: string } }).error.code, 'missing-secret');
  });

  it('sends the password from the environment and never prints it', async () => {
    const apply = await trunkline(['apply', '--yes', 'pbx.trunk.yaml'], { [VARIABLE]: PASSWORD });
    assert.equal(apply.code, 0, apply.stdout + apply.stderr);
    const [endpoint] = await thirdParty();
    assert.equal(endpoint?.out_sip_password, PASSWORD);
    assert.match(readFile(cwd, 'pbx.trunk.yaml'), new RegExp(`sid: ${endpoint!.endpoint_sid}`));
    assert.doesNotMatch(readFile(cwd, 'pbx.trunk.yaml'), /password/i);
    // In sync afterwards: the password is not compared, so nothing is asked for.
    const plan = await trunkline(['plan', 'pbx.trunk.yaml']);
    assert.equal(plan.code, 0, plan.stdout + plan.stderr);
  });
});
