import { addDays, type CommuneEvent } from '@cdce/communes';
import { BASTOGNE_MERGER, BASTOGNE_TITLED_ON, DEMO_HORIZON, LOCAL_ELECTIONS } from './campaign-calendar';
import { awardStory, type AwardPath } from './chapters/award.chapter';
import {
  addCopilMember,
  councilResolution,
  gatherEvidence,
  openCandidacy,
  submitAndReview,
} from './chapters/candidacy.chapter';
import { momentumEpisode } from './chapters/momentum.chapter';
import { holdTitle, type TitlePlan } from './chapters/title.chapter';
import { dayBetween } from './dates';
import { AWARDS_PER_YEAR, CANDIDATES, type DemoCast, NAMED } from './demo-cast';
import type { StoryWriter } from './story-writer';

/**
 * The campaign from 2015 to the end of 2026, commune by commune. Every commune gets its own random generator, so
 * the story of one does not depend on how many others came before it.
 */
export function writeCampaignStory(cast: DemoCast): void {
  const titled = awardTitles(cast);
  const sponsors = titled.steady.map((o) => o.w.nis);
  playTitleStories(titled, sponsors);
  writeBastogneMerger(cast, titled.bastogne, titled.bertogne);
  writeCandidates(cast);
  for (const w of cast.writers.values()) addElections(w);
}

interface Award {
  readonly w: StoryWriter;
  readonly validFrom: string;
}

interface Titled {
  /** Renew every time; they sponsor the communes that lose momentum. */
  readonly steady: Award[];
  readonly others: Award[];
  readonly bastogne: Award;
  readonly bertogne: Award;
}

/** Every commune titled during the story, with how it got there. */
function awardTitles(cast: DemoCast): Titled {
  const others: Award[] = [];
  const award = (w: StoryWriter, year: number, ceremony?: string): Award => {
    const roll = w.rng.next();
    const path: AwardPath =
      ceremony !== undefined
        ? 'direct'
        : year > 2015 && roll < 0.1
          ? 'rejected-first'
          : roll < 0.3
            ? 'changes'
            : 'direct';
    return { w, validFrom: awardStory(w, year, path, ceremony) };
  };
  const bastogne = award(cast.writer(BASTOGNE_MERGER.predecessors[0]), 2015, BASTOGNE_TITLED_ON);
  const steady = NAMED.firstWave.map((name) => award(cast.byName(name), 2015));
  const bertogne = award(cast.writer(BASTOGNE_MERGER.predecessors[1]), 2017);
  for (const [year, count] of Object.entries(AWARDS_PER_YEAR)) {
    for (let i = 0; i < count; i++) others.push(award(cast.draw(), Number(year)));
  }
  others.push(award(cast.byName(NAMED.woluweSaintLambert), 2020));
  for (const name of NAMED.class2023) others.push(award(cast.byName(name), 2023));
  // The named first wave and the first four random communes of 2015 are the steady ones.
  const moreSteady = others.filter((o) => o.validFrom < '2016-01-01').slice(0, 4);
  return {
    steady: [...steady, ...moreSteady],
    others: others.filter((o) => !moreSteady.includes(o)),
    bastogne,
    bertogne,
  };
}

/** The life of each title: most renew quietly; a few lose momentum, lapse or give their title back. */
function playTitleStories(titled: Titled, sponsors: readonly string[]): void {
  const special = [...titled.others];
  const take = (predicate: (validFrom: string) => boolean) => {
    const index = special.findIndex((o) => predicate(o.validFrom));
    if (index < 0) throw new Error('The demo cast has no commune left for a special story.');
    return special.splice(index, 1)[0]!;
  };
  const sponsor = (w: StoryWriter) => w.rng.pick(sponsors);
  const level = (w: StoryWriter) => 0.6 + w.rng.next() * 0.35;

  // Two communes lost momentum in 2022 and found it again with a sponsor's help.
  for (let i = 0; i < 2; i++) {
    const { w, validFrom } = take((from) => from < '2019-01-01');
    holdTitle(w, { validFrom, level: level(w) });
    momentumEpisode(w, {
      alertOn: dayBetween(w.rng, '2022-05-02', '2022-06-30'),
      reasons: ['copil_inactive'],
      sponsorNis: sponsor(w),
      restoredOn: dayBetween(w.rng, '2023-05-02', '2023-06-30'),
      until: '2023-07-01',
    });
  }
  // A commune gives its title back in 2023 (staff cuts, the new yearly fee), as six Flemish ones did.
  {
    const { w, validFrom } = take((from) => from >= '2016-01-01' && from < '2017-01-01');
    const on = dayBetween(w.rng, '2023-05-15', '2023-06-30');
    holdTitle(w, { validFrom, level: level(w), until: on });
    w.byCommune(on, {
      type: 'RelinquishTitle',
      data: { reasons: ['Réduction du personnel communal affecté au projet', 'Cotisation annuelle jugée trop élevée'] },
    });
    w.disengage(on);
  }
  // Renewal refused in 2024, title lapsed, a new candidacy in 2025 now under review.
  {
    const { w, validFrom } = take((from) => from < '2016-01-01');
    const lapsedOn = dayBetween(w.rng, '2024-06-03', '2024-06-28');
    holdTitle(w, {
      validFrom,
      level: level(w),
      until: lapsedOn,
      editions: {
        2023: { kind: 'refuse', reasons: ['Fair-ô-mètre 2023 très incomplet', 'Plus de réunion du COPIL depuis 2022'] },
      },
      meetingsUntil: '2022-03-01',
    });
    w.byCoordination(lapsedOn, {
      type: 'DeclareTitleLapsed',
      data: { reasons: ['Renouvellement refusé, période échue'] },
    });
    w.disengage(lapsedOn);
    const reopened = dayBetween(w.rng, '2025-03-03', '2025-03-28');
    openCandidacy(w, reopened);
    gatherEvidence(w, { from: reopened, to: '2026-08-31', parts: ['resolution', 'actions'] });
    addCopilMember(w, dayBetween(w.rng, addDays(reopened, 20), addDays(reopened, 60)));
    submitAndReview(w, dayBetween(w.rng, '2026-09-07', '2026-10-16'), { kind: 'pending', reviewStarted: true });
  }
  // Renewal refused in 2024, a support plan with a sponsor, renewed with the 2025 edition.
  {
    const { w, validFrom } = take((from) => from >= '2018-01-01' && from < '2019-01-01');
    holdTitle(w, {
      validFrom,
      level: level(w),
      editions: {
        2023: { kind: 'refuse', reasons: ['Score du Fair-ô-mètre 2023 insuffisant'] },
        2025: { kind: 'renew', level: 0.75, renewFrom: 'today' },
      },
    });
    momentumEpisode(w, {
      alertOn: '2024-03-15',
      raiseAlert: false,
      reasons: ['fom_low_grade'],
      sponsorNis: sponsor(w),
      until: '2025-09-30',
    });
  }
  // Losing momentum at the end of the story: ageing committees, a council that did not re-confirm, a low grade.
  const endOfStory: {
    plan: Partial<TitlePlan>;
    reasons: ('copil_inactive' | 'resolution_not_reconfirmed' | 'fom_low_grade')[];
  }[] = [
    { plan: { meetingsUntil: '2025-06-30' }, reasons: ['copil_inactive'] },
    { plan: { meetingsUntil: '2025-03-31' }, reasons: ['copil_inactive'] },
    { plan: {}, reasons: ['resolution_not_reconfirmed'] },
    { plan: { editions: { 2025: { kind: 'renew', level: 0.42, grade: 'D' } } }, reasons: ['fom_low_grade'] },
  ];
  for (const { plan, reasons } of endOfStory) {
    const { w, validFrom } = take((from) => from < '2024-01-01');
    if (reasons.includes('resolution_not_reconfirmed')) w.skipReconfirmation = LOCAL_ELECTIONS[1];
    holdTitle(w, { validFrom, level: level(w), ...plan });
    momentumEpisode(w, {
      alertOn: dayBetween(w.rng, '2026-04-06', '2026-07-10'),
      reasons,
      sponsorNis: sponsor(w),
      until: DEMO_HORIZON,
    });
  }
  for (const { w, validFrom } of special) holdTitle(w, { validFrom, level: level(w) });
  for (const { w, validFrom } of titled.steady) holdTitle(w, { validFrom, level: 0.85 + w.rng.next() * 0.1 });
}

/**
 * Bastogne (titled 29 September 2015) and Bertogne merge into the new Bastogne on 2 December 2024; the successor
 * carries the title on and answers the 2025 Fair-ô-mètre.
 */
function writeBastogneMerger(cast: DemoCast, bastogne: Award, bertogne: Award): void {
  const { effectiveOn, successor } = BASTOGNE_MERGER;
  holdTitle(bastogne.w, {
    validFrom: bastogne.validFrom,
    level: 0.78,
    until: effectiveOn,
    // Bastogne's published Fair-ô-mètre (fairometer.be): 19.25 + 18.75 + 20.48 + 18.
    blocks: { 2019: { communalPolicy: 19.25, communication: 18.75, events: 20.48, steeringCommittee: 18 } },
  });
  holdTitle(bertogne.w, { validFrom: bertogne.validFrom, level: 0.7, until: effectiveOn });
  for (const { w } of [bastogne, bertogne]) {
    w.byCoordination(
      effectiveOn,
      { type: 'MergeInto', data: { nis: w.nis, successorNis: successor, effectiveOn } },
      (result) => {
        const merged = result.events.find((e) => e.type === 'MunicipalityMerged') as
          { data: Extract<CommuneEvent, { type: 'MunicipalityMerged' }>['data'] } | undefined;
        if (!merged) return undefined;
        return {
          nis: successor,
          input: {
            type: 'RecordPredecessorMerged',
            data: {
              nis: successor,
              predecessorNis: w.nis,
              effectiveOn,
              predecessorStatus: merged.data.status,
              predecessorTitle: merged.data.title,
            },
          },
        };
      },
    );
    w.disengage(effectiveOn);
  }
  const s = cast.writer(successor);
  s.engage(effectiveOn);
  s.byCoordination('2024-12-09', { type: 'RecordLocalElection', data: { heldOn: LOCAL_ELECTIONS[1] } });
  // Two of Bastogne's COPIL members and one of Bertogne's carry on in the merged commune's committee.
  const carriedOver = [...bastogne.w.copil.slice(0, 2), ...bertogne.w.copil.slice(0, 1)];
  carriedOver.forEach((personId, index) => {
    s.people.alsoContactFor(personId, successor);
    const day = `2025-01-${String(13 + index).padStart(2, '0')}`;
    s.byCommune(day, {
      type: 'AddCopilMember',
      data: {
        personId,
        role: index === 0 ? 'chair' : index === 1 ? 'contact' : 'member',
        sector: index === 1 ? 'administration' : 'civil_society',
        joinedOn: day,
      },
    });
    s.copil.push(personId);
  });
  addCopilMember(s, '2025-01-20', 3);
  councilResolution(s, '2025-02-24');
  const validUntil = [bastogne.w.title!.validUntil, bertogne.w.title!.validUntil].sort().at(-1)!;
  holdTitle(s, { validFrom: effectiveOn, validUntil, level: 0.8, firstEdition: 2025 });
}

/** Candidates at every stage at the end of the story, plus the ones that gave up on the way. */
function writeCandidates(cast: DemoCast): void {
  for (let i = 0; i < CANDIDATES.justOpened; i++) {
    const w = cast.draw();
    const opened = dayBetween(w.rng, '2026-09-01', '2026-11-16');
    openCandidacy(w, opened);
    if (w.rng.chance(0.6)) addCopilMember(w, addDays(opened, w.rng.int(2, 10)), 1);
  }
  for (let i = 0; i < CANDIDATES.collecting; i++) {
    const w = cast.draw();
    const opened = dayBetween(w.rng, '2025-01-06', '2026-06-30');
    openCandidacy(w, opened);
    gatherEvidence(w, { from: opened, to: DEMO_HORIZON, completeness: 0.3 + w.rng.next() * 0.5 });
  }
  for (let i = 0; i < CANDIDATES.underReview; i++) {
    const w = cast.draw();
    const opened = dayBetween(w.rng, '2024-06-03', '2025-06-30');
    openCandidacy(w, opened);
    const submitOn = dayBetween(w.rng, '2026-09-07', '2026-10-23');
    gatherEvidence(w, { from: opened, to: addDays(submitOn, -5) });
    submitAndReview(w, submitOn, { kind: 'pending', reviewStarted: i < 3 });
  }
  for (let i = 0; i < CANDIDATES.changesRequested; i++) {
    const w = cast.draw();
    const opened = dayBetween(w.rng, '2024-09-02', '2025-09-30');
    openCandidacy(w, opened);
    const submitOn = dayBetween(w.rng, '2026-07-01', '2026-08-31');
    gatherEvidence(w, { from: opened, to: addDays(submitOn, -5) });
    submitAndReview(w, submitOn, {
      kind: 'changes',
      changes: [
        { criterion: 2, reason: 'Ajouter au moins un établissement horeca partenaire avec deux produits équitables.' },
      ],
    });
  }
  writeSetbacks(cast);
}

/** A recent refusal, two candidacies given up, one given up and opened again. */
function writeSetbacks(cast: DemoCast): void {
  {
    const w = cast.draw();
    const opened = dayBetween(w.rng, '2024-03-04', '2024-04-30');
    openCandidacy(w, opened);
    const submitOn = dayBetween(w.rng, '2026-02-02', '2026-03-13');
    gatherEvidence(w, { from: opened, to: addDays(submitOn, -5), completeness: 0.6 });
    const rejected = submitAndReview(
      w,
      submitOn,
      {
        kind: 'reject',
        reasons: ['Le COPIL ne réunit pas encore plusieurs secteurs.', 'Trop peu de partenaires horeca.'],
      },
      { acknowledgeIncomplete: true },
    );
    gatherEvidence(w, {
      from: addDays(rejected, 20),
      to: DEMO_HORIZON,
      parts: ['copil', 'partners', 'actions'],
      completeness: 0.8,
    });
  }
  const giveUp = [
    {
      from: '2016-02-01',
      to: '2017-06-30',
      on: '2018-03-12',
      reason: 'Pas de relais au sein de l’administration communale',
    },
    { from: '2022-03-01', to: '2023-06-30', on: '2023-12-11', reason: 'Manque de bénévoles pour porter le projet' },
    { from: '2019-02-04', to: '2020-06-30', on: '2021-01-18', reason: 'Crise sanitaire : projet mis en pause' },
  ];
  giveUp.forEach(({ from, to, on, reason }, index) => {
    const w = cast.draw();
    const opened = dayBetween(w.rng, from, addDays(from, 25));
    openCandidacy(w, opened);
    gatherEvidence(w, { from: opened, to, completeness: 0.4 });
    w.byCommune(on, { type: 'AbandonCandidacy', data: { reasons: [reason] } });
    w.disengage(on);
    if (index === 2) {
      const reopened = dayBetween(w.rng, '2024-11-12', '2024-11-29');
      openCandidacy(w, reopened);
      gatherEvidence(w, {
        from: reopened,
        to: DEMO_HORIZON,
        parts: ['resolution', 'partners', 'actions'],
        completeness: 0.5,
      });
    }
  });
}

/** The elections of 2018 and 2024 on every engaged commune, and the new councils' re-confirmations. */
function addElections(w: StoryWriter): void {
  for (const heldOn of LOCAL_ELECTIONS) {
    const recordedOn = addDays(heldOn, w.rng.int(1, 4));
    if (!w.engagedThrough(heldOn, recordedOn)) continue;
    w.byCoordination(recordedOn, { type: 'RecordLocalElection', data: { heldOn } });
    const reconfirmedOn = addDays(heldOn, w.rng.int(60, 230));
    const needed =
      w.resolutions.some((r) => r < heldOn) && !w.resolutions.some((r) => r >= heldOn && r <= reconfirmedOn);
    if (!needed || w.skipReconfirmation === heldOn || !w.engagedThrough(heldOn, reconfirmedOn)) continue;
    w.byCommune(reconfirmedOn, { type: 'ReconfirmCouncilResolution', data: { votedOn: reconfirmedOn } });
  }
}
