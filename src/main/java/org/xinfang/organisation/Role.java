package org.xinfang.organisation;

/** What a user may do for their organisation (API.md Users). */
public enum Role {
  /** 登记: registers and routes at a receiving organ. */
  REGISTRAR,
  /** 承办: accepts, declines, handles, replies. */
  HANDLER,
  /** approves extensions, takes charge of cases. */
  LEADER,
  /** 督查: supervises, spot-checks, reads figures in scope. */
  SUPERVISOR,
  /** organisations, users, calendar, settings. */
  ADMIN
}
