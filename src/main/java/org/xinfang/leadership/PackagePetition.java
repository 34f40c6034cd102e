package org.xinfang.leadership;

import java.util.List;

/**
 * A petition of a package as the reader may see it (personal data masked); {@code readable} false
 * when it lies outside the reader's scope, and then only the id is given.
 */
public record PackagePetition(
    String id,
    boolean readable,
    String number,
    String subject,
    String state,
    String handlingOrganisation,
    List<String> petitioners,
    boolean concluded,
    boolean resolved) {}
