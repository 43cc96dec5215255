export enum ApplicationStatus {
  SUBMITTED = 'SUBMITTED',
  ADMITTED = 'ADMITTED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
}
export enum ReportStatus {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  READY = 'READY',
  FAILED = 'FAILED',
}
export enum NominationStatus {
  PROPOSED = 'PROPOSED',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}

// How refusals name a status to users (docs/architecture.md#errors).
export const APPLICATION_STATUS_VI: Readonly<Record<ApplicationStatus, string>> = Object.freeze({
  SUBMITTED: 'đã nộp, đang chờ xét',
  ADMITTED: 'đã được kết nạp',
  REJECTED: 'đã bị từ chối',
  WITHDRAWN: 'đã được rút',
});
export const REPORT_STATUS_VI: Readonly<Record<ReportStatus, string>> = Object.freeze({
  QUEUED: 'đang chờ lập',
  RUNNING: 'đang được lập',
  READY: 'đã lập xong',
  FAILED: 'lập không thành công',
});
export const NOMINATION_STATUS_VI: Readonly<Record<NominationStatus, string>> = Object.freeze({
  PROPOSED: 'đang chờ duyệt',
  APPROVED: 'đã được duyệt',
  REJECTED: 'đã bị từ chối',
});

/** The Vietnamese words of a status code, or the code when the table does not know it. */
export function statusVi(table: Readonly<Record<string, string>>, code: string): string {
  return table[code] ?? code;
}
