import { useEffect, useState } from 'react';
import { gql } from '../../api';
import { fmtNumber } from '../../i18n';
import { dmy } from '../../i18n-grassroots';
import { GRASSROOTS } from '../../queries-grassroots';
import { ErrorBox } from '../../ui/errors';
import { Loading } from '../../ui/page';
import { ConnectionPager, useCursorPager } from '../../ui/pager';
import { useAsync } from '../../ui/use-async';
import { DocumentsPanel } from '../documents/DocumentsPanel';

const PAGE = 10;

/**
 * Quyết định kết nạp: a CĐCS's admission decisions, newest first (admissionDecisions): number, day, signer, how many
 * people; opened, the people by name and the decision's documents (the documents panel of the decision: downloads,
 * and for the CĐCS a new issue once a wrong one is cancelled). `openId`: the decision just made, opened
 * (docs/architecture.md#grassroots-unions, #official-documents).
 */
export function AdmissionDecisionsPanel({ gid, canWrite, rev, openId }: { gid: string; canWrite: boolean; rev: number; openId: string | null }) {
  const pager = useCursorPager(gid);
  const list = useAsync(
    async () => (await gql(GRASSROOTS.decisions, { g: gid, first: PAGE, after: pager.after })).admissionDecisions,
    [gid, pager.after, rev],
    { subject: [gid] },
  );
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set(openId ? [openId] : []));
  useEffect(() => {
    if (openId) setOpen((s) => new Set([...s, openId]));
  }, [openId]);
  const toggle = (id: string) => setOpen((s) => (s.has(id) ? new Set([...s].filter((x) => x !== id)) : new Set([...s, id])));
  const page = list.data;

  return (
    <section className="panel decisions-panel" aria-labelledby="decisions-title" data-testid="decisions-panel">
      <h2 id="decisions-title">Quyết định kết nạp {page && <span className="count">{fmtNumber(page.totalCount)}</span>}</h2>
      <ErrorBox error={list.error} />
      {list.loading && !page && <Loading what="quyết định kết nạp" />}
      {page && page.nodes.length === 0 && <p className="muted">Chưa có quyết định kết nạp nào.</p>}
      {page && page.nodes.length > 0 && (
        <>
          <ul className="plain-list" data-testid="decisions-list">
            {page.nodes.map((d) => {
              const shown = open.has(d.id);
              return (
                <li key={d.id} className="panel decision-item" data-testid="decision-item" data-number={d.number}>
                  <div className="decision-head">
                    <div>
                      <strong>Số {d.number}</strong> · ngày {dmy(d.decidedOn)}
                      <div className="muted small">
                        Người ký: {d.signer || '—'} · {fmtNumber(d.membersCount)} người được kết nạp
                      </div>
                    </div>
                    <button
                      type="button"
                      className="btn btn-secondary btn-small"
                      aria-expanded={shown}
                      aria-controls={`decision-${d.id}`}
                      data-testid="decision-toggle"
                      onClick={() => toggle(d.id)}
                    >
                      {shown ? 'Thu gọn' : 'Danh sách và văn bản'}
                    </button>
                  </div>
                  {shown && (
                    <div id={`decision-${d.id}`} className="decision-body">
                      <ol className="decision-people" data-testid="decision-people">
                        {d.members.map((m) => (
                          <li key={m.id}>{m.fullName}</li>
                        ))}
                      </ol>
                      <DocumentsPanel kind="ADMISSION_DECISION" sourceId={d.id} canIssue={canWrite} />
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
          <ConnectionPager connection={page} pager={pager} pageSize={PAGE} testId="decisions-pager" what="quyết định" />
        </>
      )}
    </section>
  );
}
