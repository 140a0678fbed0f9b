import { t } from '../l10n';
import type { ResourceKind } from '../resources/resource-ref';
import { fieldLabel } from './field-labels';

/** A reference shown by its name, with the sid beside it: the trunk a number is on. */
export interface NamedReference {
  readonly name: string;
  readonly sid: string;
}

/** The value for a sid field: its name and sid when the name is known, else the sid alone. */
export function named(sid: string | null | undefined, name: string | null | undefined): NamedReference | string | null | undefined {
  return sid && name ? { name, sid } : sid;
}

/** One tooltip line: an API field name (or words, for what is not an API field) and its value. */
export type TooltipField = readonly [name: string, value: unknown];

/**
 * Fields that only make sense together, shown on one line under the first one's label: a
 * method is the method of its URL; a recording mode goes with its trimming.
 */
const PAIRS: readonly { keys: readonly [string, string]; label: string; separator: string }[] = [
  { keys: ['disaster_recovery_method', 'disaster_recovery_url'], label: 'disaster_recovery_url', separator: ' ' },
  { keys: ['voice_method', 'voice_url'], label: 'voice_url', separator: ' ' },
  { keys: ['voice_fallback_method', 'voice_fallback_url'], label: 'voice_fallback_url', separator: ' ' },
  { keys: ['status_callback_method', 'status_callback_url'], label: 'status_callback_url', separator: ' ' },
  { keys: ['recording.mode', 'recording.trim'], label: 'recording', separator: ', ' },
];

/**
 * A tooltip: a bold title, then one line per field that has a value, labelled in words with the
 * API name beside it ("Friendly name · `friendly_name`: Acme main"); paired fields share a line
 * ("Disaster recovery URL · `disaster_recovery_method` `disaster_recovery_url`: POST https://…").
 */
export function markdownFields(title: string, fields: readonly TooltipField[], kind?: ResourceKind): string {
  const present = fields.filter(([, value]) => value !== undefined && value !== null && value !== '');
  const values = new Map(present);
  const paired = new Set<string>();
  const lines: string[] = [];
  for (const [key, value] of present) {
    if (paired.has(key)) continue;
    const pair = PAIRS.find((p) => p.keys.includes(key) && p.keys.every((k) => values.has(k)));
    if (pair) {
      pair.keys.forEach((k) => paired.add(k));
      const label = fieldLabel(pair.label, kind) ?? pair.label;
      lines.push(`${escapeMarkdown(label)} · ${pair.keys.map((k) => `\`${k}\``).join(' ')}: ${pair.keys.map((k) => formatValue(values.get(k))).join(pair.separator)}`);
      continue;
    }
    const label = fieldLabel(key, kind);
    lines.push(label ? `${escapeMarkdown(label)} · \`${key}\`: ${formatValue(value)}` : `${escapeMarkdown(key)}: ${formatValue(value)}`);
  }
  return [`**${escapeMarkdown(title)}**`, '', lines.join('  \n')].join('\n');
}

function formatValue(value: unknown): string {
  if (typeof value === 'boolean') return value ? t('yes') : t('no');
  if (isNamedReference(value)) return `${escapeMarkdown(value.name)} (\`${value.sid}\`)`;
  if (Array.isArray(value)) return value.length === 0 ? t('none') : escapeMarkdown(value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', '));
  // A set of flags ({ voice: true, sms: false }) reads as the ones that are on.
  if (typeof value === 'object' && value !== null && Object.values(value).every((v) => typeof v === 'boolean')) {
    const on = Object.entries(value as Record<string, boolean>).filter(([, v]) => v).map(([k]) => k);
    return on.length === 0 ? t('none') : escapeMarkdown(on.join(', '));
  }
  if (typeof value === 'object') return escapeMarkdown(JSON.stringify(value));
  return escapeMarkdown(String(value));
}

function isNamedReference(value: unknown): value is NamedReference {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as NamedReference).name === 'string' && typeof (value as NamedReference).sid === 'string';
}

export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>]/g, '\\$&');
}
