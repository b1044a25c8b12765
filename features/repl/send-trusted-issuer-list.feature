@REPL
Feature: The SendTrustedIssuerList registry value on the Edge
  The field notes, resolution option 1: add the DWORD SendTrustedIssuerList with value 0 under
  HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL; "Once we added the registry key and
  restarted, replication began to work again." Windows Server 2012 already defaults to 0, Windows
  Server 2008 R2 to 1.

  Rule: REPL-03 Setting the DWORD SendTrustedIssuerList to 0 under the SCHANNEL key stops Schannel sending (and truncating) the trusted issuer list; replication works again after a restart

    @REPL-03 @documented
    Example: The notes' fix on a Windows Server 2008 R2 Edge with KB931125's roots
      Given an Edge on Windows Server 2008 R2 whose trusted root store holds 300 certificates
      When an administrator sets SendTrustedIssuerList to 0 on the Edge
      And the Edge restarts
      And the Front End replicates the Central Management Store to the Edge
      Then the Edge sends no issuer list
      And replication succeeds

    @REPL-03 @documented
    Scenario Outline: <windows> with SendTrustedIssuerList <value> and <roots> roots
      Given an Edge on <windows> with SendTrustedIssuerList <value> whose trusted root store holds <roots> certificates
      When the Front End replicates the Central Management Store to the Edge
      Then the Edge sends <list>
      And replication <outcome>

      Examples:
        | windows                | value | roots | list                        | outcome  |
        | Windows Server 2008 R2 | unset | 100   | every root                  | succeeds |
        | Windows Server 2008 R2 | unset | 300   | an issuer list cut at 16 KB | fails    |
        | Windows Server 2008 R2 | 0     | 300   | no issuer list              | succeeds |
        | Windows Server 2008 R2 | 1     | 121   | an issuer list cut at 16 KB | fails    |
        | Windows Server 2012    | unset | 300   | no issuer list              | succeeds |
        | Windows Server 2012    | 0     | 121   | no issuer list              | succeeds |
        | Windows Server 2012    | 1     | 100   | every root                  | succeeds |
        | Windows Server 2012    | 1     | 300   | an issuer list cut at 16 KB | fails    |

  Rule: REPL-05 The registry value has no effect until the server restarts

    @REPL-05 @derived @shows-failure
    Example: The value is written but the Edge has not restarted
      Given an Edge on Windows Server 2008 R2 whose trusted root store holds 300 certificates
      When an administrator sets SendTrustedIssuerList to 0 on the Edge
      And the Front End replicates the Central Management Store to the Edge
      Then the Edge sends an issuer list cut at 16 KB
      And replication fails

    @REPL-05 @derived
    Example: After the restart the value takes effect
      Given an Edge on Windows Server 2008 R2 whose trusted root store holds 300 certificates
      When an administrator sets SendTrustedIssuerList to 0 on the Edge
      And the Front End replicates the Central Management Store to the Edge
      Then replication fails
      When the Edge restarts
      And the Front End replicates the Central Management Store to the Edge
      Then replication succeeds
