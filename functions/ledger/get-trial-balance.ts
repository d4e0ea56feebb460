import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { ledgerRoutes } from '../../shared/ledger/api/routes.ts';
import { toTrialBalanceView } from '../../shared/ledger/api/views.ts';
import { trialBalanceOf } from '../../shared/ledger/app/trial-balance.ts';
import { ledgerReader } from '../../shared/ledger/compose.ts';

export const handler = httpHandler(ledgerRoutes.getTrialBalance, async () => ({ statusCode: 200, body: toTrialBalanceView(await trialBalanceOf(ledgerReader())) }));
