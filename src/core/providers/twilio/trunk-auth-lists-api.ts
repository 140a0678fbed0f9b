import { iteratePages, type CallOptions, type ListOptions, type Page, type PageRequest } from '../page';
import { SID_PATTERNS, TrunkAuthListSchema, type TrunkAuthList } from './models';
import { sidSegment, type TwilioRequester } from './twilio-requester';

interface TrunkLinkKind {
  segment: 'CredentialLists' | 'IpAccessControlLists';
  key: 'credential_lists' | 'ip_access_control_lists';
  /** The create body's one parameter. */
  param: 'CredentialListSid' | 'IpAccessControlListSid';
  pattern: RegExp;
  what: string;
}

/**
 * The account lists linked to a trunk for termination (trunking v1). Linking and unlinking are
 * the only changes; the trunk's `auth_type` follows from what is linked.
 */
class TrunkLinkedListsApi {
  constructor(
    private readonly r: TwilioRequester,
    private readonly kind: TrunkLinkKind,
  ) {}

  page(trunkSid: string, req: PageRequest = {}): Promise<Page<TrunkAuthList>> {
    return this.r.v1Page(this.r.endpoints.trunking, this.path(trunkSid), this.kind.key, TrunkAuthListSchema, `linked ${this.kind.what}s`, req);
  }

  list(trunkSid: string, options: ListOptions = {}): AsyncGenerator<TrunkAuthList> {
    return iteratePages((req) => this.page(trunkSid, req), options);
  }

  /** The link, addressed by the account list's SID. */
  fetch(trunkSid: string, listSid: string, options: CallOptions = {}): Promise<TrunkAuthList> {
    return this.r.call(TrunkAuthListSchema, `a linked ${this.kind.what}`, { method: 'GET', url: this.url(trunkSid, listSid), signal: options.signal });
  }

  /** Links an account list to the trunk. Twilio refuses a list linked already: not retried when the outcome is unknown. */
  add(trunkSid: string, listSid: string, options: CallOptions = {}): Promise<TrunkAuthList> {
    return this.r.call(TrunkAuthListSchema, `the linked ${this.kind.what}`, {
      method: 'POST',
      url: new URL(this.path(trunkSid), this.r.endpoints.trunking),
      form: { [this.kind.param]: sidSegment(listSid, this.kind.pattern, this.kind.what) },
      signal: options.signal,
      idempotent: false,
    });
  }

  /** Unlinks the list from the trunk; the list itself stays in the account. */
  remove(trunkSid: string, listSid: string, options: CallOptions = {}): Promise<void> {
    return this.r.callNoContent({ method: 'DELETE', url: this.url(trunkSid, listSid), signal: options.signal });
  }

  private path(trunkSid: string): string {
    return `/v1/Trunks/${sidSegment(trunkSid, SID_PATTERNS.trunk, 'trunk')}/${this.kind.segment}`;
  }

  private url(trunkSid: string, listSid: string): URL {
    return new URL(`${this.path(trunkSid)}/${sidSegment(listSid, this.kind.pattern, this.kind.what)}`, this.r.endpoints.trunking);
  }
}

/** A trunk's credential lists: callers must answer the digest challenge with one of their usernames. */
export class TrunkCredentialListsApi extends TrunkLinkedListsApi {
  constructor(r: TwilioRequester) {
    super(r, { segment: 'CredentialLists', key: 'credential_lists', param: 'CredentialListSid', pattern: SID_PATTERNS.credentialList, what: 'credential list' });
  }
}

/** A trunk's IP access control lists: an INVITE's source address must be in one of them. */
export class TrunkIpAccessControlListsApi extends TrunkLinkedListsApi {
  constructor(r: TwilioRequester) {
    super(r, {
      segment: 'IpAccessControlLists',
      key: 'ip_access_control_lists',
      param: 'IpAccessControlListSid',
      pattern: SID_PATTERNS.ipAccessControlList,
      what: 'IP access control list',
    });
  }
}
