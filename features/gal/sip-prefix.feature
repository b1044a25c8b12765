@GAL
Feature: SIP addresses written by GALSync
  The field notes, tip 2: "When populating the msRTCSIP-PrimaryUserAddress field, make sure to
  pre-pend with the sip: in front of the address."

  Rule: GAL-03 msRTCSIP-PrimaryUserAddress must carry the sip: prefix; a bare address is a defect

    @GAL-03 @documented
    Example: A contact whose SIP address carries the prefix
      Given a contact "Anna Berg" with msRTCSIP-PrimaryUserAddress "sip:anna.berg@abc.corp"
      Then its SIP address is well-formed

    @GAL-03 @documented @shows-failure
    Example: A contact whose SIP address lacks the prefix is a defect
      Given a contact "Carl Ortiz" with msRTCSIP-PrimaryUserAddress "carl.ortiz@abc.corp"
      Then its SIP address is reported as lacking the sip: prefix

    @GAL-03 @documented @tenant-check
    Example: Every contact in the tenant is checked for the sip: prefix
      When every contact of the tenant is checked for the sip: prefix
      Then each contact with a bare SIP address is reported as a blocking finding
