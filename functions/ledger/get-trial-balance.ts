import { planDeps } from '../../shared/lending/compose.ts';
import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { routes } from '../../shared/catalog/routes.ts';

const { planStore } = planDeps();

export const handler = httpHandler(routes.getTrialBalance, async () => {
  const balances = await planStore.trialBalance();
  const accounts = Object.fromEntries(balances);
  const debitHalalas = [...balances.values()].reduce((sum, balance) => sum + balance.debitHalalas, 0);
  const creditHalalas = [...balances.values()].reduce((sum, balance) => sum + balance.creditHalalas, 0);
  return { statusCode: 200, body: { accounts, debitHalalas, creditHalalas, balanced: debitHalalas === creditHalalas } };
});
