/**
 * Sign-in and the edge of access: HTTP Basic or revocable bearer tokens for the API, a form login
 * and session for the pages, the lock-out after repeated failed sign-ins, Argon2id password hashes,
 * the bootstrap administrator, and the access policy other modules consult.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Access")
package org.xinfang.access;
