package org.xinfang.demo;

import static org.xinfang.demo.DemoData.*;
import static org.xinfang.organisation.OrgLevel.CITY;
import static org.xinfang.organisation.OrgLevel.COUNTY;
import static org.xinfang.organisation.OrgLevel.PROVINCE;
import static org.xinfang.organisation.OrgLevel.TOWNSHIP;
import static org.xinfang.organisation.OrgLevel.VILLAGE;
import static org.xinfang.organisation.OrgType.DEPARTMENT;
import static org.xinfang.organisation.OrgType.DISCIPLINE_INSPECTION;
import static org.xinfang.organisation.OrgType.GOVERNMENT;
import static org.xinfang.organisation.OrgType.PETITION_BUREAU;
import static org.xinfang.organisation.OrgType.POLITICAL_LEGAL;
import static org.xinfang.organisation.OrgType.VILLAGE_COMMITTEE;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.xinfang.organisation.NewOrganisation;
import org.xinfang.organisation.NewUser;
import org.xinfang.organisation.OrgLevel;
import org.xinfang.organisation.OrgType;
import org.xinfang.organisation.Role;

/**
 * The demo city: 辽宁省 › 大连市 › five districts and a county-level city › streets and towns ›
 * communities and villages. County codes are GB/T 2260; township (9 digits) and village (12 digits)
 * codes extend them as the statistics division codes do. Parents come before their children.
 */
final class DemoCity {

  private DemoCity() {}

  private record Community(String key, String name, boolean village) {}

  private record Street(
      String key, String name, String code, boolean town, List<Community> units) {}

  private record District(String prefix, String name, String code, List<Street> streets) {}

  private static final List<District> DISTRICTS =
      List.of(
          new District(
              "zs",
              "中山区",
              "210202",
              List.of(
                  street("qnwq", "青泥洼桥", "210202002", community("yh", "友好"), community("gl", "桂林")),
                  street("rml", "人民路", "210202003", community("gw", "港湾"), community("dg", "东港")),
                  street(
                      "lht",
                      "老虎滩",
                      "210202007",
                      community("lht", "老虎滩"),
                      community("sdj", "石道街")))),
          new District(
              "xg",
              "西岗区",
              "210203",
              List.of(
                  street(
                      "by", "白云", "210203002", community("byxc", "白云新村"), community("blz", "柏岚子")),
                  street(
                      "rmgc",
                      "人民广场",
                      "210203005",
                      community("ccl", "长春路"),
                      community("dq", "大庆")))),
          new District(
              "shk",
              "沙河口区",
              "210204",
              List.of(
                  street("ml", "马栏", "210204008", community("ml", "马栏"), community("xnl", "西南路")),
                  street(
                      "hsj",
                      "黑石礁",
                      "210204010",
                      community("hsj", "黑石礁"),
                      community("xhw", "星海湾")))),
          new District(
              "gjz",
              "甘井子区",
              "210211",
              List.of(
                  street("zsz", "周水子", "210211001", community("jc", "机场"), community("zsz", "周水子")),
                  street("hq", "红旗", "210211006", community("hq", "红旗"), village("sd", "山东")),
                  street("dlw", "大连湾", "210211010", community("dlw", "大连湾"), village("tl", "棠梨")))),
          new District(
              "zh",
              "庄河市",
              "210283",
              List.of(
                  street("cg", "城关", "210283001", community("cd", "城东"), community("cx", "城西")),
                  new Street(
                      "gms",
                      "光明山",
                      "210283101",
                      true,
                      List.of(village("gms", "光明山"), village("sjs", "三架山"))))));

  static List<NewOrganisation> organisations() {
    List<NewOrganisation> orgs = new ArrayList<>();

    // 辽宁省
    orgs.add(
        org(PROVINCE_GOVERNMENT, "辽宁省人民政府", "辽宁省政府", PROVINCE, GOVERNMENT, null, "210000", null));
    orgs.add(
        org(
            PROVINCE_PETITION_BUREAU,
            "辽宁省信访局",
            null,
            PROVINCE,
            PETITION_BUREAU,
            PROVINCE_GOVERNMENT,
            "210000",
            "信访"));
    orgs.add(
        org(
            PROVINCE_DISCIPLINE_INSPECTION,
            "中共辽宁省纪律检查委员会 辽宁省监察委员会",
            "辽宁省纪委监委",
            PROVINCE,
            DISCIPLINE_INSPECTION,
            PROVINCE_GOVERNMENT,
            "210000",
            "纪检监察"));
    orgs.add(
        org(
            "ln-zfw",
            "中共辽宁省委政法委员会",
            "辽宁省委政法委",
            PROVINCE,
            POLITICAL_LEGAL,
            PROVINCE_GOVERNMENT,
            "210000",
            "政法"));
    orgs.add(
        dept(
            PROVINCE_HUMAN_RESOURCES,
            "辽宁省人力资源和社会保障厅",
            "辽宁省人社厅",
            PROVINCE,
            PROVINCE_GOVERNMENT,
            "210000",
            "人社"));
    orgs.add(
        dept(
            PROVINCE_HOUSING,
            "辽宁省住房和城乡建设厅",
            "辽宁省住建厅",
            PROVINCE,
            PROVINCE_GOVERNMENT,
            "210000",
            "住建"));
    orgs.add(dept("ln-zrzyt", "辽宁省自然资源厅", null, PROVINCE, PROVINCE_GOVERNMENT, "210000", "自然资源"));
    orgs.add(dept("ln-gat", "辽宁省公安厅", null, PROVINCE, PROVINCE_GOVERNMENT, "210000", "公安"));

    // 大连市
    orgs.add(
        org(
            CITY_GOVERNMENT,
            "大连市人民政府",
            "大连市政府",
            CITY,
            GOVERNMENT,
            PROVINCE_GOVERNMENT,
            "210200",
            null));
    orgs.add(
        org(
            CITY_PETITION_BUREAU,
            "大连市信访局",
            null,
            CITY,
            PETITION_BUREAU,
            CITY_GOVERNMENT,
            "210200",
            "信访"));
    orgs.add(
        org(
            CITY_DISCIPLINE_INSPECTION,
            "中共大连市纪律检查委员会 大连市监察委员会",
            "大连市纪委监委",
            CITY,
            DISCIPLINE_INSPECTION,
            CITY_GOVERNMENT,
            "210200",
            "纪检监察"));
    orgs.add(
        org(
            CITY_POLITICAL_LEGAL,
            "中共大连市委政法委员会",
            "大连市委政法委",
            CITY,
            POLITICAL_LEGAL,
            CITY_GOVERNMENT,
            "210200",
            "政法"));
    orgs.add(
        dept(
            CITY_HUMAN_RESOURCES,
            "大连市人力资源和社会保障局",
            "大连市人社局",
            CITY,
            CITY_GOVERNMENT,
            "210200",
            "人社"));
    orgs.add(dept(CITY_HOUSING, "大连市住房和城乡建设局", "大连市住建局", CITY, CITY_GOVERNMENT, "210200", "住建"));
    orgs.add(
        dept(CITY_NATURAL_RESOURCES, "大连市自然资源局", null, CITY, CITY_GOVERNMENT, "210200", "自然资源"));
    orgs.add(dept(CITY_PUBLIC_SECURITY, "大连市公安局", null, CITY, CITY_GOVERNMENT, "210200", "公安"));

    // districts and the county-level city, their streets, towns, communities and villages
    for (District d : DISTRICTS) {
      boolean countyCity = d.name().endsWith("市");
      String full = countyCity ? d.name() : "大连市" + d.name();
      String gov = d.prefix() + "-gov";
      orgs.add(
          org(
              gov,
              full + "人民政府",
              d.name() + "政府",
              COUNTY,
              GOVERNMENT,
              CITY_GOVERNMENT,
              d.code(),
              null));
      orgs.add(
          org(
              d.prefix() + "-xfj",
              full + "信访局",
              d.name() + "信访局",
              COUNTY,
              PETITION_BUREAU,
              gov,
              d.code(),
              "信访"));
      orgs.add(
          org(
              d.prefix() + "-jw",
              "中共" + full + "纪律检查委员会 " + full + "监察委员会",
              d.name() + "纪委监委",
              COUNTY,
              DISCIPLINE_INSPECTION,
              gov,
              d.code(),
              "纪检监察"));
      orgs.add(
          org(
              d.prefix() + "-zfw",
              "中共" + full + "委政法委员会",
              d.name() + "委政法委",
              COUNTY,
              POLITICAL_LEGAL,
              gov,
              d.code(),
              "政法"));
      orgs.add(
          dept(
              d.prefix() + "-rsj",
              full + "人力资源和社会保障局",
              d.name() + "人社局",
              COUNTY,
              gov,
              d.code(),
              "人社"));
      orgs.add(
          dept(
              d.prefix() + "-zjj",
              full + "住房和城乡建设局",
              d.name() + "住建局",
              COUNTY,
              gov,
              d.code(),
              "住建"));
      for (Street s : d.streets()) {
        String streetId = d.prefix() + "-" + s.key();
        String streetName = s.town() ? s.name() + "镇" : s.name() + "街道";
        orgs.add(
            org(
                streetId,
                s.town() ? streetName + "人民政府" : streetName + "办事处",
                streetName,
                TOWNSHIP,
                GOVERNMENT,
                gov,
                s.code(),
                null));
        int communities = 0;
        int villages = 0;
        for (Community c : s.units()) {
          String code =
              s.code()
                  + (c.village()
                      ? "%03d".formatted(201 + villages++)
                      : "%03d".formatted(1 + communities++));
          String unitName = c.village() ? c.name() + "村" : c.name() + "社区";
          orgs.add(
              org(
                  streetId + "-" + c.key(),
                  unitName + (c.village() ? "村民委员会" : "居民委员会"),
                  unitName,
                  VILLAGE,
                  VILLAGE_COMMITTEE,
                  streetId,
                  code,
                  null));
        }
      }
    }
    return List.copyOf(orgs);
  }

  static List<NewUser> users() {
    return List.of(
        user(CITY_REGISTRAR, "大连市信访局 登记员", CITY_PETITION_BUREAU, Role.REGISTRAR),
        user(CITY_HANDLER, "大连市人社局 承办人", CITY_HUMAN_RESOURCES, Role.HANDLER),
        user(CITY_LEADER, "大连市政府 分管领导", CITY_GOVERNMENT, Role.LEADER),
        user(CITY_SUPERVISOR, "大连市信访局 督查员", CITY_PETITION_BUREAU, Role.SUPERVISOR),
        user(ZHONGSHAN_REGISTRAR, "中山区信访局 登记员", ZHONGSHAN_PETITION_BUREAU, Role.REGISTRAR),
        user(ZHONGSHAN_HANDLER, "中山区人社局 承办人", ZHONGSHAN_HUMAN_RESOURCES, Role.HANDLER),
        user(CITY_DISCIPLINE_HANDLER, "大连市纪委监委 承办人", CITY_DISCIPLINE_INSPECTION, Role.HANDLER));
  }

  private static NewUser user(
      String username, String displayName, String organisationId, Role role) {
    return new NewUser(username, PASSWORD, displayName, organisationId, Set.of(role));
  }

  private static Street street(String key, String name, String code, Community... units) {
    return new Street(key, name, code, false, List.of(units));
  }

  private static Community community(String key, String name) {
    return new Community(key, name, false);
  }

  private static Community village(String key, String name) {
    return new Community(key, name, true);
  }

  private static NewOrganisation dept(
      String id,
      String name,
      String shortName,
      OrgLevel level,
      String parentId,
      String code,
      String line) {
    return org(id, name, shortName, level, DEPARTMENT, parentId, code, line);
  }

  private static NewOrganisation org(
      String id,
      String name,
      String shortName,
      OrgLevel level,
      OrgType type,
      String parentId,
      String code,
      String line) {
    return new NewOrganisation(id, name, shortName, level, type, parentId, code, line, false);
  }
}
