import { remoteTargetOf } from '../../core/documents/plan/compute-plan';
import type { TrunkDocument } from '../../core/documents/file/parse-trunk-file';
import { pullRemoteSpec, type PullScope } from '../../core/documents/edit/pull-remote-spec';
import { remoteFingerprint } from '../../core/documents/sync/remote-fingerprint';
import { fetchRemoteState } from '../../core/documents/plan/fetch-remote-state';
import { renderSpec } from '../../core/documents/render/render-document';
import type { SyncClients } from '../../core/documents/apply/sync-clients';
import { syncStateKeyOf, type SyncStateStore } from '../../core/documents/sync/sync-state';
import type { TextEdit } from '../../core/documents/edit/text-edit';
import { t } from '../l10n';
import type { UserInput } from '../user-input';
import type { Workbench } from '../workbench';

// The flow of Pull and Pull All Fields without the editor (no `vscode` here): the commands
// hand it the document through PullTarget, so unit tests run the same flow on plain text.

/** The document a pull writes into: its text as it is now, and a way to change it. */
export interface PullTarget {
  document: TrunkDocument;
  text(): string;
  /** Changes on every edit of the text: a pull never writes over an edit made while it fetched. */
  version(): number;
  applyEdits(edits: readonly TextEdit[]): Promise<void>;
}

export interface PullServices {
  input: UserInput;
  workbench: Workbench;
  clients: SyncClients;
  syncState: SyncStateStore;
}

export type PullOutcome =
  | { status: 'pulled' | 'unchanged'; changed: string[]; added: string[]; kept: string[] }
  | { status: 'cancelled' };

/** "2 keys: friendly_name, secure" */
function keyList(paths: readonly string[]): string {
  return t('{0} {1}: {2}', paths.length, paths.length === 1 ? t('key') : t('keys'), paths.join(', '));
}

/**
 * Fetches the remote resource and writes its values into the document: with `managed`, only
 * the keys the document has (see pullRemoteSpec); with `all-fields`, every remote key. Asks
 * before writing, says what changed, then remembers the remote as synced.
 */
export async function pullRemoteValues(services: PullServices, target: PullTarget, scope: PullScope): Promise<PullOutcome> {
  const { document } = target;
  const remoteTarget = remoteTargetOf(document);
  if (!remoteTarget || !document.sid) throw new Error(t('Pull needs a valid document with a kind, an account and a sid (a resource that exists). Fix the problems first.'));
  const versionBefore = target.version();
  const lookup = await services.workbench.withProgress(t('Fetching the remote state…'), (_report, signal) => fetchRemoteState(remoteTarget, services.clients, { signal }));
  if (lookup.status !== 'found') throw new Error(t('{0} {1} no longer exists at the provider; there is nothing to pull.', remoteTarget.kind, document.sid));
  if (target.version() !== versionBefore) throw new Error(t('The file changed while the remote state was fetched; nothing was written. Pull again.'));

  const remote = renderSpec(lookup.state.kind, lookup.state.remote as never) as Record<string, unknown>;
  const pulled = pullRemoteSpec(target.text(), document.index, remoteTarget.kind, remote, scope);
  const kept = pulled.kept.length > 0 ? ` ${t('Left as they are (the remote has no value for them): {0}.', pulled.kept.join(', '))}` : '';
  const report = { changed: pulled.changed, added: pulled.added, kept: pulled.kept };

  if (pulled.edits.length === 0) {
    const managesNothing = Object.keys(document.spec ?? {}).length === 0 && scope === 'managed';
    void services.workbench.info(managesNothing ? t('This document manages no key, so Pull has nothing to take; Pull All Fields adds the remote ones.') : t('This document already matches the remote.') + kept);
    await services.syncState.set(syncStateKeyOf(remoteTarget, document.sid), remoteFingerprint(lookup.state));
    return { status: 'unchanged', ...report };
  }

  const parts = [
    pulled.changed.length > 0 ? t('take the remote value of {0}', keyList(pulled.changed)) : undefined,
    pulled.added.length > 0 ? t('add {0}', keyList(pulled.added)) : undefined,
  ].filter((p): p is string => p !== undefined);
  const confirmed = await services.input.confirm(t('Pull into this document: {0}?', parts.join(t('; '))), {
    detail:
      scope === 'managed'
        ? t('Only keys the document already has are changed; nothing is added. Comments stay where they are. Undo reverts it.')
        : t('Keys the document did not manage are added: from then on Push keeps them as they are written (e.g. phone_numbers lists exactly the numbers of the trunk). Undo reverts it.'),
    action: scope === 'managed' ? t('Pull') : t('Pull All Fields'),
  });
  if (!confirmed) return { status: 'cancelled' };
  if (target.version() !== versionBefore) throw new Error(t('The file changed while you were asked; nothing was written. Pull again.'));
  await target.applyEdits(pulled.edits);
  await services.syncState.set(syncStateKeyOf(remoteTarget, document.sid), remoteFingerprint(lookup.state));

  const said = [
    pulled.changed.length > 0 ? t('Pulled {0}.', keyList(pulled.changed)) : undefined,
    pulled.added.length > 0 ? t('Added {0}.', keyList(pulled.added)) : undefined,
  ].filter((p): p is string => p !== undefined);
  void services.workbench.info(said.join(' ') + kept);
  return { status: 'pulled', ...report };
}
