/** Injection tokens of the communes module. */
export const MUNICIPALITIES = Symbol.for('cdce.MunicipalityRegistry');
export const CRITERIA_SETS = Symbol.for('cdce.CriteriaSets');
