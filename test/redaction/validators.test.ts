import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cardPrefixValid, emailDomainValid, ibanValid, luhnValid, ssnValid } from '../../src/redaction/validators.js';

describe('validators', () => {
  it('checks Luhn and card issuer prefixes', () => {
    assert.ok(luhnValid('4111111111111111'));
    assert.ok(!luhnValid('4111111111111112'));
    assert.ok(cardPrefixValid('378282246310005'));
    assert.ok(!cardPrefixValid('1715524390123'));
  });

  it('checks IBAN length per country and mod-97', () => {
    assert.ok(ibanValid('DE89370400440532013000'));
    assert.ok(ibanValid('GB82WEST12345698765432'));
    assert.ok(!ibanValid('DE89370400440532013001'));
    assert.ok(!ibanValid('DE8937040044053201300'));
    assert.ok(!ibanValid('XX89370400440532013000'));
  });

  it('excludes never-issued SSN ranges', () => {
    assert.ok(ssnValid('123', '45', '6789'));
    for (const [a, g, s] of [['000', '12', '3456'], ['666', '12', '3456'], ['900', '12', '3456'], ['123', '00', '4567'], ['123', '45', '0000']]) {
      assert.ok(!ssnValid(a!, g!, s!), `${a}-${g}-${s}`);
    }
  });

  it('accepts only delegated top-level domains', () => {
    assert.ok(emailDomainValid('example.co.uk'));
    assert.ok(emailDomainValid('startup.ai'));
    assert.ok(!emailDomainValid('icon.png'));
    assert.ok(!emailDomainValid('host.local'));
    assert.ok(!emailDomainValid('-bad.com'));
  });
});
