import type { ErrorObject } from 'ajv';
import { looksLikePassword, passwordInFileMessage } from './password-keys';
import { isCollection, isMap, isScalar, type Pair } from 'yaml';
import { closestMatch } from './closest-match';
import { describeE164Problem, E164_PATTERN } from './e164';
import type { LineIndex } from '../file/line-index';
import { readOnlyFieldMessage } from './read-only-fields';
import type { DiagnosticCode, QuickFix, TrunkDiagnostic } from './trunk-diagnostic';
import { TRUNK_KINDS } from '../file/trunk-kinds';
import type { JsonSchema } from '../file/trunk-schemas';
import { removePairEdit, sameQuoting } from '../edit/yaml-edits';
import { locatePath, nodeSpan, type LocatedNode } from '../file/yaml-node-lookup';

// Turns ajv's errors into one clear diagnostic per problem, at the key or value it concerns.
// The combined schema dispatches on `kind` with if/then, so the same problem can come back
// more than once and with "must match then" noise; both are removed here.

export interface SchemaDiagnosticsInput {
  errors: readonly ErrorObject[];
  /** The document's parsed value (what ajv saw). */
  value: unknown;
  /** The document's contents node. */
  contents: unknown;
  lines: LineIndex;
}

type Path = (string | number)[];

const VALUE_KEYWORD_RANK: Record<string, number> = {
  type: 0,
  const: 1,
  enum: 1,
  pattern: 2,
  format: 3,
  maxLength: 4,
  minLength: 4,
  minimum: 4,
  maximum: 4,
};

const TYPE_NAMES: Record<string, string> = {
  object: 'a mapping (key: value pairs)',
  array: 'a list',
  string: 'a string',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  null: 'null',
};

function decodePath(instancePath: string, value: unknown): Path {
  if (!instancePath) return [];
  const path: Path = [];
  let current = value;
  for (const raw of instancePath.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current)) {
      const index = Number(segment);
      path.push(index);
      current = current[index];
    } else {
      path.push(segment);
      current = current && typeof current === 'object' ? (current as Record<string, unknown>)[segment] : undefined;
    }
  }
  return path;
}

function fieldName(path: Path): string {
  const last = path[path.length - 1];
  if (last === undefined) return 'The document';
  if (typeof last === 'number') return `${fieldName(path.slice(0, -1))}[${last}]`;
  return last;
}

/** A message quotes at most this much of a value: a pasted paragraph must not become the message. */
const MAX_QUOTED = 80;

function describeValue(data: unknown): string {
  if (typeof data === 'string') return JSON.stringify(data.length > MAX_QUOTED ? `${data.slice(0, MAX_QUOTED - 1)}…` : data);
  if (data === null) return 'null';
  if (Array.isArray(data)) return 'a list';
  if (typeof data === 'object') return 'a mapping';
  return String(data);
}

function listValues(values: readonly unknown[]): string {
  const names = values.filter((v) => v !== null).map(String);
  return values.includes(null) ? `${names.join(', ')}, or null` : names.join(', ');
}

export function schemaDiagnostics(input: SchemaDiagnosticsInput): TrunkDiagnostic[] {
  const { lines, contents, value } = input;
  const seen = new Set<string>();
  const valueErrors = new Map<string, ErrorObject>();
  const structural: ErrorObject[] = [];
  for (const error of input.errors) {
    if (error.keyword === 'if' || error.keyword === 'allOf') continue;
    const identity = `${error.instancePath}|${error.keyword}|${JSON.stringify(error.params)}`;
    if (seen.has(identity)) continue;
    seen.add(identity);
    const rank = VALUE_KEYWORD_RANK[error.keyword];
    if (rank === undefined) {
      structural.push(error);
      continue;
    }
    const current = valueErrors.get(error.instancePath);
    if (!current || rank < (VALUE_KEYWORD_RANK[current.keyword] ?? 9)) valueErrors.set(error.instancePath, error);
  }

  const diagnostics: TrunkDiagnostic[] = [];
  const documentStart = nodeSpan(contents)?.[0] ?? 0;
  const firstLine: [number, number] = [documentStart, lines.lineEnd(lines.positionAt(documentStart).line)];

  const make = (code: DiagnosticCode, message: string, span: [number, number], fixes?: QuickFix[]): TrunkDiagnostic => ({
    severity: 'error',
    message,
    code,
    range: lines.range(span[0], span[1]),
    source: 'trunkline',
    ...(fixes && fixes.length > 0 ? { fixes } : {}),
  });

  /** The value's own range; for block collections and empty values, their key (or first line). */
  const valueSpan = (located: LocatedNode): [number, number] => {
    const span = nodeSpan(located.node);
    const blockCollection = isCollection(located.node) && !located.node.flow;
    if (span && span[1] > span[0] && !blockCollection) return span;
    const ownKey = nodeSpan(located.pair?.key);
    if (ownKey) return ownKey;
    // A block mapping in a list has no key of its own: its first line stands for it.
    if (span && span[1] > span[0]) return [span[0], Math.min(span[1], lines.lineEnd(lines.positionAt(span[0]).line))];
    return nodeSpan(located.nearestPair?.key) ?? firstLine;
  };

  /** The key whose value is the object at `path` (for "missing property"). */
  const ownerSpan = (path: Path): [number, number] => {
    if (path.length === 0) return firstLine;
    return valueSpan(locatePath(contents, path));
  };

  // Each mapping's keys and pairs, gathered once: looking them up afresh for every unknown key
  // made a mapping of n unknown keys cost n² (2,000 keys took over half a second).
  const mappings = new Map<unknown, { keys: Set<string>; pairs: Map<string, Pair> }>();
  const mappingOf = (parent: unknown) => {
    let mapping = mappings.get(parent);
    if (!mapping) {
      mapping = { keys: new Set(), pairs: new Map() };
      for (const pair of isMap(parent) ? parent.items : []) {
        mapping.keys.add(isScalar(pair.key) ? String(pair.key.value) : '');
        // The last of duplicate keys, as locatePath finds it.
        if (isScalar(pair.key) && pair.key.value !== null) mapping.pairs.set(String(pair.key.value), pair);
      }
      mappings.set(parent, mapping);
    }
    return mapping;
  };

  const reportedMissing = new Set<string>();
  for (const error of structural) {
    const path = decodePath(error.instancePath, value);
    const schema = error.parentSchema as JsonSchema | undefined;
    if (error.keyword === 'additionalProperties') {
      const key = String((error.params as { additionalProperty: string }).additionalProperty);
      const parent = locatePath(contents, path).node;
      const pair = mappingOf(parent).pairs.get(key);
      const keySpan = nodeSpan(pair?.key);
      if (!keySpan || !pair) continue;
      const remove = isMap(parent) ? removePairEdit(lines, parent, pair) : undefined;
      const removeFix: QuickFix[] = remove ? [{ title: `Remove ${key}`, edits: [remove] }] : [];
      if (looksLikePassword(key)) {
        diagnostics.push(make('password-in-file', passwordInFileMessage(key, (value as { kind?: unknown } | null | undefined)?.kind), keySpan, removeFix.map((f) => ({ ...f, isPreferred: true }))));
        continue;
      }
      const readOnly = readOnlyFieldMessage(schema, key);
      if (readOnly) {
        diagnostics.push(make('read-only-key', readOnly, keySpan, removeFix.map((f) => ({ ...f, isPreferred: true }))));
        continue;
      }
      const present = mappingOf(parent).keys;
      const candidates = Object.entries(schema?.properties ?? {})
        .filter(([name, property]) => !property.readOnly && !present.has(name))
        .map(([name]) => name);
      // The suggestion is among the keys not yet used; the list names every key the mapping may have.
      const allowed = Object.entries(schema?.properties ?? {})
        .filter(([, property]) => !property.readOnly)
        .map(([name]) => name);
      const suggestion = closestMatch(key, candidates);
      const where = path.length === 0 ? 'at the top of the document' : `in ${fieldName(path)}`;
      const message = suggestion
        ? `Unknown key ${key} ${where}. Did you mean ${suggestion}?`
        : `Unknown key ${key} ${where}. Allowed: ${allowed.join(', ') || 'none'}.`;
      const fixes: QuickFix[] = suggestion
        ? [{ title: `Change to ${suggestion}`, edits: [{ start: keySpan[0], end: keySpan[1], newText: suggestion }], isPreferred: true }, ...removeFix]
        : removeFix;
      diagnostics.push(make('unknown-key', message, keySpan, fixes));
    } else if (error.keyword === 'required') {
      if (reportedMissing.has(error.instancePath)) continue;
      reportedMissing.add(error.instancePath);
      const missing = structural
        .filter((e) => e.keyword === 'required' && e.instancePath === error.instancePath)
        .map((e) => String((e.params as { missingProperty: string }).missingProperty));
      const owner = path.length === 0 ? 'The document' : fieldName(path);
      const what = missing.length === 1 ? `the required property ${missing[0]}` : `the required properties ${missing.join(', ')}`;
      diagnostics.push(make('missing-property', `${owner} is missing ${what}.`, ownerSpan(path)));
    } else {
      diagnostics.push(make('invalid-value', `${fieldName(path)} ${error.message ?? 'is invalid'}.`, valueSpan(locatePath(contents, path))));
    }
  }

  for (const error of valueErrors.values()) {
    const path = decodePath(error.instancePath, value);
    const located = locatePath(contents, path);
    const span = valueSpan(located);
    const source = lines.text.slice(span[0], span[1]);
    const name = fieldName(path);
    const data = error.data;
    const schema = (error.parentSchema ?? {}) as JsonSchema;
    const replace = (title: string, newText: string, isPreferred = true): QuickFix => ({
      title,
      edits: [{ start: span[0], end: span[1], newText }],
      isPreferred,
    });
    const onValue = located.node !== undefined && isScalar(located.node) && nodeSpan(located.node)?.[0] === span[0];
    switch (error.keyword) {
      case 'type': {
        const expected = ([] as string[]).concat((error.params as { type: string | string[] }).type);
        const wanted = expected.map((t) => TYPE_NAMES[t] ?? t).join(' or ');
        const fixes: QuickFix[] = [];
        let message = schema.enum ? `${name} must be one of ${listValues(schema.enum)}.` : `${name} must be ${wanted}, not ${describeValue(data)}.`;
        if (schema.enum) {
          // The allowed values say it all; quoting a wrong value would not make it right.
        } else if (onValue && expected.includes('string') && (typeof data === 'number' || typeof data === 'boolean')) {
          const quoted = JSON.stringify(source);
          message = E164_PATTERN.test(source)
            ? `Quote the phone number: YAML reads ${source} as a number, and ${name} must be a string.`
            : `${name} must be a string; YAML reads ${source} as ${typeof data === 'number' ? 'a number' : 'true/false'}. Quote it.`;
          fixes.push(replace(`Quote as ${quoted}`, quoted));
        } else if (onValue && expected.includes('boolean') && typeof data === 'string') {
          const lower = data.toLowerCase();
          const flag = ['true', 'yes', 'on', 'y'].includes(lower) ? 'true' : ['false', 'no', 'off', 'n'].includes(lower) ? 'false' : undefined;
          if (flag) fixes.push(replace(`Change to ${flag}`, flag));
        } else if (onValue && (expected.includes('integer') || expected.includes('number')) && typeof data === 'string' && /^-?\d+$/.test(data.trim())) {
          fixes.push(replace(`Change to ${data.trim()}`, data.trim()));
        }
        diagnostics.push(make('invalid-type', message, span, fixes));
        break;
      }
      case 'const': {
        const allowed = (error.params as { allowedValue: unknown }).allowedValue;
        const apiVersion = path.length === 1 && path[0] === 'apiVersion';
        diagnostics.push(
          make(apiVersion ? 'wrong-api-version' : 'invalid-value', `${name} must be ${String(allowed)}, not ${describeValue(data)}.`, span, onValue ? [replace(`Change to ${String(allowed)}`, sameQuoting(source, String(allowed)))] : []),
        );
        break;
      }
      case 'enum': {
        const allowed = (error.params as { allowedValues: unknown[] }).allowedValues;
        const strings = allowed.filter((v): v is string => typeof v === 'string');
        const isKind = path.length === 1 && path[0] === 'kind';
        const suggestion = typeof data === 'string' ? closestMatch(data, strings) : undefined;
        const fixes = suggestion && onValue ? [replace(`Change to ${suggestion}`, sameQuoting(source, suggestion))] : [];
        const message = isKind
          ? `Unknown kind ${describeValue(data)}: use ${TRUNK_KINDS.join(', ')}.${suggestion ? ` Did you mean ${suggestion}?` : ''}`
          : `${name} must be one of ${listValues(allowed)}.${suggestion && suggestion.toLowerCase() !== String(data).toLowerCase() ? ` Did you mean ${suggestion}?` : ''}`;
        diagnostics.push(make(isKind ? 'unknown-kind' : 'invalid-value', message, span, fixes));
        break;
      }
      case 'pattern': {
        if (schema.pattern === E164_PATTERN.source && typeof data === 'string') {
          const problem = describeE164Problem(data);
          const fixes = problem?.suggestion && onValue ? [replace(`Change to ${problem.suggestion}`, sameQuoting(source.startsWith("'") ? source : '"', problem.suggestion))] : [];
          diagnostics.push(make('invalid-phone-number', problem?.message ?? `${data} is not an E.164 phone number.`, span, fixes));
        } else {
          const explanation = schema.patternErrorMessage ?? `It must match ${schema.pattern ?? ''}.`;
          diagnostics.push(make('invalid-format', `${name} ${describeValue(data)} is not valid. ${explanation}`, span));
        }
        break;
      }
      case 'format':
        diagnostics.push(make('invalid-format', `${name} must be an absolute URI, e.g. https://example.com/voice.`, span));
        break;
      case 'maxLength':
      case 'minLength': {
        const limit = (error.params as { limit: number }).limit;
        const length = typeof data === 'string' ? data.length : 0;
        const message =
          error.keyword === 'maxLength'
            ? `${name} is ${length} characters long; the maximum is ${limit}.`
            : limit <= 1
              ? `${name} must not be empty.`
              : `${name} must be at least ${limit} characters long.`;
        diagnostics.push(make(error.keyword === 'maxLength' ? 'too-long' : 'too-short', message, span));
        break;
      }
      default: {
        const bounds =
          schema.minimum !== undefined && schema.maximum !== undefined
            ? `between ${schema.minimum} and ${schema.maximum}`
            : schema.minimum !== undefined
              ? `at least ${schema.minimum}`
              : `at most ${schema.maximum ?? ''}`;
        const note = schema.minimum === -1 ? ' (-1 disables, 0 is unlimited)' : '';
        diagnostics.push(make('out-of-range', `${name} must be ${bounds}${note}; got ${describeValue(data)}.`, span));
      }
    }
  }
  return diagnostics;
}

