import { Command, CommanderError } from 'commander';
import { CliError, type CliIo } from './cli-io';
import { demoCommand } from './commands/demo.command';
import { historyCommand } from './commands/history.command';
import { projectionsCommand } from './commands/projections.command';
import { referenceCommand } from './commands/reference.command';
import { tokensCommand } from './commands/tokens.command';
import { verifyCommand } from './commands/verify.command';

/** Commander's errors, said in French with what to do next. */
const COMMANDER_MESSAGES: Readonly<Record<string, string>> = {
  'commander.unknownCommand': 'Commande inconnue.',
  'commander.unknownOption': 'Option inconnue.',
  'commander.missingArgument': 'Argument manquant.',
  'commander.missingMandatoryOptionValue': 'Option obligatoire manquante.',
  'commander.optionMissingArgument': 'Valeur manquante pour une option.',
  'commander.invalidArgument': 'Valeur refusée.',
  'commander.excessArguments': 'Trop d’arguments.',
};

function program(io: CliIo): Command {
  const cdce = new Command('cdce')
    .description('cdce — outil en ligne de commande des Communes du Commerce Équitable')
    .helpOption('-h, --help', 'afficher l’aide')
    .helpCommand('help [commande]', 'afficher l’aide d’une commande')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.out(text.trimEnd()),
      writeErr: (text) => io.err(text.trimEnd()),
      outputError: () => undefined,
    });
  tokensCommand(cdce, io);
  referenceCommand(cdce, io);
  demoCommand(cdce, io);
  projectionsCommand(cdce, io);
  verifyCommand(cdce, io);
  historyCommand(cdce, io);
  // Sub-commands inherit the French help option, the exit override and the output.
  return cdce;
}

/**
 * Runs one `cdce` command line (without `node` and the script: `['tokens', 'list']`) and returns the exit code:
 * 0 on success, 1 with a message saying what to do on an error the user can fix.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const cdce = program(io);
  if (argv.length === 0) {
    cdce.outputHelp();
    return 0;
  }
  try {
    await cdce.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return commanderFailure(io, error);
    if (error instanceof CliError) {
      io.err(error.message);
      return 1;
    }
    const code = codeOf(error);
    // A coded error (a store that cannot be used, a file that cannot be read…) says what to do in its message;
    // the stack only helps with the unexpected ones.
    if (code) io.err(`Erreur (${code}) : ${(error as Error).message}`);
    else io.err(`Erreur inattendue : ${(error as Error).stack ?? String(error)}`);
    return 1;
  }
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && typeof code === 'string' ? code : undefined;
}

function commanderFailure(io: CliIo, error: CommanderError): number {
  // Help and version end with exit code 0 and have already been written.
  if (error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.help') return 0;
  const french = COMMANDER_MESSAGES[error.code];
  io.err(`${french ? `${french} ` : ''}${error.message.replace(/^error: /, '(')}${french ? ')' : ''}`);
  io.err('Voyez « cdce --help » ou « cdce <commande> --help ».');
  return 1;
}
