import { FundingType, IsoDate, Ownership } from '@app/domain';
import { ColumnOf, RowChecker, defineImportKind } from './column-spec';
import { booleanType, choiceType, countType, dateType, taxCodeType, textType } from './column-types';

/**
 * The enterprise register (danh sách doanh nghiệp) as offices receive it from the tax office, the business
 * register or social insurance. Lengths follow the enterprise table's columns.
 */
export interface EnterpriseImportRow {
  name: string;
  /** Normalised: '0100107518' or '0100107518-001'. */
  taxCode: string;
  workerCount: number;
  address: string | null;
  district: string | null;
  sector: string | null;
  ownership: Ownership | null;
  /** An empty cell means no union yet. */
  hasUnion: boolean;
  /** The day the workers were counted (the enterprise's surveyedOn); optional column. */
  surveyedOn: IsoDate | null;
  /** How the employer is financed (docs/architecture.md#the-employers-funding-type); optional column. */
  fundingType: FundingType | null;
  /** The day the funding type holds from (blank: today); optional column. */
  fundingTypeFrom: IsoDate | null;
}

export const ENTERPRISE_HEADINGS = {
  name: 'Tên doanh nghiệp',
  taxCode: 'Mã số thuế',
  workerCount: 'Số lao động',
  address: 'Địa chỉ',
  district: 'Huyện/Xã',
  sector: 'Ngành',
  ownership: 'Loại hình',
  hasUnion: 'Đã có công đoàn',
  surveyedOn: 'Ngày đếm lao động',
  fundingType: 'Loại hình tài chính',
  fundingTypeFrom: 'Ngày áp dụng loại hình tài chính',
} as const satisfies Record<keyof EnterpriseImportRow, string>;

/** Labels as the web app shows them, and the words registers use for the same thing. */
export const OWNERSHIP_CHOICES = [
  { value: Ownership.STATE, label: 'Nhà nước', aliases: ['Doanh nghiệp nhà nước', 'DNNN', 'Quốc doanh'] },
  {
    value: Ownership.PRIVATE,
    label: 'Tư nhân',
    aliases: ['Ngoài nhà nước', 'Ngoài quốc doanh', 'Doanh nghiệp tư nhân', 'DNTN', 'Dân doanh'],
  },
  {
    value: Ownership.FOREIGN_INVESTED,
    label: 'Có vốn đầu tư nước ngoài',
    aliases: ['FDI', 'Vốn đầu tư nước ngoài', 'Đầu tư nước ngoài', 'Vốn nước ngoài', '100% vốn nước ngoài', 'Liên doanh'],
  },
  { value: Ownership.COLLECTIVE, label: 'Tập thể', aliases: ['Hợp tác xã', 'HTX', 'Kinh tế tập thể'] },
  { value: Ownership.OTHER, label: 'Khác' },
] as const;

/** The funding types as registers write them (the groups of Nghị định 60/2021/NĐ-CP among the aliases). */
export const FUNDING_TYPE_CHOICES = [
  {
    value: FundingType.STATE_BUDGET_FULL,
    label: 'Ngân sách nhà nước bảo đảm toàn bộ',
    aliases: ['NSNN bảo đảm toàn bộ', 'Ngân sách nhà nước bảo đảm chi thường xuyên', 'Nhóm 4', 'Cơ quan nhà nước'],
  },
  { value: FundingType.STATE_BUDGET_PARTIAL, label: 'Tự bảo đảm một phần chi thường xuyên', aliases: ['Nhóm 3', 'Tự chủ một phần'] },
  { value: FundingType.SELF_FINANCED_RECURRENT, label: 'Tự bảo đảm chi thường xuyên', aliases: ['Nhóm 2'] },
  { value: FundingType.SELF_FINANCED_FULL, label: 'Tự bảo đảm chi thường xuyên và chi đầu tư', aliases: ['Nhóm 1', 'Tự chủ hoàn toàn'] },
  { value: FundingType.NON_STATE, label: 'Ngoài nhà nước', aliases: ['Ngoài ngân sách', 'Ngoài công lập', 'Doanh nghiệp'] },
] as const;

const H = ENTERPRISE_HEADINGS;

const columns: readonly ColumnOf<EnterpriseImportRow>[] = [
  {
    key: 'name',
    heading: H.name,
    required: true,
    width: 40,
    type: textType({ maxLength: 255 }),
    aliases: ['Tên đơn vị', 'Tên công ty', 'Tên DN', 'Tên doanh nghiệp, đơn vị'],
  },
  {
    key: 'taxCode',
    heading: H.taxCode,
    required: true,
    width: 16,
    type: taxCodeType(),
    aliases: ['MST', 'Mã số DN', 'Mã số doanh nghiệp', 'Mã số thuế doanh nghiệp'],
  },
  {
    key: 'workerCount',
    heading: H.workerCount,
    required: true,
    width: 12,
    type: countType({ max: 1_000_000 }),
    aliases: ['Tổng số lao động', 'Số LĐ', 'Tổng số LĐ', 'Lao động'],
  },
  { key: 'address', heading: H.address, required: false, width: 40, type: textType({ maxLength: 500 }), aliases: ['Địa chỉ trụ sở'] },
  {
    key: 'district',
    heading: H.district,
    required: false,
    width: 18,
    type: textType({ maxLength: 120 }),
    aliases: ['Huyện', 'Xã', 'Quận/Huyện', 'Xã/Phường', 'Địa bàn'],
  },
  {
    key: 'sector',
    heading: H.sector,
    required: false,
    width: 20,
    type: textType({ maxLength: 120 }),
    aliases: ['Ngành nghề', 'Ngành kinh tế', 'Ngành nghề kinh doanh'],
  },
  {
    key: 'ownership',
    heading: H.ownership,
    required: false,
    width: 22,
    type: choiceType(OWNERSHIP_CHOICES),
    aliases: ['Loại hình doanh nghiệp', 'Loại hình DN', 'Thành phần kinh tế'],
  },
  {
    key: 'hasUnion',
    heading: H.hasUnion,
    required: false,
    width: 14,
    type: booleanType(),
    emptyValue: false,
    aliases: ['Có công đoàn', 'Đã có CĐCS', 'Có CĐCS', 'Đã thành lập CĐCS', 'Đã có công đoàn cơ sở'],
  },
  {
    key: 'surveyedOn',
    heading: H.surveyedOn,
    required: false,
    width: 14,
    type: dateType(),
    aliases: ['Ngày khảo sát', 'Ngày thống kê lao động'],
  },
  {
    key: 'fundingType',
    heading: H.fundingType,
    required: false,
    width: 30,
    type: choiceType(FUNDING_TYPE_CHOICES),
    aliases: ['Nguồn kinh phí', 'Cơ chế tài chính', 'Loại hình kinh phí'],
  },
  { key: 'fundingTypeFrom', heading: H.fundingTypeFrom, required: false, width: 16, type: dateType(), aliases: ['Áp dụng từ ngày'] },
];

/** A tax code may appear once per file: later rows with it are refused, naming the first. */
function duplicateTaxCodes(): RowChecker<EnterpriseImportRow> {
  const firstRow = new Map<string, number>();
  return ({ rowNumber, values }) => {
    const code = values.taxCode;
    if (code === undefined) return [];
    const first = firstRow.get(code);
    if (first === undefined) {
      firstRow.set(code, rowNumber);
      return [];
    }
    return [{ column: H.taxCode, message: `Trùng mã số thuế với dòng ${first}` }];
  };
}

export const ENTERPRISE_IMPORT = defineImportKind<EnterpriseImportRow>({
  id: 'enterprise',
  label: 'Danh sách doanh nghiệp',
  columns,
  checker: duplicateTaxCodes,
});
