import { gql } from '../../api';
import { fmtDate, vnToday } from '../../i18n';
import { RESTRUCTURE } from '../../queries-restructuring';
import { ErrorBox } from '../../ui/errors';
import { useAsync } from '../../ui/use-async';

/**
 * Beside the tree "as of" a later day: the tree is built from what has applied, and a scheduled change applies on its
 * day (the worker), so the changes scheduled up to that day are named here rather than left out silently.
 */
export function ScheduledChanges({ until }: { until: string }) {
  const future = until > vnToday();
  const q = useAsync(async () => (future ? (await gql(RESTRUCTURE.scheduled, { until })).scheduledOrgChanges : null), [until, future]);
  if (!future) return null;
  if (q.error) return <ErrorBox error={q.error} />;
  const changes = q.data;
  if (!changes) return null;
  return (
    <div className="alert alert-info" data-testid="org-as-of-scheduled">
      {changes.length === 0 ? (
        <p>Ngày này sau hôm nay: cây dưới đây là cây hiện tại, chưa có thay đổi tổ chức nào được lên lịch đến ngày {fmtDate(until)}.</p>
      ) : (
        <>
          <p>
            Ngày này sau hôm nay: cây dưới đây là cây hiện tại, <strong>chưa tính {changes.length} thay đổi đã lên lịch</strong> đến ngày {fmtDate(until)} (mỗi
            thay đổi được áp dụng vào đúng ngày hiệu lực):
          </p>
          <ul>
            {changes.map((c) => (
              <li key={c.id} data-testid="org-scheduled-change">
                {fmtDate(c.effectiveOn)}: {c.kindLabel} — {c.summary} ({c.decisionReference})
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
