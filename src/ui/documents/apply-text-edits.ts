import * as vscode from 'vscode';
import type { TextEdit } from '../../core/documents/edit/text-edit';

/** Applies core text edits (offsets) to an editor document as one WorkspaceEdit: Undo reverts it. */
export async function applyTextEdits(document: vscode.TextDocument, edits: readonly TextEdit[]): Promise<void> {
  if (edits.length === 0) return;
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) edit.replace(document.uri, new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)), e.newText);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`Could not write to ${vscode.workspace.asRelativePath(document.uri)}.`);
}
