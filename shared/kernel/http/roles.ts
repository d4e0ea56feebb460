/** Roles a principal can hold. Staff roles are granted by an audited operator command, never self-assigned. */
export const ROLES = ['customer', 'contractor', 'ops', 'compliance'] as const;
export type Role = (typeof ROLES)[number];
