import * as vscode from 'vscode';
import type { WorkspaceFiles, WorkspaceFolder } from './workspace-files';

export class VsCodeWorkspaceFiles implements WorkspaceFiles {
  folder(): WorkspaceFolder | undefined {
    const folder = vscode.workspace.workspaceFolders?.[0];
    return folder ? { name: folder.name, uri: folder.uri.toString() } : undefined;
  }

  join(base: string, ...segments: string[]): string {
    return vscode.Uri.joinPath(vscode.Uri.parse(base), ...segments).toString();
  }

  exists(uri: string): Promise<boolean> {
    return Promise.resolve(vscode.workspace.fs.stat(vscode.Uri.parse(uri))).then(
      () => true,
      () => false,
    );
  }

  async createDirectory(uri: string): Promise<void> {
    await vscode.workspace.fs.createDirectory(vscode.Uri.parse(uri));
  }

  async readDirectory(uri: string): Promise<string[]> {
    return (await vscode.workspace.fs.readDirectory(vscode.Uri.parse(uri))).map(([name]) => name);
  }

  async writeFile(uri: string, text: string): Promise<void> {
    await vscode.workspace.fs.writeFile(vscode.Uri.parse(uri), new TextEncoder().encode(text));
  }
}
