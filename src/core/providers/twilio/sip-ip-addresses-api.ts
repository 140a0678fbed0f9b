import { iteratePages, type CallOptions, type ListOptions, type Page, type PageRequest } from '../page';
import { SID_PATTERNS, SIP_IP_ADDRESS_WRITABLE_FIELDS, SipIpAddressSchema, type SipIpAddress, type SipIpAddressFields } from './models';
import { twilioForm } from './twilio-form';
import { sidSegment, type TwilioRequester } from './twilio-requester';

/** The addresses and CIDR blocks of an IP access control list (at most 100 per list). */
export class SipIpAddressesApi {
  constructor(private readonly r: TwilioRequester) {}

  page(ipAccessControlListSid: string, req: PageRequest = {}): Promise<Page<SipIpAddress>> {
    return this.r.v2010Page(this.path(ipAccessControlListSid), 'ip_addresses', SipIpAddressSchema, 'IP addresses', req);
  }

  list(ipAccessControlListSid: string, options: ListOptions = {}): AsyncGenerator<SipIpAddress> {
    return iteratePages((req) => this.page(ipAccessControlListSid, req), options);
  }

  fetch(ipAccessControlListSid: string, sid: string, options: CallOptions = {}): Promise<SipIpAddress> {
    return this.r.call(SipIpAddressSchema, 'an IP address', { method: 'GET', url: this.url(ipAccessControlListSid, sid), signal: options.signal });
  }

  /**
   * Adds an IPv4 address or block. Send `cidr_prefix_length` explicitly and compare what comes
   * back: Twilio stores 0 as 32. Not retried when the outcome is unknown: list first.
   */
  create(ipAccessControlListSid: string, fields: SipIpAddressFields, options: CallOptions = {}): Promise<SipIpAddress> {
    return this.r.call(SipIpAddressSchema, 'the created IP address', {
      method: 'POST',
      url: new URL(this.path(ipAccessControlListSid), this.r.endpoints.api),
      form: twilioForm(fields, SIP_IP_ADDRESS_WRITABLE_FIELDS),
      signal: options.signal,
      idempotent: false,
    });
  }

  update(ipAccessControlListSid: string, sid: string, fields: Partial<SipIpAddressFields>, options: CallOptions = {}): Promise<SipIpAddress> {
    return this.r.call(SipIpAddressSchema, 'the updated IP address', {
      method: 'POST',
      url: this.url(ipAccessControlListSid, sid),
      form: twilioForm(fields, SIP_IP_ADDRESS_WRITABLE_FIELDS),
      signal: options.signal,
      idempotent: true,
    });
  }

  delete(ipAccessControlListSid: string, sid: string, options: CallOptions = {}): Promise<void> {
    return this.r.callNoContent({ method: 'DELETE', url: this.url(ipAccessControlListSid, sid), signal: options.signal });
  }

  private path(ipAccessControlListSid: string): string {
    const account = sidSegment(this.r.accountSid, SID_PATTERNS.account, 'account');
    const list = sidSegment(ipAccessControlListSid, SID_PATTERNS.ipAccessControlList, 'IP access control list');
    return `/2010-04-01/Accounts/${account}/SIP/IpAccessControlLists/${list}/IpAddresses.json`;
  }

  private url(ipAccessControlListSid: string, sid: string): URL {
    const list = this.path(ipAccessControlListSid).replace(/\.json$/, '');
    return new URL(`${list}/${sidSegment(sid, SID_PATTERNS.ipAddress, 'IP address')}.json`, this.r.endpoints.api);
  }
}
