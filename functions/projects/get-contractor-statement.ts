import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { projectsRoutes } from '../../shared/projects/api/routes.ts';
import { toContractorStatementView } from '../../shared/projects/api/views.ts';
import { contractorStatement } from '../../shared/projects/app/statement.ts';
import { projectDeps } from '../../shared/projects/compose.ts';

/** A page of 50 journals by default: a month or two of a busy installer's postings. */
const STATEMENT_PAGE_SIZE_DEFAULT = 50;

export const handler = httpHandler(projectsRoutes.getContractorStatement, async (request) => ({
  statusCode: 200,
  body: toContractorStatementView(await contractorStatement({ principal: request.principal, limit: request.query.limit ?? STATEMENT_PAGE_SIZE_DEFAULT, cursor: request.query.cursor }, projectDeps())),
}));
