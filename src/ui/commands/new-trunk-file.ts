import { TRUNK_API_VERSION, TRUNK_KINDS, type TrunkKind } from '../../core/documents/file/trunk-kinds';
import { documentKind } from '../../core/documents/kinds/document-kinds';
import type { DocumentCommandContext } from '../documents/trunk-file-services';
import { t } from '../l10n';
import type { CommandDefinition } from './command';
import { defaultAccountName } from '../pickers/default-account';

/** What the file is named after: `acme-main.trunk.yaml` → friendly name "Acme main", label "acme-main". */
interface Naming {
  name: string;
  label: string;
}

/** The new file's text: the kind's starter spec, named as the file. */
function template(kind: TrunkKind, account: string, naming: Naming): string {
  return `apiVersion: ${TRUNK_API_VERSION}\nkind: ${kind}\naccount: ${account}\nspec:\n${documentKind(kind).examples.starter(naming)}`;
}

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

/** Trunkline: New Trunk File — a small valid document of the chosen kind, for the default account. */
export const newTrunkFile: CommandDefinition<DocumentCommandContext> = {
  id: 'trunkline.newTrunkFile',
  async run(ctx) {
    const title = t('New Trunk File');
    const kind = await ctx.input.pick(
      TRUNK_KINDS.map((k) => ({ label: t(documentKind(k).label), description: k, value: k })),
      { title, placeholder: t('What does the file describe?') },
    );
    const account = defaultAccountName(ctx.accounts.list(), ctx.defaultAccount()) ?? 'sandbox';
    const folder = ctx.workspaceFiles.folder();
    if (!folder) return ctx.documents.openUntitled('trunk-yaml', template(kind, account, documentKind(kind).examples.naming));
    const name = await ctx.input.input({
      title,
      prompt: t('File name in {0}.', folder.name),
      value: `${documentKind(kind).examples.naming.label}.trunk.yaml`,
      validate: (v) => (/^[\w.-]+\.trunk\.ya?ml$/.test(v.trim()) ? undefined : t('End the name in .trunk.yaml, e.g. acme-main.trunk.yaml.')),
    });
    const uri = ctx.workspaceFiles.join(folder.uri, name.trim());
    if (await ctx.workspaceFiles.exists(uri)) throw new Error(t('{0} already exists; choose another name.', name.trim()));
    // The file's name is the user's first naming decision: the names inside follow it.
    const text = template(kind, account, namingFromFileName(name.trim(), documentKind(kind).examples.naming));
    await ctx.workspaceFiles.writeFile(uri, text);
    await ctx.documents.show(uri);
    return uri;
  },
};
