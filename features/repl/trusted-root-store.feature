@REPL
Feature: Edge replication and the size of the Edge's trusted root store
  The field notes, "Windows Update December 2012 – KB931125 causes issues with Lync replication":
  the update "added over 300 Trusted Root CA's to the Trusted Root List. Anything over 120 apparently
  stops the replication service from being successful." The mechanism behind "about 120": Schannel
  names the trusted roots in the mutual-TLS handshake and cuts that list at 16 KB of names; with
  names of about 135 bytes each, about 120 fit. ABC Corp's own root sits after the public roots in
  the Edge's store, so once the list is cut the Front End finds its issuer missing and offers no
  certificate.

  Rule: REPL-01 Replication from the Front End to the Edge fails once the Edge's trusted root store holds more than about 120 certificates

    Scenario Outline: A Windows Server 2008 R2 Edge whose store holds <roots> trusted roots
      Given an Edge on Windows Server 2008 R2 whose trusted root store holds <roots> certificates
      When the Front End replicates the Central Management Store to the Edge
      Then the Edge sends <list>
      And replication <outcome>

      @REPL-01 @documented
      Examples: Stores within the limit
        | roots | list       | outcome  |
        | 100   | every root | succeeds |
        | 120   | every root | succeeds |

      @REPL-01 @documented @shows-failure
      Examples: Stores past the limit
        | roots | list                        | outcome |
        | 121   | an issuer list cut at 16 KB | fails   |
        | 300   | an issuer list cut at 16 KB | fails   |

    @REPL-01 @documented @shows-failure
    Example: Schannel warns that the list of trusted issuers grew too long
      Given an Edge on Windows Server 2008 R2 whose trusted root store holds 300 certificates
      When the Front End replicates the Central Management Store to the Edge
      Then Schannel logs event 36885 on the Edge
      And replication fails
      And Get-CsManagementStoreReplicationStatus shows the Edge with UpToDate False

    Scenario Outline: The run's Edge (its Windows version and SendTrustedIssuerList are settings) with <roots> roots
      Given the run's Edge, whose trusted root store holds <roots> certificates
      When the Front End replicates the Central Management Store to the Edge
      Then replication does what the documented rule predicts for this Edge

      @REPL-01 @documented
      Examples:
        | roots |
        | 100   |
        | 121   |
        | 300   |

  Rule: REPL-02 The December 2012 root certificate update (KB931125) added over 300 trusted roots, which is how stores pass that limit

    @REPL-02 @documented
    Example: Before the update, the Edge's small store replicates
      Given an Edge on Windows Server 2008 R2 whose trusted root store holds 20 certificates
      When the Front End replicates the Central Management Store to the Edge
      Then replication succeeds
      And Get-CsManagementStoreReplicationStatus shows the Edge with UpToDate True

    @REPL-02 @documented @shows-failure
    Example: KB931125's 300+ roots stop replication
      Given an Edge on Windows Server 2008 R2 whose trusted root store holds 20 certificates
      When the December 2012 root update KB931125 is installed on the Edge
      And the Front End replicates the Central Management Store to the Edge
      Then the trusted root store holds more than 300 certificates
      And the Edge sends an issuer list cut at 16 KB
      And replication fails

  Rule: REPL-04 Deleting unneeded certificates until every trusted CA store holds fewer than 120 also restores replication

    @REPL-04 @documented
    Example: Pruning the store to 119 roots restores replication without a restart
      Given an Edge on Windows Server 2008 R2 whose trusted root store holds 300 certificates
      When the Front End replicates the Central Management Store to the Edge
      Then replication fails
      When an administrator deletes unneeded roots until the Edge's store holds 119 certificates
      And the Front End replicates the Central Management Store to the Edge
      Then the Edge sends every root
      And replication succeeds

    # "Any of the trusted CA stores": the Edge has three. Schannel names one of them in the list (the
    # Trusted Root store, or on Windows Server 2012 the Client Authentication Issuers store when it
    # holds anything); the Intermediate CA store only helps build the Front End's chain.
    @REPL-04 @documented
    Example: A full Intermediate CA store does not stop replication: its certificates are not in the list
      Given an Edge on Windows Server 2008 R2 whose trusted root store holds 100 certificates
      And the Edge's Intermediate Certification Authorities store holds 300 certificates
      When the Front End replicates the Central Management Store to the Edge
      Then the Edge sends every root
      And replication succeeds

    @REPL-04 @documented @shows-failure
    Example: On Windows Server 2012 a full Client Authentication Issuers store stops replication; pruning it restores it
      Given an Edge on Windows Server 2012 with SendTrustedIssuerList 1 whose trusted root store holds 100 certificates
      And the Edge's Client Authentication Issuers store holds 300 certificates
      When the Front End replicates the Central Management Store to the Edge
      Then replication fails
      When an administrator deletes unneeded certificates until the Edge's Client Authentication Issuers store holds 119
      And the Front End replicates the Central Management Store to the Edge
      Then replication succeeds

    @REPL-04 @documented
    Example: With Client Authentication Issuers in use, a Trusted Root store of 300 no longer matters
      Given an Edge on Windows Server 2012 with SendTrustedIssuerList 1 whose trusted root store holds 300 certificates
      And the Edge's Client Authentication Issuers store holds 119 certificates
      When the Front End replicates the Central Management Store to the Edge
      Then replication succeeds
