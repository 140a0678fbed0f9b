import { accountNameProblem, type Account, type AccountSecrets } from './account';

/** Where the account list is kept (the editor's global state; a JSON file for tests). */
export interface KeyValueStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void> | Promise<void>;
}

/** Where secrets are kept (the editor's SecretStorage). */
export interface SecretStore {
  get(key: string): Thenable<string | undefined> | Promise<string | undefined>;
  store(key: string, value: string): Thenable<void> | Promise<void>;
  delete(key: string): Thenable<void> | Promise<void>;
}

type Thenable<T> = PromiseLike<T>;

const ACCOUNTS_KEY = 'trunkline.accounts';
const secretKey = (id: string) => `trunkline.account.${id}`;

export type AccountChange = { type: 'added' | 'changed' | 'removed'; account: Account };

/**
 * The connected accounts: the list in a key-value store, each account's secrets in the secret
 * store under its id. Every change is announced so views drop what they showed for it.
 */
export class AccountRegistry {
  private readonly listeners = new Set<(change: AccountChange) => void>();

  constructor(
    private readonly state: KeyValueStore,
    private readonly secrets: SecretStore,
    private readonly newId: () => string,
  ) {}

  list(): Account[] {
    return [...(this.state.get<Account[]>(ACCOUNTS_KEY) ?? [])];
  }

  get(id: string): Account | undefined {
    return this.list().find((a) => a.id === id);
  }

  byName(name: string): Account | undefined {
    const wanted = name.toLowerCase();
    return this.list().find((a) => a.name.toLowerCase() === wanted);
  }

  async add(account: Omit<Account, 'id'>, secrets: AccountSecrets): Promise<Account> {
    const problem = accountNameProblem(account.name, this.list());
    if (problem) throw new Error(problem);
    const added: Account = { ...account, name: account.name.trim(), id: this.newId() };
    // Secrets first: an account must never be listed without the secrets it needs.
    if (hasSecrets(secrets)) await this.secrets.store(secretKey(added.id), JSON.stringify(secrets));
    await this.state.update(ACCOUNTS_KEY, [...this.list(), added]);
    this.emit({ type: 'added', account: added });
    return added;
  }

  async rename(id: string, name: string): Promise<Account> {
    const accounts = this.list();
    const index = accounts.findIndex((a) => a.id === id);
    if (index < 0) throw new Error('That account no longer exists.');
    const problem = accountNameProblem(name, accounts, id);
    if (problem) throw new Error(problem);
    const renamed = { ...accounts[index]!, name: name.trim() };
    accounts[index] = renamed;
    await this.state.update(ACCOUNTS_KEY, accounts);
    this.emit({ type: 'changed', account: renamed });
    return renamed;
  }

  async updateSecrets(id: string, secrets: AccountSecrets): Promise<void> {
    const account = this.get(id);
    if (!account) throw new Error('That account no longer exists.');
    await this.secrets.store(secretKey(id), JSON.stringify(secrets));
    this.emit({ type: 'changed', account });
  }

  async remove(id: string): Promise<void> {
    const account = this.get(id);
    if (!account) return;
    await this.state.update(ACCOUNTS_KEY, this.list().filter((a) => a.id !== id));
    await this.secrets.delete(secretKey(id));
    this.emit({ type: 'removed', account });
  }

  async secretsOf(id: string): Promise<AccountSecrets> {
    const raw = await this.secrets.get(secretKey(id));
    if (!raw) return {};
    try {
      return JSON.parse(raw) as AccountSecrets;
    } catch {
      return {};
    }
  }

  onDidChange(listener: (change: AccountChange) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private emit(change: AccountChange): void {
    for (const listener of [...this.listeners]) listener(change);
  }
}

function hasSecrets(secrets: AccountSecrets): boolean {
  return Object.values(secrets).some((v) => typeof v === 'string' && v.length > 0);
}
