package org.xinfang.portal.web;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.xinfang.notice.Notices;

/**
 * The notices module's facade as the portal needs it: only issued notices addressed to the
 * petitioner (受理告知书, 处理意见书 …), never the forwarding letters between organs, and a PDF only for one
 * of those.
 */
@Component
class NoticesAdapter implements PetitionerNotices {

  private final Notices notices;

  NoticesAdapter(Notices notices) {
    this.notices = notices;
  }

  @Override
  public List<Link> list(String petitionId) {
    return notices.listForPetitioner(petitionId).stream()
        .map(n -> new Link(n.id(), n.kind().name(), n.documentNumber(), n.issuedOn(), n.title()))
        .toList();
  }

  @Override
  public Optional<byte[]> pdf(String petitionId, String noticeId) {
    if (list(petitionId).stream().noneMatch(l -> l.id().equals(noticeId))) {
      return Optional.empty();
    }
    return Optional.of(notices.pdf(petitionId, noticeId));
  }
}
