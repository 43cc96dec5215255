import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { isIsoDate } from '@app/domain';
import { Actor } from '../common/actor';
import { AppError, ErrorCode, conflict, notFound } from '../common/app-error';
import { CalendarService } from '../calendar/calendar.service';
import { FieldProblems } from '../common/field-problems';
import { isUniqueViolation } from '../common/pg-errors';
import { MAX_TEXT } from '../common/text-input';
import { isUuid } from '../identity/account-errors';
import { grassrootsUnit, mayChangeGrassroots, mayReadGrassroots } from './grassroots-scope';
import { viOrder } from '../common/vietnamese-order';

export type PartyOutcome = 'PENDING' | 'ADMITTED' | 'NOT_ADMITTED';

export interface RecommendMembersToParty {
  grassrootsUnionId: string;
  resolutionNumber: string;
  resolutionOn: string;
  /** People of the CĐCS's staff list (Member ids), each an active member of it. */
  memberIds: readonly string[];
  note?: string | null;
}

export interface RecordPartyAdmission {
  recommendationId: string;
  memberId: string;
  /** True: admitted to the Party (được kết nạp) on `decidedOn`; false: not admitted. */
  admitted: boolean;
  decidedOn: string;
  note?: string | null;
}

export interface PartyRecommendedMemberView {
  memberId: string;
  fullName: string;
  outcome: PartyOutcome;
  decidedOn: string | null;
  note: string | null;
}

export interface PartyRecommendationView {
  id: string;
  grassrootsUnionId: string;
  resolutionNumber: string;
  resolutionOn: string;
  note: string | null;
  members: PartyRecommendedMemberView[];
}

export const MAX_RECOMMENDATION_BATCH = 200;

const text = (v: string | null | undefined): string => (v ?? '').normalize('NFC').trim();

const OPEN_ALREADY = 'Đã có nghị quyết giới thiệu chưa có kết quả cho';
const IN_PARTY_ALREADY = 'Đã được kết nạp Đảng, không giới thiệu lại:';

/**
 * A CĐCS recommends its members to the Party by a resolution (form 4A-KNĐ) and later records each one's outcome. Only
 * active members of the CĐCS not yet admitted to the Party, one open (PENDING) recommendation per person (`UQ_party_recommendation_open`). Counted in
 * the statistics returns as "giới thiệu" (resolution day) and "được kết nạp" (admission day):
 * docs/architecture.md#party-recommendations-and-union-groups.
 */
@Injectable()
export class PartyRecommendationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly calendar: CalendarService,
  ) {}

  private day(problems: FieldProblems, field: string, label: string, day: string): void {
    if (!isIsoDate(day)) problems.add(field, `${label} không hợp lệ`);
    else if (day > this.calendar.today()) problems.add(field, `${label} không được sau hôm nay`);
    else if (day < '2000-01-01') problems.add(field, `${label} quá xa`);
  }

  private note(problems: FieldProblems, note: string | null | undefined): string | null {
    const v = text(note);
    if (v.length > MAX_TEXT) problems.add('note', `Ghi chú không được dài quá ${MAX_TEXT} ký tự`);
    return v || null;
  }

  async recommend(actor: Actor, input: RecommendMembersToParty): Promise<PartyRecommendationView> {
    const problems = new FieldProblems();
    const number = text(input.resolutionNumber);
    if (!number) problems.add('resolutionNumber', 'Số nghị quyết không được để trống');
    else if (number.length > 100) problems.add('resolutionNumber', 'Số nghị quyết không được dài quá 100 ký tự');
    this.day(problems, 'resolutionOn', 'Ngày nghị quyết', input.resolutionOn);
    const memberIds = [...new Set(input.memberIds ?? [])];
    if (!memberIds.length) problems.add('memberIds', 'Nghị quyết phải giới thiệu ít nhất một đoàn viên');
    else if (memberIds.length > MAX_RECOMMENDATION_BATCH) problems.add('memberIds', `Một nghị quyết giới thiệu tối đa ${MAX_RECOMMENDATION_BATCH} đoàn viên`);
    else if (memberIds.some((id) => !isUuid(id))) problems.add('memberIds', 'Mã đoàn viên không hợp lệ');
    const note = this.note(problems, input.note);
    problems.throwIfAny();
    try {
      return await this.db.transaction(async (m) => {
        const unit = await grassrootsUnit(m, actor, input.grassrootsUnionId, 'write', true);
        // Each person with the membership that makes it an active member here (none: not one).
        const rows: { id: string; fullName: string; admittedOn: string | null }[] = await m.query(
          `SELECT s.id, s.full_name AS "fullName", to_char(x.admitted_on, 'YYYY-MM-DD') AS "admittedOn"
             FROM grassroots_staff s
             LEFT JOIN member x ON x.staff_id = s.id AND x.grassroots_union_id = s.grassroots_union_id AND x.left_on IS NULL
            WHERE s.id = ANY($1::uuid[]) AND s.grassroots_union_id = $2 ORDER BY ${viOrder('s.full_name')}, s.id FOR UPDATE OF s`,
          [memberIds, unit.id],
        );
        const bad = new FieldProblems();
        if (rows.length !== memberIds.length) bad.add('memberIds', `${memberIds.length - rows.length} người không có trong danh sách đoàn viên của CĐCS này`);
        const notMembers = rows.filter((r) => !r.admittedOn);
        if (notMembers.length) bad.add('memberIds', `Chỉ giới thiệu được đoàn viên đang sinh hoạt tại CĐCS; chưa phải đoàn viên: ${names(notMembers)}`);
        const later = rows.filter((r) => r.admittedOn && isIsoDate(input.resolutionOn) && r.admittedOn > input.resolutionOn);
        if (later.length) bad.add('memberIds', `Được kết nạp công đoàn sau ngày nghị quyết: ${names(later)}`);
        // A recorded Party admission, here or at a CĐCS the person came from (by citizen id), ends the recommending.
        const inParty: { fullName: string }[] = await m.query(
          `SELECT s.full_name AS "fullName" FROM grassroots_staff s
            WHERE s.id = ANY($1::uuid[]) AND EXISTS (SELECT 1 FROM party_recommendation_member pm JOIN grassroots_staff o ON o.id = pm.staff_id
                                                      WHERE pm.outcome = 'ADMITTED' AND (o.id = s.id OR o.citizen_id = s.citizen_id))
            ORDER BY ${viOrder('s.full_name')}, s.id`,
          [memberIds],
        );
        if (inParty.length) bad.add('memberIds', `${IN_PARTY_ALREADY} ${names(inParty)}`);
        bad.throwIfAny();
        const open: { fullName: string }[] = await m.query(
          `SELECT s.full_name AS "fullName" FROM party_recommendation_member pm JOIN grassroots_staff s ON s.id = pm.staff_id
            WHERE pm.staff_id = ANY($1::uuid[]) AND pm.outcome = 'PENDING' ORDER BY ${viOrder('s.full_name')}`,
          [memberIds],
        );
        if (open.length) throw openAlready(names(open));
        const [rec] = await m.query(
          `INSERT INTO party_recommendation (grassroots_union_id, resolution_number, resolution_on, note, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
          [unit.id, number, input.resolutionOn, note, actor.userId],
        );
        await m.query(`INSERT INTO party_recommendation_member (recommendation_id, staff_id, grassroots_union_id) SELECT $1, unnest($2::uuid[]), $3`, [
          rec.id,
          memberIds,
          unit.id,
        ]);
        return (await this.views(m, [rec.id]))[0];
      });
    } catch (e) {
      if (isUniqueViolation(e, 'UQ_party_recommendation_number')) {
        throw conflict('CĐCS đã có nghị quyết giới thiệu với số này', {
          fields: ['resolutionNumber'],
          messages: { resolutionNumber: 'Số nghị quyết đã được dùng' },
        });
      }
      if (isUniqueViolation(e, 'UQ_party_recommendation_open')) throw openAlready('một người trong danh sách');
      throw e;
    }
  }

  /** The outcome for one recommended member: admitted on a day, or not admitted. Recorded once. */
  async recordOutcome(actor: Actor, input: RecordPartyAdmission): Promise<PartyRecommendationView> {
    const problems = new FieldProblems();
    this.day(problems, 'decidedOn', input.admitted ? 'Ngày kết nạp Đảng' : 'Ngày có kết quả', input.decidedOn);
    if (typeof input.admitted !== 'boolean') problems.add('admitted', 'Cần cho biết đoàn viên có được kết nạp Đảng hay không');
    const note = this.note(problems, input.note);
    problems.throwIfAny();
    return this.db.transaction(async (m) => {
      const [rec] = isUuid(input.recommendationId)
        ? await m.query(
            `SELECT p.id, p.grassroots_union_id AS "unitId", o.path, to_char(p.resolution_on, 'YYYY-MM-DD') AS "resolutionOn"
               FROM party_recommendation p JOIN org_unit o ON o.id = p.grassroots_union_id WHERE p.id = $1`,
            [input.recommendationId],
          )
        : [];
      const unit = rec && { id: rec.unitId as string, path: rec.path as string };
      if (!rec || !mayReadGrassroots(actor, unit) || !mayChangeGrassroots(actor, unit)) throw notFound('partyRecommendation');
      const [row] = isUuid(input.memberId)
        ? await m.query(`SELECT outcome FROM party_recommendation_member WHERE recommendation_id = $1 AND staff_id = $2 FOR UPDATE`, [rec.id, input.memberId])
        : [];
      if (!row) throw new FieldProblems().add('memberId', 'Người này không có trong nghị quyết giới thiệu').error();
      if (row.outcome !== 'PENDING') {
        throw new AppError(ErrorCode.CONFLICT, 'Kết quả giới thiệu của đoàn viên này đã được ghi', { reason: 'OUTCOME_RECORDED', outcome: row.outcome });
      }
      if (input.decidedOn < rec.resolutionOn) throw new FieldProblems().add('decidedOn', 'Ngày có kết quả không được trước ngày nghị quyết giới thiệu').error();
      await m.query(
        `UPDATE party_recommendation_member SET outcome = $3, decided_on = $4, outcome_note = $5, decided_by = $6 WHERE recommendation_id = $1 AND staff_id = $2`,
        [rec.id, input.memberId, input.admitted ? 'ADMITTED' : 'NOT_ADMITTED', input.decidedOn, note, actor.userId],
      );
      return (await this.views(m, [rec.id]))[0];
    });
  }

  /** A CĐCS's recommendations, newest resolution first; `year`: those whose resolution is dated in it. */
  async list(actor: Actor, grassrootsUnionId: string, year?: number | null): Promise<PartyRecommendationView[]> {
    if (year !== null && year !== undefined && (!Number.isInteger(year) || year < 2000 || year > 2100)) {
      throw new FieldProblems().add('year', 'Năm phải từ 2000 đến 2100').error();
    }
    const unit = await grassrootsUnit(this.db.manager, actor, grassrootsUnionId, 'read');
    const ids: { id: string }[] = await this.db.query(
      `SELECT id FROM party_recommendation WHERE grassroots_union_id = $1 AND ($2::int IS NULL OR extract(year FROM resolution_on) = $2::int)
        ORDER BY resolution_on DESC, created_at DESC`,
      [unit.id, year ?? null],
    );
    return this.views(
      this.db.manager,
      ids.map((r) => r.id),
    );
  }

  /** The recommendations `ids` with their members, in that order, in two statements. */
  private async views(m: EntityManager, ids: string[]): Promise<PartyRecommendationView[]> {
    if (!ids.length) return [];
    const [recs, members] = [
      await m.query(
        `SELECT id, grassroots_union_id AS "grassrootsUnionId", resolution_number AS "resolutionNumber", to_char(resolution_on, 'YYYY-MM-DD') AS "resolutionOn", note
           FROM party_recommendation WHERE id = ANY($1::uuid[])`,
        [ids],
      ),
      await m.query(
        `SELECT pm.recommendation_id AS "recommendationId", pm.staff_id AS "memberId", s.full_name AS "fullName", pm.outcome,
                to_char(pm.decided_on, 'YYYY-MM-DD') AS "decidedOn", pm.outcome_note AS note
           FROM party_recommendation_member pm JOIN grassroots_staff s ON s.id = pm.staff_id
          WHERE pm.recommendation_id = ANY($1::uuid[]) ORDER BY ${viOrder('s.full_name')}, s.id`,
        [ids],
      ),
    ];
    const byId = new Map<string, PartyRecommendationView>(recs.map((r: PartyRecommendationView) => [r.id, { ...r, members: [] }]));
    for (const { recommendationId, ...mv } of members as (PartyRecommendedMemberView & { recommendationId: string })[])
      byId.get(recommendationId)?.members.push(mv);
    return ids.map((id) => byId.get(id)!);
  }
}

const names = (rows: { fullName: string }[]): string => rows.map((r) => r.fullName).join(', ');

const openAlready = (who: string) =>
  conflict(`${OPEN_ALREADY} ${who}`, { reason: 'OPEN_RECOMMENDATION', fields: ['memberIds'], messages: { memberIds: `${OPEN_ALREADY} ${who}` } });
