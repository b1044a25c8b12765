import { type Verdict, verdict } from './verdict';

/**
 * GAL-03: msRTCSIP-PrimaryUserAddress must carry the lower-case `sip:` prefix; a bare address is a
 * defect. An absent value is not a format defect (GAL-02 covers missing SIP addresses).
 */
export function sipAddressFormat(value: string | undefined): Verdict<'ok' | 'absent' | 'bare' | 'malformed'> {
  if (value === undefined || value.trim() === '')
    return verdict('absent', ['GAL-02'], 'no msRTCSIP-PrimaryUserAddress');
  if (/^sip:[^@\s]+@[^@\s]+$/.test(value))
    return verdict('ok', ['GAL-03'], `carries the sip: prefix (${value})`);
  if (/^[^@\s:]+@[^@\s]+$/.test(value))
    return verdict('bare', ['GAL-03'], `"${value}" lacks the sip: prefix`);
  return verdict('malformed', ['GAL-03'], `"${value}" is not a sip:user@domain address`);
}
