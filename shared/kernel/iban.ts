/**
 * Saudi IBANs (ISO 13616): `SA`, two check digits, a two-digit bank code and eighteen account characters, 24 in all.
 * The check digits are ISO 7064 MOD-97-10. An IBAN is personal data: nothing here puts one, or any part of the
 * input, into a rejection; show it to people only through maskIban.
 */

/**
 * The two-digit bank code (IBAN characters 5 and 6) → bank, as public code lists give them (domain-facts.md).
 * This is a policy value, not a fact to hard-code: some lists map 55 and 85 differently, and banks merge (SAMBA into
 * SNB, Alawwal into SAB, whose legacy codes still appear on old accounts), so check the table against SAMA's own
 * list and pass a corrected one to parseSaudiIban rather than editing callers.
 */
export const SAUDI_BANK_CODES: Readonly<Record<string, string>> = Object.freeze({
  '05': 'Alinma Bank',
  '10': 'Saudi National Bank (SNB)',
  '15': 'Bank Albilad',
  '20': 'Riyad Bank',
  '30': 'Arab National Bank',
  '40': 'SAMBA Financial Group (merged into SNB)',
  '45': 'Saudi Awwal Bank (SAB)',
  '50': 'Alawwal Bank (merged into SAB)',
  '55': 'Banque Saudi Fransi (BSF)',
  '60': 'Bank Aljazira',
  '65': 'Saudi Investment Bank (SAIB)',
  '71': 'National Bank of Bahrain',
  '75': 'National Bank of Kuwait',
  '76': 'Bank Muscat',
  '80': 'Al Rajhi Bank',
  '85': 'BNP Paribas',
  '90': 'Gulf International Bank (GIB)',
  '95': 'Emirates NBD',
});

/** A Saudi IBAN is exactly this long once spaces are removed. */
export const SAUDI_IBAN_LENGTH = 24;

/**
 * Input longer than this is refused before any work: room for the 24 characters grouped by spaces (29 characters
 * when grouped in fours) and some stray spacing, but not for abuse.
 */
export const IBAN_INPUT_LENGTH_MAX = 64;

/** `SA`, two check digits, a two-digit bank code, eighteen account characters (upper-case after normalising). */
export const SAUDI_IBAN_PATTERN = /^SA[0-9]{2}[0-9]{2}[0-9A-Z]{18}$/;

/**
 * Why an IBAN was refused, checked in this order:
 * - FORMAT: not `SA` + 22 characters of the right kinds (after removing spaces and upper-casing), or too long;
 * - CHECKSUM: well formed, but the MOD-97-10 check fails (a typing error);
 * - UNKNOWN_BANK: checksum right, but the bank code is not in the bank code table.
 */
export type SaudiIbanRejection = 'FORMAT' | 'CHECKSUM' | 'UNKNOWN_BANK';

export type SaudiIbanResult =
  | { readonly ok: true; readonly iban: string; readonly bankCode: string; readonly bankName: string }
  | { readonly ok: false; readonly reason: SaudiIbanRejection };

/** Whitespace people type or paste between groups (including no-break spaces). */
const SPACES = /\s/g;
/** Checked before upper-casing: toUpperCase maps some non-ASCII letters to ASCII ones ('ſ' → 'S', 'ı' → 'I'). */
const ASCII_ALPHANUMERIC = /^[0-9A-Za-z]*$/;

/**
 * Parses an IBAN as a person may type it (grouped by spaces, lower-case letters) into its normalised form (no
 * spaces, upper-case), or says why it is not a valid Saudi IBAN of a known bank. `bankCodes` defaults to
 * SAUDI_BANK_CODES; pass the table checked against SAMA's list when configuration provides one.
 */
export function parseSaudiIban(input: string, bankCodes: Readonly<Record<string, string>> = SAUDI_BANK_CODES): SaudiIbanResult {
  if (input.length > IBAN_INPUT_LENGTH_MAX) return { ok: false, reason: 'FORMAT' };
  const compact = input.replace(SPACES, '');
  if (!ASCII_ALPHANUMERIC.test(compact)) return { ok: false, reason: 'FORMAT' };
  const iban = compact.toUpperCase();
  if (!SAUDI_IBAN_PATTERN.test(iban)) return { ok: false, reason: 'FORMAT' };
  if (mod97(`${iban.slice(4)}${iban.slice(0, 4)}`) !== 1) return { ok: false, reason: 'CHECKSUM' };
  const bankCode = iban.slice(4, 6);
  const bankName = Object.hasOwn(bankCodes, bankCode) ? bankCodes[bankCode] : undefined;
  if (bankName === undefined) return { ok: false, reason: 'UNKNOWN_BANK' };
  return { ok: true, iban, bankCode, bankName };
}

/**
 * ISO 7064 MOD-97-10 remainder of the number the characters spell (digits as themselves, letters A=10 … Z=35),
 * folded one character at a time so that the intermediate value stays below 97 × 100 and no precision is lost.
 * Expects upper-case ASCII letters and digits only (the caller has checked the format).
 */
function mod97(characters: string): number {
  let remainder = 0;
  for (const character of characters) {
    const value = Number.parseInt(character, 36);
    remainder = (remainder * (value < 10 ? 10 : 100) + value) % 97;
  }
  return remainder;
}

/** What maskIban shows for a value that is not a 24-character Saudi IBAN: nothing of it, not even its length. */
export const FULLY_MASKED_IBAN = '**** **** **** **** **** ****';

/**
 * Masks an IBAN for staff views, receipts and logs: keeps `SA`, the bank code and the last four characters, in the
 * usual groups of four, e.g. `SA0380000000608010167519` → `SA** 80** **** **** **** 7519`. Spaces and lower case are
 * accepted as parseSaudiIban accepts them; anything that is not `SA` + 22 ASCII letters or digits gives
 * FULLY_MASKED_IBAN, so a malformed value never leaks.
 */
export function maskIban(iban: string): string {
  const compact = iban.length > IBAN_INPUT_LENGTH_MAX ? '' : iban.replace(SPACES, '');
  if (!ASCII_ALPHANUMERIC.test(compact)) return FULLY_MASKED_IBAN;
  const normalised = compact.toUpperCase();
  if (normalised.length !== SAUDI_IBAN_LENGTH || !normalised.startsWith('SA')) return FULLY_MASKED_IBAN;
  return `SA** ${normalised.slice(4, 6)}** **** **** **** ${normalised.slice(-4)}`;
}
