import { describe, expect, it } from 'vitest';
import { REDACTED, redactPersonalFields } from '../../../../shared/observability/redaction.ts';

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

  it('keeps non-personal fields and absent personal fields as they are', () => {
    expect(JSON.parse(JSON.stringify({ amountHalalas: 500, phone: null }, redactPersonalFields))).toEqual({ amountHalalas: 500, phone: null });
  });
});
