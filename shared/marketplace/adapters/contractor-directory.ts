/** The marketplace's view of contractors, read through the contractors context's own store. */
import type { ContractorStore } from '../../contractors/index.ts';
import type { ContractorDirectory, ContractorView } from '../app/ports.ts';

const toView = (contractor: { contractorId: string; status: string; legalName: { ar: string; en: string }; cityIds: readonly string[] }): ContractorView => ({
  contractorId: contractor.contractorId,
  status: contractor.status,
  legalName: contractor.legalName,
  cityIds: contractor.cityIds,
});

export class ContractorStoreDirectory implements ContractorDirectory {
  constructor(private readonly contractors: Pick<ContractorStore, 'findMembership' | 'findContractor'>) {}

  async contractorOf(principalId: string): Promise<ContractorView | undefined> {
    const membership = await this.contractors.findMembership(principalId);
    return membership === undefined ? undefined : this.find(membership.contractorId);
  }

  async find(contractorId: string): Promise<ContractorView | undefined> {
    const found = await this.contractors.findContractor(contractorId);
    return found === undefined ? undefined : toView(found.contractor);
  }
}
