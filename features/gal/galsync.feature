@GAL
Feature: GALSync copies the users of one forest as contacts into the other
  ABC Corp (Lync Server on-premises) and XYZ Corp (Lync Online) share a GAL with FIM 2010 R2 GALSync:
  each user of one forest becomes a contact in the other forest's GALSync OU. GALSync runs here as a
  client of both forests' domain controllers, and every contact is read back from XYZ's directory.

  Rule: GAL-01 GALSync projects every user of one forest as a contact in the other forest.

    @GAL-01 @documented
    Scenario Outline: ABC users become contacts in XYZ with the <flow> flow
      When GALSync runs with the <flow> flow for the ABC users "Anna Berg, Ivan Novak, Mia Stone"
      Then XYZ holds a contact for each of them in its GALSync OU

      Examples:
        | flow           |
        | out-of-the-box |
        | documented     |

    @GAL-01 @documented @tenant-check
    Example: Every user of the tenant is looked up as a contact in the other forest
      When every user of the tenant is looked up as a contact in the other forest
      Then each object that breaks the rule is reported as a finding

  Rule: GAL-02 The out-of-the-box GALSync flow does not carry msRTCSIP-PrimaryUserAddress, so contacts have no SIP address until the flow is changed to include it.

    @GAL-02 @documented @shows-failure
    Example: Out of the box, the contacts in XYZ carry no SIP address
      When GALSync runs with the out-of-the-box flow for the ABC users "Anna Berg, Ivan Novak"
      Then none of their contacts in XYZ has a SIP address

    @GAL-02 @documented
    Example: With the documented flow, the contacts carry the users' SIP addresses
      When GALSync runs with the documented flow for the ABC users "Anna Berg, Ivan Novak"
      Then each of their contacts in XYZ carries the user's SIP address

    @GAL-02 @documented @tenant-check
    Example: The flow given for this run is previewed for every user of both forests
      When GALSync runs with this run's flow for every user of both forests
      Then each user whose contact would carry no SIP address is reported

  Rule: GAL-06 mailNickname can be filled from sAMAccountName.

    @GAL-06 @documented
    Example: The documented flow fills mailNickname from the user's sAMAccountName
      When GALSync runs with the documented flow for the ABC users "Anna Berg, Fiona Grant"
      Then each contact's mailNickname in XYZ is the user's sAMAccountName

  Rule: GAL-07 sAMAccountName, displayName and CN must not be blank; an object with any of them blank is rejected.

    @GAL-07 @documented
    Example: A user with sAMAccountName, displayName and CN filled in gets a contact
      When GALSync runs with the documented flow for the ABC user "Anna Berg"
      Then XYZ holds a contact for each of them in its GALSync OU

    @GAL-07 @documented @shows-failure
    Example: A user with a blank displayName is rejected and gets no contact
      When GALSync runs with the documented flow for the ABC user "Dana Lee"
      Then GALSync rejects "Dana Lee" and XYZ holds no contact for them

    # A user in AD always has a sAMAccountName (AD makes one up when none is given) and a CN (it names
    # the object): these two are blank where GALSync reads them, in the metaverse, when the management
    # agent does not import them.
    @GAL-07 @documented @shows-failure
    Scenario Outline: A user whose <attribute> reaches the metaverse blank is rejected and gets no contact
      Given GALSync's management agent for ABC does not import <attribute> into the metaverse
      When GALSync runs with the changed flow for the ABC user "Ivan Novak"
      Then GALSync rejects "Ivan Novak" and XYZ holds no contact for them

      Examples:
        | attribute      |
        | sAMAccountName |
        | cn             |

    @GAL-07 @documented @tenant-check
    Example: Every user of the tenant is checked for blank required attributes
      When every object of the tenant is checked for blank required attributes
      Then each object that breaks the rule is reported as a finding
