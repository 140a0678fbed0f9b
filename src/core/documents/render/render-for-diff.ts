import { renderSpec } from './render-document';
import type { RemoteState } from '../plan/remote-state';
import { replaceDocumentSpec } from '../edit/replace-document-spec';
import { applyTextEdits } from '../edit/text-edit';
import { toTrunkYaml } from './to-trunk-yaml';
import { TRUNK_API_VERSION, type TrunkKind } from '../file/trunk-kinds';
import { documentKind } from '../kinds/document-kinds';

/**
 * The remote side of a Diff: the remote resource in the document's own shape — the keys the
 * document manages, in the document's order (a key absent from a document is not managed, so
 * showing it would only be noise). Keys the fetch skipped (a kind's sync.unfetchedKeys) are left out.
 */
export function renderForDiff(local: { kind: RemoteState['kind']; account: string; spec: object | undefined }, state: RemoteState): string {
  return toTrunkYaml({ apiVersion: TRUNK_API_VERSION, kind: state.kind, account: local.account, sid: state.sid, spec: managedRemoteSpec(local, state) });
}

/** The remote values of the keys the document manages (null for one the remote lacks). */
function managedRemoteSpec(local: { spec: object | undefined }, state: RemoteState): Record<string, unknown> {
  const remoteSpec = renderSpec(state.kind, state.remote as never) as Record<string, unknown>;
  const managed = local.spec ? Object.keys(local.spec) : Object.keys(remoteSpec);
  const unfetched = documentKind<TrunkKind>(state.kind).sync.unfetchedKeys(state);
  const spec: Record<string, unknown> = {};
  for (const key of managed) {
    if (unfetched.includes(key)) continue;
    spec[key] = remoteSpec[key] ?? null;
  }
  return spec;
}

/**
 * The remote side of a Diff written in the file's own form: the file's text with document
 * `documentIndex`'s spec given the remote values the way Pull would write them, so its
 * comments, key order, quoting, flow style and the other documents stay as they are and the
 * diff shows only what differs. Falls back to renderForDiff when the document cannot be patched.
 */
export function renderRemoteInFileForm(
  fileText: string,
  documentIndex: number,
  local: { kind: RemoteState['kind']; account: string; spec: object | undefined },
  state: RemoteState,
): string {
  try {
    return applyTextEdits(fileText, replaceDocumentSpec(fileText, documentIndex, managedRemoteSpec(local, state)));
  } catch {
    return renderForDiff(local, state);
  }
}
