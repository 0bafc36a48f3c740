export const METRICS_REGISTRY = Symbol.for('cdce.MetricsRegistry');
