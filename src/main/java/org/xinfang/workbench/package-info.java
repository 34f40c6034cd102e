/**
 * The staff workbench: sign-in, my work, the registration desk, the petition page and search —
 * every act of the petition lifecycle in a browser (server-rendered, zh-CN first, English too).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Workbench")
package org.xinfang.workbench;
