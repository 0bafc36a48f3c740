/** The reminder policy in force (deadlines, notice days, sending hours). */
export const REMINDER_POLICY = Symbol.for('cdce.ReminderPolicy');
