import { renderSpec } from './render-document';
import type { RemoteState } from './remote-state';
import { toTrunkYaml } from './to-trunk-yaml';
import { TRUNK_API_VERSION } from './trunk-kinds';

/**
 * The remote side of a Diff: the remote resource in the document's own shape — the keys the
 * document manages, in the document's order (a key absent from a document is not managed, so
 * showing it would only be noise). Origination URLs the fetch skipped are left out.
 */
export function renderForDiff(local: { kind: RemoteState['kind']; account: string; spec: object | undefined }, state: RemoteState): string {
  const remoteSpec = renderSpec(state.kind, state.remote as never) as Record<string, unknown>;
  const managed = local.spec ? Object.keys(local.spec) : Object.keys(remoteSpec);
  const spec: Record<string, unknown> = {};
  for (const key of managed) {
    if (key === 'origination_urls' && state.kind === 'TwilioTrunk' && !state.originationUrlsFetched) continue;
    spec[key] = remoteSpec[key] ?? null;
  }
  return toTrunkYaml({ apiVersion: TRUNK_API_VERSION, kind: state.kind, account: local.account, sid: state.sid, spec });
}
