/** A generated GAL of `size` objects as DirSync exports them: four mailboxes to each mail contact. */
export function galEntries(size: number) {
  return Array.from({ length: size }, (_, i) => {
    const contact = i % 5 === 4;
    const name = `Person${i} Family${i % 997}`;
    const local = `user${i}`;
    const domain = contact ? 'fabrikam.example' : 'bench.example';
    const attributes: Record<string, string[]> = {
      objectClass: ['top', 'person', 'organizationalPerson', contact ? 'contact' : 'user'],
      displayName: [name],
      givenName: [`Person${i}`],
      sn: [`Family${i % 997}`],
      mail: [`${local}@${domain}`],
      mailNickname: [local],
      proxyAddresses: [`SMTP:${local}@${domain}`],
      'msRTCSIP-PrimaryUserAddress': [`sip:${local}@${domain}`],
    };
    if (contact) attributes.targetAddress = [`SMTP:${local}@${domain}`];
    else attributes.userPrincipalName = [`${local}@bench.example`];
    return { dn: `CN=${name},OU=${contact ? 'External Contacts' : 'Users'},DC=bench,DC=example`, attributes };
  });
}
