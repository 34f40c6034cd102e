/**
 * Assigned duties (待办) beside the statutory ones: what a joint-conference decision, a leader's
 * case-package plan or a supervision order makes an organisation owe, with a due date and the basis
 * that created it. The petition's statutory duties stay derived from its history; these are
 * recorded when assigned and closed when done. {@link org.xinfang.task.Tasks} is the module's face.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Assigned duties")
package org.xinfang.task;
