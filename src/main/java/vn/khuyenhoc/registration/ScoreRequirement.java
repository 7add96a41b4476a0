package vn.khuyenhoc.registration;

/**
 * What the criteria feature tells the evaluation about scores, without this feature depending on it: whether a
 * complete criteria set applies to a kind and year (then a recognition needs scores), and whether a registration
 * has scores that let it be recognised (so that one decision may recognise many scored ones at once).
 */
public interface ScoreRequirement {

    /** Whether a complete criteria set applies to this kind and year. */
    boolean needsScores(TitleKind kind, int year);

    /** Whether this registration may be recognised without new scores: no set applies, or its scores pass. */
    boolean allowsRecognition(long registrationId, TitleKind kind, int year);
}
