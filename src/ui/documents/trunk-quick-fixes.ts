import * as vscode from 'vscode';
import type { TrunkFileDiagnostics } from './trunk-file-diagnostics';

/** Quick fixes carried by the diagnostics: fix enum casing, use the suggested key, remove an unknown key. */
export class TrunkQuickFixes implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly diagnostics: TrunkFileDiagnostics) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      for (const fix of this.diagnostics.fixesFor(diagnostic, document)) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [diagnostic];
        action.isPreferred = fix.isPreferred;
        action.edit = new vscode.WorkspaceEdit();
        for (const edit of fix.edits) {
          action.edit.replace(document.uri, new vscode.Range(document.positionAt(edit.start), document.positionAt(edit.end)), edit.newText);
        }
        actions.push(action);
      }
    }
    return actions;
  }
}
