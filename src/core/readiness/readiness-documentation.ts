import type { AnyReadinessRule } from './readiness-rule';
import { readinessRule } from './readiness-rules';

/** The rule of a readiness diagnostic code (`readiness-<rule id>`), if it is one. */
export function ruleOfCode(code: string | number | undefined): AnyReadinessRule | undefined {
  return typeof code === 'string' && code.startsWith('readiness-') ? readinessRule(code.slice('readiness-'.length)) : undefined;
}

/** A rule's documentation as the hover on its warning shows it: what it checks, what happens, what to change, and the provider's words. */
export function readinessDocumentation(rule: AnyReadinessRule): string {
  return [
    `**Call readiness: ${rule.title}** (\`${rule.id}\`)`,
    '',
    `${rule.consequence} ${rule.remedy}`,
    '',
    `Source: ${rule.source.file}`,
    '',
    `> ${rule.source.quote}`,
  ].join('\n');
}
