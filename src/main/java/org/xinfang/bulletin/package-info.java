/**
 * Daily bulletins (通报, 条例 Arts. 38–40): generated from the record for a day (or period) and an
 * organisation's jurisdiction — leaders' reception duty done or missed, leader package progress,
 * overdue duties by organ, and whatever further {@link org.xinfang.bulletin.BulletinSection}s other
 * modules contribute (e.g. supervision orders answered or late) — reviewed and published by a
 * supervisor; published bulletins never change. {@link org.xinfang.bulletin.Bulletins} is the
 * module's face.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Bulletins")
package org.xinfang.bulletin;
