import { iteratePages, type CallOptions, type ListOptions, type Page, type PageRequest } from '../page';
import {
  CONNECTION_POLICY_WRITABLE_FIELDS,
  ConnectionPolicySchema,
  SID_PATTERNS,
  type ConnectionPolicy,
  type ConnectionPolicyFields,
} from './models';
import { twilioForm } from './twilio-form';
import { sidSegment, type TwilioRequester } from './twilio-requester';

/** BYOC connection policies: https://voice.twilio.com/v1/ConnectionPolicies. */
export class ConnectionPoliciesApi {
  constructor(private readonly r: TwilioRequester) {}

  page(req: PageRequest = {}): Promise<Page<ConnectionPolicy>> {
    return this.r.v1Page(this.r.endpoints.voice, '/v1/ConnectionPolicies', 'connection_policies', ConnectionPolicySchema, 'connection policies', req);
  }

  list(options: ListOptions = {}): AsyncGenerator<ConnectionPolicy> {
    return iteratePages((req) => this.page(req), options);
  }

  fetch(sid: string, options: CallOptions = {}): Promise<ConnectionPolicy> {
    return this.r.call(ConnectionPolicySchema, 'a connection policy', { method: 'GET', url: this.url(sid), signal: options.signal });
  }

  /** Not retried when the outcome is unknown: names are not unique, so a retry could make a second policy. */
  create(fields: ConnectionPolicyFields, options: CallOptions = {}): Promise<ConnectionPolicy> {
    return this.r.call(ConnectionPolicySchema, 'the created connection policy', {
      method: 'POST',
      url: new URL('/v1/ConnectionPolicies', this.r.endpoints.voice),
      form: twilioForm(fields, CONNECTION_POLICY_WRITABLE_FIELDS),
      signal: options.signal,
      idempotent: false,
    });
  }

  update(sid: string, fields: ConnectionPolicyFields, options: CallOptions = {}): Promise<ConnectionPolicy> {
    return this.r.call(ConnectionPolicySchema, 'the updated connection policy', {
      method: 'POST',
      url: this.url(sid),
      form: twilioForm(fields, CONNECTION_POLICY_WRITABLE_FIELDS),
      signal: options.signal,
      idempotent: true,
    });
  }

  /** Deletes the policy and its targets. */
  delete(sid: string, options: CallOptions = {}): Promise<void> {
    return this.r.callNoContent({ method: 'DELETE', url: this.url(sid), signal: options.signal });
  }

  private url(sid: string): URL {
    return new URL(`/v1/ConnectionPolicies/${sidSegment(sid, SID_PATTERNS.connectionPolicy, 'connection policy')}`, this.r.endpoints.voice);
  }
}
