import type { ReturnDetailFragment } from '../../generated/graphql';
import { fmtDateTime, fmtNumber } from '../../i18n';
import { VERSION_ACTION_LABEL } from '../../i18n-returns';

/** Every kept version of a return, latest first: who did what, the main figures, the note or reason. */
export function Versions({ r }: { r: ReturnDetailFragment }) {
  if (!r.versions.length) return null;
  return (
    <section aria-labelledby="return-versions-title" className="return-versions">
      <h3 id="return-versions-title">Các phiên bản đã lưu</h3>
      <div className="table-wrap">
        <table className="table stack-table" data-testid="return-versions">
          <thead>
            <tr>
              <th scope="col">Lần</th>
              <th scope="col">Thao tác</th>
              <th scope="col">Lúc</th>
              <th scope="col" className="num">
                Kết nạp mới
              </th>
              <th scope="col" className="num">
                Cuối kỳ
              </th>
              <th scope="col">Ghi chú / lý do</th>
            </tr>
          </thead>
          <tbody>
            {[...r.versions].reverse().map((x) => (
              <tr key={x.version} data-testid="return-version" data-action={x.action}>
                <td data-label="Lần">{x.version}</td>
                <td data-label="Thao tác">{VERSION_ACTION_LABEL[x.action] ?? x.action}</td>
                <td data-label="Lúc">{fmtDateTime(x.at)}</td>
                <td data-label="Kết nạp mới" className="num">
                  {fmtNumber(x.figures.admitted)}
                </td>
                <td data-label="Cuối kỳ" className="num">
                  {fmtNumber(x.figures.membersAtEnd)}
                </td>
                <td data-label="Ghi chú / lý do">{x.action === 'SEND_BACK' ? x.reason : x.action === 'SAVE' ? x.note : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
