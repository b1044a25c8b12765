import type { FaultPlan, Journal, VirtualClock } from '../admin';
import { CODE, LdapError } from './ad-errors';
import { RESPONSE, result } from './ber';
import { bind, type Passwords } from './bind';
import type { DirectoryState } from './directory-state';
import { summarize } from './journal-summary';
import type { Connection, LdapRequest } from './listener';
import { rootDse, SUPPORTED_CONTROLS } from './root-dse';
import { PAGED_RESULTS_OID, search } from './search';
import { Session } from './session';
import { addEntry, deleteEntry, modifyEntry, renameEntry } from './write-ops';

export interface DcContext {
  state: DirectoryState;
  passwords: Passwords;
  journal: Journal;
  faults: FaultPlan;
  clock: VirtualClock;
}

const RESPONSE_OF: Record<string, number> = {
  bind: RESPONSE.bind,
  search: RESPONSE.search,
  add: RESPONSE.add,
  modify: RESPONSE.modify,
  delete: RESPONSE.delete,
  modifyDn: RESPONSE.modifyDn,
  extended: RESPONSE.extended,
  compare: RESPONSE.compare,
};

/**
 * What the journal keeps of an answer. The common ones (success with no entry count, or with up to 16
 * entries) are shared and frozen: ten thousand kept journal entries need not hold one each.
 */
function outcomeOf(code: number, entries?: number): Record<string, unknown> {
  if (code === CODE.success && entries === undefined) return SUCCESS;
  if (code === CODE.success && entries !== undefined && entries < FOUND.length) return FOUND[entries];
  return entries === undefined ? { code } : { code, entries };
}

const SUCCESS = Object.freeze({ code: CODE.success });
const FOUND = Array.from({ length: 17 }, (_, entries) => Object.freeze({ code: CODE.success, entries }));

/** The journal's name of each operation. */
const OPERATION: Record<Exclude<LdapRequest['op'], 'unbind' | 'abandon'>, string> = {
  bind: 'ldap.bind',
  search: 'ldap.search',
  add: 'ldap.add',
  modify: 'ldap.modify',
  delete: 'ldap.delete',
  modifyDn: 'ldap.modifyDn',
  extended: 'ldap.extended',
  compare: 'ldap.compare',
};

/** Answers one connection's requests: faults first, then the operation, then the journal entry. */
export class DomainController {
  private readonly sessions = new Map<Connection, Session>();

  constructor(private readonly ctx: DcContext) {}

  closed(conn: Connection): void {
    this.sessions.get(conn)?.close();
    this.sessions.delete(conn);
  }

  handle(conn: Connection, req: LdapRequest): void {
    if (req.op === 'unbind') {
      conn.destroy();
      return;
    }
    if (req.op === 'abandon') return;
    let session = this.sessions.get(conn);
    if (!session) {
      session = new Session(conn.id);
      this.sessions.set(conn, session);
    }
    const operation = OPERATION[req.op];
    const fault = this.ctx.faults.take(operation);
    if (!fault) {
      this.answer(conn, session, req, operation);
      return;
    }
    const fired = `${fault.kind}${fault.code !== undefined ? ` ${fault.code}` : ''}`;
    if (fault.kind === 'delay') {
      setTimeout(() => this.answer(conn, session, req, operation, fired), fault.delayMs ?? 0);
    } else if (fault.kind === 'reset') {
      this.record(req, operation, { dropped: true }, fired);
      conn.destroy();
    } else if (fault.kind === 'malformed') {
      this.record(req, operation, { malformed: true }, fired);
      conn.write(Buffer.from([0x30, 0x84, 0x7f, 0xff, 0xff, 0xff, 0x02]));
    } else {
      const code = Number(fault.code);
      const text =
        fault.message ??
        (code === CODE.busy
          ? '00002024: SvcErr: DSID-031A1246, problem 5001 (BUSY), data 0'
          : '00000037: SvcErr: DSID-03152E2A, problem 5002 (UNAVAILABLE), data 0');
      conn.write(result(req.messageId, RESPONSE_OF[req.op], code, text));
      this.record(req, operation, { code }, fired);
    }
  }

  private answer(
    conn: Connection,
    session: Session,
    req: LdapRequest,
    operation: string,
    fault?: string,
  ): void {
    let outcome: Record<string, unknown>;
    try {
      const answer = this.perform(session, req);
      conn.write(answer.bytes);
      outcome = outcomeOf(answer.code, answer.entries);
    } catch (error) {
      const e =
        error instanceof LdapError
          ? error
          : new LdapError(CODE.other, `[mock:ldap] ${(error as Error).message}`);
      conn.write(result(req.messageId, RESPONSE_OF[req.op], e.code, e.message, e.matchedDn));
      outcome = { code: e.code, message: e.message };
    }
    this.record(req, operation, outcome, fault);
  }

  private perform(
    session: Session,
    req: LdapRequest,
  ): { bytes: Buffer | Buffer[]; code: number; entries?: number } {
    const { state, passwords } = this.ctx;
    const ok = (op: number) => ({ bytes: result(req.messageId, op, CODE.success), code: CODE.success });
    switch (req.op) {
      case 'bind':
        if (req.sasl) throw new LdapError(7, 'only simple binds are supported by this mock DC');
        session.principal = bind(state.dit, passwords, req.name, req.password);
        return ok(RESPONSE.bind);
      case 'search': {
        if (req.base.trim() === '' && req.scope === 'base')
          return {
            bytes: rootDse(state.dit, this.ctx.clock.now(), req.messageId, req.filter, req.attributes),
            code: 0,
            entries: 1,
          };
        const unknown = req.controls.find((c) => c.critical && !SUPPORTED_CONTROLS.includes(c.oid));
        if (unknown)
          throw new LdapError(
            12,
            `00000057: LdapErr: DSID-0C090A67, comment: Error processing control ${unknown.oid}`,
          );
        if (req.controls.length === 0) return search(state.dit, session, req);
        const paged = req.controls.find((c) => c.oid === PAGED_RESULTS_OID)?.value as
          | { size: number; cookie: Buffer }
          | undefined;
        return search(state.dit, session, {
          ...req,
          paged: paged && { size: Number(paged.size) || 0, cookie: Buffer.from(paged.cookie ?? []) },
        });
      }
      case 'add':
        addEntry(
          state,
          session,
          req.dn,
          req.attributes.map((a) => ({ operation: 'add', ...a })),
        );
        return ok(RESPONSE.add);
      case 'modify':
        modifyEntry(state, session, req.dn, req.changes);
        return ok(RESPONSE.modify);
      case 'delete':
        deleteEntry(state, session, req.dn);
        return ok(RESPONSE.delete);
      case 'modifyDn':
        renameEntry(state, session, req.dn, req.newRdn, req.newSuperior);
        return ok(RESPONSE.modifyDn);
      case 'extended':
        throw new LdapError(
          CODE.protocolError,
          `00000057: LdapErr: DSID-0C090C7D, comment: Unrecognized extended operation ${req.name}`,
        );
      default:
        throw new LdapError(CODE.unwillingToPerform, `[mock:ldap] ${req.op} is not supported`);
    }
  }

  private record(
    req: LdapRequest,
    operation: string,
    outcome: Record<string, unknown>,
    fault?: string,
  ): void {
    const request = summarize(req);
    this.ctx.journal.record(fault ? { operation, request, outcome, fault } : { operation, request, outcome });
  }
}
