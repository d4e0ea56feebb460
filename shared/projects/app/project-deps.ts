/** What the projects use-cases need; the projects context's compose files build it. */
import type { Clock, IdGenerator } from '../../kernel/clock-and-ids.ts';
import type { PersonalDataCipher } from '../../kernel/crypto/ports.ts';
import type { ProjectPolicy } from '../domain/project.ts';
import type { EvidenceFiles } from './evidence-files.ts';
import type { PayoutProvider } from './payout-provider.ts';
import type { ProjectStore } from './ports.ts';

export interface ProjectDeps {
  readonly projectStore: ProjectStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly policy: ProjectPolicy;
}

export interface EvidenceDeps extends ProjectDeps {
  readonly evidenceFiles: EvidenceFiles;
}

export interface PersonalDataDeps extends ProjectDeps {
  readonly cipher: PersonalDataCipher;
  /** The customer's name and phone ciphertexts, for the contractor's disclosure. */
  readonly customerContact: CustomerContactReader;
}

export interface PayoutDeps extends ProjectDeps {
  readonly payoutProvider: PayoutProvider;
  readonly cipher: Pick<PersonalDataCipher, 'decrypt'>;
}

export interface CustomerContactReader {
  findContact(customerId: string): Promise<{ readonly fullNameArCiphertext: string; readonly fullNameEnCiphertext: string; readonly phoneCiphertext: string } | undefined>;
}
