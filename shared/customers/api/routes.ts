/** The customers context's routes. */
import { STANDARD_THROTTLE, CUSTOMERS, defineRoute, type RouteDefinition } from '../../kernel/http/route.ts';
import { customerPathSchema, customerProfileSchema, registerCustomerRequestSchema, staffViewQuerySchema, updateContactRequestSchema } from './contracts.ts';

export const customersRoutes = {
  registerCustomer: defineRoute({
    id: 'RegisterCustomer',
    method: 'POST',
    path: '/v1/customers',
    handlerEntry: 'functions/customers/register-customer.ts',
    access: CUSTOMERS,
    throttle: STANDARD_THROTTLE,
    permissions: ['table:read', 'table:write', 'pii:encrypt', 'pii:decrypt'],
    summary: 'Registers the signed-in person as a customer. The national ID comes from NAFATH, never from the body.',
    request: { body: registerCustomerRequestSchema },
    responses: { 201: { description: 'The new customer profile.', schema: customerProfileSchema } },
    errorCodes: ['RESIDENCY_NOT_ELIGIBLE', 'AGE_BELOW_MINIMUM', 'CUSTOMER_ALREADY_REGISTERED', 'CONCURRENT_UPDATE'],
  }),
  getOwnProfile: defineRoute({
    id: 'GetOwnProfile',
    method: 'GET',
    path: '/v1/customers/me',
    handlerEntry: 'functions/customers/get-own-profile.ts',
    access: CUSTOMERS,
    throttle: STANDARD_THROTTLE,
    permissions: ['table:read', 'pii:decrypt'],
    summary: "The caller's full profile.",
    request: {},
    responses: { 200: { description: 'The profile.', schema: customerProfileSchema } },
    errorCodes: ['CUSTOMER_NOT_FOUND'],
  }),
  updateContact: defineRoute({
    id: 'UpdateContact',
    method: 'PATCH',
    path: '/v1/customers/me',
    handlerEntry: 'functions/customers/update-contact.ts',
    access: CUSTOMERS,
    throttle: STANDARD_THROTTLE,
    permissions: ['table:read', 'table:write', 'pii:encrypt', 'pii:decrypt'],
    summary: "Changes the caller's contact fields; every change is audited.",
    request: { body: updateContactRequestSchema },
    responses: { 200: { description: 'The updated profile.', schema: customerProfileSchema } },
    errorCodes: ['CUSTOMER_NOT_FOUND', 'CONCURRENT_UPDATE'],
  }),
  getCustomerForStaff: defineRoute({
    id: 'GetCustomerForStaff',
    method: 'GET',
    path: '/v1/customers/{customerId}',
    handlerEntry: 'functions/customers/get-customer-for-staff.ts',
    // Customers are let through so that they get the same 404 as a missing record, leaking nothing.
    access: { kind: 'roles', roles: ['ops', 'compliance', 'customer'] },
    throttle: STANDARD_THROTTLE,
    permissions: ['table:read', 'table:write', 'pii:decrypt'],
    summary: 'A customer with masked personal data, for ops and compliance. Every view is audited.',
    request: { pathParameters: customerPathSchema, query: staffViewQuerySchema },
    responses: { 200: { description: 'The masked profile.', schema: customerProfileSchema } },
    errorCodes: ['CUSTOMER_NOT_FOUND', 'CONCURRENT_UPDATE'],
  }),
} as const satisfies Record<string, RouteDefinition>;
