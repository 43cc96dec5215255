import { useEffect, useState } from 'react';
import { gql } from '../api';
import type { EnterpriseFilter, PickEnterprisesQuery } from '../generated/graphql';
import { fmtNumber } from '../i18n';
import { Q } from '../queries';
import { Combobox } from './combobox';
import type { FieldBase } from './fields';
import { useAsync } from './use-async';
import { useDebounced } from './use-debounced';

export type PickedEnterprise = PickEnterprisesQuery['enterprises']['nodes'][number];

const PAGE = 20;
const PAUSE_MS = 250;

/** Tax code, district and workers: what tells two enterprises of a similar name apart. */
export const enterpriseLine = (e: PickedEnterprise) =>
  `MST ${e.taxCode} · ${e.district?.trim() || 'Chưa rõ quận/huyện'} · ${fmtNumber(e.workerCount)} lao động`;

/**
 * Picks an enterprise of the caller's units by typing: the server searches (`enterprises(filter: { search })`,
 * the name with or without diacritics, or the start of the tax code) within `filter`, 20 at a time, when the
 * typing pauses. `value` is the picked id ('' until one is picked; typing again clears it), so the field
 * goes by its `name` (enterpriseId) like any other and the API's refusal shows beside it.
 */
export function EnterprisePicker(
  p: FieldBase & {
    value: string;
    onChange: (id: string) => void;
    /** The picked enterprise itself (null when cleared), for what depends on it (its unit, say). */
    onPick?: (e: PickedEnterprise | null) => void;
    /** Which enterprises may be picked (`search` is the picker's). */
    filter?: Omit<EnterpriseFilter, 'search'>;
    /** Said when nothing matches. */
    emptyText?: string;
  },
) {
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [picked, setPicked] = useState<PickedEnterprise | null>(null);
  // Nothing is asked before the list first opens.
  const [wanted, setWanted] = useState(false);
  const search = useDebounced(query.trim(), PAUSE_MS);
  const filterKey = JSON.stringify(p.filter ?? {});
  const found = useAsync(
    async () => (wanted ? (await gql(Q.pickEnterprises, { f: { ...p.filter, search: search || null }, first: PAGE })).enterprises : null),
    [wanted, search, filterKey],
    { subject: [filterKey] },
  );

  const choose = (e: PickedEnterprise | null) => {
    setPicked(e);
    p.onChange(e?.id ?? '');
    p.onPick?.(e);
  };
  // The form cleared the value (say, after a submit): the box follows.
  useEffect(() => {
    if (!p.value && picked) {
      setPicked(null);
      setText('');
    }
  }, [p.value]);

  // Until the answer for what is typed arrives, the earlier matches stay listed under "Đang tìm…".
  const searching = query.trim() !== search || found.loading;
  const data = found.data;
  const status = found.error
    ? 'Không tải được danh sách doanh nghiệp — hãy thử lại.'
    : !data || searching
      ? 'Đang tìm…'
      : data.totalCount === 0
        ? (p.emptyText ?? 'Không tìm thấy doanh nghiệp phù hợp.')
        : data.totalCount > data.nodes.length
          ? `${fmtNumber(data.nodes.length)} trong ${fmtNumber(data.totalCount)} doanh nghiệp — gõ thêm tên hoặc mã số thuế để thu hẹp.`
          : `${fmtNumber(data.totalCount)} doanh nghiệp.`;

  return (
    <Combobox
      {...p}
      hint={picked ? enterpriseLine(picked) : (p.hint ?? 'Gõ tên (có dấu hoặc không dấu) hoặc mã số thuế.')}
      placeholder="Tên doanh nghiệp hoặc mã số thuế"
      text={text}
      onTextChange={(t) => {
        setText(t);
        setQuery(t);
        if (picked) choose(null);
      }}
      onOpen={() => setWanted(true)}
      options={data?.nodes ?? null}
      optionKey={(e) => e.id}
      renderOption={(e) => (
        <>
          <span className="picker-name">{e.name}</span>
          <span className="picker-line">{enterpriseLine(e)}</span>
        </>
      )}
      onSelect={(e) => {
        setText(e.name);
        choose(e);
      }}
      status={status}
    />
  );
}
