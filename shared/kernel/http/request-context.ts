import type { Role } from './roles.ts';
import type { Language } from './language.ts';

/** Who is calling, as established by the API authorizer. Ownership checks use `principalId`, never the body. */
export interface Principal {
  readonly principalId: string;
  readonly roles: readonly Role[];
}

/** Facts about the current request that every layer may read; set once by the request-context middleware. */
export interface HttpRequestContext {
  readonly requestId: string;
  readonly correlationId: string;
  readonly language: Language;
  readonly receivedAt: Date;
  readonly principal: Principal | undefined;
}
