import type { YamlPath } from '../documents/file/yaml-node-lookup';
import type { ReadinessFactsByKind, ReadinessKind } from './readiness-facts';

// A call-readiness rule: a configuration the provider accepts but that cannot carry calls.
// Each rule names the provider source that states the consequence, so a warning is never
// Trunkline's guess; README's "Call readiness" section lists them.

/** Where a provider states what a rule says: a file of ../shared/api or ../shared/seeds and a quote from it. */
export interface ReadinessSource {
  /** `twilio_trunking_v1.json` (schema `trunking.v1.trunk`, `auth_type`): the file and where in it. */
  file: string;
  quote: string;
}

/** One place a rule fires: a path below `spec` (the key to change), and what it found there. */
export interface ReadinessHit {
  path: YamlPath;
  /** The sentence's subject when the rule fires per item (`Trunk "trunk-a"`); the document otherwise. */
  subject?: string;
  /** Quick fixes this hit allows (e.g. enable a disabled URL); readiness-diagnostics.ts makes the edits. */
  fixes?: ReadinessFixHint[];
}

export type ReadinessFixHint =
  | { type: 'set-value'; /** The key below `spec` whose value the fix replaces. */ path: YamlPath; value: string; title: string }
  | { type: 'add-keys'; keys: readonly string[]; title: string };

export interface ReadinessRule<K extends ReadinessKind = ReadinessKind> {
  /** Stable: the diagnostic’s code is `readiness-<id>`, and `--strict` pipelines may name it. */
  readonly id: string;
  readonly kind: K;
  /** The short title in hovers and the README. */
  readonly title: string;
  /** What happens to a call, as a sentence. */
  readonly consequence: string;
  /** What to change, as a sentence. */
  readonly remedy: string;
  readonly source: ReadinessSource;
  /** The spec key the user changes: the warning sits on it, or on `spec` when the file has no such key. */
  readonly key: string;
  /** The facts that fire it; an unknown fact (undefined) never fires a rule. */
  check(facts: ReadinessFactsByKind[K]): ReadinessHit[];
}

/** A rule of any kind. */
export type AnyReadinessRule = { [K in ReadinessKind]: ReadinessRule<K> }[ReadinessKind];
