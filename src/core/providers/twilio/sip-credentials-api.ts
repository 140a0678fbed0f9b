import { iteratePages, type CallOptions, type ListOptions, type Page, type PageRequest } from '../page';
import { SID_PATTERNS, SipCredentialSchema, type SipCredential } from './models';
import { sidSegment, type TwilioRequester } from './twilio-requester';

/**
 * The usernames of a SIP credential list, with their passwords. A password goes to Twilio and
 * nowhere else: it is registered with the session's redactor before it is sent, so no log line
 * or error can carry it, and Twilio never returns it (the model has no field for it).
 */
export class SipCredentialsApi {
  constructor(private readonly r: TwilioRequester) {}

  page(credentialListSid: string, req: PageRequest = {}): Promise<Page<SipCredential>> {
    return this.r.v2010Page(this.path(credentialListSid), 'credentials', SipCredentialSchema, 'SIP credentials', req);
  }

  list(credentialListSid: string, options: ListOptions = {}): AsyncGenerator<SipCredential> {
    return iteratePages((req) => this.page(credentialListSid, req), options);
  }

  fetch(credentialListSid: string, sid: string, options: CallOptions = {}): Promise<SipCredential> {
    return this.r.call(SipCredentialSchema, 'a SIP credential', { method: 'GET', url: this.url(credentialListSid, sid), signal: options.signal });
  }

  /**
   * Adds a username (at most 32 characters) with its password (at least 12 characters, a
   * digit, lower and upper case: see sipPasswordProblems). Not retried when the outcome is
   * unknown: look the username up in `list` first.
   */
  create(credentialListSid: string, credential: { username: string; password: string }, options: CallOptions = {}): Promise<SipCredential> {
    this.r.transport.addSecret(credential.password);
    return this.r.call(SipCredentialSchema, 'the created SIP credential', {
      method: 'POST',
      url: new URL(this.path(credentialListSid), this.r.endpoints.api),
      form: { Username: credential.username, Password: credential.password },
      signal: options.signal,
      idempotent: false,
    });
  }

  /** Sets a new password: the only thing about a credential that can change. */
  updatePassword(credentialListSid: string, sid: string, password: string, options: CallOptions = {}): Promise<SipCredential> {
    this.r.transport.addSecret(password);
    return this.r.call(SipCredentialSchema, 'the updated SIP credential', {
      method: 'POST',
      url: this.url(credentialListSid, sid),
      form: { Password: password },
      signal: options.signal,
      idempotent: true,
    });
  }

  delete(credentialListSid: string, sid: string, options: CallOptions = {}): Promise<void> {
    return this.r.callNoContent({ method: 'DELETE', url: this.url(credentialListSid, sid), signal: options.signal });
  }

  private path(credentialListSid: string): string {
    const account = sidSegment(this.r.accountSid, SID_PATTERNS.account, 'account');
    return `/2010-04-01/Accounts/${account}/SIP/CredentialLists/${sidSegment(credentialListSid, SID_PATTERNS.credentialList, 'credential list')}/Credentials.json`;
  }

  private url(credentialListSid: string, sid: string): URL {
    const list = this.path(credentialListSid).replace(/\.json$/, '');
    return new URL(`${list}/${sidSegment(sid, SID_PATTERNS.credential, 'SIP credential')}.json`, this.r.endpoints.api);
  }
}
