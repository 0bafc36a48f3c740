import { addDays, bandFor, CDCE_2022, type CriterionChange, type PartnerKind } from '@cdce/communes';
import { afterElectionWindow } from '../campaign-calendar';
import { dayBetween, earlier, later, spread } from '../dates';
import { DISSOLVED_POPULATION } from '../demo-cast';
import { copilSeat } from '../demo-people';
import type { StoryWriter } from '../story-writer';
import { monthsToFirstRenewal } from '../title-cycle';

const PRODUCTS = ['café', 'thé', 'jus d’orange', 'sucre', 'chocolat', 'bananes', 'riz', 'vin', 'quinoa', 'biscuits'];
const COMMUNICATIONS = [
  ['local_media', 'Article dans le bulletin communal sur la campagne'],
  ['own_channel', 'Page « Commune du Commerce Équitable » sur le site de la commune'],
  ['social_media', 'Série de publications pendant la Semaine du commerce équitable'],
  ['event', 'Petit-déjeuner équitable sur la place communale'],
  ['local_media', 'Reportage de la télévision locale sur les commerçants partenaires'],
  ['event', 'Stand équitable au marché de Noël'],
] as const;
const LOCAL_ACTIONS = [
  'Marché de producteurs locaux au printemps',
  'Colis de produits locaux offerts aux nouveaux habitants',
  'Repas scolaires avec des légumes de producteurs de la région',
  'Visite d’une ferme labellisée Prix Juste Producteur',
];

/** How much of the evidence the commune gathers: 1 = everything the criteria ask for, with a margin. */
export interface EvidencePlan {
  readonly from: string;
  readonly to: string;
  readonly completeness?: number;
  /** Which kinds of evidence to add (default: all). A re-candidacy keeps its COPIL and partners, for instance. */
  readonly parts?: readonly EvidencePart[];
}

export type EvidencePart = 'resolution' | 'copil' | 'partners' | 'actions';

export function openCandidacy(w: StoryWriter, on: string): void {
  w.byCommune(on, { type: 'OpenCandidacy', data: { nis: w.nis } });
  w.engage(on);
}

/** Resolution, COPIL, partners, communication and local products, spread over the period. */
export function gatherEvidence(w: StoryWriter, plan: EvidencePlan): void {
  const { from, to } = plan;
  const share = (count: number) => Math.round(count * (plan.completeness ?? 1));
  const rng = w.rng;
  const parts = new Set(plan.parts ?? ['resolution', 'copil', 'partners', 'actions']);
  if (parts.has('resolution') && share(1) > 0)
    councilResolution(w, dayBetween(rng, addDays(from, 10), later(addDays(from, 10), addDays(to, -30))));
  if (parts.has('copil')) {
    // A committee already formed only grows to the size aimed at.
    const members = Math.max(0, share(rng.int(4, 6)) - w.copil.length);
    spread(rng, from, addDays(from, 90), members).forEach((day) => addCopilMember(w, day));
    if (rng.chance(0.6 * (plan.completeness ?? 1))) {
      const adoptedOn = earlier(dayBetween(rng, addDays(from, 60), addDays(from, 150)), to);
      w.byCommune(adoptedOn, {
        type: 'AdoptCopilCharter',
        data: { adoptedOn, sections: ['mission', 'commitments', 'decision_process', 'meeting_frequency'] },
      });
    }
  }
  if (parts.has('partners')) registerPartners(w, from, to, share);
  if (!parts.has('actions')) return;
  copilMeetings(w, addDays(from, 30), to, 100);
  const comms = share(rng.int(2, 4));
  spread(rng, addDays(from, 20), to, comms).forEach((day) => communicationAction(w, day));
  const locals = share(rng.int(1, 2));
  spread(rng, addDays(from, 40), to, locals).forEach((day) => localProductAction(w, day));
}

export function councilResolution(w: StoryWriter, on: string): void {
  const products = ['café', ...w.rng.sample(PRODUCTS.slice(1), w.rng.int(1, 3))];
  w.byCommune(on, {
    type: 'RecordCouncilResolution',
    data: {
      resolutionId: w.id('resolution'),
      votedOn: on,
      fairTradeProducts: products,
      documentRef: `pv-conseil-${on}`,
    },
  });
  w.resolutions.push(on);
}

export function addCopilMember(w: StoryWriter, on: string, index = w.copil.length): string {
  const seat = copilSeat(index, w.rng);
  const personId = w.people.copilMember([w.nis], seat.sector, w.language);
  w.byCommune(on, { type: 'AddCopilMember', data: { personId, ...seat, joinedOn: on } });
  w.copil.push(personId);
  return personId;
}

/** A meeting every `everyDays` days or so over the period. */
export function copilMeetings(w: StoryWriter, from: string, to: string, everyDays: number): void {
  for (let day = addDays(from, w.rng.int(0, 30)); day <= to; day = addDays(day, everyDays + w.rng.int(-20, 40))) {
    w.byCommune(day, {
      type: 'RecordCopilMeeting',
      data: { meetingId: w.id('meeting'), heldOn: day, attendeeCount: w.rng.int(3, 9) },
    });
  }
}

export function communicationAction(w: StoryWriter, on: string): void {
  const [channel, summary] = w.rng.pick(COMMUNICATIONS);
  w.byCommune(on, {
    type: 'RecordCommunicationAction',
    data: { actionId: w.id('communication'), channel, occurredOn: on, summary },
  });
}

export function localProductAction(w: StoryWriter, on: string): void {
  const summary = w.rng.pick(LOCAL_ACTIONS);
  const label = summary.includes('Prix Juste') || w.rng.chance(0.3);
  w.byCommune(on, {
    type: 'RecordLocalProductAction',
    data: {
      actionId: w.id('local-product'),
      occurredOn: on,
      summary,
      ...(label ? { prixJusteProducteurRef: `PJP-${on.slice(0, 4)}-${w.rng.int(1000, 9999)}` } : {}),
    },
  });
}

/** Enough shops, horeca and organisations for the commune's population band, and a few more. */
function registerPartners(w: StoryWriter, from: string, to: string, share: (n: number) => number): void {
  const band = bandFor(CDCE_2022, w.population);
  const kinds: PartnerKind[] = [
    ...Array<PartnerKind>(share(band.minShops + w.rng.int(0, 2))).fill('shop'),
    ...Array<PartnerKind>(share(band.minHoreca + w.rng.int(0, 2))).fill('horeca'),
    ...Array.from({ length: share(band.minOrganisations + w.rng.int(0, 2)) }, () =>
      w.rng.pick(['business', 'organisation', 'school'] as const),
    ),
  ];
  const days = spread(w.rng, addDays(from, 30), to, kinds.length);
  w.rng.shuffle(kinds).forEach((kind, index) =>
    w.byCommune(days[index]!, {
      type: 'RegisterPartner',
      data: {
        partnerId: w.id('partner'),
        kind,
        fairTradeProducts: w.rng.sample(PRODUCTS, w.rng.int(2, 4)),
        registeredOn: days[index]!,
      },
    }),
  );
}

export type DossierOutcome =
  /** Approved at the ceremony `on`, or once the review allows it if that is later; the title starts that day. */
  | { readonly kind: 'approve'; readonly on: string }
  | { readonly kind: 'changes'; readonly changes: readonly CriterionChange[] }
  | { readonly kind: 'reject'; readonly reasons: readonly string[] }
  | { readonly kind: 'pending'; readonly reviewStarted: boolean };

/**
 * Submits the dossier (moved out of the weeks when a newly elected council has not re-confirmed the resolution
 * yet), then the coordination reviews it. Returns the day of the last step.
 */
export function submitAndReview(
  w: StoryWriter,
  submitOn: string,
  outcome: DossierOutcome,
  options: { acknowledgeIncomplete?: boolean } = {},
): string {
  const submitted = afterElectionWindow(submitOn);
  w.byCommune(submitted, {
    type: 'SubmitDossier',
    data: {
      ...(options.acknowledgeIncomplete ? { acknowledgeIncomplete: true } : {}),
      // The registry no longer knows the population of a commune dissolved since: the dossier carries it.
      ...(DISSOLVED_POPULATION[w.nis] ? { population: DISSOLVED_POPULATION[w.nis] } : {}),
    },
  });
  if (outcome.kind === 'pending' && !outcome.reviewStarted) return submitted;
  const reviewer = w.reviewer();
  const started = addDays(submitted, w.rng.int(4, 20));
  w.byCoordination(started, { type: 'StartReview', data: { reviewerId: reviewer } });
  if (w.rng.chance(0.5)) {
    w.byCoordination(addDays(started, w.rng.int(1, 10)), {
      type: 'CommentOnCriterion',
      data: {
        commentId: w.id('comment'),
        criterion: w.rng.pick([2, 4, 5, 6] as const),
        comment: w.rng.pick([
          'Belle diversité des partenaires.',
          'Pensez à joindre les photos des actions de communication.',
          'Le COPIL est bien ancré dans le tissu associatif.',
          'Préciser les produits locaux mis en avant.',
        ]),
        authorId: reviewer,
      },
    });
  }
  const decided = addDays(started, w.rng.int(15, 40));
  switch (outcome.kind) {
    case 'pending':
      return started;
    case 'approve': {
      const on = later(outcome.on, addDays(started, 3));
      w.byCoordination(on, {
        type: 'ApproveDossier',
        data: { validFrom: on, validityMonths: monthsToFirstRenewal(on) },
      });
      return on;
    }
    case 'changes':
      w.byCoordination(decided, {
        type: 'RequestChanges',
        data: { changes: outcome.changes, dueOn: addDays(decided, 75) },
      });
      return decided;
    case 'reject':
      w.byCoordination(decided, { type: 'RejectDossier', data: { reasons: outcome.reasons } });
      return decided;
  }
}
