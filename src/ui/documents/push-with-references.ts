import { applyAll, planAll, type PushSummary } from '../../core/documents/apply/push-all';
import { formatPlanLines } from '../../core/documents/plan/format-plan';
import type { SyncDocument } from '../../core/documents/plan/plan-documents';
import { t } from '../l10n';
import { cutPlanPreview } from './cut-plan-preview';
import { askPushSecrets, handOverPushSecrets } from './ask-push-secrets';
import { PushWriteBack } from './push-write-back';
import type { DocumentCommandContext } from './trunk-file-services';

/** Every valid document of the workspace's trunk files: where the names references give are resolved. */
export async function workspaceTrunkDocuments(ctx: DocumentCommandContext): Promise<SyncDocument[]> {
  const uris = await ctx.documents.findTrunkFiles();
  const opened = await Promise.all(uris.map((u) => ctx.documents.open(u)));
  return opened.flatMap((d) => ctx.files.parse(d).documents.filter((doc) => doc.valid).map((document) => ({ uri: d.uri, document })));
}

/**
 * Push of one document that names documents not created yet (a trunk naming a new list): one
 * plan that creates those first, shown and confirmed once, then applied in reference order.
 */
export async function pushWithReferenced(ctx: DocumentCommandContext, target: SyncDocument, named: readonly SyncDocument[], workspace: readonly SyncDocument[]): Promise<{ status: string; summary?: PushSummary }> {
  const { files } = ctx;
  const uris = [...new Set([target.uri, ...named.map((d) => d.uri)])];
  const writeBack = new PushWriteBack(ctx.documents, await Promise.all(uris.map((u) => ctx.documents.open(u))));
  const claimedSids = files.claimedSids();
  const combined = await ctx.workbench.withProgress(t('Planning the push…'), (_report, signal) =>
    planAll([...named, target], files.clients, { syncState: files.syncState, signal, claimedSids, workspaceDocuments: workspace }),
  );
  const refused = combined.documents.flatMap((d) => (d.outcome.status === 'refused' ? [d.outcome.refusal] : []));
  if (refused.length > 0) throw new Error(`${refused[0]!.title}: ${refused[0]!.message}`);
  const plans = combined.documents.flatMap((d) => (d.outcome.status === 'planned' ? [d.outcome.plan] : []));
  const drifted = plans.filter((p) => p.remoteChanged && p.operations.length > 0);
  if (drifted.length > 0) throw new Error(t('{0} changed at the provider since it was last pushed or pulled: Diff or Pull it first; nothing was sent.', drifted[0]!.title));
  const lines = plans.flatMap((p) => (p.operations.length > 0 ? formatPlanLines(p) : []));
  ctx.log.info(`Plan for ${ctx.documents.displayPath(target.uri)} and the documents it names:\n${lines.join('\n')}`);
  const title = plans.at(-1)!.title;
  const confirmed = await ctx.input.confirm(t('Push {0} and {1} document(s) it names that are not created yet: {2} change(s)?', title, named.length, combined.operationCount), {
    detail: cutPlanPreview(lines).join('\n'),
    action: t('Push'),
  });
  if (!confirmed) return { status: 'cancelled' };
  const secrets = await askPushSecrets(ctx, plans);
  const summary = await ctx.workbench.withProgress(t('Pushing {0}…', title), (report, signal) =>
    applyAll(combined, files.clients, {
      signal,
      syncState: files.syncState,
      claimedSids,
      secrets: secrets.values,
      precondition: (p) => writeBack.unchanged(p.uri, () => t('{0} changed after the plan was made', ctx.documents.displayPath(p.uri))),
      onCreated: (p, sid) => writeBack.writeSid(p.uri, p.index, sid),
      onProgress: (p) => p.stage === 'started' && report(`${p.plan.title}: ${p.operation.description}`),
    }),
  );
  await handOverPushSecrets(ctx, secrets, summary.documents.flatMap((r) => r.apply?.applied ?? []));
  for (const r of summary.documents) {
    ctx.log.info(`${r.outcome}: ${r.title}: ${r.message}`);
    if (r.apply && r.sid && r.outcome !== 'unchanged') ctx.resourceChanges.fire({ account: r.apply.plan.account, kind: r.apply.plan.kind, sid: r.sid });
  }
  for (const uri of uris) void files.refreshStatus(await ctx.documents.open(uri));
  ctx.explorer.refresh(undefined);
  if (summary.counts.failed + summary.counts.skipped > 0) {
    const failed = summary.documents.find((r) => r.outcome === 'failed' || r.outcome === 'skipped')!;
    throw new Error(`${summary.message} ${failed.title}: ${failed.message}`);
  }
  void ctx.workbench.info(summary.message);
  return { status: 'applied', summary };
}
