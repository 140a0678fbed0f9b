import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { CANARY_CREDENTIALS, CANARY_ENV, CANARY_SECRETS, emulatorConfig, ensureCliBuilt, makeWorkspace, runTrunkline } from '../../support/cli-harness';
import { startSyncHarness, type SyncHarness } from '../../support/sync-harness';

// A document's kind must fit its account's provider: a CarrierX trunk group on a Twilio account
// is an error at the account, found by validate (no network) and refused by plan and apply.

/** Line 3 names Twilio account acme for a CarrierX group; document 2 is fine. */
const MISMATCH = `apiVersion: trunkline/v1
kind: CarrierXTrunkGroup
account: acme
spec:
  name: East
---
apiVersion: trunkline/v1
kind: TwilioByocTrunk
account: acme
spec:
  friendly_name: Carrier A
`;

describe('kind and account provider', () => {
  let h: SyncHarness;
  let cwd: string;
  const trunkline = (args: string[]) => runTrunkline(args, { cwd, env: { ...CANARY_ENV }, secrets: CANARY_SECRETS });
  before(async () => {
    ensureCliBuilt();
    h = await startSyncHarness({ credentials: CANARY_CREDENTIALS });
    cwd = makeWorkspace({ 'trunkline.config.json': emulatorConfig(h.emu), 'east.trunk.yaml': MISMATCH });
  });
  after(async () => {
    fs.rmSync(cwd, { recursive: true, force: true });
    await h.close();
  });

  it('validate flags a CarrierXTrunkGroup on a Twilio account at the account value', async () => {
    const run = await trunkline(['validate', '--no-readiness', 'east.trunk.yaml']);
    assert.equal(run.code, 1, run.stderr);
    assert.equal(
      run.stdout,
      'east.trunk.yaml:3:10 error acme is a Twilio account; a CarrierXTrunkGroup document needs a CarrierX account. CarrierX accounts: cx. [account-provider-mismatch]\n',
    );
  });

  it('plan and apply refuse that document as invalid and still plan and apply the others', async () => {
    const plan = await trunkline(['plan', 'east.trunk.yaml']);
    assert.equal(plan.code, 1, plan.stdout + plan.stderr);
    assert.match(plan.stdout, /^east\.trunk\.yaml:3:10 error acme is a Twilio account; a CarrierXTrunkGroup document needs a CarrierX account\./m);
    assert.match(plan.stdout, /^CarrierX trunk group "East" \(acme\): not planned\. This document has 1 error/m);
    assert.match(plan.stdout, /^Plan: 1 to change \(1 operation\), 0 in sync, 1 not planned\.$/m);

    const apply = await trunkline(['apply', '--yes', 'east.trunk.yaml']);
    assert.equal(apply.code, 1, apply.stdout + apply.stderr);
    assert.match(apply.stdout, /^east\.trunk\.yaml:3:10 error acme is a Twilio account/m);
    assert.equal(h.emu.stats.count('POST', '/core/v2/trunk_groups'), 0, 'no trunk group was created');
    assert.equal(h.emu.stats.count('POST', '/v1/ByocTrunks'), 1, 'the valid document was applied');
  });
});
