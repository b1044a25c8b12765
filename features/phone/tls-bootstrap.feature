@PHONE
Feature: Lync Phone Edition sign-in and the intermediate certificate
  The field notes, "Lync Phone edition TLS handshake fail with USB tethering out of box": during PIN
  authentication the phone connects to the Lync server over port 80 to download the intermediate
  certificate; during USB tethering it skips that step and goes straight to the TLS handshake, which
  fails because the phone does not yet have the intermediate certificate. (The notes say "USB
  tethering"; Better Together over Ethernet belongs to later phones.) The pool presents only its own
  certificate in the handshake.

  Rule: PHONE-01 With PIN authentication the phone first fetches the intermediate certificate over HTTP (port 80) from the Lync server, then completes the TLS handshake on 443

    @PHONE-01 @documented
    Example: A new phone signs in with extension and PIN
      Given the pool's certificate is issued by a public CA's intermediate certificate
      And a Lync Phone Edition fresh from the factory
      When the user signs in on the phone with PIN authentication
      Then the phone downloads the certificate chain over HTTP before the TLS handshake
      And the phone registers

    @PHONE-01 @documented
    Example: The chain download and the sign-in are two endpoints with two roles
      Given the pool's certificate is issued by a public CA's intermediate certificate
      And a Lync Phone Edition fresh from the factory
      When the user signs in on the phone with PIN authentication
      Then the chain download and the sign-in reach two different endpoints of the pool: its web service, then its registrar

  Rule: PHONE-02 With USB tethering the phone skips that fetch and goes straight to TLS on 443; the handshake fails because the phone lacks the intermediate certificate

    @PHONE-02 @documented
    Example: USB tethering does not download the chain
      Given the pool's certificate is issued by a public CA's intermediate certificate
      And a Lync Phone Edition fresh from the factory
      When the user signs in on the phone with USB tethering
      Then the phone goes straight to the TLS handshake without downloading the chain

    @PHONE-02 @documented @shows-failure
    Example: A new phone tethered over USB cannot complete the handshake
      Given the pool's certificate is issued by a public CA's intermediate certificate
      And a Lync Phone Edition fresh from the factory
      When the user signs in on the phone with USB tethering
      Then the TLS handshake fails because the phone lacks the intermediate certificate

  Rule: PHONE-03 USB tethering works after one successful PIN sign-in, because the intermediate was fetched then

    @PHONE-03 @documented
    Example: PIN first, then USB tethering
      Given the pool's certificate is issued by a public CA's intermediate certificate
      And a Lync Phone Edition fresh from the factory
      When the user signs in on the phone with PIN authentication
      Then the phone registers
      When the user signs in on the phone with USB tethering
      Then the phone goes straight to the TLS handshake without downloading the chain
      And the phone registers

  Rule: PHONE-04 A server certificate issued directly by a root the phone ships with (no intermediate) avoids the failure; CAs rarely issue that way

    @PHONE-04 @documented
    Scenario Outline: A certificate straight from a factory root, signing in with <path>
      Given the pool's certificate is issued directly by a root the phone ships with
      And a Lync Phone Edition fresh from the factory
      When the user signs in on the phone with <path>
      Then the phone registers

      Examples:
        | path               |
        | PIN authentication |
        | USB tethering      |
