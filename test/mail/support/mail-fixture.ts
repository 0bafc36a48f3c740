import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type CommuneCommand, communeDecider, communeStreamId } from '@cdce/communes';
import { type CommandContext, handleCommand, SqliteEventStore } from '@cdce/eventsourcing';
import { type Person, SqlitePeopleDirectory } from '@cdce/people';
import { ManualClock } from '@cdce/platform';
import { type WebinarCommand, webinarDecider, webinarStreamId } from '@cdce/webinars';

/** A real event store and people directory on files in a fresh folder, and a clock moved by hand. */
export class MailFixture {
  readonly dir = fs.mkdtempSync(path.join(process.env.CDCE_TEST_DIR ?? os.tmpdir(), 'mail-'));
  readonly store = SqliteEventStore.open({ path: path.join(this.dir, 'events.sqlite') });
  readonly people = SqlitePeopleDirectory.open(path.join(this.dir, 'people.sqlite'));
  readonly clock = new ManualClock(new Date('2026-02-02T08:00:00.000Z'));
  private commands = 0;

  get outboxPath(): string {
    return path.join(this.dir, 'outbox.sqlite');
  }

  context(): CommandContext {
    const id = `cmd-${++this.commands}`;
    return {
      actor: { id: 'person-coordination-1', role: 'coordination' },
      commandId: id,
      correlationId: id,
      causationId: id,
    };
  }

  commune(nis: string, type: CommuneCommand['type'], data: object) {
    const command = { type, data, now: this.clock.now().toISOString() } as CommuneCommand;
    return handleCommand(this.store, communeStreamId(nis), communeDecider, command, { context: this.context() });
  }

  webinar(webinarId: string, type: WebinarCommand['type'], data: object) {
    const command = { type, data, now: this.clock.now().toISOString() } as WebinarCommand;
    return handleCommand(this.store, webinarStreamId(webinarId), webinarDecider, command, { context: this.context() });
  }

  /** A candidate commune whose COPIL has these members (registered in the directory). */
  async communeWithCopil(nis: string, members: readonly Omit<Person, 'communes' | 'roles'>[]): Promise<void> {
    await this.commune(nis, 'OpenCandidacy', { nis });
    for (const member of members) {
      await this.people.register({ ...member, communes: [nis], roles: ['membre du COPIL'] });
      await this.commune(nis, 'AddCopilMember', {
        personId: member.personId,
        role: 'member',
        sector: 'citizen',
        joinedOn: '2026-01-15',
      });
    }
  }

  async close(): Promise<void> {
    this.people.close();
    await this.store.close();
  }
}
