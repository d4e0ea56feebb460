/**
 * The personal-data adapters: field encryption with the AWS Encryption SDK and the keyed blind index. Only functions
 * that read or write personal data import this module, so only they bundle the Encryption SDK.
 */
import { KmsBlindIndexer } from './blind-indexer.ts';
import { KmsPersonalDataCipher } from './personal-data-cipher.ts';
import { blindIndexKeyId, piiKeyArn } from '../config/security-config.ts';
import { kmsClient, once, platformConfig } from '../compose.ts';

export const personalDataCipher = /* @__PURE__ */ once(() => new KmsPersonalDataCipher(piiKeyArn(), platformConfig().tableName));
export const blindIndexer = /* @__PURE__ */ once(() => new KmsBlindIndexer(kmsClient(), blindIndexKeyId()));
