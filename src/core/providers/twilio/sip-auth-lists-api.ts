import type * as z from 'zod';
import { iteratePages, type CallOptions, type ListOptions, type Page, type PageRequest } from '../page';
import { SID_PATTERNS, SipCredentialListSchema, SipIpAccessControlListSchema } from './models';
import { sidSegment, type TwilioRequester } from './twilio-requester';

interface AccountListKind<S extends z.ZodType> {
  /** Path segment under /SIP and the page key. */
  segment: 'CredentialLists' | 'IpAccessControlLists';
  key: 'credential_lists' | 'ip_access_control_lists';
  schema: S;
  pattern: RegExp;
  /** "credential list", "IP access control list": for messages. */
  what: string;
}

/**
 * The account's SIP credential lists or IP access control lists (2010 API): the lists a trunk
 * links for termination. Both resources have the same shape, so one class serves both.
 */
class AccountSipListsApi<S extends z.ZodType> {
  constructor(
    protected readonly r: TwilioRequester,
    private readonly kind: AccountListKind<S>,
  ) {}

  page(req: PageRequest = {}): Promise<Page<z.output<S>>> {
    return this.r.v2010Page(this.path(), this.kind.key, this.kind.schema, `${this.kind.what}s`, req);
  }

  list(options: ListOptions = {}): AsyncGenerator<z.output<S>> {
    return iteratePages((req) => this.page(req), options);
  }

  fetch(sid: string, options: CallOptions = {}): Promise<z.output<S>> {
    return this.r.call(this.kind.schema, `a ${this.kind.what}`, { method: 'GET', url: this.url(sid), signal: options.signal });
  }

  /** Not retried when the outcome is unknown: reconcile with `findByFriendlyName` first. */
  create(friendlyName: string, options: CallOptions = {}): Promise<z.output<S>> {
    return this.r.call(this.kind.schema, `the created ${this.kind.what}`, {
      method: 'POST',
      url: new URL(this.path(), this.r.endpoints.api),
      form: { FriendlyName: friendlyName },
      signal: options.signal,
      idempotent: false,
    });
  }

  /** Renames the list (FriendlyName is the only field and is required). */
  update(sid: string, friendlyName: string, options: CallOptions = {}): Promise<z.output<S>> {
    return this.r.call(this.kind.schema, `the renamed ${this.kind.what}`, {
      method: 'POST',
      url: this.url(sid),
      form: { FriendlyName: friendlyName },
      signal: options.signal,
      idempotent: true,
    });
  }

  /** Twilio refuses while a trunk still links the list (21241 / 21236): unlink it first. */
  delete(sid: string, options: CallOptions = {}): Promise<void> {
    return this.r.callNoContent({ method: 'DELETE', url: this.url(sid), signal: options.signal });
  }

  /** Every list with this exact friendly name (IP ACL names need not be unique). */
  async findByFriendlyName(friendlyName: string, options: ListOptions = {}): Promise<z.output<S>[]> {
    const found: z.output<S>[] = [];
    for await (const list of this.list({ pageSize: 1000, ...options })) {
      if ((list as { friendly_name: string | null }).friendly_name === friendlyName) found.push(list);
    }
    return found;
  }

  private path(): string {
    return `/2010-04-01/Accounts/${sidSegment(this.r.accountSid, SID_PATTERNS.account, 'account')}/SIP/${this.kind.segment}.json`;
  }

  private url(sid: string): URL {
    const base = `/2010-04-01/Accounts/${sidSegment(this.r.accountSid, SID_PATTERNS.account, 'account')}/SIP/${this.kind.segment}`;
    return new URL(`${base}/${sidSegment(sid, this.kind.pattern, this.kind.what)}.json`, this.r.endpoints.api);
  }
}

/** SIP credential lists (CL…): usernames and passwords a trunk challenges callers for. */
export class SipCredentialListsApi extends AccountSipListsApi<typeof SipCredentialListSchema> {
  constructor(r: TwilioRequester) {
    super(r, {
      segment: 'CredentialLists',
      key: 'credential_lists',
      schema: SipCredentialListSchema,
      pattern: SID_PATTERNS.credentialList,
      what: 'credential list',
    });
  }
}

/** SIP IP access control lists (AL…): the source addresses a trunk accepts calls from. */
export class SipIpAccessControlListsApi extends AccountSipListsApi<typeof SipIpAccessControlListSchema> {
  constructor(r: TwilioRequester) {
    super(r, {
      segment: 'IpAccessControlLists',
      key: 'ip_access_control_lists',
      schema: SipIpAccessControlListSchema,
      pattern: SID_PATTERNS.ipAccessControlList,
      what: 'IP access control list',
    });
  }
}
