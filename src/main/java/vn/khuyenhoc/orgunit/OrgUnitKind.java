package vn.khuyenhoc.orgunit;

/** What a node of the tree is. Grassroots units (level 3) are chapters or education promotion boards. */
public enum OrgUnitKind {

    CENTRAL, PROVINCE, COMMUNE, CHAPTER, BOARD;

    public boolean isGrassroots() {
        return this == CHAPTER || this == BOARD;
    }
}
