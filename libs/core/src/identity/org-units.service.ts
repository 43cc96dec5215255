import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { OrgUnitEntity } from '@app/persistence';
import { Actor, Role, canSeeUnit, subtreeLike } from '../common/actor';
import { badInput, forbidden, notFound } from '../common/app-error';
import { CalendarService } from '../calendar/calendar.service';
import { FieldProblems } from '../common/field-problems';
import { checkEstablishedOn } from './unit-days';
import { nameTaken, sameNamedSibling } from './unit-names';

export enum OrgUnitKind {
  CONFEDERATION = 'CONFEDERATION',
  FEDERATION = 'FEDERATION',
  UPPER_LEVEL = 'UPPER_LEVEL',
  GRASSROOTS = 'GRASSROOTS',
}

/** Which kinds a unit of each kind may hold directly. */
/** How a refusal names a kind of unit. */
export const ORG_UNIT_KIND_VI: Record<OrgUnitKind, string> = {
  [OrgUnitKind.CONFEDERATION]: 'Tổng Liên đoàn',
  [OrgUnitKind.FEDERATION]: 'liên đoàn lao động',
  [OrgUnitKind.UPPER_LEVEL]: 'công đoàn cấp trên trực tiếp cơ sở',
  [OrgUnitKind.GRASSROOTS]: 'công đoàn cơ sở',
};

export const CHILD_KINDS: Record<OrgUnitKind, OrgUnitKind[]> = {
  [OrgUnitKind.CONFEDERATION]: [OrgUnitKind.FEDERATION, OrgUnitKind.UPPER_LEVEL],
  [OrgUnitKind.FEDERATION]: [OrgUnitKind.UPPER_LEVEL, OrgUnitKind.GRASSROOTS],
  [OrgUnitKind.UPPER_LEVEL]: [OrgUnitKind.UPPER_LEVEL, OrgUnitKind.GRASSROOTS],
  [OrgUnitKind.GRASSROOTS]: [],
};

export interface CreateOrgUnit {
  name: string;
  kind: OrgUnitKind;
  parentId?: string | null;
  /** The founding day; default today (docs/architecture.md#statistics-returns). */
  establishedOn?: string | null;
}

@Injectable()
export class OrgUnitsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly calendar: CalendarService,
  ) {}

  async findByIds(ids: readonly string[]): Promise<OrgUnitEntity[]> {
    if (!ids.length) return [];
    return this.db.getRepository(OrgUnitEntity).findBy({ id: In([...ids]) });
  }

  async childrenOf(parentIds: readonly string[]): Promise<OrgUnitEntity[]> {
    if (!parentIds.length) return [];
    return this.db.getRepository(OrgUnitEntity).find({ where: { parentId: In([...parentIds]) }, order: { name: 'ASC' } });
  }

  /** A unit the caller may see, else NOT_FOUND (an id outside the scope is not revealed). */
  async getVisible(actor: Actor, id: string): Promise<OrgUnitEntity> {
    const unit = await this.db.getRepository(OrgUnitEntity).findOneBy({ id });
    if (!unit || !canSeeUnit(actor, unit.path)) throw notFound('orgUnit');
    return unit;
  }

  /** The caller's own unit and, for supervisors and admins, the units below `parentId` (default: own unit's children). */
  async list(actor: Actor, parentId?: string | null): Promise<OrgUnitEntity[]> {
    if (parentId) {
      const parent = await this.getVisible(actor, parentId);
      if (actor.role === Role.OFFICER && parent.id !== actor.orgUnitId) return [];
      return this.childrenOf([parent.id]);
    }
    if (actor.role === Role.OFFICER) return this.findByIds([actor.orgUnitId]);
    const rows = await this.db.query(`SELECT id FROM org_unit WHERE path = $1 OR path LIKE $2 ORDER BY path LIMIT 1000`, [
      actor.orgPath,
      subtreeLike(actor.orgPath),
    ]);
    const units = await this.findByIds(rows.map((r: { id: string }) => r.id));
    const byId = new Map(units.map((u) => [u.id, u]));
    return rows.map((r: { id: string }) => byId.get(r.id)!);
  }

  async create(actor: Actor, input: CreateOrgUnit): Promise<OrgUnitEntity> {
    const name = input.name.normalize('NFC').trim();
    if (!name) throw badInput({ name: 'Tên đơn vị không được để trống' });
    if (name.length > 255) throw badInput({ name: 'Tên đơn vị không được dài quá 255 ký tự' });
    const today = this.calendar.today();
    if (input.establishedOn != null) {
      const problems = new FieldProblems();
      checkEstablishedOn(problems, input.establishedOn, today);
      problems.throwIfAny();
    }
    const parent = await this.getVisible(actor, input.parentId ?? actor.orgUnitId);
    if (actor.role !== Role.ADMIN && !canSeeUnit(actor, parent.path)) throw forbidden('Đơn vị cấp trên nằm ngoài phạm vi của bạn');
    const allowed = CHILD_KINDS[parent.kind as OrgUnitKind] ?? [];
    if (!allowed.includes(input.kind)) {
      throw badInput({
        kind: `Không đặt được ${ORG_UNIT_KIND_VI[input.kind] ?? input.kind} dưới ${ORG_UNIT_KIND_VI[parent.kind as OrgUnitKind] ?? parent.kind}`,
      });
    }
    return this.db.transaction(async (m) => {
      const taken = await sameNamedSibling(m, parent.id, name);
      if (taken) throw nameTaken(taken.name);
      const [row] = await m.query(`SELECT gen_random_uuid() AS id`);
      const unit = m.getRepository(OrgUnitEntity).create({
        id: row.id,
        name,
        kind: input.kind,
        parentId: parent.id,
        path: `${parent.path}.${row.id}`,
        dissolvedAt: null,
        establishedOn: input.establishedOn ?? today,
      });
      return m.getRepository(OrgUnitEntity).save(unit);
    });
  }
}
