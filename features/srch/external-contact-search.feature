@SRCH
Feature: Who can find an external contact in Lync Online
  The field notes: Lync Online look-ups query the Unified Contact Store through EWS, which holds
  licensed Lync Online users and no GAL external contacts. "The only Lync client that can search and
  find external contacts is the Lync client for Windows when installed on a computer with Outlook
  configured for cached mode, with a local copy of the Offline Address Book."
  Jed Hill is the notes' external contact: a contact in XYZ's directory with a made-up SIP address.

  Rule: SRCH-01 Lync Online look-ups go through EWS to the Unified Contact Store, which holds licensed Lync Online users and no GAL external contacts

    @SRCH-01 @documented
    Example: A licensed Lync Online user is found through EWS
      Given "Pat Kim" uses Lync for Mac
      When "Pat Kim" searches for "Lee"
      Then the search finds "Lee Chan"
      And the Unified Contact Store answers the EWS look-up with "Lee Chan"

    @SRCH-01 @documented @shows-failure
    Example: A GAL external contact is not in the Unified Contact Store
      Given "Pat Kim" uses Lync for Mac
      When "Pat Kim" searches for "Anna"
      Then the search does not find "Anna Berg"
      And the Unified Contact Store answers the EWS look-up with nobody

  Rule: SRCH-02 Lync Mobile, Lync for Mac and the Lync presence integrated in OWA use EWS only, so they never find external contacts

    @SRCH-02 @documented
    Scenario Outline: <client> finds licensed Lync Online users
      Given "Pat Kim" uses <client>
      When "Pat Kim" searches for "Ola"
      Then the search finds "Ola Berg"

      Examples:
        | client       |
        | Lync for Mac |
        | Lync Mobile  |
        | OWA          |

    @SRCH-02 @documented @shows-failure
    Scenario Outline: <client> does not find Jed Hill by first name
      Given "Pat Kim" uses <client>
      When "Pat Kim" searches for "Jed"
      Then the search does not find "Jed Hill"

      Examples:
        | client            |
        | Lync for Mac      |
        | Lync for Mac 2011 |
        | Lync Mobile       |
        | OWA               |

  Rule: SRCH-03 Lync for Windows with Outlook in cached mode and the OAB downloaded adds a MAPI query that Outlook answers from the local OAB, so it finds external contacts

    @SRCH-03 @documented
    Example: The notes' screenshot: searching by first name returns Jed Hill
      Given "Pat Kim" uses Lync 2013 for Windows with Outlook 2013 in cached mode
      And Outlook has downloaded the Offline Address Book
      When "Pat Kim" searches for "Jed"
      Then the search finds "Jed Hill"

    @SRCH-03 @documented
    Example: A GALSync contact of the other company is found the same way
      Given "Lee Chan" uses Lync 2013 for Windows with Outlook 2013 in cached mode
      And Outlook has downloaded the Offline Address Book
      When "Lee Chan" searches for "Anna"
      Then the search finds "Anna Berg"

    @SRCH-03 @documented
    Example: A GALSync contact that DirSync did not export is found by no client
      Given "Pat Kim" uses Lync 2013 for Windows with Outlook 2013 in cached mode
      And Outlook has downloaded the Offline Address Book
      When "Pat Kim" searches for "Fiona"
      Then the search does not find "Fiona Grant"

    @SRCH-03 @documented @tenant-check
    Example: Which external contacts each client finds by first name
      When every external contact of the online forest is searched for by first name from each client
      Then each contact is found only where the notes say, and every exception is reported

  Rule: SRCH-04 With Outlook in online mode the MAPI query is answered by the same EWS query against the UCS, so no external contacts are found

    @SRCH-04 @documented
    Example: In online mode Lync still finds licensed users through EWS
      Given "Pat Kim" uses Lync 2013 for Windows with Outlook 2013 in online mode
      When "Pat Kim" searches for "Lee"
      Then the search finds "Lee Chan"

    @SRCH-04 @documented @shows-failure
    Example: In online mode Lync does not find Jed Hill, though the profile holds an Offline Address Book
      Given "Pat Kim" uses Lync 2013 for Windows with Outlook 2013 in online mode
      And Outlook has downloaded the Offline Address Book
      When "Pat Kim" searches for "Jed"
      Then the search does not find "Jed Hill"

  Rule: SRCH-05 Lync and Outlook must be the same version; mixed versions get no MAPI supplement

    @SRCH-05 @documented
    Scenario Outline: Lync 2013 for Windows with Outlook <outlook> in <mode> mode, searching for Jed
      Given "Pat Kim" uses Lync 2013 for Windows with Outlook <outlook> in <mode> mode
      And Outlook has downloaded the Offline Address Book
      When "Pat Kim" searches for "Jed"
      Then the search <result> "Jed Hill"

      Examples: Same version
        | outlook | mode   | result |
        | 2013    | cached | finds  |

      @shows-failure
      Examples: Mixed versions, or online mode
        | outlook | mode   | result        |
        | 2010    | cached | does not find |
        | 2010    | online | does not find |
        | 2013    | online | does not find |

    @SRCH-03 @SRCH-04 @SRCH-05 @documented
    Example: With this run's Lync and Outlook (the settings lyncVersion, outlookVersion, outlookMode), Jed Hill is found exactly where the model says
      Given "Pat Kim" uses this run's Lync for Windows and Outlook
      And Outlook has downloaded the Offline Address Book
      When "Pat Kim" searches for "Jed"
      Then the search finds "Jed Hill" exactly where the model says

  Rule: SRCH-10 A new Outlook profile has no OAB yet; external contacts appear only after its first OAB download

    @SRCH-10 @documented @shows-failure
    Example: A fresh profile does not find Jed Hill
      Given "Pat Kim" uses Lync 2013 for Windows with Outlook 2013 in cached mode
      Then Outlook's Offline Address Books folder holds no .oab file
      When "Pat Kim" searches for "Jed"
      Then the search does not find "Jed Hill"

    @SRCH-10 @documented
    Example: After the first OAB download Jed Hill appears
      Given "Pat Kim" uses Lync 2013 for Windows with Outlook 2013 in cached mode
      And Outlook has downloaded the Offline Address Book
      Then Outlook's Offline Address Books folder holds .oab files
      When "Pat Kim" searches for "Jed"
      Then the search finds "Jed Hill"
