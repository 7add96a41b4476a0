package vn.khuyenhoc.rollup;

/** The five learning titles the dashboards count, in the order reports list them. */
public enum TitleKind {
    FAMILY, CLAN, COMMUNITY, UNIT, CITIZEN
}
