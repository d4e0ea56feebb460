import { Logger } from '@aws-lambda-powertools/logger';
import { redactPersonalFields } from './redaction.ts';

/** One structured JSON logger per function; every line passes through personal-data redaction by field name. */
export const logger = new Logger({
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'rabhan',
  jsonReplacerFn: redactPersonalFields,
});
