@SRCH
Feature: The client matrix of the notes' deployment
  ABC Corp runs Lync 2010 on-premises; the update of 3/9/2015 says Lync and Outlook must be the same
  version and names Lync 2013 with Outlook 2013 as the pair that works. The catalog's clientMatrix lists
  every client of the era with what it finds, and says which combinations the notes state and which
  are derived; these are the derived pairs of Lync 2010 for Windows (the stated ones are the examples
  of SRCH-02 to SRCH-05 and SRCH-08).

  Rule: SRCH-11 The same-version rule holds over every Lync for Windows and Outlook pair of the notes' era: Lync 2010 with Outlook 2010 in cached mode, the OAB downloaded, finds external contacts as Lync 2013 with Outlook 2013 does; Lync 2010 with Outlook 2013, and either pair in online mode, do not.

    Scenario Outline: Lync <lync> for Windows with Outlook <outlook> in <mode> mode, searching for Jed
      Given "Pat Kim" uses Lync <lync> for Windows with Outlook <outlook> in <mode> mode
      And Outlook has downloaded the Offline Address Book
      When "Pat Kim" searches for "Jed"
      Then the search <result> "Jed Hill"

      @SRCH-11 @derived
      Examples: The same version: Lync 2010 with Outlook 2010
        | lync | outlook | mode   | result |
        | 2010 | 2010    | cached | finds  |

      @SRCH-11 @derived @shows-failure
      Examples: Online mode, or mixed versions the other way round
        | lync | outlook | mode   | result        |
        | 2010 | 2010    | online | does not find |
        | 2010 | 2013    | cached | does not find |
        | 2010 | 2013    | online | does not find |
