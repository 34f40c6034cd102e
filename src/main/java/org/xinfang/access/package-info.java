/**
 * Sign-in and the edge of access: HTTP Basic for the API, a form login for the pages, the bootstrap
 * administrator, and the access policy other modules consult.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Access")
package org.xinfang.access;
