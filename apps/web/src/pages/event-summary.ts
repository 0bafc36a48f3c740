import { CRITERIA, type Criterion, PARTNER_KINDS, type PartnerKind } from '../api/types';
import { formatDate, hasKey, reasonLabel, t } from '../i18n/i18n';

type Data = Readonly<Record<string, unknown>>;

const str = (value: unknown) => (typeof value === 'string' ? value : '');
const list = (value: unknown) => (Array.isArray(value) ? (value as unknown[]).map(String) : []);

/** One line about what an event recorded, for the timeline; empty when the label says it all. */
export function eventSummary(type: string, data: Data): string {
  switch (type) {
    case 'TitleAwarded':
    case 'TitleRenewed':
      return t('summary.titleAwarded', {
        cycle: String(data.cycle),
        from: formatDate(str(data.validFrom)),
        until: formatDate(str(data.validUntil)),
      });
    case 'DossierSubmitted':
      return t('summary.dossierSubmitted', { number: String(data.dossier), unmet: list(data.unmetCriteria).length });
    case 'ChangesRequested': {
      const changes = Array.isArray(data.changes) ? (data.changes as { criterion: number }[]) : [];
      return t('summary.changesRequested', {
        criteria: changes.map((c) => c.criterion).join(', '),
        date: formatDate(str(data.dueOn)),
      });
    }
    case 'MomentumAlertRaised':
      return t('summary.reasons', { reasons: list(data.reasons).map(reasonLabel).join(', ') });
    case 'DossierRejected':
    case 'RenewalRefused':
    case 'TitleLapsed':
    case 'TitleRelinquished':
    case 'TitleWithdrawn':
    case 'CandidacyAbandoned':
      return list(data.reasons).length ? t('summary.reasons', { reasons: list(data.reasons).join(' ; ') }) : '';
    case 'PartnerRegistered':
      return t('summary.partner', {
        kind: partnerKindLabel(str(data.kind)),
        count: list(data.fairTradeProducts).length,
      });
    case 'ReviewCommentAdded':
      return t('summary.comment', { criterion: String(data.criterion), comment: str(data.comment) });
    case 'FairOMeterSubmitted':
      return t('summary.fomSubmitted', { edition: str(data.edition), total: String(data.total) });
    case 'FairOMeterScored':
      return t('summary.fomScored', { edition: str(data.edition), grade: str(data.grade) });
    case 'CouncilResolutionRecorded':
    case 'CouncilResolutionReconfirmed':
      return t('summary.votedOn', { date: formatDate(str(data.votedOn)) });
    case 'LocalElectionHeld':
    case 'CopilMeetingHeld':
      return t('summary.heldOn', { date: formatDate(str(data.heldOn)) });
    case 'CopilMemberJoined':
      return t('summary.copilMember', { role: label('copilRole', data.role), sector: label('sector', data.sector) });
    case 'ReminderSent':
      return t('summary.reminder', { kind: str(data.kind), date: formatDate(str(data.dueOn)) });
    case 'MunicipalityMerged':
      return t('summary.merged', { nis: str(data.successorNis), date: formatDate(str(data.effectiveOn)) });
    default:
      return '';
  }
}

export function partnerKindLabel(kind: string): string {
  return (PARTNER_KINDS as readonly string[]).includes(kind) ? t(`partnerKind.${kind as PartnerKind}`) : kind;
}

export function criterionLabel(criterion: number): string {
  return (CRITERIA as readonly number[]).includes(criterion)
    ? t(`criterion.${criterion as Criterion}`)
    : String(criterion);
}

/** `copilRole.chair`, `sector.education`, `charter.mission`…: a label of a known vocabulary, or the value itself. */
export function label(prefix: 'copilRole' | 'sector' | 'charter', value: unknown): string {
  const key = `${prefix}.${String(value)}`;
  return hasKey(key) ? t(key) : String(value);
}
