@OAB
Feature: How long a change takes to be searchable through the Offline Address Book
  The field notes: "any updates to external contacts in the GAL will not be visible in Lync until the
  next time the Offline Address Book (OAB) is downloaded by the Outlook client". Exchange Online
  generates the OAB at 05:00 once every 24 hours, distributes it to the CAS servers every 480
  minutes, and Outlook downloads it every 24 hours: "in the worst possible scenario, an update to the
  Address Book won't become available to the user until 48 hours after the change."
  These scenarios run on the virtual clock: the Exchange mock generates and distributes the OAB on its
  schedule, and Outlook really checks and downloads it. The notes' schedule is Exchange 2010's;
  Exchange 2013's is the setting oabProfile=exchange2013.

  Background:
    Given "Pat Kim" uses Lync 2013 for Windows with Outlook 2013 in cached mode

  Rule: OAB-01 A change to an external contact in the GAL is not visible in Lync until Outlook next downloads the OAB

    @OAB-01 @documented @shows-failure
    Example: The OAB on the virtual directory has the change, but Outlook has not downloaded it yet
      Given the OAB schedule profile "exchange2010"
      And Outlook downloads the Offline Address Book at Monday 09:00
      When the external contact "Nora Vik" is created at Monday 14:00
      Then the OAB virtual directory is updated at Tuesday 11:00
      And at Tuesday 18:00 Lync still does not find "Nora Vik"
      And at Wednesday 09:00 Outlook checks for a new OAB and Lync finds "Nora Vik"

    @OAB-01 @documented
    Example: Under this run's schedule profile the change is searchable exactly when Outlook downloads it
      Given the OAB schedule profile of this run
      And Outlook downloads the Offline Address Book at Monday 09:00
      When the external contact "Nora Vik" is created at Monday 14:00
      Then Lync finds "Nora Vik" when the model predicts

  Rule: OAB-02 Exchange Online generates a new OAB once every 24 hours, at 05:00

    @OAB-02 @documented
    Scenario Outline: Under the <profile> schedule Exchange generates the OAB at <times>
      Given the OAB schedule profile "<profile>"
      When the clock runs to Wednesday 00:00
      Then Exchange generated the OAB at <times>

      Examples:
        | profile      | times                                                                                 |
        | exchange2010 | Monday 05:00, Tuesday 05:00                                                           |
        | exchange2013 | Monday 05:00, Monday 13:00, Monday 21:00, Tuesday 05:00, Tuesday 13:00, Tuesday 21:00 |

  Rule: OAB-03 Exchange distributes the OAB to the CAS servers every 480 minutes by default

    @OAB-03 @documented
    Example: The virtual directory polls every 480 minutes and serves the 05:00 generation from 11:00
      Given the OAB schedule profile "exchange2010"
      When the clock runs to Tuesday 12:00
      Then the OAB virtual directory polled for a new OAB at Monday 03:00, Monday 11:00, Monday 19:00, Tuesday 03:00, Tuesday 11:00
      And the OAB generated at Tuesday 05:00 reached the virtual directory at Tuesday 11:00

  Rule: OAB-04 Outlook downloads the OAB every 24 hours by default

    @OAB-04 @documented
    Example: Outlook checks for a new OAB every 24 hours after its last download
      Given the OAB schedule profile "exchange2010"
      And Outlook downloads the Offline Address Book at Monday 09:00
      When the clock runs to Thursday 10:00
      Then Outlook checked for a new OAB at Monday 09:00, Tuesday 09:00, Wednesday 09:00, Thursday 09:00

  Rule: OAB-05 The notes: in the worst case a change becomes searchable 48 hours after it was made; the mechanism's worst case on that schedule is 54 hours

    @OAB-05 @documented
    Example: The notes' worked example, Monday to Wednesday
      Given the OAB schedule profile "exchange2010"
      And Outlook downloads the Offline Address Book at Monday 09:00
      When the external contact "Nora Vik" is created at Monday 14:00
      Then Exchange generates the OAB with "Nora Vik" at Tuesday 05:00
      And at Tuesday 09:00 Outlook checks for a new OAB and Lync still does not find "Nora Vik"
      And the OAB virtual directory is updated at Tuesday 11:00
      And at Wednesday 09:00 Outlook checks for a new OAB and Lync finds "Nora Vik"
      And the change took 43 hours to become searchable

    @OAB-05 @documented
    Example: The notes' figure of 48 hours: a change just after a generation, with Outlook downloading at that hour
      Given the OAB schedule profile "exchange2010"
      And Outlook downloads the Offline Address Book at Monday 05:00
      When the external contact "Nora Vik" is created at Monday 05:00, just after the OAB generation
      Then Lync finds "Nora Vik" from Wednesday 05:00, 48 hours after the change
      And that is the notes' worst-case figure of 48 hours

    @OAB-05 @documented
    Example: The mechanism's worst case is 54 hours: a change just after the 05:00 generation, an Outlook that checks just before the 11:00 poll
      Given the OAB schedule profile "exchange2010"
      And Outlook downloads the Offline Address Book at Monday 10:59
      When the external contact "Nora Vik" is created at Tuesday 05:00, just after the OAB generation
      Then Lync finds "Nora Vik" from Thursday 10:59, 53 hours 59 minutes after the change
      And that is the mechanism's worst case on this schedule: 53 hours 59 minutes, where the notes say 48 hours

    @OAB-05 @documented
    Scenario Outline: A change made Monday 14:00 under the <profile> schedule
      Given the OAB schedule profile "<profile>"
      And Outlook downloads the Offline Address Book at Monday 09:00
      When the external contact "Nora Vik" is created at Monday 14:00
      Then Lync finds "Nora Vik" from <when>, <hours> hours after the change

      Examples:
        | profile      | when            | hours |
        | exchange2010 | Wednesday 09:00 | 43    |
        | exchange2013 | Tuesday 09:00   | 19    |

  Rule: OAB-06 A download leaves .oab files with fresh timestamps in the Offline Address Books folder; a forced download shortens the wait

    @OAB-06 @documented
    Example: The .oab files carry the time of the download
      Given the OAB schedule profile "exchange2010"
      When Outlook downloads the Offline Address Book at Monday 09:00
      Then the Offline Address Books folder holds .oab files stamped Monday 09:00

    @OAB-06 @documented
    Example: Forcing a download after the virtual directory was updated brings the change a day early
      Given the OAB schedule profile "exchange2010"
      And Outlook downloads the Offline Address Book at Monday 09:00
      When the external contact "Nora Vik" is created at Monday 14:00
      And the user forces an Offline Address Book download at Tuesday 11:30
      Then Lync finds "Nora Vik" at Tuesday 11:30, before the scheduled download at Wednesday 09:00
      And the Offline Address Books folder holds .oab files stamped Tuesday 11:30
