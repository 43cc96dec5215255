import { OrgUnitEntity } from '@app/persistence';
import { Actor, Role } from '../common/actor';
import { forbidden } from '../common/app-error';

/** Officers read the plan, areas and budget of their own unit only (supervisors their subtree, admins all). */
export function assertMayRead(actor: Actor, unit: OrgUnitEntity): void {
  if (actor.role === Role.OFFICER && unit.id !== actor.orgUnitId) throw forbidden('Cán bộ chỉ xem kế hoạch, địa bàn và kinh phí của đơn vị mình');
}
