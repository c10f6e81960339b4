/**
 * The `orbwatch` command: the composition root (config → adapters → use cases).
 * @module
 */
import { Command, CommanderError } from 'commander';

export async function main(argv: readonly string[]): Promise<number> {
  const program = new Command('orbwatch')
    .description('orbwatch: monitor satellite behaviour from public orbital data')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    throw e;
  }
}
