@PRES
Feature: Presence, IM and contact lists between Lync Online and external contacts
  The field notes, "IM/Presence Limitations": OWA's Lync integration shows no presence or IM button
  for an external contact, while the full Outlook client shows the IM button for an external contact
  with a SIP address; Lync Online users can pin at most 250 contacts and hold 200 concurrent presence
  subscriptions, past which IM and adding contacts still work but viewing presence says "Maximum
  Followers Reached" (KB2795173: the quota is really the watched person's 1,000 subscribed categories,
  five per follower). And Jed Hill, whose SIP address was made up, is found by search but shows
  presence unknown.

  Rule: PRES-01 OWA's Lync integration shows no presence and no IM button for an external contact; the full Outlook client shows the IM button for an external contact that has a SIP address

    Scenario Outline: <client> and an email from <sender>
      Given "Pat Kim" is signed in to Lync Online
      Then <client> <button> the IM button for an email from "<sender>"

      @PRES-01 @documented
      Examples: Where the rule holds
        | client          | sender    | button |
        | full Outlook    | Anna Berg | shows  |
        | full Outlook    | Lee Chan  | shows  |
        | Outlook Web App | Lee Chan  | shows  |
        | full Outlook    | Erik Moss | hides  |

      @PRES-01 @documented @shows-failure
      Examples: OWA hides it for external contacts
        | client          | sender    | button |
        | Outlook Web App | Anna Berg | hides  |
        | Outlook Web App | Jed Hill  | hides  |

    @PRES-01 @documented @tenant-check
    Example: Every external contact of the Lync Online forest is checked for the IM button
      When every external contact of the Lync Online forest is checked for the IM button in Outlook and OWA
      Then each contact without a SIP address is reported as a warning: no client shows an IM button

  Rule: PRES-02 A Lync Online user can pin at most 250 contacts to the contact list

    @PRES-02 @documented
    Example: The 250th contact is pinned
      Given "Pat Kim" is signed in to Lync Online
      And she has pinned 249 contacts
      When she pins "Lee Chan" to her contact list
      Then the contact is added

    @PRES-02 @documented @shows-failure
    Example: The 251st contact is refused
      Given "Pat Kim" is signed in to Lync Online
      And she has pinned 250 contacts
      When she pins "Lee Chan" to her contact list
      Then the contact list refuses it as full

  Rule: PRES-03 A Lync Online user has at most 200 concurrent presence subscriptions; past that IM and adding contacts still work, but no further presence is shown and viewing presence says "Maximum Followers Reached"

    @PRES-03 @documented
    Example: The 200th subscription still shows presence
      Given "Pat Kim" is signed in to Lync Online
      And she has pinned 199 contacts
      When she pins "Lee Chan" to her contact list
      Then the contact is added
      And she sees the presence of "Lee Chan" as "Available"

    @PRES-03 @documented @shows-failure
    Example: Past 200 subscriptions: IM and adding work, presence does not
      Given "Pat Kim" is signed in to Lync Online
      And she has pinned 200 contacts
      When she pins "Lee Chan" to her contact list
      Then the contact is added
      And her instant message to "Lee Chan" is delivered
      And she sees the presence of "Lee Chan" as "Maximum Followers Reached"

    @PRES-03 @documented @shows-failure
    Example: A person already followed by 200 people (KB2795173)
      Given 200 people already follow the presence of "Lee Chan"
      And "Pat Kim" is signed in to Lync Online
      When she pins "Lee Chan" to her contact list
      Then the contact is added
      And her instant message to "Lee Chan" is delivered
      And she sees the presence of "Lee Chan" as "Maximum Followers Reached"

  Rule: PRES-04 A contact whose SIP address reaches no one is found by search but shows presence unknown

    @PRES-04 @documented
    Example: Jed Hill, with the notes' made-up SIP address
      Given "Pat Kim" is signed in to Lync Online
      When she searches the directory for "Jed"
      Then "Jed Hill" is found
      When she pins "Jed Hill" to her contact list
      Then she sees the presence of "Jed Hill" as "Presence unknown"

    @PRES-04 @documented
    Example: Anna Berg, whose SIP address reaches ABC's Lync, shows her presence
      Given "Pat Kim" is signed in to Lync Online
      When she searches the directory for "Anna"
      Then "Anna Berg" is found
      When she pins "Anna Berg" to her contact list
      Then she sees the presence of "Anna Berg" as "Away"
