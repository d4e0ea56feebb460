/**
 * Partition keys built by every member of the keys module, for tests about the whole key space: that no two kinds of
 * item collide, and that the IAM deny on journal and audit partitions catches those and nothing else. The record is
 * typed over every member of `keys`, so adding a key builder without a sample here fails the typecheck (and
 * test/unit/catalog/keys.test.ts checks the same at run time).
 */
import { LEDGER_ACCOUNTS } from '../../shared/ledger/domain/journal.ts';
import { INDEXES, keys } from '../../shared/catalog/keys.ts';

export interface PartitionSamples {
  /** `table`: values of the table's partition key (what IAM's dynamodb:LeadingKeys sees); `index`: of an index's. */
  readonly space: 'table' | 'index' | 'none';
  readonly partitions: readonly string[];
}

const table = (...partitions: string[]): PartitionSamples => ({ space: 'table', partitions });
const index = (...partitions: string[]): PartitionSamples => ({ space: 'index', partitions });

/** Every partition each member builds from `id` (used for every id argument). */
export function partitionSamples(id: string): Record<keyof typeof keys, PartitionSamples> {
  const dueDate = '2027-03-15';
  return {
    outboxEvent: table(keys.outboxEvent(id).PK),
    nafathSession: table(keys.nafathSession(id).PK),
    nafathTransaction: table(keys.nafathTransaction(id).PK),
    nafathCallback: table(keys.nafathCallback(id).PK),
    nationalIdGuard: table(keys.nationalIdGuard(id).PK),
    principal: table(keys.principal(id).PK),
    refreshTokenFamily: table(keys.refreshTokenFamily(id).PK),
    rateLimitWindow: table(keys.rateLimitWindow(id, id, 0).PK),
    customer: table(keys.customer(id).PK),
    creditAssessment: table(keys.creditAssessment(id, id).PK),
    electricityAccount: table(keys.electricityAccount(id, id).PK),
    electricityAccountNumberGuard: table(keys.electricityAccountNumberGuard(id, id).PK),
    solarEstimate: table(keys.solarEstimate(id, id).PK),
    contractor: table(keys.contractor(id).PK),
    contractorVatGuard: table(keys.contractorVatGuard(id).PK),
    contractorUnifiedNumberGuard: table(keys.contractorUnifiedNumberGuard(id).PK),
    contractorMembership: table(keys.contractorMembership(id).PK),
    contractorDecision: table(keys.contractorDecision(id, id).PK),
    contractorPendingDecision: table(keys.contractorPendingDecision(id).PK),
    contractorMemberInvite: table(keys.contractorMemberInvite(id).PK),
    contractorIbanChange: table(keys.contractorIbanChange(id, id).PK),
    quoteRequest: table(keys.quoteRequest(id).PK),
    quote: table(keys.quote(id, id).PK),
    estimateQuoteRequestGuard: table(keys.estimateQuoteRequestGuard(id).PK),
    ownedQuoteRequest: index(keys.ownedQuoteRequest(id, id)[INDEXES.byOwner.partitionKey]!),
    ownedQuote: index(keys.ownedQuote(id, id)[INDEXES.byOwner.partitionKey]!),
    openInCity: index(keys.openInCity(id, id)[INDEXES.byDueDate.partitionKey]!),
    openInCityPartition: index(keys.openInCityPartition(id)),
    // Sort-key prefixes, not partitions.
    ownedQuoteRequestPrefix: { space: 'none', partitions: [] },
    ownedQuotePrefix: { space: 'none', partitions: [] },
    // A sort-key prefix, not a partition.
    creditAssessmentPrefix: { space: 'none', partitions: [] },
    auditEntry: table(...[keys.customer(id), keys.principal(id), keys.plan(id), keys.contractor(id), keys.project(id)].map((aggregate) => keys.auditEntry(aggregate.PK, 1).PK)),
    auditChain: table(keys.auditChain(keys.plan(id).PK)),
    offer: table(keys.offer(id, id).PK),
    plan: table(keys.plan(id).PK),
    journal: table(keys.journal(keys.planLedger(id), id).PK, keys.journal(keys.reconciliationLedger(id), id).PK, keys.journal(keys.contractorLedger(id), id).PK),
    journals: table(keys.journals(keys.planLedger(id)), keys.journals(keys.reconciliationLedger(id)), keys.journals(keys.contractorLedger(id))),
    payment: table(keys.payment(id, id).PK),
    gatewayEvent: table(keys.gatewayEvent(id).PK),
    ledgerBalance: table(...LEDGER_ACCOUNTS.map((account) => keys.ledgerBalance(account, 0).PK)),
    idempotencyRecord: table(keys.idempotencyRecord(id, id).PK),
    dueBy: index(keys.dueBy(dueDate, id)[INDEXES.byDueDate.partitionKey]!),
    intentExpiry: index(keys.intentExpiry(new Date(`${dueDate}T00:00:00Z`), id)[INDEXES.byDueDate.partitionKey]!),
    intentExpiryPartitions: index(...keys.intentExpiryPartitions()),
    dueMonthPartitions: index(...keys.dueMonthPartitions(dueDate.slice(0, 7))),
    ownedPlan: index(keys.ownedPlan(id, id)[INDEXES.byOwner.partitionKey]!),
    ownedAssessment: index(keys.ownedAssessment(id, id)[INDEXES.byOwner.partitionKey]!),
    // Sort-key prefixes and ledger owners, not partitions: a ledger's partition is sampled by journal and journals.
    ownedPlanPrefix: { space: 'none', partitions: [] },
    planLedger: { space: 'none', partitions: [] },
    reconciliationLedger: { space: 'none', partitions: [] },
    reconciliationItem: table(keys.reconciliationItem(id).PK),
    reconciliationQueue: index(keys.reconciliationQueue(id)[INDEXES.byOwner.partitionKey]!),
    canaryEmission: table(keys.canaryEmission(id).PK),
    canaryArrival: table(keys.canaryArrival(id).PK),
    project: table(keys.project(id).PK),
    installationAddress: table(keys.installationAddress(id).PK),
    milestoneDecision: table(keys.milestoneDecision(id, id).PK),
    pendingMilestoneDecision: table(keys.pendingMilestoneDecision(id).PK),
    disbursement: table(keys.disbursement(id, id).PK),
    payoutEvent: table(keys.payoutEvent(id).PK),
    contractorAccount: table(keys.contractorAccount(id).PK),
    contractorProjectLink: table(keys.contractorProjectLink(id, id).PK),
    contractorAccountPartition: table(keys.contractorAccountPartition(id)),
    ownedProject: index(keys.ownedProject(id, id)[INDEXES.byOwner.partitionKey]!),
    noticeToProceedDue: index(keys.noticeToProceedDue(`${dueDate}T00:00:00.000Z`, id)[INDEXES.byDueDate.partitionKey]!),
    noticeToProceedPartitions: index(...keys.noticeToProceedPartitions()),
    stallDue: index(keys.stallDue(`${dueDate}T00:00:00.000Z`, id)[INDEXES.byDueDate.partitionKey]!),
    stallPartitions: index(...keys.stallPartitions()),
    confirmationDue: index(keys.confirmationDue(`${dueDate}T00:00:00.000Z`, id)[INDEXES.byDueDate.partitionKey]!),
    confirmationPartitions: index(...keys.confirmationPartitions()),
    downPaymentDue: index(keys.downPaymentDue(`${dueDate}T00:00:00.000Z`, id)[INDEXES.byDueDate.partitionKey]!),
    downPaymentPartitions: index(...keys.downPaymentPartitions()),
    heldPayout: index(keys.heldPayout(id, id)[INDEXES.byDueDate.partitionKey]!),
    heldPayoutsPartition: index(keys.heldPayoutsPartition(id)),
    // Sort-key prefixes and a ledger owner, not partitions: the contractor's ledger is sampled by journal and journals.
    disbursementPrefix: { space: 'none', partitions: [] },
    contractorProjectLinkPrefix: { space: 'none', partitions: [] },
    ownedProjectPrefix: { space: 'none', partitions: [] },
    contractorLedger: { space: 'none', partitions: [] },
  };
}

/** The members whose items are immutable and must live in journal or audit partitions, and nowhere else. */
export const IMMUTABLE_KEY_MEMBERS: ReadonlySet<keyof typeof keys> = new Set(['auditEntry', 'auditChain', 'journal', 'journals']);
