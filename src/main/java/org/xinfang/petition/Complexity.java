package org.xinfang.petition;

/**
 * Triage at acceptance (the Dalian playbook: 简单问题马上办、一般问题限时办、疑难问题提级办).
 *
 * <ul>
 *   <li>{@code SIMPLE}: the simplified procedure — an opinion within 10 working days (国信发〔2016〕8号);
 *   <li>{@code GENERAL}: the statutory clock (条例 Art. 34);
 *   <li>{@code DIFFICULT}: escalated one level up (提级办): the upper organ is told and the matter
 *       must get a leader's case package or go to the joint conference.
 * </ul>
 */
public enum Complexity {
  SIMPLE,
  GENERAL,
  DIFFICULT
}
