import * as vscode from 'vscode';
import { TRUNK_KINDS, type TrunkKind } from '../../core/documents/trunk-kinds';
import type { DocumentCommandContext } from '../documents/trunk-file-services';
import { t } from '../l10n';
import type { CommandDefinition } from './command';
import { defaultAccountName } from '../pickers/default-account';

const TEMPLATES: Record<TrunkKind, (account: string) => string> = {
  TwilioTrunk: (account) =>
    `apiVersion: trunkline/v1\nkind: TwilioTrunk\naccount: ${account}\nspec:\n  friendly_name: My trunk\n  domain_name: my-trunk.pstn.twilio.com\n  secure: true\n  transfer_mode: disable-all\n`,
  TwilioByocTrunk: (account) => `apiVersion: trunkline/v1\nkind: TwilioByocTrunk\naccount: ${account}\nspec:\n  friendly_name: My carrier\n  voice_url: https://example.com/voice\n  voice_method: POST\n`,
  CarrierXTrunkGroup: (account) =>
    `apiVersion: trunkline/v1\nkind: CarrierXTrunkGroup\naccount: ${account}\nspec:\n  name: My trunk group\n  routing_type: failover\n  trunks:\n    - { name: trunk-a, priority: 1 }\n`,
};

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
    const account = defaultAccountName(ctx.accounts.list()) ?? 'sandbox';
    const text = TEMPLATES[kind](account);
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) {
      const document = await vscode.workspace.openTextDocument({ language: 'trunk-yaml', content: text });
      await vscode.window.showTextDocument(document);
      return document.uri.toString();
    }
    const name = await ctx.input.input({
      title,
      prompt: t('File name in {0}.', folder.name),
      value: kind === 'CarrierXTrunkGroup' ? 'my-trunk-group.trunk.yaml' : kind === 'TwilioByocTrunk' ? 'my-carrier.trunk.yaml' : 'my-trunk.trunk.yaml',
      validate: (v) => (/^[\w.-]+\.trunk\.ya?ml$/.test(v.trim()) ? undefined : t('End the name in .trunk.yaml, e.g. acme-main.trunk.yaml.')),
    });
    const uri = vscode.Uri.joinPath(folder.uri, name.trim());
    const exists = await vscode.workspace.fs.stat(uri).then(() => true, () => false);
    if (exists) throw new Error(t('{0} already exists; choose another name.', name.trim()));
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    await vscode.window.showTextDocument(uri);
    return uri.toString();
  },
};
