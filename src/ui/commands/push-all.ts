import { formatPlanLines, formatRefusalLines } from '../../core/documents/plan/format-plan';
import { applyAll, planAll, summarizePushResults, type CombinedPlan } from '../../core/documents/apply/push-all';
import type { SyncDocument } from '../../core/documents/plan/plan-documents';
import { askPushSecrets, handOverPushSecrets, type PushSecrets } from '../documents/ask-push-secrets';
import { cutPlanPreview } from '../documents/cut-plan-preview';
import { PushWriteBack } from '../documents/push-write-back';
import type { DocumentCommandContext } from '../documents/trunk-file-services';
import { t } from '../l10n';
import type { CommandDefinition } from './command';

/** Plans shown again when remotes keep moving while the user reviews them. */
const MAX_REPLANS = 3;

/**
 * Push All: every trunk file of a folder (or the workspace) in one combined plan, applied
 * after one confirmation, documents in parallel but each document's operations in order,
 * paced by the providers' rate limits; then a summary of what changed and what failed.
 */
export const pushAll: CommandDefinition<DocumentCommandContext> = {
  id: 'trunkline.pushAll',
  requiresTrust: true,
  async run(ctx, folderArg?: unknown) {
    const { files } = ctx;
    const folder = ctx.documents.uriOf(folderArg);
    const uris = await ctx.documents.findTrunkFiles(folder);
    if (uris.length === 0) throw new Error(t('No trunk files (*.trunk.yaml) found in {0}.', folder ? ctx.documents.displayPath(folder) : t('the workspace')));
    const editorDocuments = await Promise.all(uris.map((u) => ctx.documents.open(u)));
    // The plan is made from the files as read now: a file changed otherwise stops its push.
    const writeBack = new PushWriteBack(ctx.documents, editorDocuments);
    const invalid = editorDocuments.filter((d) => files.check(d).some((p) => p.severity === 'error'));
    const documents: SyncDocument[] = editorDocuments.flatMap((d) => files.documentsToPush(d).map((document) => ({ uri: d.uri, document })));

    const combined = await ctx.workbench.withProgress(t('Planning {0} documents…', documents.length), (_report, signal) =>
      // the whole workspace's documents: a journaled create of a file not among them is of a renamed file
      planAll(documents, files.clients, { syncState: files.syncState, signal, claimedSids: files.claimedSids(), ...(folder ? {} : { workspaceDocuments: documents }) }),
    );
    const planned = combined.documents.flatMap((d) => (d.outcome.status === 'planned' ? [d.outcome.plan] : []));
    const refused = combined.documents.flatMap((d) => (d.outcome.status === 'refused' ? [d.outcome.refusal] : []));
    const toChange = planned.filter((p) => p.operations.length > 0);
    const drifted = toChange.filter((p) => p.remoteChanged);
    const preview = [...toChange.flatMap((p) => formatPlanLines(p)), ...refused.flatMap((r) => formatRefusalLines(r))];
    ctx.log.info(`Push All plan:\n${preview.join('\n')}`);
    const summary = t('{0} to create or change ({1} operations), {2} in sync, {3} not planned{4}.', toChange.length, combined.operationCount, planned.length - toChange.length, refused.length, invalid.length > 0 ? t(' ({0} files have problems)', invalid.length) : '');
    if (toChange.length === 0) {
      void ctx.workbench.info(t('Push All: nothing to push. {0}', summary));
      return { counts: undefined };
    }
    let overwrite = false;
    if (drifted.length > 0) {
      const skip = t('Skip Them');
      const overwriteAction = t('Overwrite Them');
      const choice = await ctx.input.ask(t('{0} document(s) changed at the provider since they were last pushed or pulled.', drifted.length), {
        detail: drifted.map((p) => p.title).join('\n'),
        actions: [skip, overwriteAction],
      });
      if (choice === undefined) return { counts: undefined };
      overwrite = choice === overwriteAction;
    }
    const shown = cutPlanPreview(preview);
    const confirmed = await ctx.input.confirm(t('Push All: {0}', summary), { detail: shown.join('\n'), action: t('Push') });
    if (!confirmed) return { counts: undefined };
    // Passwords no file holds (CarrierX endpoints'): asked for now, kept in memory for this push only.
    const applied = (plan: CombinedPlan) => plan.documents.flatMap((d) => (d.outcome.status === 'planned' && (overwrite || !d.outcome.plan.remoteChanged) ? [d.outcome.plan] : []));
    let secrets: PushSecrets = await askPushSecrets(ctx, applied(combined));

    const claimedSids = files.claimedSids();
    const apply = (plan: CombinedPlan, allowOverwrite: boolean) =>
      ctx.workbench.withProgress(t('Pushing {0} documents…', plan.documents.length), (report, signal) => {
        let done = 0;
        return applyAll(plan, files.clients, {
          signal,
          overwrite: allowOverwrite,
          syncState: files.syncState,
          claimedSids,
          precondition: (p) => writeBack.unchanged(p.uri, () => t('{0} changed after the plan was made', ctx.documents.displayPath(p.uri))),
          onCreated: (p, sid) => writeBack.writeSid(p.uri, p.index, sid),
          onDocumentDone: (r) => report(t('{0}/{1}: {2}', ++done, plan.documents.length, r.title)),
          secrets: secrets.values,
        });
      });
    let result = await apply(combined, overwrite);
    // Remotes that moved while the plan was on screen got nothing: plan them again and ask again.
    for (let round = 1; round <= MAX_REPLANS; round++) {
      const outdated = new Set(result.documents.filter((r) => r.apply?.status === 'outdated').map((r) => `${r.uri}#${r.index}`));
      if (outdated.size === 0) break;
      const again = documents.filter((d) => outdated.has(`${d.uri}#${d.document.index}`));
      const replanned = await ctx.workbench.withProgress(t('Planning {0} documents…', again.length), (_report, signal) =>
        planAll(again, files.clients, { syncState: files.syncState, signal, claimedSids }),
      );
      const lines = replanned.documents.flatMap((d) => (d.outcome.status === 'planned' ? formatPlanLines(d.outcome.plan) : formatRefusalLines(d.outcome.refusal)));
      ctx.log.info(`Push All: ${again.length} document(s) changed at the provider after the plan was made; new plan:\n${lines.join('\n')}`);
      const cut = cutPlanPreview(lines);
      const confirmedAgain = await ctx.input.confirm(t('{0} document(s) changed at the provider while you were reviewing the plan; nothing was sent to them. Push their new plan?', again.length), {
        detail: cut.join('\n'),
        action: t('Push'),
      });
      if (!confirmedAgain) break;
      secrets = await askPushSecrets(ctx, applied(replanned), secrets);
      const next = await apply(replanned, overwrite);
      const byKey = new Map(next.documents.map((r) => [`${r.uri}#${r.index}`, r]));
      result = summarizePushResults(result.documents.map((r) => byKey.get(`${r.uri}#${r.index}`) ?? r));
    }
    for (const r of result.documents) if (r.outcome !== 'unchanged') ctx.log.info(`${r.outcome}: ${r.title}: ${r.message}`);
    await handOverPushSecrets(ctx, secrets, result.documents.flatMap((r) => r.apply?.applied ?? []));
    ctx.log.info(result.message);
    for (const r of result.documents) {
      if (r.apply && r.sid && r.outcome !== 'unchanged') ctx.resourceChanges.fire({ account: r.apply.plan.account, kind: r.apply.plan.kind, sid: r.sid });
    }
    for (const d of editorDocuments) void files.refreshStatus(d);
    ctx.explorer.refresh(undefined);
    if (result.counts.failed > 0) {
      const showLog = t('Show log');
      void ctx.workbench.warn(result.message, showLog).then((choice) => choice === showLog && ctx.showLog());
    } else {
      void ctx.workbench.info(result.message);
    }
    return { counts: result.counts };
  },
};
