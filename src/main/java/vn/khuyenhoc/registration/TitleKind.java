package vn.khuyenhoc.registration;

import java.util.Arrays;
import java.util.List;

/**
 * The five learning titles (danh hiệu học tập), in the order reports list them, and the level of the node that
 * registers each: grassroots units register families, communities and citizens; communes register clans and
 * learning units (agencies, schools, enterprises).
 */
public enum TitleKind {

    FAMILY(3), CLAN(2), COMMUNITY(3), UNIT(2), CITIZEN(3);

    private final int registrarLevel;

    TitleKind(int registrarLevel) {
        this.registrarLevel = registrarLevel;
    }

    /** The tree level of the node that registers this kind: 3 (grassroots unit) or 2 (commune). */
    public int registrarLevel() {
        return registrarLevel;
    }

    /** The kinds a node of this level registers, in report order. */
    public static List<TitleKind> registeredAtLevel(int level) {
        return Arrays.stream(values()).filter(k -> k.registrarLevel == level).toList();
    }
}
