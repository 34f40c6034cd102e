package org.xinfang.bulletin;

import java.util.Map;
import org.springframework.stereotype.Component;
import org.xinfang.organisation.Organisation;
import org.xinfang.organisation.Organisations;
import org.xinfang.organisation.Users;
import org.xinfang.petition.DutyKind;

/** Names the bulletin prints: organisations, leaders, duties, the sources of assigned duties. */
@Component
class Names {

  static final Map<DutyKind, String> DUTY =
      Map.ofEntries(
          Map.entry(DutyKind.ROUTE, "登记转送交办"),
          Map.entry(DutyKind.NOTIFY_RECEIPT, "告知是否受理"),
          Map.entry(DutyKind.DISPOSE, "检举控告处置"),
          Map.entry(DutyKind.DECIDE_OBJECTION, "处理异议"),
          Map.entry(DutyKind.CONCLUDE, "办结"),
          Map.entry(DutyKind.REPORT, "报送办理结果"),
          Map.entry(DutyKind.REPORT_MAJOR, "报告重大事项"),
          Map.entry(DutyKind.REVIEW, "复查"),
          Map.entry(DutyKind.RE_REVIEW, "复核"),
          Map.entry(DutyKind.OBJECT, "提出异议"),
          Map.entry(DutyKind.REVIEW_WINDOW, "申请复查期"),
          Map.entry(DutyKind.RE_REVIEW_WINDOW, "申请复核期"));

  static final Map<String, String> SOURCE =
      Map.of("CONFERENCE", "联席会议交办", "PACKAGE", "领导包案", "SUPERVISION", "督办");

  private final Organisations organisations;
  private final Users users;

  Names(Organisations organisations, Users users) {
    this.organisations = organisations;
    this.users = users;
  }

  String organisation(String id) {
    return id == null ? "" : organisations.find(id).map(Organisation::displayName).orElse(id);
  }

  String user(String username) {
    return users
        .find(username)
        .map(a -> a.displayName() == null ? username : a.displayName())
        .orElse(username);
  }
}
