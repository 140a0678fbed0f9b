/** A malformed `filter` expression; the message says what was expected. */
export class FilterSyntaxError extends Error {}

type Operator = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le' | 'like' | 'ilike';
const OPERATORS: readonly string[] = ['eq', 'ne', 'gt', 'ge', 'lt', 'le', 'like', 'ilike'];
type Scalar = string | number | boolean | null;

interface Condition {
  path: string[];
  op: Operator;
  value: Scalar;
}

interface Token {
  text: string;
  quoted: boolean;
}

export type ItemPredicate = (item: Record<string, unknown>) => boolean;

/**
 * CarrierX's result filtering: `<attr> <op> <value>` joined with `and`, values quoted with
 * ' or " when they hold spaces, nested attributes with dots (`trunks.allow_transfer eq false`;
 * an item matches when any element of an array does). `like` takes `%` wildcards.
 */
export function parseFilter(text: string): ItemPredicate {
  const tokens = tokenize(text);
  const conditions: Condition[] = [];
  let i = 0;
  while (i < tokens.length) {
    const [path, op, value] = [tokens[i], tokens[i + 1], tokens[i + 2]];
    if (!path || path.quoted || !/^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)*$/i.test(path.text))
      throw new FilterSyntaxError(`expected an attribute name at "${path?.text ?? ''}"`);
    if (!op || !OPERATORS.includes(op.text.toLowerCase()))
      throw new FilterSyntaxError(`expected one of ${OPERATORS.join(', ')} after ${path.text}`);
    if (!value) throw new FilterSyntaxError(`expected a value after ${path.text} ${op.text}`);
    conditions.push({ path: path.text.split('.'), op: op.text.toLowerCase() as Operator, value: scalar(value) });
    i += 3;
    if (i < tokens.length) {
      if (tokens[i]?.text.toLowerCase() !== 'and' || tokens[i]?.quoted)
        throw new FilterSyntaxError(`conditions are joined with "and", not "${tokens[i]?.text}"`);
      i += 1;
      if (i === tokens.length) throw new FilterSyntaxError('expected a condition after "and"');
    }
  }
  return (item) => conditions.every((c) => valuesAt(item, c.path).some((actual) => matches(actual, c.op, c.value)));
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(/"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([^\s"']+)|(\S)/g)) {
    if (m[4] !== undefined) throw new FilterSyntaxError('unterminated quote');
    const quoted = m[1] ?? m[2];
    tokens.push(quoted !== undefined ? { text: quoted.replace(/\\(.)/g, '$1'), quoted: true } : { text: m[3] ?? '', quoted: false });
  }
  return tokens;
}

function scalar(token: Token): Scalar {
  if (token.quoted) return token.text;
  if (token.text === 'true') return true;
  if (token.text === 'false') return false;
  if (token.text === 'null') return null;
  if (/^-?\d+(\.\d+)?$/.test(token.text)) return Number(token.text);
  return token.text;
}

function valuesAt(item: unknown, path: readonly string[]): unknown[] {
  let current: unknown[] = [item];
  for (const key of path) {
    current = current
      .flatMap((v) => (Array.isArray(v) ? v : [v]))
      .filter((v): v is Record<string, unknown> => v !== null && typeof v === 'object')
      .map((v) => v[key]);
  }
  return current.flatMap((v) => (Array.isArray(v) ? v : [v]));
}

function matches(actual: unknown, op: Operator, expected: Scalar): boolean {
  switch (op) {
    case 'eq':
      return equals(actual, expected);
    case 'ne':
      return !equals(actual, expected);
    case 'like':
    case 'ilike':
      return typeof actual === 'string' && typeof expected === 'string' && likePattern(expected, op === 'ilike').test(actual);
    default:
      return ordered(actual, op, expected);
  }
}

function equals(actual: unknown, expected: Scalar): boolean {
  if (expected === null) return actual === null || actual === undefined;
  if (actual === null || actual === undefined || typeof actual === 'object') return false;
  return actual === expected || String(actual) === String(expected);
}

function ordered(actual: unknown, op: Operator, expected: Scalar): boolean {
  if (actual === null || actual === undefined || expected === null) return false;
  const numeric = typeof actual === 'number' && typeof expected === 'number';
  const a = numeric ? (actual as number) : String(actual);
  const b = numeric ? (expected as number) : String(expected);
  if (op === 'gt') return a > b;
  if (op === 'ge') return a >= b;
  if (op === 'lt') return a < b;
  return a <= b;
}

function likePattern(pattern: string, ignoreCase: boolean): RegExp {
  const source = pattern
    .split('%')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`, ignoreCase ? 'is' : 's');
}
