/**
 * The one catalogue of documented test identities for the local simulators (docs/simulators.md and the README list
 * them). Behaviour is keyed by national ID, and every ID here has a valid check digit, so it passes our own
 * validation and reaches the simulator. Any other valid ID is approved by NAFATH and gets a LOW or MEDIUM risk
 * report from SIMAH, so a new person's journey just works.
 */
export type NafathBehaviour = 'approve' | 'reject' | 'expire' | 'timeout' | 'server-error' | 'garbage';
export type SimahBehaviour = 'ordinary' | 'high-risk' | 'medium-risk' | 'timeout' | 'server-error' | 'server-error-once' | 'garbage';
export type StaffRole = 'ops' | 'compliance';

export interface NafathTestIdentity {
  readonly nationalId: string;
  readonly simulator: 'NAFATH';
  readonly behaviour: NafathBehaviour;
  readonly description: string;
  /** Granted by the local runtime at start-up; the person still signs in through NAFATH like anyone else. */
  readonly staffRole?: StaffRole;
}

export interface SimahTestIdentity {
  readonly nationalId: string;
  readonly simulator: 'SIMAH';
  readonly behaviour: SimahBehaviour;
  readonly description: string;
}

export type TestIdentity = NafathTestIdentity | SimahTestIdentity;
export type StaffTestIdentity = NafathTestIdentity & { readonly staffRole: StaffRole };

export const TEST_IDENTITIES = {
  nafathRejects: {
    nationalId: '1000000016',
    simulator: 'NAFATH',
    behaviour: 'reject',
    description: 'The person rejects the request in the app: the session ends REJECTED.',
  },
  nafathExpires: {
    nationalId: '1000000024',
    simulator: 'NAFATH',
    behaviour: 'expire',
    description: 'The request is never approved: the session ends EXPIRED.',
  },
  nafathTimesOut: {
    nationalId: '1000000032',
    simulator: 'NAFATH',
    behaviour: 'timeout',
    description: 'The login request never answers within our 5 s timeout: sign-in gets 503 IDENTITY_SERVICE_UNAVAILABLE.',
  },
  nafathServerError: {
    nationalId: '1000000040',
    simulator: 'NAFATH',
    behaviour: 'server-error',
    description: 'NAFATH answers 503: sign-in gets 503 IDENTITY_SERVICE_UNAVAILABLE.',
  },
  nafathGarbage: {
    nationalId: '1000000057',
    simulator: 'NAFATH',
    behaviour: 'garbage',
    description: 'NAFATH answers 200 with a body that is not JSON: sign-in gets 503 IDENTITY_SERVICE_UNAVAILABLE.',
  },
  simahHighRisk: {
    nationalId: '1000000065',
    simulator: 'SIMAH',
    behaviour: 'high-risk',
    description: 'Score 480 with 2 active defaults: HIGH risk, ineligible (maximum financing 0).',
  },
  simahMediumRisk: {
    nationalId: '1000000073',
    simulator: 'SIMAH',
    behaviour: 'medium-risk',
    description: 'Score 620, no defaults: MEDIUM risk, financing up to half the exposure limit.',
  },
  simahTimesOut: {
    nationalId: '1000000081',
    simulator: 'SIMAH',
    behaviour: 'timeout',
    description: 'SIMAH never answers within our 5 s timeout: retried, then FAILED with SIMAH_TIMEOUT and dead-lettered.',
  },
  simahServerError: {
    nationalId: '1000000099',
    simulator: 'SIMAH',
    behaviour: 'server-error',
    description: 'SIMAH always answers 503: retried, then FAILED with SIMAH_UNAVAILABLE and dead-lettered.',
  },
  simahServerErrorOnce: {
    nationalId: '1000000107',
    simulator: 'SIMAH',
    behaviour: 'server-error-once',
    description: 'SIMAH answers 503 to the first request, then a LOW-risk report (score 760): retried and COMPLETED.',
  },
  simahGarbage: {
    nationalId: '1000000115',
    simulator: 'SIMAH',
    behaviour: 'garbage',
    description: 'SIMAH answers 200 with a malformed report: FAILED at once with SIMAH_MALFORMED_RESPONSE, dead-lettered.',
  },
  opsStaff: {
    nationalId: '1000000123',
    simulator: 'NAFATH',
    behaviour: 'approve',
    staffRole: 'ops',
    description: 'Staff: holds the ops role locally (granted at start-up through the audited grant-role use-case).',
  },
  complianceStaff: {
    nationalId: '1000000131',
    simulator: 'NAFATH',
    behaviour: 'approve',
    staffRole: 'compliance',
    description: 'Staff: holds the compliance role locally (granted at start-up through the audited grant-role use-case).',
  },
  resident: {
    nationalId: '2000000006',
    simulator: 'NAFATH',
    behaviour: 'approve',
    description: 'An Iqama holder (first digit 2): NAFATH approves, registration gets 422 RESIDENCY_NOT_ELIGIBLE by default.',
  },
} as const satisfies Record<string, TestIdentity>;

export const TEST_IDENTITY_LIST: readonly TestIdentity[] = Object.values(TEST_IDENTITIES);

const nafathByNationalId = new Map(
  TEST_IDENTITY_LIST.flatMap((identity) => (identity.simulator === 'NAFATH' ? [[identity.nationalId, identity.behaviour] as const] : [])),
);
const simahByNationalId = new Map(
  TEST_IDENTITY_LIST.flatMap((identity) => (identity.simulator === 'SIMAH' ? [[identity.nationalId, identity.behaviour] as const] : [])),
);

export function nafathBehaviourFor(nationalId: string): NafathBehaviour {
  return nafathByNationalId.get(nationalId) ?? 'approve';
}

export function simahBehaviourFor(nationalId: string): SimahBehaviour {
  return simahByNationalId.get(nationalId) ?? 'ordinary';
}

function isStaff(identity: TestIdentity): identity is StaffTestIdentity {
  return identity.simulator === 'NAFATH' && identity.staffRole !== undefined;
}

export const STAFF_IDENTITIES: readonly StaffTestIdentity[] = TEST_IDENTITY_LIST.filter(isStaff);
