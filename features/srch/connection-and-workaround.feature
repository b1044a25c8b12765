@SRCH
Feature: What the EWS and MAPI connections need, and the work-around when search fails
  The field notes: "the SIP address of the user performing the search should match their email
  address otherwise the EWS and MAPI connection will fail and the user may receive authentication
  prompts"; EWS "requires the Exchange autodiscover record to be correctly configured to point to
  Exchange Online"; "Lync Online does not download a Lync address book"; and the work-around "for
  each user to type in the full SIP address".

  Rule: SRCH-06 The searching user's SIP address must equal their email address; otherwise the EWS and MAPI connections fail with authentication prompts

    @SRCH-06 @documented
    Example: Pat Kim's SIP address equals her mail address, so both connections work
      Given "Pat Kim" uses Lync 2013 for Windows with Outlook 2013 in cached mode
      And Outlook has downloaded the Offline Address Book
      When "Pat Kim" searches for "Jed"
      Then Lync does not ask "Pat Kim" for credentials
      And the search finds "Jed Hill"

    @SRCH-06 @documented @shows-failure
    Example: Sam Wu signs in with a SIP address that is not his mail address
      Given "Sam Wu" uses Lync 2013 for Windows with Outlook 2013 in cached mode
      And Outlook has downloaded the Offline Address Book
      When "Sam Wu" searches for "Jed"
      Then Lync asks "Sam Wu" for credentials
      And the search does not find "Jed Hill"
      And the search does not find "Lee Chan"

    @SRCH-06 @documented @tenant-check
    Example: Every licensed Lync Online user's SIP address is compared with their mail address
      When every licensed Lync Online user signs in to Exchange with their SIP address
      Then each user whose SIP address differs from their mail address is reported

  Rule: SRCH-07 The EWS connection needs the Exchange Autodiscover record to point at Exchange Online

    @SRCH-07 @documented
    Example: With the record pointing at Exchange Online, Lync makes its EWS look-up
      Given "Pat Kim" uses Lync for Mac
      When "Pat Kim" searches for "Lee"
      Then Lync makes its EWS look-up

    @SRCH-07 @documented @shows-failure
    Scenario Outline: With the Autodiscover record <record>, there is no EWS look-up
      Given "Pat Kim" uses Lync for Mac
      And the Autodiscover record of Pat Kim's domain <record>
      When "Pat Kim" searches for "Lee"
      Then Lync makes no EWS look-up
      And the search does not find "Lee Chan"

      Examples:
        | record                                  |
        | is missing                              |
        | points at a server that does not answer |

  Rule: SRCH-08 Lync Online downloads no Lync address book; an on-premises Lync Server does

    @SRCH-08 @documented
    Example: Lync 2013 for Windows signed in to Lync Online looks contacts up without an address book
      Given "Pat Kim" uses Lync 2013 for Windows without Outlook
      When "Pat Kim" searches for "Lee"
      Then Lync downloads no Lync address book
      And the search finds "Lee Chan"

    @SRCH-08 @documented
    Example: Lync 2010 for Windows signed in to ABC's Lync Server downloads the Lync address book and finds an external contact in it
      Given "Anna Berg" uses Lync 2010 for Windows signed in to ABC's Lync Server on-premises
      When "Anna Berg" searches the Lync address book for "Pat"
      Then Lync downloads the Lync address book from the pool
      And the address book search finds "Pat Kim"

  Rule: SRCH-09 Typing the contact's full SIP address starts an IM with an external contact that search cannot find

    @SRCH-09 @documented
    Scenario Outline: In <client>, typing Jed Hill's SIP address reaches him although search cannot find him
      Given "Pat Kim" uses <client>
      When "Pat Kim" searches for "Jed"
      Then the search does not find "Jed Hill"
      When "Pat Kim" searches for "sip:jed.hill@fabrikam.example"
      Then Lync can start an IM with "sip:jed.hill@fabrikam.example"

      Examples:
        | client                                                 |
        | Lync for Mac                                           |
        | Lync Mobile                                            |
        | OWA                                                    |
        | Lync 2013 for Windows with Outlook 2013 in online mode |
