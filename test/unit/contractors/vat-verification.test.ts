import { describe, expect, it } from 'vitest';
import { verificationOutcome } from '../../../shared/contractors/domain/vat-verification.ts';
import { UNIFIED_NUMBER_PATTERN, VAT_REGISTRATION_NUMBER_PATTERN as VAT_NUMBER_PATTERN } from '../../../shared/kernel/company-identifiers.ts';

const UNIFIED_NUMBER = '7001234567';

describe('verificationOutcome', () => {
  it('verifies a VAT number registered to the company that claims it', () => {
    expect(verificationOutcome({ status: 'REGISTERED', registeredUnifiedNumber: UNIFIED_NUMBER }, UNIFIED_NUMBER)).toEqual({ kind: 'VERIFIED' });
  });

  it('rejects a VAT number registered to another company', () => {
    expect(verificationOutcome({ status: 'REGISTERED', registeredUnifiedNumber: '7000000001' }, UNIFIED_NUMBER)).toEqual({ kind: 'REJECTED', reasonCode: 'VAT_REGISTERED_TO_ANOTHER_COMPANY' });
  });

  it('rejects a VAT number that is not registered, or no longer is', () => {
    expect(verificationOutcome({ status: 'NOT_REGISTERED' }, UNIFIED_NUMBER)).toEqual({ kind: 'REJECTED', reasonCode: 'VAT_NOT_REGISTERED' });
    expect(verificationOutcome({ status: 'DEREGISTERED' }, UNIFIED_NUMBER)).toEqual({ kind: 'REJECTED', reasonCode: 'VAT_DEREGISTERED' });
  });
});

describe('the number formats', () => {
  it('takes a VAT number of 15 digits whose first and last are 3', () => {
    expect(VAT_NUMBER_PATTERN.test('300270769200003')).toBe(true);
    for (const malformed of ['30027076920003', '3002707692000033', '200270769200003', '300270769200002', '30027076920000x']) expect(VAT_NUMBER_PATTERN.test(malformed)).toBe(false);
  });

  it('takes a unified number of 10 digits starting with 7, not a legacy CR number', () => {
    expect(UNIFIED_NUMBER_PATTERN.test('7001234567')).toBe(true);
    for (const malformed of ['1010123456', '700123456', '70012345678', '700123456x']) expect(UNIFIED_NUMBER_PATTERN.test(malformed)).toBe(false);
  });
});
