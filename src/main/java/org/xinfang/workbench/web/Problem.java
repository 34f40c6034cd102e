package org.xinfang.workbench.web;

/**
 * A refusal shown next to a form, in the user's language: what went wrong and, for a rule of the
 * law, the rule and its article.
 *
 * @param rule the rule's short name as the API reports it (e.g. collective-visit-representatives)
 * @param article the article in the user's language (e.g. 条例第20条第3款)
 * @param detail the domain's own words, for the record (may be English)
 */
public record Problem(String title, String message, String rule, String article, String detail) {}
