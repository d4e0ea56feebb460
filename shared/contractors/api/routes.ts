/** The contractors context's routes: applications, a contractor's own view, and staff pre-qualification. */
import { CUSTOMERS, STANDARD_THROTTLE, defineRoute, type RouteAccess, type RouteDefinition } from '../../kernel/http/route.ts';
import {
  applyAsContractorRequestSchema,
  contractorDecisionPathSchema,
  contractorDecisionSchema,
  contractorPathSchema,
  contractorSchema,
  inviteMemberRequestSchema,
  memberInvitationSchema,
  proposeContractorDecisionRequestSchema,
} from './contracts.ts';

/** Any person signed in with NAFATH holds the customer role; acting for a contractor is a membership, checked per request. */
const SIGNED_IN_PERSON = CUSTOMERS;
/** Ops propose; either staff role confirms, never the proposer (four eyes). */
const OPS = { kind: 'roles', roles: ['ops'] } as const satisfies RouteAccess;
const STAFF = { kind: 'roles', roles: ['ops', 'compliance'] } as const satisfies RouteAccess;

export const contractorsRoutes = {
  applyAsContractor: defineRoute({
    id: 'ApplyAsContractor',
    method: 'POST',
    path: '/v1/contractors',
    handlerEntry: 'functions/contractors/apply-as-contractor.ts',
    access: SIGNED_IN_PERSON,
    throttle: STANDARD_THROTTLE,
    permissions: ['table:read', 'table:write', 'pii:encrypt'],
    summary: "Applies for the caller's installer company; the caller becomes its administrator. ZATCA verifies the VAT registration asynchronously.",
    request: { body: applyAsContractorRequestSchema, requiresIdempotencyKey: true },
    responses: { 201: { description: 'The application, SUBMITTED.', schema: contractorSchema } },
    errorCodes: ['IBAN_CHECKSUM_INVALID', 'CONTRACTOR_ALREADY_REGISTERED', 'CONTRACTOR_MEMBERSHIP_EXISTS', 'IDEMPOTENCY_KEY_REQUIRED', 'IDEMPOTENCY_KEY_REUSED', 'IDEMPOTENCY_KEY_IN_USE'],
  }),
  getOwnContractor: defineRoute({
    id: 'GetOwnContractor',
    method: 'GET',
    path: '/v1/contractors/me',
    handlerEntry: 'functions/contractors/get-own-contractor.ts',
    access: SIGNED_IN_PERSON,
    throttle: STANDARD_THROTTLE,
    // Writes: a member invited by national ID is activated on their first request.
    permissions: ['table:read', 'table:write'],
    summary: "The contractor the caller acts for, with their role in it. A person invited as a member becomes one here, on their first request after signing in with NAFATH.",
    request: {},
    responses: { 200: { description: 'The contractor.', schema: contractorSchema } },
    errorCodes: ['CONTRACTOR_MEMBERSHIP_REQUIRED'],
  }),
  inviteContractorMember: defineRoute({
    id: 'InviteContractorMember',
    method: 'POST',
    path: '/v1/contractors/me/members',
    handlerEntry: 'functions/contractors/invite-contractor-member.ts',
    access: SIGNED_IN_PERSON,
    throttle: STANDARD_THROTTLE,
    permissions: ['table:read', 'table:write', 'pii:encrypt', 'pii:blind-index'],
    summary: "The contractor's administrator invites a member by national ID; the member becomes active when they sign in with NAFATH and open their contractor.",
    request: { body: inviteMemberRequestSchema },
    responses: { 201: { description: 'The invitation.', schema: memberInvitationSchema } },
    errorCodes: ['CONTRACTOR_MEMBERSHIP_REQUIRED', 'CONTRACTOR_ADMINISTRATOR_REQUIRED', 'CONTRACTOR_MEMBER_ALREADY_INVITED'],
  }),
  getContractorForStaff: defineRoute({
    id: 'GetContractorForStaff',
    method: 'GET',
    path: '/v1/ops/contractors/{contractorId}',
    handlerEntry: 'functions/contractors/get-contractor-for-staff.ts',
    access: STAFF,
    throttle: STANDARD_THROTTLE,
    permissions: ['table:read'],
    summary: 'A contractor, for staff reviewing it.',
    request: { pathParameters: contractorPathSchema },
    responses: { 200: { description: 'The contractor.', schema: contractorSchema } },
    errorCodes: ['CONTRACTOR_NOT_FOUND'],
  }),
  proposeContractorDecision: defineRoute({
    id: 'ProposeContractorDecision',
    method: 'POST',
    path: '/v1/ops/contractors/{contractorId}/decisions',
    handlerEntry: 'functions/contractors/propose-contractor-decision.ts',
    access: OPS,
    throttle: STANDARD_THROTTLE,
    permissions: ['table:read', 'table:write'],
    summary: 'Proposes APPROVE, REJECT or SUSPEND; it takes effect only when a different staff user confirms it.',
    request: { pathParameters: contractorPathSchema, body: proposeContractorDecisionRequestSchema },
    responses: { 201: { description: 'The decision, waiting for confirmation.', schema: contractorDecisionSchema } },
    errorCodes: ['CONTRACTOR_NOT_FOUND', 'CONTRACTOR_STATUS_CONFLICT', 'CONTRACTOR_DECISION_PENDING', 'CONCURRENT_UPDATE'],
  }),
  confirmContractorDecision: defineRoute({
    id: 'ConfirmContractorDecision',
    method: 'POST',
    path: '/v1/ops/contractors/{contractorId}/decisions/{decisionId}/confirmation',
    handlerEntry: 'functions/contractors/confirm-contractor-decision.ts',
    access: STAFF,
    throttle: STANDARD_THROTTLE,
    permissions: ['table:read', 'table:write'],
    summary: "Confirms another staff user's pending decision, which then takes effect. The proposer gets 403 FOUR_EYES_REQUIRED.",
    request: { pathParameters: contractorDecisionPathSchema },
    responses: { 200: { description: 'The confirmed decision.', schema: contractorDecisionSchema } },
    errorCodes: ['FOUR_EYES_REQUIRED', 'CONTRACTOR_NOT_FOUND', 'CONTRACTOR_DECISION_NOT_FOUND', 'CONTRACTOR_DECISION_NOT_PENDING', 'CONTRACTOR_STATUS_CONFLICT', 'CONCURRENT_UPDATE'],
  }),
} as const satisfies Record<string, RouteDefinition>;
