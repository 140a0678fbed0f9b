import * as vscode from 'vscode';
import { failoverHover } from '../../core/documents/assist/failover-hover';
import { hoverAt } from '../../core/documents/assist/hover-at';
import { readinessDocumentation, ruleOfCode } from '../../core/readiness/readiness-documentation';
import type { TrunkFileCache } from './trunk-file-cache';
import type { TrunkFileDiagnostics } from './trunk-file-diagnostics';

/**
 * A field's documentation from the schema (description, allowed values, limits); on a
 * call-readiness warning, the rule's documentation and provider source; on a failover list
 * (`origination_urls`), the order the provider applies.
 */
export class TrunkHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly cache: TrunkFileCache,
    private readonly diagnostics: TrunkFileDiagnostics,
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const offset = document.offsetAt(position);
    const parts: vscode.MarkdownString[] = [];
    let range: vscode.Range | undefined;
    const at = (start: number, end: number) => new vscode.Range(document.positionAt(start), document.positionAt(end));

    for (const d of this.diagnostics.readinessOf(document)) {
      const rule = ruleOfCode(d.code);
      if (rule && offset >= d.range.start.offset && offset <= d.range.end.offset) {
        parts.push(new vscode.MarkdownString(readinessDocumentation(rule)));
        range ??= at(d.range.start.offset, d.range.end.offset);
      }
    }
    const doc = this.cache.get(document).documents.find((d) => offset >= d.range.start.offset && offset <= d.range.end.offset);
    const failover = doc ? failoverHover(doc, offset) : undefined;
    if (failover) {
      parts.push(new vscode.MarkdownString(failover.markdown));
      range ??= at(failover.range[0], failover.range[1]);
    }
    const hover = hoverAt(document.getText(), offset);
    if (hover) {
      parts.push(new vscode.MarkdownString(hover.markdown));
      range ??= at(hover.range.start, hover.range.end);
    }
    return parts.length > 0 ? new vscode.Hover(parts, range) : undefined;
  }
}
