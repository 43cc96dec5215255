import { DataSource } from 'typeorm';
import { ROOT_ORG_UNIT_ID, dataSourceOptions } from '@app/persistence';
import { DUPLICATE_RECOGNITION_NOTE, RecognitionOneLive1795496897800 } from '../../libs/persistence/src/migrations/1795496897800-recognition-one-live';
import { codeOf, vnToday, walkToStage } from '../support/case-fixtures';
import { D } from '../support/documents';
import { dropDatabase, ownMigratedDatabase } from '../support/own-database';
import { Province, TestApi } from '../support/test-api';

jest.setTimeout(180_000);

/**
 * A recognized case has at most one live recognition decision (docs/architecture.md#official-documents): concurrent
 * issues give one document and the others a refusal naming it, which uses no number; after a cancel, a new one.
 */
describe('one live recognition decision per case', () => {
  let api: TestApi;
  let p: Province;
  let caseId: string;
  const today = vnToday();
  const issue = () => api.gql(D.issue, { i: { kind: 'RECOGNITION_DECISION', sourceId: caseId, issuedOn: today } }, p.supervisor.token);
  const lastNumber = async () =>
    (await api.db.query(`SELECT last_number FROM document_number WHERE org_unit_id = $1 AND kind_symbol = 'QĐ'`, [p.unitId]))[0]?.last_number ?? 0;
  const live = async () =>
    (await api.ok(D.documents, { k: 'RECOGNITION_DECISION', s: caseId }, p.supervisor.token)).documents.filter(
      (d: { cancelledAt: string | null }) => !d.cancelledAt,
    );

  beforeAll(async () => {
    api = await TestApi.start();
    p = await api.newProvince(1);
    const admin = await api.newAdmin();
    await api.ok(
      D.save,
      {
        i: {
          orgUnitId: p.unitId,
          parentLine: 'LIÊN ĐOÀN LAO ĐỘNG TỈNH THÁI BÌNH',
          issuerName: 'CÔNG ĐOÀN NGÀNH Y TẾ',
          shortName: 'CĐYT',
          placeName: 'Thái Bình',
          authorityLine: 'TM. BAN THƯỜNG VỤ',
          signerTitle: 'CHỦ TỊCH',
          signerName: 'Phạm Văn Đức',
          recipients: ['Như Điều 3;', 'Lưu: VT.'],
        },
      },
      admin.token,
    );
    caseId = (await walkToStage(api, p, 'RECOGNIZED')).caseId;
  });

  afterAll(async () => {
    await api?.close();
  });

  it('gives three concurrent issues one document; the others are refused by name and take no number', async () => {
    const answers = await Promise.all([issue(), issue(), issue()]);
    const issued = answers.filter((a) => !a.errors).map((a) => a.data.issueDocument);
    expect(issued).toHaveLength(1);
    expect(issued[0].numberLabel).toBe('1/QĐ-CĐYT');
    const refused = answers.filter((a) => a.errors);
    expect(refused.map(codeOf)).toEqual(['CONFLICT', 'CONFLICT']);
    for (const r of refused) {
      expect(r.errors![0].message).toBe('Hồ sơ này đã có quyết định công nhận số 1/QĐ-CĐYT; hủy quyết định đó trước khi tạo quyết định mới');
    }
    expect(await lastNumber()).toBe(1);
    // Once more, later: still refused, still no number used.
    expect(codeOf(await issue())).toBe('CONFLICT');
    expect(await lastNumber()).toBe(1);
    expect((await live()).map((d: { numberLabel: string }) => d.numberLabel)).toEqual(['1/QĐ-CĐYT']);
  });

  it('is kept by the database too: a second live row written around the issue is refused', async () => {
    const [doc] = await api.db.query(`SELECT * FROM official_document WHERE source_id = $1 AND cancelled_at IS NULL`, [caseId]);
    await expect(
      api.db.query(
        `INSERT INTO official_document (kind, org_unit_id, source_id, year, kind_symbol, number, number_label, issued_on, title, settings, status, created_by)
         VALUES ('RECOGNITION_DECISION', $1, $2, $3, 'QĐ', 999, '999/QĐ-CĐYT', $4, $5, '{}', 'QUEUED', $6)`,
        [doc.org_unit_id, caseId, doc.year, today, doc.title, doc.created_by],
      ),
    ).rejects.toMatchObject({ code: '23505', constraint: 'UQ_official_document_live_recognition' });
  });

  it('issues a new decision with the next number once the live one is cancelled', async () => {
    const [first] = await live();
    await api.ok(D.cancel, { i: { id: first.id, reason: 'Ghi sai tên công đoàn cơ sở' } }, p.supervisor.token);
    const answers = await Promise.all([issue(), issue()]);
    expect(answers.filter((a) => !a.errors).map((a) => a.data.issueDocument.numberLabel)).toEqual(['2/QĐ-CĐYT']);
    expect(await lastNumber()).toBe(2);
    expect((await live()).map((d: { numberLabel: string }) => d.numberLabel)).toEqual(['2/QĐ-CĐYT']);
  });

  it('migrates a database already holding duplicates: the first issued stays live, the later ones are cancelled with a note', async () => {
    const url = await ownMigratedDatabase('onelive');
    const ds = await new DataSource(dataSourceOptions(url, { extra: { max: 1 } })).initialize();
    try {
      await ds.query(`DROP INDEX "UQ_official_document_live_recognition"`);
      const [user] = await ds.query(
        `INSERT INTO app_user (email, full_name, role, org_unit_id, password_hash) VALUES ('m@test.vn', 'M', 'ADMIN', $1, 'x') RETURNING id`,
        [ROOT_ORG_UNIT_ID],
      );
      const source = '00000000-0000-4000-8000-000000000001';
      for (const n of [1, 3, 4]) {
        await ds.query(
          `INSERT INTO official_document (kind, org_unit_id, source_id, year, kind_symbol, number, number_label, issued_on, title, settings, status, created_by)
           VALUES ('RECOGNITION_DECISION', $1, $2, 2026, 'QĐ', $3, $4, '2026-03-16', 'Quyết định', '{}', 'READY', $5)`,
          [ROOT_ORG_UNIT_ID, source, n, `${n}/QĐ`, user.id],
        );
      }
      const q = ds.createQueryRunner();
      try {
        await new RecognitionOneLive1795496897800().up(q);
      } finally {
        await q.release();
      }
      const rows = await ds.query(`SELECT number, cancel_reason FROM official_document WHERE source_id = $1 ORDER BY number`, [source]);
      expect(rows).toEqual([
        { number: 1, cancel_reason: null },
        { number: 3, cancel_reason: `${DUPLICATE_RECOGNITION_NOTE}1/QĐ)` },
        { number: 4, cancel_reason: `${DUPLICATE_RECOGNITION_NOTE}1/QĐ)` },
      ]);
    } finally {
      await ds.destroy();
      await dropDatabase(url);
    }
  });
});
