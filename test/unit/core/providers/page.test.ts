import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { resolvePageLink } from '../../../../src/core/providers/page';

describe('resolvePageLink', () => {
  test('follows a link to the configured origin as given', () => {
    assert.equal(
      resolvePageLink('https://trunking.twilio.com', 'https://trunking.twilio.com/v1/Trunks?PageSize=50&PageToken=PA1').href,
      'https://trunking.twilio.com/v1/Trunks?PageSize=50&PageToken=PA1',
    );
    assert.equal(resolvePageLink('http://127.0.0.1:4010', '/2010-04-01/Accounts/AC1/IncomingPhoneNumbers.json?Page=1').href, 'http://127.0.0.1:4010/2010-04-01/Accounts/AC1/IncomingPhoneNumbers.json?Page=1');
  });

  test('re-bases a link to another host onto the configured origin, so credentials never go elsewhere', () => {
    assert.equal(
      resolvePageLink('http://127.0.0.1:4010', 'https://evil.example.com/v1/Trunks?PageToken=PA1').href,
      'http://127.0.0.1:4010/v1/Trunks?PageToken=PA1',
    );
  });
});
