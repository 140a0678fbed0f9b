import type { SourceRange } from '../file/line-index';
import type { TextEdit } from '../edit/text-edit';

export type DiagnosticSeverity = 'error' | 'warning' | 'information' | 'hint';

/** Stable codes: the UI and the CLI may key behaviour (and docs links) on them. */
export type DiagnosticCode =
  | 'yaml-syntax'
  | 'unknown-key'
  | 'read-only-key'
  | 'missing-property'
  | 'invalid-type'
  | 'invalid-value'
  | 'invalid-format'
  | 'too-long'
  | 'too-short'
  | 'out-of-range'
  | 'invalid-phone-number'
  | 'duplicate-phone-number'
  | 'duplicate-sid'
  | 'duplicate-domain-name'
  | 'duplicate-origination-url'
  | 'duplicate-ip-address'
  | 'duplicate-username'
  | 'duplicate-list-reference'
  | 'password-in-file'
  | 'duplicate-target'
  | 'duplicate-address'
  | 'duplicate-trunk'
  | 'trunk-needs-name'
  | 'unknown-account'
  | 'account-provider-mismatch'
  | 'unknown-kind'
  | 'wrong-api-version'
  | 'internal-error'
  /** A reference entry (a trunk's list, a BYOC trunk's policy) that names no resource of its kind. */
  | 'unknown-reference'
  /** A reference entry whose name several resources have. */
  | 'ambiguous-reference'
  /** A call-readiness rule (src/core/readiness): `readiness-<rule id>`. */
  | `readiness-${string}`;

/** A quick fix: edits on the text the diagnostics were computed on. */
export interface QuickFix {
  title: string;
  edits: TextEdit[];
  /** The one fix an editor may apply with "Fix all"/auto-fix. */
  isPreferred?: boolean;
}

/** Another place the diagnostic refers to (e.g. where a duplicate is). `uri` absent: same file. */
export interface RelatedLocation {
  uri?: string;
  range: SourceRange;
  message: string;
}

export interface TrunkDiagnostic {
  severity: DiagnosticSeverity;
  message: string;
  code: DiagnosticCode;
  range: SourceRange;
  source: 'trunkline';
  fixes?: QuickFix[];
  related?: RelatedLocation[];
}
