import type { Person, PersonLanguage } from '@cdce/people';
import type { CopilRole, CopilSector } from '@cdce/communes';
import type { Random } from './random';

/* Fake but plausible names of Wallonia and Brussels; e-mails are at example.org (RFC 2606), never deliverable. */
const FIRST_NAMES = [
  'Anne',
  'Marie',
  'Sophie',
  'Isabelle',
  'Nathalie',
  'Catherine',
  'Véronique',
  'Christine',
  'Françoise',
  'Martine',
  'Julie',
  'Sarah',
  'Laura',
  'Camille',
  'Chloé',
  'Élise',
  'Lucie',
  'Aurélie',
  'Pascale',
  'Brigitte',
  'Pierre',
  'Jean',
  'Philippe',
  'Michel',
  'Luc',
  'Marc',
  'Olivier',
  'Thierry',
  'Benoît',
  'Christophe',
  'Nicolas',
  'Julien',
  'Thomas',
  'Maxime',
  'Antoine',
  'Guillaume',
  'Fabrice',
  'Didier',
  'Quentin',
  'Grégory',
  'Yasmina',
  'Karim',
  'Fatima',
  'Mehdi',
];
const LAST_NAMES = [
  'Dubois',
  'Lambert',
  'Martin',
  'Dupont',
  'Peeters',
  'Janssens',
  'Maes',
  'Jacobs',
  'Mertens',
  'Willems',
  'Claes',
  'Wouters',
  'Leclercq',
  'Lejeune',
  'Renard',
  'Collard',
  'Simon',
  'Laurent',
  'Hubert',
  'Gilson',
  'Lemaire',
  'Thiry',
  'Pirard',
  'Lecomte',
  'Denis',
  'Masson',
  'Fontaine',
  'Delvaux',
  'Henrard',
  'Gérard',
  'Mathieu',
  'Noël',
  'François',
  'Servais',
  'Collignon',
  'Marchal',
  'Jadoul',
  'Dethier',
  'Body',
  'Gillet',
  'Closset',
  'Delhaye',
  'Bodart',
  'Wauters',
];
const ROLE_WORDS: Readonly<Record<CopilSector, readonly string[]>> = {
  administration: ['éco-conseillère', 'agent de développement local', 'employée au service environnement'],
  political: ['échevine du commerce équitable', 'échevin du développement durable', 'conseillère communale'],
  civil_society: ['bénévole Oxfam-Magasins du monde', 'membre du CNCD-11.11.11', 'animatrice de la maison de jeunes'],
  business: ['commerçant', 'gérante d’une épicerie', 'restaurateur'],
  education: ['enseignante', 'directeur d’école'],
  citizen: ['citoyenne engagée', 'habitant bénévole'],
};

/** The people the demo invents: COPIL members of each commune and the coordination's reviewers. */
export class DemoPeople {
  private readonly people = new Map<string, Person>();
  private readonly usedEmails = new Set<string>();

  constructor(private readonly rng: Random) {}

  /** The coordination staff who review dossiers and score Fair-ô-mètres. */
  readonly reviewers = ['demo-person-coordination-1', 'demo-person-coordination-2'];

  /** Registers the reviewers; call once before the communes. */
  addReviewers(): void {
    this.reviewers.forEach((personId, index) =>
      this.add(
        personId,
        index === 0 ? 'Claire' : 'Samuel',
        index === 0 ? 'Dethier' : 'Gillard',
        'fr',
        [],
        ['chargée de campagne CDCE'],
      ),
    );
  }

  /** Invents a COPIL member for `communes` (the first is the one they join first) and returns their personId. */
  copilMember(communes: readonly string[], sector: CopilSector, language: PersonLanguage): string {
    const nis = communes[0]!;
    const personId = `demo-person-${nis}-${this.countFor(nis) + 1}`;
    this.add(personId, this.rng.pick(FIRST_NAMES), this.rng.pick(LAST_NAMES), language, communes, [
      this.rng.pick(ROLE_WORDS[sector]),
    ]);
    return personId;
  }

  /** Adds a commune to someone already invented (a COPIL member who carries on after a merger). */
  alsoContactFor(personId: string, nis: string): void {
    const person = this.people.get(personId);
    if (!person) throw new Error(`Unknown demo person ${personId}.`);
    this.people.set(personId, { ...person, communes: [...new Set([...person.communes, nis])].sort() });
  }

  all(): Person[] {
    return [...this.people.values()];
  }

  private countFor(nis: string): number {
    return [...this.people.keys()].filter((id) => id.startsWith(`demo-person-${nis}-`)).length;
  }

  private add(
    personId: string,
    first: string,
    last: string,
    language: PersonLanguage,
    communes: readonly string[],
    roles: string[],
  ): void {
    const base = `${ascii(first)}.${ascii(last)}${communes[0] ? `.${communes[0]}` : ''}`;
    let email = `${base}@example.org`;
    for (let n = 2; this.usedEmails.has(email); n++) email = `${base}.${n}@example.org`;
    this.usedEmails.add(email);
    this.people.set(personId, {
      personId,
      fullName: `${first} ${last}`,
      email,
      language,
      communes: [...communes].sort(),
      roles,
    });
  }
}

/** Which COPIL role and sector the n-th member (0-based) of a committee takes. */
export function copilSeat(index: number, rng: Random): { role: CopilRole; sector: CopilSector } {
  if (index === 0) return { role: 'chair', sector: rng.pick(['political', 'civil_society'] as const) };
  if (index === 1) return { role: 'contact', sector: 'administration' };
  return {
    role: 'member',
    sector: rng.pick(['civil_society', 'business', 'education', 'citizen', 'political'] as const),
  };
}

function ascii(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '-');
}
