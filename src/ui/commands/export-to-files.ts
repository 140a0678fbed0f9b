import * as vscode from 'vscode';
import type { Account } from '../../core/accounts/account';
import { providersOf } from '../../core/accounts/account';
import { remoteFingerprint } from '../../core/documents/remote-fingerprint';
import { renderDocument } from '../../core/documents/render-document';
import { fetchRemoteStates } from '../../core/documents/fetch-remote-states';
import type { RemoteState, RemoteTarget } from '../../core/documents/remote-state';
import { collect } from '../../core/providers/page';
import type { DocumentCommandContext } from '../documents/trunk-file-services';
import { t } from '../l10n';
import { accountFromNode } from '../pickers/account-from-node';
import { pickAccount } from '../pickers/pick-account';
import { AccountNode } from '../tree/account-node';
import { ByocTrunkNode } from '../tree/byoc-trunk-node';
import { TrunkGroupNode } from '../tree/trunk-group-node';
import { TrunkNode } from '../tree/trunk-node';
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
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) throw new Error(t('Open a folder first: exported trunk files are written into the workspace.'));
    const single = singleTarget(node);
    const account = single?.account ?? accountFromNode(node, 'twilio') ?? accountFromNode(node, 'carrierx') ?? (node instanceof AccountNode ? node.account : await pickAccount(ctx, { title }));
    const relative = await ctx.input.input({
      title,
      prompt: t('Folder (relative to {0}) to write the trunk files into.', folder.name),
      value: 'trunks',
      validate: (v) => (v.trim() === '' || v.includes('..') || /^[\\/]/.test(v) ? t('Enter a relative folder inside the workspace, e.g. trunks.') : undefined),
    });
    const dir = vscode.Uri.joinPath(folder.uri, ...relative.trim().split(/[\\/]+/));
    const written = await ctx.workbench.withProgress(t('Exporting from "{0}"…', account.name), async (report, signal) => {
      const targets = single ? [single.target] : await allTargets(ctx, account, signal);
      report(t('{0} resources', targets.length));
      const states: RemoteState[] = [];
      for (const kindTargets of groupByKind(targets)) {
        const result = await fetchRemoteStates(account.name, kindTargets, ctx.files.clients, { signal });
        for (const lookup of result.lookups) if (lookup.status === 'found') states.push(lookup.state);
      }
      await vscode.workspace.fs.createDirectory(dir);
      const uris: vscode.Uri[] = [];
      const taken = new Set((await vscode.workspace.fs.readDirectory(dir)).map(([name]) => name.toLowerCase()));
      for (const state of states) {
        if (signal.aborted) break;
        const name = uniqueName(fileBaseName(state), taken);
        const uri = vscode.Uri.joinPath(dir, name);
        const text = `# Exported by Trunkline from "${account.name}" on ${new Date().toISOString().slice(0, 10)}.\n${renderDocument(state.kind, account.name, state.remote as never)}`;
        await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
        await ctx.files.syncState.set({ uri: uri.toString(), index: 0, sid: state.sid }, remoteFingerprint(state));
        uris.push(uri);
      }
      return uris;
    });
    if (written.length === 0) {
      void ctx.workbench.info(t('"{0}" has nothing to export.', account.name));
      return [];
    }
    if (written.length === 1) await vscode.window.showTextDocument(written[0]!);
    void ctx.workbench.info(t('Exported {0} trunk file(s) to {1}.', written.length, vscode.workspace.asRelativePath(dir)));
    return written.map((u) => u.toString());
  },
};

function singleTarget(node: unknown): { account: Account; target: RemoteTarget } | undefined {
  if (node instanceof TrunkNode) return { account: node.account, target: { kind: 'TwilioTrunk', account: node.account.name, sid: node.trunk.sid, spec: { origination_urls: [] } } };
  if (node instanceof ByocTrunkNode) return { account: node.account, target: { kind: 'TwilioByocTrunk', account: node.account.name, sid: node.trunk.sid, spec: {} } };
  if (node instanceof TrunkGroupNode) return { account: node.account, target: { kind: 'CarrierXTrunkGroup', account: node.account.name, sid: node.group.trunk_group_sid, spec: {} } };
  return undefined;
}

async function allTargets(ctx: DocumentCommandContext, account: Account, signal: AbortSignal): Promise<RemoteTarget[]> {
  const targets: RemoteTarget[] = [];
  if (providersOf(account).includes('twilio')) {
    const client = await ctx.connections.twilio(account);
    for (const trunk of await collect(client.trunks.list({ pageSize: 1000, signal }))) {
      // a spec that manages origination URLs makes the bulk fetch read them too
      targets.push({ kind: 'TwilioTrunk', account: account.name, sid: trunk.sid, spec: { origination_urls: [] } });
    }
    for (const byoc of await collect(client.byocTrunks.list({ pageSize: 1000, signal }))) {
      targets.push({ kind: 'TwilioByocTrunk', account: account.name, sid: byoc.sid, spec: {} });
    }
  }
  if (providersOf(account).includes('carrierx')) {
    const client = await ctx.connections.carrierx(account);
    for (const group of await collect(client.trunkGroups.list({ pageSize: 1000, signal }))) {
      targets.push({ kind: 'CarrierXTrunkGroup', account: account.name, sid: group.trunk_group_sid, spec: {} });
    }
  }
  return targets;
}

function groupByKind(targets: RemoteTarget[]): RemoteTarget[][] {
  const groups = new Map<string, RemoteTarget[]>();
  for (const target of targets) groups.set(target.kind, [...(groups.get(target.kind) ?? []), target]);
  return [...groups.values()];
}

function fileBaseName(state: RemoteState): string {
  const raw =
    state.kind === 'TwilioTrunk'
      ? (state.remote.trunk.domain_name?.replace(/\.pstn\.twilio\.com$/i, '') ?? state.remote.trunk.friendly_name ?? state.sid)
      : state.kind === 'TwilioByocTrunk'
        ? `byoc-${state.remote.friendly_name ?? state.sid}`
        : `group-${state.remote.trunkGroup.name ?? state.sid}`;
  return raw.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || state.sid;
}

function uniqueName(base: string, taken: Set<string>): string {
  let name = `${base}.trunk.yaml`;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}-${n}.trunk.yaml`;
  taken.add(name.toLowerCase());
  return name;
}
