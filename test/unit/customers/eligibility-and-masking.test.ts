import { describe, expect, it } from 'vitest';
import { eligibilityViolations } from '../../../shared/customers/domain/eligibility.ts';
import { maskDateOfBirth, maskEmail, maskName, maskNationalId, maskPhone } from '../../../shared/customers/domain/masking.ts';
import { DEFAULT_LENDING_POLICY } from '../../../shared/kernel/policy.ts';

const today = new Date('2026-11-24T09:00:00Z');

describe('customer eligibility', () => {
  it('admits an adult citizen', () => {
    expect(eligibilityViolations({ nationalIdKind: 'citizen', dateOfBirth: '1990-05-01' }, DEFAULT_LENDING_POLICY, today)).toEqual([]);
  });

  it('refuses residents by default and admits them when the policy switch allows residents', () => {
    const resident = { nationalIdKind: 'resident' as const, dateOfBirth: '1990-05-01' };
    expect(eligibilityViolations(resident, DEFAULT_LENDING_POLICY, today)).toEqual(['RESIDENCY_NOT_ELIGIBLE']);
    expect(eligibilityViolations(resident, { ...DEFAULT_LENDING_POLICY, residency: 'citizens-and-residents' }, today)).toEqual([]);
  });

  it('reports every broken rule, residency first', () => {
    expect(eligibilityViolations({ nationalIdKind: 'resident', dateOfBirth: '2015-01-01' }, DEFAULT_LENDING_POLICY, today)).toEqual([
      'RESIDENCY_NOT_ELIGIBLE',
      'AGE_BELOW_MINIMUM',
    ]);
  });
});

describe('masking for staff views', () => {
  it('keeps only what staff need to recognise a customer', () => {
    expect(maskNationalId('1000000008')).toBe('******0008');
    expect(maskPhone('+966512345678')).toBe('+9665*****678');
    expect(maskEmail('layla@example.sa')).toBe('l***@example.sa');
    expect(maskName('Layla Al-Harbi')).toBe('L**** A*******');
    expect(maskName('ليلى الحربي')).toBe('ل*** ا*****');
    expect(maskDateOfBirth('1990-05-01')).toBe('1990-**-**');
  });
});
