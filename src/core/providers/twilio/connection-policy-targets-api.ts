import { iteratePages, type CallOptions, type ListOptions, type Page, type PageRequest } from '../page';
import {
  CONNECTION_POLICY_TARGET_WRITABLE_FIELDS,
  ConnectionPolicyTargetSchema,
  SID_PATTERNS,
  type ConnectionPolicyTarget,
  type ConnectionPolicyTargetFields,
} from './models';
import { twilioForm } from './twilio-form';
import { sidSegment, type TwilioRequester } from './twilio-requester';

/** A connection policy's targets: the SIP addresses Twilio sends BYOC calls to. */
export class ConnectionPolicyTargetsApi {
  constructor(private readonly r: TwilioRequester) {}

  page(policySid: string, req: PageRequest = {}): Promise<Page<ConnectionPolicyTarget>> {
    return this.r.v1Page(this.r.endpoints.voice, this.path(policySid), 'targets', ConnectionPolicyTargetSchema, 'connection policy targets', req);
  }

  list(policySid: string, options: ListOptions = {}): AsyncGenerator<ConnectionPolicyTarget> {
    return iteratePages((req) => this.page(policySid, req), options);
  }

  fetch(policySid: string, sid: string, options: CallOptions = {}): Promise<ConnectionPolicyTarget> {
    return this.r.call(ConnectionPolicyTargetSchema, 'a connection policy target', { method: 'GET', url: this.url(policySid, sid), signal: options.signal });
  }

  /** `target` is required; Twilio fills in priority 10, weight 10 and enabled when they are left out. */
  create(policySid: string, fields: ConnectionPolicyTargetFields & { target: string }, options: CallOptions = {}): Promise<ConnectionPolicyTarget> {
    return this.r.call(ConnectionPolicyTargetSchema, 'the created connection policy target', {
      method: 'POST',
      url: new URL(this.path(policySid), this.r.endpoints.voice),
      form: twilioForm(fields, CONNECTION_POLICY_TARGET_WRITABLE_FIELDS),
      signal: options.signal,
      idempotent: false,
    });
  }

  update(policySid: string, sid: string, fields: ConnectionPolicyTargetFields, options: CallOptions = {}): Promise<ConnectionPolicyTarget> {
    return this.r.call(ConnectionPolicyTargetSchema, 'the updated connection policy target', {
      method: 'POST',
      url: this.url(policySid, sid),
      form: twilioForm(fields, CONNECTION_POLICY_TARGET_WRITABLE_FIELDS),
      signal: options.signal,
      idempotent: true,
    });
  }

  delete(policySid: string, sid: string, options: CallOptions = {}): Promise<void> {
    return this.r.callNoContent({ method: 'DELETE', url: this.url(policySid, sid), signal: options.signal });
  }

  private path(policySid: string): string {
    return `/v1/ConnectionPolicies/${sidSegment(policySid, SID_PATTERNS.connectionPolicy, 'connection policy')}/Targets`;
  }

  private url(policySid: string, sid: string): URL {
    return new URL(`${this.path(policySid)}/${sidSegment(sid, SID_PATTERNS.connectionPolicyTarget, 'connection policy target')}`, this.r.endpoints.voice);
  }
}
