import { useCallback, useState } from 'react';
import { navigate, useLocation } from '../router';
import { useSession } from '../session';
import { Link } from '../router';
import { PageTitle } from '../ui/page';
import { REGISTER_HOLDERS, useUnitTreeOptions } from '../units';
import { ImportList } from './imports/ImportList';
import { ImportView } from './imports/ImportView';
import { UploadForm } from './imports/UploadForm';

export const IMPORT_PATH = '/doanh-nghiep/nhap';

/**
 * Nhập sổ doanh nghiệp: a file is checked first (the dry run: what would be added, updated, left,
 * refused), then confirmed or cancelled. The import shown is in the address (?id=), so a reload keeps it.
 */
export function ImportPage() {
  const { me, sup } = useSession();
  const units = useUnitTreeOptions('registers');
  const { query } = useLocation();
  const id = query.get('id');
  const [tick, setTick] = useState(0);
  const changed = useCallback(() => setTick((t) => t + 1), []);

  return (
    <section aria-labelledby="imp-title" data-testid="import-page">
      <p className="breadcrumb">
        <Link to="/doanh-nghiep">← Sổ doanh nghiệp</Link>
      </p>
      <PageTitle sub="Nhập danh sách doanh nghiệp từ tệp Excel hoặc CSV: kiểm tra trước, xác nhận sau">
        <span id="imp-title">Nhập sổ doanh nghiệp</span>
      </PageTitle>
      {id ? (
        <>
          <ImportView key={id} id={id} onChanged={changed} />
          <p>
            <button type="button" className="btn btn-secondary" data-testid="import-new" onClick={() => navigate(IMPORT_PATH)}>
              Nhập tệp khác
            </button>
          </p>
        </>
      ) : (
        <UploadForm
          units={sup ? units.options : null}
          // The caller's own unit when it keeps a register; else (the confederation's admin) the first that does.
          defaultUnit={REGISTER_HOLDERS.includes(me.orgUnit.kind) || !sup ? me.orgUnit.id : (units.options[0]?.value ?? me.orgUnit.id)}
          onUploaded={(created) => {
            changed();
            navigate(`${IMPORT_PATH}?id=${encodeURIComponent(created.id)}`);
          }}
        />
      )}
      <ImportList currentId={id} version={String(tick)} />
    </section>
  );
}
