import type { CommuneEventType } from '@cdce/communes';

/** One line of French per commune event type, as the coordination's activity feed shows it. */
export const ACTIVITY_LABELS: Readonly<Record<CommuneEventType, string>> = {
  CandidacyOpened: 'Candidature ouverte',
  CouncilResolutionRecorded: 'Résolution du conseil communal enregistrée',
  CouncilResolutionReconfirmed: 'Résolution reconfirmée par le nouveau conseil',
  CopilMemberJoined: 'Nouveau membre du comité de pilotage',
  CopilMemberLeft: 'Départ d’un membre du comité de pilotage',
  CopilCharterAdopted: 'Charte du comité de pilotage adoptée',
  CopilMeetingHeld: 'Réunion du comité de pilotage',
  PartnerRegistered: 'Partenaire enregistré',
  PartnerWithdrawn: 'Partenaire retiré',
  CommunicationActionRecorded: 'Action de communication enregistrée',
  LocalProductActionRecorded: 'Action produits locaux et durables enregistrée',
  DossierSubmitted: 'Dossier de candidature déposé',
  CandidacyAbandoned: 'Candidature abandonnée',
  DossierReviewStarted: 'Examen du dossier commencé',
  ReviewCommentAdded: 'Commentaire sur un critère',
  ChangesRequested: 'Compléments demandés',
  DossierApproved: 'Dossier approuvé',
  TitleAwarded: 'Titre attribué',
  DossierRejected: 'Dossier refusé',
  FairOMeterRequested: 'Fair-ô-mètre demandé',
  FairOMeterSubmitted: 'Fair-ô-mètre rendu',
  FairOMeterScored: 'Fair-ô-mètre évalué',
  TitleRenewed: 'Titre renouvelé',
  RenewalRefused: 'Renouvellement refusé',
  MomentumAlertRaised: 'Alerte : perte de vitesse',
  SupportPlanOpened: 'Plan d’accompagnement ouvert',
  SponsorAssigned: 'Commune marraine désignée',
  SupportActionRecorded: 'Action d’accompagnement enregistrée',
  MomentumRestored: 'Dynamique retrouvée',
  RenewalOverdue: 'Renouvellement en retard',
  TitleLapsed: 'Titre échu',
  TitleRelinquished: 'Titre abandonné par la commune',
  TitleWithdrawn: 'Titre retiré',
  MunicipalityMerged: 'Fusion : la commune rejoint une autre commune',
  PredecessorMerged: 'Fusion : une commune absorbée rejoint celle-ci',
  LocalElectionHeld: 'Élections communales',
  ReminderSent: 'Rappel envoyé',
};

/** The label of an event type; an unknown (future) type is shown as is rather than hidden. */
export function activityLabel(type: string): string {
  return (ACTIVITY_LABELS as Record<string, string>)[type] ?? type;
}
