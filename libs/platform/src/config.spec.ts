import * as path from 'node:path';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('defaults to the embedded SQLite store under var/', () => {
    const config = loadConfig({}, []);
    expect(config.eventStore).toEqual({ kind: 'sqlite', path: path.resolve('var/events.sqlite') });
    expect(config).toMatchObject({ port: 3000, host: '127.0.0.1', demo: false });
    expect(config.redisUrl).toBeUndefined();
  });

  it('turns the demo on with --demo or CDCE_DEMO=1', () => {
    expect(loadConfig({}, ['node', 'main.js', '--demo']).demo).toBe(true);
    expect(loadConfig({ CDCE_DEMO: '1' }, []).demo).toBe(true);
  });

  it('says which variable is wrong and what to use', () => {
    expect(() => loadConfig({ PORT: 'abc' }, [])).toThrow(
      new ConfigError('PORT=abc is not a TCP port: use a whole number from 0 to 65535.'),
    );
    expect(() => loadConfig({ EVENT_STORE: 'kurrentdb' }, [])).toThrow(/needs KURRENTDB_URL/);
    expect(() => loadConfig({ EVENT_STORE: 'postgres' }, [])).toThrow(/use "sqlite"/);
    expect(() => loadConfig({ REDIS_URL: 'http://x' }, [])).toThrow(/REDIS_URL must start with redis:/);
  });

  it('runs the worker inside the API by default, apart with CDCE_WORKER=off', () => {
    expect(loadConfig({}, [])).toMatchObject({ worker: 'embedded', mailer: true });
    expect(loadConfig({ CDCE_WORKER: 'off' }, []).worker).toBe('off');
    expect(() => loadConfig({ CDCE_WORKER: 'separate' }, [])).toThrow(/CDCE_WORKER=separate is not known/);
  });

  it('lets one worker out of several deliver the mail: CDCE_MAILER=on|off', () => {
    expect(loadConfig({ CDCE_MAILER: 'off' }, []).mailer).toBe(false);
    expect(loadConfig({ CDCE_MAILER: 'ON' }, []).mailer).toBe(true);
    expect(() => loadConfig({ CDCE_MAILER: 'maybe' }, [])).toThrow(/CDCE_MAILER=maybe is not a switch/);
  });
});
