import { RecordedCommands } from './recorded-commands';

describe('RecordedCommands, shared by the folds of one stream', () => {
  it('shows a fold only the commands recorded up to its revision', () => {
    const commands = new RecordedCommands();
    commands.record('open', 0n);
    // Given a fold at revision 0, when a later command records revisions 1 to 3 in the shared table…
    [1n, 2n, 3n].forEach((revision) => commands.record('add-three', revision));
    // …then the older fold still does not see it, and the newer one sees all of its events.
    expect(commands.find('add-three', 0n)).toBeUndefined();
    expect(commands.find('add-three', 3n)).toEqual({ from: 1n, to: 3n });
    expect(commands.find('open', 0n)).toEqual({ from: 0n, to: 0n });
    expect(commands.find('never-sent', 3n)).toBeUndefined();
  });

  it('is unchanged when a fold replays events it already holds', () => {
    const commands = new RecordedCommands();
    [4n, 5n].forEach((revision) => commands.record('twice', revision));
    // A second fold that started before revision 4 reads the same events again.
    commands.record('twice', 4n);
    expect(commands.find('twice', 5n)).toEqual({ from: 4n, to: 5n });
    commands.record('twice', 5n);
    expect(commands.find('twice', 5n)).toEqual({ from: 4n, to: 5n });
  });
});
