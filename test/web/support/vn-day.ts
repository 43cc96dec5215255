/** A day as the pages take and show it: 2026-03-14 → 14/03/2026. */
export const vnDay = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
