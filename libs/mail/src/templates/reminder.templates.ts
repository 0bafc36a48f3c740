import { greeting, type Language, longDate, paragraphs, type RenderedMail, signature } from './template';

/*
 * Reminder mails, one template per reminder kind and language. The kinds are the reminders module's vocabulary
 * (recorded as-is in `ReminderSent.kind`); an unknown kind still gets a polite generic reminder, never no mail.
 */

/** Who a reminder is written to: the commune's steering committee, or the campaign coordination. */
export type ReminderAudience = 'copil' | 'coordination';

export interface ReminderContext {
  readonly kind: string;
  /** The deadline, `YYYY-MM-DD`. */
  readonly dueOn: string;
  readonly nis: string;
  /** The commune's name if known (e.g. « Namur »); otherwise the text says « votre commune ». */
  readonly communeName?: string;
  /** Edition of the Fair-ô-mètre asked for (e.g. « 2025 »), when the commune's state knows it. */
  readonly fairOMeterEdition?: string;
  readonly recipientName?: string;
}

type Text = (context: ReminderContext, date: string) => { subject: string; body: string };
interface ReminderTemplate {
  readonly audience: ReminderAudience;
  readonly texts: Record<Language, Text>;
}

const edition = (c: ReminderContext) => (c.fairOMeterEdition ? ` ${c.fairOMeterEdition}` : '');
const communeFr = (c: ReminderContext) => (c.communeName ? `de ${c.communeName}` : 'de votre commune');
const communeNl = (c: ReminderContext) => (c.communeName ? `van ${c.communeName}` : 'van uw gemeente');
const communeDe = (c: ReminderContext) => (c.communeName ? `von ${c.communeName}` : 'Ihrer Gemeinde');
const named = (c: ReminderContext) => (c.communeName ? `${c.communeName} (${c.nis})` : c.nis);

export const REMINDER_TEMPLATES: Readonly<Record<string, ReminderTemplate>> = {
  fair_o_meter_due: {
    audience: 'copil',
    texts: {
      fr: (c, date) => ({
        subject: `Rappel : le Fair-ô-mètre${edition(c)} ${communeFr(c)} est attendu pour le ${date}`,
        body: `Nous vous rappelons que le Fair-ô-mètre${edition(c)} ${communeFr(c)} est attendu pour le ${date}. Cette auto-évaluation constitue votre dossier de renouvellement du titre : merci de la compléter à temps, ou de nous contacter si vous avez besoin d’aide.`,
      }),
      nl: (c, date) => ({
        subject: `Herinnering: de Fair-ô-mètre${edition(c)} ${communeNl(c)} wordt verwacht tegen ${date}`,
        body: `Wij herinneren u eraan dat de Fair-ô-mètre${edition(c)} ${communeNl(c)} verwacht wordt tegen ${date}. Deze zelfevaluatie is uw dossier voor de hernieuwing van de titel: gelieve ze tijdig in te vullen, of neem contact met ons op als u hulp nodig hebt.`,
      }),
      de: (c, date) => ({
        subject: `Erinnerung: Das Fair-ô-mètre${edition(c)} ${communeDe(c)} wird bis zum ${date} erwartet`,
        body: `Wir möchten Sie daran erinnern, dass das Fair-ô-mètre${edition(c)} ${communeDe(c)} bis zum ${date} erwartet wird. Diese Selbstbewertung ist Ihr Dossier für die Erneuerung des Titels: Bitte füllen Sie es rechtzeitig aus oder wenden Sie sich an uns, wenn Sie Unterstützung brauchen.`,
      }),
    },
  },
  renewal_due: {
    audience: 'copil',
    texts: {
      fr: (c, date) => ({
        subject: `Rappel : le titre Commune du Commerce Équitable ${communeFr(c)} arrive à échéance le ${date}`,
        body: `Le titre Commune du Commerce Équitable ${communeFr(c)} arrive à échéance le ${date}. Pour le renouveler, il suffit de remettre le Fair-ô-mètre avant cette date. Nous restons à votre disposition pour vous accompagner.`,
      }),
      nl: (c, date) => ({
        subject: `Herinnering: de titel Fairtrade Gemeente ${communeNl(c)} vervalt op ${date}`,
        body: `De titel Fairtrade Gemeente ${communeNl(c)} vervalt op ${date}. Om hem te hernieuwen volstaat het de Fair-ô-mètre vóór die datum in te dienen. Wij helpen u graag verder.`,
      }),
      de: (c, date) => ({
        subject: `Erinnerung: Der Titel Fairtrade-Gemeinde ${communeDe(c)} läuft am ${date} ab`,
        body: `Der Titel Fairtrade-Gemeinde ${communeDe(c)} läuft am ${date} ab. Um ihn zu erneuern, reichen Sie bitte vor diesem Datum das Fair-ô-mètre ein. Wir unterstützen Sie gerne dabei.`,
      }),
    },
  },
  changes_requested_due: {
    audience: 'copil',
    texts: {
      fr: (c, date) => ({
        subject: `Rappel : les compléments au dossier ${communeFr(c)} sont attendus pour le ${date}`,
        body: `Lors de l’examen du dossier de candidature ${communeFr(c)}, la coordination a demandé quelques compléments. Ils sont attendus pour le ${date}. N’hésitez pas à nous écrire si un point n’est pas clair.`,
      }),
      nl: (c, date) => ({
        subject: `Herinnering: de aanvullingen bij het dossier ${communeNl(c)} worden verwacht tegen ${date}`,
        body: `Bij het nazicht van het kandidatuurdossier ${communeNl(c)} heeft de coördinatie om enkele aanvullingen gevraagd. Die worden verwacht tegen ${date}. Aarzel niet ons te schrijven als iets niet duidelijk is.`,
      }),
      de: (c, date) => ({
        subject: `Erinnerung: Die Ergänzungen zum Dossier ${communeDe(c)} werden bis zum ${date} erwartet`,
        body: `Bei der Prüfung des Bewerbungsdossiers ${communeDe(c)} hat die Koordination einige Ergänzungen angefragt. Sie werden bis zum ${date} erwartet. Schreiben Sie uns gerne, wenn etwas unklar ist.`,
      }),
    },
  },
  resolution_reconfirmation_due: {
    audience: 'copil',
    texts: {
      fr: (c, date) => ({
        subject: `Rappel : la délibération du conseil communal ${communeFr(c)} est à reconfirmer pour le ${date}`,
        body: `Après les élections communales, le nouveau conseil communal doit reconfirmer l’engagement ${communeFr(c)} dans la campagne (critère 1). Merci de faire voter cette délibération pour le ${date} et de nous la transmettre.`,
      }),
      nl: (c, date) => ({
        subject: `Herinnering: het besluit van de gemeenteraad ${communeNl(c)} moet bevestigd worden tegen ${date}`,
        body: `Na de gemeenteraadsverkiezingen moet de nieuwe gemeenteraad het engagement ${communeNl(c)} in de campagne opnieuw bevestigen (criterium 1). Gelieve dit besluit tegen ${date} te laten stemmen en het ons te bezorgen.`,
      }),
      de: (c, date) => ({
        subject: `Erinnerung: Der Gemeinderatsbeschluss ${communeDe(c)} ist bis zum ${date} zu bestätigen`,
        body: `Nach den Gemeinderatswahlen muss der neue Gemeinderat das Engagement ${communeDe(c)} in der Kampagne bestätigen (Kriterium 1). Bitte lassen Sie diesen Beschluss bis zum ${date} verabschieden und senden Sie ihn uns zu.`,
      }),
    },
  },
  copil_inactive: {
    audience: 'copil',
    texts: {
      fr: (c, date) => ({
        subject: `Votre comité de pilotage ne s’est plus réuni depuis un an`,
        body: `Nous n’avons pas reçu de compte rendu de réunion du comité de pilotage ${communeFr(c)} depuis un an (échéance du ${date}). Si une réunion a eu lieu, il suffit de nous la signaler ; sinon, la coordination peut vous aider à relancer la dynamique.`,
      }),
      nl: (c, date) => ({
        subject: `Uw stuurgroep is al een jaar niet meer samengekomen`,
        body: `Wij hebben al een jaar geen verslag ontvangen van een vergadering van de stuurgroep ${communeNl(c)} (vervaldag ${date}). Als er toch een vergadering was, laat het ons gewoon weten; zo niet, dan helpt de coördinatie u graag om de werking nieuw leven in te blazen.`,
      }),
      de: (c, date) => ({
        subject: `Ihre Steuerungsgruppe hat seit einem Jahr nicht mehr getagt`,
        body: `Seit einem Jahr haben wir keinen Bericht über eine Sitzung der Steuerungsgruppe ${communeDe(c)} erhalten (Frist: ${date}). Falls eine Sitzung stattgefunden hat, teilen Sie uns dies einfach mit; andernfalls hilft Ihnen die Koordination gerne, die Arbeit wieder in Gang zu bringen.`,
      }),
    },
  },
  candidacy_idle: {
    audience: 'copil',
    texts: {
      fr: (c, date) => ({
        subject: `Où en est la candidature ${communeFr(c)} ?`,
        body: `La candidature ${communeFr(c)} n’a plus évolué depuis douze mois (au ${date}). La coordination serait heureuse de faire le point avec vous sur les critères restant à remplir et sur l’aide qu’elle peut apporter.`,
      }),
      nl: (c, date) => ({
        subject: `Hoe staat het met de kandidatuur ${communeNl(c)}?`,
        body: `De kandidatuur ${communeNl(c)} is sinds twaalf maanden niet meer geëvolueerd (op ${date}). De coördinatie overloopt graag met u de criteria die nog vervuld moeten worden en de hulp die zij kan bieden.`,
      }),
      de: (c, date) => ({
        subject: `Wie steht es um die Bewerbung ${communeDe(c)}?`,
        body: `Die Bewerbung ${communeDe(c)} hat sich seit zwölf Monaten nicht weiterentwickelt (Stand ${date}). Die Koordination bespricht gerne mit Ihnen, welche Kriterien noch zu erfüllen sind und wie sie Sie unterstützen kann.`,
      }),
    },
  },
  renewal_escalation: {
    audience: 'coordination',
    texts: {
      fr: (c, date) => ({
        subject: `Renouvellement en retard : ${named(c)}, titre échu le ${date}`,
        body: `Le titre de ${named(c)} est arrivé à échéance le ${date} sans Fair-ô-mètre remis. Une alerte de perte de dynamique a été levée ; merci de prendre contact avec le comité de pilotage.`,
      }),
      nl: (c, date) => ({
        subject: `Hernieuwing te laat: ${named(c)}, titel vervallen op ${date}`,
        body: `De titel van ${named(c)} is op ${date} vervallen zonder ingediende Fair-ô-mètre. Er werd een momentumalarm gegeven; gelieve contact op te nemen met de stuurgroep.`,
      }),
      de: (c, date) => ({
        subject: `Erneuerung überfällig: ${named(c)}, Titel am ${date} abgelaufen`,
        body: `Der Titel von ${named(c)} ist am ${date} abgelaufen, ohne dass ein Fair-ô-mètre eingereicht wurde. Ein Dynamik-Alarm wurde ausgelöst; bitte nehmen Sie Kontakt mit der Steuerungsgruppe auf.`,
      }),
    },
  },
  renewal_overdue: {
    audience: 'copil',
    texts: {
      fr: (c, date) => ({
        subject: `Le titre Commune du Commerce Équitable ${communeFr(c)} est arrivé à échéance le ${date}`,
        body: `Le titre ${communeFr(c)} est arrivé à échéance le ${date} sans que le Fair-ô-mètre ait été remis. Le titre n’est pas retiré : la coordination prendra contact avec vous pour voir comment vous aider à le renouveler. Vous pouvez aussi remettre le Fair-ô-mètre dès maintenant.`,
      }),
      nl: (c, date) => ({
        subject: `De titel Fairtrade Gemeente ${communeNl(c)} is vervallen op ${date}`,
        body: `De titel ${communeNl(c)} is op ${date} vervallen zonder dat de Fair-ô-mètre werd ingediend. De titel wordt niet ingetrokken: de coördinatie neemt contact met u op om te bekijken hoe zij u kan helpen hem te hernieuwen. U kunt de Fair-ô-mètre ook nu al indienen.`,
      }),
      de: (c, date) => ({
        subject: `Der Titel Fairtrade-Gemeinde ${communeDe(c)} ist am ${date} abgelaufen`,
        body: `Der Titel ${communeDe(c)} ist am ${date} abgelaufen, ohne dass das Fair-ô-mètre eingereicht wurde. Der Titel wird nicht entzogen: Die Koordination wird Sie kontaktieren, um zu sehen, wie sie Ihnen bei der Erneuerung helfen kann. Sie können das Fair-ô-mètre auch jetzt schon einreichen.`,
      }),
    },
  },
  resolution_reconfirmation_overdue: {
    audience: 'coordination',
    texts: {
      fr: (c, date) => ({
        subject: `Délibération non reconfirmée : ${named(c)} (échéance du ${date})`,
        body: `Le conseil communal de ${named(c)} n’a pas reconfirmé sa délibération après les élections communales (échéance du ${date}). Une prise de contact avec le comité de pilotage et l’échevin·e en charge est recommandée.`,
      }),
      nl: (c, date) => ({
        subject: `Besluit niet bevestigd: ${named(c)} (vervaldag ${date})`,
        body: `De gemeenteraad van ${named(c)} heeft zijn besluit na de gemeenteraadsverkiezingen niet bevestigd (vervaldag ${date}). Contact opnemen met de stuurgroep en de bevoegde schepen is aangewezen.`,
      }),
      de: (c, date) => ({
        subject: `Beschluss nicht bestätigt: ${named(c)} (Frist ${date})`,
        body: `Der Gemeinderat von ${named(c)} hat seinen Beschluss nach den Gemeinderatswahlen nicht bestätigt (Frist ${date}). Eine Kontaktaufnahme mit der Steuerungsgruppe und dem zuständigen Schöffen wird empfohlen.`,
      }),
    },
  },
  review_pending: {
    audience: 'coordination',
    texts: {
      fr: (c, date) => ({
        subject: `Dossier en attente d’examen : ${named(c)} (délai dépassé le ${date})`,
        body: `Le dossier de ${named(c)} attend son examen au-delà du délai de service convenu (${date}).`,
      }),
      nl: (c, date) => ({
        subject: `Dossier wacht op nazicht: ${named(c)} (termijn overschreden op ${date})`,
        body: `Het dossier van ${named(c)} wacht langer op nazicht dan de afgesproken termijn (${date}).`,
      }),
      de: (c, date) => ({
        subject: `Dossier wartet auf Prüfung: ${named(c)} (Frist überschritten am ${date})`,
        body: `Das Dossier von ${named(c)} wartet länger als die vereinbarte Frist (${date}) auf seine Prüfung.`,
      }),
    },
  },
};

const GENERIC: ReminderTemplate = {
  audience: 'copil',
  texts: {
    fr: (c, date) => ({
      subject: `Rappel : une échéance de la campagne Commerce Équitable ${communeFr(c)} le ${date}`,
      body: `Nous vous rappelons qu’une échéance de la campagne Communes du Commerce Équitable arrive le ${date} pour ${c.communeName ?? 'votre commune'}. N’hésitez pas à nous contacter pour toute question.`,
    }),
    nl: (c, date) => ({
      subject: `Herinnering: een vervaldag van de Fairtrade-campagne ${communeNl(c)} op ${date}`,
      body: `Wij herinneren u eraan dat er op ${date} een vervaldag van de campagne Fairtrade Gemeenten is voor ${c.communeName ?? 'uw gemeente'}. Neem gerust contact met ons op als u vragen hebt.`,
    }),
    de: (c, date) => ({
      subject: `Erinnerung: eine Frist der Fairtrade-Kampagne ${communeDe(c)} am ${date}`,
      body: `Wir erinnern Sie daran, dass am ${date} eine Frist der Kampagne Fairtrade-Gemeinden für ${c.communeName ?? 'Ihre Gemeinde'} abläuft. Bei Fragen stehen wir Ihnen gerne zur Verfügung.`,
    }),
  },
};

/**
 * The reminders module's kinds (`ReminderKind` in @cdce/reminders) that share a template: a notice before the
 * deadline and the one after it speak of the same thing.
 */
const SHARED_TEMPLATES: Readonly<Record<string, string>> = {
  fair_o_meter_due_soon: 'fair_o_meter_due',
  fair_o_meter_overdue: 'fair_o_meter_due',
  changes_due_soon: 'changes_requested_due',
  changes_overdue: 'changes_requested_due',
  review_waiting: 'review_pending',
};

function templateOf(kind: string): ReminderTemplate {
  if (/^renewal_due_in_\d+d$/.test(kind)) return REMINDER_TEMPLATES.renewal_due!;
  return REMINDER_TEMPLATES[SHARED_TEMPLATES[kind] ?? kind] ?? GENERIC;
}

/** Who a reminder of this kind goes to. Kinds ending in `_escalation` always go to the coordination. */
export function reminderAudience(kind: string): ReminderAudience {
  if (kind.endsWith('_escalation')) return 'coordination';
  return templateOf(kind).audience;
}

/** The reminder in the reader's language. */
export function renderReminder(context: ReminderContext, language: Language): RenderedMail {
  const template = templateOf(context.kind);
  const { subject, body } = template.texts[language](context, longDate(context.dueOn, language));
  return { subject, text: paragraphs(greeting(language, context.recipientName), body, signature(language)) };
}
