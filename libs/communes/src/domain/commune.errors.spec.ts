import { DOMAIN_ERROR_CODES } from './commune.errors';

// Every refusal goes through `refuse`, whose code parameter only accepts the keys of DOMAIN_ERROR_CODES.
describe('DOMAIN_ERROR_CODES', () => {
  it('are stable UPPER_SNAKE codes, each with a French label', () => {
    for (const [code, { fr }] of Object.entries(DOMAIN_ERROR_CODES)) {
      expect(code).toMatch(/^[A-Z][A-Z_]*[A-Z]$/);
      expect(fr.trim().length).toBeGreaterThan(5);
    }
  });
});
