import { useEffect, useState } from 'react';
import { gql } from '../api';
import { Q } from '../queries';
import { DOCUMENTS, type DocumentKind, type DocumentSettingsView } from '../queries-documents';
import { useSession } from '../session';
import { ErrorBox } from '../ui/errors';
import { SelectField, TextArea, TextField } from '../ui/fields';
import { ActionForm, useForm } from '../ui/forms';
import { PageTitle } from '../ui/page';
import { useAsync } from '../ui/use-async';

export const DOCUMENT_SETTINGS_PATH = '/van-ban';

const KIND_LABEL: Record<DocumentKind, string> = {
  RECOGNITION_DECISION: 'Quyết định công nhận CĐCS',
  ADMISSION_DECISION: 'Quyết định kết nạp đoàn viên',
  PERIOD_REPORT: 'Báo cáo kết quả phát triển đoàn viên',
  PLAN: 'Kế hoạch năm',
  REVIEW_CONCLUSION: 'Thông báo kết luận giao ban',
};

/**
 * ADMIN: a unit's document texts (name block, place, signing lines, signer, recipients), stored as data, with a
 * preview of a sample document as typed before saving (docs/architecture.md#official-documents).
 */
export function DocumentSettingsPage() {
  const { me } = useSession();
  const [unitId, setUnitId] = useState(me.orgUnit?.id ?? '');
  const units = useAsync(async () => (await gql(Q.orgUnits)).orgUnits, []);
  const current = useAsync(async () => (unitId ? (await gql(DOCUMENTS.settings, { u: unitId })).documentSettings : null), [unitId]);
  return (
    <section>
      <PageTitle sub="Tên cơ quan, địa danh, thẩm quyền ký, người ký và nơi nhận của văn bản mỗi đơn vị">Cài đặt văn bản</PageTitle>
      <div className="panel">
        <SelectField
          label="Đơn vị"
          name="orgUnitId"
          value={unitId}
          onChange={setUnitId}
          options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
        />
      </div>
      <ErrorBox error={units.error ?? current.error} />
      {current.data && <SettingsForm key={`${unitId}-${current.data.own}`} s={current.data} onSaved={current.reload} />}
    </section>
  );
}

function SettingsForm({ s, onSaved }: { s: DocumentSettingsView; onSaved: () => void }) {
  const f = useForm({
    parentLine: s.parentLine,
    issuerName: s.issuerName,
    shortName: s.shortName,
    placeName: s.placeName,
    authorityLine: s.authorityLine,
    signerTitle: s.signerTitle,
    signerName: s.signerName,
    recipients: s.recipients.join('\n'),
    kind: 'RECOGNITION_DECISION' as DocumentKind,
  });
  const { kind, recipients, ...text } = f.values;
  const settings = {
    ...text,
    recipients: recipients
      .split('\n')
      .map((r) => r.trim())
      .filter(Boolean),
  };
  const [preview, setPreview] = useState<string>('');
  const [previewError, setPreviewError] = useState<unknown>(null);
  const key = JSON.stringify([kind, settings]);
  useEffect(() => {
    // An answer to texts typed over since (it may come after the newer one's) is dropped: the preview shows what is typed.
    let stale = false;
    const t = setTimeout(async () => {
      try {
        const text = (await gql(DOCUMENTS.preview, { i: { kind, orgUnitId: s.orgUnitId, settings } })).previewDocument;
        if (stale) return;
        setPreview(text);
        setPreviewError(null);
      } catch (e) {
        if (!stale) setPreviewError(e);
      }
    }, 400);
    return () => {
      stale = true;
      clearTimeout(t);
    };
  }, [key, s.orgUnitId]);
  return (
    <div className="document-settings">
      <ActionForm
        title={s.own ? 'Văn bản của đơn vị' : `Đang dùng mặc định${s.inheritedFrom ? ` (kế thừa từ ${s.inheritedFrom.name})` : ''}`}
        submitLabel="Lưu cài đặt"
        form={f}
        testId="form-document-settings"
        className="panel"
        onSubmit={async () => {
          await gql(DOCUMENTS.save, { i: { orgUnitId: s.orgUnitId, ...settings } });
          onSaved();
          return 'Đã lưu cài đặt văn bản của đơn vị.';
        }}
      >
        <TextField label="Cơ quan cấp trên" {...f.field('parentLine')} required />
        <TextField label="Tên cơ quan ban hành" {...f.field('issuerName')} required />
        <TextField label="Chữ viết tắt (số ký hiệu)" {...f.field('shortName')} required />
        <TextField label="Địa danh" {...f.field('placeName')} required />
        <TextField label="Thẩm quyền ký" {...f.field('authorityLine')} required />
        <TextArea label="Chức vụ người ký (1–2 dòng)" {...f.field('signerTitle')} rows={2} required />
        <TextField label="Họ tên người ký" {...f.field('signerName')} required />
        <TextArea
          label="Nơi nhận của quyết định (mỗi dòng một nơi)"
          {...f.field('recipients')}
          rows={4}
          required
          hint="Kế hoạch, thông báo và báo cáo không có điều khoản: chúng gửi các nơi nhận riêng của loại văn bản và các dòng trên, trừ dòng «Như Điều …» (xem trước từng loại bên dưới)."
        />
      </ActionForm>
      <section className="panel" aria-label="Xem trước">
        <SelectField
          label="Xem trước văn bản"
          {...f.field('kind')}
          options={Object.entries(KIND_LABEL).map(([value, label]) => ({ value: value as DocumentKind, label }))}
        />
        <ErrorBox error={previewError} />
        <pre className="document-preview" data-testid="document-preview">
          {preview}
        </pre>
      </section>
    </div>
  );
}
