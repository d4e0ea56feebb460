import { describe, expect, it } from 'vitest';
import { negotiateLanguage } from '../../../../shared/kernel/http/language.ts';

describe('negotiateLanguage', () => {
  it('chooses Arabic for a plain ar tag and for regional Arabic tags', () => {
    expect(negotiateLanguage('ar')).toBe('ar');
    expect(negotiateLanguage('ar-SA')).toBe('ar');
  });

  it('chooses the supported language with the highest quality value', () => {
    expect(negotiateLanguage('en;q=0.4, ar;q=0.9')).toBe('ar');
    expect(negotiateLanguage('ar;q=0.2, en-GB;q=0.8')).toBe('en');
  });

  it('falls back to English for missing, unsupported, refused or oversized headers', () => {
    expect(negotiateLanguage(undefined)).toBe('en');
    expect(negotiateLanguage('fr-FR, de')).toBe('en');
    expect(negotiateLanguage('ar;q=0')).toBe('en');
    expect(negotiateLanguage(`ar,${'x'.repeat(300)}`)).toBe('en');
  });
});
