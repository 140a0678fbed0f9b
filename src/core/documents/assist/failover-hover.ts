import type { TrunkDocument } from '../file/parse-trunk-file';
import type { TrunkKind } from '../file/trunk-kinds';
import { locatePath, nodeSpan } from '../file/yaml-node-lookup';
import { documentKind } from '../kinds/document-kinds';
import { failoverGroups, formatFailover } from '../plan/failover-order';

/** Backslash-escapes what Markdown would read as formatting in a name. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|~<>]/g, (c) => `\\${c}`);
}

/**
 * Hovering the list a kind fails over along (a trunk's `origination_urls`, a policy's `targets`): the order the provider
 * applies, priority groups lowest first, each entry's share of its group by weight, disabled
 * ones struck out — `1st: pbx-a 67%, pbx-b 33% · then: dr-site 100%`. Offsets are the file's.
 */
export function failoverHover(doc: TrunkDocument, offset: number): { markdown: string; range: [number, number] } | undefined {
  if (!doc.valid || !doc.kind || !doc.spec) return undefined;
  const plan = documentKind<TrunkKind>(doc.kind).plan;
  if (!plan.failoverKey || !plan.failoverUrls) return undefined;
  const urls = plan.failoverUrls(doc.spec);
  if (!urls) return undefined;
  const located = locatePath(doc.yaml.contents, ['spec', plan.failoverKey]);
  const key = located.pair ? nodeSpan(located.pair.key) : undefined;
  if (!key) return undefined;
  const end = nodeSpan(located.node)?.[1] ?? key[1];
  if (offset < key[0] || offset > end) return undefined;
  const list = plan.failoverKey === 'targets' ? 'targets' : 'origination URLs';
  const order = formatFailover(failoverGroups(urls), { name: escapeMarkdown, disabled: (name) => `~~${name}~~` }, list);
  return { markdown: `**Failover order** (lowest priority first, share of calls by weight)\n\n${order}`, range: key };
}
