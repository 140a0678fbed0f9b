import * as vscode from 'vscode';
import type { TrunkDocument, TrunkFile } from '../../core/documents/file/parse-trunk-file';
import { t } from '../l10n';
import { applyTextEdits } from './apply-text-edits';
import type { PullTarget } from './pull-remote-values';
import type { TrunkFileCache } from './trunk-file-cache';
import { isTrunkFile } from './trunk-file-selector';

export interface TrunkDocumentTarget {
  editorDocument: vscode.TextDocument;
  file: TrunkFile;
  document: TrunkDocument;
}

/**
 * The document a lens or palette command acts on: `(uri, index)` from a code lens, else the
 * document under the cursor of the active trunk file.
 */
export async function resolveTrunkDocument(cache: TrunkFileCache, uriArg: unknown, indexArg: unknown): Promise<TrunkDocumentTarget> {
  let editorDocument: vscode.TextDocument;
  let offset: number | undefined;
  if (typeof uriArg === 'string' || uriArg instanceof vscode.Uri) {
    editorDocument = await vscode.workspace.openTextDocument(typeof uriArg === 'string' ? vscode.Uri.parse(uriArg) : uriArg);
  } else {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !isTrunkFile(editor.document)) throw new Error(t('Open a trunk file (*.trunk.yaml) and put the cursor in the document to use.'));
    editorDocument = editor.document;
    offset = editorDocument.offsetAt(editor.selection.active);
  }
  const file = cache.get(editorDocument);
  const document =
    typeof indexArg === 'number'
      ? file.documents.find((d) => d.index === indexArg)
      : (file.documents.find((d) => offset !== undefined && offset >= d.range.start.offset && offset <= d.range.end.offset) ?? (file.documents.length === 1 ? file.documents[0] : undefined));
  if (!document) throw new Error(t('No trunk document at the cursor in {0}.', vscode.workspace.asRelativePath(editorDocument.uri)));
  return { editorDocument, file, document };
}

/** The editor document as Pull writes into it (one WorkspaceEdit: Undo reverts it). */
export function pullTargetOf({ editorDocument, document }: TrunkDocumentTarget): PullTarget {
  return {
    document,
    text: () => editorDocument.getText(),
    version: () => editorDocument.version,
    applyEdits: (edits) => applyTextEdits(editorDocument, edits),
  };
}
