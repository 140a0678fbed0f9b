import * as vscode from 'vscode';

/**
 * Writes a trunk file into the test workspace, records it in `created` (the suite deletes those
 * afterwards) and opens it in an editor, as a user creating the file would.
 */
export async function writeScratchTrunkFile(created: vscode.Uri[], fileName: string, text: string): Promise<vscode.TextDocument> {
  const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, fileName);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  created.push(uri);
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  return document;
}
