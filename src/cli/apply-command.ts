import { plural } from '../core/documents/plan/message-text';
import type { SyncDocument } from '../core/documents/plan/plan-documents';
import type { ApplyAllOptions, CombinedPlan, DocumentPushResult, PushSummary } from '../core/documents/apply/push-all';
import { applyAll, planAll, summarizePushResults } from '../core/documents/apply/push-all';
import { secretRequestsOf } from '../core/documents/apply/secret-requests';
import { holdApplyLock } from './apply-lock';
import type { CheckedFile } from './check-trunk-files';
import type { CliCommand, CommandContext } from './cli-command';
import { CliError } from './cli-error';
import { secretsFromEnv } from './env-secrets';
import { confirm } from './confirm-prompt';
import { ExitCode } from './exit-codes';
import { FileWriteBack } from './file-write-back';
import { COMMON_HELP } from './help-text';
import { fileExistsIn, planFiles } from './plan-files';
import { planJson, planText, summarizePlan, type PlanJson } from './plan-output';
import { ProgressLine } from './progress-line';

export const applyCommand: CliCommand = {
  name: 'apply',
  summary: 'plan, confirm, then apply the changes and write new sids into the files',
  help: `Usage: trunkline apply [FILE|DIR|GLOB…] [--yes] [--overwrite] [--format text|json]

Plans as "trunkline plan" does, prints the plan, asks for confirmation, then applies it: each
document's operations in order, documents in parallel, paced by the providers' rate limits.
A create whose answer is lost is looked up before any retry (never a duplicate). The sid of
each created trunk is written into its document in place, keeping comments and formatting.
Apply stops a document when its file changed on disk after the plan was made.

Documents whose resource changed at the provider since their last push or pull (see the sync
state) are skipped unless --overwrite is given.

Documents are applied in reference order: a TwilioIpAccessControlList or TwilioCredentialList
that a trunk names is created before the trunk links it.

Passwords never go in files. A TwilioCredentialList username that apply creates takes its
password from the environment variable TRUNKLINE_SIP_PASSWORD_<LIST>_<USERNAME>: the list's
friendly_name and the username in upper case, each run of other characters than letters and
digits as one _ (list "PBX users", username pbx-a: TRUNKLINE_SIP_PASSWORD_PBX_USERS_PBX_A). The
plan names each variable it needs; when one is missing or breaks Twilio's rules (at least 12
characters, a digit, lower and upper case), apply refuses before any change (exit 2, error
code missing-secret). The value is redacted from every output.

Before the first change to a resource, its remote is read again: if it changed after the plan
was made (while you read it), nothing is sent to it; apply shows the new plan for those
documents and asks again. With --yes it refuses them instead (exit 1), unless --overwrite is
also given.

Passwords a push needs are never in a file (a CarrierX endpoint's out_sip_password and its
addresses' sip_password, when a username is new or changes): apply reads each from the
environment variable TRUNKLINE_ENDPOINT_SIP_PASSWORD_<ENDPOINT>_<USERNAME> (names in upper
case, other characters as _) and refuses before any change, naming the variable, when one is
not set. The plan says which variables it needs.

Arguments: files, directories or quoted globs; default: the current directory. Directory scans
follow symbolic links, with a warning when one leads out of the directory; loops, broken links
and second paths to a file are skipped with a note. A file is planned once, by any path.

Options:
  -y, --yes              apply without asking (required when stdin is not a terminal)
  --overwrite            also apply documents whose remote changed since the last push or pull
  --account NAME         without a config file: the one account files may name
  --lock-timeout SECONDS how long to wait for another apply on the same sync state to finish
                         (default 60; 0 refuses at once). One apply at a time holds the lock
                         file beside the sync state (.trunkline/sync-state.json.lock); a lock
                         left by a process that is no longer running is taken over, with a note.

Exit codes: 0 everything applied (or nothing to apply), 1 something was not applied (failed,
skipped, not planned, or confirmation declined), 2 usage, config, credentials or network error
(nothing applied), 130 interrupted.

${COMMON_HELP}
`,
  options: { yes: { type: 'boolean', short: 'y' }, overwrite: { type: 'boolean' }, account: { type: 'string' }, 'lock-timeout': { type: 'string' } },
  async run(context) {
    const { io, line, runtime, signal } = context;
    await holdApplyLock(context);
    const json = line.global.format === 'json';
    const overwrite = line.values.overwrite === true;
    const { files, combined, clients, syncState } = await planFiles(context, 'apply');
    const plan = planJson(files, combined);
    if (!json) io.stdout.write(planText(files, combined));

    const unavailable = combined.documents.filter((d) => d.outcome.status === 'refused' && d.outcome.refusal.reason === 'unavailable');
    if (unavailable.length > 0) {
      throw new CliError(`Nothing applied: ${plural(unavailable.length, 'document')} could not be read from the provider (see the plan). Fix the access, then run apply again.`, ExitCode.setup, 'provider');
    }

    // Passwords no file holds come from the environment: a missing one refuses before anything is sent (or confirmed).
    const applied = (c: CombinedPlan) => c.documents.flatMap((d) => (d.outcome.status === 'planned' && (overwrite || !d.outcome.plan.remoteChanged) ? [d.outcome.plan] : []));
    const addSecret = (value: string) => runtime.redactor.add(value);
    const secrets = secretsFromEnv(secretRequestsOf(applied(combined)), io.env, addSecret);

    const summary = summarizePlan(combined);
    const toApply = summary.toChange - (overwrite ? 0 : summary.remoteChanged);
    if (toApply > 0 && line.values.yes !== true) {
      if (!io.isTTY.stdin) {
        throw new CliError('Not applying without confirmation: stdin is not a terminal. Review the plan, then run "trunkline apply --yes".', ExitCode.setup, 'not-confirmed');
      }
      const operations = combined.documents.reduce((n, d) => n + (d.outcome.status === 'planned' && (overwrite || !d.outcome.plan.remoteChanged) ? d.outcome.plan.operations.length : 0), 0);
      const confirmed = await confirm(io, `Apply ${plural(operations, 'operation')} to ${plural(toApply, 'document')}? Type "yes" to continue: `, signal);
      if (signal.aborted) throw new CliError('Interrupted: nothing was applied.', ExitCode.interrupted, 'interrupted');
      if (!confirmed) {
        runtime.note('Apply cancelled: nothing was changed.');
        if (json) io.stdout.write(`${JSON.stringify(applyJson(plan, undefined, false), null, 2)}\n`);
        return ExitCode.problems;
      }
    }

    const writeBack = new FileWriteBack(files);
    const progress = new ProgressLine(io, line.global.quiet);
    let done = 0;
    const options: ApplyAllOptions = {
      signal,
      overwrite,
      syncState,
      secrets,
      precondition: (p) => writeBack.unchanged(p.uri),
      onCreated: (p, sid) => writeBack.writeSid(p.uri, p.index, sid),
      onProgress: (p) => p.stage === 'started' && progress.update(`Applying ${p.plan.title}: ${p.operation.description} (${p.index + 1}/${p.total})`),
      onDocumentDone: (r) => r.outcome !== 'unchanged' && progress.update(`${++done} of ${summary.toChange} documents done: ${r.title} ${r.outcome}`),
    };
    const replans: PlanJson[] = [];
    let result: PushSummary;
    try {
      result = await applyAll(combined, clients, options);
      // Remotes that moved while the plan was on screen: plan them again and ask again.
      for (let round = 1; round <= MAX_REPLANS && !signal.aborted; round++) {
        const outdated = outdatedDocuments(combined, result);
        if (outdated.length === 0) break;
        progress.clear();
        if (!json) io.stdout.write(`\n${plural(outdated.length, 'document')} changed at the provider after the plan was made; nothing was sent to ${outdated.length === 1 ? 'it' : 'them'}.\n`);
        if (line.values.yes === true && !overwrite) {
          runtime.note('Not applied to the documents that changed after the plan: run apply again to review their new plan, or add --overwrite to apply it without asking.');
          break;
        }
        const replanned = await planAll(outdated, clients, { syncState, signal, fileExists: fileExistsIn(io.cwd) });
        options.secrets = new Map([...secrets, ...secretsFromEnv(secretRequestsOf(applied(replanned)), io.env, addSecret)]);
        if (!json) io.stdout.write(planText(files, replanned));
        replans.push(planJson(files, replanned));
        if (line.values.yes !== true) {
          const operations = replanned.documents.reduce((n, d) => n + (d.outcome.status === 'planned' ? d.outcome.plan.operations.length : 0), 0);
          progress.clear();
          const confirmed = await confirm(io, `Apply the new plan: ${plural(operations, 'operation')} to ${plural(outdated.length, 'document')}? Type "yes" to continue: `, signal);
          if (!confirmed) break;
        }
        const again = await applyAll(replanned, clients, options);
        result = replaceResults(result, again);
      }
    } finally {
      progress.clear();
      // What was applied is remembered even when the run failed part-way.
      syncState?.save();
    }

    if (json) {
      io.stdout.write(`${JSON.stringify(applyJson(plan, result, true, writeBack.written, signal.aborted, replans), null, 2)}\n`);
    } else {
      const lines = result.documents.filter((r) => r.outcome !== 'unchanged').map((r) => resultLine(r, files, writeBack.written));
      io.stdout.write(`${[...lines, applySummaryLine(result)].join('\n')}\n`);
    }
    if (signal.aborted) return ExitCode.interrupted;
    return result.counts.failed + result.counts.skipped > 0 ? ExitCode.problems : ExitCode.ok;
  },
};

/** How many times apply plans again documents whose remote moved while their plan was on screen. */
const MAX_REPLANS = 3;

/** The documents apply skipped because their remote changed after the plan was made. */
function outdatedDocuments(combined: CombinedPlan, result: PushSummary): SyncDocument[] {
  const keys = new Set(result.documents.filter((r) => r.apply?.status === 'outdated').map((r) => `${r.uri}#${r.index}`));
  return combined.documents.filter((d) => keys.has(`${d.uri}#${d.document.index}`)).map(({ uri, document }) => ({ uri, document }));
}

/** The first run's results, with those of the documents applied again replaced by their new ones. */
function replaceResults(first: PushSummary, again: PushSummary): PushSummary {
  const byKey = new Map(again.documents.map((r) => [`${r.uri}#${r.index}`, r]));
  return summarizePushResults(first.documents.map((r) => byKey.get(`${r.uri}#${r.index}`) ?? r));
}

function resultLine(r: DocumentPushResult, files: readonly CheckedFile[], written: FileWriteBack['written']): string {
  const doc = files.find((f) => f.path.display === r.uri)?.parsed.documents.find((d) => d.index === r.index);
  const where = `${r.uri}:${(doc?.range.start.line ?? 0) + 1}`;
  const sid = written.find((w) => w.file === r.uri && w.index === r.index);
  const note = sid ? ` Wrote sid ${sid.sid} into the file.` : '';
  return `${r.outcome.padEnd(9)} ${where}  ${r.title}: ${r.message}${note}`;
}

function applySummaryLine(result: PushSummary): string {
  const order = ['created', 'updated', 'unchanged', 'skipped', 'failed'] as const;
  const parts = order.filter((k) => result.counts[k] > 0).map((k) => `${result.counts[k]} ${k}`);
  return `Apply: ${parts.length > 0 ? parts.join(', ') : 'no documents'}.`;
}

// ---- JSON (`--format json`): version 1, fields only ever added ----

export interface ApplyJson {
  version: 1;
  plan: PlanJson;
  /** False when the confirmation was declined: nothing was sent. */
  confirmed: boolean;
  results: {
    file: string;
    index: number;
    title: string;
    outcome: DocumentPushResult['outcome'];
    message: string;
    sid: string | null;
    /** The sid was written into the document by this run. */
    sidWritten: boolean;
    applied: string[];
    notApplied: string[];
  }[];
  counts: PushSummary['counts'] | null;
  /** Ctrl-C stopped the run between requests: `results` says what was done. */
  interrupted: boolean;
  /**
   * Plans made again, in order, for documents whose remote changed after `plan` was made (nothing
   * of the older plan was sent to them); each was confirmed again before it was applied.
   */
  replans: PlanJson[];
}

function applyJson(plan: PlanJson, result: PushSummary | undefined, confirmed: boolean, written: FileWriteBack['written'] = [], interrupted = false, replans: PlanJson[] = []): ApplyJson {
  return {
    version: 1,
    plan,
    confirmed,
    results: (result?.documents ?? []).map((r) => ({
      file: r.uri,
      index: r.index,
      title: r.title,
      outcome: r.outcome,
      message: r.message,
      sid: r.sid ?? null,
      sidWritten: written.some((w) => w.file === r.uri && w.index === r.index),
      applied: r.apply?.applied.map((op) => op.description) ?? [],
      notApplied: r.apply?.notApplied.map((op) => op.description) ?? [],
    })),
    counts: result?.counts ?? null,
    interrupted,
    replans,
  };
}
