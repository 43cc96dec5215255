import { useState } from 'react';
import { gql } from '../api';
import { fmtDate, fmtNumber, vnYear } from '../i18n';
import { PLAN, type EntryRow, type HeadingTotals } from '../queries-plan';
import { useSession } from '../session';
import { ErrorBox } from '../ui/errors';
import { DateField, SelectField, TextField } from '../ui/fields';
import { day, todayVn } from '../ui/form-values';
import { ActionForm, useForm } from '../ui/forms';
import { Disclosure, Loading, PageTitle } from '../ui/page';
import { useAsync } from '../ui/use-async';
import { YearPicker, money, moneyInput, moneyProblem } from './plan/plan-common';
import '../styles-plan.css';

export const BUDGET_PATH = '/kinh-phi';

const pct = (s: string | null | undefined) => (s == null ? '—' : `${s.replace('.', ',')}%`);

/** The unit's budget: headings against the year's plan, cost per result, the ledger (reversals only), new spending. */
export function BudgetPage() {
  const { me, sup } = useSession();
  const thisYear = vnYear();
  const [year, setYear] = useState(thisYear);
  const unitId = me.orgUnit.id;
  const b = useAsync(async () => (await gql(PLAN.budget, { u: unitId, y: year })).budget, [unitId, year]);
  const budget = b.data;
  return (
    <section aria-labelledby="budget-title">
      <PageTitle sub={`Kinh phí thực hiện kế hoạch của ${me.orgUnit.name}: dự toán theo khoản chi, sổ chi và chi phí cho mỗi kết quả`}>
        <span id="budget-title">Kinh phí</span>
      </PageTitle>
      <YearPicker year={year} onChange={setYear} thisYear={thisYear} />
      <ErrorBox error={b.error} />
      {b.loading && !budget && <Loading what="kinh phí" />}
      {budget && (
        <>
          <div className="stat-grid" data-testid="budget-summary">
            <div>
              Dự toán năm <strong>{money(budget.planned)}</strong>
            </div>
            <div>
              Đã chi <strong data-testid="budget-spent">{money(budget.spent)}</strong>
              {pct(budget.spentPercent)} dự toán · đã qua {pct(budget.yearElapsedPercent)} năm
            </div>
            <div>
              Chi phí mỗi đoàn viên mới <strong>{money(budget.costPerNewMember)}</strong>
              {fmtNumber(budget.newMembers)} đoàn viên mới
            </div>
            <div>
              Chi phí mỗi CĐCS mới <strong>{money(budget.costPerNewGrassrootsUnion)}</strong>
              {fmtNumber(budget.newGrassrootsUnions)} CĐCS mới
            </div>
          </div>
          <HeadingTable headings={budget.headings} />
          {sup && <PlanAmountsForm key={`${year}-${budget.planned}`} unitId={unitId} year={year} headings={budget.headings} onSaved={b.reload} />}
          {sup && <EntryForm unitId={unitId} headings={budget.headings.filter((h) => h.active)} onSaved={b.reload} />}
          <Ledger entries={budget.entries} sup={sup} onReversed={b.reload} />
        </>
      )}
    </section>
  );
}

function HeadingTable({ headings }: { headings: HeadingTotals[] }) {
  return (
    <section className="panel" aria-labelledby="headings-title">
      <h2 id="headings-title">Theo khoản chi</h2>
      <div className="table-wrap">
        <table data-testid="budget-headings">
          <thead>
            <tr>
              <th scope="col">Khoản chi</th>
              <th scope="col" className="money">
                Dự toán
              </th>
              <th scope="col" className="money">
                Đã chi
              </th>
              <th scope="col" className="num">
                Tỷ lệ
              </th>
            </tr>
          </thead>
          <tbody>
            {headings.map((h) => (
              <tr key={h.id} data-testid="budget-heading">
                <th scope="row" data-label="Khoản chi">
                  {h.name} {h.overPlan && <span className="badge badge-over">vượt dự toán</span>}
                  {!h.active && <span className="muted small"> (ngừng dùng)</span>}
                </th>
                <td className="money" data-label="Dự toán">
                  {money(h.planned)}
                </td>
                <td className="money" data-label="Đã chi">
                  {money(h.spent)}
                </td>
                <td className="num" data-label="Tỷ lệ">
                  {pct(h.spentPercent)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function PlanAmountsForm({ unitId, year, headings, onSaved }: { unitId: string; year: number; headings: HeadingTotals[]; onSaved: () => void }) {
  const f = useForm(Object.fromEntries(headings.map((h) => [h.id, h.planned ?? ''])) as Record<string, string>);
  return (
    <Disclosure summary={`Dự toán năm ${year}`} testId="budget-plan-box">
      <ActionForm
        title={`Dự toán năm ${year} theo khoản chi`}
        submitLabel="Lưu dự toán"
        form={f}
        testId="form-budget-plan"
        onSubmit={async () => {
          const lines = headings.filter((h) => String(f.values[h.id]).trim()).map((h) => ({ headingId: h.id, amount: moneyInput(f.values[h.id]) }));
          await gql(PLAN.setBudgetPlan, { i: { orgUnitId: unitId, year, lines } });
          onSaved();
          return 'Đã lưu dự toán.';
        }}
      >
        {/* Each amount is checked beside its own field (the API says only that some line is wrong). */}
        {headings.map((h) => (
          <TextField
            key={h.id}
            label={`${h.name} (đồng)`}
            inputMode="numeric"
            {...f.field(h.id)}
            check={() => moneyProblem(String(f.values[h.id]), `${h.name} (đồng)`)}
          />
        ))}
      </ActionForm>
    </Disclosure>
  );
}

function EntryForm({ unitId, headings, onSaved }: { unitId: string; headings: HeadingTotals[]; onSaved: () => void }) {
  const f = useForm({ headingId: headings[0]?.id ?? '', spentOn: todayVn(), amount: '', voucherNumber: '', note: '' });
  const [warning, setWarning] = useState<string | null>(null);
  return (
    <Disclosure summary="Ghi khoản chi" testId="budget-entry-box" open>
      <ActionForm
        title="Ghi khoản chi"
        submitLabel="Ghi vào sổ"
        form={f}
        testId="form-budget-entry"
        onSubmit={async () => {
          const v = f.values;
          const r = await gql(PLAN.record, {
            i: {
              orgUnitId: unitId,
              headingId: v.headingId,
              spentOn: day(v.spentOn),
              amount: moneyInput(v.amount),
              voucherNumber: v.voucherNumber,
              note: v.note || null,
            },
          });
          setWarning(r.recordBudgetEntry.warning ?? null);
          f.setValues({ ...v, amount: '', voucherNumber: '', note: '' });
          onSaved();
          return `Đã ghi ${money(r.recordBudgetEntry.entry.amount)} vào khoản “${r.recordBudgetEntry.entry.headingName}”.`;
        }}
      >
        <SelectField label="Khoản chi" required {...f.field('headingId')} options={headings.map((h) => ({ value: h.id, label: h.name }))} />
        <div className="grid-3">
          <DateField label="Ngày chi" required notAfterToday {...f.field('spentOn')} />
          <TextField
            label="Số tiền (đồng)"
            required
            inputMode="numeric"
            hint="Số đồng nguyên, ví dụ 1.250.000"
            {...f.field('amount')}
            check={() =>
              moneyProblem(f.values.amount, 'Số tiền (đồng)') ?? (/^0+$/.test(moneyInput(f.values.amount)) ? 'Số tiền (đồng) phải lớn hơn 0' : undefined)
            }
          />
          <TextField label="Số chứng từ" required {...f.field('voucherNumber')} />
        </div>
        <TextField label="Ghi chú" {...f.field('note')} />
      </ActionForm>
      {warning && (
        <div className="alert alert-warning" role="alert" data-testid="over-plan-warning">
          <p className="alert-title">Cảnh báo vượt dự toán</p>
          <p>{warning}</p>
        </div>
      )}
    </Disclosure>
  );
}

/** Latest day first; on one day, the latest entry first (a reversal above the entry it reverses). */
function ledgerOrder(entries: EntryRow[]): EntryRow[] {
  return entries
    .map((e, i) => ({ e, i }))
    .sort((a, b) => b.e.spentOn.localeCompare(a.e.spentOn) || b.i - a.i)
    .map((x) => x.e);
}

/** A reversal names the entry it reverses as the user sees it: its voucher and day (not an internal number). */
function reversalOf(entries: EntryRow[], id: string): string {
  const r = entries.find((x) => x.id === id);
  return r ? `đảo khoản chứng từ ${r.voucherNumber} ngày ${fmtDate(r.spentOn)}` : 'đảo một khoản đã ghi';
}

function Ledger({ entries, sup, onReversed }: { entries: EntryRow[]; sup: boolean; onReversed: () => void }) {
  const [reversing, setReversing] = useState<string | null>(null);
  return (
    <section className="panel" aria-labelledby="ledger-title">
      <h2 id="ledger-title">Sổ chi ({fmtNumber(entries.length)} dòng)</h2>
      <p className="muted small">Khoản đã ghi không sửa, không xoá: ghi nhầm thì đảo bút toán (một dòng âm cùng số tiền).</p>
      {entries.length === 0 && <p className="muted">Chưa có khoản chi nào trong năm.</p>}
      <div className="table-wrap">
        <table data-testid="budget-ledger">
          <thead>
            <tr>
              <th scope="col">Ngày</th>
              <th scope="col">Khoản chi</th>
              <th scope="col" className="money">
                Số tiền
              </th>
              <th scope="col">Chứng từ, ghi chú</th>
              {sup && <th scope="col">Thao tác</th>}
            </tr>
          </thead>
          <tbody>
            {ledgerOrder(entries).map((e) => (
              <tr key={e.id} data-testid="ledger-row" data-entry-id={e.id}>
                <td data-label="Ngày">{fmtDate(e.spentOn)}</td>
                <th scope="row" data-label="Khoản chi">
                  {e.headingName}
                </th>
                <td className="money" data-label="Số tiền">
                  {money(e.amount)}
                </td>
                <td data-label="Chứng từ, ghi chú">
                  {e.voucherNumber}
                  {e.note ? ` — ${e.note}` : ''}
                  {e.reversesId && <span className="badge badge-reversed"> {reversalOf(entries, e.reversesId)}</span>}
                  {e.reversedById && <span className="badge badge-reversed"> đã đảo</span>}
                </td>
                {sup && (
                  <td data-label="Thao tác">
                    {!e.reversesId && !e.reversedById && reversing !== e.id && (
                      <button type="button" className="btn btn-secondary btn-small" onClick={() => setReversing(e.id)} data-testid="reverse-entry">
                        Đảo bút toán
                      </button>
                    )}
                    {reversing === e.id && (
                      <ReverseForm
                        entry={e}
                        onDone={() => {
                          setReversing(null);
                          onReversed();
                        }}
                      />
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function ReverseForm({ entry, onDone }: { entry: EntryRow; onDone: () => void }) {
  const f = useForm({ reason: '' });
  return (
    <ActionForm
      title={`Đảo khoản ${money(entry.amount)}`}
      submitLabel="Đảo bút toán"
      form={f}
      danger
      testId="form-reverse"
      onSubmit={async () => {
        await gql(PLAN.reverse, { i: { entryId: entry.id, reason: f.values.reason } });
        onDone();
        return 'Đã đảo bút toán.';
      }}
    >
      <TextField label="Lý do" required {...f.field('reason')} />
    </ActionForm>
  );
}
