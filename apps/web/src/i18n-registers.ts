/** Vietnamese labels of the register pages' codes (organisation, accounts, enterprise register, import). */
import type { EnterpriseSort, ImportRowAction, OrgUnitKind, RegisterImportStatus, WorkerCountSource } from './generated/graphql';
import { IMPORT_STATUS_LABEL_VI, ORG_UNIT_KIND_LABEL_VI, WORKER_COUNT_SOURCE_LABEL_VI } from '@app/domain/code-labels';

export { FUNDING_TYPE_LABEL_VI as FUNDING_TYPE_LABEL } from '@app/domain/funding-type';

/** In this order in the new-unit form's picker. */
export const ORG_UNIT_KIND_LABEL: Readonly<Record<OrgUnitKind, string>> = ORG_UNIT_KIND_LABEL_VI;

/** The usual level right below a unit of each level (the new-unit form's first choice). */
export const CHILD_KIND: Readonly<Record<OrgUnitKind, OrgUnitKind>> = {
  CONFEDERATION: 'FEDERATION',
  FEDERATION: 'UPPER_LEVEL',
  UPPER_LEVEL: 'GRASSROOTS',
  GRASSROOTS: 'GRASSROOTS',
};

export const WORKER_COUNT_SOURCE_LABEL: Readonly<Record<WorkerCountSource, string>> = WORKER_COUNT_SOURCE_LABEL_VI;

export const IMPORT_ACTION_LABEL: Readonly<Record<ImportRowAction, string>> = {
  CREATE: 'Thêm mới',
  UPDATE: 'Cập nhật',
  UNCHANGED: 'Không đổi',
  REFUSED: 'Bị từ chối',
};

export const IMPORT_STATUS_LABEL: Readonly<Record<RegisterImportStatus, string>> = IMPORT_STATUS_LABEL_VI;

/** In this order in the register's sort picker. */
export const ENTERPRISE_SORT_LABEL: Readonly<Record<EnterpriseSort, string>> = {
  NAME: 'Tên doanh nghiệp (A–Z)',
  TAX_CODE: 'Mã số thuế',
  WORKERS_DESC: 'Số lao động (nhiều trước)',
  UPDATED_DESC: 'Mới cập nhật trước',
};

/** The register's columns as an import row names what it changes (`changedFields`). */
export const REGISTER_FIELD_LABEL: Readonly<Record<string, string>> = {
  name: 'Tên doanh nghiệp',
  taxCode: 'Mã số thuế',
  workerCount: 'Số lao động',
  address: 'Địa chỉ',
  district: 'Huyện/Xã',
  sector: 'Ngành',
  ownership: 'Loại hình',
  hasUnion: 'Đã có công đoàn',
  surveyedOn: 'Ngày đếm lao động',
  workerCountOn: 'Ngày đếm lao động',
};
