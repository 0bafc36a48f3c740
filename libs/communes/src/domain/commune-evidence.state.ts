import type { IsoDate } from './calendar';

/* Evidence a commune gathers for the six criteria; kept whatever its status. */

/** Criterion 1: a resolution of the conseil communal. Products are free text ("café", "thé"…). */
export interface CouncilResolution {
  readonly resolutionId: string;
  readonly votedOn: IsoDate;
  readonly fairTradeProducts: readonly string[];
  /** Where the text of the resolution can be found (document store key, URL of the council minutes…). */
  readonly documentRef: string | null;
}

/** A local election and, once given, the new council's re-confirmation of the resolution. */
export interface LocalElection {
  readonly heldOn: IsoDate;
  readonly reconfirmedOn: IsoDate | null;
}

export const COPIL_ROLES = ['chair', 'contact', 'member'] as const;
export type CopilRole = (typeof COPIL_ROLES)[number];

/** Sectors counted by criterion 5 ("members from several sectors"). */
export const COPIL_SECTORS = [
  'administration',
  'political',
  'civil_society',
  'business',
  'education',
  'citizen',
] as const;
export type CopilSector = (typeof COPIL_SECTORS)[number];

/** A COPIL member, named only by `personId`: names and contacts live in the erasable people directory. */
export interface CopilMember {
  readonly personId: string;
  readonly role: CopilRole;
  readonly sector: CopilSector;
  readonly joinedOn: IsoDate;
}

export const CHARTER_SECTIONS = ['mission', 'commitments', 'decision_process', 'meeting_frequency'] as const;
export type CharterSection = (typeof CHARTER_SECTIONS)[number];

export interface CopilCharter {
  readonly adoptedOn: IsoDate;
  readonly sections: readonly CharterSection[];
  readonly documentRef: string | null;
}

export interface CopilMeeting {
  readonly meetingId: string;
  readonly heldOn: IsoDate;
  readonly attendeeCount: number | null;
}

export const PARTNER_KINDS = ['shop', 'horeca', 'business', 'organisation', 'school'] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

/** Criteria 2 and 3: an outlet or organisation offering fair-trade products. Its name lives in a partner directory. */
export interface Partner {
  readonly partnerId: string;
  readonly kind: PartnerKind;
  readonly fairTradeProducts: readonly string[];
  readonly registeredOn: IsoDate;
}

export const COMMUNICATION_CHANNELS = ['local_media', 'own_channel', 'social_media', 'event', 'other'] as const;
export type CommunicationChannel = (typeof COMMUNICATION_CHANNELS)[number];

export interface CommunicationAction {
  readonly actionId: string;
  readonly channel: CommunicationChannel;
  readonly occurredOn: IsoDate;
  readonly summary: string;
}

/** Criterion 6. A « Prix Juste Producteur » certificate reference is optional evidence, not a requirement. */
export interface LocalProductAction {
  readonly actionId: string;
  readonly occurredOn: IsoDate;
  readonly summary: string;
  readonly prixJusteProducteurRef: string | null;
}

/** Everything the commune has shown for the six criteria; kept whatever the status (a re-candidacy starts from it). */
export interface Evidence {
  readonly councilResolutions: readonly CouncilResolution[];
  readonly localElections: readonly LocalElection[];
  readonly copilMembers: readonly CopilMember[];
  readonly charter: CopilCharter | null;
  readonly meetings: readonly CopilMeeting[];
  readonly partners: readonly Partner[];
  readonly communicationActions: readonly CommunicationAction[];
  readonly localProductActions: readonly LocalProductAction[];
}

export const EMPTY_EVIDENCE: Evidence = {
  councilResolutions: [],
  localElections: [],
  copilMembers: [],
  charter: null,
  meetings: [],
  partners: [],
  communicationActions: [],
  localProductActions: [],
};

/** The resolution must be re-confirmed: a local election came after the latest resolution and nothing confirmed it since. */
export function resolutionNeedsReconfirmation(evidence: Evidence): boolean {
  const election = evidence.localElections.at(-1);
  if (!election || election.reconfirmedOn !== null) return false;
  const latest = latestResolution(evidence);
  return latest !== null && latest.votedOn < election.heldOn;
}

/** The most recently voted resolution (resolutions may be recorded long after the vote, so not the last recorded). */
export function latestResolution(evidence: Evidence): CouncilResolution | null {
  return evidence.councilResolutions.reduce<CouncilResolution | null>(
    (latest, r) => (latest === null || r.votedOn >= latest.votedOn ? r : latest),
    null,
  );
}
