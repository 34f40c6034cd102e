package org.xinfang.demo;

import java.util.List;

/** Stable ids and user names of the demo city, for tests and documentation. */
public final class DemoData {

  private DemoData() {}

  /** The demo users' password (printed as a hint when the demo is seeded). */
  public static final String PASSWORD = "demo12345";

  // 辽宁省 (210000)
  public static final String PROVINCE_GOVERNMENT = "ln-gov";
  public static final String PROVINCE_PETITION_BUREAU = "ln-xfj";
  public static final String PROVINCE_DISCIPLINE_INSPECTION = "ln-jw";
  public static final String PROVINCE_HUMAN_RESOURCES = "ln-rst";
  public static final String PROVINCE_HOUSING = "ln-zjt";

  // 大连市 (210200)
  public static final String CITY_GOVERNMENT = "dl-gov";
  public static final String CITY_PETITION_BUREAU = "dl-xfj";
  public static final String CITY_DISCIPLINE_INSPECTION = "dl-jw";
  public static final String CITY_POLITICAL_LEGAL = "dl-zfw";
  public static final String CITY_HUMAN_RESOURCES = "dl-rsj";
  public static final String CITY_HOUSING = "dl-zjj";
  public static final String CITY_NATURAL_RESOURCES = "dl-zrzyj";
  public static final String CITY_PUBLIC_SECURITY = "dl-gaj";

  // 中山区 (210202)
  public static final String ZHONGSHAN_GOVERNMENT = "zs-gov";
  public static final String ZHONGSHAN_PETITION_BUREAU = "zs-xfj";
  public static final String ZHONGSHAN_DISCIPLINE_INSPECTION = "zs-jw";
  public static final String ZHONGSHAN_POLITICAL_LEGAL = "zs-zfw";
  public static final String ZHONGSHAN_HUMAN_RESOURCES = "zs-rsj";
  public static final String ZHONGSHAN_HOUSING = "zs-zjj";

  /** 青泥洼桥街道 (210202002) */
  public static final String QINGNIWAQIAO_STREET = "zs-qnwq";

  /** 友好社区, 青泥洼桥街道 (210202002001) */
  public static final String YOUHAO_COMMUNITY = "zs-qnwq-yh";

  /** 人民路街道 (210202003) */
  public static final String RENMINLU_STREET = "zs-rml";

  // 西岗区 (210203), 沙河口区 (210204), 甘井子区 (210211), 庄河市 (210283)
  public static final String XIGANG_GOVERNMENT = "xg-gov";
  public static final String XIGANG_PETITION_BUREAU = "xg-xfj";
  public static final String SHAHEKOU_GOVERNMENT = "shk-gov";
  public static final String SHAHEKOU_PETITION_BUREAU = "shk-xfj";
  public static final String GANJINGZI_GOVERNMENT = "gjz-gov";
  public static final String GANJINGZI_PETITION_BUREAU = "gjz-xfj";
  public static final String ZHUANGHE_GOVERNMENT = "zh-gov";
  public static final String ZHUANGHE_PETITION_BUREAU = "zh-xfj";

  /** 光明山镇 (210283101), a town with villages */
  public static final String GUANGMINGSHAN_TOWN = "zh-gms";

  /** 登记员 at 大连市信访局 */
  public static final String CITY_REGISTRAR = "dl-clerk";

  /** 承办人 at 大连市人社局 */
  public static final String CITY_HANDLER = "dl-handler";

  /** 领导 at 大连市人民政府 */
  public static final String CITY_LEADER = "dl-leader";

  /** 督查 at 大连市信访局 */
  public static final String CITY_SUPERVISOR = "dl-supervisor";

  /** 登记员 at 中山区信访局 */
  public static final String ZHONGSHAN_REGISTRAR = "zs-clerk";

  /** 承办人 at 中山区人社局 */
  public static final String ZHONGSHAN_HANDLER = "zs-handler";

  /** 承办人 at 大连市纪委监委 */
  public static final String CITY_DISCIPLINE_HANDLER = "dl-jw";

  /** Every demo user name. */
  public static final List<String> USERS =
      List.of(
          CITY_REGISTRAR,
          CITY_HANDLER,
          CITY_LEADER,
          CITY_SUPERVISOR,
          ZHONGSHAN_REGISTRAR,
          ZHONGSHAN_HANDLER,
          CITY_DISCIPLINE_HANDLER);
}
