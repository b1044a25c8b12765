/** LDAP result codes and the diagnostic texts Active Directory sends with them (protocols.md §1.6). */
export const CODE = {
  success: 0,
  operationsError: 1,
  protocolError: 2,
  sizeLimitExceeded: 4,
  noSuchAttribute: 16,
  undefinedAttributeType: 17,
  constraintViolation: 19,
  attributeOrValueExists: 20,
  invalidAttributeSyntax: 21,
  noSuchObject: 32,
  invalidDnSyntax: 34,
  invalidCredentials: 49,
  insufficientAccessRights: 50,
  busy: 51,
  unavailable: 52,
  unwillingToPerform: 53,
  namingViolation: 64,
  objectClassViolation: 65,
  notAllowedOnNonLeaf: 66,
  entryAlreadyExists: 68,
  other: 80,
} as const;

export class LdapError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly matchedDn = '',
  ) {
    super(message);
  }
}

/** `data` sub-codes of a failed bind: 525 no such user, 52e bad password, 533 disabled. */
export function bindFailure(data: '525' | '52e' | '533' | '775'): LdapError {
  return new LdapError(
    CODE.invalidCredentials,
    `80090308: LdapErr: DSID-0C09042F, comment: AcceptSecurityContext error, data ${data}, v2580`,
  );
}

export const NOT_BOUND = new LdapError(
  CODE.operationsError,
  '000004DC: LdapErr: DSID-0C090A5C, comment: In order to perform this operation a successful bind must be completed on the connection., data 0, v4563',
);

/** A DN that does not exist: `bestMatch` is its closest existing ancestor ('' when none is). */
export function noSuchObject(bestMatch: string): LdapError {
  return new LdapError(
    CODE.noSuchObject,
    `0000208D: NameErr: DSID-0310021B, problem 2001 (NO_OBJECT), data 0, best match of:\n\t'${bestMatch}'\n`,
    bestMatch,
  );
}

/** A DN that does not parse (AD: problem 2006 BAD_NAME). */
export function invalidDn(dn: string): LdapError {
  return new LdapError(
    CODE.invalidDnSyntax,
    `0000208F: NameErr: DSID-03100225, problem 2006 (BAD_NAME), data 8350, best match of:\n\t'${dn}'\n`,
  );
}

export function objectClassViolation(why: string): LdapError {
  return new LdapError(
    CODE.objectClassViolation,
    `0000207D: UpdErr: DSID-031516FC, problem 6002 (OBJ_CLASS_VIOLATION), data 0 (${why})`,
  );
}

export function insufficientRights(why: string): LdapError {
  return new LdapError(
    CODE.insufficientAccessRights,
    `00002098: SecErr: DSID-03150F94, problem 4003 (INSUFF_ACCESS_RIGHTS), data 0 (${why})`,
  );
}

export const ENTRY_EXISTS = new LdapError(
  CODE.entryAlreadyExists,
  '00000524: UpdErr: DSID-031A11E2, problem 6005 (ENTRY_EXISTS), data 0\n',
);

export function badSyntax(attribute: string): LdapError {
  return new LdapError(
    CODE.invalidAttributeSyntax,
    `00000057: LdapErr: DSID-0C090D8A, comment: Error in attribute conversion operation, data 0, v4563 (${attribute} has an empty value)`,
  );
}
