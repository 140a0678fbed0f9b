import type { CombinedPlan } from '../core/documents/apply/push-all';
import type { SyncClients } from '../core/documents/apply/sync-clients';
import { mapBounded, PER_RESOURCE_CONCURRENCY } from '../core/documents/plan/map-bounded';
import type { TrunkDiagnostic } from '../core/documents/validate/trunk-diagnostic';
import { fetchReadinessRemote } from '../core/readiness/fetch-readiness-remote';
import { fileOnlyRemote, readinessDiagnostics } from '../core/readiness/readiness-diagnostics';
import type { CheckedFile } from './check-trunk-files';
import type { OptionValues } from './cli-arguments';
import { UsageError } from './cli-error';

/** `validate` and `plan` check call readiness: the options that say so, the same in both. */
export const READINESS_OPTIONS = { readiness: { type: 'boolean' }, 'no-readiness': { type: 'boolean' } } as const;

/**
 * Whether to check call readiness: yes unless `--no-readiness` (a finding of a trunk that
 * cannot carry calls is worth seeing by default). `--readiness`, once needed, is still accepted.
 */
export function readinessWanted(values: OptionValues, command: string): boolean {
  if (values['no-readiness'] !== true) return true;
  if (values.readiness === true) throw new UsageError('--readiness and --no-readiness contradict each other: give one of them (readiness is checked by default).', command);
  return false;
}

/** A diagnostic of a call-readiness rule (`readiness-<rule id>`). */
export function isReadinessDiagnostic(d: TrunkDiagnostic): boolean {
  return d.code.startsWith('readiness-');
}

/** The files with their documents' call-readiness warnings from the file alone (validate: no network). */
export function withFileReadiness(files: readonly CheckedFile[]): CheckedFile[] {
  return files.map((file) => withDiagnostics(file, file.parsed.documents.flatMap((doc) => readinessDiagnostics(doc, file.parsed.lines, fileOnlyRemote(doc)))));
}

/**
 * The files with the call-readiness warnings of their planned documents, read against the
 * remote the plan fetched (and what else a rule needs: a policy's targets, an endpoint's
 * addresses, a group's DIDs). A read that fails leaves those rules silent, never the plan.
 */
export async function withPlanReadiness(files: readonly CheckedFile[], combined: CombinedPlan, clients: SyncClients, signal?: AbortSignal): Promise<CheckedFile[]> {
  const found = new Map<string, TrunkDiagnostic[]>();
  const byPath = new Map(files.map((f) => [f.path.display, f]));
  await mapBounded(combined.documents, PER_RESOURCE_CONCURRENCY, async (planned) => {
    const file = byPath.get(planned.uri);
    if (!file || planned.outcome.status !== 'planned') return;
    const remote = await fetchReadinessRemote(planned.outcome.plan, clients, signal).catch(() => ({ state: planned.outcome.status === 'planned' ? planned.outcome.plan.remote : undefined }));
    found.set(planned.uri, [...(found.get(planned.uri) ?? []), ...readinessDiagnostics(planned.document, file.parsed.lines, remote)]);
  });
  return files.map((file) => withDiagnostics(file, found.get(file.path.display) ?? []));
}

function withDiagnostics(file: CheckedFile, added: readonly TrunkDiagnostic[]): CheckedFile {
  if (added.length === 0) return file;
  return { ...file, diagnostics: [...file.diagnostics, ...added].sort((a, b) => a.range.start.offset - b.range.start.offset) };
}
