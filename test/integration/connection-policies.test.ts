import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { childLabels, itemOf, nodeAt } from './explorer-nodes';
import { runCommand } from './run-command';
import { sandboxCommandSuite } from './sandbox-command-suite';
import { sandboxTwilio } from './sandbox-api';
import { scriptPrompts } from './scripted-prompts';

// A BYOC trunk's route from the palette: a connection policy and a target made through the
// commands, the policy set on a BYOC trunk, each step checked at the sandbox over HTTP and in
// the tree. The policy and trunk are the test's own and are removed after it.

const suffix = Date.now().toString(36);

describe('Connection policy commands', function () {
  this.timeout(40_000);
  const suite = sandboxCommandSuite();
  const { cleanups } = suite;

  it('creates a policy and a target from the palette, sets the policy on a BYOC trunk and shows both below the trunk', async () => {
    const trunkName = `Carrier route ${suffix}`;
    const created = await sandboxTwilio<{ sid: string }>('POST', '/v1/ByocTrunks', { FriendlyName: trunkName });
    assert.equal(created.status, 201);
    const trunkSid = created.body.sid;
    cleanups.push(() => sandboxTwilio('DELETE', `/v1/ByocTrunks/${trunkSid}`));

    const policyName = `Carrier ${suffix}`;
    let input = await scriptPrompts([{ input: policyName }]);
    const policy = await runCommand<{ sid: string }>('trunkline.createConnectionPolicy');
    input.assertDone();
    // Deleted after the trunk (cleanups run in reverse): the sandbox refuses to delete a policy a trunk uses.
    cleanups.unshift(() => sandboxTwilio('DELETE', `/v1/ConnectionPolicies/${policy.sid}`));

    input = await scriptPrompts([
      { pick: policyName },
      { input: 'sips:sbc.example.net', rejectedWith: /does not support sips:/ },
      { input: 'sip:sbc.example.net:5060' },
      { input: 'primary sbc' },
      { input: '10' },
      { input: '20' },
      { pick: 'Enabled' },
    ]);
    await runCommand('trunkline.addConnectionPolicyTarget');
    input.assertDone();
    const targets = await sandboxTwilio<{ targets: { target: string; weight: number; enabled: boolean }[] }>('GET', `/v1/ConnectionPolicies/${policy.sid}/Targets`);
    assert.deepEqual(targets.body.targets.map((tg) => [tg.target, tg.weight, tg.enabled]), [['sip:sbc.example.net:5060', 20, true]]);

    input = await scriptPrompts([{ pick: trunkName }, { pick: policyName }]);
    await runCommand('trunkline.setConnectionPolicy');
    input.assertDone();
    const trunk = await sandboxTwilio<{ connection_policy_sid: string | null }>('GET', `/v1/ByocTrunks/${trunkSid}`);
    assert.equal(trunk.body.connection_policy_sid, policy.sid);

    const policyNode = await nodeAt([suite.sandbox().name, 'BYOC Trunks', trunkName, policyName]);
    assert.equal((await itemOf(policyNode)).description, 'connection policy');
    assert.deepEqual(await childLabels(policyNode), ['primary sbc']);
    const target = await nodeAt([suite.sandbox().name, 'BYOC Trunks', trunkName, policyName, 'primary sbc']);
    assert.equal((await itemOf(target)).description, 'sip:sbc.example.net:5060 · priority 10, weight 20');
  });
});
