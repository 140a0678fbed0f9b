import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { renderRemoteInFileForm } from '../../../../../src/core/documents/render/render-for-diff';
import type { RemoteState } from '../../../../../src/core/documents/plan/remote-state';

const SID = 'BY0123456789abcdef0123456789abcdef';
const FILE = `# Carrier B: inbound from the carrier
apiVersion: trunkline/v1
kind: TwilioByocTrunk
account: acme-prod # the prod account
sid: ${SID}
spec:
  friendly_name: "Carrier B" # as the console shows it
  voice_url: 'https://example.com/voice'
  voice_method: POST
---
apiVersion: trunkline/v1
kind: TwilioByocTrunk
account: acme-prod
spec: { friendly_name: other }
`;

function byocState(fields: Record<string, unknown>): RemoteState {
  return {
    kind: 'TwilioByocTrunk',
    sid: SID,
    remote: { sid: SID, friendly_name: 'Carrier B', voice_url: 'https://example.com/voice', voice_method: 'POST', ...fields } as never,
  };
}

const local = { kind: 'TwilioByocTrunk' as const, account: 'acme-prod', spec: { friendly_name: 'Carrier B', voice_url: 'https://example.com/voice', voice_method: 'POST' } };

describe('the remote side of a Diff, in the file’s own form', () => {
  test('in sync: the remote side is the file, comments, quoting and other documents included', () => {
    assert.equal(renderRemoteInFileForm(FILE, 0, local, byocState({})), FILE);
  });

  test('one remote change: exactly one line differs, and it keeps its quoting and comment', () => {
    const remote = renderRemoteInFileForm(FILE, 0, local, byocState({ friendly_name: 'Carrier B (renamed)' })).split('\n');
    const file = FILE.split('\n');
    const differing = file.flatMap((line, i) => (line === remote[i] ? [] : [[line, remote[i]]]));
    assert.deepEqual(differing, [['  friendly_name: "Carrier B" # as the console shows it', '  friendly_name: "Carrier B (renamed)" # as the console shows it']]);
    assert.equal(remote.length, file.length);
  });
});
