import * as vscode from 'vscode';
import type { DocumentStatus } from '../../core/documents/sync/document-status';
import { t } from '../l10n';
import type { DocumentStatusCache } from './document-status-cache';
import type { TrunkFileCache } from './trunk-file-cache';
import type { TrunkFileDiagnostics } from './trunk-file-diagnostics';
import { toRange } from './to-vscode-diagnostic';

const STATE_ICONS: Record<DocumentStatus['state'], string> = {
  invalid: '$(error)',
  'not-created': '$(circle-outline)',
  'in-sync': '$(check)',
  changes: '$(diff)',
  'remote-changed': '$(warning)',
  'remote-missing': '$(warning)',
  blocked: '$(error)',
  unavailable: '$(question)',
};

/**
 * Above each document of a trunk file: its status (computed in the background), then Push,
 * Diff and Pull. An invalid document says so at once, without asking the provider.
 */
export class TrunkCodeLensProvider implements vscode.CodeLensProvider {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.emitter.event;

  constructor(
    private readonly cache: TrunkFileCache,
    private readonly statuses: DocumentStatusCache,
    private readonly diagnostics?: TrunkFileDiagnostics,
  ) {
    statuses.onDidChange(() => this.emitter.fire());
    diagnostics?.onDidUpdate(() => this.emitter.fire());
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const file = this.cache.get(document);
    const known = this.statuses.get(document);
    if (!known) void this.statuses.refresh(document);
    const lenses: vscode.CodeLens[] = [];
    const readiness = this.diagnostics?.readinessOf(document) ?? [];
    for (const doc of file.documents) {
      const range = toRange({ start: doc.range.start, end: doc.range.start });
      const args = [document.uri.toString(), doc.index];
      const status = known?.statuses.find((s) => s.index === doc.index);
      lenses.push(new vscode.CodeLens(range, this.statusCommand(doc.valid, status, known?.current ?? false, args)));
      // A document that cannot carry calls says so beside its status (the warnings are at the keys).
      const notReady = readiness.filter((d) => d.range.start.offset >= doc.range.start.offset && d.range.start.offset <= doc.range.end.offset);
      if (notReady.length > 0) {
        lenses.push(
          new vscode.CodeLens(range, {
            title: `$(warning) ${notReady.length === 1 ? t('not call-ready') : t('not call-ready ({0})', notReady.length)}`,
            tooltip: notReady.map((d) => d.message).join('\n'),
            command: 'workbench.actions.view.problems',
          }),
        );
      }
      lenses.push(new vscode.CodeLens(range, { title: t('Push'), command: 'trunkline.push', arguments: args, tooltip: t('Show the plan, then apply it') }));
      lenses.push(new vscode.CodeLens(range, { title: t('Diff'), command: 'trunkline.diff', arguments: args, tooltip: t('Compare the remote resource with this document') }));
      if (doc.sid) lenses.push(new vscode.CodeLens(range, { title: t('Pull'), command: 'trunkline.pull', arguments: args, tooltip: t('Take the remote values of the keys this document has (adds none; Pull All Fields does)') }));
    }
    return lenses;
  }

  private statusCommand(valid: boolean, status: DocumentStatus | undefined, current: boolean, args: unknown[]): vscode.Command {
    if (!valid) return { title: `${STATE_ICONS.invalid} ${t('invalid')}`, command: 'workbench.actions.view.problems', tooltip: t('Fix the problems before pushing') };
    if (!status) return { title: `$(sync~spin) ${t('checking…')}`, command: '' };
    const edited = current ? '' : ` ${t('(edited)')}`;
    return {
      title: `${STATE_ICONS[status.state]} ${t(status.label)}${edited}`,
      tooltip: status.message,
      command: 'trunkline.showDocumentStatus',
      arguments: args,
    };
  }
}
