import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Page } from 'playwright-core';
import { TokenService } from '@cdce/auth';
import { type ApiHarness, startApi } from '../support/api-harness';
import { CHROMIUM, chromiumAvailable, launchBrowser } from './support/browser';
import { buildWebApp } from './support/build-web';
import { COMMUNES, day, seedCampaign } from './support/seed';

/*
 * The coordination's web app in headless chromium, against the real application: the web app built by Vite, served
 * by the API on 127.0.0.1, SQLite files in a fresh folder, the campaign seeded through the HTTP API.
 * Every page under test is saved as a PNG in test/e2e/screenshots/ for a person to look at.
 */

const SCREENSHOTS = path.join(__dirname, 'screenshots');
const available = chromiumAvailable();

if (!available) {
  const message = `\n\n  !!! Browser tests SKIPPED: no chromium at ${CHROMIUM}. Install it with: apt-get install -y chromium !!!\n`;
  if (process.env.CI === 'true') {
    describe('the web app in a browser', () => {
      it('needs chromium on CI', () => {
        throw new Error(message);
      });
    });
  } else {
    console.warn(message);
  }
}

const describeInBrowser = available ? describe : describe.skip;

describeInBrowser('the coordination web app in headless chromium', () => {
  let api: ApiHarness;
  let baseUrl: string;
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let coordination: string;
  let copil: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    buildWebApp();
    api = await startApi({ now: new Date().toISOString() });
    await api.app.listen(0, '127.0.0.1');
    const { port } = api.app.getHttpServer().address() as AddressInfo;
    baseUrl = `http://127.0.0.1:${port}`;
    // Labelled as an admin would: events name the token by id, pages by this label.
    coordination = (
      await api.app.get(TokenService).createToken({ label: 'Coordination — Claire Martin', role: 'coordination' })
    ).secret;
    copil = (await api.token('copil', [COMMUNES.ciney.nis])).secret;
    await seedCampaign(api, coordination);
    browser = await launchBrowser();
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  afterEach(() => {
    // A JavaScript error in the page is a failure even when the assertions happened to pass.
    expect(pageErrors).toEqual([]);
  });

  async function newPage(width = 1280, height = 900): Promise<Page> {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width, height });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    return page;
  }

  /** Saves the page as a PNG; long lists (280 communes) only as far as the window shows. */
  async function shot(page: Page, name: string, fullPage = true): Promise<void> {
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage });
  }

  async function signIn(page: Page, token: string): Promise<void> {
    await page.goto(`${baseUrl}/`);
    await page.getByLabel('Jeton d’accès').fill(token);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
  }

  const heading = (page: Page) => page.getByRole('heading', { level: 1 });
  const figure = (page: Page, label: string) => page.locator('.figure', { hasText: label }).locator('.figure__value');

  describe('signing in', () => {
    it('refuses a malformed or unknown token with a French message, then signs in and lands on the dashboard', async () => {
      const page = await newPage();
      await page.goto(`${baseUrl}/communes`);
      await page.waitForURL(/\/connexion\?suite=%2Fcommunes/);
      expect(await page.getAttribute('html', 'lang')).toBe('fr');
      await shot(page, '01-connexion');

      await page.getByLabel('Jeton d’accès').fill('pas-un-jeton');
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await expect(page.getByRole('alert').textContent()).resolves.toContain('n’a pas la bonne forme');

      await page.getByLabel('Jeton d’accès').fill(`cdce_${'A'.repeat(43)}`);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await expect(page.getByRole('alert').textContent()).resolves.toContain('inconnu ou révoqué');
      await shot(page, '01-connexion-refusee');

      await page.getByLabel('Jeton d’accès').fill(coordination);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.getByRole('heading', { level: 1, name: 'Communes' }).waitFor();
      expect(page.url()).toBe(`${baseUrl}/communes`);
      await page.getByRole('link', { name: 'Tableau de bord' }).click();
      await expect(heading(page).textContent()).resolves.toBe('Tableau de bord');
      expect(await figure(page, 'Communes titrées').textContent()).toBe('3');
      await expect(page.locator('.figure', { hasText: 'Communes titrées' }).textContent()).resolves.toMatch(
        /sur 280 communes/,
      );
      await page.close();
    });

    it('switches the whole app to Dutch and back, and remembers the choice on this browser', async () => {
      const page = await newPage();
      await signIn(page, coordination);
      try {
        await page.getByRole('button', { name: 'Nederlands' }).click();
        await page.getByRole('button', { name: 'Afmelden' }).waitFor();
        expect(await page.getAttribute('html', 'lang')).toBe('nl');
        await expect(heading(page).textContent()).resolves.toBe('Dashboard');
        // Queries answer with French names; the page shows the Dutch ones from the reference data.
        const momentum = page.locator('section', {
          has: page.getByRole('heading', { name: 'Gemeenten die vaart verliezen' }),
        });
        await momentum.getByRole('link', { name: 'Luik', exact: true }).waitFor();
        await page.getByText('Henegouwen', { exact: true }).first().waitFor();
        expect(await page.getByText('Hainaut', { exact: true }).count()).toBe(0);
        await shot(page, '02-dashboard-nl');
        // The communes list and the province filter go by the Dutch names: Bergen (Mons) near the top.
        await page.getByRole('link', { name: 'Gemeenten', exact: true }).click();
        await page.getByRole('row', { name: /Bergen/ }).waitFor();
        const shown = await page.locator('tbody th a').allTextContents();
        expect(shown.length).toBeGreaterThan(10);
        expect(shown).toEqual([...shown].sort(new Intl.Collator('nl').compare));
        expect(shown.indexOf('Bergen')).toBeLessThan(shown.indexOf('Luik'));
        const provinces = await page.locator('#province option').allTextContents();
        expect(provinces.slice(1)).toEqual(['Henegouwen', 'Luik', 'Luxemburg', 'Namen', 'Waals-Brabant']);
        await page.getByRole('link', { name: 'Luik', exact: true }).first().click();
        await expect(heading(page).textContent()).resolves.toBe('Luik');
        await page.reload();
        await page.getByRole('button', { name: 'Afmelden' }).waitFor();
      } finally {
        // The choice is stored for the whole browser: the other scenarios expect French.
        await page.getByRole('button', { name: 'Français' }).click();
        await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
        await page.close();
      }
    });

    it('keeps the session through a reload and forgets it on sign-out', async () => {
      const page = await newPage();
      await signIn(page, coordination);
      await page.reload();
      await expect(heading(page).textContent()).resolves.toBe('Tableau de bord');
      await page.getByRole('button', { name: 'Se déconnecter' }).click();
      await page.getByText('Vous êtes déconnecté.').waitFor();
      expect(await page.evaluate<string | null>("sessionStorage.getItem('cdce.token')")).toBeNull();
      await page.close();
    });
  });

  describe('the dashboard', () => {
    it('shows the figures, the communes losing momentum with their reasons, deadlines and charts', async () => {
      const page = await newPage();
      await signIn(page, coordination);
      await page.getByText('Liège').first().waitFor();
      expect(await figure(page, 'En perte de vitesse').textContent()).toBe('1');
      expect(await figure(page, 'Dossiers en attente').textContent()).toBe('3');
      expect(await figure(page, 'Renouvellements à 30 jours').textContent()).toBe('1');
      const momentum = page.locator('section', {
        has: page.getByRole('heading', { name: 'Communes en perte de vitesse' }),
      });
      await expect(momentum.textContent()).resolves.toMatch(
        /Liège.*Comité de pilotage inactif.*Fair-ô-mètre non remis/s,
      );
      const deadlines = page.locator('section', { has: page.getByRole('heading', { name: 'Échéances à venir' }) });
      await expect(deadlines.textContent()).resolves.toContain('Namur');
      await page.getByText('Voir les chiffres en tableau').first().click();
      await expect(page.getByRole('row', { name: /Namur/ }).first().textContent()).resolves.toMatch(/Namur/);
      await page.getByRole('heading', { name: 'Activité récente' }).waitFor();
      await shot(page, '02-tableau-de-bord');
      await page.close();
    });
  });

  describe('the communes', () => {
    it('filters by status and province, searches by a Dutch name and sorts', async () => {
      const page = await newPage();
      await signIn(page, coordination);
      await page.getByRole('link', { name: 'Communes', exact: true }).click();
      await expect(heading(page).textContent()).resolves.toBe('Communes');
      await page.getByText('280 commune(s)').waitFor();

      await page.getByLabel('Statut').selectOption({ label: 'Dossier en revue' });
      await page.getByText('2 commune(s)').waitFor();
      expect(await rowNames(page)).toEqual(['Ciney', 'Daverdisse']);
      expect(page.url()).toContain('status=under_review');

      await page.getByLabel('Province').selectOption('Namur');
      await page.getByText('1 commune(s)').waitFor();
      expect(await rowNames(page)).toEqual(['Ciney']);
      await shot(page, '03-communes-filtrees');

      await page.getByRole('button', { name: 'Effacer les filtres' }).click();
      await page.getByLabel('Rechercher par nom').fill('namen');
      await page.getByText('1 commune(s)').waitFor();
      expect(await rowNames(page)).toEqual(['Namur']);

      await page.getByLabel('Rechercher par nom').fill('');
      await page.getByLabel('Trier par').selectOption({ label: 'Échéance du titre' });
      await page.getByText('280 commune(s)').waitFor();
      await page.locator('table.data-table tbody tr').first().filter({ hasText: 'Namur' }).waitFor();
      expect((await rowNames(page)).slice(0, 3)).toEqual(['Namur', 'Tournai', 'Liège']);
      await shot(page, '03-communes', false);
      await page.close();
    });

    it('opens a commune: title and validity, criteria with evidence, COPIL, partners against thresholds, timeline', async () => {
      const page = await newPage();
      await signIn(page, coordination);
      await page.goto(`${baseUrl}/communes?q=namur`);
      await page.getByRole('link', { name: 'Namur', exact: true }).click();
      await expect(heading(page).textContent()).resolves.toBe('Namur');
      expect(page.url()).toBe(`${baseUrl}/communes/${COMMUNES.namur.nis}`);
      const section = (name: string) =>
        page.locator('section', { has: page.getByRole('heading', { name, exact: true }) });
      await expect(section('Titre').textContent()).resolves.toMatch(/Cycle 1.*Valide du .* au /s);
      await expect(section('Critères').textContent()).resolves.toMatch(
        /Autorité communale.*Délibération du .*café, thé/s,
      );
      // Names come from the people directory; the events only carry the person's id.
      await section('Comité de pilotage').getByText('Anne Dupont').waitFor();
      await expect(section('Comité de pilotage').textContent()).resolves.toMatch(
        /Anne Dupont.*Présidence.*Administration communale/s,
      );
      await section('Partenaires et seuils').getByRole('table').waitFor();
      await expect(section('Partenaires et seuils').textContent()).resolves.toMatch(/Horeca.*Non rempli/s);
      const timeline = section('Historique');
      await expect(timeline.textContent()).resolves.toMatch(/Chaîne d’empreintes vérifiée/);
      // The events carry the token's id; the page names it by its label once the labels have arrived.
      await timeline.getByText('par Coordination — Claire Martin (coordination)').first().waitFor();
      await expect(timeline.locator('li').first().textContent()).resolves.toMatch(
        /Titre attribué.*par Coordination — Claire Martin \(coordination\)/s,
      );
      await expect(timeline.textContent()).resolves.toMatch(/Candidature ouverte/);
      await shot(page, '04-fiche-commune');

      await page.goto(`${baseUrl}/communes/${COMMUNES.liege.nis}`);
      await expect(heading(page).textContent()).resolves.toBe('Liège');
      await expect(section('Perte de vitesse').textContent()).resolves.toMatch(
        /Comité de pilotage inactif.*Plan d’accompagnement.*Départ de la personne de contact/s,
      );
      await shot(page, '04-fiche-commune-perte-de-vitesse');
      await page.close();
    });
  });

  describe('the review queue', () => {
    it('approves a dossier from the queue, and the dashboard counts one more title', async () => {
      const page = await newPage();
      await signIn(page, coordination);
      expect(await figure(page, 'Communes titrées').textContent()).toBe('3');
      await page.getByRole('link', { name: 'File de revue', exact: true }).click();
      await expect(heading(page).textContent()).resolves.toBe('File de revue');
      await expect(page.getByRole('table').textContent()).resolves.toMatch(/Daverdisse.*Ciney|Ciney.*Daverdisse/s);
      const daverdisseRow = page.getByRole('row', { name: /Daverdisse/ });
      await daverdisseRow.getByText('Coordination — Claire Martin').waitFor();
      await shot(page, '05-file-de-revue');

      await page.getByRole('link', { name: 'Examiner : Daverdisse' }).click();
      await expect(heading(page).textContent()).resolves.toBe('Dossier de Daverdisse');
      await shot(page, '06-dossier-en-revue');
      await page.getByLabel('Durée de validité (mois)').fill('24');
      await page.getByRole('button', { name: 'Approuver le dossier' }).click();
      await page.getByText('Dossier approuvé : la commune est titrée.').waitFor();
      await page.getByText('Ce dossier n’est pas en cours d’examen (statut : Titrée).').waitFor();

      await page.getByRole('link', { name: 'Tableau de bord' }).click();
      await page.locator('.figure').first().waitFor();
      expect(await figure(page, 'Communes titrées').textContent()).toBe('4');
      expect(await figure(page, 'Dossiers en attente').textContent()).toBe('2');
      // The recent activity names who approved it, by the token's label.
      const activity = page.locator('section', { has: page.getByRole('heading', { name: 'Activité récente' }) });
      await expect(activity.locator('li').first().textContent()).resolves.toMatch(
        /Daverdisse.*par Coordination — Claire Martin \(coordination\)/s,
      );
      const state = await api.request('GET', `/api/communes/${COMMUNES.daverdisse.nis}`, { token: coordination });
      expect(state.body.state).toMatchObject({ status: 'titled', title: { cycle: 1 } });
      await page.close();
    });

    it('scores the Fair-ô-mètre of a renewal and renews the title for a new cycle', async () => {
      const page = await newPage();
      await signIn(page, coordination);
      await page.goto(`${baseUrl}/revue`);
      await page.getByRole('link', { name: 'Examiner : Tournai' }).click();
      await expect(heading(page).textContent()).resolves.toBe('Dossier de Tournai');
      await page.getByRole('heading', { name: 'Fair-ô-mètre 2026' }).waitFor();
      await page.getByText('Total : 70 / 100').waitFor();
      expect(await page.getByRole('button', { name: 'Renouveler le titre' }).count()).toBe(0);
      await shot(page, '06-renouvellement-en-revue');
      expect(await axe(page)).toEqual([]);

      await page.getByRole('button', { name: 'Enregistrer la note' }).click();
      await page.getByText('Note enregistrée.').waitFor();
      await page.getByText(/Note [A-E], donnée le/).waitFor();
      await page.getByRole('button', { name: 'Renouveler le titre' }).click();
      await page.getByText('Titre renouvelé.').waitFor();
      await page.getByText('Ce dossier n’est pas en cours d’examen (statut : Titre renouvelé).').waitFor();
      const state = await api.request('GET', `/api/communes/${COMMUNES.tournai.nis}`, { token: coordination });
      expect(state.body.state).toMatchObject({ status: 'renewed', title: { cycle: 2 } });
      await page.close();
    });

    it('validates the forms before sending, and says when the commune changed meanwhile (409)', async () => {
      const page = await newPage();
      await signIn(page, coordination);
      await page.goto(`${baseUrl}/revue/${COMMUNES.ciney.nis}`);
      await page.getByRole('button', { name: 'Commencer l’examen' }).waitFor();

      // Someone else starts the review in the meantime: the revision this page shows is now stale.
      const other = await api.request('POST', `/api/communes/${COMMUNES.ciney.nis}/dossier/review`, {
        token: coordination,
        body: {},
      });
      expect(other.status).toBe(200);
      await page.getByRole('button', { name: 'Commencer l’examen' }).click();
      const alert = page.getByRole('alert');
      await expect(alert.textContent()).resolves.toContain('La commune a été modifiée entre-temps');
      await expect(alert.textContent()).resolves.toContain('WRONG_EXPECTED_REVISION');
      await shot(page, '07-conflit-409');
      await alert.getByRole('button', { name: 'Recharger' }).click();

      await page.getByRole('button', { name: 'Demander les compléments' }).click();
      await page.getByText('Cochez au moins un critère.').waitFor();
      await page.getByText('Indiquez une échéance.').waitFor();
      expect(await page.locator(':focus').getAttribute('aria-invalid')).toBe('true');
      await page.getByLabel('2. Commerces et horeca').check();
      await page.getByRole('button', { name: 'Demander les compléments' }).click();
      await page.getByText('Dites ce qui doit changer pour chaque critère coché.').waitFor();
      await shot(page, '08-validation');

      await page.getByLabel('Ce qui doit changer pour le critère 2').fill('Inscrire un deuxième horeca.');
      await page.getByLabel('Échéance').fill(day(api, 60));
      await page.getByRole('button', { name: 'Demander les compléments' }).click();
      await page.getByText('Compléments demandés.').waitFor();
      const state = await api.request('GET', `/api/communes/${COMMUNES.ciney.nis}`, { token: coordination });
      expect(state.body.state).toMatchObject({
        status: 'changes_requested',
        changeRequest: { changes: [{ criterion: 2, reason: 'Inscrire un deuxième horeca.' }], dueOn: day(api, 60) },
      });
      await page.close();
    });
  });

  describe('a COPIL token', () => {
    it('sees only its commune, no dashboard and no review queue', async () => {
      const page = await newPage();
      await signIn(page, copil);
      await page.waitForURL(`${baseUrl}/communes`);
      await expect(heading(page).textContent()).resolves.toBe('Mes communes');
      await page.getByText('1 commune(s)').waitFor();
      expect(await rowNames(page)).toEqual(['Ciney']);
      const nav = page.getByRole('navigation', { name: 'Navigation principale' });
      expect(await nav.getByRole('link').allTextContents()).toEqual(['Mes communes']);
      await shot(page, '09-copil-mes-communes');

      await page.getByRole('link', { name: 'Ciney', exact: true }).click();
      await expect(heading(page).textContent()).resolves.toBe('Ciney');
      await page.getByRole('heading', { name: 'Historique' }).waitFor();
      expect(await page.getByRole('link', { name: 'Examiner ce dossier' }).count()).toBe(0);
      await shot(page, '09-copil-fiche');

      await page.goto(`${baseUrl}/communes/${COMMUNES.namur.nis}`);
      await expect(page.getByRole('alert').textContent()).resolves.toContain('Votre jeton ne permet pas cette action.');
      await page.goto(`${baseUrl}/revue`);
      await page.getByText('La file de revue est réservée à la coordination.').waitFor();
      await page.close();
    });
  });

  describe('accessibility and small screens', () => {
    it('fits a 390 px wide phone without sideways scrolling', async () => {
      const page = await newPage(390, 844);
      await signIn(page, coordination);
      await page.locator('.figure').first().waitFor();
      for (const [url, name] of [
        ['/', '10-mobile-tableau-de-bord'],
        ['/communes', '10-mobile-communes'],
        [`/communes/${COMMUNES.liege.nis}`, '10-mobile-fiche'],
        ['/revue', '10-mobile-file-de-revue'],
      ] as const) {
        await page.goto(`${baseUrl}${url}`);
        await heading(page).waitFor();
        await page.waitForLoadState('networkidle');
        expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
        await shot(page, name, url !== '/communes');
        await shot(page, `${name}-premier-ecran`, false);
      }
      await page.close();
    });

    it('has no WCAG 2.1 A or AA violation that axe can detect (contrast, labels, landmarks, names) on any page', async () => {
      const page = await newPage();
      const pages = [
        '/connexion',
        '/',
        '/communes',
        `/communes/${COMMUNES.liege.nis}`,
        `/communes/${COMMUNES.mons.nis}`,
        '/revue',
        `/revue/${COMMUNES.ciney.nis}`,
        `/revue/${COMMUNES.tournai.nis}`,
      ];
      const found: Record<string, string[]> = {};
      for (const url of pages) {
        if (url === '/') await signIn(page, coordination);
        else await page.goto(`${baseUrl}${url}`);
        await heading(page).waitFor();
        await page.waitForLoadState('networkidle');
        // Open the charts' tables too: what is hidden by default must pass as well.
        for (const summary of await page.locator('summary').all()) await summary.click();
        const violations = await axe(page);
        if (violations.length) found[url] = violations;
      }
      expect(found).toEqual({});
      await page.close();
    });

    it('is usable with the keyboard: skip link first, visible focus, real links', async () => {
      const page = await newPage();
      await signIn(page, coordination);
      await page.goto(`${baseUrl}/`);
      await page.locator('.figure').first().waitFor();
      await page.keyboard.press('Tab');
      const first = await page.locator(':focus').textContent();
      expect(first).toBe('Aller au contenu');
      for (let i = 0; i < 3; i++) await page.keyboard.press('Tab'); // the brand, « Tableau de bord », « Communes »
      // In-page code is given as text: this file is type-checked without the DOM library.
      const focused = await page.evaluate<Record<string, string>>(`(() => {
        const element = document.activeElement;
        const style = getComputedStyle(element);
        return { tag: element.tagName, text: element.textContent, outline: style.outlineStyle, width: style.outlineWidth };
      })()`);
      expect(focused).toEqual({ tag: 'A', text: 'Communes', outline: 'solid', width: '3px' });
      await page.keyboard.press('Enter');
      await expect(heading(page).textContent()).resolves.toBe('Communes');
      await page.close();
    });
  });
});

/** Runs axe-core (WCAG 2.1 A and AA rules) in the page; returns one line per violation with the elements involved. */
async function axe(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  // In-page code is given as text: this file is type-checked without the DOM library.
  const violations = await page.evaluate<AxeViolation[]>(`axe
    .run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
    .then((result) => result.violations)`);
  return violations.map(
    (v) =>
      `${v.id}: ${v.help} — ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 5)
        .join(', ')}`,
  );
}

interface AxeViolation {
  readonly id: string;
  readonly help: string;
  readonly nodes: readonly { readonly target: readonly string[] }[];
}

/** Names (French) in the communes table, in order. */
async function rowNames(page: Page): Promise<string[]> {
  return page.locator('table.data-table tbody th a').allTextContents();
}
