/** Saudi mobile numbers: +966 then nine digits starting with 5. Accepts 05XXXXXXXX, 5XXXXXXXX, 9665XXXXXXXX, +9665XXXXXXXX. */
const SAUDI_MOBILE_PATTERN = /^(?:\+?966|0)?(5\d{8})$/;

/** Returns the number in E.164 (+9665XXXXXXXX), or undefined when it is not a Saudi mobile number. */
export function normaliseSaudiMobile(candidate: string): string | undefined {
  const compact = candidate.replace(/[\s-]/g, '');
  const match = SAUDI_MOBILE_PATTERN.exec(compact);
  return match === null ? undefined : `+966${match[1]}`;
}
