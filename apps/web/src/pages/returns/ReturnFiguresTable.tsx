import type { ReturnDetailFragment } from '../../generated/graphql';
import { fmtNumber } from '../../i18n';
import { INDICATORS, INDICATOR_LABEL } from '../../i18n-returns';

/** A return read-only: each indicator as reported beside the register's figure (a difference marked). */
export function FiguresTable({ r }: { r: ReturnDetailFragment }) {
  return (
    <>
      <div className="table-wrap">
        <table className="table return-figures" data-testid="return-figures">
          <thead>
            <tr>
              <th scope="col">Chỉ tiêu</th>
              <th scope="col" className="num">
                Báo cáo
              </th>
              <th scope="col" className="num">
                Theo sổ đoàn viên
              </th>
            </tr>
          </thead>
          <tbody>
            {INDICATORS.map((k) => (
              <tr key={k} data-testid="return-figure" data-indicator={k}>
                <th scope="row">{INDICATOR_LABEL[k]}</th>
                <td className="num">
                  <strong>{fmtNumber(r.figures[k])}</strong>
                </td>
                <td className={`num${r.prefill[k] !== r.figures[k] ? ' figure-differs' : ''}`}>{fmtNumber(r.prefill[k])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {r.note && (
        <p data-testid="return-note">
          <strong>Ghi chú điều chỉnh:</strong> {r.note}
        </p>
      )}
    </>
  );
}
