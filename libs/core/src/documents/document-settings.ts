import { EntityManager } from 'typeorm';
import { DOCUMENT_SETTING_LIMITS, DocumentSettings, defaultDocumentSettings } from '@app/domain';
import { badInput } from '../common/app-error';
import { RULE } from '../common/messages-vi';

export interface EffectiveSettings {
  settings: DocumentSettings;
  /** True when the unit has its own row; else the defaults, with the place (and, from a unit of its own kind, the signing lines and recipients) of the nearest ancestor that has one. */
  own: boolean;
  inheritedFromId: string | null;
}

interface SettingsRow extends DocumentSettings {
  orgUnitId: string;
  kind: string;
  depth: number;
}

/**
 * A unit's document texts (docs/architecture.md#official-documents). Its own row wins; otherwise the name block
 * comes from the unit's own name and its parent's, and what units share (place, signing lines, recipients) from
 * the nearest ancestor that saved settings — the signing lines only from one of the same kind (a CĐCS signs
 * "TM. BAN CHẤP HÀNH", its upper level "TM. BAN THƯỜNG VỤ").
 */
export async function effectiveSettings(m: EntityManager, unitId: string): Promise<EffectiveSettings> {
  const [unit] = await m.query(
    `SELECT o.name, o.kind, o.path, p.name AS parent_name FROM org_unit o LEFT JOIN org_unit p ON p.id = o.parent_id WHERE o.id = $1`,
    [unitId],
  );
  const rows: SettingsRow[] = await m.query(
    `SELECT s.org_unit_id AS "orgUnitId", o.kind, array_position(string_to_array($1, '.'), s.org_unit_id::text) AS depth,
            s.parent_line AS "parentLine", s.issuer_name AS "issuerName", s.short_name AS "shortName", s.place_name AS "placeName",
            s.authority_line AS "authorityLine", s.signer_title AS "signerTitle", s.signer_name AS "signerName", s.recipients
       FROM document_settings s JOIN org_unit o ON o.id = s.org_unit_id
      WHERE s.org_unit_id::text = ANY(string_to_array($1, '.')) ORDER BY depth DESC`,
    [unit.path],
  );
  const own = rows.find((r) => r.orgUnitId === unitId);
  const pick = ({ parentLine, issuerName, shortName, placeName, authorityLine, signerTitle, signerName, recipients }: SettingsRow): DocumentSettings => ({
    parentLine,
    issuerName,
    shortName,
    placeName,
    authorityLine,
    signerTitle,
    signerName,
    recipients,
  });
  if (own) return { settings: pick(own), own: true, inheritedFromId: null };
  const base = defaultDocumentSettings({ name: unit.name, parentName: unit.parent_name, kind: unit.kind });
  const nearest = rows[0];
  if (!nearest) return { settings: base, own: false, inheritedFromId: null };
  const sameKind = nearest.kind === unit.kind ? nearest : rows.find((r) => r.kind === unit.kind);
  return {
    settings: {
      ...base,
      placeName: nearest.placeName,
      ...(sameKind ? { authorityLine: sameKind.authorityLine, signerTitle: sameKind.signerTitle, recipients: sameKind.recipients } : {}),
    },
    own: false,
    inheritedFromId: nearest.orgUnitId,
  };
}

export type SettingsInput = Partial<Record<keyof DocumentSettings, unknown>>;

const LINE_FIELDS = ['parentLine', 'issuerName', 'placeName', 'authorityLine', 'signerName'] as const;

/** Checks settings as typed (BAD_USER_INPUT naming every field at fault): NFC, trimmed, within the limits. */
export function checkedSettings(input: SettingsInput, signerRequired: boolean): DocumentSettings {
  const problems: Record<string, string> = {};
  const text = (f: keyof DocumentSettings, max: number, required = true): string => {
    const v = typeof input[f] === 'string' ? input[f].normalize('NFC').trim() : '';
    if (!v && required) problems[f] = RULE.notEmpty(f);
    else if (v.length > max) problems[f] = RULE.tooLong(f, max);
    return v;
  };
  const out = {} as DocumentSettings;
  for (const f of LINE_FIELDS) out[f] = text(f, DOCUMENT_SETTING_LIMITS.line, f !== 'signerName' || signerRequired);
  out.shortName = text('shortName', DOCUMENT_SETTING_LIMITS.shortName);
  if (out.shortName && !/^[\p{Lu}\p{N}-]+$/u.test(out.shortName)) problems.shortName = 'Chữ viết tắt chỉ gồm chữ in hoa, chữ số và dấu gạch ngang (ví dụ: CĐN)';
  // The signing title may hold two lines: "KT. CHỦ TỊCH" and "PHÓ CHỦ TỊCH".
  out.signerTitle = text('signerTitle', DOCUMENT_SETTING_LIMITS.line)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n');
  const recipients = Array.isArray(input.recipients) ? input.recipients : [];
  out.recipients = recipients.map((r) => (typeof r === 'string' ? r.normalize('NFC').trim() : '')).filter(Boolean);
  if (!out.recipients.length) problems.recipients = RULE.notEmpty('recipients');
  else if (out.recipients.length > DOCUMENT_SETTING_LIMITS.recipients) problems.recipients = RULE.atMost('recipients', DOCUMENT_SETTING_LIMITS.recipients);
  else if (out.recipients.some((r) => r.length > DOCUMENT_SETTING_LIMITS.line)) problems.recipients = RULE.tooLong('recipients', DOCUMENT_SETTING_LIMITS.line);
  if (Object.keys(problems).length) throw badInput(problems);
  return out;
}
