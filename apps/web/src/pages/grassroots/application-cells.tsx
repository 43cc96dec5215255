import { APPLICATION_STATUS_LABEL, labelOf } from '../../i18n';
import { dmy } from '../../i18n-grassroots';
import type { ApplicationStatus } from '../../generated/graphql';

interface ApplicationLike {
  id: string;
  fullName: string;
  status: ApplicationStatus;
  decisionNumber?: string | null;
  decidedOn?: string | null;
  rejectionReason?: string | null;
}

/** An application's status, with its admission decision or its refusal's reason (a CĐCS's page, a case's page). */
export function ApplicationStatusCell({ a, label, testId }: { a: ApplicationLike; label: string; testId?: string }) {
  return (
    <td data-label={label} data-testid={testId}>
      {labelOf(APPLICATION_STATUS_LABEL, a.status)}
      {a.status === 'ADMITTED' && a.decisionNumber && (
        <small className="muted">
          {' '}
          (QĐ {a.decisionNumber}, {dmy(a.decidedOn)})
        </small>
      )}
      {a.status === 'REJECTED' && a.rejectionReason && <small className="muted"> — {a.rejectionReason}</small>}
    </td>
  );
}

/** "Từ chối" for a pending application; opens RejectApplicationForm through `onReject`. */
export function RejectCell({ a, testId, onReject }: { a: ApplicationLike; testId: string; onReject: (a: { id: string; fullName: string }) => void }) {
  return (
    <td data-label="Thao tác">
      {a.status === 'SUBMITTED' && (
        <button type="button" className="btn btn-secondary btn-small" data-testid={testId} onClick={() => onReject({ id: a.id, fullName: a.fullName })}>
          Từ chối
        </button>
      )}
    </td>
  );
}

/** "Kết nạp" and "Từ chối" for a pending application an upper level decides (decideApplication); each opens its form. */
export function DecideCell({
  a,
  onAdmit,
  onReject,
}: {
  a: ApplicationLike;
  onAdmit: (a: { id: string; fullName: string }) => void;
  onReject: (a: { id: string; fullName: string }) => void;
}) {
  return (
    <td data-label="Thao tác">
      {a.status === 'SUBMITTED' && (
        <span className="row-actions">
          <button
            type="button"
            className="btn btn-primary btn-small"
            data-testid="application-admit"
            onClick={() => onAdmit({ id: a.id, fullName: a.fullName })}
          >
            Kết nạp
          </button>
          <button
            type="button"
            className="btn btn-secondary btn-small"
            data-testid="application-reject"
            onClick={() => onReject({ id: a.id, fullName: a.fullName })}
          >
            Từ chối
          </button>
        </span>
      )}
    </td>
  );
}

/** The status filter of an applications list; '' is every status. */
export const APPLICATION_STATUS_FILTER: { value: ApplicationStatus | ''; label: string }[] = [
  { value: 'SUBMITTED', label: 'Đang chờ xét' },
  { value: 'ADMITTED', label: 'Đã kết nạp' },
  { value: 'REJECTED', label: 'Đã từ chối' },
  { value: '', label: 'Tất cả' },
];
