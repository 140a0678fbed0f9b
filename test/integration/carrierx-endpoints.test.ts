import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { child, childLabels, itemOf, nodeAt } from './explorer-nodes';
import { runCommand } from './run-command';
import { sandboxCommandSuite } from './sandbox-command-suite';
import { sandboxCarrierX } from './sandbox-api';
import { scriptPrompts } from './scripted-prompts';

// CarrierX endpoints from the palette: an endpoint created with its first address, set on a
// trunk, and seen under that trunk in the Trunks view; each step checked at the sandbox over
// HTTP. The group, trunk and endpoint are the test's own and are removed after it.

const suffix = Date.now().toString(36);

describe('CarrierX endpoints', function () {
  this.timeout(40_000);
  const suite = sandboxCommandSuite();
  const { cleanups } = suite;

  it('creates an endpoint with an address from the palette, sets it on a trunk and shows it under the trunk with its address', async () => {
    const groupName = `Endpoints ${suffix}`;
    const group = await sandboxCarrierX<{ trunk_group_sid: string }>('POST', '/trunk_groups', { name: groupName, routing_type: 'failover' });
    assert.equal(group.status, 200);
    const groupSid = group.body.trunk_group_sid;
    cleanups.push(() => sandboxCarrierX('DELETE', `/trunk_groups/${groupSid}`));
    const trunk = await sandboxCarrierX<{ trunk_sid: string }>('POST', `/trunk_groups/${groupSid}/trunks`, { name: 'east' });
    assert.equal(trunk.status, 200);

    const endpointName = `PBX ${suffix}`;
    let input = await scriptPrompts([
      { input: endpointName },
      { input: 'sip:pbx.example.com', rejectedWith: /only the host/ },
      { input: 'pbx.example.com' },
      { input: '99999', rejectedWith: /from 1 to 65535/ },
      { input: '5080' },
      { pick: 'tcp' },
      { pick: 'any' },
    ]);
    const endpoint = await runCommand<{ endpoint_sid: string }>('trunkline.createEndpoint');
    input.assertDone();
    // Unset on the trunk before the endpoint is deleted (the sandbox refuses to delete one in use).
    cleanups.push(() => sandboxCarrierX('DELETE', `/endpoints/${endpoint.endpoint_sid}`));
    cleanups.push(() => sandboxCarrierX('PATCH', `/trunk_groups/${groupSid}/trunks/${trunk.body.trunk_sid}`, { endpoint_sid: null }));
    const remote = await sandboxCarrierX<{ type: string; addresses: { ip: string; port: number; transport: string }[] }>('GET', `/endpoints/${endpoint.endpoint_sid}`);
    assert.equal(remote.body.type, 'third_party');
    assert.deepEqual(remote.body.addresses.map((a) => [a.ip, a.port, a.transport]), [['pbx.example.com', 5080, 'tcp']]);

    input = await scriptPrompts([{ pick: groupName }, { pick: 'east' }, { pick: endpointName }]);
    await runCommand('trunkline.setTrunkEndpoint');
    input.assertDone();
    const remoteTrunk = await sandboxCarrierX<{ endpoint_sid: string | null }>('GET', `/trunk_groups/${groupSid}/trunks/${trunk.body.trunk_sid}`);
    assert.equal(remoteTrunk.body.endpoint_sid, endpoint.endpoint_sid);

    const trunkRow = await nodeAt([suite.sandbox().name, 'Trunk Groups', groupName, 'east']);
    assert.deepEqual(await childLabels(trunkRow), [endpointName]);
    const endpointRow = await child(trunkRow, endpointName);
    assert.deepEqual(await childLabels(endpointRow), ['pbx.example.com']);
    assert.equal((await itemOf(await child(endpointRow, 'pbx.example.com'))).description, '5080 · tcp · any');
    assert.ok((await childLabels(await nodeAt([suite.sandbox().name, 'Endpoints']))).includes(endpointName), 'listed under the account\'s Endpoints too');
  });
});
