import { TRUNK_KINDS, type TrunkKind } from '../../core/documents/file/trunk-kinds';
import type { DocumentCommandContext } from '../documents/trunk-file-services';
import { t } from '../l10n';
import type { CommandDefinition } from './command';
import { defaultAccountName } from '../pickers/default-account';

/** What the file is named after: `acme-main.trunk.yaml` → friendly name "Acme main", label "acme-main". */
interface Naming {
  name: string;
  label: string;
}

const TEMPLATES: Record<TrunkKind, (account: string, n: Naming) => string> = {
  TwilioTrunk: (account, n) =>
    `apiVersion: trunkline/v1\nkind: TwilioTrunk\naccount: ${account}\nspec:\n  friendly_name: ${n.name}\n  domain_name: ${n.label}.pstn.twilio.com\n  secure: true\n  transfer_mode: disable-all\n`,
  TwilioByocTrunk: (account, n) => `apiVersion: trunkline/v1\nkind: TwilioByocTrunk\naccount: ${account}\nspec:\n  friendly_name: ${n.name}\n  voice_url: https://example.com/voice\n  voice_method: POST\n`,
  CarrierXTrunkGroup: (account, n) =>
    `apiVersion: trunkline/v1\nkind: CarrierXTrunkGroup\naccount: ${account}\nspec:\n  name: ${n.name}\n  routing_type: failover\n  trunks:\n    - { name: trunk-a, priority: 1 }\n`,
};

const DEFAULT_NAMING: Record<TrunkKind, Naming> = {
  TwilioTrunk: { name: 'My trunk', label: 'my-trunk' },
  TwilioByocTrunk: { name: 'My carrier', label: 'my-carrier' },
  CarrierXTrunkGroup: { name: 'My trunk group', label: 'my-trunk-group' },
};

/** The suggested names from the file's: "acme-main.trunk.yaml" → "Acme main" and acme-main (a valid domain label). */
export function namingFromFileName(fileName: string, fallback: Naming): Naming {
  const base = fileName.replace(/\.trunk\.ya?ml$/i, '');
  const label = base.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
  if (!label) return fallback;
  const words = base.replace(/[-_.]+/g, ' ').trim();
  const name = words.charAt(0).toUpperCase() + words.slice(1);
  // A plain scalar in YAML: anything that could read as another type or syntax is quoted.
  return { name: /^[A-Za-z][\w ()]*$/.test(name) ? name : JSON.stringify(name), label };
}

const KIND_LABELS: Record<TrunkKind, string> = {
  TwilioTrunk: 'Twilio Elastic SIP Trunk',
  TwilioByocTrunk: 'Twilio BYOC Trunk',
  CarrierXTrunkGroup: 'CarrierX Trunk Group',
};

/** Trunkline: New Trunk File — a small valid document of the chosen kind, for the default account. */
export const newTrunkFile: CommandDefinition<DocumentCommandContext> = {
  id: 'trunkline.newTrunkFile',
  async run(ctx) {
    const title = t('New Trunk File');
    const kind = await ctx.input.pick(
      TRUNK_KINDS.map((k) => ({ label: t(KIND_LABELS[k]), description: k, value: k })),
      { title, placeholder: t('What does the file describe?') },
    );
    const account = defaultAccountName(ctx.accounts.list(), ctx.defaultAccount()) ?? 'sandbox';
    const folder = ctx.workspaceFiles.folder();
    if (!folder) return ctx.documents.openUntitled('trunk-yaml', TEMPLATES[kind](account, DEFAULT_NAMING[kind]));
    const name = await ctx.input.input({
      title,
      prompt: t('File name in {0}.', folder.name),
      value: `${DEFAULT_NAMING[kind].label}.trunk.yaml`,
      validate: (v) => (/^[\w.-]+\.trunk\.ya?ml$/.test(v.trim()) ? undefined : t('End the name in .trunk.yaml, e.g. acme-main.trunk.yaml.')),
    });
    const uri = ctx.workspaceFiles.join(folder.uri, name.trim());
    if (await ctx.workspaceFiles.exists(uri)) throw new Error(t('{0} already exists; choose another name.', name.trim()));
    // The file's name is the user's first naming decision: the names inside follow it.
    const text = TEMPLATES[kind](account, namingFromFileName(name.trim(), DEFAULT_NAMING[kind]));
    await ctx.workspaceFiles.writeFile(uri, text);
    await ctx.documents.show(uri);
    return uri;
  },
};
