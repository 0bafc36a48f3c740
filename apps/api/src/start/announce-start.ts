import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { TokenService } from '@cdce/auth';
import type { AppConfig } from '@cdce/platform';

/**
 * Tells the person who ran `npm start` where to go. On the very first start (no token at all) it creates an admin
 * token and prints it once: it is stored hashed and cannot be shown again.
 */
export async function announceStart(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const url = (await app.getUrl()).replace('[::1]', 'localhost').replace('127.0.0.1', 'localhost');
  const tokens = app.get(TokenService);
  const lines = [
    '',
    `  cdce écoute sur ${url}`,
    `  API et documentation OpenAPI : ${url}/api/docs`,
    `  Données : ${config.dataDir} (événements : ${config.eventStore.kind})`,
  ];
  if ((await tokens.list()).length === 0) {
    const { secret } = await tokens.createToken({ label: 'Premier administrateur', role: 'admin' });
    lines.push(
      '',
      '  Premier démarrage : jeton administrateur (affiché une seule fois, conservez-le) :',
      `    ${secret}`,
      `  Essayez : curl -H "Authorization: Bearer ${secret}" ${url}/api/communes?status=titled`,
    );
  }
  console.log([...lines, ''].join('\n'));
}
