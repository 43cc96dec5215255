import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import { Actor, DocumentsService, Role } from '@app/core';
import { convertDocxToPdf, renderDocx } from '../../libs/core/src/documents';
import { DocumentKind, defaultDocumentSettings, layoutDocument } from '@app/domain';
import { Host } from '../lib/children';
import { Ctx, Row } from '../lib/context';
import { median, now } from '../lib/stats';

const MEMBERS = 2_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A 2,000-member admission decision (docs/architecture.md#official-documents): issued through the service (number,
 * outbox row), built by the real worker in its own process (DOCX, then PDF by LibreOffice), time until READY and
 * the worker's peak RSS. Its parts are timed in this process against baselines of the same run: the DOCX against
 * a bare `docx` build of 2,000 plain paragraphs with the same names, the PDF against soffice converting a
 * one-paragraph DOCX (its start-up cost), the whole against the two baselines summed.
 */
export async function documentsSuite(ctx: Ctx, worker: Host): Promise<void> {
  const { pg, world } = ctx;
  const unit = world.units[0];
  const [cdcs] = (
    await pg.query(
      `WITH id AS (SELECT gen_random_uuid() AS id)
       INSERT INTO org_unit (id, name, kind, parent_id, path) SELECT id.id, 'Công đoàn cơ sở Công ty May Đức Hòa (bench)', 'GRASSROOTS', $1, $2 || '.' || id.id FROM id RETURNING id`,
      [unit.id, unit.path],
    )
  ).rows;
  const [decision] = (
    await pg.query(
      `INSERT INTO admission_decision (grassroots_union_id, number, decided_on, signer, created_by) VALUES ($1, 'BENCH-1', CURRENT_DATE, 'Lê Văn Chủ', $2) RETURNING id`,
      [cdcs.id, world.federationSupervisor.id],
    )
  ).rows;
  await pg.query(
    `INSERT INTO member (grassroots_union_id, admission_decision_id, full_name, birth_year, gender, admitted_on)
     SELECT $1, $2, (ARRAY['Nguyễn','Trần','Lê','Phạm','Hoàng'])[1 + g % 5] || ' Thị Đoàn Viên ' || g, 1970 + g % 35, CASE WHEN g % 2 = 0 THEN 'Nữ' ELSE 'Nam' END, CURRENT_DATE
       FROM generate_series(1, $3) g`,
    [cdcs.id, decision.id, MEMBERS],
  );
  const s = defaultDocumentSettings({ name: 'Công đoàn cơ sở Công ty May Đức Hòa', parentName: 'Công đoàn ngành Dệt may', kind: 'GRASSROOTS' });
  await pg.query(
    `INSERT INTO document_settings (org_unit_id, parent_line, issuer_name, short_name, place_name, authority_line, signer_title, signer_name, recipients)
     VALUES ($1, $2, $3, 'CĐCSĐH', $4, $5, $6, 'Lê Văn Chủ', $7)`,
    [cdcs.id, s.parentLine, s.issuerName, s.placeName, s.authorityLine, s.signerTitle, s.recipients],
  );
  const actor: Actor = {
    userId: world.federationSupervisor.id,
    role: Role.ADMIN,
    orgUnitId: world.federation.id,
    orgPath: world.federation.path,
    fullName: 'Bench',
    email: world.federationSupervisor.email,
  };
  const documents = ctx.app.get(DocumentsService);
  const names: string[] = (await pg.query(`SELECT full_name FROM member WHERE admission_decision_id = $1 ORDER BY full_name, id`, [decision.id])).rows.map(
    (r) => r.full_name,
  );

  const issueAndWait = async () => {
    const t0 = now();
    const d = await documents.issue(actor, { kind: DocumentKind.ADMISSION_DECISION, sourceId: decision.id });
    for (;;) {
      const [row] = (await pg.query(`SELECT status, error, pdf IS NOT NULL AS pdf FROM official_document WHERE id = $1`, [d.id])).rows;
      if (row.status === 'READY') {
        if (!row.pdf) throw new Error(`document built without a PDF: ${row.error}`);
        const took = now() - t0;
        // A batch has one live decision at a time: the next round issues after this one is cancelled.
        await documents.cancel(actor, { id: d.id, reason: 'Lượt đo tiếp theo' });
        return took;
      }
      if (row.status === 'FAILED') throw new Error(`document build failed: ${row.error}`);
      await sleep(20);
    }
  };
  const layout = layoutDocument(
    { settings: { ...s, signerName: 'Lê Văn Chủ', shortName: 'CĐCSĐH' }, numberLabel: '1/QĐ-CĐCSĐH', issuedOn: '2026-12-05' },
    {
      kind: DocumentKind.ADMISSION_DECISION,
      facts: { grassrootsUnionName: 'CĐCS Công ty May Đức Hòa', members: names.map((fullName, i) => ({ fullName, birthYear: 1970 + (i % 35), gender: 'Nữ' })) },
    },
  );
  const bareDocx = () =>
    Packer.toBuffer(
      new Document({
        sections: [{ children: names.map((n, i) => new Paragraph({ alignment: AlignmentType.LEFT, children: [new TextRun(`${i + 1}. ${n}`)] })) }],
      }),
    );
  const trivial = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Một đoạn.')] }] }));

  // Warm-up: the worker's soffice profile, this process's.
  await issueAndWait();
  await convertDocxToPdf(trivial);
  worker.resetPeak();
  const m0 = worker.memory();
  const r = { e2e: [] as number[], docx: [] as number[], pdf: [] as number[], bare: [] as number[], trivial: [] as number[] };
  for (let round = 0; round < ctx.scale.rounds; round++) {
    r.e2e.push(await issueAndWait());
    let t = now();
    const docx = await renderDocx(layout);
    r.docx.push(now() - t);
    t = now();
    await convertDocxToPdf(docx);
    r.pdf.push(now() - t);
    t = now();
    await bareDocx();
    r.bare.push(now() - t);
    t = now();
    await convertDocxToPdf(trivial);
    r.trivial.push(now() - t);
    ctx.log(
      `  documents r${round}: issue→READY ${r.e2e[round].toFixed(0)} ms; DOCX ${r.docx[round].toFixed(0)} ms (bare ${r.bare[round].toFixed(0)}); PDF ${r.pdf[round].toFixed(0)} ms (trivial ${r.trivial[round].toFixed(0)})`,
    );
  }
  const after = worker.memory();
  ctx.memory.push({
    process: 'worker',
    phase: `documents (${MEMBERS.toLocaleString('en-US')}-member admission decision, DOCX + PDF)`,
    rss: m0.rss,
    hwm: after.hwm,
  });
  const baseSum = r.bare.map((b, i) => b + r.trivial[i]);
  const row = (name: string, baseline: string, system: number[], base: number[]): Row => ({
    section: 'documents',
    name,
    baseline,
    unit: 'ms',
    system: median(system),
    base: median(base),
    ratio: median(base) / median(system),
    rounds: { system, base },
  });
  ctx.rows.push(
    row(
      `${MEMBERS.toLocaleString('en-US')}-member admission decision → DOCX (decree layout, table)`,
      `bare docx build: ${MEMBERS.toLocaleString('en-US')} plain paragraphs`,
      r.docx,
      r.bare,
    ),
    row(`same DOCX → PDF (LibreOffice headless)`, 'soffice converting a one-paragraph DOCX', r.pdf, r.trivial),
    row(`issueDocument → READY (outbox, worker: facts, DOCX, PDF)`, 'the two baselines above, summed', r.e2e, baseSum),
  );
  ctx.notes.push(
    `Documents: worker RSS ${(m0.rss / 1048576).toFixed(0)} MB before, peak ${(after.hwm / 1048576).toFixed(0)} MB while building the ${MEMBERS.toLocaleString('en-US')}-member decision (soffice runs as a child process: its memory is not in this figure).`,
  );
}
