/** Times as the notes write them ("Tuesday 05:00"), on the virtual clock that starts Monday 1 December 2014. */
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/**
 * "Tuesday 05:00" in the week of the virtual clock's start (Monday 1 December 2014); "week 6 Monday
 * 09:00" in a later week (as weekTimeText writes it).
 */
export function weekTime(text: string): number {
  const m =
    /^(?:week (\d+) )?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) (\d{2}):(\d{2})$/.exec(
      text.trim(),
    );
  if (!m) throw new Error(`[steps] "${text}" is not a time such as "Monday 09:00" or "week 2 Monday 09:00"`);
  const week = m[1] === undefined ? 0 : Number(m[1]) - 1;
  return Date.UTC(2014, 11, 1 + 7 * week + DAYS.indexOf(m[2]), Number(m[3]), Number(m[4]));
}

export function weekTimeText(t: number): string {
  const d = new Date(t);
  const day = DAYS[(d.getUTCDay() + 6) % 7];
  const week = Math.floor((t - Date.UTC(2014, 11, 1)) / (7 * 86_400_000));
  const hhmm = d.toISOString().slice(11, 16);
  return `${week > 0 ? `week ${week + 1} ` : ''}${day} ${hhmm}`;
}

/** A wait as the notes would say it: "43 hours", "53 hours 59 minutes". */
export function durationText(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${h} hours${m ? ` ${m} minutes` : ''}`;
}
