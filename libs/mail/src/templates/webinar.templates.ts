import { greeting, type Language, longDateTime, paragraphs, type RenderedMail, signature, timeOfDay } from './template';

/** What a webinar mail says; the iCalendar file travels beside it. */
export type WebinarMailKind = 'invitation' | 'update' | 'cancellation';

export interface WebinarContext {
  readonly theme: string;
  readonly startsAt: string;
  readonly endsAt: string;
  /** Why it was moved or cancelled, as the coordination wrote it. */
  readonly reason?: string | null;
  /** Where to join or register, if the coordination gave a link. */
  readonly url?: string;
  readonly recipientName?: string;
}

type Text = (c: WebinarContext, when: string) => { subject: string; body: string };

const TEXTS: Record<WebinarMailKind, Record<Language, Text>> = {
  invitation: {
    fr: (c, when) => ({
      subject: `Invitation : webinaire CDCE « ${c.theme} » le ${when}`,
      body: `Nous avons le plaisir d’inviter les membres de votre comité de pilotage au webinaire thématique mensuel de la campagne Communes du Commerce Équitable, consacré à « ${c.theme} ». Il aura lieu le ${when} et durera deux heures : un moment pour partager vos expériences avec d’autres communes.\n\nL’invitation est jointe au format agenda (.ics).`,
    }),
    nl: (c, when) => ({
      subject: `Uitnodiging: CDCE-webinar "${c.theme}" op ${when}`,
      body: `Graag nodigen wij de leden van uw stuurgroep uit voor het maandelijkse thematische webinar van de campagne Communes du Commerce Équitable, over "${c.theme}". Het vindt plaats op ${when} en duurt twee uur: een gelegenheid om ervaringen uit te wisselen met andere gemeenten.\n\nDe uitnodiging zit als agenda-item (.ics) in bijlage.`,
    }),
    de: (c, when) => ({
      subject: `Einladung: CDCE-Webinar „${c.theme}“ am ${when}`,
      body: `Wir laden die Mitglieder Ihrer Steuerungsgruppe herzlich zum monatlichen Themen-Webinar der Kampagne Communes du Commerce Équitable ein, diesmal zu „${c.theme}“. Es findet am ${when} statt und dauert zwei Stunden: eine Gelegenheit, Erfahrungen mit anderen Gemeinden auszutauschen.\n\nDie Einladung liegt als Kalendereintrag (.ics) bei.`,
    }),
  },
  update: {
    fr: (c, when) => ({
      subject: `Changement d’horaire : webinaire CDCE « ${c.theme} » déplacé au ${when}`,
      body: `Le webinaire « ${c.theme} » est déplacé au ${when}${c.reason ? ` (${c.reason})` : ''}. Votre agenda sera mis à jour avec le fichier joint. Veuillez nous excuser pour ce changement.`,
    }),
    nl: (c, when) => ({
      subject: `Gewijzigd tijdstip: CDCE-webinar "${c.theme}" verplaatst naar ${when}`,
      body: `Het webinar "${c.theme}" wordt verplaatst naar ${when}${c.reason ? ` (${c.reason})` : ''}. Uw agenda wordt bijgewerkt met het bijgevoegde bestand. Onze excuses voor deze wijziging.`,
    }),
    de: (c, when) => ({
      subject: `Terminänderung: CDCE-Webinar „${c.theme}“ auf den ${when} verschoben`,
      body: `Das Webinar „${c.theme}“ wird auf den ${when} verschoben${c.reason ? ` (${c.reason})` : ''}. Ihr Kalender wird mit der beigefügten Datei aktualisiert. Wir bitten, diese Änderung zu entschuldigen.`,
    }),
  },
  cancellation: {
    fr: (c, when) => ({
      subject: `Annulation : webinaire CDCE « ${c.theme} » du ${when}`,
      body: `Nous sommes au regret d’annuler le webinaire « ${c.theme} » prévu le ${when}${c.reason ? ` : ${c.reason}` : ''}. Le fichier joint le retire de votre agenda. Nous vous retrouverons avec plaisir au prochain rendez-vous.`,
    }),
    nl: (c, when) => ({
      subject: `Geannuleerd: CDCE-webinar "${c.theme}" van ${when}`,
      body: `Helaas moeten wij het webinar "${c.theme}" van ${when} annuleren${c.reason ? `: ${c.reason}` : ''}. Het bijgevoegde bestand verwijdert het uit uw agenda. Wij zien u graag bij de volgende afspraak.`,
    }),
    de: (c, when) => ({
      subject: `Absage: CDCE-Webinar „${c.theme}“ am ${when}`,
      body: `Leider müssen wir das für den ${when} geplante Webinar „${c.theme}“ absagen${c.reason ? `: ${c.reason}` : ''}. Die beigefügte Datei entfernt den Termin aus Ihrem Kalender. Wir freuen uns, Sie beim nächsten Termin zu sehen.`,
    }),
  },
};

const UNTIL: Record<Language, string> = { fr: 'jusqu’à', nl: 'tot', de: 'bis' };
const JOIN: Record<Language, string> = { fr: 'Pour participer :', nl: 'Deelnemen:', de: 'Teilnahme:' };

/** A webinar invitation, update or cancellation in the reader's language (times in Brussels). */
export function renderWebinarMail(kind: WebinarMailKind, context: WebinarContext, language: Language): RenderedMail {
  const when = longDateTime(context.startsAt, language);
  const { subject, body } = TEXTS[kind][language](context, when);
  const until = `${when} ${UNTIL[language]} ${timeOfDay(context.endsAt, language)}`;
  return {
    subject,
    text: paragraphs(
      greeting(language, context.recipientName),
      body,
      kind !== 'cancellation' && `${context.theme}\n${until}`,
      kind !== 'cancellation' && context.url && `${JOIN[language]} ${context.url}`,
      signature(language),
    ),
  };
}
