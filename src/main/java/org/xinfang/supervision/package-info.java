/**
 * Supervision (督查督办, 条例 Arts. 38–40): the deadline watch that grades every open duty each day
 * (pre-warning, overdue levels 1–3) on the working-day calendar, supervision orders (督办, Art. 40) a
 * petition bureau issues to an organ and the organ answers in writing, their escalation by the
 * joint conference (挂牌督办 / 约谈 / 通报, Art. 39 para. 3), and spot checks (网上抽查, Art. 38 para. 2) of
 * concluded petitions against a checklist. Every act is an immutable event. {@link
 * org.xinfang.supervision.Watch}, {@link org.xinfang.supervision.SupervisionOrders} and {@link
 * org.xinfang.supervision.SpotChecks} are the module's face.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Supervision")
package org.xinfang.supervision;
