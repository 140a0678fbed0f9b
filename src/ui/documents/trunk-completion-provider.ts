import * as vscode from 'vscode';
import { completeAt, type CompletionItemData, type PhoneNumberChoice } from '../../core/documents/assist/complete-at';
import { didChoices, phoneNumberChoices } from '../../core/documents/assist/phone-number-choices';
import type { AccountConnections } from '../../core/accounts/account-connections';
import type { AccountRegistry } from '../../core/accounts/account-registry';
import { providersOf } from '../../core/accounts/account';

const KINDS: Record<CompletionItemData['kind'], vscode.CompletionItemKind> = {
  property: vscode.CompletionItemKind.Property,
  value: vscode.CompletionItemKind.EnumMember,
  account: vscode.CompletionItemKind.Reference,
  'phone-number': vscode.CompletionItemKind.Value,
  snippet: vscode.CompletionItemKind.Snippet,
};

const NUMBERS_TTL_MS = 60_000;

/** Keys and values from the schema, account names, and the account's own phone numbers. */
export class TrunkCompletionProvider implements vscode.CompletionItemProvider {
  private readonly numbers = new Map<string, { at: number; list: Promise<PhoneNumberChoice[]> }>();

  constructor(
    private readonly accounts: AccountRegistry,
    private readonly connections: () => AccountConnections,
  ) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[]> {
    const items = await completeAt(document.getText(), document.offsetAt(position), {
      accounts: this.accounts.list().map((a) => a.name),
      phoneNumbers: (name, kind) => this.phoneNumbersOf(name, kind === 'CarrierXTrunkGroup' ? 'carrierx' : 'twilio'),
    });
    return items.map((data) => {
      const item = new vscode.CompletionItem(data.label, KINDS[data.kind]);
      item.insertText = data.snippet ? new vscode.SnippetString(data.snippet) : data.insertText;
      item.range = new vscode.Range(document.positionAt(data.range.start), document.positionAt(data.range.end));
      item.detail = data.detail;
      if (data.documentation) item.documentation = new vscode.MarkdownString(data.documentation);
      item.sortText = data.sortText;
      return item;
    });
  }

  /**
   * The account's incoming numbers (a Twilio trunk's file) or DIDs (a CarrierX group's), with the
   * trunk or group each is on (by name), cached for a minute; none (not an error) when it cannot be reached.
   */
  private phoneNumbersOf(name: string, provider: 'twilio' | 'carrierx'): Promise<PhoneNumberChoice[]> {
    const account = this.accounts.byName(name);
    if (!account || !providersOf(account).includes(provider)) return Promise.resolve([]);
    const key = `${account.id}:${provider}`;
    const cached = this.numbers.get(key);
    if (cached && Date.now() - cached.at < NUMBERS_TTL_MS) return cached.list;
    const connections = this.connections();
    const list = (provider === 'twilio' ? connections.twilio(account).then((client) => phoneNumberChoices(client)) : connections.carrierx(account).then((client) => didChoices(client))).catch(
      () => [] as PhoneNumberChoice[],
    );
    this.numbers.set(key, { at: Date.now(), list });
    return list;
  }
}
