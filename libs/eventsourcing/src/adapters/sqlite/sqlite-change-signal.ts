/**
 * Wakes subscriptions when the store file may have new events.
 * - Appends made in this process (by any store open on the same file) signal at once, right after their commit.
 * - Appends made by other processes are noticed by polling `PRAGMA data_version` every `pollIntervalMs`: a cheap
 *   read of the shared-memory index that changes whenever another connection commits. The poll only runs while some
 *   subscription is waiting for new events.
 */
export class SqliteChangeSignal {
  /** In-process listeners by file path, shared by every store opened in this process. */
  private static readonly local = new Map<string, Set<() => void>>();

  private readonly listeners = new Set<() => void>();
  private timer: NodeJS.Timeout | undefined;
  private lastVersion: number | undefined;

  constructor(
    private readonly path: string,
    private readonly readDataVersion: () => number,
    private readonly pollIntervalMs: number,
  ) {}

  /** Tells every store of this process open on the same file that events were committed. */
  committed(): void {
    SqliteChangeSignal.local.get(this.path)?.forEach((wake) => wake());
  }

  watch(wake: () => void): () => void {
    let peers = SqliteChangeSignal.local.get(this.path);
    if (!peers) SqliteChangeSignal.local.set(this.path, (peers = new Set()));
    peers.add(wake);
    this.listeners.add(wake);
    this.startPolling();
    return () => {
      peers.delete(wake);
      if (peers.size === 0) SqliteChangeSignal.local.delete(this.path);
      this.listeners.delete(wake);
      if (this.listeners.size === 0) this.stopPolling();
    };
  }

  stop(): void {
    this.stopPolling();
  }

  private startPolling(): void {
    if (this.timer) return;
    this.lastVersion = this.readDataVersion();
    this.timer = setInterval(() => this.poll(), this.pollIntervalMs);
  }

  private stopPolling(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private poll(): void {
    let version: number | undefined;
    try {
      version = this.readDataVersion();
    } catch {
      // Let the subscriptions read: they meet the same error and report it to their consumers.
      version = undefined;
    }
    if (version !== undefined && version === this.lastVersion) return;
    this.lastVersion = version;
    this.listeners.forEach((wake) => wake());
  }
}
