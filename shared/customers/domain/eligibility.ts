import type { NationalIdKind } from '../../kernel/national-id.ts';
import { hijriAgeInYears } from './hijri-age.ts';
import type { LendingPolicy } from '../../kernel/policy.ts';

export type EligibilityViolation = 'RESIDENCY_NOT_ELIGIBLE' | 'AGE_BELOW_MINIMUM';

export function residencyViolations(nationalIdKind: NationalIdKind, policy: Pick<LendingPolicy, 'residency'>): EligibilityViolation[] {
  return nationalIdKind === 'resident' && policy.residency === 'citizens-only' ? ['RESIDENCY_NOT_ELIGIBLE'] : [];
}

export function ageViolations(dateOfBirth: string, policy: Pick<LendingPolicy, 'minimumAgeHijriYears'>, today: Date): EligibilityViolation[] {
  return hijriAgeInYears(dateOfBirth, today) < policy.minimumAgeHijriYears ? ['AGE_BELOW_MINIMUM'] : [];
}

/** Every eligibility rule the person breaks, in the order they are reported; empty means eligible. */
export function eligibilityViolations(
  person: { readonly nationalIdKind: NationalIdKind; readonly dateOfBirth: string },
  policy: LendingPolicy,
  today: Date,
): EligibilityViolation[] {
  return [...residencyViolations(person.nationalIdKind, policy), ...ageViolations(person.dateOfBirth, policy, today)];
}
