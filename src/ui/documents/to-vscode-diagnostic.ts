import * as vscode from 'vscode';
import type { SourceRange } from '../../core/documents/file/line-index';
import type { TrunkDiagnostic } from '../../core/documents/validate/trunk-diagnostic';

const SEVERITY: Record<TrunkDiagnostic['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export function toRange(range: SourceRange): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

export function toVsCodeDiagnostic(d: TrunkDiagnostic, uri: vscode.Uri): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(d.range), d.message, SEVERITY[d.severity]);
  diagnostic.source = d.source;
  diagnostic.code = d.code;
  if (d.related) {
    diagnostic.relatedInformation = d.related.map(
      (r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(r.uri ? vscode.Uri.parse(r.uri) : uri, toRange(r.range)), r.message),
    );
  }
  return diagnostic;
}
