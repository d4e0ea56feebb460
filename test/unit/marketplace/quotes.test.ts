/**
 * The marketplace's pure rules: a quote's price exact in halalas (VAT half up, the total their sum), the checks on
 * a quote's sizes and validity, the price per kWp the comparison shows, and a request that closes by time.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkQuote, DEFAULT_MARKETPLACE_POLICY, effectiveStatus, pricePerKilowattPeakHalalas, priceQuote, type QuoteLine } from '../../../shared/marketplace/domain/quotes.ts';

const policy = DEFAULT_MARKETPLACE_POLICY;
const TODAY = '2026-12-03';

/** 27 × 550 W = 14,850 W, valid for 30 days. */
const line = (overrides: Partial<QuoteLine> = {}): QuoteLine => ({
  systemWatts: 14_850,
  module: { make: 'Jinko', model: 'Tiger Neo 550', wattage: 550, count: 27 },
  inverter: { make: 'Huawei', model: 'SUN2000-15KTL' },
  equipmentHalalas: 4_500_001,
  installationHalalas: 1_200_000,
  warrantyYears: 10,
  installationDays: 5,
  validUntil: '2027-01-02',
  ...overrides,
});

const daysAfter = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** 15 % of the subtotal, rounded half up to the halala, in BigInt. */
const referenceVat = (subtotal: bigint): bigint => (subtotal * 1_500n * 2n + 10_000n) / 20_000n;

describe('pricing a quote', () => {
  it('charges 15 % VAT on equipment plus installation, rounded half up, and totals exactly', () => {
    // 5,700,001 × 15 % = 855,000.15 → 855,000.
    expect(priceQuote(line(), policy)).toEqual({ subtotalHalalas: 5_700_001, vatHalalas: 855_000, totalHalalas: 6_555_001 });
  });

  it('rounds a half halala of VAT up and anything below it down', () => {
    // 10 × 15 % = 1.5 → 2; 9 × 15 % = 1.35 → 1; 3 × 15 % = 0.45 → 0; 7 × 15 % = 1.05 → 1.
    expect(priceQuote({ equipmentHalalas: 10, installationHalalas: 0 }, policy).vatHalalas).toBe(2);
    expect(priceQuote({ equipmentHalalas: 4, installationHalalas: 5 }, policy).vatHalalas).toBe(1);
    expect(priceQuote({ equipmentHalalas: 0, installationHalalas: 3 }, policy).vatHalalas).toBe(0);
    expect(priceQuote({ equipmentHalalas: 7, installationHalalas: 0 }, policy).vatHalalas).toBe(1);
    expect(priceQuote({ equipmentHalalas: 0, installationHalalas: 0 }, policy)).toEqual({ subtotalHalalas: 0, vatHalalas: 0, totalHalalas: 0 });
  });

  it('agrees with a BigInt reference for any whole-halala prices up to 1e9, the total being subtotal plus VAT', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), fc.integer({ min: 0, max: 1_000_000_000 }), (equipmentHalalas, installationHalalas) => {
        const price = priceQuote({ equipmentHalalas, installationHalalas }, policy);
        const subtotal = BigInt(equipmentHalalas) + BigInt(installationHalalas);
        const vat = referenceVat(subtotal);
        expect(price).toEqual({ subtotalHalalas: Number(subtotal), vatHalalas: Number(vat), totalHalalas: Number(subtotal + vat) });
        expect(price.totalHalalas).toBe(price.subtotalHalalas + price.vatHalalas);
      }),
      { numRuns: 2_000 },
    );
  });

  it('uses the policy rate it is given', () => {
    expect(priceQuote({ equipmentHalalas: 1_000, installationHalalas: 0 }, { vatBasisPoints: 500 }).vatHalalas).toBe(50);
  });
});

describe('checking a quote', () => {
  it('accepts module count × wattage equal to the size, valid for 30 days', () => {
    expect(checkQuote(line(), TODAY, policy)).toEqual({ kind: 'valid' });
  });

  it('refuses sizes that do not add up, by a watt either way', () => {
    expect(checkQuote(line({ systemWatts: 14_851 }), TODAY, policy)).toEqual({ kind: 'refused', code: 'QUOTE_SIZES_DO_NOT_ADD_UP' });
    expect(checkQuote(line({ systemWatts: 14_849 }), TODAY, policy)).toEqual({ kind: 'refused', code: 'QUOTE_SIZES_DO_NOT_ADD_UP' });
    expect(checkQuote(line({ module: { make: 'Jinko', model: 'Tiger Neo 550', wattage: 550, count: 26 } }), TODAY, policy)).toEqual({ kind: 'refused', code: 'QUOTE_SIZES_DO_NOT_ADD_UP' });
  });

  it('holds for any module count and wattage whose product is the size, and for no other size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 100, max: 800 }), fc.integer({ min: -1_000, max: 1_000 }), (count, wattage, offset) => {
        const module = { make: 'M', model: 'X', wattage, count };
        const check = checkQuote(line({ module, systemWatts: count * wattage + offset }), TODAY, policy);
        expect(check).toEqual(offset === 0 ? { kind: 'valid' } : { kind: 'refused', code: 'QUOTE_SIZES_DO_NOT_ADD_UP' });
      }),
    );
  });

  it('takes a validity from today to 90 days inclusive, and nothing outside it', () => {
    expect(checkQuote(line({ validUntil: TODAY }), TODAY, policy)).toEqual({ kind: 'valid' });
    expect(checkQuote(line({ validUntil: daysAfter(TODAY, 90) }), TODAY, policy)).toEqual({ kind: 'valid' });
    expect(checkQuote(line({ validUntil: daysAfter(TODAY, 91) }), TODAY, policy)).toEqual({ kind: 'refused', code: 'QUOTE_VALIDITY_OUT_OF_RANGE' });
    expect(checkQuote(line({ validUntil: daysAfter(TODAY, -1) }), TODAY, policy)).toEqual({ kind: 'refused', code: 'QUOTE_VALIDITY_OUT_OF_RANGE' });
  });

  it('counts days across a month and a year end, and by the policy it is given', () => {
    expect(checkQuote(line({ validUntil: '2027-03-03' }), '2026-12-03', policy)).toEqual({ kind: 'valid' }); // 90 days
    expect(checkQuote(line({ validUntil: '2027-03-04' }), '2026-12-03', policy)).toEqual({ kind: 'refused', code: 'QUOTE_VALIDITY_OUT_OF_RANGE' });
    expect(checkQuote(line({ validUntil: daysAfter(TODAY, 7) }), TODAY, { quoteValidityDaysMax: 7 })).toEqual({ kind: 'valid' });
    expect(checkQuote(line({ validUntil: daysAfter(TODAY, 8) }), TODAY, { quoteValidityDaysMax: 7 })).toEqual({ kind: 'refused', code: 'QUOTE_VALIDITY_OUT_OF_RANGE' });
  });

  it('refuses a validity that is not a date', () => {
    expect(checkQuote(line({ validUntil: 'soon' }), TODAY, policy)).toEqual({ kind: 'refused', code: 'QUOTE_VALIDITY_OUT_OF_RANGE' });
  });

  it('checks the sizes before the validity', () => {
    expect(checkQuote(line({ systemWatts: 1, validUntil: daysAfter(TODAY, 365) }), TODAY, policy)).toEqual({ kind: 'refused', code: 'QUOTE_SIZES_DO_NOT_ADD_UP' });
  });

  it('accepts exactly the validities from day 0 to day 90', () => {
    fc.assert(
      fc.property(fc.integer({ min: -400, max: 400 }), (days) => {
        const check = checkQuote(line({ validUntil: daysAfter(TODAY, days) }), TODAY, policy);
        expect(check.kind).toBe(days >= 0 && days <= 90 ? 'valid' : 'refused');
      }),
    );
  });
});

describe('price per kWp', () => {
  /** total × 1,000 / watts, rounded half up, in BigInt. */
  const reference = (total: number, watts: number): number => Number((BigInt(total) * 1_000n * 2n + BigInt(watts)) / (2n * BigInt(watts)));

  it('divides the total by the size in kWp, rounding half up to the halala', () => {
    expect(pricePerKilowattPeakHalalas(6_555_001, 14_850)).toBe(441_414); // 441,414.209…
    expect(pricePerKilowattPeakHalalas(1, 2_000)).toBe(1); // 0.5 → 1
    expect(pricePerKilowattPeakHalalas(1, 2_001)).toBe(0); // 0.4997… → 0
    expect(pricePerKilowattPeakHalalas(3, 2_000)).toBe(2); // 1.5 → 2
    expect(pricePerKilowattPeakHalalas(10_000_000, 10_000)).toBe(1_000_000);
  });

  it('agrees with a BigInt reference for whole-halala totals up to 1e9 and any size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), fc.integer({ min: 1, max: 1_000_000_000 }), (total, watts) => {
        expect(pricePerKilowattPeakHalalas(total, watts)).toBe(reference(total, watts));
      }),
      { numRuns: 2_000 },
    );
  });

  it('agrees at exact halves, where rounding decides', () => {
    // total × 1000 / watts = k + ½ exactly when watts = 2000 and total is odd.
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500_000_000 }), (half) => {
        const total = 2 * half + 1;
        expect(pricePerKilowattPeakHalalas(total, 2_000)).toBe(reference(total, 2_000));
        expect(pricePerKilowattPeakHalalas(total, 2_000)).toBe(half + 1);
      }),
    );
  });
});

describe('a request\'s effective status', () => {
  const now = new Date('2026-12-03T10:00:00Z');
  const before = new Date(now.getTime() - 1);
  const after = new Date(now.getTime() + 1);

  it('is OPEN while its window lasts', () => {
    expect(effectiveStatus({ status: 'OPEN', closesAt: after }, now)).toBe('OPEN');
  });

  it('reads as CLOSED once its window has passed, at the instant it closes too', () => {
    expect(effectiveStatus({ status: 'OPEN', closesAt: before }, now)).toBe('CLOSED');
    expect(effectiveStatus({ status: 'OPEN', closesAt: now }, now)).toBe('CLOSED');
  });

  it('keeps CLOSED and ACCEPTED whatever the time', () => {
    for (const closesAt of [before, now, after]) {
      expect(effectiveStatus({ status: 'CLOSED', closesAt }, now)).toBe('CLOSED');
      expect(effectiveStatus({ status: 'ACCEPTED', closesAt }, now)).toBe('ACCEPTED');
    }
  });
});
