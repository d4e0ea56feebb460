/**
 * The documented test identities of the local simulators (README and docs/simulators.md list them). Behaviour is
 * keyed by national ID; every ID here has a valid check digit. Any other valid ID is approved by NAFATH and gets a
 * LOW or MEDIUM risk report from SIMAH, so a new user's journey just works.
 */
export type NafathBehaviour = 'approve' | 'reject' | 'expire' | 'timeout' | 'server-error' | 'garbage';
export type SimahBehaviour = 'ordinary' | 'high-risk' | 'medium-risk' | 'timeout' | 'server-error' | 'server-error-once' | 'garbage';

export interface TestIdentity {
  readonly nationalId: string;
  readonly description: string;
  readonly nafath?: NafathBehaviour;
  readonly simah?: SimahBehaviour;
  readonly staffRole?: 'ops' | 'compliance';
}

export const TEST_IDENTITIES = {
  nafathRejects: { nationalId: '1000000016', nafath: 'reject', description: 'NAFATH: the person rejects the request in the app (REJECTED).' },
  nafathExpires: { nationalId: '1000000024', nafath: 'expire', description: 'NAFATH: the request is never approved (EXPIRED).' },
  nafathTimesOut: { nationalId: '1000000032', nafath: 'timeout', description: 'NAFATH: the login request never answers; sign-in gets 503 IDENTITY_SERVICE_UNAVAILABLE.' },
  nafathServerError: { nationalId: '1000000040', nafath: 'server-error', description: 'NAFATH: answers 503; sign-in gets 503 IDENTITY_SERVICE_UNAVAILABLE.' },
  nafathGarbage: { nationalId: '1000000057', nafath: 'garbage', description: 'NAFATH: answers 200 with a body that is not JSON; sign-in gets 503.' },
  simahHighRisk: { nationalId: '1000000065', simah: 'high-risk', description: 'SIMAH: active defaults and a low score: HIGH risk, ineligible.' },
  simahMediumRisk: { nationalId: '1000000073', simah: 'medium-risk', description: 'SIMAH: score 620: MEDIUM risk, financing up to half the limit.' },
  simahTimesOut: { nationalId: '1000000081', simah: 'timeout', description: 'SIMAH: never answers; retried, then FAILED with SIMAH_TIMEOUT and dead-lettered.' },
  simahServerError: { nationalId: '1000000099', simah: 'server-error', description: 'SIMAH: always 503; retried, then FAILED with SIMAH_UNAVAILABLE and dead-lettered.' },
  simahServerErrorOnce: { nationalId: '1000000107', simah: 'server-error-once', description: 'SIMAH: 503 on the first call, then a report: retried and COMPLETED.' },
  simahGarbage: { nationalId: '1000000115', simah: 'garbage', description: 'SIMAH: a malformed report: FAILED at once with SIMAH_MALFORMED_RESPONSE, dead-lettered.' },
  opsStaff: { nationalId: '1000000123', staffRole: 'ops', description: 'Staff: holds the ops role locally (granted at start-up through the audited grant-role use-case).' },
  complianceStaff: { nationalId: '1000000131', staffRole: 'compliance', description: 'Staff: holds the compliance role locally.' },
  resident: { nationalId: '2000000006', description: 'An Iqama holder (starts with 2): registration gets 422 RESIDENCY_NOT_ELIGIBLE ("Saudi residents only") by default.' },
} as const satisfies Record<string, TestIdentity>;

const byNationalId = new Map<string, TestIdentity>(Object.values(TEST_IDENTITIES).map((identity) => [identity.nationalId, identity]));

export function nafathBehaviourFor(nationalId: string): NafathBehaviour {
  return byNationalId.get(nationalId)?.nafath ?? 'approve';
}

export function simahBehaviourFor(nationalId: string): SimahBehaviour {
  return byNationalId.get(nationalId)?.simah ?? 'ordinary';
}

export const STAFF_IDENTITIES: readonly TestIdentity[] = Object.values(TEST_IDENTITIES).filter((identity) => 'staffRole' in identity);
