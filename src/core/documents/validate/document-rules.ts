import { isMap, isSeq, type Node } from 'yaml';
import type { AccountProvider } from '../../accounts/account';
import { closestMatch } from './closest-match';
import type { LineIndex } from '../file/line-index';
import type { QuickFix, TrunkDiagnostic } from './trunk-diagnostic';
import type { TrunkKind } from '../file/trunk-kinds';
import { documentKind } from '../kinds/document-kinds';
import { removeSeqItemEdit, sameQuoting } from '../edit/yaml-edits';
import { locatePath, nodeSpan } from '../file/yaml-node-lookup';

// Rules a JSON Schema cannot say: uniqueness inside a document (what the planner matches
// on must be unambiguous; each kind's `rules` say which lists) and the account being one the
// caller knows, of the kind's provider.

export interface DocumentRulesInput {
  kind: TrunkKind | undefined;
  value: unknown;
  /** The document's contents node; asked for only when there is something to report. */
  contents: () => unknown;
  lines: LineIndex;
  /** Names of the connected accounts; undefined skips the account rule. */
  knownAccounts?: readonly string[];
  /** The provider of each account; undefined skips the provider rule. */
  accountProviders?: ReadonlyMap<string, AccountProvider>;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

export function documentRuleDiagnostics(input: DocumentRulesInput): TrunkDiagnostic[] {
  const { lines } = input;
  const diagnostics: TrunkDiagnostic[] = [];
  const root = asRecord(input.value);
  if (!root) return diagnostics;
  // Read from the value; the yaml nodes (read lazily for a document yaml has not parsed) only place what is found.
  let contentsNode: unknown;
  let contentsRead = false;
  const contents = (): unknown => {
    if (!contentsRead) {
      contentsNode = input.contents();
      contentsRead = true;
    }
    return contentsNode;
  };
  const push = (severity: TrunkDiagnostic['severity'], code: TrunkDiagnostic['code'], message: string, span: [number, number], extra: Partial<TrunkDiagnostic> = {}): void => {
    diagnostics.push({ severity, code, message, range: lines.range(span[0], span[1]), source: 'trunkline', ...extra });
  };

  /** Flags every item of the list at `listPath` whose identity was already seen earlier. */
  const duplicates = (listPath: (string | number)[], identity: (item: unknown) => string | undefined, describe: (id: string) => string, code: TrunkDiagnostic['code'], itemField?: string): void => {
    let list: unknown = root;
    for (const segment of listPath) list = Array.isArray(list) ? list[segment as number] : asRecord(list)?.[segment as string];
    if (!Array.isArray(list)) return;
    const first = new Map<string, number>();
    list.forEach((item, index) => {
      const id = identity(item);
      if (id === undefined) return;
      const earlier = first.get(id);
      if (earlier === undefined) {
        first.set(id, index);
        return;
      }
      const target = locatePath(contents(), itemField ? [...listPath, index, itemField] : [...listPath, index]);
      const span = nodeSpan(target.node) ?? nodeSpan(target.nearestPair?.key);
      if (!span) return;
      const earlierSpan = nodeSpan(locatePath(contents(), itemField ? [...listPath, earlier, itemField] : [...listPath, earlier]).node);
      const seqNode = locatePath(contents(), listPath).node;
      const remove = isSeq(seqNode) ? removeSeqItemEdit(lines, seqNode, index) : undefined;
      push('error', code, describe(id), span, {
        ...(remove ? { fixes: [{ title: 'Remove this duplicate', edits: [remove] }] } : {}),
        ...(earlierSpan ? { related: [{ range: lines.range(earlierSpan[0], earlierSpan[1]), message: 'First listed here' }] } : {}),
      });
    });
  };

  const spec = asRecord(root.spec);
  for (const rule of spec && input.kind ? documentKind(input.kind).rules : []) {
    if (rule.type === 'unique-items') {
      duplicates(['spec', rule.list], rule.identity, rule.describe, rule.code, rule.itemField);
      continue;
    }
    const list = spec?.[rule.list];
    if (!Array.isArray(list)) continue;
    list.forEach((item, index) => {
      const record = asRecord(item);
      if (!record || rule.keys.some((key) => record[key] !== undefined)) return;
      const node = locatePath(contents(), ['spec', rule.list, index]).node as Node | undefined;
      const span = nodeSpan(node);
      if (!span) return;
      const end = isMap(node) && !node.flow ? Math.min(span[1], lines.lineEnd(lines.positionAt(span[0]).line)) : span[1];
      push('error', rule.code, rule.message, [span[0], Math.max(end, span[0] + 1)]);
    });
  }

  if (input.knownAccounts && typeof root.account === 'string') {
    const account = root.account;
    if (!input.knownAccounts.includes(account)) {
      const valueNode = locatePath(contents(), ['account']).node;
      const span = nodeSpan(valueNode);
      if (span) {
        const suggestion = closestMatch(account, input.knownAccounts);
        const source = lines.text.slice(span[0], span[1]);
        const fixes: QuickFix[] = suggestion ? [{ title: `Change to ${suggestion}`, edits: [{ start: span[0], end: span[1], newText: sameQuoting(source, suggestion) }], isPreferred: true }] : [];
        const known = input.knownAccounts.length > 0 ? `Connected accounts: ${input.knownAccounts.join(', ')}.` : 'No account is connected yet: add one first.';
        push('warning', 'unknown-account', `No connected account is named ${account}.${suggestion ? ` Did you mean ${suggestion}?` : ''} ${known}`, span, fixes.length > 0 ? { fixes } : {});
      }
    }
  }
  const provider = typeof root.account === 'string' ? input.accountProviders?.get(root.account) : undefined;
  const wanted = input.kind ? documentKind(input.kind).provider : undefined;
  if (input.kind && wanted && provider && provider !== 'sandbox' && provider !== wanted) {
    const span = nodeSpan(locatePath(contents(), ['account']).node);
    if (span) {
      const fitting = [...(input.accountProviders ?? [])].filter(([, p]) => p === wanted || p === 'sandbox').map(([name]) => name);
      const others = fitting.length > 0 ? ` ${PROVIDER_LABELS[wanted]} accounts: ${fitting.join(', ')}.` : ` No ${PROVIDER_LABELS[wanted]} account is configured.`;
      push('error', 'account-provider-mismatch', `${root.account} is a ${PROVIDER_LABELS[provider]} account; a ${input.kind} document needs a ${PROVIDER_LABELS[wanted]} account.${others}`, span);
    }
  }
  return diagnostics;
}

const PROVIDER_LABELS: Readonly<Record<AccountProvider, string>> = { twilio: 'Twilio', carrierx: 'CarrierX', sandbox: 'Sandbox' };
