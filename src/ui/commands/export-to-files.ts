import { providersOf, type Account } from '../../core/accounts/account';
import { remoteFingerprint } from '../../core/documents/sync/remote-fingerprint';
import { exportBaseName, exportedFileText, exportOmissions, exportStates, exportTargets, uniqueExportFileName } from '../../core/documents/render/export-resources';
import type { RemoteTarget } from '../../core/documents/plan/remote-state';
import { TRUNK_KINDS, type TrunkKind } from '../../core/documents/file/trunk-kinds';
import { documentKind } from '../../core/documents/kinds/document-kinds';
import type { DocumentCommandContext } from '../documents/trunk-file-services';
import { t } from '../l10n';
import { accountFromNode } from '../pickers/account-from-node';
import { pickAccount } from '../pickers/pick-account';
import { AccountNode } from '../tree/account-node';
import { changeOf, sidOf } from '../resources/resource-kinds';
import { refFromNode } from '../tree/resource-node';
import type { CommandDefinition } from './command';

/**
 * Export to Trunk Files: writes one `*.trunk.yaml` per existing resource (a trunk, a BYOC trunk,
 * a trunk group, or everything of an account), with its sid, so that existing trunks can be
 * managed as code. Existing files are never overwritten.
 */
export const exportToFiles: CommandDefinition<DocumentCommandContext> = {
  id: 'trunkline.export',
  requiresTrust: true,
  async run(ctx, node?: unknown) {
    const title = t('Export to Trunk Files');
    const folder = ctx.workspaceFiles.folder();
    if (!folder) throw new Error(t('Open a folder first: exported trunk files are written into the workspace.'));
    const single = singleTarget(node);
    const account = single?.account ?? accountFromNode(node, 'twilio') ?? accountFromNode(node, 'carrierx') ?? (node instanceof AccountNode ? node.account : await pickAccount(ctx, { title }));
    const relative = await ctx.input.input({
      title,
      prompt: t('Folder (relative to {0}) to write the trunk files into.', folder.name),
      value: 'trunks',
      validate: (v) => (v.trim() === '' || v.includes('..') || /^[\\/]/.test(v) ? t('Enter a relative folder inside the workspace, e.g. trunks.') : undefined),
    });
    const dir = ctx.workspaceFiles.join(folder.uri, ...relative.trim().split(/[\\/]+/));
    const exported = await ctx.workbench.withProgress(t('Exporting from "{0}"…', account.name), async (report, signal) => {
      const targets = single ? [single.target] : await exportTargets(account.name, kindsOf(account), ctx.files.clients, signal);
      report(t('{0} resources', targets.length));
      const states = await exportStates(account.name, targets, ctx.files.clients, signal);
      await ctx.workspaceFiles.createDirectory(dir);
      const uris: string[] = [];
      const omitted: string[] = [];
      const taken = new Set((await ctx.workspaceFiles.readDirectory(dir)).map((name) => name.toLowerCase()));
      for (const state of states) {
        if (signal.aborted) break;
        const name = uniqueExportFileName(exportBaseName(state), taken);
        const uri = ctx.workspaceFiles.join(dir, name);
        await ctx.workspaceFiles.writeFile(uri, exportedFileText(account.name, state));
        await ctx.files.syncState.set({ account: account.name, kind: state.kind, sid: state.sid }, remoteFingerprint(state));
        uris.push(uri);
        for (const o of exportOmissions(state)) omitted.push(`${name}: ${o.reason}`);
      }
      return { uris, omitted };
    });
    const { uris: written, omitted } = exported;
    if (written.length === 0) {
      void ctx.workbench.info(t('"{0}" has nothing to export.', account.name));
      return [];
    }
    if (written.length === 1) await ctx.documents.show(written[0]!);
    if (omitted.length > 0) {
      // What a file cannot represent is left out of it (not managed) rather than written wrong: say what.
      void ctx.workbench.warn(t('Exported {0} trunk file(s) to {1}, leaving out what a trunk file cannot represent: {2}', written.length, ctx.documents.displayPath(dir), omitted.join(' ')));
    } else {
      void ctx.workbench.info(t('Exported {0} trunk file(s) to {1}.', written.length, ctx.documents.displayPath(dir)));
    }
    return written;
  },
};

/** The one resource to export when Export runs on its node: a resource a trunk file describes whole (not a number or URL of a trunk). */
function singleTarget(node: unknown): { account: Account; target: RemoteTarget } | undefined {
  const ref = refFromNode(node);
  if (!ref) return undefined;
  const change = changeOf(ref);
  if (change.sid !== sidOf(ref)) return undefined;
  return { account: ref.account, target: documentKind(change.kind).export.target(ref.account.name, change.sid) };
}

/** Every kind the account's providers have. */
function kindsOf(account: Account): Set<TrunkKind> {
  return new Set(TRUNK_KINDS.filter((kind) => providersOf(account).includes(documentKind(kind).provider)));
}
