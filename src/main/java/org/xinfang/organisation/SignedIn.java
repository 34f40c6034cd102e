package org.xinfang.organisation;

/**
 * The signed-in user as a page header shows them: every staff page's layout uses it.
 *
 * @param organisationName the display name of the user's organisation, empty for none
 */
public record SignedIn(String username, String displayName, String organisationName) {}
