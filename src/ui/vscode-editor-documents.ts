import * as vscode from 'vscode';
import type { TextEdit } from '../core/documents/edit/text-edit';
import type { VirtualDocuments } from './documents/remote-document-provider';
import { isTrunkFile, TRUNK_FILE_GLOB } from './documents/trunk-file-selector';
import type { ActiveTrunkFile, EditorDocument, EditorDocuments } from './editor-documents';

/** An editor document seen through EditorDocument; reads go to the live document. */
class VsCodeEditorDocument implements EditorDocument {
  constructor(readonly native: vscode.TextDocument) {}
  get uri(): string {
    return this.native.uri.toString();
  }
  get version(): number {
    return this.native.version;
  }
  get isDirty(): boolean {
    return this.native.isDirty;
  }
  getText(): string {
    return this.native.getText();
  }
}

export class VsCodeEditorDocuments implements EditorDocuments {
  constructor(private readonly virtualDocuments: VirtualDocuments) {}

  /** The editor's document behind an EditorDocument (for the editor features that take one). */
  nativeOf(document: EditorDocument): vscode.TextDocument {
    if (document instanceof VsCodeEditorDocument) return document.native;
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === document.uri);
    if (!open) throw new Error(`${document.uri} is not open in the editor.`);
    return open;
  }

  uriOf(arg: unknown): string | undefined {
    if (typeof arg === 'string') return arg;
    return arg instanceof vscode.Uri ? arg.toString() : undefined;
  }

  async open(uri: string): Promise<EditorDocument> {
    return new VsCodeEditorDocument(await vscode.workspace.openTextDocument(vscode.Uri.parse(uri)));
  }

  activeTrunkFile(): ActiveTrunkFile | undefined {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !isTrunkFile(editor.document)) return undefined;
    return { document: new VsCodeEditorDocument(editor.document), cursor: editor.document.offsetAt(editor.selection.active) };
  }

  openTrunkFiles(): EditorDocument[] {
    return vscode.workspace.textDocuments.filter((d) => isTrunkFile(d) && !d.isClosed).map((d) => new VsCodeEditorDocument(d));
  }

  async findTrunkFiles(folder?: string): Promise<string[]> {
    const pattern = folder ? new vscode.RelativePattern(vscode.Uri.parse(folder), TRUNK_FILE_GLOB) : TRUNK_FILE_GLOB;
    const uris = await vscode.workspace.findFiles(pattern, '**/node_modules/**');
    return uris.sort((a, b) => a.fsPath.localeCompare(b.fsPath)).map((u) => u.toString());
  }

  async applyEdits(document: EditorDocument, edits: readonly TextEdit[]): Promise<void> {
    if (edits.length === 0) return;
    const native = this.nativeOf(document);
    const edit = new vscode.WorkspaceEdit();
    for (const e of edits) edit.replace(native.uri, new vscode.Range(native.positionAt(e.start), native.positionAt(e.end)), e.newText);
    if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`Could not write to ${vscode.workspace.asRelativePath(native.uri)}.`);
  }

  async save(document: EditorDocument): Promise<void> {
    await this.nativeOf(document).save();
  }

  displayPath(uri: string): string {
    return vscode.workspace.asRelativePath(vscode.Uri.parse(uri));
  }

  putReadOnly(name: string, text: string): string {
    return this.virtualDocuments.put(name, text).toString();
  }

  async showDiff(left: string, right: string, title: string): Promise<void> {
    await vscode.commands.executeCommand('vscode.diff', vscode.Uri.parse(left), vscode.Uri.parse(right), title, { preview: true });
  }

  async openUntitled(language: string, content: string): Promise<string> {
    const document = await vscode.workspace.openTextDocument({ language, content });
    await vscode.window.showTextDocument(document);
    return document.uri.toString();
  }

  async show(uri: string): Promise<void> {
    await vscode.window.showTextDocument(vscode.Uri.parse(uri));
  }
}
