/**
 * Regulatory and business policy as named values. Defaults follow the SAMA BNPL rules and the product brief
 * (see docs/policy.md); each can be overridden by configuration because the regulator may change them.
 */
export type ResidencyPolicy = 'citizens-only' | 'citizens-and-residents';

export interface LendingPolicy {
  /** SAMA: a consumer's total outstanding BNPL balance may not exceed this. */
  readonly exposureLimitHalalas: number;
  /** SAMA: at most this many installments per plan. */
  readonly installmentCountMax: number;
  /** SAMA: no consumers younger than this many Hijri (Umm al-Qura) years. */
  readonly minimumAgeHijriYears: number;
  /** Product brief: Saudi citizens only by default; a switch admits Iqama holders. */
  readonly residency: ResidencyPolicy;
}

export const DEFAULT_LENDING_POLICY: LendingPolicy = {
  exposureLimitHalalas: 5_000_00,
  installmentCountMax: 12,
  minimumAgeHijriYears: 18,
  residency: 'citizens-only',
};
