import { useEffect, useState } from 'react';
import { downloadWithToken, gql } from '../api';
import { REGISTER } from '../queries-register';
import { Link } from '../router';
import { useSession } from '../session';
import { ErrorBox, Notice } from '../ui/errors';
import { Disclosure, Loading, PageTitle } from '../ui/page';
import { ConnectionPager, useCursorPager, useDebounced } from '../ui/pager';
import { useAction } from '../ui/use-action';
import { useAsync } from '../ui/use-async';
import { EnterpriseCreateForm } from './register/EnterpriseCreateForm';
import { RegisterFilters } from './register/RegisterFilters';
import { RegisterTable } from './register/RegisterTable';
import { useUnitTreeOptions } from '../units';
import { fromParams, toFilter, toParams, type RegisterFilterState } from './register/filter';

const PAGE = 25;
export const REGISTER_PATH = '/doanh-nghiep';

/**
 * Sổ doanh nghiệp: the enterprises of the caller's units, searched (name without diacritics too, tax
 * code), filtered, sorted and paged; exported to Excel as filtered; enterprises added by hand or imported.
 * The filter lives in the page's address, so that going back from an enterprise finds it again.
 */
export function RegisterPage() {
  const { me, sup } = useSession();
  const units = useUnitTreeOptions(true);
  const [filter, setFilter] = useState<RegisterFilterState>(() => fromParams(new URLSearchParams(location.search)));
  const applied = useDebounced(filter, 300);
  const key = JSON.stringify(applied);
  const pager = useCursorPager(key);
  const list = useAsync(async () => (await gql(REGISTER.list, { f: toFilter(applied), first: PAGE, after: pager.after })).enterprises, [key, pager.after], {
    subject: [],
  });
  const exporting = useAction();

  useEffect(() => {
    const qs = toParams(applied).toString();
    history.replaceState(null, '', `${REGISTER_PATH}${qs ? `?${qs}` : ''}`);
  }, [applied]);

  const page = list.data;
  const unitList = units.loading ? null : units.options;
  return (
    <section aria-labelledby="reg-title" data-testid="register-page">
      <PageTitle sub="Doanh nghiệp trên địa bàn: số lao động, công đoàn, hồ sơ thành lập CĐCS">
        <span id="reg-title">Sổ doanh nghiệp</span>
      </PageTitle>

      <div className="toolbar">
        <button
          type="button"
          className="btn btn-secondary"
          data-testid="register-export"
          disabled={exporting.busy !== null}
          aria-busy={exporting.busy !== null}
          onClick={() =>
            exporting.run(true, async () => {
              const qs = toParams(applied).toString();
              return `Đã tải về ${await downloadWithToken(`/registers/enterprises.xlsx${qs ? `?${qs}` : ''}`, 'so-doanh-nghiep.xlsx')}`;
            })
          }
        >
          {exporting.busy !== null ? 'Đang xuất…' : 'Xuất Excel'}
        </button>
        <Link to={`${REGISTER_PATH}/nhap`} className="btn btn-secondary" data-testid="register-import-link">
          Nhập từ Excel
        </Link>
      </div>
      <ErrorBox error={exporting.error} reveal />
      {exporting.done && <Notice reveal>{exporting.done}</Notice>}

      <Disclosure summary="Thêm doanh nghiệp" testId="register-add">
        <EnterpriseCreateForm units={sup ? (unitList ?? []) : []} defaultUnit={me.orgUnit.id} />
      </Disclosure>

      <RegisterFilters value={filter} onChange={setFilter} units={sup ? unitList : null} />

      <ErrorBox error={list.error} />
      {list.loading && !page && <Loading what="sổ doanh nghiệp" />}
      {page && (
        <>
          <ConnectionPager connection={page} pager={pager} pageSize={PAGE} testId="register-pager" what="doanh nghiệp" />
          <RegisterTable rows={page.nodes} showUnit={sup && (unitList?.length ?? 0) > 1} />
        </>
      )}
    </section>
  );
}
