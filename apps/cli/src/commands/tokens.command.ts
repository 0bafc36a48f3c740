import { type Command, Option } from 'commander';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AuthError, ROLES, type Role, SqliteTokenStore, type TokenInfo, TokenService } from '@cdce/auth';
import { configOf } from '../cli-context';
import { CliError, type CliIo } from '../cli-io';

/** The token file the API reads (apps/api AuthModule). */
const TOKENS_FILE = 'auth.sqlite';

/** `cdce tokens create|list|revoke`: bearer tokens of the API, kept hashed in `<dataDir>/auth.sqlite`. */
export function tokensCommand(program: Command, io: CliIo): void {
  const tokens = program.command('tokens').description('gérer les jetons d’accès à l’API');
  tokens
    .command('create')
    .description('créer un jeton ; son secret n’est affiché qu’une fois')
    .addOption(new Option('--role <rôle>', 'rôle du jeton').choices(ROLES).makeOptionMandatory())
    .requiredOption('--label <libellé>', 'pour qui ou pour quoi, ex. « COPIL Namur — Anne »')
    .option('--commune <nis...>', 'code(s) NIS des communes d’un jeton copil')
    .action((options: { role: Role; label: string; commune?: string[] }) =>
      withTokens(io, async (service) => {
        const { token, secret } = await service.createToken({
          role: options.role,
          label: options.label,
          communes: options.commune ?? [],
        });
        io.out(`Jeton créé : ${token.tokenId} (${describe(token)})`);
        io.out(`Secret, affiché une seule fois : ${secret}`);
        io.out('Envoyez-le dans l’en-tête « Authorization: Bearer <secret> ».');
      }),
    );
  tokens
    .command('list')
    .description('lister les jetons, révoqués compris')
    .action(() =>
      withTokens(io, async (service) => {
        const list = await service.list();
        if (list.length === 0) io.out('Aucun jeton. Créez-en un avec « cdce tokens create --role admin --label … ».');
        for (const token of list) {
          const state = token.revokedAt ? `révoqué le ${token.revokedAt}` : 'actif';
          io.out(`${token.tokenId}  ${token.prefix}…  ${describe(token)}  créé le ${token.createdAt}  ${state}`);
        }
      }),
    );
  tokens
    .command('revoke')
    .description('révoquer un jeton immédiatement')
    .argument('<tokenId>', 'identifiant du jeton (voir « cdce tokens list »)')
    .action((tokenId: string) =>
      withTokens(io, async (service) => {
        const token = await service.revoke(tokenId);
        io.out(`Jeton ${token.tokenId} révoqué le ${token.revokedAt} (${describe(token)}).`);
      }),
    );
}

async function withTokens(io: CliIo, work: (service: TokenService) => Promise<void>): Promise<void> {
  const config = configOf(io);
  fs.mkdirSync(config.dataDir, { recursive: true });
  const store = SqliteTokenStore.open(path.join(config.dataDir, TOKENS_FILE));
  try {
    await work(new TokenService(store, { clock: io.now }));
  } catch (error) {
    if (error instanceof AuthError && error.code === 'TOKEN_NOT_FOUND')
      throw new CliError(`${error.message} Voyez les jetons existants avec « cdce tokens list ».`);
    if (error instanceof AuthError) throw new CliError(error.message);
    throw error;
  } finally {
    store.close();
  }
}

function describe(token: TokenInfo): string {
  const communes = token.communes.length > 0 ? `, communes ${token.communes.join(' ')}` : '';
  return `${token.role}, « ${token.label} »${communes}`;
}
