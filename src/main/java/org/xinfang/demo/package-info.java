/**
 * The demo city seeded on an embedded first start (大连市 in 辽宁省): governments, petition bureaus,
 * departments, streets, townships and communities with real region codes, and a few demo users.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package org.xinfang.demo;
