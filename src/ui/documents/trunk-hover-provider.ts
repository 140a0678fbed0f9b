import * as vscode from 'vscode';
import { hoverAt } from '../../core/documents/assist/hover-at';

/** A field's documentation from the schema: description, allowed values, limits. */
export class TrunkHoverProvider implements vscode.HoverProvider {
  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const hover = hoverAt(document.getText(), document.offsetAt(position));
    if (!hover) return undefined;
    return new vscode.Hover(
      new vscode.MarkdownString(hover.markdown),
      new vscode.Range(document.positionAt(hover.range.start), document.positionAt(hover.range.end)),
    );
  }
}
