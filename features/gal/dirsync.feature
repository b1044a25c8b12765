@GAL
Feature: DirSync exports the external contacts Lync Online users can reach
  The field notes, tip 1: "mailnickname and targetaddress is required for Azure Active Directory
  Synchronization to export the object to Office 365 so that it is accessible for the Lync Online users."
  DirSync runs here as a client of XYZ's domain controller.

  Rule: GAL-05 DirSync exports a contact to Office 365 (where Lync Online users can reach it) only when both mailNickname and targetAddress are set.

    @GAL-05 @documented
    Example: A contact with mailNickname and targetAddress is exported
      When GALSync runs with the documented flow for the ABC user "Anna Berg"
      And DirSync runs in XYZ
      Then the contact of "Anna Berg" is exported to Office 365

    @GAL-05 @documented @shows-failure
    Example: A contact without mailNickname stays behind
      Given the documented flow is changed to leave out mailNickname
      When GALSync runs with the changed flow for the ABC user "Anna Berg"
      And DirSync runs in XYZ
      Then the contact of "Anna Berg" is not-exported to Office 365

    @GAL-05 @documented @shows-failure
    Example: A contact without targetAddress stays behind
      Given the documented flow is changed to leave out targetAddress
      When GALSync runs with the changed flow for the ABC user "Anna Berg"
      And DirSync runs in XYZ
      Then the contact of "Anna Berg" is not-exported to Office 365

    @GAL-05 @documented @tenant-check
    Example: Every contact of the online forest, and every contact this run's flow would write there, is checked for export to Office 365
      When every object of the tenant is checked for export to Office 365
      Then each object that breaks the rule is reported as a finding
