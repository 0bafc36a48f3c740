// Public API of the demo lib: a deterministic history of the campaign, sent through the real command path.
export {
  buildDemoHistory,
  planDemoHistory,
  DEFAULT_DEMO_SEED,
  type BuildDemoHistoryOptions,
  type DemoHistoryReport,
} from './build-demo-history';
export { runDemo, PEOPLE_FILE, type RunDemoOptions, type RunDemoOutcome } from './run-demo';
export {
  BASTOGNE_MERGER,
  BASTOGNE_TITLED_ON,
  DEMO_COORDINATION_ACTOR,
  DEMO_HORIZON,
  FAIR_O_METER_EDITIONS,
  LOCAL_ELECTIONS,
} from './campaign-calendar';
export type { DemoStep } from './story-writer';
