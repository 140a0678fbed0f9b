import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import { collect } from '../../../../src/core/providers/page';
import { pushDocument } from '../../../../src/ui/commands/push-document';
import { documentCommandHarness, type DocumentCommandHarness } from '../../../support/document-command-harness';
import { startSyncHarness, type SyncHarness } from '../../../support/sync-harness';

// Push of a CarrierX endpoint document asks for the SIP passwords it needs after the plan is
// confirmed (a masked box, or Generate), sends them, and keeps them out of the file and the log.

const FILE = `apiVersion: trunkline/v1
kind: CarrierXEndpoint
account: sandbox
spec:
  name: PBX north
  out_sip_username: carrierx-out
  addresses:
    - { ip: 192.0.2.30, sip_username: pbx-north }
`;

let sync: SyncHarness;
let h: DocumentCommandHarness;

before(async () => {
  sync = await startSyncHarness();
});
after(() => sync.close());
beforeEach(async () => {
  await sync.emu.reset();
  h = documentCommandHarness(sync);
});
afterEach(() => h.close());

const endpoint = async () => (await collect(sync.carrierx.endpoints.list())).find((e) => e.name === 'PBX north');

describe('Push of an endpoint with passwords (command flow)', () => {
  test('asks for each password after the confirmation, typed or generated, and sends them; the file keeps none', async () => {
    const uri = h.workspace.writeDisk('pbx.trunk.yaml', FILE);
    const typed = 'Typed-pw-North-1';
    const input = h.answers([
      { confirm: true, message: /^Push CarrierX endpoint "PBX north"/, detail: /out_sip_password: .*"secret TRUNKLINE_ENDPOINT_SIP_PASSWORD_PBX_NORTH_CARRIERX_OUT"/ },
      { pick: /Type a password/, title: /the SIP password of carrierx-out at endpoint "PBX north"/ },
      { input: '  ', rejectedWith: /cannot be empty/ },
      { input: typed },
      { pick: /Generate a strong password/, title: /the SIP password of pbx-north/ },
    ]);
    const result = (await pushDocument.run(h.context(), uri, 0)) as { status: string; sid: string };
    input.assertDone();
    assert.equal(result.status, 'applied');
    const created = await endpoint();
    assert.equal(created?.out_sip_password, typed);
    const generated = created?.addresses[0]?.sip_password;
    assert.ok(generated && generated.length >= 12, 'a generated password was sent');
    const disk = h.workspace.disk.get(uri)!;
    assert.ok(!disk.includes(typed) && !disk.includes(generated), 'no password in the file');
    assert.match(disk, new RegExp(`sid: ${created!.endpoint_sid}`));
    assert.ok(!JSON.stringify(input.asked).includes(typed), 'no password in any prompt');
    assert.ok(!JSON.stringify(h.workbench.messages).includes(generated), 'the generated password is offered for the clipboard, never shown');
  });

  test('Escape at a password prompt sends nothing', async () => {
    const uri = h.workspace.writeDisk('pbx.trunk.yaml', FILE);
    h.answers([{ confirm: true }, { cancel: 'pick' }]);
    await assert.rejects(() => pushDocument.run(h.context(), uri, 0));
    assert.equal(await endpoint(), undefined);
  });
});
