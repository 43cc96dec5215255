import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DocumentFacts, DocumentKind, DocumentSettings, layoutDocument, layoutText } from '@app/domain';
import { Actor, Role, canSeeUnit } from '../common/actor';
import { badInput, forbidden, notFound } from '../common/app-error';
import { RULE } from '../common/messages-vi';
import { CalendarService } from '../calendar/calendar.service';
import { isUuid } from '../identity/account-errors';
import { checkReady, checkedKind, loadFacts, loadSource } from './document-sources';
import { EffectiveSettings, SettingsInput, checkedSettings, effectiveSettings } from './document-settings';
import { sampleFacts } from './document-samples';

export interface PreviewDocument {
  kind: DocumentKind;
  sourceId?: string | null;
  orgUnitId?: string | null;
  settings?: SettingsInput | null;
  difficulties?: string | null;
  proposals?: string | null;
}

export interface DocumentSettingsView extends DocumentSettings, Omit<EffectiveSettings, 'settings'> {
  orgUnitId: string;
}

/** A unit's document texts (read, saved by an ADMIN) and the preview that takes no number. */
@Injectable()
export class DocumentSettingsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly calendar: CalendarService,
  ) {}

  async settings(actor: Actor, orgUnitId: string): Promise<DocumentSettingsView> {
    const unit = await this.unitFor(actor, orgUnitId);
    const e = await effectiveSettings(this.db.manager, unit.id);
    return { orgUnitId: unit.id, ...e.settings, own: e.own, inheritedFromId: e.inheritedFromId };
  }

  /** ADMIN only (the resolver's role): the unit's own texts, stored as data. */
  async saveSettings(actor: Actor, input: SettingsInput & { orgUnitId: string }): Promise<DocumentSettingsView> {
    if (actor.role !== Role.ADMIN) throw forbidden();
    const unit = await this.unitFor(actor, input.orgUnitId);
    const s = checkedSettings(input, true);
    await this.db.query(
      `INSERT INTO document_settings (org_unit_id, parent_line, issuer_name, short_name, place_name, authority_line, signer_title, signer_name, recipients, updated_by, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, now())
       ON CONFLICT (org_unit_id) DO UPDATE SET parent_line = EXCLUDED.parent_line, issuer_name = EXCLUDED.issuer_name, short_name = EXCLUDED.short_name,
         place_name = EXCLUDED.place_name, authority_line = EXCLUDED.authority_line, signer_title = EXCLUDED.signer_title, signer_name = EXCLUDED.signer_name,
         recipients = EXCLUDED.recipients, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [unit.id, s.parentLine, s.issuerName, s.shortName, s.placeName, s.authorityLine, s.signerTitle, s.signerName, s.recipients, actor.userId],
    );
    return this.settings(actor, unit.id);
  }

  /**
   * The document as text, without taking a number: from a source the caller may read, or (settings page) a
   * sample of the kind for a unit, with settings as typed before saving.
   */
  async preview(actor: Actor, input: PreviewDocument): Promise<string> {
    const kind = checkedKind(input.kind);
    const m = this.db.manager;
    let unitId: string;
    let facts: DocumentFacts;
    const texts = { difficulties: input.difficulties ?? null, proposals: input.proposals ?? null };
    if (input.sourceId) {
      const source = await loadSource(m, kind, input.sourceId, actor);
      checkReady(source);
      unitId = source.unit.id;
      facts = await loadFacts(m, kind, source.id, texts);
    } else if (input.orgUnitId) {
      unitId = (await this.unitFor(actor, input.orgUnitId)).id;
      facts = sampleFacts(kind, texts);
    } else {
      throw badInput({ sourceId: RULE.exactlyOne('sourceId', 'orgUnitId') });
    }
    const settings = input.settings ? checkedSettings(input.settings, false) : (await effectiveSettings(m, unitId)).settings;
    return layoutText(layoutDocument({ settings, numberLabel: null, issuedOn: this.calendar.today() }, facts));
  }

  private async unitFor(actor: Actor, orgUnitId: string): Promise<{ id: string; path: string }> {
    const [u] = isUuid(orgUnitId) ? await this.db.query(`SELECT id, path FROM org_unit WHERE id = $1`, [orgUnitId]) : [];
    const visible = u && (actor.role === Role.GRASSROOTS ? u.id === actor.orgUnitId : canSeeUnit(actor, u.path));
    if (!visible) throw notFound('orgUnit');
    return u;
  }
}
