/** Saudi mobile numbers: +966 then nine digits starting with 5. Accepts 05XXXXXXXX, 5XXXXXXXX, 9665XXXXXXXX, +9665XXXXXXXX. */
const SAUDI_MOBILE_PATTERN = /^(?:\+?966|0)?(5\d{8})$/;

/**
 * The same numbers as a request may spell them: grouped by single spaces or dashes, none at either end. The API
 * documents and checks this form before normalising; character classes are spelt out so that the pattern means the
 * same in every regex engine.
 */
export const SAUDI_MOBILE_INPUT_PATTERN = /^(?:(?:\+[ -]?)?9[ -]?6[ -]?6[ -]?|0[ -]?)?5(?:[ -]?[0-9]){8}$/;

/** Returns the number in E.164 (+9665XXXXXXXX), or undefined when it is not a Saudi mobile number. */
export function normaliseSaudiMobile(candidate: string): string | undefined {
  const compact = candidate.replace(/[\s-]/g, '');
  const match = SAUDI_MOBILE_PATTERN.exec(compact);
  return match === null ? undefined : `+966${match[1]}`;
}
