/**
 * What every module's staff pages share with the workbench layout: the base of a module's page
 * advice ({@link org.xinfang.organisation.web.pages.PageAdvice}), the header's signed-in user and
 * language switch, and the workbench error page a refusal answers with.
 */
@org.springframework.modulith.NamedInterface("pages")
package org.xinfang.organisation.web.pages;
