import { DomainError } from '@cdce/eventsourcing';

/**
 * Every code the commune domain refuses a command with, and a short French label for French-speaking users.
 * Codes are stable: clients may branch on them. The English `message` of each error says what to do.
 */
export const DOMAIN_ERROR_CODES = {
  INVALID_NIS: { fr: 'Code INS invalide (cinq chiffres attendus).' },
  NIS_MISMATCH: { fr: 'Le code INS ne correspond pas à celui de la commune.' },
  COMMUNE_MERGED: { fr: 'Cette commune a fusionné : agissez sur la commune issue de la fusion.' },
  NOT_ENGAGED: { fr: "La commune n'est pas engagée dans la campagne : ouvrez d'abord une candidature." },
  ALREADY_CANDIDATE: { fr: 'La commune est déjà candidate.' },
  ALREADY_TITLED: { fr: 'La commune détient déjà le titre.' },
  NOT_A_CANDIDATE: { fr: "La commune n'est pas candidate." },
  DOSSIER_INCOMPLETE: { fr: 'Des critères ne sont pas remplis : confirmez le dépôt du dossier incomplet.' },
  DOSSIER_NOT_UNDER_REVIEW: { fr: "Aucun dossier n'est en cours d'examen." },
  REVIEW_NOT_STARTED: { fr: "L'examen du dossier n'a pas commencé : désignez d'abord un examinateur." },
  UNKNOWN_CRITERION: { fr: 'Critère inconnu (1 à 6).' },
  REASONS_REQUIRED: { fr: 'Indiquez au moins un motif.' },
  INVALID_CRITERIA_SET: { fr: 'Grille de critères invalide.' },
  INVALID_POPULATION: { fr: 'Population invalide.' },
  NOT_TITLED: { fr: 'La commune ne détient pas le titre.' },
  RENEWAL_IN_PROGRESS: { fr: 'Un renouvellement est en cours d’examen : décidez-le d’abord.' },
  NO_RENEWAL_UNDER_REVIEW: { fr: "Aucun renouvellement n'est en cours d'examen." },
  FAIR_O_METER_ALREADY_OPEN: { fr: 'Une édition du Fair-ô-mètre est déjà ouverte.' },
  NO_FAIR_O_METER_REQUESTED: { fr: "Aucun Fair-ô-mètre n'a été demandé à la commune." },
  FAIR_O_METER_EDITION_MISMATCH: { fr: "Cette édition du Fair-ô-mètre n'est pas celle qui a été demandée." },
  FAIR_O_METER_NOT_SCORED: { fr: "Le Fair-ô-mètre n'a pas encore été noté." },
  INVALID_SCORE: { fr: 'Score invalide : chaque bloc vaut de 0 à 25 points.' },
  INVALID_FIGURE: { fr: 'Chiffre invalide : un nombre entier positif ou nul est attendu.' },
  INVALID_GRADE: { fr: 'Note invalide : de A à E.' },
  INVALID_VALIDITY: { fr: 'Durée de validité du titre invalide.' },
  NOT_LOSING_MOMENTUM: { fr: "La commune n'est pas en perte de vitesse." },
  UNKNOWN_MOMENTUM_REASON: { fr: "Motif d'alerte inconnu." },
  SUPPORT_PLAN_ALREADY_OPEN: { fr: "Un plan d'accompagnement est déjà ouvert." },
  NO_SUPPORT_PLAN: { fr: "Aucun plan d'accompagnement n'est ouvert." },
  SPONSOR_IS_SELF: { fr: 'Une commune ne peut pas être sa propre marraine.' },
  SPONSOR_NOT_TITLED: { fr: 'La commune marraine doit détenir le titre.' },
  RENEWAL_NOT_YET_DUE: { fr: "Le titre est encore valide : le renouvellement n'est pas en retard." },
  TITLE_STILL_VALID: { fr: 'Le titre est encore valide : il ne peut pas être déclaré échu.' },
  MERGE_INTO_SELF: { fr: 'Une commune ne peut pas fusionner avec elle-même.' },
  UNKNOWN_PARTNER: { fr: 'Partenaire inconnu.' },
  PARTNER_ALREADY_REGISTERED: { fr: 'Ce partenaire est déjà inscrit.' },
  PRODUCTS_REQUIRED: { fr: 'Indiquez au moins un produit équitable.' },
  UNKNOWN_COPIL_MEMBER: { fr: "Cette personne n'est pas membre du comité de pilotage." },
  ALREADY_COPIL_MEMBER: { fr: 'Cette personne est déjà membre du comité de pilotage.' },
  ID_ALREADY_USED: { fr: 'Cet identifiant est déjà utilisé.' },
  NO_COUNCIL_RESOLUTION: { fr: "Aucune délibération du conseil communal n'est enregistrée." },
  NO_RECONFIRMATION_NEEDED: { fr: "La délibération n'a pas besoin d'être reconfirmée." },
  DATE_IN_FUTURE: { fr: 'Cette date est dans le futur.' },
  DUE_DATE_IN_PAST: { fr: "L'échéance doit être postérieure à aujourd'hui." },
  DATES_OUT_OF_ORDER: { fr: 'Les dates ne se suivent pas.' },
} as const satisfies Record<string, { readonly fr: string }>;

export type CommuneErrorCode = keyof typeof DOMAIN_ERROR_CODES;

/** A refusal of the commune domain: `throw refuse('NOT_TITLED', '…')`. */
export function refuse(code: CommuneErrorCode, message: string, details: Record<string, unknown> = {}): DomainError {
  return new DomainError(code, message, details);
}
