import { contractorsRoutes } from '../../shared/contractors/api/routes.ts';
import { inviteMember } from '../../shared/contractors/app/members.ts';
import { memberDeps } from '../../shared/contractors/compose-personal-data.ts';
import { httpHandler } from '../../shared/kernel/http/http-handler.ts';

export const handler = httpHandler(contractorsRoutes.inviteContractorMember, async (request) => {
  const invitation = await inviteMember({ principal: request.principal, nationalId: request.body.nationalId }, memberDeps());
  return { statusCode: 201, body: { contractorId: invitation.contractorId, status: 'INVITED', invitedAt: invitation.invitedAt.toISOString() } };
});
