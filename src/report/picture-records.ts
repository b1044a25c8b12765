/**
 * What a scenario attaches for the report's pictures: what the run observed, never what a rule says.
 * The steps write these records (steps/oab, steps/repl); the report draws them (svg-*.ts).
 */

export const OAB_TIMELINE_MEDIA_TYPE = 'application/vnd.lync-harness.oab-timeline+json';
export const ISSUER_LIST_MEDIA_TYPE = 'application/vnd.lync-harness.issuer-list+json';

/** One OAB scenario on the virtual clock; every time is ISO 8601. */
export interface OabTimelineRecord {
  /** The schedule profile the Exchange mock ran. */
  profile: string;
  /** The virtual clock when the scenario ended. */
  end: string;
  /** The change the scenario watched: an external contact created in the cloud directory. */
  change?: { at: string; name: string };
  /** Exchange's `oab.generate` journal entries. */
  generations: Array<{ at: string; sequence?: number; records?: number }>;
  /** Exchange's `oab.distribute` journal entries: `copied` when the poll brought a new OAB to the virtual directory. */
  distributions: Array<{ at: string; copied: boolean; sequence?: number }>;
  /** Outlook's checks for a new OAB, as the Outlook simulator made them. */
  outlook: Array<{
    at: string;
    outcome: string;
    sequence?: number;
    /** What a download fetched: `diff` (the differential files, `files` of them) or `full`. */
    kind?: string;
    files?: number;
    /** Why Outlook fetched the Full file when it could have patched the OAB it had. */
    fallback?: string;
  }>;
  /** When the change first appeared in Outlook's local OAB (observed after each download), if it did. */
  searchable?: string;
}

/** One replication attempt of a REPL scenario: the Edge's issuer list as bytes, and the Front End's issuer. */
export interface IssuerListRecord {
  /** 1 for the scenario's first replication, 2 for the next, ... */
  attempt: number;
  edge: {
    os: string;
    /** SendTrustedIssuerList as Schannel read it at the Edge's last start: whether it sends a list at all. */
    sendsList: boolean;
    /** The store whose certificates the list names (Root, or ClientAuthIssuer). */
    source: string;
  };
  /** The size past which Schannel cuts the list, as the TLS probe checks it (bytes). */
  limit: number;
  /** What the CertificateRequest carried on the wire: each name's bytes with its 2-byte length. */
  sent: { nameBytes: number[] };
  /** Every name of the source store, in store order, with its bytes on the wire (as the Edge reports it). */
  store: { nameBytes: number[] };
  frontEnd: {
    /** The issuer up the Front End's chain that the store holds (its subject), if any. */
    issuer: string | null;
    /** Where that issuer sits in the store (0-based), or null when the store does not hold it. */
    storeIndex: number | null;
    /** Whether the issuer list on the wire named it. */
    listed: boolean;
    /** The certificate the Front End offered, or null for none. */
    offered: string | null;
    /** Whether the Edge applied the snapshot. */
    replicated: boolean;
  };
}

export type PictureRecord =
  | { kind: 'oab-timeline'; scenario: string; record: OabTimelineRecord }
  | { kind: 'issuer-list'; scenario: string; record: IssuerListRecord };

/** A picture as the report holds it: a checked record, or why a record could not be drawn. */
export type ReportPicture = PictureRecord | { kind: 'unreadable'; scenario: string; problem: string };

const isTime = (v: unknown) => typeof v === 'string' && !Number.isNaN(Date.parse(v));
const isCountList = (v: unknown) =>
  Array.isArray(v) && v.every((n) => Number.isInteger(n) && (n as number) >= 0);

function oabProblem(r: OabTimelineRecord): string | undefined {
  if (typeof r.profile !== 'string') return 'no schedule profile';
  if (!isTime(r.end)) return 'no end time';
  if (r.change && (!isTime(r.change.at) || typeof r.change.name !== 'string')) return 'a malformed change';
  for (const list of ['generations', 'distributions', 'outlook'] as const)
    if (!Array.isArray(r[list]) || !r[list].every((e) => isTime(e.at))) return `malformed ${list}`;
  if (r.searchable !== undefined && !isTime(r.searchable)) return 'a malformed searchable time';
  return undefined;
}

function issuerProblem(r: IssuerListRecord): string | undefined {
  if (!Number.isInteger(r.attempt) || r.attempt < 1) return 'no attempt number';
  if (!r.edge || typeof r.edge.sendsList !== 'boolean') return 'no Edge description';
  if (!Number.isInteger(r.limit) || r.limit <= 0) return 'no limit';
  if (!isCountList(r.sent?.nameBytes) || !isCountList(r.store?.nameBytes)) return 'malformed name sizes';
  const f = r.frontEnd;
  if (!f || (f.storeIndex !== null && !(Number.isInteger(f.storeIndex) && f.storeIndex >= 0)))
    return "a malformed Front End's issuer";
  if (f.storeIndex !== null && f.storeIndex >= r.store.nameBytes.length)
    return `the Front End's issuer at index ${f.storeIndex} of a store of ${r.store.nameBytes.length}`;
  return undefined;
}

/**
 * A picture record from an attachment, checked: a malformed one (a step's bug, or a record of another
 * harness version) becomes an error text the page shows instead of the picture, never a broken drawing.
 */
export function readPictureRecord(
  mediaType: string,
  body: string,
  scenario: string,
): ReportPicture | undefined {
  if (mediaType !== OAB_TIMELINE_MEDIA_TYPE && mediaType !== ISSUER_LIST_MEDIA_TYPE) return undefined;
  let record: unknown;
  try {
    record = JSON.parse(body);
  } catch {
    return { kind: 'unreadable', scenario, problem: `${mediaType} is not JSON` };
  }
  const problem =
    !record || typeof record !== 'object'
      ? 'not an object'
      : mediaType === OAB_TIMELINE_MEDIA_TYPE
        ? oabProblem(record as OabTimelineRecord)
        : issuerProblem(record as IssuerListRecord);
  if (problem) return { kind: 'unreadable', scenario, problem: `${mediaType}: ${problem}` };
  return mediaType === OAB_TIMELINE_MEDIA_TYPE
    ? { kind: 'oab-timeline', scenario, record: record as OabTimelineRecord }
    : { kind: 'issuer-list', scenario, record: record as IssuerListRecord };
}
