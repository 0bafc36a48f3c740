import { Injectable, Logger } from '@nestjs/common';
import { Projector } from '@cdce/projections';

/** How long a command's response waits for this node's read models to show it. */
const WAIT_MS = 3000;

/**
 * After a command, the caller's next query must see its effect: the response waits until this node's projector has
 * applied the appended position. Past the timeout the response still goes out (the write is safe in the log) and a
 * warning is logged; queries also accept `minPosition` to wait themselves.
 */
@Injectable()
export class ReadYourWrites {
  private readonly logger = new Logger(ReadYourWrites.name);

  constructor(private readonly projector: Projector) {}

  async waitFor(position: bigint, timeoutMs = WAIT_MS): Promise<boolean> {
    if (position < 0n) return true;
    const reached = await this.projector.waitFor(position, timeoutMs);
    if (!reached) this.logger.warn(`read models still behind position ${position} after ${timeoutMs} ms`);
    return reached;
  }
}
