/**
 * What a function may touch. The CDK function construct turns each permission into a least-privilege grant,
 * so a handler gets exactly the access its route or integration declares and nothing more.
 */
export const PERMISSIONS = [
  'table:read',
  'table:write',
  'pii:encrypt',
  'pii:decrypt',
  'token:sign',
  'token:read-public-key',
] as const;
export type Permission = (typeof PERMISSIONS)[number];
