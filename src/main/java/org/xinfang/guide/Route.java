package org.xinfang.guide;

import java.util.List;
import org.xinfang.petition.Category;
import org.xinfang.petition.Pathway;

/**
 * Where the route map leads: the legal pathway (LAW.md §4), the organ to approach, what to bring,
 * the time limits and the legal basis — and whether the matter belongs on the petition form.
 *
 * @param id a stable name of the route (message keys {@code guide.route.<id>.*})
 * @param category the class of matter (条例 Arts. 29–31)
 * @param pathway the pathway of 条例 Art. 31 for a grievance; null for suggestions and accusations
 * @param organ the organ to approach
 * @param bring what to bring (message keys {@code guide.bring.<key>})
 * @param limits the time limits the petitioner must keep or may expect
 * @param basis the legal basis, as citations
 * @param petitionForm whether the petition form (信访事项) is the right way in: pathways 5 and 6,
 *     suggestions and accusations; pathways 1–4 are legal procedures of their own (导入)
 * @param hotline a public telephone number for this route, or null
 */
public record Route(
    String id,
    Category category,
    Pathway pathway,
    Organ organ,
    List<String> bring,
    List<TimeLimit> limits,
    List<String> basis,
    boolean petitionForm,
    String hotline) {

  public Route {
    bring = List.copyOf(bring);
    limits = List.copyOf(limits);
    basis = List.copyOf(basis);
  }

  /** Whether the pathway diverts the matter to a legal procedure (条例 Art. 31 items 1–4). */
  public boolean diversion() {
    return pathway != null && pathway.isDiversion();
  }

  /**
   * The organ to approach.
   *
   * @param kind what kind of organ (message key {@code guide.organ.<kind>})
   * @param organisationId the organisation in this deployment's tree, where it has one; else null
   * @param organisationName its name, where it has one; else null
   */
  public record Organ(String kind, String organisationId, String organisationName) {}

  /**
   * A period of the law.
   *
   * @param key what the period is for (message key {@code guide.limit.<key>})
   * @param amount its length
   * @param unit its unit
   * @param basis the article that sets it
   */
  public record TimeLimit(String key, int amount, Unit unit, String basis) {}

  /** The unit of a time limit (message key {@code guide.unit.<unit>}). */
  public enum Unit {
    DAYS,
    WORKING_DAYS,
    MONTHS,
    YEARS
  }
}
