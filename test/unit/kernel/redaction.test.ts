import { describe, expect, it } from 'vitest';
import { REDACTED, redactPersonalFields } from '../../../shared/kernel/observability/redaction.ts';

describe('redactPersonalFields', () => {
  it('masks personal fields at any depth whatever their casing or separators', () => {
    const logged = { customer: { national_id: '1000000008', FullName: { ar: 'محمد', en: 'Mohammed' }, plan: { email: 'a@b.sa' } }, planId: 'P1' };

    const serialised = JSON.stringify(logged, redactPersonalFields);

    expect(serialised).not.toContain('1000000008');
    expect(serialised).not.toContain('Mohammed');
    expect(serialised).not.toContain('a@b.sa');
    expect(JSON.parse(serialised)).toEqual({
      customer: { national_id: REDACTED, FullName: REDACTED, plan: { email: REDACTED } },
      planId: 'P1',
    });
  });

  it('masks fields whose names contain a personal field name, such as per-language names and prefixed contacts', () => {
    const logged = { fullNameAr: 'ليلى', fullNameEn: 'Layla', customerPhone: '+966512345678', contact_email: 'l@b.sa', ibanNumber: 'SA0380000000608010167519' };

    const serialised = JSON.stringify(logged, redactPersonalFields);

    expect(JSON.parse(serialised)).toEqual({ fullNameAr: REDACTED, fullNameEn: REDACTED, customerPhone: REDACTED, contact_email: REDACTED, ibanNumber: REDACTED });
  });

  it('keeps non-personal fields and absent personal fields as they are', () => {
    expect(JSON.parse(JSON.stringify({ amountHalalas: 500, phone: null }, redactPersonalFields))).toEqual({ amountHalalas: 500, phone: null });
  });
});
