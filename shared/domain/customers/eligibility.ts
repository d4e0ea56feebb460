import type { NationalIdKind } from '../identity/national-id.ts';
import { hijriAgeInYears } from '../identity/hijri-age.ts';
import type { LendingPolicy } from '../policy.ts';

export type EligibilityViolation = 'RESIDENCY_NOT_ELIGIBLE' | 'AGE_BELOW_MINIMUM';

/** Every eligibility rule the person breaks, in the order they are reported; empty means eligible. */
export function eligibilityViolations(
  person: { readonly nationalIdKind: NationalIdKind; readonly dateOfBirth: string },
  policy: LendingPolicy,
  today: Date,
): EligibilityViolation[] {
  const violations: EligibilityViolation[] = [];
  if (person.nationalIdKind === 'resident' && policy.residency === 'citizens-only') violations.push('RESIDENCY_NOT_ELIGIBLE');
  if (hijriAgeInYears(person.dateOfBirth, today) < policy.minimumAgeHijriYears) violations.push('AGE_BELOW_MINIMUM');
  return violations;
}
