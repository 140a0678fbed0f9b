import { applyPlan } from '../../core/documents/apply/apply-plan';
import { formatPlanLines } from '../../core/documents/plan/format-plan';
import { planDocument } from '../../core/documents/plan/plan-documents';
import { ResourceClaims } from '../../core/documents/apply/resource-claims';
import { askPushSecrets, handOverPushSecrets, type PushSecrets } from '../documents/ask-push-secrets';
import { cutPlanPreview } from '../documents/cut-plan-preview';
import { PushWriteBack } from '../documents/push-write-back';
import { resolveTrunkDocument } from '../documents/trunk-document-target';
import type { DocumentCommandContext } from '../documents/trunk-file-services';
import { t } from '../l10n';
import type { CommandDefinition } from './command';
import { diffDocument } from './diff-document';
import { newDocumentsNamedBy } from '../../core/documents/references/spec-references';
import { pushWithReferenced, workspaceTrunkDocuments } from '../documents/push-with-references';

/** Plans shown again when the remote keeps moving while the user reviews them. */
const MAX_REPLANS = 3;

/**
 * Push: plan first, show it, apply it only when confirmed. Never pushes an invalid document;
 * stops on remote changes made since the last sync unless the user chooses to overwrite;
 * stops if the file changes while applying; writes the sid of a created resource back.
 */
export const pushDocument: CommandDefinition<DocumentCommandContext> = {
  id: 'trunkline.push',
  requiresTrust: true,
  async run(ctx, uriArg?: unknown, indexArg?: unknown) {
    const { files } = ctx;
    const { editorDocument, document } = await resolveTrunkDocument(ctx, uriArg, indexArg);
    // The plan is made from the text as read now: any other change to the file stops the push.
    const writeBack = new PushWriteBack(ctx.documents, [editorDocument]);
    const problems = files
      .check(editorDocument)
      .filter((d) => d.severity === 'error' && d.range.start.offset >= document.range.start.offset && d.range.start.offset <= document.range.end.offset);
    if (problems.length > 0) {
      throw new Error(t('This document has {0} problem(s), e.g. line {1}: {2} Fix them first; nothing was sent.', problems.length, problems[0]!.range.start.line + 1, problems[0]!.message));
    }
    const uri = editorDocument.uri;
    const claimedSids = files.claimedSids();
    // Names in references resolve among the workspace's documents too; those not created yet are pushed with it.
    const workspace = await workspaceTrunkDocuments(ctx);
    const named = newDocumentsNamedBy({ uri, document }, workspace);
    if (named.length > 0) return pushWithReferenced(ctx, { uri, document }, named, workspace);
    // The remote is read again before the first write: when it moved while the plan was on
    // screen, nothing is sent; the new plan is shown and confirmed again.
    let notice = '';
    let secrets: PushSecrets | undefined;
    for (let round = 1; ; round++) {
      const outcome = await ctx.workbench.withProgress(t('Planning the push…'), (_report, signal) =>
        planDocument(uri, document, files.clients, { syncState: files.syncState, signal, claimedSids, workspaceDocuments: workspace }),
      );
      if (outcome.status === 'refused') throw new Error(outcome.refusal.message);
      const plan = outcome.plan;
      if (plan.operations.length === 0) {
        void files.refreshStatus(editorDocument);
        void ctx.workbench.info(t('{0} is in sync: nothing to push.', plan.title));
        return { status: 'in-sync' };
      }

      let overwrite = false;
      if (plan.remoteChanged) {
        const fields = plan.remoteChanged.fields.length > 0 ? ` (${plan.remoteChanged.fields.join(', ')})` : '';
        const diff = t('Diff');
        const overwriteAction = t('Overwrite');
        const choice = await ctx.input.ask(`${notice}${t('{0} changed at the provider since it was last pushed or pulled{1}.', plan.title, fields)}`, {
          detail: t('Diff shows the remote state next to the file. Overwrite pushes the file over the remote changes.'),
          actions: [diff, overwriteAction],
        });
        if (choice === diff) {
          await diffDocument.run(ctx, uri, document.index);
          return { status: 'remote-changed' };
        }
        if (choice !== overwriteAction) return { status: 'cancelled' };
        overwrite = true;
      }

      const lines = formatPlanLines(plan);
      ctx.log.info(`Plan for ${ctx.documents.displayPath(uri)}:\n${lines.join('\n')}`);
      const shown = cutPlanPreview(lines);
      const confirmed = await ctx.input.confirm(`${notice}${t('Push {0}: {1} change(s)?', plan.title, plan.operations.length)}`, {
        detail: shown.slice(1).join('\n'),
        action: t('Push'),
      });
      if (!confirmed) return { status: 'cancelled' };
      // Passwords no file holds (a CarrierX endpoint's): asked for now, kept in memory for this push only.
      secrets = await askPushSecrets(ctx, [plan], secrets);
      const given = secrets;

      const result = await ctx.workbench.withProgress(t('Pushing {0}…', plan.title), (report, signal) =>
        applyPlan(plan, files.clients, {
          signal,
          overwrite,
          secrets: given.values,
          syncState: files.syncState,
          claims: new ResourceClaims(claimedSids),
          precondition: () => writeBack.unchanged(uri, () => t('the file changed after the plan was made')),
          onProgress: (p) => p.stage === 'started' && report(`${p.index + 1}/${p.total} ${p.operation.description}`),
          onCreated: (sid) => writeBack.writeSid(uri, document.index, sid),
        }),
      );
      ctx.log.info(`Push of ${plan.title}: ${result.message}`);
      await handOverPushSecrets(ctx, given, result.applied);
      if (result.status === 'outdated' && round < MAX_REPLANS) {
        notice = t('{0} changed at the provider while you were reviewing the plan; nothing was sent. Here is the new plan. ', plan.title);
        continue;
      }
      const sid = result.sid ?? plan.sid;
      if (sid) ctx.resourceChanges.fire({ account: plan.account, kind: plan.kind, sid });
      void files.refreshStatus(editorDocument);
      ctx.explorer.refresh(undefined);
      switch (result.status) {
        case 'applied':
          void ctx.workbench.info(`${plan.title}: ${result.message}`);
          break;
        case 'failed':
          throw new Error(`${plan.title}: ${result.message}`);
        default:
          void ctx.workbench.warn(`${plan.title}: ${result.message}`);
      }
      return { status: result.status, sid: result.sid };
    }
  },
};
