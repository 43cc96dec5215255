import { INestApplicationContext } from '@nestjs/common';

export const DEMO_PASSWORD = 'demo12345';

/** Placeholder replaced by the full demo province. */
export async function loadDemoData(_app: INestApplicationContext): Promise<{ role: string; email: string; fullName: string }[]> {
  return [];
}
