@OAB
Feature: Outlook keeps its Offline Address Book current with the daily differential files
  Exchange writes, with each OAB generation, a differential file (binpatch) that turns the previous
  generation's address book into the new one, and lists the Full file and the differential files it
  keeps in the OAB manifest with their sequence numbers. Outlook in cached mode applies every
  differential file from the address book it has to the newest, in order, and downloads the Full
  file when it cannot: when the first file it needs is no longer kept, or when the address book on
  disk is not the one the files were made from. A third-party decoder (libmspack) applies the same
  served files to the same address book and must get what Outlook installed.

  Background:
    Given "Pat Kim" uses Lync 2013 for Windows with Outlook 2013 in cached mode

  Rule: OAB-07 Outlook brings its Offline Address Book up to date with the daily differential files, and downloads the Full file when it has missed one Exchange no longer keeps or the result does not match

    @OAB-07 @derived
    Example: Each day Outlook downloads that day's differential file, not the Full file
      Given the OAB schedule profile "exchange2010"
      And Outlook downloads the Offline Address Book at Monday 09:00
      When the external contact "Nora Vik" is created at Monday 14:00
      Then at Tuesday 09:00 Outlook updates its Offline Address Book with 1 differential file
      And at Wednesday 09:00 Outlook updates its Offline Address Book with 1 differential file
      And libmspack applies the differential file to Outlook's previous Offline Address Book and gets the one Outlook has
      And Lync finds "Nora Vik"

    @OAB-07 @derived
    Example: An Outlook that was closed for two days applies each day's differential file in order
      Given the OAB schedule profile "exchange2010"
      And Outlook downloads the Offline Address Book at Monday 09:00
      And Outlook is closed from Monday 18:00 until Thursday 09:00
      When the external contact "Nora Vik" is created at Tuesday 14:00
      Then at Thursday 09:00 Outlook updates its Offline Address Book with 3 differential files
      And libmspack applies the differential files to Outlook's previous Offline Address Book and gets the one Outlook has
      And Lync finds "Nora Vik"

    @OAB-07 @derived
    Example: Under the Exchange 2013 schedule a day brings three differential files
      Given the OAB schedule profile "exchange2013"
      And Outlook downloads the Offline Address Book at Monday 09:00
      When the external contact "Nora Vik" is created at Monday 14:00
      Then at Tuesday 09:00 Outlook updates its Offline Address Book with 3 differential files
      And libmspack applies the differential files to Outlook's previous Offline Address Book and gets the one Outlook has

    @OAB-07 @derived @shows-failure
    Example: An Outlook closed for longer than Exchange keeps differential files downloads the Full file
      Given the OAB schedule profile "exchange2010"
      And Outlook downloads the Offline Address Book at Monday 09:00
      And Outlook is closed from Monday 18:00 until week 6 Monday 09:00
      When the external contact "Nora Vik" is created at week 5 Wednesday 14:00
      Then at week 6 Monday 09:00 Outlook downloads the Full Offline Address Book
      And Lync finds "Nora Vik"

    @OAB-07 @derived @shows-failure
    Example: An Outlook whose address book on disk was damaged downloads the Full file
      Given the OAB schedule profile "exchange2010"
      And Outlook downloads the Offline Address Book at Monday 09:00
      When the Offline Address Book on Outlook's disk is damaged at Monday 12:00
      Then at Tuesday 09:00 Outlook downloads the Full Offline Address Book
      And at Wednesday 09:00 Outlook updates its Offline Address Book with 1 differential file
