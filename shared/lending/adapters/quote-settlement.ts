/** Lending's quote-settlement port, implemented by the marketplace's own item builders and events. */
import { marketplaceError, PURCHASE_CONDITION_NAMES, quotePurchaseEvents, quotePurchaseWrites } from '../../marketplace/index.ts';
import type { QuoteSettlement, QuoteSettlementWrites } from '../app/ports.ts';

export class MarketplaceQuoteSettlement implements QuoteSettlement {
  constructor(private readonly tableName: string) {}

  settle(...[binding, planId, acceptedAt, eventFacts]: Parameters<QuoteSettlement['settle']>): QuoteSettlementWrites {
    return {
      writes: quotePurchaseWrites(this.tableName, binding, planId, acceptedAt),
      events: quotePurchaseEvents(binding, planId, acceptedAt, eventFacts),
      refusalFor: (failedConditions, itemsAtFailure) => {
        if (failedConditions.includes(PURCHASE_CONDITION_NAMES.requestNotYetAccepted)) {
          const accepted = itemsAtFailure.get(PURCHASE_CONDITION_NAMES.requestNotYetAccepted)?.status === 'ACCEPTED';
          return marketplaceError(accepted ? 'QUOTE_REQUEST_ALREADY_ACCEPTED' : 'QUOTES_CHANGED_SINCE_OFFER');
        }
        // A quote on the request was decided or changed since the offer: the offer no longer describes the request.
        if (failedConditions.some((name) => name === PURCHASE_CONDITION_NAMES.quoteStillSubmitted || name.startsWith('declinedQuoteStillSubmitted'))) {
          return marketplaceError('QUOTES_CHANGED_SINCE_OFFER');
        }
        return undefined;
      },
    };
  }
}
