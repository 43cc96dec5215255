/* eslint-disable no-control-regex -- control characters are exactly what these strip from file names */
// File names of downloads and uploads: Vietnamese kept where it is safe, an ASCII form beside it.

/** Keeps the Vietnamese, drops what file systems refuse ("Quý I/2025" → "Quý I-2025"). */
export function safeFilename(s: string): string {
  return s
    .normalize('NFC')
    .replace(/[\\/:*?"<>|\x00-\x1f]+/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 150);
}

/** "Báo cáo Công đoàn ngành Y tế Quý I/2025" → "Bao-cao-Cong-doan-nganh-Y-te-Quy-I-2025". */
export function asciiFilename(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 150);
}

/** The name as uploaded, without path, control characters or surrounding blanks (kept Vietnamese). */
export function cleanFileName(name: string | null | undefined): string {
  const base = (name ?? '').normalize('NFC').split(/[\\/]/).pop() ?? '';
  const clean = base
    .replace(/[\x00-\x1f\x7f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return [...clean].slice(-255).join('') || 'Tệp không tên';
}
