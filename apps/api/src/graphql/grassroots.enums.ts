import { registerEnumType } from '@nestjs/graphql';
import { LabourContractKind, LeaveReason, MemberStatus, Sex } from '@app/domain';

registerEnumType(Sex, { name: 'Sex' });
registerEnumType(LabourContractKind, { name: 'LabourContractKind' });
registerEnumType(LeaveReason, { name: 'LeaveReason', description: 'Why a membership ended; TRANSFERRED: it goes on in another CĐCS' });
registerEnumType(MemberStatus, { name: 'MemberStatus' });

export { LabourContractKind, LeaveReason, MemberStatus, Sex };
