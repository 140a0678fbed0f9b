import { remoteTargetOf } from '../../core/documents/plan/compute-plan';
import { renderRemoteInFileForm } from '../../core/documents/render/render-for-diff';
import { fetchRemoteState } from '../../core/documents/plan/fetch-remote-state';
import { resolveTrunkDocument } from '../documents/trunk-document-target';
import type { DocumentCommandContext } from '../documents/trunk-file-services';
import { t } from '../l10n';
import type { CommandDefinition } from './command';

/**
 * Diff: the file as it would read with the remote values (read-only, left) against the file
 * itself (right, editable). The left side keeps the file's comments, order, quoting and flow
 * style and its other documents, so every highlighted line is a real difference.
 */
export const diffDocument: CommandDefinition<DocumentCommandContext> = {
  id: 'trunkline.diff',
  async run(ctx, uriArg?: unknown, indexArg?: unknown) {
    const { files } = ctx;
    const { editorDocument, file, document } = await resolveTrunkDocument(ctx, uriArg, indexArg);
    const target = remoteTargetOf(document);
    if (!target || !document.account) throw new Error(t('Fix the document first: Diff needs a valid kind, account and spec.'));
    const lookup = await ctx.workbench.withProgress(t('Fetching the remote state…'), (_report, signal) => fetchRemoteState(target, files.clients, { signal }));
    const state = lookup.status === 'found' ? lookup.state : lookup.status === 'new' ? lookup.adopt : undefined;
    const name = ctx.documents.displayPath(editorDocument.uri).split('/').pop() ?? 'trunk.yaml';
    const remoteText = state
      ? renderRemoteInFileForm(editorDocument.getText(), document.index, { kind: target.kind, account: document.account, spec: document.spec }, state)
      : lookup.status === 'missing'
        ? t('# {0} {1} no longer exists at the provider (deleted outside Trunkline).\n', target.kind, lookup.sid)
        : t('# Not created yet: Push creates it.\n');
    const left = ctx.documents.putReadOnly(`remote/${name}`, remoteText);
    const right =
      state || file.documents.length === 1
        ? editorDocument.uri
        : ctx.documents.putReadOnly(`local/${name}`, editorDocument.getText().slice(document.range.start.offset, document.range.end.offset) + '\n');
    const title = t('{0} (remote) ↔ {1}', resourceName(document.spec, state?.remote) ?? document.sid ?? t('not created'), name);
    await ctx.documents.showDiff(left, right, title);
    return { left, right, title };
  },
};

/** What a person calls the resource: its friendly name or name, from the file or else the provider. */
function resourceName(spec: unknown, remote: unknown): string | undefined {
  for (const source of [spec, remote]) {
    const record = source && typeof source === 'object' ? (source as Record<string, unknown>) : {};
    const name = record.friendly_name ?? record.name;
    if (typeof name === 'string' && name.trim() !== '') return name;
  }
  return undefined;
}
