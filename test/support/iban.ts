/**
 * Builds valid Saudi IBANs for tests from the ISO 13616 rules themselves, independently of shared/kernel/iban.ts
 * (with BigInt arithmetic rather than its piecewise remainder), so that tests of the parser do not trust it.
 */

/** The number the characters spell for MOD-97-10: digits as themselves, letters A=10 … Z=35. */
function numeric(characters: string): bigint {
  return BigInt([...characters].map((character) => Number.parseInt(character, 36).toString()).join(''));
}

/** The two check digits that make `SA` + digits + `bankCode` + `account18` satisfy MOD-97-10. */
export function saudiIbanCheckDigits(bankCode: string, account18: string): string {
  const rearranged = `${bankCode}${account18}SA00`;
  return String(98n - (numeric(rearranged) % 97n)).padStart(2, '0');
}

/**
 * A valid, normalised (no spaces, upper-case) Saudi IBAN for a two-digit bank code and an 18-character account of
 * ASCII letters and digits, e.g. validSaudiIban('80', '000000608010167519') === 'SA0380000000608010167519'.
 * The bank code need not be in the bank code table, so tests can build UNKNOWN_BANK cases too.
 */
export function validSaudiIban(bankCode: string, account18: string): string {
  if (!/^[0-9]{2}$/.test(bankCode)) throw new Error('the bank code is two digits');
  if (!/^[0-9A-Za-z]{18}$/.test(account18)) throw new Error('the account is 18 ASCII letters or digits');
  const account = account18.toUpperCase();
  return `SA${saudiIbanCheckDigits(bankCode, account)}${bankCode}${account}`;
}
