package vn.khuyenhoc.registration;

import java.util.Arrays;
import java.util.List;

/**
 * The learning titles (danh hiệu học tập), in the order reports list them, with the levels of the nodes that
 * register each and the level that recognises it (DESIGN.md §10): grassroots units register families, communities
 * and citizens, which their commune recognises; communes register clans and learning units, which they recognise
 * themselves, and register themselves as learning communes (COMMUNE), which their province recognises; provinces
 * register their province-level learning units, which they recognise, and themselves as learning provinces
 * (PROVINCE), which the national board recognises.
 */
public enum TitleKind {

    FAMILY(2, 3), CLAN(2, 2), COMMUNITY(2, 3), UNIT(-1, 2, 1), CITIZEN(2, 3), COMMUNE(1, 2), PROVINCE(0, 1);

    /** The recognising level, or -1 for "the registering node's own level" (learning units). */
    private final int recognisingLevel;
    private final int[] registrarLevels;

    TitleKind(int recognisingLevel, int... registrarLevels) {
        this.recognisingLevel = recognisingLevel;
        this.registrarLevels = registrarLevels;
    }

    /** Whether nodes of this tree level (1 province, 2 commune, 3 grassroots unit) register this kind. */
    public boolean registeredAt(int level) {
        return Arrays.stream(registrarLevels).anyMatch(l -> l == level);
    }

    /** The level (0 national, 1 province, 2 commune) that recognises this kind when a node of this level registers it. */
    public int recognisingLevel(int registrarLevel) {
        return recognisingLevel < 0 ? registrarLevel : recognisingLevel;
    }

    /** Whether the staff of a node of this level recognise registrations of this kind (made somewhere below or there). */
    public boolean recognisedAt(int level) {
        return Arrays.stream(registrarLevels).anyMatch(r -> recognisingLevel(r) == level);
    }

    /** The kinds a node of this level registers, in report order. */
    public static List<TitleKind> registeredAtLevel(int level) {
        return Arrays.stream(values()).filter(k -> k.registeredAt(level)).toList();
    }

    /** The kinds whose registrations a node of this level recognises, in report order. */
    public static List<TitleKind> recognisedAtLevel(int level) {
        return Arrays.stream(values()).filter(k -> k.recognisedAt(level)).toList();
    }

    /** The kinds that can be registered in the subtree of a node of this level, in report order. */
    public static List<TitleKind> countedAtLevel(int level) {
        return Arrays.stream(values())
                .filter(k -> Arrays.stream(k.registrarLevels).anyMatch(r -> r >= level)).toList();
    }
}
