import { failoverGroups, formatFailover } from '../../core/documents/plan/failover-order';
import type { FailoverUrlFields } from '../../core/documents/kinds/document-kind-descriptor';
import { t } from '../l10n';
import { escapeMarkdown } from './markdown-fields';
import type { TreeItemData } from './tree-item-data';

/** The row's icon when the resource cannot carry calls as configured. */
export const NOT_READY_ICON = { id: 'warning', color: 'list.warningForeground' } as const;

/** `Failover: 1st: pbx-a 67%, pbx-b 33% · then: dr-site 100%`, disabled ones struck out. */
export function failoverLine(urls: readonly FailoverUrlFields[], list: 'origination URLs' | 'targets' = 'origination URLs'): string {
  return `${t('Failover')}: ${formatFailover(failoverGroups(urls), { name: escapeMarkdown, disabled: (name) => `~~${name}~~` }, list)}`;
}

/** A tooltip with extra lines below its fields: what the row knows beyond the record, then a ⚠ line per readiness finding. */
export function withReadinessLines(tooltip: string | undefined, findings: readonly { message: string }[], extra: readonly string[] = []): string {
  const lines = [...extra, ...findings.map((f) => `⚠ ${escapeMarkdown(t('Not call-ready: {0}', f.message))}`)];
  return lines.length > 0 ? `${tooltip ?? ''}\n\n${lines.join('  \n')}` : (tooltip ?? '');
}

/** The row with its readiness: a warning icon when a finding says it cannot carry calls. */
export function withReadiness(item: TreeItemData, findings: readonly { message: string }[], tooltip: string): TreeItemData {
  return { ...item, tooltip, ...(findings.length > 0 ? { icon: NOT_READY_ICON } : {}) };
}
