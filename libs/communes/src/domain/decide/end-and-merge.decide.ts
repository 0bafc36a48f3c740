import type {
  DeclareTitleLapsed,
  MergeInto,
  RecordLocalElection,
  RecordPredecessorMerged,
  RelinquishTitle,
  WithdrawTitle,
} from '../commune.commands';
import type {
  LocalElectionHeld,
  MunicipalityMerged,
  PredecessorMerged,
  TitleLapsed,
  TitleRelinquished,
  TitleWithdrawn,
} from '../commune.events';
import type { Commune, CommuneStatus, Title } from '../commune.state';
import { holdsTitle, latestResolution } from '../commune.state';
import { refuse } from '../commune.errors';
import { notBefore, notInFuture, notMerged, reasons, sameCommune, titleHolder, today, validNis } from './guards';

/** Loss of a title is always a human decision; lapse only once the title period is over. */
export function declareTitleLapsed({ data, now }: DeclareTitleLapsed, state: Commune): TitleLapsed[] {
  const { title } = titleHolder(state, 'declare the title lapsed');
  if (today(now) <= title.validUntil)
    throw refuse(
      'TITLE_STILL_VALID',
      `The title is valid until ${title.validUntil}: it can lapse only after that day.`,
    );
  return [
    {
      type: 'TitleLapsed',
      data: { cycle: title.cycle, validUntil: title.validUntil, reasons: [...(data.reasons ?? [])], lapsedAt: now },
    },
  ];
}

export function relinquishTitle({ data, now }: RelinquishTitle, state: Commune): TitleRelinquished[] {
  const { title } = titleHolder(state, 'relinquish the title');
  return [
    {
      type: 'TitleRelinquished',
      data: { cycle: title.cycle, reasons: reasons(data.reasons, 'relinquish the title'), relinquishedAt: now },
    },
  ];
}

export function withdrawTitle({ data, now }: WithdrawTitle, state: Commune): TitleWithdrawn[] {
  const { title } = titleHolder(state, 'withdraw the title');
  return [
    {
      type: 'TitleWithdrawn',
      data: { cycle: title.cycle, reasons: reasons(data.reasons, 'withdraw the title'), withdrawnAt: now },
    },
  ];
}

/** Closes the predecessor's stream with a snapshot the successor's stream records as `PredecessorMerged`. */
export function mergeInto({ data }: MergeInto, state: Commune): MunicipalityMerged[] {
  const current = notMerged(state, 'merge the commune');
  const nis = validNis(data.nis, 'The commune');
  const successorNis = validNis(data.successorNis, 'The successor');
  sameCommune(current, nis);
  if (successorNis === nis) throw refuse('MERGE_INTO_SELF', `Commune ${nis} cannot merge into itself.`);
  return [
    {
      type: 'MunicipalityMerged',
      data: {
        nis,
        successorNis,
        effectiveOn: data.effectiveOn,
        status: current.status,
        title: holdsTitle(current) ? current.title : null,
        lastCycle: current.lastCycle,
      },
    },
  ];
}

/**
 * Inheritance rule: a predecessor's title still valid on the day of the merger passes to the successor.
 * - A successor without a title becomes `titled` with the next cycle, from the merger day to the predecessor's
 *   `validUntil`; a dossier it had open is superseded by the title.
 * - A successor holding a title keeps its status and cycle and takes the later of the two `validUntil`s
 *   (the best title still valid).
 * Recording the same predecessor twice decides nothing.
 */
export function recordPredecessorMerged({ data }: RecordPredecessorMerged, state: Commune): PredecessorMerged[] {
  const current = notMerged(state, 'record a predecessor');
  const nis = validNis(data.nis, 'The commune');
  const predecessorNis = validNis(data.predecessorNis, 'The predecessor');
  sameCommune(current, nis);
  if (predecessorNis === nis) throw refuse('MERGE_INTO_SELF', `Commune ${nis} cannot be its own predecessor.`);
  if (current.predecessors.some((p) => p.predecessorNis === predecessorNis)) return [];
  return [
    {
      type: 'PredecessorMerged',
      data: {
        nis,
        predecessorNis,
        effectiveOn: data.effectiveOn,
        predecessorStatus: data.predecessorStatus,
        predecessorTitle: data.predecessorTitle,
        inheritedTitle: inherited(current, data.predecessorStatus, data.predecessorTitle, data.effectiveOn),
      },
    },
  ];
}

const HOLDING: readonly CommuneStatus[] = ['titled', 'renewed', 'losing_momentum', 'renewal_under_review'];

function inherited(successor: Commune, status: CommuneStatus, title: Title | null, effectiveOn: string): Title | null {
  if (!title || !HOLDING.includes(status) || title.validUntil < effectiveOn) return null;
  if (!holdsTitle(successor))
    return { cycle: successor.lastCycle + 1, validFrom: effectiveOn, validUntil: title.validUntil };
  if (title.validUntil <= successor.title.validUntil) return null;
  return { ...successor.title, validUntil: title.validUntil };
}

/** After an election the new council must re-confirm the resolution. The same election twice decides nothing. */
export function recordLocalElection({ data, now }: RecordLocalElection, state: Commune): LocalElectionHeld[] {
  const { evidence } = notMerged(state, 'record a local election');
  const last = evidence.localElections.at(-1);
  if (last?.heldOn === data.heldOn) return [];
  notInFuture(data.heldOn, now, 'The election');
  if (last) notBefore(data.heldOn, last.heldOn, 'The election');
  const resolution = latestResolution(evidence);
  return [
    {
      type: 'LocalElectionHeld',
      data: {
        heldOn: data.heldOn,
        resolutionNeedsReconfirmation: resolution !== null && resolution.votedOn < data.heldOn,
      },
    },
  ];
}
