/**
 * `--territory network:all` given to the commands that read or store collected responses, and
 * to `olva token`: each says which command reads the network, or the scope that does, in
 * command-line words (the collector's speak of its routes and of a token's scope).
 */
import { describe, expect, it } from 'vitest';
import { memoryIo } from '@olva/test-support/command-io';
import * as exportCommand from './commands/export.js';
import * as importCommand from './commands/import.js';
import * as statsCommand from './commands/stats.js';
import * as tokenCommand from './commands/token.js';

const FR = { LANG: 'fr_FR.UTF-8' };
// The territory is refused before any file is read: these need not exist.
const config = ['--config', 'absent/olva.config.json'];

describe('--territory network:all outside the results commands', () => {
  it('names the commands that read the network, for export, stats and import', async () => {
    for (const [name, command, argv] of [
      ['export', exportCommand, [...config, '--questionnaire', 'olva-core', '--territory', 'network:all']],
      ['stats', statsCommand, [...config, '--territory', 'network:all']],
      ['import', importCommand, ['absent.csv', ...config, '--wave', '2024', '--territory', 'network:all']],
    ] as const) {
      const m = memoryIo(FR);
      expect(await command.run([...argv], m.io), name).toBe(2);
      expect(m.err(), name).toMatch(new RegExp(`^olva ${name} : --territory : network:all désigne les résultats de l’ensemble du réseau, que lisent olva analyse et olva crosstab --territory network:all ; ici, nommez des territoires qui collectent \\(niveau:code\\), ou aucun pour tous \\[network-results-only\\]\\n`));
    }
    const en = memoryIo({ LANG: 'en_GB.UTF-8' });
    expect(await statsCommand.run([...config, '--territory', 'network:all'], en.io)).toBe(2);
    expect(en.err()).toContain('--territory: network:all names the whole network\'s results, which olva analyse and olva crosstab --territory network:all read');
  });

  it('gives olva token the scope that reads and publishes the network: --territory all', async () => {
    const m = memoryIo(FR);
    expect(await tokenCommand.run(['--name', 'rnma', '--territory', 'network:all', '--rights', 'stats,publish'], m.io)).toBe(2);
    expect(m.err()).toBe('olva token : --territory : network:all n’est pas une portée de jeton ; le jeton qui lit (stats) et publie (publish) les résultats de l’ensemble du réseau a la portée de tous les territoires : --territory all [network-scope]\n');
    expect(m.out()).toBe('');
  });
});
