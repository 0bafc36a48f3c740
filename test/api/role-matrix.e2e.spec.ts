import { ModulesContainer } from '@nestjs/core';
import { can, type Permission, type Principal, TokenService } from '@cdce/auth';
import { REQUIRED_PERMISSION, type Requirement } from '../../apps/api/src/auth/requires.decorator';
import { IS_PUBLIC } from '../../apps/api/src/http/public.decorator';
import { type ApiHarness, startApi } from '../support/api-harness';
import { LIEGE, NAMUR, send } from './commune-scenario';

/*
 * ROLE × ENDPOINT. Every route of the application, taken from its OpenAPI document (so a new endpoint cannot escape),
 * is called by each kind of caller. The expected answer comes from the route's declared permission and the role
 * policy (`can`), and the declared permission of every route is itself pinned in DECLARED below: changing who may
 * call an endpoint means changing this file too.
 */

const W: Permission = 'commune.write';
const R: Permission = 'commune.review';

/** Every commune route (and health) and the permission it must declare (`public`: open without a token). */
const DECLARED: Record<string, Permission | 'public'> = {
  'GET /health': 'public',
  'GET /api/communes': 'commune.read',
  'GET /api/communes/{nis}': 'commune.read',
  'GET /api/communes/{nis}/state': 'history.read',
  'GET /api/communes/{nis}/history': 'history.read',
  'GET /api/communes/{nis}/partners': 'commune.read',
  // The commune's contacts: personal data, outside the events.
  'GET /api/communes/{nis}/people': 'people.read',
  'POST /api/communes/{nis}/people': 'people.write',
  'PATCH /api/communes/{nis}/people/{personId}': 'people.write',
  'DELETE /api/communes/{nis}/people/{personId}': 'people.write',
  // The commune's own work.
  'POST /api/communes/{nis}/candidacy': W,
  'POST /api/communes/{nis}/candidacy/abandonment': W,
  'POST /api/communes/{nis}/council-resolutions': W,
  'POST /api/communes/{nis}/council-resolutions/reconfirmation': W,
  'POST /api/communes/{nis}/communication-actions': W,
  'POST /api/communes/{nis}/local-product-actions': W,
  'POST /api/communes/{nis}/copil/members': W,
  'DELETE /api/communes/{nis}/copil/members/{personId}': W,
  'POST /api/communes/{nis}/copil/charter': W,
  'POST /api/communes/{nis}/copil/meetings': W,
  'POST /api/communes/{nis}/partners': W,
  'DELETE /api/communes/{nis}/partners/{partnerId}': W,
  'POST /api/communes/{nis}/dossier': W,
  'POST /api/communes/{nis}/fair-o-meter': W,
  'POST /api/communes/{nis}/support-actions': W,
  'POST /api/communes/{nis}/title/relinquishment': W,
  // Decisions of the coordination.
  'POST /api/communes/{nis}/dossier/review': R,
  'POST /api/communes/{nis}/dossier/comments': R,
  'POST /api/communes/{nis}/dossier/changes-requested': R,
  'POST /api/communes/{nis}/dossier/approval': R,
  'POST /api/communes/{nis}/dossier/rejection': R,
  'POST /api/communes/{nis}/fair-o-meter/request': R,
  'POST /api/communes/{nis}/fair-o-meter/score': R,
  'POST /api/communes/{nis}/title/renewal': R,
  'POST /api/communes/{nis}/title/renewal-refusal': R,
  'POST /api/communes/{nis}/momentum-alerts': R,
  'POST /api/communes/{nis}/support-plan': R,
  'POST /api/communes/{nis}/sponsor': R,
  'POST /api/communes/{nis}/momentum/restoration': R,
  'POST /api/communes/{nis}/title/lapse': R,
  'POST /api/communes/{nis}/title/withdrawal': R,
  'POST /api/communes/{nis}/merger': R,
  'POST /api/communes/{nis}/local-elections': R,
};

type Caller = 'admin' | 'coordination' | 'auditor' | 'copil-own' | 'copil-other';
const CALLERS: Caller[] = ['admin', 'coordination', 'auditor', 'copil-own', 'copil-other'];

/** Key cells written out by hand, independent of the policy code: [route, caller, allowed]. */
const KEY_CELLS: Array<[string, Caller, boolean]> = [
  // A COPIL neither reads nor changes another commune.
  ['GET /api/communes/{nis}', 'copil-other', false],
  ['GET /api/communes/{nis}/history', 'copil-other', false],
  ['POST /api/communes/{nis}/council-resolutions', 'copil-other', false],
  ['DELETE /api/communes/{nis}/partners/{partnerId}', 'copil-other', false],
  // …but works on its own, without judging it.
  ['GET /api/communes/{nis}', 'copil-own', true],
  ['GET /api/communes/{nis}/history', 'copil-own', true],
  ['POST /api/communes/{nis}/dossier', 'copil-own', true],
  ['POST /api/communes/{nis}/fair-o-meter', 'copil-own', true],
  ['POST /api/communes/{nis}/dossier/approval', 'copil-own', false],
  ['POST /api/communes/{nis}/fair-o-meter/score', 'copil-own', false],
  ['POST /api/communes/{nis}/title/withdrawal', 'copil-own', false],
  // Its list shows its own communes only, so it may ask for it.
  ['GET /api/communes', 'copil-other', true],
  // An auditor reads everything and writes nothing.
  ['GET /api/communes/{nis}', 'auditor', true],
  ['GET /api/communes/{nis}/state', 'auditor', true],
  ['GET /api/communes/{nis}/history', 'auditor', true],
  ['POST /api/communes/{nis}/candidacy', 'auditor', false],
  ['POST /api/communes/{nis}/council-resolutions', 'auditor', false],
  ['DELETE /api/communes/{nis}/copil/members/{personId}', 'auditor', false],
  ['POST /api/communes/{nis}/dossier/approval', 'auditor', false],
  // The coordination reviews, and may also help with the commune's work.
  ['POST /api/communes/{nis}/dossier/review', 'coordination', true],
  ['POST /api/communes/{nis}/dossier/approval', 'coordination', true],
  ['POST /api/communes/{nis}/title/renewal', 'coordination', true],
  ['POST /api/communes/{nis}/merger', 'coordination', true],
  ['POST /api/communes/{nis}/dossier', 'coordination', true],
  ['POST /api/communes/{nis}/dossier/approval', 'admin', true],
];

interface Route {
  readonly key: string;
  readonly method: string;
  readonly url: string;
  readonly requirement: Requirement | 'public' | undefined;
}

describe('role × endpoint matrix', () => {
  let api: ApiHarness;
  let routes: Route[];
  const principals = {} as Record<Caller, Principal>;
  const secrets = {} as Record<Caller, string>;

  beforeAll(async () => {
    api = await startApi();
    const tokens = api.app.get(TokenService);
    const make = async (caller: Caller, role: Principal['role'], communes?: string[]) => {
      const { secret } = await api.token(role, communes);
      secrets[caller] = secret;
      principals[caller] = (await tokens.verify(secret))!;
    };
    await make('admin', 'admin');
    await make('coordination', 'coordination');
    await make('auditor', 'auditor');
    await make('copil-own', 'copil', [NAMUR]);
    await make('copil-other', 'copil', [LIEGE]);
    // A commune with a stream, so that allowed calls reach the domain rather than stopping at "not engaged".
    await send(api, secrets.admin, 'POST', `/api/communes/${NAMUR}/candidacy`);
    routes = await routesOf(api);
  });
  afterAll(() => api.close());

  it('pins the declared permission of every commune route', () => {
    const communeRoutes = routes.filter((r) => r.key in DECLARED || r.key.includes('/api/communes'));
    expect(communeRoutes.map((r) => r.key).sort()).toEqual(Object.keys(DECLARED).sort());
    const declared = Object.fromEntries(communeRoutes.map((r) => [r.key, permissionOf(r)]));
    expect(declared).toEqual(DECLARED);
  });

  it('finds a declaration on every other route too (the walk below covers them all)', () => {
    // Routes owned by other modules (web session, people, tokens…) are walked like the others; an undeclared one
    // would be closed by the guard, which is never what its author meant.
    const undeclared = routes.filter((r) => r.requirement === undefined).map((r) => r.key);
    expect(undeclared).toEqual([]);
  });

  it('covers every command of commune.commands.ts except the 3 system ones (33 command routes)', () => {
    const commands = routes.filter(
      (r) => (r.key.startsWith('POST /api/communes') || r.key.startsWith('DELETE ')) && !r.key.includes('/people'),
    );
    expect(commands).toHaveLength(33);
  });

  it('refuses every non-public route without a token (401)', async () => {
    const wrong: string[] = [];
    for (const route of routes) {
      const { status } = await call(api, route);
      const expected = route.requirement === 'public' ? 'not 401/403' : 401;
      if (expected === 401 ? status !== 401 : status === 401 || status === 403) wrong.push(`${route.key}: ${status}`);
    }
    expect(wrong).toEqual([]);
  });

  it.each(CALLERS)('lets %s call exactly what its role allows (others: 403)', async (caller) => {
    const wrong: string[] = [];
    for (const route of routes) {
      const allowed = expectedAllowed(route, principals[caller]);
      const { status, body } = await call(api, route, secrets[caller]);
      const refused = status === 401 || status === 403;
      if (allowed === refused || (!allowed && status !== 403)) {
        wrong.push(`${route.key}: expected ${allowed ? 'allowed' : '403'}, got ${status} ${body?.code ?? ''}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it.each(KEY_CELLS)('%s by %s → allowed: %s', async (key, caller, allowed) => {
    const route = routes.find((r) => r.key === key);
    expect(route).toBeDefined();
    expect(expectedAllowed(route!, principals[caller])).toBe(allowed);
    const { status } = await call(api, route!, secrets[caller]);
    if (allowed) expect([401, 403]).not.toContain(status);
    else expect(status).toBe(403);
  });
});

/** The routes of the OpenAPI document, each with the requirement its handler declares (read from the handler). */
async function routesOf(api: ApiHarness): Promise<Route[]> {
  const { body: doc } = await api.request('GET', '/api/docs/openapi.json');
  const requirements = handlerRequirements(api);
  return Object.entries<Record<string, { operationId: string }>>(doc.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => ({
      key: `${method.toUpperCase()} ${path}`,
      method: method.toUpperCase(),
      url: path
        .replace('{nis}', NAMUR)
        .replace('{partnerId}', '5b0f7c1e-2a4d-4e55-9f0a-3c2b1d0e9f8a')
        .replace(/\{[^}]+\}/g, 'p-someone'),
      requirement: requirements.get(operation.operationId),
    })),
  );
}

/** operationId (`Controller_method`, swagger's default) → what the guard will read on that handler. */
function handlerRequirements(api: ApiHarness): Map<string, Requirement | 'public' | undefined> {
  const found = new Map<string, Requirement | 'public' | undefined>();
  for (const module of api.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | undefined;
      if (!controller) continue;
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const read = <T>(key: string): T | undefined =>
          Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, controller);
        found.set(
          `${controller.name}_${name}`,
          read<boolean>(IS_PUBLIC) ? 'public' : read<Requirement>(REQUIRED_PERMISSION),
        );
      }
    }
  }
  return found;
}

function permissionOf(route: Route): Permission | 'public' | undefined {
  return route.requirement === 'public' ? 'public' : route.requirement?.permission;
}

/** What the guard should decide, from the declaration and the role policy. No declaration: closed to all. */
function expectedAllowed(route: Route, principal: Principal): boolean {
  const requirement = route.requirement;
  if (requirement === 'public') return true;
  if (requirement === undefined) return false;
  const { permission, scope } = requirement;
  if (scope === 'global') return can(principal, permission);
  if (scope === 'list')
    return can(principal, permission) || principal.communes.some((nis) => can(principal, permission, nis));
  return can(principal, permission, NAMUR);
}

function call(api: ApiHarness, route: Route, token?: string) {
  return api.request(route.method, route.url, {
    ...(token ? { token } : {}),
    ...(route.method === 'GET' ? {} : { body: {} }),
  });
}
