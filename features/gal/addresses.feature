@GAL
Feature: The SIP and mail routing addresses GALSync writes on contacts
  The field notes, tips 2 and 3: "make sure to pre-pend with the sip: in front of the address", and
  "be sure to pre-pend with SMTP: in front of the email address".

  Rule: GAL-03 msRTCSIP-PrimaryUserAddress must start with the sip prefix; a bare address is a defect.

    @GAL-03 @documented
    Example: The documented flow writes the SIP address with the sip: prefix
      When GALSync runs with the documented flow for the ABC users "Anna Berg, Carl Ortiz"
      Then the SIP address of each contact in XYZ is well-formed

    @GAL-03 @documented @shows-failure
    Example: A flow that writes the bare mail address leaves a defect on every contact
      Given the documented flow is changed to write the SIP address from mail without the sip: prefix
      When GALSync runs with the changed flow for the ABC user "Carl Ortiz"
      Then the SIP address of each contact in XYZ is bare

    @GAL-03 @documented @tenant-check
    Example: Every contact of the tenant, and every contact this run's flow would write, is checked for the sip: prefix
      When every object of the tenant is checked for the sip: prefix
      Then each object that breaks the rule is reported as a finding

  Rule: GAL-04 targetAddress must start with the SMTP prefix.

    @GAL-04 @documented
    Example: The documented flow writes targetAddress with the SMTP: prefix
      When GALSync runs with the documented flow for the ABC users "Anna Berg, Gus Hale"
      Then the targetAddress of each contact in XYZ is well-formed

    @GAL-04 @documented @shows-failure
    Example: A flow that copies the bare mail address into targetAddress leaves a defect
      Given the documented flow is changed to write targetAddress from mail without the SMTP: prefix
      When GALSync runs with the changed flow for the ABC user "Gus Hale"
      Then the targetAddress of each contact in XYZ is bare

    @GAL-04 @documented @tenant-check
    Example: Every contact of the tenant, and every contact this run's flow would write, is checked for the SMTP: prefix
      When every object of the tenant is checked for the SMTP: prefix
      Then each object that breaks the rule is reported as a finding
