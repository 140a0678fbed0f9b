import type { TrunkDiagnostic } from '../core/documents/validate/trunk-diagnostic';
import type { CheckedFile } from './check-trunk-files';

/** One diagnostic in `--format json` (lines and columns 1-based, columns in UTF-16 units as editors count). */
export interface DiagnosticJson {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: TrunkDiagnostic['severity'];
  code: TrunkDiagnostic['code'];
  message: string;
  /** Other places it refers to, e.g. where a duplicate number is. */
  related?: { file: string; line: number; column: number; message: string }[];
}

export function diagnosticJson(file: string, d: TrunkDiagnostic): DiagnosticJson {
  const json: DiagnosticJson = {
    file,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
    severity: d.severity,
    code: d.code,
    message: d.message,
  };
  if (d.related && d.related.length > 0) {
    json.related = d.related.map((r) => ({ file: r.uri ?? file, line: r.range.start.line + 1, column: r.range.start.character + 1, message: r.message }));
  }
  return json;
}

/** `file:line:col severity message [code]`, as compilers print them (editors and CI annotators link them). */
export function diagnosticLine(file: string, d: TrunkDiagnostic): string {
  return `${file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.message.replace(/\s*\n\s*/g, ' ')} [${d.code}]`;
}

export interface DiagnosticCounts {
  errors: number;
  warnings: number;
}

export function countDiagnostics(files: readonly CheckedFile[]): DiagnosticCounts {
  let errors = 0;
  let warnings = 0;
  for (const f of files) for (const d of f.diagnostics) d.severity === 'error' ? errors++ : d.severity === 'warning' && warnings++;
  return { errors, warnings };
}
