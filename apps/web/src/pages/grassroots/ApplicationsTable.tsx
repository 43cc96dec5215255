import type { ReactNode } from 'react';
import { dmy } from '../../i18n-grassroots';
import type { ApplicationStatus } from '../../generated/graphql';
import { ApplicationStatusCell } from './application-cells';

export interface ApplicationRow {
  id: string;
  fullName: string;
  birthYear: number;
  position: string;
  status: ApplicationStatus;
  submittedOn: string;
  dueOn?: string | null;
  decidedOn?: string | null;
  decisionNumber?: string | null;
  rejectionReason?: string | null;
}

/**
 * A page of applications (a CĐCS's, an upper-level union's): name, birth year, position, submitted and due day,
 * status; `pick` adds the ticks for an admission decision, `action` the row's actions cell (a <td>).
 */
export function ApplicationsTable({
  nodes,
  testId,
  pick,
  action,
}: {
  nodes: readonly ApplicationRow[];
  testId: string;
  pick?: { picked: ReadonlySet<string>; onToggle: (id: string) => void };
  action?: (a: ApplicationRow) => ReactNode;
}) {
  return (
    <div className="table-wrap">
      <table className="stack-table" data-testid={testId}>
        <thead>
          <tr>
            {pick && <th scope="col">Chọn</th>}
            <th scope="col">Họ và tên</th>
            <th scope="col">Năm sinh</th>
            <th scope="col">Vị trí công việc</th>
            <th scope="col">Ngày nộp</th>
            <th scope="col">Hạn xét</th>
            <th scope="col">Tình trạng</th>
            {action && <th scope="col">Thao tác</th>}
          </tr>
        </thead>
        <tbody>
          {nodes.map((a) => (
            <tr key={a.id} data-testid="application-row" data-status={a.status}>
              {pick && (
                <td data-label="Chọn">
                  {a.status === 'SUBMITTED' && (
                    <input type="checkbox" aria-label={`Chọn đơn của ${a.fullName}`} checked={pick.picked.has(a.id)} onChange={() => pick.onToggle(a.id)} />
                  )}
                </td>
              )}
              <td data-label="Họ và tên">{a.fullName}</td>
              <td data-label="Năm sinh">{a.birthYear}</td>
              <td data-label="Vị trí công việc">{a.position}</td>
              <td data-label="Ngày nộp">{dmy(a.submittedOn)}</td>
              <td data-label="Hạn xét">{a.dueOn ? dmy(a.dueOn) : <span className="muted">—</span>}</td>
              <ApplicationStatusCell a={a} label="Tình trạng" />
              {action?.(a)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
