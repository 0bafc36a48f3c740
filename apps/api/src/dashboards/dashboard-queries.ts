import { BadRequestException, Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { campaignCommune, CRITERIA_SETS, type CriteriaSets, MUNICIPALITIES } from '@cdce/communes';
import { activityFeed, communePartners, dashboardFigures, reviewQueue, type ReviewQueuePage } from '@cdce/dashboards';
import { EVENT_STORE, type EventStore } from '@cdce/eventsourcing';
import { CLOCK, type Clock } from '@cdce/platform';
import { SqliteReadModelStore } from '@cdce/projections';
import type { MunicipalityRegistry } from '@cdce/reference';
import { ReadYourWrites } from '../read-models/read-your-writes';

/** The dashboards' reads for the HTTP edge: `now` from the clock, reference data and criteria sets injected. */
@Injectable()
export class DashboardQueries {
  constructor(
    private readonly readModels: SqliteReadModelStore,
    private readonly readYourWrites: ReadYourWrites,
    @Inject(MUNICIPALITIES) private readonly municipalities: MunicipalityRegistry,
    @Inject(CRITERIA_SETS) private readonly criteriaSets: CriteriaSets,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /**
   * Waits until this node's read models have applied `minPosition`. Answering with older data would break the
   * caller's read-your-writes, so past the wait the answer is 503 (retry shortly) rather than a silent stale page.
   */
  async fresh(minPosition: string | undefined): Promise<void> {
    if (minPosition === undefined) return;
    await this.inLog(minPosition);
    if (await this.readYourWrites.waitFor(BigInt(minPosition))) return;
    throw new ServiceUnavailableException({
      code: 'READ_MODEL_BEHIND',
      detail: `The read models have not reached position ${minPosition} yet. Retry in a moment.`,
    });
  }

  /** Refuses a position this log never gave (another deployment, a typo): no wait can help. */
  async inLog(minPosition: string | undefined): Promise<void> {
    if (minPosition === undefined) return;
    const head = await this.store.headPosition();
    if (BigInt(minPosition) > head) {
      throw new BadRequestException({
        code: 'POSITION_NOT_IN_LOG',
        detail: `minPosition ${minPosition} is beyond the last position of the log (${head}): send a position returned by a command of this deployment.`,
      });
    }
  }

  dashboard() {
    return dashboardFigures(this.readModels, this.municipalities, this.clock.now());
  }

  reviewQueue(page: ReviewQueuePage) {
    return reviewQueue(this.readModels, this.municipalities, this.clock.now(), page);
  }

  partners(nis: string) {
    campaignCommune(this.municipalities, nis); // 404 for a code outside the campaign
    return communePartners(this.readModels, this.municipalities, this.criteriaSets, nis);
  }

  /** From the log itself: always current, whatever the read models' position. */
  activity(query: { limit?: number; before?: bigint; onlyNis?: readonly string[] }) {
    return activityFeed(this.store, this.municipalities, query);
  }
}
