import type { YamlPath } from '../documents/file/yaml-node-lookup';
import { carrierXTrunkGroupFacts, isReadinessKind, twilioByocTrunkFacts, twilioTrunkFacts, type ReadinessFactsByKind, type ReadinessKind, type ReadinessRemote } from './readiness-facts';
import type { AnyReadinessRule, ReadinessFixHint, ReadinessRule } from './readiness-rule';
import { READINESS_RULES } from './readiness-rules';

/** One rule firing at one place of a document. */
export interface ReadinessFinding {
  rule: AnyReadinessRule;
  /** Below `spec`: the key to change. */
  path: YamlPath;
  /** What is wrong, what happens to a call, what to change. */
  message: string;
  fixes: ReadinessFixHint[];
}

const FACTS: { [K in ReadinessKind]: (spec: Readonly<Record<string, unknown>>, remote: ReadinessRemote) => ReadinessFactsByKind[K] } = {
  TwilioTrunk: twilioTrunkFacts,
  TwilioByocTrunk: twilioByocTrunkFacts,
  CarrierXTrunkGroup: carrierXTrunkGroupFacts,
};

/**
 * The readiness findings of one document's spec. `remote` says what the provider has where the
 * file is silent; without it only what the file says (and, for a document without sid, what a
 * new resource has) is checked: nothing here sends a request.
 */
export function checkReadiness(kind: string | undefined, spec: unknown, remote: ReadinessRemote): ReadinessFinding[] {
  if (!isReadinessKind(kind) || !spec || typeof spec !== 'object' || Array.isArray(spec)) return [];
  return checkFacts(kind, FACTS[kind](spec as Record<string, unknown>, remote));
}

/** The rules of a kind on facts gathered elsewhere (e.g. the explorer's loaded resource). */
export function checkFacts<K extends ReadinessKind>(kind: K, facts: ReadinessFactsByKind[K]): ReadinessFinding[] {
  const findings: ReadinessFinding[] = [];
  for (const rule of READINESS_RULES) {
    if (rule.kind !== kind) continue;
    for (const hit of (rule as unknown as ReadinessRule<K>).check(facts)) {
      findings.push({ rule, path: hit.path, message: readinessMessage(rule, hit.subject), fixes: hit.fixes ?? [] });
    }
  }
  return findings;
}

/** `No phone numbers: No call from the PSTN reaches this trunk: … Attach a number (…).` */
export function readinessMessage(rule: AnyReadinessRule, subject?: string): string {
  const title = subject ? `${subject}: ${rule.title.charAt(0).toLowerCase()}${rule.title.slice(1)}` : rule.title;
  return `${title}. ${rule.consequence} ${rule.remedy}`;
}
