import { useState } from 'react';
import { changeOpLabel, columnLabel, operationLabel, tableLabel } from '@app/domain/audit-labels';
import { auditValueLabel } from '@app/domain/audit-values';
import { downloadWithToken, gql } from '../api';
import { ROLE_LABEL, fmtDateTime, parseVnDate } from '../i18n';
import { AUDIT, type AuditEntry } from '../queries-audit';
import type { Role } from '../queries';
import { useSession } from '../session';
import { ErrorBox, Notice } from '../ui/errors';
import { DateField, TextField, dateProblem } from '../ui/fields';
import { Loading, PageTitle } from '../ui/page';
import { ConnectionPager, useCursorPager, useDebounced } from '../ui/pager';
import { useAction } from '../ui/use-action';
import { useAsync } from '../ui/use-async';

const PAGE = 25;

/** Nhật ký thay đổi: who changed what, when and from where (ADMIN: everything; SUPERVISOR: its subtree). */
export function AuditLogPage() {
  const { sup } = useSession();
  const [actor, setActor] = useState('');
  const [operation, setOperation] = useState('');
  const [entity, setEntity] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const typedActor = useDebounced(actor.trim());
  const typedOperation = useDebounced(operation.trim());
  const typedEntity = useDebounced(entity.trim());
  // Days typed dd/mm/yyyy like every date field here; one that is not a day is said beside its field and not applied.
  const day = (text: string) => (text.trim() && !dateProblem(text, '') ? parseVnDate(text) : null);
  const filter = { actor: typedActor || null, operation: typedOperation || null, entity: typedEntity || null, from: day(from), to: day(to) };
  const key = JSON.stringify(filter);
  const pager = useCursorPager(key);
  const list = useAsync(async () => (sup ? (await gql(AUDIT.list, { f: filter, first: PAGE, after: pager.after })).auditLog : null), [key, pager.after, sup], {
    subject: [sup],
  });
  const exporting = useAction();

  if (!sup) {
    return (
      <section>
        <PageTitle>Nhật ký thay đổi</PageTitle>
        <p className="alert alert-info">Trang này dành cho Ban Thường vụ và quản trị viên.</p>
      </section>
    );
  }
  const page = list.data;
  return (
    <section aria-labelledby="audit-title" data-testid="audit-page">
      <PageTitle sub="Ai đã thay đổi gì, lúc nào, từ địa chỉ nào (số căn cước chỉ hiện 3 số cuối)">
        <span id="audit-title">Nhật ký thay đổi</span>
      </PageTitle>
      <div className="toolbar">
        <button
          type="button"
          className="btn btn-secondary"
          data-testid="audit-export"
          disabled={exporting.busy !== null}
          aria-busy={exporting.busy !== null}
          onClick={() =>
            exporting.run(true, async () => {
              const qs = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => !!e[1])).toString();
              return `Đã tải về ${await downloadWithToken(`/audit-log.xlsx${qs ? `?${qs}` : ''}`, 'nhat-ky-thay-doi.xlsx')}`;
            })
          }
        >
          {exporting.busy !== null ? 'Đang xuất…' : 'Xuất Excel'}
        </button>
      </div>
      <ErrorBox error={exporting.error} reveal />
      {exporting.done && <Notice reveal>{exporting.done}</Notice>}

      <form className="filters" role="search" aria-label="Lọc nhật ký" onSubmit={(e) => e.preventDefault()}>
        <TextField label="Người thực hiện (email)" name="actor" value={actor} onChange={setActor} testId="audit-filter-actor" />
        <TextField
          label="Thao tác"
          name="operation"
          value={operation}
          onChange={setOperation}
          placeholder="vd. updateEnterprise"
          testId="audit-filter-operation"
        />
        <TextField label="Bảng dữ liệu" name="entity" value={entity} onChange={setEntity} placeholder="vd. enterprise" testId="audit-filter-entity" />
        <DateField label="Từ ngày" name="from" value={from} onChange={setFrom} testId="audit-filter-from" />
        <DateField label="Đến ngày" name="to" value={to} onChange={setTo} testId="audit-filter-to" />
      </form>

      <ErrorBox error={list.error} />
      {list.loading && !page && <Loading what="nhật ký" />}
      {page && (
        <>
          <ConnectionPager connection={page} pager={pager} pageSize={PAGE} testId="audit-pager" what="dòng nhật ký" />
          <AuditTable rows={page.nodes} />
        </>
      )}
    </section>
  );
}

/**
 * A stored value as read (docs/architecture.md#audit-log): a referenced row's name from the API, else the domain's
 * reading (codes in Vietnamese, days and instants dd/mm/yyyy, Có/Không, money in đồng); the stored value in a tooltip.
 */
function Value({ table, field, value, label }: { table: string; field: string; value: string | null; label?: string | null }) {
  const shown = label ?? auditValueLabel(table, field, value);
  return (
    <span data-testid="audit-value" title={value != null && value !== shown ? value : undefined}>
      {shown}
    </span>
  );
}

type Change = AuditEntry['changes'][number];

/** A changed field: its label (the column in a tooltip) and its value(s). */
function FieldLine({ c, f }: { c: Change; f: Change['fields'][number] }) {
  return (
    <li>
      <span title={f.field} data-testid="audit-field">
        {columnLabel(c.table, f.field)}
      </span>
      :{' '}
      {c.op === 'UPDATE' ? (
        <>
          <del>
            <Value table={c.table} field={f.field} value={f.before} label={f.beforeLabel} />
          </del>{' '}
          →{' '}
          <ins>
            <Value table={c.table} field={f.field} value={f.after} label={f.afterLabel} />
          </ins>
        </>
      ) : c.op === 'DELETE' ? (
        <Value table={c.table} field={f.field} value={f.before} label={f.beforeLabel} />
      ) : (
        <Value table={c.table} field={f.field} value={f.after} label={f.afterLabel} />
      )}
    </li>
  );
}

/** "Sửa doanh nghiệp", not "Sửa Doanh nghiệp": the table's label follows the verb mid-phrase. */
const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);

/** A logged name as read: its Vietnamese label, the code beside it small and muted (the filters take the code). */
function Named({ label, code, testId }: { label: string; code: string; testId: string }) {
  if (label === code) return <code data-testid={testId}>{code}</code>;
  return (
    <span data-testid={testId}>
      {label} <code className="muted small">{code}</code>
    </span>
  );
}

function AuditTable({ rows }: { rows: AuditEntry[] }) {
  if (rows.length === 0) return <p className="empty-state">Không có dòng nhật ký nào khớp bộ lọc.</p>;
  return (
    <div className="table-wrap">
      <table className="stack-table" data-testid="audit-table">
        <thead>
          <tr>
            <th scope="col">Thời điểm</th>
            <th scope="col">Người thực hiện</th>
            <th scope="col">Thao tác</th>
            <th scope="col">Thay đổi</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((e) => (
            <tr key={e.id} data-testid="audit-row" data-operation={e.operation}>
              <th scope="row" data-label="Thời điểm">
                {fmtDateTime(e.at as string)}
              </th>
              <td data-label="Người thực hiện">
                <span className="cell">
                  {e.actorEmail ?? '—'}
                  <small className="muted block">
                    {e.actorRole ? (ROLE_LABEL[e.actorRole as Role] ?? e.actorRole) : ''} {e.ip ? `· ${e.ip}` : ''}
                  </small>
                </span>
              </td>
              <td data-label="Thao tác">
                <span className="cell">
                  <Named label={operationLabel(e.operation)} code={e.operation} testId="audit-operation" />
                  {e.outcome !== 'OK' && <span className="badge badge-closed">Bị từ chối</span>}
                </span>
              </td>
              <td data-label="Thay đổi">
                {e.changes.length === 0 ? (
                  <span className="muted">
                    {e.entity ? (
                      <>
                        <span title={e.entity}>{tableLabel(e.entity)}</span> {e.entityId ?? ''}
                      </>
                    ) : (
                      'Không thay đổi dữ liệu'
                    )}
                  </span>
                ) : (
                  <ul className="audit-changes">
                    {e.changes.map((c, i) => (
                      <li key={i}>
                        <strong>
                          {changeOpLabel(c.op)} <span title={c.table}>{lowerFirst(tableLabel(c.table))}</span>
                        </strong>
                        {c.op === 'UPDATE' ? (
                          <ul>
                            {c.fields.map((f) => (
                              <FieldLine key={f.field} c={c} f={f} />
                            ))}
                          </ul>
                        ) : (
                          // A created or deleted row: every field, folded (a row has tens of them).
                          c.fields.length > 0 && (
                            <details className="audit-fields" data-testid="audit-row-fields">
                              <summary>Xem các trường ({c.fields.length})</summary>
                              <ul>
                                {c.fields.map((f) => (
                                  <FieldLine key={f.field} c={c} f={f} />
                                ))}
                              </ul>
                            </details>
                          )
                        )}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
